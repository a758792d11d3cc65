/**
 * What nashMp is, without its numerics: names, citation, parameters, convergence claim and
 * availability. Kept apart from ../nashMp.ts (its update) so that the catalog, which the UI loads on
 * its first render, shares no module with the step code the main-thread fallback loads later: a
 * bundler cannot split one module's exports between two chunks.
 */
import type { AlgorithmInfo } from '../types.ts';

/** What nashMp is, without its numerics (the UI imports this much). */
export const nashMpInfo = {
  id: 'nash-mp' as const,
  displayName: 'Mirror prox (Nash-MP)',
  shortName: 'MP',
  family: 'extragradient-prox',
  params: ['tau', 'eta', 'reference'],
  convergesTo: { target: 'regularized', iterate: 'last', summary: 'π*_τ, last iterate, linearly' },
  stepCost: 2,
  rewardModel: false,
  unavailable: () => null,
} satisfies AlgorithmInfo;
