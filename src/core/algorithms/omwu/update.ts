/**
 * Optimistic multiplicative weights, OMWU (the exact-information update of ONPO: Zhang et al.,
 * "Improving LLM General Preference Alignment via Optimistic Online Mirror Descent", 2025):
 *   π_{t+1} ∝ π_t exp(η_t (2 r_t − r_{t−1})),  r_t = P π_t,  r_{−1} = r_0   (τ and μ unused)
 * In log space: ℓ_{t+1} = ℓ_t + η_t (2 r_t − r_{t−1}) − c. The optimistic correction (the last
 * change of r) damps MWU's cycling: for a small η the last iterate converges to the Nash of P
 * when it is unique.
 */
import { normalizeInto, readRow, setLog, stepSize, type AlgorithmNumerics } from '../common.ts';
import type { AlgorithmState, RunContext } from '../types.ts';

export interface OmwuState extends AlgorithmState {
  /** log π_t, normalised (logsumexp = 0). */
  logPi: Float64Array;
  cur: Float64Array;
  win: Float64Array;
  /** r_{t−1} = P π_{t−1}; unset (hasPrev false) before the first step, where r_{−1} = r_0. */
  prev: Float64Array;
  hasPrev: boolean;
}

export const numerics: AlgorithmNumerics<OmwuState> = {
  init(ctx: RunContext): OmwuState {
    const { n } = ctx;
    return {
      ctx,
      logPi: new Float64Array(n),
      cur: new Float64Array(n),
      win: new Float64Array(n),
      prev: new Float64Array(n),
      hasPrev: false,
    };
  },
  reset(state: OmwuState, pi0: Float64Array): void {
    setLog(state.logPi, pi0);
    state.hasPrev = false;
  },
  advance(state: OmwuState, out: Float64Array, t0: number, steps: number): void {
    const { ctx, logPi, cur, win, prev } = state;
    const { n, product } = ctx;
    for (let t = 0; t < steps; t++) {
      const eta = stepSize(ctx, t0 + t);
      readRow(out, t, n, cur);
      product.apply(cur, win);
      if (!state.hasPrev) {
        prev.set(win);
        state.hasPrev = true;
      }
      for (let i = 0; i < n; i++) {
        logPi[i] += eta * (2 * win[i] - prev[i]);
        prev[i] = win[i];
      }
      normalizeInto(logPi, out, (t + 1) * n, n);
    }
  },
};
