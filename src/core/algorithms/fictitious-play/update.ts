/**
 * Fictitious play (Brown, "Iterative Solution of Games by Fictitious Play", 1951; convergence in
 * zero-sum games: Robinson 1951; the smoothed best response for τ > 0: Fudenberg and Kreps 1993,
 * convergence to the logit equilibrium in zero-sum games: Hofbauer and Sandholm, Econometrica 2002):
 *   π_{t+1} = π_t + (BR(π_t) − π_t)/(t + 2),
 *   BR(π) ∝ μ · exp(Pπ/τ) for τ > 0 (computed in log space), and for τ = 0 the uniform
 *   distribution over argmax_y (Pπ)_y (entries within 1e-12 of the maximum tie).
 * π_t is the empirical average of the best responses (π_0 counted once), and it is the policy
 * shown; its fixed point π = BR(π) is π*_τ (the Nash of P at τ = 0). η is not used. The average
 * is formed in probability space: a convex combination of non-negative vectors, exact to rounding.
 */
import { normalizeInto, readRow, type AlgorithmNumerics } from '../common.ts';
import type { AlgorithmState, RunContext } from '../types.ts';

/** Win rates within this of the best count as tied best responses (τ = 0). */
export const ARGMAX_TIE = 1e-12;

export interface FictitiousPlayState extends AlgorithmState {
  cur: Float64Array;
  win: Float64Array;
  /** log BR before normalisation, and BR(π_t). */
  logBr: Float64Array;
  br: Float64Array;
}

export const numerics: AlgorithmNumerics<FictitiousPlayState> = {
  init(ctx: RunContext): FictitiousPlayState {
    const { n } = ctx;
    return {
      ctx,
      cur: new Float64Array(n),
      win: new Float64Array(n),
      logBr: new Float64Array(n),
      br: new Float64Array(n),
    };
  },
  reset(): void {
    // No memory beyond π_t, which is row 0 of the output.
  },
  advance(state: FictitiousPlayState, out: Float64Array, t0: number, steps: number): void {
    const { ctx, cur, win, logBr, br } = state;
    const { n, tau, logMu, product } = ctx;
    for (let t = 0; t < steps; t++) {
      readRow(out, t, n, cur);
      product.apply(cur, win);
      if (tau > 0) {
        for (let i = 0; i < n; i++) logBr[i] = logMu[i] + win[i] / tau;
        normalizeInto(logBr, br, 0, n);
      } else {
        let best = -Infinity;
        for (let i = 0; i < n; i++) if (win[i] > best) best = win[i];
        let ties = 0;
        for (let i = 0; i < n; i++) if (win[i] >= best - ARGMAX_TIE) ties++;
        const w = 1 / ties;
        for (let i = 0; i < n; i++) br[i] = win[i] >= best - ARGMAX_TIE ? w : 0;
      }
      const w = 1 / (t0 + t + 2);
      const base = (t + 1) * n;
      for (let i = 0; i < n; i++) out[base + i] = cur[i] + (br[i] - cur[i]) * w;
    }
  },
};
