/**
 * The scenario's wire form for postMessage (WireSpec in workerApi.ts). Structured cloning copies a
 * number[][] element by element, serialising on the main thread and deserialising in the worker,
 * which at large n holds up the main thread during every edit and drag. As one Float64Array the
 * matrix is flattened in one pass and transferred without a copy; the worker reads its rows as
 * views of it (figures: docs/benchmarks.md).
 */
import type { AlgorithmId } from './algorithms/catalog.ts';
import type { Algorithm, Matrix } from './types.ts';
import type { ScenarioSpec, WireSpec } from './workerApi.ts';

/** A square matrix of numbers (flattening anything else would coerce or drop what validation must refuse). */
function isSquareOfNumbers(P: Matrix): boolean {
  const n = P.length;
  for (const row of P) {
    if (!Array.isArray(row) || row.length !== n) return false;
    for (let j = 0; j < n; j++) if (typeof row[j] !== 'number') return false;
  }
  return true;
}

/**
 * A square matrix row-major (as linalg.ts's flatten; checked square first). Its own few lines:
 * importing linalg.ts here put all of it (LU and Cholesky solvers) into the first-render bundle.
 */
function flatten(P: Matrix): Float64Array {
  const n = P.length;
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) out.set(P[i], i * n);
  return out;
}

/** The spec with its matrix flattened row-major when it is square; transfer `wireBuffers(wire)` with it. */
export function toWire<A extends AlgorithmId = Algorithm>(spec: ScenarioSpec<A>): WireSpec<A> {
  const wire: WireSpec<A> = isSquareOfNumbers(spec.preferences)
    ? { ...spec, preferences: flatten(spec.preferences) }
    : spec;
  // Battle counts travel flat too (n² numbers, like P).
  return spec.counts && isSquareOfNumbers(spec.counts) ? { ...wire, counts: flatten(spec.counts) } : wire;
}

/** The buffers to transfer with a wire spec (none when its matrix goes as it is). */
export function wireBuffers<A extends AlgorithmId>(wire: WireSpec<A>): ArrayBuffer[] {
  const out = wire.preferences instanceof Float64Array ? [wire.preferences.buffer as ArrayBuffer] : [];
  if (wire.counts instanceof Float64Array) out.push(wire.counts.buffer as ArrayBuffer);
  return out;
}

/** The spec back with rows (views of the flat matrix, no copy); a flat matrix must be square. */
export function fromWire<A extends AlgorithmId = Algorithm>(wire: WireSpec<A>): ScenarioSpec<A> {
  return {
    ...wire,
    preferences: rows(wire.preferences, 'preference matrix'),
    counts: wire.counts ? rows(wire.counts, 'battle counts') : wire.counts,
  };
}

/** Rows of a flat square matrix (views, no copy); anything else as it is. */
function rows(flat: Float64Array | Matrix, what: string): Matrix {
  if (!(flat instanceof Float64Array)) return flat;
  const n = Math.round(Math.sqrt(flat.length));
  if (n * n !== flat.length)
    throw new Error(`the ${what} arrived with ${flat.length} entries, which is not n² for any n`);
  return Array.from({ length: n }, (_, i) => flat.subarray(i * n, (i + 1) * n));
}
