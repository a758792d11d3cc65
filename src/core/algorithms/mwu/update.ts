/**
 * Multiplicative weights, MWU (the exact-information update of SPPO: Wu et al., "Self-Play
 * Preference Optimization for Language Model Alignment", ICLR 2025, Eq. 4.1; also the target DNO
 * regresses onto, Rosset et al., arXiv 2404.03715):
 *   π_{t+1} ∝ π_t exp(η_t r_t),  r_t = P π_t       (τ and μ unused)
 * In log space: ℓ_{t+1} = ℓ_t + η_t r_t − c. The last iterate cycles outwards on a cyclic P
 * (rock-paper-scissors); the average iterate converges to the Nash of P (no-regret dynamics).
 */
import { normalizeInto, readRow, setLog, stepSize, type AlgorithmNumerics } from '../common.ts';
import type { AlgorithmState, RunContext } from '../types.ts';

export interface MwuState extends AlgorithmState {
  /** log π_t, normalised (logsumexp = 0). */
  logPi: Float64Array;
  cur: Float64Array;
  win: Float64Array;
}

export const numerics: AlgorithmNumerics<MwuState> = {
  init(ctx: RunContext): MwuState {
    const { n } = ctx;
    return { ctx, logPi: new Float64Array(n), cur: new Float64Array(n), win: new Float64Array(n) };
  },
  reset(state: MwuState, pi0: Float64Array): void {
    setLog(state.logPi, pi0);
  },
  advance(state: MwuState, out: Float64Array, t0: number, steps: number): void {
    const { ctx, logPi, cur, win } = state;
    const { n, product } = ctx;
    for (let t = 0; t < steps; t++) {
      const eta = stepSize(ctx, t0 + t);
      readRow(out, t, n, cur);
      product.apply(cur, win);
      for (let i = 0; i < n; i++) logPi[i] += eta * win[i];
      normalizeInto(logPi, out, (t + 1) * n, n);
    }
  },
};
