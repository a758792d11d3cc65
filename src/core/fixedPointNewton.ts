/**
 * The Newton–Krylov engine behind regularizedNash and regularizedNashPath: one instance keeps
 * the iterate, a preconditioner and all workspace between continuation levels.
 */
import { exploitabilityFlat } from './exploitability.ts';
import { Gmres } from './gmres.ts';
import { matVecOperator, type MatVecOperator } from './matVecOperator.ts';
import { BlockPreconditioner } from './blockPreconditioner.ts';

/** Columns with π_j/τ below this are left out of every product: they move (Aπ)/τ by < n·1e-20. */
const ACTIVE_EPS = 1e-20;
/** Krylov dimension per Newton step; a step needing more than REFACTOR_AFTER refactorises. */
const MAX_KRYLOV = 60;
const REFACTOR_AFTER = 25;
const MAX_ITERATIONS_PER_LEVEL = 60;
/** Exploitability the final Newton level aims below (the contract is < 1e-12). */
const TARGET_EXPLOITABILITY = 1e-14;

/**
 * Newton's method on F(u, λ) = ( u − log μ − Aπ/τ − λ·1 , Σ_y π_y − 1 ) = 0, π = exp(u),
 * A = P − 1/2, whose Jacobian is  J = [[I − A diag(π)/τ, −1], [πᵀ, 0]].
 *
 * Why it is cheap at n = 500:
 * - Active columns. Column j of I − A diag(π)/τ is e_j up to π_j/τ; below ACTIVE_EPS it is e_j
 *   to the last bit, so products with A only run over the k "active" columns (O(n·k), k ≈ the
 *   support at small τ, where π_j ∝ exp(−gap_j/τ) underflows far below 1e-20).
 * - Inexact Newton: each step J d = −F is solved by GMRES to a relative tolerance min(‖F‖, 1e-3)
 *   (Eisenstat–Walker forcing, so convergence stays quadratic), preconditioned by the bordered
 *   matrix [[M, −1], [π_fᵀ, 0]] of a frozen M. M starts as I (enough when ‖A diag(π)‖/τ is small,
 *   i.e. large τ) and is refactorised, only when GMRES becomes slow, as the block matrix
 *   [[I − A_SS D_S/τ, 0], [−A_NS D_S/τ, I]] over S = {j : π_j/τ > PRECOND_EPS}: one LU of size
 *   |S| (2/3|S|³ flops, the only cubic cost) serves many Newton steps and continuation levels.
 * - Every step is safeguarded by a backtracking line search on ½‖F‖² (Armijo), exactly as for
 *   plain Newton, so the inexact steps can never make things worse.
 * A is skew-symmetric, so J is never singular (see regularizedNash).
 */
export class FixedPointNewton {
  readonly u: Float64Array;
  lambda = 0;
  private readonly pi: Float64Array;
  private readonly w: Float64Array;
  private readonly act: Int32Array;
  private nAct = 0;
  private readonly residual: Float64Array;
  private readonly rhs: Float64Array;
  private readonly step: Float64Array;
  private readonly trialU: Float64Array;
  private readonly scratch: Float64Array;
  private readonly A: Float64Array;
  /** y ← A x over all columns (A never changes). */
  private readonly dense: MatVecOperator;
  private readonly gmres: Gmres;
  private readonly xs: Float64Array;
  private readonly prec: BlockPreconditioner;
  /** Counters for tests and benchmarks. */
  newtonSteps = 0;

  /** LU factorisations of the preconditioner so far. */
  get factorisations(): number {
    return this.prec.factorisations;
  }
  krylovSteps = 0;

