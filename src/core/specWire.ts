/**
 * The scenario's wire form for postMessage (WireSpec in workerApi.ts). Structured cloning copies a
 * number[][] element by element: for a 500 × 500 matrix that is 14–36 ms in Chromium (serialising
 * on the main thread, deserialising in the worker). As one Float64Array the matrix is flattened in
 * ~3 ms and transferred without a copy, and the worker rebuilds the rows in ~3 ms.
 */
import type { ScenarioSpec, WireSpec } from './workerApi.ts';

/** The spec with its matrix flattened row-major; transfer `spec.preferences.buffer` with it. */
export function toWire(spec: ScenarioSpec): WireSpec {
  const n = spec.preferences.length;
  const flat = new Float64Array(n * n);
  spec.preferences.forEach((row, i) => {
    // A ragged row is copied as far as it goes and padded with NaN, which validation refuses.
    flat.fill(NaN, i * n, (i + 1) * n);
    flat.set(row.length > n ? row.slice(0, n) : row, i * n);
  });
  return { ...spec, preferences: flat };
}

/** The spec back with rows; the matrix must be square (n² entries). */
export function fromWire(wire: WireSpec): ScenarioSpec {
  const n = Math.round(Math.sqrt(wire.preferences.length));
  if (n * n !== wire.preferences.length) throw new Error(`the preference matrix arrived with ${wire.preferences.length} entries, which is not n² for any n`);
  const preferences = Array.from({ length: n }, (_, i) => Array.from(wire.preferences.subarray(i * n, (i + 1) * n)));
  return { ...wire, preferences };
}
