/**
 * What fictitiousPlay is, without its numerics: names, citation, parameters, convergence claim and
 * availability. Kept apart from ../fictitiousPlay.ts (its update) so that the catalog, which the UI loads on
 * its first render, shares no module with the step code the main-thread fallback loads later: a
 * bundler cannot split one module's exports between two chunks.
 */
import type { AlgorithmInfo } from '../types.ts';

/** What fictitiousPlay is, without its numerics (the UI imports this much). */
export const fictitiousPlayInfo = {
  id: 'fictitious-play' as const,
  displayName: 'Fictitious play',
  shortName: 'FP',
  family: 'game-dynamics',
  params: ['tau', 'reference'],
  convergesTo: {
    target: 'regularized',
    iterate: 'average',
    summary: 'π*_τ (the Nash of P at τ = 0) in the empirical average, which is what is shown',
  },
  stepCost: 1,
  rewardModel: false,
  unavailable: () => null,
} satisfies AlgorithmInfo;
