/**
 * MMD with a magnet refresh, MPO (Wang et al., "Magnetic Preference Optimization: Achieving
 * Last-iterate Convergence for Language Model Alignment", ICLR 2025): MMD (../mmd/update.ts) towards a
 * magnet ρ instead of μ,
 *   π_{t+1} ∝ (π_t · ρ^(η_t τ) · exp(η_t r_t))^(1/(1+η_t τ)),
 * with ρ = μ at t = 0 and ρ ← π_{t+1} after every step whose t + 1 is a multiple of K (`refresh`,
 * default 50). Each phase approaches the regularised equilibrium around the current magnet; moving
 * the magnet there is a proximal-point step, so the last iterate converges to the Nash of P, not
 * to π*_τ.
 */
import { setLog, type AlgorithmNumerics } from '../common.ts';
import { initMagnet, magnetStep, type MagnetState } from '../mmd/update.ts';

/** The magnet refresh period K when the scenario does not set one. */
export const DEFAULT_REFRESH = 50;

export const numerics: AlgorithmNumerics<MagnetState> = {
  init: initMagnet,
  reset(state: MagnetState, pi0: Float64Array): void {
    setLog(state.logPi, pi0);
    state.logMagnet.set(state.ctx.logMu);
  },
  advance(state: MagnetState, out: Float64Array, t0: number, steps: number): void {
    const k = state.ctx.refresh;
    for (let t = 0; t < steps; t++) {
      magnetStep(state, out, t, t0 + t);
      if ((t0 + t + 1) % k === 0) state.logMagnet.set(state.logPi);
    }
  },
};
