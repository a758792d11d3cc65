/**
 * What mwu is, without its numerics: names, parameters, convergence claim and availability.
 * The catalog, which the first render loads, imports this file; the update (update.ts, loaded with
 * the runner) and the explanation (explain.ts, loaded with "What am I looking at?") live beside it
 * in modules of their own, since a bundler cannot split one module's exports between two chunks.
 */
import type { AlgorithmInfo } from '../types.ts';

/**
 * Its place in every list (picker, table, legend): the lists are sorted by it. Numbered in tens so
 * that a new algorithm fits between two without renumbering them.
 */
export const order = 40;

/** What mwu is, without its numerics (the UI imports this much). */
export const info = {
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
