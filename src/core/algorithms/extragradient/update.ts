/**
 * Extragradient, EGPO (Zhou, Fazel and Du, "Extragradient Preference Optimization (EGPO): Beyond
 * Last-Iterate Convergence for Nash Learning from Human Feedback", 2025): an OMD step to a
 * half point, then the OMD step from π_t again with the half point's win rates,
 *   π_{t+½} ∝ π_t^(1−η_t τ) μ^(η_t τ) exp(η_t P π_t),
 *   π_{t+1} ∝ π_t^(1−η_t τ) μ^(η_t τ) exp(η_t P π_{t+½}).
 * In log space, with a = η_t τ and g the opponent's win rates:
 *   ℓ = (1 − a) ℓ_t + a log μ + η_t g − c. The last iterate converges linearly to π*_τ.
 */
import { normalizeInto, readRow, setLog, stepSize, type AlgorithmNumerics } from '../common.ts';
import type { AlgorithmState, RunContext } from '../types.ts';

export interface TwoStepState extends AlgorithmState {
  /** log π_t, normalised (logsumexp = 0). */
  logPi: Float64Array;
  cur: Float64Array;
  win: Float64Array;
  /** log π_{t+½} and π_{t+½}. */
  logHalf: Float64Array;
  half: Float64Array;
}

export function initTwoStep(ctx: RunContext): TwoStepState {
  const { n } = ctx;
  return {
    ctx,
    logPi: new Float64Array(n),
    cur: new Float64Array(n),
    win: new Float64Array(n),
    logHalf: new Float64Array(n),
    half: new Float64Array(n),
  };
}

/**
 * One extragradient step (`prox` false: ℓ = (1 − a) ℓ_t + a log μ + η g) or mirror-prox step
 * (`prox` true: ℓ = (ℓ_t + a log μ + η g)/(1 + a)) from row t of `out` into row t + 1.
 */
export function twoStep(state: TwoStepState, out: Float64Array, t: number, it: number, prox: boolean): void {
  const { ctx, logPi, cur, win, logHalf, half } = state;
  const { n, tau, logMu, product } = ctx;
  const eta = stepSize(ctx, it);
  const a = eta * tau;
  const keep = prox ? 1 / (1 + a) : 1 - a;
  const pull = prox ? a / (1 + a) : a;
  const push = prox ? eta / (1 + a) : eta;
  readRow(out, t, n, cur);
  product.apply(cur, win);
  for (let i = 0; i < n; i++) logHalf[i] = keep * logPi[i] + pull * logMu[i] + push * win[i];
  normalizeInto(logHalf, half, 0, n);
  product.apply(half, win);
  for (let i = 0; i < n; i++) logPi[i] = keep * logPi[i] + pull * logMu[i] + push * win[i];
  normalizeInto(logPi, out, (t + 1) * n, n);
}

export const numerics: AlgorithmNumerics<TwoStepState> = {
  init: initTwoStep,
  reset(state: TwoStepState, pi0: Float64Array): void {
    setLog(state.logPi, pi0);
  },
  advance(state: TwoStepState, out: Float64Array, t0: number, steps: number): void {
    for (let t = 0; t < steps; t++) twoStep(state, out, t, t0 + t, false);
  },
};
