/**
 * The regularised Nash equilibrium π*_τ (§4): the unique fixed point π ∝ μ exp(Pπ/τ).
 */
import { exploitabilityFlat } from './exploitability.ts';
import { solveInPlace } from './linalg.ts';
import type { Matrix, Vector } from './types.ts';
import { validateDistribution, validatePreferences, validateTau } from './validate.ts';

/** Exploitability the final Newton level aims below (the contract is < 1e-12). */
const TARGET_EXPLOITABILITY = 1e-14;
/** Above this τ the equilibrium is close to μ and Newton converges from μ at once (|P − 1/2| ≤ 1/2). */
const EASY_TAU = 0.5;
/** Each continuation level divides τ by at most this factor. */
const LEVEL_RATIO = 4;
const MAX_ITERATIONS_PER_LEVEL = 60;

/**
 * π*_τ, the regularised Nash equilibrium of P with reference μ and strength τ > 0 (§4):
 *   π*_τ(y) ∝ μ(y) exp(P(y ≻ π*_τ)/τ),  equivalently  max_π' P_τ(π' ≻ π*_τ) = 1/2.
 *
 * Method: Newton's method on the log-space fixed-point equations, unknowns u = log π and λ:
 *   F(u, λ) = ( u − log μ − Aπ/τ − λ·1 ,  Σ_y π_y − 1 ) = 0,   π = exp(u),  A = P − 1/2,
 * with Jacobian [[I − A diag(π)/τ, −1], [πᵀ, 0]]. A is skew-symmetric, so diag(1/π) − A/τ has a
 * positive-definite symmetric part and the Jacobian is never singular; a backtracking line search
 * on ½‖F‖² makes every Newton step a descent step. τ is lowered geometrically from 0.5 to the
 * target (continuation), each level warm-started from the last, so even τ = 1e-3 needs only a
 * few dozen linear solves. A plain fixed-point iteration would diverge for small τ. Stops when
 * exploitability(π) < 1e-14 or when the floating-point residual stops decreasing.
 */
export function regularizedNash(P: Matrix, mu: Vector, tau: number): Float64Array {
  const p = validatePreferences(P);
  const n = P.length;
  const m = validateDistribution(mu, n, 'reference');
  validateTau(tau, true, ' (for τ = 0 use nashEquilibrium)');
  const logMu = new Float64Array(n);
  for (let i = 0; i < n; i++) logMu[i] = Math.log(m[i]);
  const solver = new FixedPointNewton(p, n, logMu);
  solver.reset(logMu);
  let solved = Math.max(tau, EASY_TAU) * LEVEL_RATIO;
  // Continuation: each level's τ is at most LEVEL_RATIO below the last solved one; a level that
  // fails is retried from the last solution with a gentler ratio.
  let ratio = LEVEL_RATIO;
  while (solved > tau) {
    const next = Math.max(tau, solved / ratio);
    const saved = solver.save();
    const final = next === tau;
    if (solver.solve(next, final)) {
      solved = next;
      ratio = LEVEL_RATIO;
    } else if (ratio > 1.05) {
      solver.restore(saved);
      ratio = Math.sqrt(ratio);
    } else {
      break; // cannot happen in exact arithmetic; return the best point found
    }
  }
  return solver.policy();
}

/**
 * π*_τ along a grid of τ values (any order; large to small is natural): row k of the result
 * (length n) is regularizedNash(P, μ, taus[k]). Each solve is warm-started from the previous
 * one, which is exactly the continuation regularizedNash uses internally, so a whole path of
 * 60 values costs little more than one small-τ solve. Used to draw where π*_τ moves as τ changes.
 */
export function regularizedNashPath(P: Matrix, mu: Vector, taus: readonly number[]): Float64Array {
  const p = validatePreferences(P);
  const n = P.length;
  const m = validateDistribution(mu, n, 'reference');
  for (const tau of taus) validateTau(tau, true);
  const logMu = new Float64Array(n);
  for (let i = 0; i < n; i++) logMu[i] = Math.log(m[i]);
  const solver = new FixedPointNewton(p, n, logMu);
  solver.reset(logMu);
  // Walk down from the easy regime to the first τ, then along the grid.
  let last = Math.max(...taus, EASY_TAU) * LEVEL_RATIO;
  const out = new Float64Array(taus.length * n);
  taus.forEach((tau, k) => {
    let ratio = LEVEL_RATIO;
    while (last !== tau) {
      const next = tau < last ? Math.max(tau, last / ratio) : Math.min(tau, last * ratio);
      const saved = solver.save();
      if (solver.solve(next, next === tau)) {
        last = next;
        ratio = LEVEL_RATIO;
      } else if (ratio > 1.05) {
        solver.restore(saved);
        ratio = Math.sqrt(ratio);
      } else {
        break;
      }
    }
    out.set(solver.policy(), k * n);
  });
  return out;
}

