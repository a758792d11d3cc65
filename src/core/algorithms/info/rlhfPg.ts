/**
 * What rlhf-pg is, without its numerics (kept apart from ../rlhfPg.ts so the catalog, which the
 * first render loads, shares no module with the step code).
 */
import type { AlgorithmInfo } from '../types.ts';

/** What rlhf-pg is, without its numerics (the UI imports this much). */
export const rlhfPgInfo = {
  id: 'rlhf-pg' as const,
  displayName: 'RLHF-PG',
  shortName: 'RLHF-PG',
  family: 'parametric',
  params: ['tau', 'reference', 'comparisons', 'pg'],
  convergesTo: {
    target: 'rlhf-optimum',
    iterate: 'last',
    summary: 'near the RLHF optimum (within the policy class)',
  },
  stepCost: 0,
  rewardModel: true,
  unavailable: () => null,
} satisfies AlgorithmInfo;
