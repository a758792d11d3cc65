/**
 * What nashMd is, without its numerics: names, citation, parameters, convergence claim and
 * availability. Kept apart from ../nashMd.ts (its update) so that the catalog, which the UI loads on
 * its first render, shares no module with the step code the main-thread fallback loads later: a
 * bundler cannot split one module's exports between two chunks.
 */
import type { AlgorithmInfo } from '../types.ts';

/** What nashMd is, without its numerics (the UI imports this much). */
export const nashMdInfo = {
  id: 'nash-md' as const,
  displayName: 'Nash-MD',
  shortName: 'MD',
  family: 'nlhf',
  params: ['tau', 'eta', 'reference'],
  convergesTo: {
    target: 'regularized',
    iterate: 'last',
    summary: 'π*_τ, last iterate, with the Theorem 1 step; a constant step stops at a biased fixed point',
  },
  stepCost: 1,
  rewardModel: false,
  unavailable: () => null,
} satisfies AlgorithmInfo;
