/**
 * RLHF's reward-maximisation path (Munos et al., "Nash Learning from Human Feedback", ICML 2024,
 * §3): a Bradley–Terry reward r is fitted to P (on all pairs, or on pairs drawn from μ), then
 * mirror ascent on E_π[r] − τ KL(π‖μ):
 *   π_{t+1} ∝ π_t^(1−η_t τ) μ^(η_t τ) exp(η_t r).
 * Converges to the RLHF optimum ∝ μ exp(r/τ) (the Nash of P only when P is Bradley–Terry).
 */
import { advanceMirror, initMirror, type MirrorState } from '../omd/update.ts';
import { setLog, type AlgorithmNumerics } from '../common.ts';
import type { RunContext } from '../types.ts';

export const numerics: AlgorithmNumerics<MirrorState> = {
  init(ctx: RunContext): MirrorState {
    const state = initMirror(ctx);
    if (!ctx.reward || ctx.reward.length !== ctx.n)
      throw new Error('rlhf: the run needs the fitted reward (RunContext.reward)');
    state.win.set(ctx.reward);
    return state;
  },
  reset(state: MirrorState, pi0: Float64Array): void {
    setLog(state.logPi, pi0);
  },
  advance(state: MirrorState, out: Float64Array, t0: number, steps: number): void {
    advanceMirror(state, out, t0, steps, true);
  },
  // The reward is copied at init: a new reward model (online feedback's next round) is copied again.
  rebind(state: MirrorState): void {
    state.win.set(state.ctx.reward!);
  },
};
