/**
 * The rows of a run as the worker sends them: every step, or a thinned history of a long run, and
 * their metrics (KL(π*_τ‖π_t) and exploitability). No solver for the LP Nash here, so this module
 * (and previewRuns.ts) can run before the HiGHS WebAssembly module has loaded.
 */
import { matVecOperator } from './matVecOperator.ts';
import { trajectoryMetrics } from './metrics.ts';
import type { AlgorithmId } from './algorithms/catalog.ts';
import type { Runner } from './simulate.ts';
import type { SeedBundle } from './seedBundle.ts';
import type { Algorithm } from './types.ts';
import type { BundleKind, ComputeProgress, HistoryThinning, SeriesChunk } from './workerApi.ts';

/** The runs of the scenario being shown, continued by extend(). */
export interface ActiveRun<A extends AlgorithmId = Algorithm> {
  version: number;
  p: Float64Array;
  n: number;
  logMu: Float64Array;
  tau: number;
  /** π*_τ (the Nash when τ = 0), the metrics' reference; null until solved (a deferred answer). */
  target: Float64Array | null;
  /** One per algorithm of the scenario, in its order; runner null (and the reason) when it cannot run. */
  runners: { algorithm: A; runner: Runner | null; unavailable: string | null; bundle?: SeedBundle }[];
}

/** Rows of a run before their metrics are known. */
export interface Rows<A extends AlgorithmId = Algorithm> {
  algorithm: A;
  /** The reason the algorithm cannot run (then no rows). */
  unavailable?: string;
  /** The run's average iterates (SeriesChunk.average). */
  average?: boolean;
  /** A sampled run's seed-bundle companion (SeriesChunk.bundle, seeds). */
  bundle?: BundleKind;
  seeds?: number;
  start: number;
  rows: number;
  times?: Float64Array;
  policies: Float64Array;
}

/**
 * Advances a runner by `steps` and returns its rows: every row, or those `thinning` selects; and
 * right after them, when the runner keeps the average iterate, the same rows of π̄_t.
 */
export function runRows<A extends AlgorithmId>(
  algorithm: A,
  runner: Runner,
  n: number,
  steps: number,
  thinning?: HistoryThinning,
): Rows<A>[] {
  return thinning ? thinnedRows(algorithm, runner, n, steps, thinning) : plainRows(algorithm, runner, steps);
}

/** Advances a runner by `steps`, keeping every row (and the averages, when the runner keeps them). */
export function plainRows<A extends AlgorithmId>(algorithm: A, runner: Runner, steps: number): Rows<A>[] {
  const start = runner.t;
  const rows: Rows<A> = { algorithm, start, rows: steps + 1, policies: runner.advance(steps) };
  const averages = runner.averages;
  return averages ? [rows, { ...rows, average: true, policies: averages }] : [rows];
}

/**
 * Like plainRows, keeping only the rows `thinning` selects. The run advances in blocks, so a
 * million steps never hold a million rows in memory.
 */
export function thinnedRows<A extends AlgorithmId>(
  algorithm: A,
  runner: Runner,
  n: number,
  steps: number,
  thinning: HistoryThinning,
): Rows<A>[] {
  const start = runner.t;
  const end = start + steps;
  const head = thinning.head ?? 0;
  const keep = (t: number) => t < head || t >= thinning.recentFrom || t % thinning.stride === 0 || t === end;
  let count = 0;
  for (let t = start; t <= end; t++) if (keep(t)) count++;
  const times = new Float64Array(count);
  const policies = new Float64Array(count * n);
  let averages: Float64Array | null = null;
  let k = 0;
  const take = (block: Float64Array, t0: number, from: number) => {
    const blockAverages = runner.averages;
    if (blockAverages) averages ??= new Float64Array(count * n);
    for (let r = from; r < block.length / n; r++) {
      const t = t0 + r;
      if (!keep(t)) continue;
      times[k] = t;
      policies.set(block.subarray(r * n, (r + 1) * n), k * n);
      if (blockAverages) averages!.set(blockAverages.subarray(r * n, (r + 1) * n), k * n);
      k++;
    }
  };
  const BLOCK = 8192;
  let done = 0;
  while (done < steps) {
    const t0 = runner.t;
    const block = runner.advance(Math.min(BLOCK, steps - done));
    take(block, t0, done === 0 ? 0 : 1); // row 0 of a later block repeats the previous block's last row
    done += block.length / n - 1;
  }
  if (steps === 0) take(runner.advance(0), start, 0);
  const rows: Rows<A> = { algorithm, start, rows: count, times, policies };
  return averages ? [rows, { ...rows, times: times.slice(), average: true, policies: averages }] : [rows];
}

/** No rows: the algorithm cannot run with these inputs, for `reason` (the registry's). */
export function unavailableRows<A extends AlgorithmId>(algorithm: A, reason: string, start: number): Rows<A> {
  // An algorithm that cannot run has no average either: one chunk (the reason) stands for both.
  return { algorithm, unavailable: reason, start, rows: 0, policies: new Float64Array(0) };
}

/** KL(π*_τ‖π_t) and the exploitability of every row. */
export function withMetrics<A extends AlgorithmId>(run: ActiveRun<A>, r: Rows<A>): SeriesChunk<A> {
  if (!run.target) throw new Error('withMetrics: the target equilibrium is not solved yet');
  const kl = new Float64Array(r.rows);
  const exploitability = new Float64Array(r.rows);
  // run.p is the core's validated copy of P, shared with the runners' products.
  trajectoryMetrics(
    run.p,
    run.n,
    run.logMu,
    run.tau,
    run.target,
    r.policies,
    0,
    r.rows,
    kl,
    exploitability,
    matVecOperator(run.p, run.n),
  );
  return { ...r, kl, exploitability };
}

/** A copy of the rows with unknown (NaN) metrics, for a preview (the rows themselves are kept). */
export function previewChunk<A extends AlgorithmId>(r: Rows<A>): SeriesChunk<A> {
  return {
    ...r,
    times: r.times?.slice(),
    policies: r.policies.slice(),
    kl: new Float64Array(r.rows).fill(Number.NaN),
    exploitability: new Float64Array(r.rows).fill(Number.NaN),
  };
}

/** The buffers of a progress report's preview, for transferring it. */
export function progressTransferables<A extends AlgorithmId>(progress: ComputeProgress<A>): ArrayBuffer[] {
  const out = progress.preview ? progress.preview.chunks.flatMap(chunkBuffers) : [];
  const f = progress.followUp;
  if (f)
    for (const a of [...f.kl, ...f.exploitability, ...Object.values(f.equilibria)])
      if (a instanceof Float64Array) out.push(a.buffer as ArrayBuffer);
  return out;
}

export function chunkBuffers<A extends AlgorithmId>(c: SeriesChunk<A>): ArrayBuffer[] {
  const out = [c.policies.buffer as ArrayBuffer, c.kl.buffer as ArrayBuffer, c.exploitability.buffer as ArrayBuffer];
  if (c.times) out.push(c.times.buffer as ArrayBuffer);
  return out;
}
