/**
 * RLHF-PG: policy gradient on E_π[r] − τ KL(π‖μ) with r the fitted Bradley–Terry reward, the RLHF baseline
 * (Munos et al., "Nash Learning from Human Feedback", ICML 2024, §7). The gradient, its exact and
 * sampled forms and the policy class are in ../policyGradient.ts and ../../parametricPolicy.ts.
 */
import { advancePg, initPg, resetPg, type PgState } from '../policyGradient.ts';
import type { AlgorithmNumerics } from '../common.ts';
import type { RunContext } from '../types.ts';

/**
 * The update only: the registry loads this module on demand and joins it to its description
 * (info.ts), which the catalog already holds. Importing the description here would make
 * it a chunk of its own in the first-render bundle.
 */
export const numerics: AlgorithmNumerics<PgState> = {
  init: (ctx: RunContext): PgState => initPg(ctx, 'reward'),
  reset: resetPg,
  advance: advancePg,
};
