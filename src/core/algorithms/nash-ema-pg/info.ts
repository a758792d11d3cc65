/**
 * What nash-ema-pg is, without its numerics: names, parameters, convergence claim and availability.
 * The catalog, which the first render loads, imports this file; the update (update.ts, loaded with
 * the runner) and the explanation (explain.ts, loaded with "What am I looking at?") live beside it
 * in modules of their own, since a bundler cannot split one module's exports between two chunks.
 */
import type { AlgorithmInfo } from '../types.ts';

/**
 * Its place in every list (picker, table, legend): the lists are sorted by it. Numbered in tens so
 * that a new algorithm fits between two without renumbering them.
 */
export const order = 140;

/**
 * Its update (update.ts) loads on demand (registry.ts, loadAlgorithms): the policy-gradient engine is
 * not needed for the first figure, and would otherwise be in every first computation's bytes.
 */
export const loadOnDemand = true;

/** What nash-ema-pg is, without its numerics (the UI imports this much). */
export const info = {
  id: 'nash-ema-pg' as const,
  displayName: 'Nash-EMA-PG',
  shortName: 'EMA-PG',
  family: 'parametric',
  params: ['tau', 'reference', 'pg'],
  convergesTo: {
    target: 'none',
    iterate: 'last',
    summary: 'no guarantee: plays against the average θ̄ of its past parameters',
  },
  stepCost: 1,
  rewardModel: false,
  unavailable: () => null,
} satisfies AlgorithmInfo;
