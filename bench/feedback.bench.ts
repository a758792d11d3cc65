/**
 * Sampled feedback (issue 16): time to sample 10⁶ comparisons at n = 12 (target: under 100 ms)
 * and at n = 500 (counts kept sparse), and the sample-size curve at n = 3 with K = 20 seeds on the
 * grid 10, 30, …, 10⁵ (target: under 2 s), in the core and through the worker's sliced lane (the
 * simulation service's sampleSize, pausing a task every 25 ms as in the worker). Median of 5 runs
 * (3 for the curves). Prints a Markdown table.
 *
 *   npm run bench:feedback     (or: npx tsx bench/feedback.bench.ts)
 */
import { cpus, loadavg } from 'node:os';
import { sampleFeedback } from '../src/core/feedback.ts';
import { sampleSizeCurve, sampleSizeGrid } from '../src/core/sampleSizeCurve.ts';
import { randomGame } from '../src/core/__tests__/seededGame.ts';
import { createSimulationService, highsReady } from '../src/core/simulationService.ts';

// Nash equilibria solve LPs with HiGHS, loaded asynchronously.
await highsReady;

/** Median and fastest of `repeats` runs (the fastest is the cost without the other processes' share). */
function timeMs(run: () => void, repeats = 5): string {
  const times: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return `median ${times[Math.floor(repeats / 2)].toFixed(1)} ms, fastest ${times[0].toFixed(1)} ms`;
}

const uniformMu = (n: number) => new Array<number>(n).fill(1 / n);
const rows: string[] = [];
for (const n of [12, 500]) {
  const P = randomGame(n, 1);
  for (const sampling of ['uniform', 'reference'] as const) {
    let pairs = 0;
    const ms = timeMs(() => {
      pairs = sampleFeedback(P, 1_000_000, sampling, uniformMu(n), 7).i.length;
    });
    rows.push(
      `| 10⁶ comparisons at n = ${n}, pairs ${sampling === 'uniform' ? 'uniform' : 'from μ'} | ${ms} (${pairs.toLocaleString('en')} observed pairs kept) |`,
    );
  }
}
const rps = [
  [0.5, 0.1, 0.9],
  [0.9, 0.5, 0.1],
  [0.1, 0.9, 0.5],
];
for (const tau of [0.1, 0]) {
  const ms = timeMs(
    () =>
      sampleSizeCurve({
        preferences: rps,
        reference: [0.5, 0.3, 0.2],
        tau,
        sampling: 'uniform',
        smoothing: 0.5,
        sizes: sampleSizeGrid(100_000),
        seeds: 20,
        seed: 1,
      }),
    3,
  );
  rows.push(`| sample-size curve, n = 3, τ = ${tau}, K = 20, N = 10 … 10⁵ (9 sizes) | ${ms} |`);
}
// The worker's lane: a fresh service each time (nothing cached), slices and pauses included.
for (const tau of [0.1, 0]) {
  const times: number[] = [];
  for (let r = 0; r < 3; r++) {
    const t0 = performance.now();
    const answer = await createSimulationService().sampleSize(r + 1, {
      preferences: rps,
      reference: [0.5, 0.3, 0.2],
      initial: [1 / 3, 1 / 3, 1 / 3],
      tau,
      eta: 0.5,
      comparisons: 'uniform',
      algorithms: [],
      feedback: { comparisons: 100_000, sampling: 'uniform', seed: 1, smoothing: 0.5 },
    });
    times.push(performance.now() - t0);
    if (!answer.ok) throw new Error('the sample-size lane did not answer');
  }
  const ms = times.sort((a, b) => a - b)[1];
  rows.push(`| … through the worker's sliced lane (service.sampleSize), τ = ${tau} | ${ms.toFixed(0)} ms |`);
}
console.log(
  `Feedback sampling, ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus()[0]?.model ?? 'CPU'}, load average ${loadavg()[0].toFixed(1)} (2 cores)\n`,
);
console.log('| measure | result |\n|---|---|');
for (const r of rows) console.log(r);
