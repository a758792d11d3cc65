/**
 * What nash-md-pg is, without its numerics (kept apart from ../nashMdPg.ts so the catalog, which
 * the first render loads, shares no module with the step code).
 */
import type { AlgorithmInfo } from '../types.ts';

/** What nash-md-pg is, without its numerics (the UI imports this much). */
export const nashMdPgInfo = {
  id: 'nash-md-pg' as const,
  displayName: 'Nash-MD-PG',
  shortName: 'MD-PG',
  family: 'parametric',
  params: ['tau', 'reference', 'pg'],
  convergesTo: {
    target: 'regularized',
    iterate: 'last',
    summary: 'exact gradients: near π*_τ (on it for tabular features at β = 0)',
  },
  stepCost: 1,
  rewardModel: false,
  unavailable: () => null,
} satisfies AlgorithmInfo;
