/**
 * What nash-ema-pg is, without its numerics (kept apart from ../nashEmaPg.ts so the catalog, which
 * the first render loads, shares no module with the step code).
 */
import type { AlgorithmInfo } from '../types.ts';

/** What nash-ema-pg is, without its numerics (the UI imports this much). */
export const nashEmaPgInfo = {
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
