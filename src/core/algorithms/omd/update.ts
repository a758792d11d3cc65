/**
 * Online mirror descent, OMD (Munos et al., "Nash Learning from Human Feedback", ICML 2024,
 * Eqs. 7–8): the opponent is π_t itself,
 *   π_{t+1} ∝ π_t^(1−η_t τ) μ^(η_t τ) exp(η_t P π_t).
 * In log space, with a = η_t τ: ℓ_{t+1} = (1 − a) ℓ_t + a log μ + η_t r_t − c. Its fixed point is
 * π*_τ for every constant η (a(log π − log μ) = η Pπ + c is π*_τ's equation); for small η the
 * last iterate converges to it.
 */
import { normalizeInto, setLog, type AlgorithmNumerics } from '../common.ts';
import type { AlgorithmState, RunContext } from '../types.ts';

export interface MirrorState extends AlgorithmState {
  /** log π_t, normalised (logsumexp = 0). */
  logPi: Float64Array;
  /** P π_t (OMD) or the fixed reward r (RLHF). */
  win: Float64Array;
  /** π_t, contiguous for the mat-vec. */
  cur: Float64Array;
}

export function initMirror(ctx: RunContext): MirrorState {
  const { n } = ctx;
  return { ctx, logPi: new Float64Array(n), win: new Float64Array(n), cur: new Float64Array(n) };
}

/** ℓ_{t+1} = (1 − η_t τ) ℓ_t + η_t τ log μ + η_t g, with g = P π_t (`fixed` false) or g = win as set. */
export function advanceMirror(state: MirrorState, out: Float64Array, t0: number, steps: number, fixed: boolean): void {
  const { ctx, logPi, win, cur } = state;
  const { n, logMu, tau, product } = ctx;
  const theorem = ctx.eta < 0;
  for (let t = 0; t < steps; t++) {
    const eta = theorem ? 2 / (tau * (t0 + t + 2)) : ctx.eta; // stepSize, written out (hot loop)
    const a = eta * tau;
    const b = 1 - a;
    if (!fixed) {
      const base = t * n;
      for (let i = 0; i < n; i++) cur[i] = out[base + i];
      product.apply(cur, win);
    }
    for (let i = 0; i < n; i++) logPi[i] = b * logPi[i] + a * logMu[i] + eta * win[i];
    normalizeInto(logPi, out, (t + 1) * n, n);
  }
}

export const numerics: AlgorithmNumerics<MirrorState> = {
  init: initMirror,
  reset(state: MirrorState, pi0: Float64Array): void {
    setLog(state.logPi, pi0);
  },
  advance(state: MirrorState, out: Float64Array, t0: number, steps: number): void {
    advanceMirror(state, out, t0, steps, false);
  },
};
