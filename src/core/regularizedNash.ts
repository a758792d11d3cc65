/**
 * The regularised Nash equilibrium π*_τ (§4): the unique fixed point π ∝ μ exp(Pπ/τ).
 */
import { FixedPointNewton } from './fixedPointNewton.ts';
import { logOf } from './logspace.ts';
import { progressReporter, type SolverOptions } from './solverOptions.ts';
import type { Matrix, Vector } from './types.ts';
import { validateDistribution, validatePreferences, validateTau } from './validate.ts';

/** Above this τ the equilibrium is close to μ and Newton converges from μ at once (|P − 1/2| ≤ 1/2). */
const EASY_TAU = 0.5;
/** Each continuation level divides τ by at most this factor. */
const LEVEL_RATIO = 4;

/**
 * π*_τ, the regularised Nash equilibrium of P with reference μ and strength τ > 0 (§4):
 *   π*_τ(y) ∝ μ(y) exp(P(y ≻ π*_τ)/τ),  equivalently  max_π' P_τ(π' ≻ π*_τ) = 1/2.
 *
 * Method: Newton's method on the log-space fixed-point equations, unknowns u = log π and λ:
 *   F(u, λ) = ( u − log μ − Aπ/τ − λ·1 ,  Σ_y π_y − 1 ) = 0,   π = exp(u),  A = P − 1/2,
 * with Jacobian [[I − A diag(π)/τ, −1], [πᵀ, 0]]. A is skew-symmetric, so diag(1/π) − A/τ has a
 * positive-definite symmetric part and the Jacobian is never singular; a backtracking line search
 * on ½‖F‖² makes every Newton step a descent step. τ is lowered geometrically from 2 to the
 * target (continuation), each level warm-started from an extrapolation of the last two (see
 * Continuation), so even τ = 1e-3 needs only a few dozen cheap steps. A plain fixed-point
 * iteration would diverge for small τ. The linear algebra (active columns, GMRES with a rarely
 * refactorised LU preconditioner) is in FixedPointNewton. Stops when exploitability(π) < 1e-14
 * or when the floating-point residual stops decreasing.
 */
export function regularizedNash(P: Matrix, mu: Vector, tau: number, options?: SolverOptions): Float64Array {
  const p = validatePreferences(P);
  const n = P.length;
  const m = validateDistribution(mu, n, 'reference');
  validateTau(tau, true, ' (for τ = 0 use nashEquilibrium)');
  const report = progressReporter(options);
  report(0);
  const solver = solveRegularized(p, n, m, tau, report);
  report(1);
  return solver.policy();
}

/**
 * regularizedNash on validated flat inputs; returns the solver, whose `u` holds log π*_τ up to
 * a constant. `progress` receives the fraction of the continuation (in log τ) done.
 */
export function solveRegularized(
  p: Float64Array,
  n: number,
  mu: Float64Array,
  tau: number,
  progress?: (f: number) => void,
): FixedPointNewton {
  return solveRegularizedLog(p, n, logOf(mu), tau, progress);
}

/**
 * solveRegularized with the reference given by its logarithm, log μ (any additive constant; it
 * may hold values far below log(1e-308), where μ itself would underflow): COMAL's reference π_t.
 */
export function solveRegularizedLog(
  p: Float64Array,
  n: number,
  logMu: Float64Array,
  tau: number,
  progress?: (f: number) => void,
): FixedPointNewton {
  const walk = new Continuation(p, n, logMu);
  const start = Math.max(tau, EASY_TAU) * LEVEL_RATIO;
  walk.moveTo(tau, (t) => progress?.(Math.log(start / t) / Math.log(start / tau)));
  return walk.solver;
}

/**
 * π*_τ along a grid of τ values (any order; large to small is natural): row k of the result
 * (length n) is regularizedNash(P, μ, taus[k]). Each solve is warm-started from the previous
 * ones, which is exactly the continuation regularizedNash uses internally, so a whole path of
 * 50 values costs little more than one small-τ solve. Used to draw where π*_τ moves as τ changes.
 */
