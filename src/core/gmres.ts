/**
 * GMRES (Saad & Schultz 1986) with right preconditioning, for the inexact Newton steps of the
 * regularised-equilibrium solver. All workspace is allocated once per solver.
 */

/** y ← Op x (y never aliases x). */
export type LinearMap = (x: Float64Array, y: Float64Array) => void;

/**
 * Minimises ‖b − A M⁻¹ w‖ over the Krylov space K_k(A M⁻¹, b), k ≤ maxIter, and returns
 * x = M⁻¹ w (x ← solution, starting from 0). Arnoldi with modified Gram–Schmidt, the small
 * least-squares problem kept triangular by Givens rotations, so the residual norm is known at
 * every step without forming x. Right preconditioning keeps that norm the true residual
 * ‖b − A x‖. Stops when it is ≤ tol. Cost per step: one A, one M⁻¹ and O(k·m) for the
 * orthogonalisation.
 */
export class Gmres {
  private readonly V: Float64Array[];
  private readonly H: Float64Array;
  private readonly cs: Float64Array;
  private readonly sn: Float64Array;
  private readonly g: Float64Array;
  private readonly y: Float64Array;
  private readonly w: Float64Array;
  private readonly z: Float64Array;
  /** Residual norm reached by the last solve. */
  residual = 0;

  constructor(
    private readonly m: number,
    private readonly maxIter: number,
  ) {
    this.V = Array.from({ length: maxIter + 1 }, () => new Float64Array(m));
    this.H = new Float64Array((maxIter + 1) * maxIter);
    this.cs = new Float64Array(maxIter);
    this.sn = new Float64Array(maxIter);
    this.g = new Float64Array(maxIter + 1);
    this.y = new Float64Array(maxIter);
    this.w = new Float64Array(m);
    this.z = new Float64Array(m);
  }

  /** Returns the number of iterations used; `residual` holds the final ‖b − A x‖. */
  solve(A: LinearMap, Minv: LinearMap, b: Float64Array, x: Float64Array, tol: number): number {
    const { m, V, H, cs, sn, g, y, w, z, maxIter } = this;
    const K = maxIter;
    x.fill(0);
    let beta = 0;
    for (let i = 0; i < m; i++) beta += b[i] * b[i];
    beta = Math.sqrt(beta);
    this.residual = beta;
    if (!(beta > tol)) return 0;
    for (let i = 0; i < m; i++) V[0][i] = b[i] / beta;
    g.fill(0);
    g[0] = beta;
    let k = 0;
    while (k < K) {
      Minv(V[k], z);
      A(z, w);
      for (let j = 0; j <= k; j++) {
        const v = V[j];
        let h = 0;
        for (let i = 0; i < m; i++) h += w[i] * v[i];
        for (let i = 0; i < m; i++) w[i] -= h * v[i];
        H[j * K + k] = h;
      }
      let h = 0;
      for (let i = 0; i < m; i++) h += w[i] * w[i];
      h = Math.sqrt(h);
      H[(k + 1) * K + k] = h;
      // Apply the previous rotations to the new column, then a new one to zero H[k+1][k].
      for (let j = 0; j < k; j++) {
        const a = H[j * K + k];
        const c = H[(j + 1) * K + k];
        H[j * K + k] = cs[j] * a + sn[j] * c;
        H[(j + 1) * K + k] = -sn[j] * a + cs[j] * c;
      }
      const a = H[k * K + k];
      const r = Math.hypot(a, h);
      cs[k] = r === 0 ? 1 : a / r;
      sn[k] = r === 0 ? 0 : h / r;
      H[k * K + k] = r;
      H[(k + 1) * K + k] = 0;
      g[k + 1] = -sn[k] * g[k];
      g[k] = cs[k] * g[k];
      k++;
      this.residual = Math.abs(g[k]);
      if (this.residual <= tol || !(h > 1e-300 * beta)) break;
      const next = V[k];
      for (let i = 0; i < m; i++) next[i] = w[i] / h;
    }
    // Back-substitute the k×k triangle, w ← V y, x ← M⁻¹ w.
    for (let i = k - 1; i >= 0; i--) {
      let s = g[i];
      for (let j = i + 1; j < k; j++) s -= H[i * K + j] * y[j];
      y[i] = s / H[i * K + i];
    }
    w.fill(0);
    for (let j = 0; j < k; j++) {
      const v = V[j];
      const c = y[j];
      for (let i = 0; i < m; i++) w[i] += c * v[i];
    }
    Minv(w, x);
    return k;
  }
}
