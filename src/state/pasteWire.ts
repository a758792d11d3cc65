/**
 * A paste result as the parse worker (workers/parse.worker.ts) posts it: the matrix and the counts
 * as flat Float64Arrays (transferred, not cloned entry by entry), the rest as it is.
 */
import type { PasteResult, PasteSuccess } from './pasteResult.ts';

export type WirePasteResult =
  | (Omit<PasteSuccess, 'preferences' | 'counts' | 'missing'> & {
      n: number;
      preferences: Float64Array;
      counts: Float64Array | null;
      /** Missing pairs (i, j) as consecutive index pairs. */
      missing: Uint32Array;
    })
  | { ok: false; error: string };

const flat = (M: readonly (readonly number[])[]) => Float64Array.from(M.flat());
const rows = (x: Float64Array, n: number) =>
  Array.from({ length: n }, (_, i) => Array.from(x.subarray(i * n, (i + 1) * n)));

export function toWirePaste(r: PasteResult): WirePasteResult {
  if (!r.ok) return r;
  return {
    ...r,
    n: r.preferences.length,
    preferences: flat(r.preferences),
    counts: r.counts ? flat(r.counts) : null,
    missing: Uint32Array.from(r.missing.flat()),
  };
}

export function wirePasteBuffers(w: WirePasteResult): ArrayBuffer[] {
  if (!w.ok) return [];
  const out = [w.preferences.buffer as ArrayBuffer, w.missing.buffer as ArrayBuffer];
  if (w.counts) out.push(w.counts.buffer as ArrayBuffer);
  return out;
}

export function fromWirePaste(w: WirePasteResult): PasteResult {
  if (!w.ok) return w;
  const { n, ...rest } = w;
  const missing: [number, number][] = [];
  for (let k = 0; k + 1 < w.missing.length; k += 2) missing.push([w.missing[k], w.missing[k + 1]]);
  return {
    ...rest,
    preferences: rows(w.preferences, n),
    counts: w.counts ? rows(w.counts, n) : null,
    missing,
  };
}
