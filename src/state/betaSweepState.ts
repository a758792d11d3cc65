/**
 * The β sweep as the controller keeps it (core betaSweep.ts, computed in the worker): asked for
 * whenever a policy-gradient algorithm is shown (or the explorer shows the `beta-sweep` figure),
 * for the scenario and the t the run was asked for.
 */
import type { BetaSweepResponse } from '../core/workerApi.ts';
import type { Scenario } from './scenario.ts';

export interface BetaSweepState {
  /** The scenario and the steps asked for (the worker caps them; the answer says how many). */
  scenario: Scenario;
  asked: number;
  /** How far the newest request got, 0…1 (1: answered). */
  fraction: number;
  /** The newest answer (the previous one while a newer request runs), or null. */
  result: Extract<BetaSweepResponse, { ok: true }> | null;
  /** Why the newest request could not be computed (bad input), or null. */
  problem: string | null;
}

/** Whether the scenario shows a policy-gradient algorithm (their ids end in -pg). */
export const showsPg = (s: Pick<Scenario, 'algorithms'>): boolean => s.algorithms.some((a) => a.endsWith('-pg'));
