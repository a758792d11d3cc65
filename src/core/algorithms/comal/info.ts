/**
 * What comal is, without its numerics: names, parameters, convergence claim and availability.
 * The catalog, which the first render loads, imports this file; the update (update.ts, loaded with
 * the runner) and the explanation (explain.ts, loaded with "What am I looking at?") live beside it
 * in modules of their own, since a bundler cannot split one module's exports between two chunks.
 */
import type { AlgorithmInfo, AvailabilityInputs } from '../types.ts';

/**
 * Its place in every list (picker, table, legend): the lists are sorted by it. Numbered in tens so
 * that a new algorithm fits between two without renumbering them.
 */
export const order = 100;

/** What comal is, without its numerics (the UI imports this much). */
export const info = {
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
