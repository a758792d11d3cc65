/**
 * What rlhf is, without its numerics: names, parameters, convergence claim and availability.
 * The catalog, which the first render loads, imports this file; the update (update.ts, loaded with
 * the runner) and the explanation (explain.ts, loaded with "What am I looking at?") live beside it
 * in modules of their own, since a bundler cannot split one module's exports between two chunks.
 */
import type { AlgorithmInfo } from '../types.ts';

/**
 * Its place in every list (picker, table, legend): the lists are sorted by it. Numbered in tens so
 * that a new algorithm fits between two without renumbering them.
 */
export const order = 30;

/** What rlhf is, without its numerics (the UI imports this much). */
export const info = {
  id: 'rlhf' as const,
  displayName: 'RLHF',
  shortName: 'RLHF',
  family: 'nlhf',
  params: ['tau', 'eta', 'reference', 'comparisons'],
  convergesTo: {
    target: 'rlhf-optimum',
    iterate: 'last',
    summary: 'the RLHF optimum ∝ μ exp(r/τ) of the fitted reward, not a Nash',
  },
  stepCost: 0,
  rewardModel: true,
  unavailable: () => null,
} satisfies AlgorithmInfo;
