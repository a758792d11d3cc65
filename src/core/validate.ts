/**
 * Input validation for the public API. Every check throws an InvalidInputError that names the
 * field and says what was expected. Validated inputs are copied into flat Float64Arrays so the
 * numerical kernels never see (or mutate) the caller's arrays.
 */
import { InvalidInputError, show } from './errors.ts';
import type { InputField, Matrix, Vector } from './types.ts';

/** Tolerance for P[i][j] + P[j][i] = 1 and for Σ π = 1. */
export const SUM_TOLERANCE = 1e-9;

/**
 * Largest trajectory (entries of (T+1)·n) the library will allocate: 2^27 doubles = 1 GiB.
 * Beyond that a browser tab runs out of memory rather than failing cleanly.
 */
export const MAX_TRAJECTORY_ENTRIES = 2 ** 27;

function isArrayLike(x: unknown): x is ArrayLike<unknown> {
  return (
    Array.isArray(x) ||
    ArrayBuffer.isView(x) ||
    (typeof x === 'object' && x !== null && typeof (x as { length?: unknown }).length === 'number')
  );
}

/**
 * Checks a preference matrix: square, n ≥ 2, entries finite in [0, 1], P + Pᵀ = 1 within 1e-9
 * (which makes the diagonal 1/2). Returns it flattened row-major.
 */
export function validatePreferences(P: Matrix, field: InputField = 'preferences'): Float64Array {
  if (!Array.isArray(P) || P.length < 2) {
    const got = Array.isArray(P) ? `${P.length} row${P.length === 1 ? '' : 's'}` : typeof P;
    throw new InvalidInputError(field, `${field} must be a square matrix with at least 2 rows, got ${got}`);
  }
  const n = P.length;
  const flat = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const row = P[i];
    if (!isArrayLike(row)) throw new InvalidInputError(field, `${field}[${i}] must be a row of ${n} numbers`);
    if (row.length !== n) {
      throw new InvalidInputError(
        field,
        `${field}[${i}] has ${row.length} entries, expected ${n} (the matrix must be square)`,
      );
    }
    for (let j = 0; j < n; j++) {
      const x = row[j];
      if (typeof x !== 'number' || !Number.isFinite(x) || x < 0 || x > 1) {
        throw new InvalidInputError(field, `${field}[${i}][${j}] must be a number between 0 and 1, got ${show(x)}`);
      }
      flat[i * n + j] = x;
    }
  }
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      const s = flat[i * n + j] + flat[j * n + i];
      if (Math.abs(s - 1) > SUM_TOLERANCE) {
        const what =
          i === j
            ? `${field}[${i}][${i}] must be 1/2 (a response ties with itself), got ${show(flat[i * n + i])}`
            : `${field}[${i}][${j}] + ${field}[${j}][${i}] must be 1, got ${show(s)}`;
        throw new InvalidInputError(field, what);
      }
    }
  }
  return flat;
}

/** Checks a vector of n finite numbers; returns a copy. */
export function validateFinite(v: Vector, n: number, field: InputField): Float64Array {
  if (!isArrayLike(v)) throw new InvalidInputError(field, `${field} must be a list of ${n} numbers`);
  if (v.length !== n) throw new InvalidInputError(field, `${field} has ${v.length} entries, expected ${n}`);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = v[i];
    if (typeof x !== 'number' || !Number.isFinite(x)) {
      throw new InvalidInputError(field, `${field}[${i}] must be a finite number, got ${show(x)}`);
    }
    out[i] = x;
  }
  return out;
}

/**
 * Checks a probability vector: n finite entries, each > 0 (or ≥ 0 when `allowZero`), summing to 1
 * within 1e-9. Returns a copy renormalised to sum exactly to 1 (in floating point).
 */
export function validateDistribution(v: Vector, n: number, field: InputField, allowZero = false): Float64Array {
  const out = validateFinite(v, n, field);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const x = out[i];
    if (allowZero ? x < 0 : x <= 0) {
      throw new InvalidInputError(
        field,
        `${field}[${i}] must be ${allowZero ? 'non-negative' : 'positive'}, got ${show(x)}`,
      );
    }
    sum += x;
  }
  if (Math.abs(sum - 1) > SUM_TOLERANCE) throw new InvalidInputError(field, `${field} must sum to 1, got ${show(sum)}`);
  for (let i = 0; i < n; i++) out[i] /= sum;
  return out;
}

