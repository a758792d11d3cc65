/**
 * What mpo is, without its numerics: names, citation, parameters, convergence claim and
 * availability. Kept apart from ../mpo.ts (its update) so that the catalog, which the UI loads on
 * its first render, shares no module with the step code the main-thread fallback loads later: a
 * bundler cannot split one module's exports between two chunks.
 */
import type { AlgorithmInfo } from '../types.ts';

/** What mpo is, without its numerics (the UI imports this much). */
export const mpoInfo = {
  id: 'mpo' as const,
  displayName: 'MMD + magnet refresh (MPO)',
  shortName: 'MPO',
  family: 'mirror-descent',
  params: ['tau', 'eta', 'reference', 'refresh'],
  convergesTo: {
    target: 'nash',
    iterate: 'last',
    summary: 'the Nash of P (not π*_τ), last iterate: the magnet moves every K steps',
  },
  stepCost: 1,
  rewardModel: false,
  unavailable: () => null,
} satisfies AlgorithmInfo;
