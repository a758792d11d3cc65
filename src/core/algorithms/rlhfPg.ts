/**
 * RLHF-PG: policy gradient on E_π[r] − τ KL(π‖μ) with r the fitted Bradley–Terry reward, the RLHF baseline
 * (Munos et al., "Nash Learning from Human Feedback", ICML 2024, §7). The gradient, its exact and
 * sampled forms and the policy class are in policyGradient.ts and ../parametricPolicy.ts.
 */
import { defineAlgorithm } from './common.ts';
import { advancePg, initPg, resetPg, type PgState } from './policyGradient.ts';
import type { RunContext } from './types.ts';
import { rlhfPgInfo } from './info/rlhfPg.ts';

export { rlhfPgInfo };

export const rlhfPg = /* @__PURE__ */ defineAlgorithm(rlhfPgInfo, {
  init: (ctx: RunContext): PgState => initPg(ctx, 'reward'),
  reset: resetPg,
  advance: advancePg,
});
