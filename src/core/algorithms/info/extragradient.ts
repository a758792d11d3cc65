/**
 * What extragradient is, without its numerics: names, citation, parameters, convergence claim and
 * availability. Kept apart from ../extragradient.ts (its update) so that the catalog, which the UI loads on
 * its first render, shares no module with the step code the main-thread fallback loads later: a
 * bundler cannot split one module's exports between two chunks.
 */
import type { AlgorithmInfo } from '../types.ts';

/** What extragradient is, without its numerics (the UI imports this much). */
export const extragradientInfo = {
  id: 'extragradient' as const,
  displayName: 'Extragradient (EGPO)',
  shortName: 'EG',
  family: 'extragradient-prox',
  params: ['tau', 'eta', 'reference'],
  convergesTo: { target: 'regularized', iterate: 'last', summary: 'π*_τ, last iterate, linearly' },
  stepCost: 2,
  rewardModel: false,
  unavailable: () => null,
} satisfies AlgorithmInfo;
