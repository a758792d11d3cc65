/**
 * What rlhf is, without its numerics: names, citation, parameters, convergence claim and
 * availability. Kept apart from ../rlhf.ts (its update) so that the catalog, which the UI loads on
 * its first render, shares no module with the step code the main-thread fallback loads later: a
 * bundler cannot split one module's exports between two chunks.
 */
import type { AlgorithmInfo } from '../types.ts';

/** What rlhf is, without its numerics (the UI imports this much). */
export const rlhfInfo = {
  id: 'rlhf' as const,
  displayName: 'RLHF',
  shortName: 'RLHF',
  family: 'nlhf',
  params: ['tau', 'eta', 'reference', 'comparisons'],
  convergesTo: {
    target: 'rlhf-optimum',
    iterate: 'last',
    summary: 'the RLHF optimum ∝ μ exp(r/τ) of the fitted reward, not a Nash',
  },
  stepCost: 0,
  rewardModel: true,
  unavailable: () => null,
} satisfies AlgorithmInfo;
