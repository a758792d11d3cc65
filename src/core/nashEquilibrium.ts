/**
 * A Nash equilibrium of the unregularised preference game (τ = 0), by linear programming.
 */
import { exploitabilityFlat } from './exploitability.ts';
import { solveInPlace } from './linalg.ts';
import { maximiseSumUnderOnes } from './lpSolver.ts';
import { progressReporter, type SolverOptions } from './solverOptions.ts';
import type { Matrix } from './types.ts';
import { validatePreferences } from './validate.ts';

/**
 * A Nash equilibrium π of the symmetric zero-sum game P (§4, τ → 0): a solution of
 *   maximise v  subject to  Pᵀπ ≥ v·1,  Σ_y π_y = 1,  π ≥ 0,
 * whose value is always v = 1/2 because P + Pᵀ = 1. Equivalently (Pπ)_y ≤ 1/2 for every y,
 * i.e. exploitability e_0(π) = max_y (Pπ)_y − 1/2 = 0.
 *
 * Solved in the equivalent form  maximise Σ x  s.t.  P x ≤ 1, x ≥ 0  (x = 0 is feasible, the
 * optimum Σ x = 1/v = 2, and π = x/Σx), by the HiGHS simplex solver. The floating-point vertex is
 * then polished: on the final basis (basic columns S, tight rows B, |S| = |B|) the vertex solves
 * P_BS x_S = 1 exactly, a square system solved by Gaussian elimination to machine precision; the
 * polished point is kept when it is a valid policy with no larger exploitability. If P has
 * several equilibria, one of them (a vertex) is returned. HiGHS runs without presolve: on these
 * dense, square LPs presolve removes nothing and only costs time (≈ 0.5 s at n = 500 either way
 * is the simplex itself; a support guessed from π*_τ was tried and rejected, because random
 * games have support entries of weight ~1e-7 that no small τ separates from non-support ones).
 * onProgress (options) is called at the start and at the end only: the simplex is one call.
 */
export function nashEquilibrium(P: Matrix, options?: SolverOptions): Float64Array {
  const p = validatePreferences(P);
  const n = P.length;
  const report = progressReporter(options);
  report(0);
  const result = solveNash(p, n);
  report(1);
  return result;
}

function solveNash(p: Float64Array, n: number): Float64Array {
  const lp = maximiseSumUnderOnes(p, n);
  const raw = normalise(Float64Array.from(lp.x, (v) => Math.max(0, v)));
  const scratch = new Float64Array(n);
  const zeros = new Float64Array(n); // log μ is unused at τ = 0
  const polished = polishOnBasis(p, n, lp.basicCols, lp.basicRows);
  if (raw === null) return polished ?? new Float64Array(n).fill(1 / n); // unreachable: the LP is feasible and bounded
  if (polished && exploitabilityFlat(p, n, zeros, 0, polished, scratch) <= exploitabilityFlat(p, n, zeros, 0, raw, scratch)) {
    return polished;
  }
  return raw;
}

function normalise(x: Float64Array): Float64Array | null {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  if (!(s > 0) || !Number.isFinite(s)) return null;
  for (let i = 0; i < x.length; i++) x[i] /= s;
  return x;
}

/** Re-solves the basis system P_BS x_S = 1 and returns x/Σx, or null if it is not a valid policy. */
function polishOnBasis(p: Float64Array, n: number, basicCols: Uint8Array, basicRows: Uint8Array): Float64Array | null {
  const S: number[] = [];
  const B: number[] = [];
  for (let j = 0; j < n; j++) if (basicCols[j]) S.push(j);
  for (let i = 0; i < n; i++) if (!basicRows[i]) B.push(i);
  const k = S.length;
  if (k === 0 || k !== B.length) return null;
  const M = new Float64Array(k * k);
  for (let r = 0; r < k; r++) for (let c = 0; c < k; c++) M[r * k + c] = p[B[r] * n + S[c]];
  const x = new Float64Array(k).fill(1);
  if (!solveInPlace(M, x, k)) return null;
  const out = new Float64Array(n);
  for (let c = 0; c < k; c++) {
    if (x[c] < -1e-12) return null;
    out[S[c]] = Math.max(0, x[c]);
  }
  return normalise(out);
}