export function regularizedNashPath(
  P: Matrix,
  mu: Vector,
  taus: readonly number[],
  options?: SolverOptions,
): Float64Array {
  const p = validatePreferences(P);
  const n = P.length;
  const m = validateDistribution(mu, n, 'reference');
  for (const tau of taus) validateTau(tau, true);
  const report = progressReporter(options);
  report(0);
  const walk = new Continuation(p, n, logOf(m), Math.max(...taus, EASY_TAU) * LEVEL_RATIO);
  const out = new Float64Array(taus.length * n);
  taus.forEach((tau, k) => {
    walk.moveTo(tau);
    out.set(walk.solver.policy(), k * n);
    report((k + 1) / taus.length);
  });
  report(1);
  return out;
}

/**
 * Walks π*_τ along τ, a level at a time, each level a Newton solve warm-started by a
 * predictor. Along the path, u_y = log μ_y + (Aπ)_y/τ + λ: for responses off the support u is
 * affine in 1/τ to first order, and on it u converges as τ → 0, so the predictor extrapolates
 * (u, λ) linearly in t = 1/τ through the last two solved levels (an Euler–secant predictor).
 * It is kept only if it lowers ½‖F‖² at the new τ below that of the last solution; the Newton
 * corrector then converges in a few steps. A level that fails is retried from the last
 * solution with a gentler ratio.
 */
export class Continuation {
  readonly solver: FixedPointNewton;
  /** The τ the solver's iterate solves (or the starting τ before the first solve). */
  last: number;
  private prev: { t: number; u: Float64Array; lambda: number } | null = null;
  private readonly trial: Float64Array;

  constructor(p: Float64Array, n: number, logMu: Float64Array, start?: number) {
    this.solver = new FixedPointNewton(p, n, logMu);
    this.solver.reset(logMu);
    this.last = start ?? Number.POSITIVE_INFINITY;
    this.trial = new Float64Array(n);
  }

  /** Solves at τ to machine precision; `level` is told every intermediate τ reached. */
  moveTo(tau: number, level?: (t: number) => void): void {
    const { solver } = this;
    if (!Number.isFinite(this.last)) this.last = Math.max(tau, EASY_TAU) * LEVEL_RATIO;
    let ratio = LEVEL_RATIO;
    while (this.last !== tau) {
      const last = this.last;
      const next = tau < last ? Math.max(tau, last / ratio) : Math.min(tau, last * ratio);
      const saved = solver.save();
      this.predict(1 / last, 1 / next, next);
      if (solver.solve(next, next === tau)) {
        this.prev = { t: 1 / last, u: saved.u, lambda: saved.lambda };
        this.last = next;
        ratio = LEVEL_RATIO;
        level?.(next);
      } else if (ratio > 1.05) {
        solver.restore(saved);
        ratio = Math.sqrt(ratio);
      } else {
        break; // cannot happen in exact arithmetic; keep the best point found
      }
    }
  }

  /** Replaces the iterate by the secant extrapolation to t = 1/τ when that lowers the residual. */
  private predict(tLast: number, tNext: number, next: number): void {
    const { solver, prev, trial } = this;
    if (prev === null || !Number.isFinite(tLast) || prev.t === tLast) return;
    const c = (tNext - tLast) / (tLast - prev.t);
    const u = solver.u;
    for (let i = 0; i < u.length; i++) trial[i] = u[i] + c * (u[i] - prev.u[i]);
    const lambda = solver.lambda + c * (solver.lambda - prev.lambda);
    const base = solver.merit(u, solver.lambda, next);
    const extrapolated = solver.merit(trial, lambda, next);
    if (extrapolated < base) {
      u.set(trial);
      solver.lambda = lambda;
    }
  }
}
