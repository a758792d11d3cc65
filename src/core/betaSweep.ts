/**
 * The β sweep: the NLHF paper's Table 1 (Munos et al., ICML 2024, §8) in miniature. Nash-MD-PG is
 * trained for each β of SWEEP_BETAS (its opponent π^β ∝ π_θ^(1−β) μ^β: β = 0 is self-play, β = 1 a
 * best response to μ), beside Nash-EMA-PG and RLHF-PG, all for T steps with the scenario's
 * policy-gradient settings, from the scenario's π_0; the reference μ stands for the paper's "SFT".
 * Then every pair of the m trained policies plays under the true P:
 *
 *   M[a][b] = P(π_a ≻ π_b) = Σ_{y,y′} π_a(y) P(y ≻ y′) π_b(y′) = π_aᵀ P π_b,
 *
 * so M[a][b] + M[b][a] = π_aᵀ (P + Pᵀ) π_b = 1 (P + Pᵀ is all ones) and M[a][a] = ½. Each policy's
 * score is its average win rate against the m − 1 others, avg_a = (Σ_{b≠a} M[a][b])/(m − 1); the
 * table is ordered by it, best first, as the paper orders its rows. The runs are the app's own
 * (createRunner), so a swept policy equals the shown run of the same algorithm and β at t = T.
 *
 * Pure math, no DOM. The PG algorithms' step code loads on demand: await
 * loadAlgorithms(SWEEP_ALGORITHMS) before calling.
 */
import { createRunner } from './simulate.ts';
import type { AlgorithmId } from './algorithms/catalog.ts';
import type { ScenarioSpec } from './workerApi.ts';

/** The β values of the sweep (the paper's grid, with 0 and 1 at the ends). */
export const SWEEP_BETAS: readonly number[] = [0, 0.125, 0.25, 0.375, 0.5, 0.625, 0.75, 1];
/** The algorithms the sweep runs (their step code must be loaded). */
export const SWEEP_ALGORITHMS = ['nash-md-pg', 'nash-ema-pg', 'rlhf-pg'] as const;
/** The longest sweep: T = min(t, SWEEP_MAX_STEPS), so a long run's t does not make it take minutes. */
export const SWEEP_MAX_STEPS = 5000;
/** Steps per slice: the generator yields its progress after each (the worker pauses between slices). */
const SLICE_STEPS = 250;

/** The steps the sweep trains for, for the scenario's t. */
export function sweepSteps(t: number): number {
  return Math.max(0, Math.min(Math.floor(t), SWEEP_MAX_STEPS));
}

/** One trained policy of the sweep. */
export interface SweepPolicy {
  /** 'sft' (μ itself), or the algorithm id. */
  kind: 'sft' | (typeof SWEEP_ALGORITHMS)[number];
  /** Nash-MD-PG's β (null for the others). */
  beta: number | null;
  /** The name shown: "SFT (μ)", "Nash-MD-PG β=0.125", "Nash-EMA-PG", "RLHF-PG". */
  label: string;
}

/** The sweep's policies in the paper's order (before sorting): SFT, RLHF-PG, Nash-MD-PG β…, Nash-EMA-PG. */
export function sweepPolicies(): SweepPolicy[] {
  return [
    { kind: 'sft', beta: null, label: 'SFT (μ)' },
    { kind: 'rlhf-pg', beta: null, label: 'RLHF-PG' },
    ...SWEEP_BETAS.map((beta): SweepPolicy => ({ kind: 'nash-md-pg', beta, label: `Nash-MD-PG β=${beta}` })),
    { kind: 'nash-ema-pg', beta: null, label: 'Nash-EMA-PG' },
  ];
}

export interface BetaSweepResult {
  /** The steps trained (T). */
  steps: number;
  n: number;
  /** The m policies, in sweepPolicies() order. */
  entries: SweepPolicy[];
  /** π_a at T, m × n row-major, in entries' order. */
  policies: Float64Array;
  /** M[a][b] = π_aᵀ P π_b, m × m row-major, in entries' order. */
  matrix: Float64Array;
  /** avg_a: the mean of M[a][b] over b ≠ a. */
  average: Float64Array;
  /** Indices of entries by average win rate, largest first (ties: the paper's order). */
  order: number[];
  /** The index of the best entry, or null when the first two averages tie (within 1e-12). */
  best: number | null;
}

