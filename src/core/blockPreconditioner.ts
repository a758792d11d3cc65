/**
 * The preconditioner of the Newton–Krylov solver for π*_τ (see FixedPointNewton): the bordered
 * matrix M_b = [[M, −1], [π_fᵀ, 0]] of a Jacobian frozen at some iterate π_f, τ_f.
 */
import { luFactor, luSolve } from './linalg.ts';

/**
 * The factorised preconditioner keeps the columns with π_j/τ above this; the rest act as I, a
 * perturbation of size ≤ n·PRECOND_EPS/2 that GMRES absorbs in a step or two.
 */
const PRECOND_EPS = 1e-6;

/**
 * M is either I, or, with S = {j : π_j/τ > PRECOND_EPS} and N the rest, the block matrix
 *   M = [[I − A_SS D_S/τ, 0], [−A_NS D_S/τ, I]],   D = diag(π_f),
 * i.e. the Jacobian block I − A D/τ with the columns of negligible mass replaced by e_j. Its
 * inverse costs one LU of size |S| (2/3|S|³ flops) and then 2|S|² + |N||S| per application:
 *   M⁻¹x:  y_S = M_SS⁻¹ x_S,  y_N = x_N + A_NS D_S y_S/τ.
 * The border is eliminated with z = M⁻¹1, computed once: M_b⁻¹(x, s) = (y + μ z, μ) with y = M⁻¹x
 * and μ = (s − π_fᵀy)/(π_fᵀz). π_fᵀz = π_fᵀ(I − A D/τ)⁻¹1 = πᵀ(D − DAD/τ)⁻¹π > 0, because
 * D − DAD/τ has the positive-definite symmetric part D (A is skew): the border never breaks down.
 */
export class BlockPreconditioner {
  /** |S|; 0 means M = I. */
  k = 0;
  /** Built at the current iterate (set false by the owner once the iterate moves). */
  fresh = false;
  factorisations = 0;
  private readonly S: Int32Array;
  private readonly N: Int32Array;
  private readonly lu: Float64Array;
  private readonly piv: Int32Array;
  private readonly w: Float64Array;
  private readonly z: Float64Array;
  private readonly pi: Float64Array;
  private readonly ones: Float64Array;
  private readonly xs: Float64Array;
  private readonly ws: Float64Array;
  private denom = 1;

  constructor(
    private readonly A: Float64Array,
    private readonly n: number,
  ) {
    this.S = new Int32Array(n);
    this.N = new Int32Array(n);
    this.lu = new Float64Array(n * n);
    this.piv = new Int32Array(n);
    this.w = new Float64Array(n);
    this.z = new Float64Array(n).fill(1);
    this.pi = new Float64Array(n);
    this.ones = new Float64Array(n);
    this.xs = new Float64Array(n);
    this.ws = new Float64Array(n);
  }

  /** y ← M_b⁻¹ x for the bordered preconditioner M_b = [[M, −1], [π_fᵀ, 0]] (see the class comment). */
  readonly apply = (x: Float64Array, y: Float64Array): void => {
    const { n } = this;
    this.solveM(x, y);
    let s = 0;
    for (let i = 0; i < n; i++) s += this.pi[i] * y[i];
    const mu = (x[n] - s) / this.denom;
    for (let i = 0; i < n; i++) y[i] += mu * this.z[i];
    y[n] = mu;
  };

  /** y[0..n) ← M⁻¹ x[0..n): y_S = M_SS⁻¹ x_S by the LU, then y_N = x_N + A_NS (w_f ∘ y_S). */
  private solveM(x: Float64Array, y: Float64Array): void {
    const { n, A, S, k, w, N, xs, ws } = this;
    for (let i = 0; i < n; i++) y[i] = x[i];
    if (k === 0) return;
    for (let t = 0; t < k; t++) xs[t] = x[S[t]];
    luSolve(this.lu, k, this.piv, xs);
    for (let t = 0; t < k; t++) {
      y[S[t]] = xs[t];
      ws[t] = w[t] * xs[t];
    }
    for (let r = 0; r < n - k; r++) {
      const i = N[r];
      const row = i * n;
      let a = 0;
      for (let t = 0; t < k; t++) a += A[row + S[t]] * ws[t];
      y[i] += a;
    }
  }

  /**
   * Freezes the preconditioner at the current point (after `merit`): with S = {j : π_j/τ >
   * PRECOND_EPS}, factorises M_SS = I − A_SS diag(π_S)/τ and precomputes z = M⁻¹1 and π_fᵀz.
   * With `identity`, M = I instead (no factorisation).
   */
  freeze(pi: Float64Array, tau: number, identity: boolean): boolean {
    const { n, A, S, N, w, lu } = this;
    let k = 0;
    let r = 0;
    for (let j = 0; j < n; j++) {
      if (!identity && pi[j] / tau > PRECOND_EPS) {
        w[k] = pi[j] / tau;
        S[k++] = j;
      } else {
        N[r++] = j;
      }
    }
    this.pi.set(pi);
    if (k > 0) {
      for (let a = 0; a < k; a++) {
        const row = S[a] * n;
        const out = a * k;
        for (let b = 0; b < k; b++) lu[out + b] = -A[row + S[b]] * w[b];
        lu[out + a] += 1;
      }
      this.factorisations++;
      if (!luFactor(lu, k, this.piv)) {
        this.k = 0;
        return false;
      }
    }
    this.k = k;
    this.ones.fill(1);
    this.solveM(this.ones, this.z);
    let d = 0;
    for (let i = 0; i < n; i++) d += this.pi[i] * this.z[i];
    this.denom = d;
    this.fresh = !identity;
    return d > 0 && Number.isFinite(d);
  }
}
