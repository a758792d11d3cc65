/**
 * What replicator is, without its numerics: names, citation, parameters, convergence claim and
 * availability. Kept apart from ../replicator.ts (its update) so that the catalog, which the UI loads on
 * its first render, shares no module with the step code the main-thread fallback loads later: a
 * bundler cannot split one module's exports between two chunks.
 */
import type { AlgorithmInfo } from '../types.ts';

/** What replicator is, without its numerics (the UI imports this much). */
export const replicatorInfo = {
  id: 'replicator' as const,
  displayName: 'Replicator flow',
  shortName: 'RD',
  family: 'game-dynamics',
  params: ['tau', 'eta', 'reference'],
  convergesTo: {
    target: 'regularized',
    iterate: 'last',
    summary: 'π*_τ for τ > 0 (the flow cycles around the Nash at τ = 0)',
  },
  stepCost: 4,
  rewardModel: false,
  unavailable: () => null,
} satisfies AlgorithmInfo;