/**
 * M[a][b] = π_aᵀ P π_b for m policies (m × n, row-major) and P (n × n, row-major): one product P π_b
 * per column b (m n² multiply-adds), then the dot products.
 */
export function winRateMatrix(policies: Float64Array, p: Float64Array, n: number): Float64Array {
  const m = policies.length / n;
  const out = new Float64Array(m * m);
  const v = new Float64Array(n);
  for (let b = 0; b < m; b++) {
    for (let y = 0; y < n; y++) {
      let s = 0;
      const row = y * n;
      for (let z = 0; z < n; z++) s += p[row + z] * policies[b * n + z];
      v[y] = s;
    }
    for (let a = 0; a < m; a++) {
      let s = 0;
      for (let y = 0; y < n; y++) s += policies[a * n + y] * v[y];
      out[a * m + b] = s;
    }
  }
  return out;
}

/** avg, order and best of a win-rate matrix (see BetaSweepResult). */
export function rankByAverage(matrix: Float64Array, m: number): Pick<BetaSweepResult, 'average' | 'order' | 'best'> {
  const average = new Float64Array(m);
  for (let a = 0; a < m; a++) {
    let s = 0;
    for (let b = 0; b < m; b++) if (b !== a) s += matrix[a * m + b];
    average[a] = m > 1 ? s / (m - 1) : 0.5;
  }
  // Array.prototype.sort is stable: equal averages keep the paper's order.
  const order = Array.from({ length: m }, (_, a) => a).sort((a, b) => average[b] - average[a]);
  const best = m > 1 && average[order[0]] - average[order[1]] > 1e-12 ? order[0] : m === 1 ? 0 : null;
  return { average, order, best };
}

/**
 * The sweep as a generator of progress fractions (0…1), returning the result: the caller may pause
 * between yields (the worker answers other calls then) or stop (closing it). `p` is P validated and
 * flattened (validatePreferences), `rewards` the fitted Bradley–Terry reward RLHF-PG uses (fitted
 * by the runner when absent).
 */
export function* betaSweepSteps(
  spec: ScenarioSpec<AlgorithmId>,
  p: Float64Array,
  steps: number,
  rewards?: Float64Array,
): Generator<number, BetaSweepResult, void> {
  const n = spec.reference.length;
  const entries = sweepPolicies();
  const m = entries.length;
  const policies = new Float64Array(m * n);
  const runs = m - 1;
  let done = 0;
  for (let a = 0; a < m; a++) {
    const e = entries[a];
    if (e.kind === 'sft') {
      const sum = spec.reference.reduce((x, y) => x + y, 0);
      for (let y = 0; y < n; y++) policies[a * n + y] = spec.reference[y] / sum;
      continue;
    }
    const runner = createRunner(
      {
        algorithm: e.kind,
        preferences: spec.preferences,
        reference: spec.reference,
        initial: spec.initial,
        tau: spec.tau,
        eta: spec.eta,
        steps: 0,
        comparisons: spec.comparisons,
        counts: spec.counts,
        pg: e.beta === null ? spec.pg : { ...spec.pg, beta: e.beta },
      },
      e.kind === 'rlhf-pg' ? rewards : undefined,
      p,
    );
    let last: Float64Array = Float64Array.from(spec.initial);
    if (steps === 0) last = runner.advance(0);
    for (let t = 0; t < steps; t += SLICE_STEPS) {
      const k = Math.min(SLICE_STEPS, steps - t);
      last = runner.advance(k);
      yield (done + (t + k) / steps) / runs;
    }
    policies.set(last.subarray(last.length - n), a * n);
    done += 1;
  }
  const matrix = winRateMatrix(policies, p, n);
  return { steps, n, entries, policies, matrix, ...rankByAverage(matrix, m) };
}

/** The sweep run to the end at once (tests, benches). */
export function betaSweep(
  spec: ScenarioSpec<AlgorithmId>,
  p: Float64Array,
  steps: number,
  rewards?: Float64Array,
): BetaSweepResult {
  const it = betaSweepSteps(spec, p, steps, rewards);
  for (;;) {
    const r = it.next();
    if (r.done) return r.value;
  }
}
