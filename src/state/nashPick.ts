/**
 * Which Nash equilibrium of P is drawn when P has many (`nash=` in the link), and the Nash set of
 * the shown P as the controller keeps it (core nashSet.ts, computed in the worker).
 */
import type { Matrix } from '../core/types.ts';
import type { NashSetResponse } from '../core/workerApi.ts';
import { readPairs, type HashProblem } from './urlCodec.ts';

/**
 * 'vertex': the LP's vertex (default: the first optimal vertex the simplex method reaches, which
 * depends on the order of the responses); 'limit': the τ → 0 end of the path of π*_τ for μ.
 */
export type NashPick = 'vertex' | 'limit';
export const NASH_PICKS: readonly NashPick[] = ['vertex', 'limit'];

/** The Nash set of one P (and μ, for the limit): computing (with how far) or answered. */
export interface NashSetState {
  preferences: Matrix;
  reference: readonly number[];
  limitAsked: boolean;
  /** With feedback the set is the learned P̂'s: feedbackKey of the scenario asked ('' or absent: off). */
  feedback?: string;
  fraction: number;
  result: Extract<NashSetResponse, { ok: true }> | null;
}

/** `nash=` of a hash: 'vertex' when absent; a bad value is named (and the default kept). */
export function hashNashPick(hash: string): { pick: NashPick; problem: HashProblem | null } {
  const raw = readPairs(hash).get('nash');
  if (raw === undefined || raw === '' || raw === 'vertex') return { pick: 'vertex', problem: null };
  if (raw === 'limit') return { pick: 'limit', problem: null };
  let shown = raw;
  try {
    shown = decodeURIComponent(raw);
  } catch {
    // Shown as it came.
  }
  return {
    pick: 'vertex',
    problem: {
      field: 'nash',
      message: `"${shown.slice(0, 30)}" is not a choice of the Nash drawn, so the LP's vertex is drawn (nash takes vertex or limit)`,
    },
  };
}