/** Newton iterations for F(u, λ) = 0 at a given τ, keeping state between continuation levels. */
class FixedPointNewton {
  private readonly u: Float64Array;
  private lambda = 0;
  private readonly pi: Float64Array;
  private readonly jac: Float64Array;
  private readonly rhs: Float64Array;
  private readonly trialU: Float64Array;
  private readonly residual: Float64Array;
  private readonly scratch: Float64Array;
  /** A = P − 1/2, row-major. */
  private readonly A: Float64Array;

  constructor(
    private readonly p: Float64Array,
    private readonly n: number,
    private readonly logMu: Float64Array,
  ) {
    this.u = new Float64Array(n);
    this.pi = new Float64Array(n);
    this.jac = new Float64Array((n + 1) * (n + 1));
    this.rhs = new Float64Array(n + 1);
    this.trialU = new Float64Array(n);
    this.residual = new Float64Array(n + 1);
    this.scratch = new Float64Array(n);
    this.A = p.map((x) => x - 0.5);
  }

  reset(u: Float64Array): void {
    this.u.set(u);
    this.lambda = 0;
  }

  save(): { u: Float64Array; lambda: number } {
    return { u: Float64Array.from(this.u), lambda: this.lambda };
  }

  restore(s: { u: Float64Array; lambda: number }): void {
    this.u.set(s.u);
    this.lambda = s.lambda;
  }

  /** The current iterate, normalised onto the simplex in log space. */
  policy(): Float64Array {
    const { u, n } = this;
    let max = -Infinity;
    for (let i = 0; i < n; i++) max = Math.max(max, u[i]);
    const out = new Float64Array(n);
    let s = 0;
    for (let i = 0; i < n; i++) {
      out[i] = Math.exp(u[i] - max);
      s += out[i];
    }
    for (let i = 0; i < n; i++) out[i] /= s;
    return out;
  }

  /** ½‖F(u, λ)‖² at τ, leaving F in `residual` and π = exp(u) in `pi`. */
  private merit(u: Float64Array, lambda: number, tau: number): number {
    const { n, A, pi, residual, logMu } = this;
    let sum = 0;
    for (let i = 0; i < n; i++) {
      pi[i] = Math.exp(u[i]);
      sum += pi[i];
    }
    let phi = 0;
    for (let i = 0; i < n; i++) {
      let a = 0;
      const row = i * n;
      for (let j = 0; j < n; j++) a += A[row + j] * pi[j];
      const f = u[i] - logMu[i] - a / tau - lambda;
      residual[i] = f;
      phi += f * f;
    }
    residual[n] = sum - 1;
    phi += residual[n] * residual[n];
    const half = 0.5 * phi;
    return Number.isFinite(half) ? half : Infinity;
  }

  /** Runs damped Newton at τ. Intermediate levels stop at ‖F‖ ≈ 1e-8; the final one at machine precision. */
  solve(tau: number, final: boolean): boolean {
    const { n, A, jac, rhs, u, trialU, residual, pi } = this;
    const m = n + 1;
    let phi = this.merit(u, this.lambda, tau);
    // A fresh start: choose λ so that Σ F_i = 0 over the first n equations.
    if (this.lambda === 0) {
      let s = 0;
      for (let i = 0; i < n; i++) s += residual[i];
      this.lambda = s / n;
      phi = this.merit(u, this.lambda, tau);
    }
    for (let iter = 0; iter < MAX_ITERATIONS_PER_LEVEL; iter++) {
      if (!final && phi < 1e-16) return true;
      if (final && phi < 1e-28) return true;
      if (final && this.exploitability(tau) < TARGET_EXPLOITABILITY && phi < 1e-20) return true;
      // Jacobian of F at (u, λ).
      for (let i = 0; i < n; i++) {
        const row = i * m;
        for (let j = 0; j < n; j++) jac[row + j] = -A[i * n + j] * pi[j] / tau;
        jac[row + i] += 1;
        jac[row + n] = -1;
        rhs[i] = -residual[i];
      }
      for (let j = 0; j < n; j++) jac[n * m + j] = pi[j];
      jac[n * m + n] = 0;
      rhs[n] = -residual[n];
      if (!solveInPlace(jac, rhs, m)) return false;
      // Backtracking: ∇φ·d = −2φ, so accept when φ_new ≤ (1 − 2·1e-4·s) φ.
      let step = 1;
      let accepted = false;
      for (let k = 0; k < 50; k++, step /= 2) {
        for (let i = 0; i < n; i++) trialU[i] = u[i] + step * rhs[i];
        const lam = this.lambda + step * rhs[n];
        const trial = this.merit(trialU, lam, tau);
        if (trial <= (1 - 2e-4 * step) * phi) {
          u.set(trialU);
          this.lambda = lam;
          phi = trial;
          accepted = true;
          break;
        }
      }
      if (!accepted) {
        // Residual at floating-point noise level: converged as far as doubles allow.
        this.merit(u, this.lambda, tau);
        return final ? this.exploitability(tau) < 1e-12 : phi < 1e-12;
      }
    }
    return final ? this.exploitability(tau) < 1e-12 : phi < 1e-12;
  }

  private exploitability(tau: number): number {
    return exploitabilityFlat(this.p, this.n, this.logMu, tau, this.policy(), this.scratch);
  }
}
