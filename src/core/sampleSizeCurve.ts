/**
 * How many comparisons until learning from feedback is good enough (issue 16): for each sample
 * size N of a grid and K seeds, sample N comparisons of the true P (feedback.ts), learn P̂ and r̂,
 * and judge each pipeline's target under the TRUE preferences:
 *  - NLHF: π*_τ(P̂) = the regularised Nash of the learned preference model (§4), or for τ = 0 a
 *    Nash equilibrium of P̂ (linear programming);
 *  - RLHF: π_RLHF(r̂) ∝ μ exp(r̂/τ), the optimum of the learned reward model (§3; for τ = 0, μ on
 *    the responses of largest r̂).
 * Each target's exploitability e_τ under the true P (exploitability.ts, §4) is summarised per N by
 * its median and its 10 % and 90 % quantiles over the K seeds.
 *
 * Seeds: repetition k of size index g samples with seed (seed + 0x9E3779B9·(1000·g + k + 1)) mod 2³²,
 * so every (N, k) has its own stream and the curve is the same on every machine.
 */
import { rlhfOptimum } from './bradleyTerry.ts';
import { InvalidInputError, show } from './errors.ts';
import { exploitabilityFlat } from './exploitability.ts';
import { learnedModels, sampleFeedback, type Sampling } from './feedback.ts';
import { nashEquilibrium } from './nashEquilibrium.ts';
import { regularizedNash } from './regularizedNash.ts';
import { progressReporter, type SolverOptions } from './solverOptions.ts';
import type { Matrix, Vector } from './types.ts';
import { validateDistribution, validatePreferences, validateTau } from './validate.ts';
import { quantileSorted } from './quantile.ts';

export { quantileSorted };

export interface SampleSizeSpec {
  /** The true preferences P. */
  preferences: Matrix;
  reference: Vector;
  tau: number;
  sampling: Sampling;
  smoothing: number;
  /** The sample sizes N (whole numbers ≥ 1), e.g. sampleSizeGrid(N). */
  sizes: readonly number[];
  /** K, the repetitions per size. */
  seeds: number;
  seed: number;
}

/** Median and 10–90 % band of one pipeline's exploitability, one entry per size. */
export interface Band {
  median: Float64Array;
  low: Float64Array;
  high: Float64Array;
}

export interface SampleSizeCurve {
  sizes: Float64Array;
  nlhf: Band;
  rlhf: Band;
}

/** 10, 30, 100, 300, … up to `max`, ending with `max` itself. */
export function sampleSizeGrid(max: number): number[] {
  const out: number[] = [];
  for (let decade = 10; decade < max; decade *= 10) {
    out.push(decade);
    if (3 * decade < max) out.push(3 * decade);
  }
  out.push(max);
  return out;
}

/** The seed of repetition k at size index g (see the module comment). */
export function repetitionSeed(seed: number, g: number, k: number): number {
  return ((seed >>> 0) + Math.imul(0x9e3779b9, 1000 * g + k + 1)) >>> 0;
}

/** The curve (see the module comment). onProgress, if given, receives the fraction of (N, k) done. */
export function sampleSizeCurve(spec: SampleSizeSpec, options?: SolverOptions): SampleSizeCurve {
  const report = progressReporter(options);
  const steps = sampleSizeSteps(spec);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    report(r.value);
  }
}

/**
 * The curve in steps, for a caller that works in slices (the worker's sample-size lane): yields
 * the fraction of (N, k) done after each repetition (0 first) and returns the curve.
 */
export function* sampleSizeSteps(spec: SampleSizeSpec): Generator<number, SampleSizeCurve, void> {
  const p = validatePreferences(spec.preferences);
  const n = spec.preferences.length;
  const mu = validateDistribution(spec.reference, n, 'reference');
  const tau = validateTau(spec.tau);
  const K = spec.seeds;
  if (!Number.isInteger(K) || K < 1 || K > 1000)
    throw new InvalidInputError(
      'feedback',
      `the number of seeds must be a whole number from 1 to 1000, got ${show(K)}`,
    );
  const logMu = Float64Array.from(mu, Math.log);
  const win = new Float64Array(n);
  const G = spec.sizes.length;
  const curve: SampleSizeCurve = {
    sizes: Float64Array.from(spec.sizes),
    nlhf: { median: new Float64Array(G), low: new Float64Array(G), high: new Float64Array(G) },
    rlhf: { median: new Float64Array(G), low: new Float64Array(G), high: new Float64Array(G) },
  };
  const nlhf = new Float64Array(K);
  const rlhf = new Float64Array(K);
  yield 0;
  for (let g = 0; g < G; g++) {
    for (let k = 0; k < K; k++) {
      const counts = sampleFeedback(
        spec.preferences,
        spec.sizes[g],
        spec.sampling,
        spec.reference,
        repetitionSeed(spec.seed, g, k),
      );
      const { preferences, rewards } = learnedModels(counts, spec.smoothing);
      const nlhfTarget = tau > 0 ? regularizedNash(preferences, spec.reference, tau) : nashEquilibrium(preferences);
      nlhf[k] = exploitabilityFlat(p, n, logMu, tau, nlhfTarget, win);
      rlhf[k] = exploitabilityFlat(p, n, logMu, tau, rlhfOptimum(rewards, spec.reference, tau), win);
      yield (g * K + k + 1) / (G * K);
    }
    for (const [values, band] of [
      [nlhf, curve.nlhf],
      [rlhf, curve.rlhf],
    ] as const) {
      const sorted = values.slice().sort();
      band.median[g] = quantileSorted(sorted, 0.5);
      band.low[g] = quantileSorted(sorted, 0.1);
      band.high[g] = quantileSorted(sorted, 0.9);
    }
  }
  return curve;
}
