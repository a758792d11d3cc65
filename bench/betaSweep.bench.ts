/**
 * Issue 17's speed target for the β sweep: n = 3, T = 1000, exact gradients (11 policies, 10
 * trained runs of 1000 steps, then the 11 × 11 win-rate matrix) under 1 s, in the worker's code path
 * (the simulation service's betaSweep, as workers/simulation.worker.ts calls it, without pauses).
 * Also n = 12 and n = 50 at T = 1000, and the cap T = 5000 at n = 3. Median of 5 after a warm-up.
 * Prints a Markdown table.
 *
 *   npx tsx bench/betaSweep.bench.ts
 */
import { cpus } from 'node:os';
import { createSimulationService, highsReady } from '../src/core/simulationService.ts';
import { randomGame } from '../src/core/__tests__/seededGame.ts';

// Nash equilibria solve LPs with HiGHS, loaded asynchronously.
await highsReady;

const now = () => Promise.resolve();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function once(n: number, steps: number, gradient: 'exact' | 'sampled'): Promise<number> {
  const service = createSimulationService();
  const P = randomGame(n, 7);
  const t0 = performance.now();
  const r = await service.betaSweep(
    1,
    {
      preferences: P,
      reference: new Array<number>(n).fill(1 / n),
      initial: Array.from({ length: n }, (_, i) => (i + 1) / ((n * (n + 1)) / 2)),
      tau: 0.1,
      eta: 1,
      comparisons: 'uniform',
      algorithms: ['nash-md-pg'],
      pg: { gradient, lr: 0.2 },
    },
    steps,
    undefined,
    now,
  );
  if (!r.ok) throw new Error(r.problem?.message ?? 'abandoned');
  return (performance.now() - t0) / 1000;
}

console.log(
  `β sweep, ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} cores)`,
);
console.log('11 policies (10 trained), simulation service betaSweep (Bradley–Terry fit included).\n');
console.log('| n | T | gradient | seconds |');
console.log('|---:|---:|:---|---:|');
const cases: [number, number, 'exact' | 'sampled'][] = [
  [3, 1000, 'exact'],
  [3, 1000, 'sampled'],
  [3, 5000, 'exact'],
  [12, 1000, 'exact'],
  [50, 1000, 'exact'],
];
for (const [n, steps, gradient] of cases) {
  await once(n, steps, gradient); // warm-up
  const times: number[] = [];
  for (let k = 0; k < 5; k++) times.push(await once(n, steps, gradient));
  console.log(`| ${n} | ${steps} | ${gradient} | ${median(times).toFixed(3)} |`);
}
