/**
 * Small dense linear algebra on row-major Float64Arrays, for the Newton solvers. Hot loops write
 * into buffers the caller owns, as their doc comments say.
 */

/**
 * y ← M x for a row-major n×n matrix M (y must not alias x). Four independent accumulators keep
 * the floating-point pipeline full; this is the kernel every algorithm step spends its time in.
 */
export function matVec(M: Float64Array, x: Float64Array, y: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) {
    const row = i * n;
    let a0 = 0, a1 = 0, a2 = 0, a3 = 0;
    let j = 0;
    for (; j + 3 < n; j += 4) {
      a0 += M[row + j] * x[j];
      a1 += M[row + j + 1] * x[j + 1];
      a2 += M[row + j + 2] * x[j + 2];
      a3 += M[row + j + 3] * x[j + 3];
    }
    for (; j < n; j++) a0 += M[row + j] * x[j];
    y[i] = a0 + a1 + (a2 + a3);
  }
}

/**
 * Solves A x = b in place by Gaussian elimination with partial pivoting. A (m×m, row-major) is
 * overwritten by its factors and b by the solution. Returns false if A is numerically singular.
 */
export function solveInPlace(A: Float64Array, b: Float64Array, m: number): boolean {
  for (let k = 0; k < m; k++) {
    let p = k;
    let best = Math.abs(A[k * m + k]);
    for (let i = k + 1; i < m; i++) {
      const v = Math.abs(A[i * m + k]);
      if (v > best) {
        best = v;
        p = i;
      }
    }
    if (!(best > 1e-300)) return false;
    if (p !== k) {
      for (let j = 0; j < m; j++) {
        const t = A[k * m + j];
        A[k * m + j] = A[p * m + j];
        A[p * m + j] = t;
      }
      const t = b[k];
      b[k] = b[p];
      b[p] = t;
    }
    const pivot = A[k * m + k];
    for (let i = k + 1; i < m; i++) {
      const f = A[i * m + k] / pivot;
      if (f === 0) continue;
      const ri = i * m;
      const rk = k * m;
      for (let j = k + 1; j < m; j++) A[ri + j] -= f * A[rk + j];
      b[i] -= f * b[k];
    }
  }
  for (let i = m - 1; i >= 0; i--) {
    let s = b[i];
    for (let j = i + 1; j < m; j++) s -= A[i * m + j] * b[j];
    b[i] = s / A[i * m + i];
    if (!Number.isFinite(b[i])) return false;
  }
  return true;
}
