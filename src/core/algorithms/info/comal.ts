/**
 * What comal is, without its numerics: names, citation, parameters, convergence claim and
 * availability. Kept apart from ../comal.ts (its update) so that the catalog, which the UI loads on
 * its first render, shares no module with the step code the main-thread fallback loads later: a
 * bundler cannot split one module's exports between two chunks.
 */
import type { AlgorithmInfo, AvailabilityInputs } from '../types.ts';

/** What comal is, without its numerics (the UI imports this much). */
export const comalInfo = {
  id: 'comal' as const,
  displayName: 'Prox point (COMAL)',
  shortName: 'PP',
  family: 'extragradient-prox',
  params: ['tau'],
  convergesTo: { target: 'nash', iterate: 'last', summary: 'the Nash of P (not π*_τ), last iterate; needs τ > 0' },
  stepCost: 'solve' as const,
  rewardModel: false,
  unavailable: ({ tau }: AvailabilityInputs) =>
    tau > 0
      ? null
      : 'Prox point (COMAL) needs τ > 0: each step is the regularised Nash equilibrium with reference π_t, which τ = 0 does not define.',
} satisfies AlgorithmInfo;
