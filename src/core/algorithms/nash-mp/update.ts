/**
 * Mirror prox, Nash-MP (Tiapkin et al., "Accelerating Nash Learning from Human Feedback via
 * Mirror Prox", 2025): two MMD-style proximal steps per iteration, the second with the half
 * point's win rates,
 *   π_{t+½} ∝ (π_t μ^(η_t τ) exp(η_t P π_t))^(1/(1+η_t τ)),
 *   π_{t+1} ∝ (π_t μ^(η_t τ) exp(η_t P π_{t+½}))^(1/(1+η_t τ)).
 * In log space: ℓ = (ℓ_t + a log μ + η_t g)/(1 + a) − c, a = η_t τ (see ../extragradient/update.ts, twoStep).
 * The last iterate converges linearly to π*_τ.
 */
import { setLog, type AlgorithmNumerics } from '../common.ts';
import { initTwoStep, twoStep, type TwoStepState } from '../extragradient/update.ts';

export const numerics: AlgorithmNumerics<TwoStepState> = {
  init: initTwoStep,
  reset(state: TwoStepState, pi0: Float64Array): void {
    setLog(state.logPi, pi0);
  },
  advance(state: TwoStepState, out: Float64Array, t0: number, steps: number): void {
    for (let t = 0; t < steps; t++) twoStep(state, out, t, t0 + t, true);
  },
};
