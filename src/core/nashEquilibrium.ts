/**
 * A Nash equilibrium of the unregularised preference game (τ = 0), by linear programming.
 */
import { exploitabilityFlat } from './exploitability.ts';
import { solveInPlace } from './linalg.ts';
import { maximiseSumUnderOnes, type FaceSolve } from './lpSolver.ts';
import { createRng } from './rng.ts';
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
 * dense, square LPs presolve removes nothing and only costs time (the simplex iterations are the
 * cost either way; a support guessed from π*_τ was tried and rejected, because random games have
 * support entries of weight ~1e-7 that no small τ separates from non-support ones).
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

/** Up to this n the set of equilibria is described per response (2n small warm-started LPs). */
export const NASH_RANGE_MAX_N = 40;
/**
 * A spread of some response's weight over E wider than this: not unique. Not smaller: the LPs
 * see E thickened by their feasibility tolerance (1e-10 in Σx), which a nearly flat edge of the
 * polytope turns into ~1e-6 in π on random games of n ≈ 40; 1e-4 (0.01 %) is below anything
 * the figures can show, and a real tie spreads weights by O(1).
 */
export const NASH_UNIQUE_TOL = 1e-4;
/**
 * Above this n the set is not examined (unique: null): the face LPs cost several times the Nash
 * itself there (degenerate pivots at the optimal vertex), and they would delay the first full
 * answer for a note few readers of a large matrix need (figures: docs/benchmarks.md).
 */
export const NASH_SET_MAX_N = 100;
/**
 * Simplex iterations allowed per LP on the optimal face: a bound on the work that gives the same
 * answer on any machine (a time limit would not). From the Nash's own basis a unique vertex needs
 * only a few degenerate pivots; random games up to NASH_SET_MAX_N stay below the bound.
 */
export function faceIterations(n: number): number {
  return 1000 + 20 * n;
}
/** Seed of the fixed pseudo-random direction c of the uniqueness test. */
export const NASH_DIRECTION_SEED = 0x5eed;

/** The Nash equilibria of P: one of them, and whether it is the only one. */
export interface NashSet {
  /** A Nash equilibrium of P (a vertex of E), as nashEquilibrium returns it. */
  nash: Float64Array;
  /**
   * true: E is a single point (up to NASH_UNIQUE_TOL); false: P has other Nash equilibria;
   * null: not decided (n > NASH_SET_MAX_N, or an LP did not finish within faceIterations(n)
   * simplex iterations or failed).
   */
  unique: boolean | null;
  /**
   * min and max of π_y over E, per response, when the Nash is not unique and n ≤
   * NASH_RANGE_MAX_N; null otherwise (for a unique Nash both would be `nash`).
   */
  low: Float64Array | null;
  high: Float64Array | null;
}

/**
 * The set of Nash equilibria of the symmetric zero-sum game P,
 *   E = { π ∈ Δ : (Pπ)_y ≤ 1/2 for every y }
 * (a policy is a Nash equilibrium iff no response beats it, since the game's value is 1/2), a
 * convex polytope: the optimal face of the LP of nashEquilibrium. E is one point iff
 *   max_{π∈E} c·π = min_{π∈E} c·π
 * for a generic direction c. First the direction test: max and min of c·π for one fixed
 * pseudo-random c (entries uniform in [−1, 1], mulberry32 seeded with NASH_DIRECTION_SEED, so the
 * answer is reproducible); unique iff the two optimisers agree within NASH_UNIQUE_TOL in every
 * entry (it fails only for c orthogonal to E's affine hull, a probability-zero event). Only when
 * it finds E larger than a point and n ≤ NASH_RANGE_MAX_N: for every y, min and max of π_y over E
 * (2n more LPs), which says WHICH responses' weights are undetermined.
 * Every LP answer is a point of E, so the ranges are the extremes of the points found, and they
 * always contain `nash`. Not examined above NASH_SET_MAX_N (unique: null). A generic random P has a unique Nash with probability 1; ties (a
 * response tied with everything, two identical rows) make E larger. If the LPs run out of the
 * iteration budget (faceIterations), `unique` is null (unless a spread was already seen) and the
 * ranges are null.
 */
export function nashEquilibriumSet(P: Matrix, options?: SolverOptions): NashSet {
  const p = validatePreferences(P);
  const n = P.length;
  const report = progressReporter(options);
  report(0);
  let face: FaceAnswer = { unique: null, low: null, high: null };
  const nash = n > NASH_SET_MAX_N ? solveNash(p, n) : solveNash(p, n, (solve) => (face = describeFace(solve, n)));
  report(1);
  // The points are normalised LP answers; the Nash itself is always in E.
  if (face.low && face.high) {
    for (let y = 0; y < n; y++) {
      face.low[y] = Math.min(face.low[y], nash[y]);
      face.high[y] = Math.max(face.high[y], nash[y]);
    }
  }
  return { nash, ...face };
}

type FaceAnswer = Omit<NashSet, 'nash'>;

function describeFace(solve: FaceSolve, n: number): FaceAnswer {
  const low = new Float64Array(n).fill(Infinity);
  const high = new Float64Array(n).fill(-Infinity);
  let complete = true;
  const visit = (cost: Float64Array, maximise: boolean) => {
    const x = complete ? solve(cost, maximise) : null;
    const pi = x && normalise(Float64Array.from(x, (v) => Math.max(0, v)));
    if (!pi) {
      complete = false;
      return;
    }
    for (let y = 0; y < n; y++) {
      low[y] = Math.min(low[y], pi[y]);
      high[y] = Math.max(high[y], pi[y]);
    }
  };
  const spread = () => {
    let w = 0;
    for (let y = 0; y < n; y++) if (high[y] >= low[y]) w = Math.max(w, high[y] - low[y]);
    return w;
  };
  // The direction test first (two LPs): the common, unique case needs nothing more.
  const rng = createRng(NASH_DIRECTION_SEED);
  const c = Float64Array.from({ length: n }, () => 2 * rng() - 1);
  visit(c, true);
  visit(c, false);
  const uniqueAlong = spread() <= NASH_UNIQUE_TOL;
  if (!uniqueAlong && n <= NASH_RANGE_MAX_N) {
    const cost = new Float64Array(n);
    for (let y = 0; y < n; y++) {
      cost.fill(0);
      cost[y] = 1;
      visit(cost, true);
      visit(cost, false);
    }
  }
  if (!complete) return { unique: spread() > NASH_UNIQUE_TOL ? false : null, low: null, high: null };
  if (uniqueAlong) return { unique: true, low: null, high: null };
  return n <= NASH_RANGE_MAX_N ? { unique: false, low, high } : { unique: false, low: null, high: null };
}

function solveNash(p: Float64Array, n: number, explore?: (solve: FaceSolve) => unknown): Float64Array {
  const lp = explore ? maximiseSumUnderOnes(p, n, explore, faceIterations(n)) : maximiseSumUnderOnes(p, n);
  const raw = normalise(Float64Array.from(lp.x, (v) => Math.max(0, v)));
  const scratch = new Float64Array(n);
  const zeros = new Float64Array(n); // log μ is unused at τ = 0
  const polished = polishOnBasis(p, n, lp.basicCols, lp.basicRows);
  if (raw === null) return polished ?? new Float64Array(n).fill(1 / n); // unreachable: the LP is feasible and bounded
  if (
    polished &&
    exploitabilityFlat(p, n, zeros, 0, polished, scratch) <= exploitabilityFlat(p, n, zeros, 0, raw, scratch)
  ) {
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
