/**
 * Per-frame run data, outside React: the computed trajectories (growable typed arrays), the
 * equilibria and the current iteration t. Renderers subscribe with runStore.subscribe and redraw
 * on the next animation frame; React components read only coarse fields.
 */
import { createStore } from 'zustand/vanilla';
import type { Algorithm } from '../core/types.ts';
import type { EquilibriaResult, SeriesChunk } from '../core/workerApi.ts';
import type { SeriesData } from '../viz/types.ts';

export interface RunState {
  n: number;
  /** Rows computed for every series (steps computed + 1); 0 before the first result. */
  length: number;
  series: SeriesData[];
  equilibria: EquilibriaResult | null;
  /** Current iteration, 0 ≤ t < length (or 0). */
  t: number;
  /** Bumped whenever series data change in place. */
  frame: number;
}

export const runStore = createStore<RunState>(() => ({ n: 0, length: 0, series: [], equilibria: null, t: 0, frame: 0 }));

function grow(buffer: Float64Array, needed: number): Float64Array {
  if (buffer.length >= needed) return buffer;
  const next = new Float64Array(Math.max(needed, Math.ceil(buffer.length * 1.6)));
  next.set(buffer);
  return next;
}

/** Writes a chunk into its series at rows start..start+rows−1, growing buffers as needed. */
function writeChunk(s: SeriesData, c: SeriesChunk, n: number): SeriesData {
  const end = c.start + c.rows;
  const policies = grow(s.policies, end * n);
  const kl = grow(s.kl, end);
  const exploitability = grow(s.exploitability, end);
  policies.set(c.policies, c.start * n);
  kl.set(c.kl, c.start);
  exploitability.set(c.exploitability, c.start);
  return { algorithm: s.algorithm, policies, kl, exploitability, length: Math.max(s.length, end) };
}

/** Replaces everything with a fresh computation; keeps t (clamped to what exists). */
export function replaceRun(n: number, equilibria: EquilibriaResult, chunks: SeriesChunk[], wantedT: number): void {
  const series = chunks.map((c) =>
    writeChunk({ algorithm: c.algorithm, policies: new Float64Array(0), kl: new Float64Array(0), exploitability: new Float64Array(0), length: 0 }, c, n),
  );
  const length = series.length > 0 ? Math.min(...series.map((s) => s.length)) : chunks.length === 0 ? wantedT + 1 : 0;
  const { frame } = runStore.getState();
  runStore.setState({ n, series, equilibria, length, t: Math.min(wantedT, Math.max(0, length - 1)), frame: frame + 1 });
}

/** Appends continuation chunks (one per series, in the same order). */
export function appendRun(chunks: SeriesChunk[]): void {
  const { series, n, frame } = runStore.getState();
  const byAlgorithm = new Map<Algorithm, SeriesChunk>(chunks.map((c) => [c.algorithm, c]));
  const next = series.map((s) => {
    const c = byAlgorithm.get(s.algorithm);
    return c ? writeChunk(s, c, n) : s;
  });
  const length = next.length > 0 ? Math.min(...next.map((s) => s.length)) : 0;
  runStore.setState({ series: next, length, frame: frame + 1 });
}

export function setT(t: number): void {
  const { length } = runStore.getState();
  const clamped = Math.max(0, Math.min(Math.round(t), Math.max(0, length - 1)));
  if (clamped !== runStore.getState().t) runStore.setState({ t: clamped });
}

/** Row t of a series as a plain array. */
export function policyAt(s: SeriesData, n: number, t: number): number[] {
  const row = Math.min(t, s.length - 1);
  return Array.from(s.policies.subarray(row * n, (row + 1) * n));
}
