/**
 * Small dense linear algebra on row-major Float64Arrays, for the Newton solvers. Hot loops write
 * into buffers the caller owns, as their doc comments say.
 */

import type { Matrix } from './types.ts';

/** Flattens an n×n matrix row-major (entries a short row lacks become NaN, which validation refuses). */
export function flatten(P: Matrix): Float64Array {
  const n = P.length;
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) out[i * n + j] = P[i][j];
  return out;
}

/**
 * y ← M x for a row-major n×n matrix M (y must not alias x). Four independent accumulators keep
 * the floating-point pipeline full; this is the kernel every algorithm step spends its time in.
 */
export function matVec(M: Float64Array, x: Float64Array, y: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) {
    const row = i * n;
    let a0 = 0,
      a1 = 0,
      a2 = 0,
      a3 = 0;
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
 * In-place LU factorisation with partial pivoting, P·A = L·U: A (m×m, row-major, only its first
 * m² entries are used) is overwritten by the multipliers of L (below the diagonal, unit diagonal
 * implied) and by U; piv[k] is the row swapped with row k at step k. Right-looking elimination,
 * (2/3)m³ flops, the row update unrolled four ways (the rows are contiguous, so it streams).
 * Returns false if a pivot is below 1e-300 (numerically singular).
 */
export function luFactor(A: Float64Array, m: number, piv: Int32Array): boolean {
  for (let k = 0; k < m; k++) {
    const rk = k * m;
    let p = k;
    let best = Math.abs(A[rk + k]);
    for (let i = k + 1; i < m; i++) {
      const v = Math.abs(A[i * m + k]);
      if (v > best) {
        best = v;
        p = i;
      }
    }
    piv[k] = p;
    if (!(best > 1e-300)) return false;
    if (p !== k) {
      const rp = p * m;
      for (let j = 0; j < m; j++) {
        const t = A[rk + j];
        A[rk + j] = A[rp + j];
        A[rp + j] = t;
      }
    }
    const inv = 1 / A[rk + k];
    for (let i = k + 1; i < m; i++) {
      const ri = i * m;
      const f = A[ri + k] * inv;
      A[ri + k] = f;
      if (f === 0) continue;
      let j = k + 1;
      for (; j + 3 < m; j += 4) {
        A[ri + j] -= f * A[rk + j];
        A[ri + j + 1] -= f * A[rk + j + 1];
        A[ri + j + 2] -= f * A[rk + j + 2];
        A[ri + j + 3] -= f * A[rk + j + 3];
      }
      for (; j < m; j++) A[ri + j] -= f * A[rk + j];
    }
  }
  return true;
}

/**
 * Solves A x = b in place (b ← x) from the factors luFactor left in LU: permute, then forward
 * (unit lower) and backward (upper) substitution, 2m² flops. Returns false on a non-finite result.
 */
export function luSolve(LU: Float64Array, m: number, piv: Int32Array, b: Float64Array): boolean {
  for (let k = 0; k < m; k++) {
    const p = piv[k];
    if (p !== k) {
      const t = b[k];
      b[k] = b[p];
      b[p] = t;
    }
  }
  for (let i = 1; i < m; i++) {
    const ri = i * m;
    let s = b[i];
    for (let j = 0; j < i; j++) s -= LU[ri + j] * b[j];
    b[i] = s;
  }
  for (let i = m - 1; i >= 0; i--) {
    const ri = i * m;
    let s = b[i];
    for (let j = i + 1; j < m; j++) s -= LU[ri + j] * b[j];
    b[i] = s / LU[ri + i];
    if (!Number.isFinite(b[i])) return false;
  }
  return true;
}

/**
 * Solves A x = b in place by Gaussian elimination with partial pivoting. A (m×m, row-major) is
 * overwritten by its factors and b by the solution. Returns false if A is numerically singular.
 */
export function solveInPlace(A: Float64Array, b: Float64Array, m: number): boolean {
  const piv = new Int32Array(m);
  return luFactor(A, m, piv) && luSolve(A, m, piv, b);
}

/**
 * In-place Cholesky factorisation A = L Lᵀ of a symmetric positive-definite m×m matrix (row-major;
 * only the lower triangle is read, L overwrites it). (1/3)m³ flops, half of LU. Inner products
 * run along rows, so every access is contiguous. Returns false if A is not numerically
 * positive definite.
 */
export function choleskyFactor(A: Float64Array, m: number): boolean {
  for (let i = 0; i < m; i++) {
    const ri = i * m;
    for (let j = 0; j <= i; j++) {
      const rj = j * m;
      let s0 = A[ri + j],
        s1 = 0,
        s2 = 0,
        s3 = 0;
      let k = 0;
      for (; k + 3 < j; k += 4) {
        s0 -= A[ri + k] * A[rj + k];
        s1 -= A[ri + k + 1] * A[rj + k + 1];
        s2 -= A[ri + k + 2] * A[rj + k + 2];
        s3 -= A[ri + k + 3] * A[rj + k + 3];
      }
      for (; k < j; k++) s0 -= A[ri + k] * A[rj + k];
      const s = s0 + s1 + (s2 + s3);
      if (i === j) {
        if (!(s > 0) || !Number.isFinite(s)) return false;
        A[ri + i] = Math.sqrt(s);
      } else {
        A[ri + j] = s / A[rj + j];
      }
    }
  }
  return true;
}

/** Solves L Lᵀ x = b in place from choleskyFactor's L. Returns false on a non-finite result. */
export function choleskySolve(L: Float64Array, m: number, b: Float64Array): boolean {
  for (let i = 0; i < m; i++) {
    const ri = i * m;
    let s = b[i];
    for (let k = 0; k < i; k++) s -= L[ri + k] * b[k];
    b[i] = s / L[ri + i];
  }
  for (let i = m - 1; i >= 0; i--) {
    let s = b[i];
    for (let k = i + 1; k < m; k++) s -= L[k * m + i] * b[k];
    b[i] = s / L[i * m + i];
    if (!Number.isFinite(b[i])) return false;
  }
  return true;
}
