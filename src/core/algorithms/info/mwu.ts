/**
 * What mwu is, without its numerics: names, citation, parameters, convergence claim and
 * availability. Kept apart from ../mwu.ts (its update) so that the catalog, which the UI loads on
 * its first render, shares no module with the step code the main-thread fallback loads later: a
 * bundler cannot split one module's exports between two chunks.
 */
import type { AlgorithmInfo } from '../types.ts';

/** What mwu is, without its numerics (the UI imports this much). */
export const mwuInfo = {
  id: 'mwu' as const,
  displayName: 'MWU (SPPO)',
  shortName: 'MWU',
  family: 'mirror-descent',
  params: ['eta'],
  convergesTo: { target: 'nash', iterate: 'average', summary: 'the Nash of P in the average; the last iterate cycles' },
  stepCost: 1,
  rewardModel: false,
  unavailable: () => null,
} satisfies AlgorithmInfo;
