/**
 * A Nash equilibrium of the unregularised preference game (τ = 0), by linear programming.
 */
import { solve, type Model } from 'yalps';
import { exploitabilityFlat } from './exploitability.ts';
import { solveInPlace } from './linalg.ts';
import type { Matrix } from './types.ts';
import { validatePreferences } from './validate.ts';

/** Entries of the LP solution above this are taken as the support when polishing. */
const SUPPORT_THRESHOLD = 1e-9;

/**
 * A Nash equilibrium π of the symmetric zero-sum game P (§4, τ → 0): the solution of
 *   maximise v  subject to  Pᵀπ ≥ v·1,  Σ_y π_y = 1,  π ≥ 0,
 * whose value is always v = 1/2 (P + Pᵀ = 1). Equivalently (Pπ)_y ≤ 1/2 for every y, i.e.
 * exploitability e_0(π) = max_y (Pπ)_y − 1/2 = 0. Solved by the simplex method of the YALPS
 * library, then polished: on the support S the equilibrium satisfies (A π)_S = 0 with
 * A = P − 1/2 and Σ π_S = 1, a square linear system solved to machine precision; the polished
 * point is kept only if it is a valid policy with smaller exploitability. If P has several
 * equilibria, one of them (a vertex of the LP) is returned.
 */
export function nashEquilibrium(P: Matrix): Float64Array {
  const p = validatePreferences(P);
  const n = P.length;
  const lp = solveLp(p, n);
  const polished = polish(p, n, lp);
  const scratch = new Float64Array(n);
  const noLogMu = new Float64Array(n);
  if (polished && exploitabilityFlat(p, n, noLogMu, 0, polished, scratch) <= exploitabilityFlat(p, n, noLogMu, 0, lp, scratch)) {
    return polished;
  }
  return lp;
}

function solveLp(p: Float64Array, n: number): Float64Array {
  const constraints = new Map<string, { min?: number; equal?: number }>();
  for (let j = 0; j < n; j++) constraints.set(`c${j}`, { min: 0 });
  constraints.set('sum', { equal: 1 });
  const variables = new Map<string, Map<string, number>>();
  for (let i = 0; i < n; i++) {
    const coef = new Map<string, number>();
    for (let j = 0; j < n; j++) if (p[i * n + j] !== 0) coef.set(`c${j}`, p[i * n + j]);
    coef.set('sum', 1);
    variables.set(`p${i}`, coef);
  }
  const v = new Map<string, number>();
  for (let j = 0; j < n; j++) v.set(`c${j}`, -1);
  v.set('value', 1);
  variables.set('v', v);
  const model: Model<string, string> = { direction: 'maximize', objective: 'value', constraints, variables };
  const solution = solve(model, { maxPivots: 100_000 });
  const pi = new Float64Array(n);
  if (solution.status === 'optimal') {
    for (const [key, value] of solution.variables) if (key !== 'v') pi[Number(key.slice(1))] = Math.max(0, value);
  }
  let s = 0;
  for (let i = 0; i < n; i++) s += pi[i];
  if (!(s > 0)) return new Float64Array(n).fill(1 / n); // unreachable for a valid P: the LP is always feasible and bounded
  for (let i = 0; i < n; i++) pi[i] /= s;
  return pi;
}

/** Solves [[A_SS, 1], [1ᵀ, 0]] [π_S; c] = [0; 1] on the support S of the LP solution. */
function polish(p: Float64Array, n: number, pi: Float64Array): Float64Array | null {
  const support: number[] = [];
  for (let i = 0; i < n; i++) if (pi[i] > SUPPORT_THRESHOLD) support.push(i);
  const k = support.length;
  const m = k + 1;
  const M = new Float64Array(m * m);
  const b = new Float64Array(m);
  for (let r = 0; r < k; r++) {
    for (let c = 0; c < k; c++) M[r * m + c] = p[support[r] * n + support[c]] - 0.5;
    M[r * m + k] = 1;
    M[k * m + r] = 1;
  }
  b[k] = 1;
  if (!solveInPlace(M, b, m)) return null;
  const out = new Float64Array(n);
  for (let r = 0; r < k; r++) {
    if (!(b[r] >= 0)) return null;
    out[support[r]] = b[r];
  }
  return out;
}
