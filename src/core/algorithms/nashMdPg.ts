/**
 * Nash-MD-PG: the opponent is the geometric mixture π^β ∝ π_θ^(1−β) μ^β of the current policy and the reference (β = 0 self-play, β = 1 best response to μ)
 * (Munos et al., "Nash Learning from Human Feedback", ICML 2024, §7). The gradient, its exact and
 * sampled forms and the policy class are in policyGradient.ts and ../parametricPolicy.ts.
 */
import { defineAlgorithm } from './common.ts';
import { advancePg, initPg, resetPg, type PgState } from './policyGradient.ts';
import type { RunContext } from './types.ts';
import { nashMdPgInfo } from './info/nashMdPg.ts';

export { nashMdPgInfo };

export const nashMdPg = /* @__PURE__ */ defineAlgorithm(nashMdPgInfo, {
  init: (ctx: RunContext): PgState => initPg(ctx, 'mixture'),
  reset: resetPg,
  advance: advancePg,
});