  constructor(
    private readonly p: Float64Array,
    private readonly n: number,
    private readonly logMu: Float64Array,
  ) {
    this.u = new Float64Array(n);
    this.pi = new Float64Array(n);
    this.w = new Float64Array(n);
    this.act = new Int32Array(n);
    this.residual = new Float64Array(n + 1);
    this.rhs = new Float64Array(n + 1);
    this.step = new Float64Array(n + 1);
    this.trialU = new Float64Array(n);
    this.scratch = new Float64Array(n);
    this.A = p.map((x) => x - 0.5);
    this.dense = matVecOperator(this.A, n);
    this.gmres = new Gmres(n + 1, MAX_KRYLOV);
    this.xs = new Float64Array(n);
    this.prec = new BlockPreconditioner(this.A, n);
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

  /** ½‖F(u, λ)‖² at τ, leaving F in `residual`, π = exp(u) in `pi` and the active columns in `act`. */
  merit(u: Float64Array, lambda: number, tau: number): number {
    const { n, pi, w, act, residual, logMu } = this;
    let sum = 0;
    let k = 0;
    for (let j = 0; j < n; j++) {
      const e = Math.exp(u[j]);
      pi[j] = e;
      sum += e;
      const wj = e / tau;
      if (wj > ACTIVE_EPS) {
        act[k++] = j;
        w[j] = wj;
      } else {
        w[j] = 0;
      }
    }
    this.nAct = k;
    this.activeProduct(w, this.scratch);
    let phi = 0;
    for (let i = 0; i < n; i++) {
      const f = u[i] - logMu[i] - this.scratch[i] - lambda;
      residual[i] = f;
      phi += f * f;
    }
    residual[n] = sum - 1;
    phi += residual[n] * residual[n];
    const half = 0.5 * phi;
    return Number.isFinite(half) ? half : Infinity;
  }

  /**
   * y ← A x over the active columns (x is zero elsewhere): the dense product when it is cheaper
   * than gathering the active columns (WebAssembly SIMD's dense product is ~6× JavaScript's, so
   * from an eighth of the columns active; JavaScript's from three quarters).
   */
  private activeProduct(x: Float64Array, y: Float64Array): void {
    const { n, A, act, nAct, dense } = this;
    // The dense product is linalg.matVec where WebAssembly is unavailable (dense.engine 'js').
    if ((dense.engine === 'wasm' && nAct * 8 > n) || nAct * 4 > n * 3) {
      dense.apply(x, y);
      return;
    }
    for (let i = 0; i < n; i++) {
      const row = i * n;
      let a0 = 0,
        a1 = 0;
      let t = 0;
      for (; t + 1 < nAct; t += 2) {
        const j0 = act[t],
          j1 = act[t + 1];
        a0 += A[row + j0] * x[j0];
        a1 += A[row + j1] * x[j1];
      }
      if (t < nAct) a0 += A[row + act[t]] * x[act[t]];
      y[i] = a0 + a1;
    }
  }

  /** y ← J x at the point `merit` last evaluated (x, y of length n + 1). */
  private readonly applyJ = (x: Float64Array, y: Float64Array): void => {
    const { n, pi, w, act, nAct, xs, scratch } = this;
    xs.fill(0);
    for (let t = 0; t < nAct; t++) xs[act[t]] = w[act[t]] * x[act[t]];
    this.activeProduct(xs, scratch);
    let s = 0;
    for (let i = 0; i < n; i++) {
      y[i] = x[i] - scratch[i] - x[n];
      s += pi[i] * x[i];
    }
    y[n] = s;
  };

  /**
   * Damped inexact Newton at τ from the current iterate. Intermediate levels stop at
   * ‖F‖ ≈ 1e-8; the final one at machine precision (exploitability < 1e-14).
   */
  solve(tau: number, final: boolean): boolean {
    const { n, u, trialU, residual, rhs, step, gmres } = this;
    let phi = this.merit(u, this.lambda, tau);
    if (this.lambda === 0) {
      // A fresh start: choose λ so that Σ F_i = 0 over the first n equations.
      let s = 0;
      for (let i = 0; i < n; i++) s += residual[i];
      this.lambda = s / n;
      phi = this.merit(u, this.lambda, tau);
    }
    if (this.prec.k === 0) this.prec.freeze(this.pi, tau, true);
    let refactor = false;
    for (let iter = 0; iter < MAX_ITERATIONS_PER_LEVEL; iter++) {
      if (!final && phi < 1e-16) return true;
      if (final && phi < 1e-28) return true;
      if (final && phi < 1e-20 && this.exploitability(tau) < TARGET_EXPLOITABILITY) return true;
      this.newtonSteps++;
      if (this.prec.k === 0) this.prec.freeze(this.pi, tau, true); // identity: refresh the border row
      if (refactor) {
        if (!this.prec.freeze(this.pi, tau, false)) this.prec.freeze(this.pi, tau, true);
        refactor = false;
      }
      for (let i = 0; i <= n; i++) rhs[i] = -residual[i];
      const norm = Math.sqrt(2 * phi);
      const tol = norm * Math.min(1e-3, Math.max(norm, 1e-13));
      let its = gmres.solve(this.applyJ, this.prec.apply, rhs, step, tol);
      if (gmres.residual > tol && !this.prec.fresh) {
        // The frozen preconditioner is too far from J here: factorise at this point and retry.
        if (this.prec.freeze(this.pi, tau, false)) its = gmres.solve(this.applyJ, this.prec.apply, rhs, step, tol);
        else this.prec.freeze(this.pi, tau, true);
      }
      const usedFresh = this.prec.fresh;
      this.krylovSteps += its;
      if (its > REFACTOR_AFTER) refactor = true;
      this.prec.fresh = false;
      // Backtracking: ∇φ·d ≈ −2φ, so accept when φ_new ≤ (1 − 2·1e-4·s) φ.
      let s = 1;
      let accepted = false;
      for (let k = 0; k < 50; k++, s /= 2) {
        for (let i = 0; i < n; i++) trialU[i] = u[i] + s * step[i];
        const lam = this.lambda + s * step[n];
        const trial = this.merit(trialU, lam, tau);
        if (trial <= (1 - 2e-4 * s) * phi) {
          u.set(trialU);
          this.lambda = lam;
          phi = trial;
          accepted = true;
          break;
        }
      }
      if (!accepted) {
        // Residual at floating-point noise level: converged as far as doubles allow.
        phi = this.merit(u, this.lambda, tau);
        if (gmres.residual > tol && !usedFresh) {
          refactor = true;
          continue;
        }
        return final ? this.exploitability(tau) < 1e-12 : phi < 1e-12;
      }
    }
    return final ? this.exploitability(tau) < 1e-12 : phi < 1e-12;
  }

  exploitability(tau: number): number {
    return exploitabilityFlat(this.p, this.n, this.logMu, tau, this.policy(), this.scratch);
  }
}
