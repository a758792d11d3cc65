/**
 * What mmd is, without its numerics: names, citation, parameters, convergence claim and
 * availability. Kept apart from ../mmd.ts (its update) so that the catalog, which the UI loads on
 * its first render, shares no module with the step code the main-thread fallback loads later: a
 * bundler cannot split one module's exports between two chunks.
 */
import type { AlgorithmInfo } from '../types.ts';

/** What mmd is, without its numerics (the UI imports this much). */
export const mmdInfo = {
  id: 'mmd' as const,
  displayName: 'MMD',
  shortName: 'MMD',
  family: 'mirror-descent',
  params: ['tau', 'eta', 'reference'],
  convergesTo: { target: 'regularized', iterate: 'last', summary: 'π*_τ, last iterate, linearly for a small step' },
  stepCost: 1,
  rewardModel: false,
  unavailable: () => null,
} satisfies AlgorithmInfo;
