/**
 * Issue 17's speed target: 10 seeds × 10,000 sampled policy-gradient steps at n = 12, B = 16, in
 * the worker's code path (the simulation service's compute, as workers/simulation.worker.ts calls
 * it), under 1 s. The worker's first answer at n ≤ 39 is deferred: the runs alone, the metrics
 * (KL and exploitability of every row) follow; both are timed. One computation per seed
 * (pgSeed = 1…10), Nash-MD-PG alone and the three PG algorithms together; the equilibria are solved
 * once for the first seed and cached after (as in the app), each with `seeds: 1` (no bundle). Then
 * the same 10 seeds as one computation's seed bundle (`seeds: 10`, seedBundle.ts: the run, 9 more
 * seeds, their mean and the exact-gradient run, as the app computes `gradient=sampled`). Median of
 * 3 repeats after a warm-up. Prints a Markdown table.
 *
 *   npm run bench:pg     (or: npx tsx bench/pg.bench.ts)
 */
import { cpus } from 'node:os';
import type { AlgorithmId } from '../src/core/algorithms/catalog.ts';
import { createSimulationService, highsReady, loadAlgorithms } from '../src/core/simulationService.ts';
import { randomGame } from '../src/core/__tests__/seededGame.ts';

await Promise.all([loadAlgorithms(['nash-md-pg', 'nash-ema-pg', 'rlhf-pg']), highsReady]);

const N = 12;
const SEEDS = 10;
const STEPS = 10_000;
const P = randomGame(N, 7);
const mu = new Array<number>(N).fill(1 / N);
const pi0 = Array.from({ length: N }, (_, i) => (i + 1) / ((N * (N + 1)) / 2));

function run(
  algorithms: AlgorithmId[],
  features: 'tabular' | 'random',
  labels: 'probability' | 'bernoulli',
  defer: boolean,
  bundle = false,
): number {
  const service = createSimulationService<AlgorithmId>();
  const t0 = performance.now();
  for (let seed = 1; seed <= (bundle ? 1 : SEEDS); seed++) {
    const r = service.compute(
      seed,
      {
        preferences: P,
        reference: mu,
        initial: pi0,
        tau: 0.1,
        eta: 1,
        comparisons: 'uniform',
        algorithms,
        pg: { gradient: 'sampled', batch: 16, seed, labels, features, d: 4, lr: 0.2, seeds: bundle ? SEEDS : 1 },
      },
      STEPS,
      undefined,
      undefined,
      defer,
    );
    if (!r.ok) throw new Error(r.problem.message);
  }
  return (performance.now() - t0) / 1000;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

console.log(
  `Policy-gradient throughput, ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} cores)`,
);
console.log(
  `n = ${N}, B = 16, τ = 0.1, ${SEEDS} seeds × ${STEPS.toLocaleString('en')} sampled steps, simulation service's compute.\n`,
);
console.log('| algorithms | features | labels | answer | seconds (10 seeds) | PG steps/s |');
// PG steps/s counts the sampled steps (a bundle's exact-gradient run comes on top of them).
console.log('|:---|:---|:---|:---|---:|---:|');
const cases: [AlgorithmId[], 'tabular' | 'random', 'probability' | 'bernoulli'][] = [
  [['nash-md-pg'], 'tabular', 'probability'],
  [['nash-md-pg'], 'tabular', 'bernoulli'],
  [['nash-md-pg'], 'random', 'bernoulli'],
  [['nash-md-pg', 'nash-ema-pg', 'rlhf-pg'], 'tabular', 'bernoulli'],
];
for (const defer of [true, false])
  for (const [algorithms, features, labels] of cases) {
    run(algorithms, features, labels, defer); // warm-up
    const s = median([0, 1, 2].map(() => run(algorithms, features, labels, defer)));
    console.log(
      `| ${algorithms.join(', ')} | ${features} | ${labels} | ${defer ? 'deferred (runs)' : 'with metrics'} | ${s.toFixed(3)} | ${Math.round((algorithms.length * SEEDS * STEPS) / s).toLocaleString('en')} |`,
    );
  }
for (const defer of [true, false])
  for (const labels of ['probability', 'bernoulli'] as const) {
    run(['nash-md-pg'], 'tabular', labels, defer, true); // warm-up
    const s = median([0, 1, 2].map(() => run(['nash-md-pg'], 'tabular', labels, defer, true)));
    console.log(
      `| nash-md-pg, one seed bundle (K = 10, + exact + mean) | tabular | ${labels} | ${defer ? 'deferred (runs)' : 'with metrics'} | ${s.toFixed(3)} | ${Math.round((SEEDS * STEPS) / s).toLocaleString('en')} |`,
    );
  }
