/**
 * Magnetic mirror descent, MMD (Sokota et al., "A Unified Approach to Reinforcement Learning,
 * Quantal Response Equilibria, and Two-Player Zero-Sum Games", ICLR 2023, Eq. 12), with the
 * reference μ as the magnet:
 *   π_{t+1} ∝ (π_t · μ^(η_t τ) · exp(η_t r_t))^(1/(1+η_t τ)),  r_t = P π_t
 * In log space, with a = η_t τ: ℓ_{t+1} = (ℓ_t + a log μ + η_t r_t)/(1 + a) − c. Its fixed point
 * is π*_τ for every η; the last iterate converges to it linearly for a small η.
 */
import { normalizeInto, readRow, setLog, stepSize, type AlgorithmNumerics } from '../common.ts';
import type { AlgorithmState, RunContext } from '../types.ts';

export interface MagnetState extends AlgorithmState {
  /** log π_t, normalised (logsumexp = 0). */
  logPi: Float64Array;
  cur: Float64Array;
  win: Float64Array;
  /** log of the magnet: log μ for MMD, log ρ for MPO. */
  logMagnet: Float64Array;
}

export function initMagnet(ctx: RunContext): MagnetState {
  const { n } = ctx;
  return {
    ctx,
    logPi: new Float64Array(n),
    cur: new Float64Array(n),
    win: new Float64Array(n),
    logMagnet: Float64Array.from(ctx.logMu),
  };
}

/** One MMD step from row t of `out` (iteration `it`) into row t + 1, towards the state's magnet. */
export function magnetStep(state: MagnetState, out: Float64Array, t: number, it: number): void {
  const { ctx, logPi, cur, win, logMagnet } = state;
  const { n, tau, product } = ctx;
  const eta = stepSize(ctx, it);
  const a = eta * tau;
  const inv = 1 / (1 + a);
  readRow(out, t, n, cur);
  product.apply(cur, win);
  for (let i = 0; i < n; i++) logPi[i] = (logPi[i] + a * logMagnet[i] + eta * win[i]) * inv;
  normalizeInto(logPi, out, (t + 1) * n, n);
}

export const numerics: AlgorithmNumerics<MagnetState> = {
  init: initMagnet,
  reset(state: MagnetState, pi0: Float64Array): void {
    setLog(state.logPi, pi0);
  },
  advance(state: MagnetState, out: Float64Array, t0: number, steps: number): void {
    for (let t = 0; t < steps; t++) magnetStep(state, out, t, t0 + t);
  },
};
