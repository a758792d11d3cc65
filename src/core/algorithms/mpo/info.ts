/**
 * What mpo is, without its numerics: names, parameters, convergence claim and availability.
 * The catalog, which the first render loads, imports this file; the update (update.ts, loaded with
 * the runner) and the explanation (explain.ts, loaded with "What am I looking at?") live beside it
 * in modules of their own, since a bundler cannot split one module's exports between two chunks.
 */
import type { AlgorithmInfo } from '../types.ts';

/**
 * Its place in every list (picker, table, legend): the lists are sorted by it. Numbered in tens so
 * that a new algorithm fits between two without renumbering them.
 */
export const order = 70;

/** What mpo is, without its numerics (the UI imports this much). */
export const info = {
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