/** Checks τ: a finite number ≥ 0, or > 0 when `strict`. */
export function validateTau(tau: number, strict = false, why = ''): number {
  if (typeof tau !== 'number' || !Number.isFinite(tau) || tau < 0 || (strict && tau === 0)) {
    throw new InvalidInputError('tau', `tau must be a finite number ${strict ? '> 0' : '≥ 0'}${why}, got ${show(tau)}`);
  }
  return tau;
}

/** Checks η against τ: 'theorem' needs τ > 0; a constant η must be finite, > 0 and satisfy ητ ≤ 1. */
export function validateEta(eta: number | 'theorem', tau: number): number | 'theorem' {
  if (eta === 'theorem') {
    if (tau === 0) throw new InvalidInputError('eta', "eta = 'theorem' (η_t = 2/(τ(t+2))) needs tau > 0, got tau = 0");
    return eta;
  }
  if (typeof eta !== 'number' || !Number.isFinite(eta) || eta <= 0) {
    throw new InvalidInputError('eta', `eta must be a finite number > 0 or 'theorem', got ${show(eta)}`);
  }
  if (eta * tau > 1) {
    throw new InvalidInputError(
      'eta',
      `eta × tau must be at most 1 (the mixture weight ητ lies in [0, 1]), got ${show(eta)} × ${show(tau)} = ${show(eta * tau)}`,
    );
  }
  return eta;
}

/** Checks the number of steps: an integer ≥ 0 whose trajectory fits in memory. */
export function validateSteps(steps: number, n: number): number {
  if (typeof steps !== 'number' || !Number.isInteger(steps) || steps < 0) {
    throw new InvalidInputError('steps', `steps must be a whole number ≥ 0, got ${show(steps)}`);
  }
  if ((steps + 1) * n > MAX_TRAJECTORY_ENTRIES) {
    throw new InvalidInputError(
      'steps',
      `steps × n is too large to store: (${steps} + 1) × ${n} exceeds ${MAX_TRAJECTORY_ENTRIES} entries`,
    );
  }
  return steps;
}

/**
 * Checks a comparison-weight matrix for the Bradley–Terry fit: n×n, finite, ≥ 0 off the diagonal,
 * and every response linked to every other through pairs of positive weight (otherwise the
 * rewards of the disconnected groups have no common scale). Returns it flattened row-major.
 */
export function validateWeights(W: Matrix, n: number): Float64Array {
  if (!Array.isArray(W) || W.length !== n) {
    throw new InvalidInputError(
      'weights',
      `weights must be a ${n}×${n} matrix, got ${Array.isArray(W) ? W.length : 0} rows`,
    );
  }
  const flat = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const row = W[i];
    if (!isArrayLike(row) || row.length !== n) {
      throw new InvalidInputError(
        'weights',
        `weights[${i}] must have ${n} entries, got ${isArrayLike(row) ? row.length : 0}`,
      );
    }
    for (let j = 0; j < n; j++) {
      const x = row[j];
      if (typeof x !== 'number' || !Number.isFinite(x) || x < 0) {
        throw new InvalidInputError('weights', `weights[${i}][${j}] must be a finite number ≥ 0, got ${show(x)}`);
      }
      flat[i * n + j] = i === j ? 0 : x;
    }
  }
  // Connectivity of the undirected graph {i, j} with W[i][j] + W[j][i] > 0.
  const seen = new Uint8Array(n);
  const stack = [0];
  seen[0] = 1;
  while (stack.length > 0) {
    const i = stack.pop()!;
    for (let j = 0; j < n; j++) {
      if (!seen[j] && flat[i * n + j] + flat[j * n + i] > 0) {
        seen[j] = 1;
        stack.push(j);
      }
    }
  }
  const cut = seen.indexOf(0);
  if (cut >= 0) {
    throw new InvalidInputError(
      'weights',
      `weights give response ${cut} no chain of compared pairs to response 0, so their rewards cannot be compared`,
    );
  }
  return flat;
}

/** Checks MPO's magnet refresh period K: a whole number ≥ 1 (undefined: the default). */
export function validateRefresh(refresh: number | undefined, fallback: number): number {
  if (refresh === undefined) return fallback;
  if (typeof refresh !== 'number' || !Number.isInteger(refresh) || refresh < 1) {
    throw new InvalidInputError(
      'refresh',
      `refresh (the magnet refresh period K) must be a whole number ≥ 1, got ${show(refresh)}`,
    );
  }
  return refresh;
}
