/**
 * What omwu is, without its numerics: names, parameters, convergence claim and availability.
 * The catalog, which the first render loads, imports this file; the update (update.ts, loaded with
 * the runner) and the explanation (explain.ts, loaded with "What am I looking at?") live beside it
 * in modules of their own, since a bundler cannot split one module's exports between two chunks.
 */
import type { AlgorithmInfo } from '../types.ts';

/**
 * Its place in every list (picker, table, legend): the lists are sorted by it. Numbered in tens so
 * that a new algorithm fits between two without renumbering them.
 */
export const order = 50;

/** What omwu is, without its numerics (the UI imports this much). */
export const info = {
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
