/**
 * What omwu is, without its numerics: names, citation, parameters, convergence claim and
 * availability. Kept apart from ../omwu.ts (its update) so that the catalog, which the UI loads on
 * its first render, shares no module with the step code the main-thread fallback loads later: a
 * bundler cannot split one module's exports between two chunks.
 */
import type { AlgorithmInfo } from '../types.ts';

/** What omwu is, without its numerics (the UI imports this much). */
export const omwuInfo = {
  id: 'omwu' as const,
  displayName: 'Optimistic MWU (ONPO)',
  shortName: 'OMWU',
  family: 'mirror-descent',
  params: ['eta'],
  convergesTo: {
    target: 'nash',
    iterate: 'last',
    summary: 'the Nash of P, last iterate, for a small step (when it is unique)',
  },
  stepCost: 1,
  rewardModel: false,
  unavailable: () => null,
} satisfies AlgorithmInfo;
