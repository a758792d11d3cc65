/**
 * Per-frame run data, outside React: the computed trajectories (growable typed arrays), the
 * equilibria and the current iteration t. Renderers subscribe with runStore.subscribe and redraw
 * right after a change; React components read only coarse fields.
 *
 * Memory stays bounded however long a run plays: past MAX_ROWS stored rows the history is
 * compacted, keeping every iteration of the first HEAD_STEPS and the last RECENT_STEPS and a
 * thinned history between (every stride-th iteration, the stride doubling as needed to stay under
 * HISTORY_ROWS). Going back into the thinned part recomputes it (coarserThanFresh; the controller's
 * refine), so what is drawn at t is always what a fresh run to t holds.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AlgorithmId } from '../core/algorithms/catalog.ts';
import type { EquilibriaResult, FeedbackData, FollowUp, HistoryThinning, SeriesChunk } from '../core/workerApi.ts';
import { rowAt, seriesKey, timeAt, type SeriesIdentity } from '../shared/seriesRows.ts';
import type { SeriesData } from '../shared/types.ts';

/** Iterations kept at full resolution at the end of a long run. */
export const RECENT_STEPS = 50_000;
/**
 * And at its start: the first turns of a spiral, where a step moves the policy most, stay smooth
 * however long the run (4,096 rows, a power of two so the strides' multiples continue it).
 */
export const HEAD_STEPS = 4096;
/** At most this many rows of thinned history before the recent part. */
export const HISTORY_ROWS = 50_000;
/** Compaction runs when a series holds more rows than this. */
export const MAX_ROWS = 150_000;

export interface RunState {
  n: number;
  /** One more than the last computed iteration (the same for every series); 0 before any result. */
  length: number;
  series: SeriesData[];
  equilibria: EquilibriaResult | null;
  /** Current iteration, 0 ≤ t < length (or 0). */
  t: number;
  /** Bumped whenever series data change in place. */
  frame: number;
  /**
   * How far the timeline reaches: the furthest iteration computed for this scenario. Usually
   * length − 1; more after a refinement (refineRun) replaced a long run by a shorter one at full
   * resolution: moving t beyond length computes those steps again (extension or computation).
   */
  reach: number;
  /**
   * The run metrics (KL, exploitability) of the rows are not known yet: a preview or a deferred
   * answer, whose metrics follow (fillFollowUp, or the full answer). Charts of the metrics wait.
   */
  metricsPending: boolean;
  /** With feedback (issue 16): the sampled counts and the learned P̂ and r̂ of the shown run; else null. */
  feedback?: FeedbackData | null;
}

/** One explorer's run data. */
export type RunStore = StoreApi<RunState>;

/** An empty run store (no rows until the first result). */
export function createRunStore(): RunStore {
  return createStore<RunState>(() => ({
    n: 0,
    length: 0,
    series: [],
    equilibria: null,
    t: 0,
    frame: 0,
    reach: 0,
    metricsPending: false,
  }));
}

/**
 * The thinning a fresh computation up to iteration `steps` should use, or undefined when the
 * whole run fits at full resolution.
 */
export function thinningFor(steps: number): HistoryThinning | undefined {
  if (steps + 1 <= MAX_ROWS) return undefined;
  const recentFrom = steps - RECENT_STEPS;
  let stride = 1;
  while (recentFrom / stride > HISTORY_ROWS) stride *= 2;
  return { stride, recentFrom, head: HEAD_STEPS };
}

/** Spare rows a fresh series is given for the first extension (see replaceRun). */
const HEADROOM_ROWS = 256;

/**
 * How finely a series holds its iterations: every one from `recentFrom` on, and before it rows at
 * most `stride` iterations apart. A run that was never thinned is { stride: 1, recentFrom: 0 }.
 */
export interface Resolution {
  stride: number;
  recentFrom: number;
}

const resolutions = new WeakMap<SeriesData, Resolution>();

/** The resolution of the rows a series holds (cached per series object: they never change in place). */
export function resolutionOf(s: SeriesData): Resolution {
  const times = s.times;
  if (!times || s.length < 2) return { stride: 1, recentFrom: timeAt(s, 0) };
  let known = resolutions.get(s);
  if (!known) {
    // Times strictly increase, so rows r…last are consecutive iterations exactly when
    // times[last] − times[r] = last − r: a predicate true from some row on (binary search).
    const last = s.length - 1;
    let lo = 0;
    let hi = last;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (times[last] - times[mid] === last - mid) hi = mid;
      else lo = mid + 1;
    }
    let stride = 1;
    for (let r = 1; r <= lo; r++) stride = Math.max(stride, times[r] - times[r - 1]);
    known = { stride, recentFrom: times[lo] };
    resolutions.set(s, known);
  }
  return known;
}

/**
 * Iterations by which the full-resolution part may start later than a fresh computation's before
 * the store counts as coarser (coarserThanFresh): below this a recomputation would change a few
 * rows 50,000 steps back, invisible, and stepping back by one would recompute each time.
 */
export const FRESH_SLACK = 1000;

/**
 * Whether the rows the store holds are coarser than those a fresh computation at t holds (the
 * controller's computation of t steps, thinned by thinningFor, and its lookahead after): the
 * history of a long run, compacted while it played or computed for a larger t, drawn at a smaller
 * t (a jagged polygon for a smooth spiral). The controller then recomputes (refine). Every row of
 * the run counts, not only those up to t: Play from t will draw the later ones.
 */
export function coarserThanFresh(state: RunState, t: number): boolean {
  // The lookahead (≤ HEADROOM_ROWS) may compact a fresh run near MAX_ROWS: that is fresh too.
  const fresh = thinningFor(t + HEADROOM_ROWS) ?? { stride: 1, recentFrom: 0 };
  return state.series.some((s) => {
    const r = resolutionOf(s);
    return r.stride > fresh.stride || (r.stride > 1 && r.recentFrom > fresh.recentFrom + FRESH_SLACK);
  });
}

function grow(buffer: Float64Array, needed: number): Float64Array {
  if (buffer.length >= needed) return buffer;
  const next = new Float64Array(Math.max(needed, Math.ceil(buffer.length * 1.6)));
  next.set(buffer);
  return next;
}

/** How many stored rows have an iteration below t. */
function rowsBefore(s: SeriesData, t: number): number {
  if (s.length === 0) return 0;
  const r = rowAt(s, t);
  const tr = s.times ? s.times[r] : r;
  return tr < t ? r + 1 : tr === t ? r : 0;
}

/** Appends a chunk's rows after the rows the series already has before the chunk's first iteration. */
function writeChunk(s: SeriesData, c: SeriesChunk, n: number): SeriesData {
  // Rows at or after the chunk's first iteration are replaced (a continuation repeats its start).
  const keep = rowsBefore(s, c.times ? c.times[0] : c.start);
  const length = keep + c.rows;
  const policies = grow(s.policies, length * n);
  const kl = grow(s.kl, length);
  const exploitability = grow(s.exploitability, length);
  policies.set(c.policies.subarray(0, c.rows * n), keep * n);
  kl.set(c.kl.subarray(0, c.rows), keep);
  exploitability.set(c.exploitability.subarray(0, c.rows), keep);
  // Row times are stored only once rows stop being 0, 1, 2, …
  let times: Float64Array | undefined;
  const consecutive = !s.times && !c.times && keep === c.start;
  if (!consecutive) {
    times = grow(s.times ?? Float64Array.from({ length: keep }, (_, i) => i), length);
    if (!s.times) for (let i = 0; i < keep; i++) times[i] = i;
    for (let r = 0; r < c.rows; r++) times[keep + r] = c.times ? c.times[r] : c.start + r;
  }
  const next: SeriesData = { ...identity(s), policies, kl, exploitability, length, times };
  return length > MAX_ROWS ? compact(next, n) : next;
}

/** Thins the history of a series that has grown past MAX_ROWS (see the module comment). */
export function compact(s: SeriesData, n: number): SeriesData {
  const timeOf = (r: number) => (s.times ? s.times[r] : r);
  const lastT = timeOf(s.length - 1);
  const recentFrom = lastT - RECENT_STEPS;
  let stride = 1;
  let historyRows = Infinity;
  while (historyRows > HISTORY_ROWS) {
    stride *= 2;
    historyRows = 0;
    for (let r = 0; r < s.length && timeOf(r) < recentFrom; r++)
      if (timeOf(r) >= HEAD_STEPS && timeOf(r) % stride === 0) historyRows++;
  }
  const keep = (r: number) =>
    timeOf(r) < HEAD_STEPS || timeOf(r) >= recentFrom || timeOf(r) % stride === 0 || r === s.length - 1;
  let count = 0;
  for (let r = 0; r < s.length; r++) if (keep(r)) count++;
  const out: SeriesData = {
    ...identity(s),
    policies: new Float64Array(Math.ceil(count * 1.3) * n),
    kl: new Float64Array(Math.ceil(count * 1.3)),
    exploitability: new Float64Array(Math.ceil(count * 1.3)),
    times: new Float64Array(Math.ceil(count * 1.3)),
    length: count,
  };
  let k = 0;
  for (let r = 0; r < s.length; r++) {
    if (!keep(r)) continue;
    out.policies.set(s.policies.subarray(r * n, (r + 1) * n), k * n);
    out.kl[k] = s.kl[r];
    out.exploitability[k] = s.exploitability[r];
    out.times![k] = timeOf(r);
    k++;
  }
  return out;
}

/** Which series a series or chunk is: its algorithm and which companion of its run, if any. */
function identity(s: SeriesIdentity): Pick<SeriesData, 'algorithm' | 'average' | 'bundle' | 'seeds'> {
  if (s.bundle)
    return { algorithm: s.algorithm, bundle: s.bundle, ...(s.seeds !== undefined ? { seeds: s.seeds } : {}) };
  return s.average ? { algorithm: s.algorithm, average: true } : { algorithm: s.algorithm };
}

/** One more than the last iteration every series has reached. */
function computedLength(series: SeriesData[]): number {
  if (series.length === 0) return 0;
  return Math.min(...series.map((s) => (s.length === 0 ? 0 : (s.times ? s.times[s.length - 1] : s.length - 1) + 1)));
}

/**
 * Replaces everything with a fresh computation; keeps t (clamped to what exists). A preview (the
 * trajectories before the solvers finish) passes equilibria = null: the previous equilibria stay
 * while n is the same, so the markers do not blink. `computing`: algorithms shown whose series
 * the preview lacks (RLHF, whose reward model is fitted after the preview); their previous series
 * stay (same n, reaching t) until the answer replaces them a moment later, so the legend, the
 * table rows and the paths do not disappear and come back. `reach`: the timeline's reach to keep
 * (a recomputation of the same scenario, e.g. a refinement; see RunState.reach).
 */
export function replaceRun(
  runStore: RunStore,
  n: number,
  equilibria: EquilibriaResult | null,
  chunks: SeriesChunk[],
  wantedT: number,
  computing: readonly AlgorithmId[] = [],
  reach = 0,
): void {
  // Room for the steps computed ahead right after (the controller's lookahead, ≤ 200): they are
  // appended in place, so the figures, which show rows up to t only, see the same arrays.
  const room = (c: SeriesChunk) => ({
    ...identity(c),
    policies: new Float64Array((c.rows + HEADROOM_ROWS) * n),
    kl: new Float64Array(c.rows + HEADROOM_ROWS),
    exploitability: new Float64Array(c.rows + HEADROOM_ROWS),
    length: 0,
  });
  const fresh = chunks.map((c) => writeChunk(room(c), c, n));
  const { frame, n: previousN, equilibria: previous, series: before } = runStore.getState();
  const byKey = new Map(fresh.map((s) => [seriesKey(s), s]));
  const kept =
    previousN === n && chunks.length > 0
      ? before.filter(
          (s) => computing.includes(s.algorithm) && !byKey.has(seriesKey(s)) && computedLength([s]) > wantedT,
        )
      : [];
  // In the previous order, so the table's rows stay where they were.
  const series =
    kept.length === 0
      ? fresh
      : [
          ...before.filter((s) => byKey.has(seriesKey(s)) || kept.includes(s)).map((s) => byKey.get(seriesKey(s)) ?? s),
          ...fresh.filter((s) => !before.some((b) => seriesKey(b) === seriesKey(s))),
        ];
  const length = chunks.length === 0 ? wantedT + 1 : computedLength(series);
  // Unknown metrics are NaN (a KL divergence or an exploitability is never NaN once known).
  const metricsPending = chunks.some((c) => c.rows > 0 && Number.isNaN(c.kl[c.rows - 1]));
  runStore.setState({
    n,
    series,
    equilibria: equilibria ?? (previousN === n ? previous : null),
    length,
    t: Math.min(wantedT, Math.max(0, length - 1)),
    frame: frame + 1,
    reach: Math.max(length - 1, reach),
    metricsPending,
  });
}

/**
 * Fills in what a deferred computation sent after its answer: the metrics of the rows it
 * answered with (rows 0…, one array per series in order) and the equilibria.
 */
export function fillFollowUp(runStore: RunStore, f: FollowUp): void {
  const { series } = runStore.getState();
  if (series.length !== f.kl.length) return;
  const next = series.map((s, k) => {
    const kl = f.kl[k];
    if (s.times || kl.length > s.length) return s; // not the rows this follow-up is for
    // New arrays, not writes into the old ones: renderers cache what they drew from an array
    // (SeriesPrefix) and take the same array for the same rows.
    const next = { ...s, kl: s.kl.slice(), exploitability: s.exploitability.slice() };
    next.kl.set(kl, 0);
    next.exploitability.set(f.exploitability[k], 0);
    return next;
  });
  runStore.setState({ series: next, equilibria: f.equilibria, metricsPending: false });
}

/** Appends continuation chunks (one per series, in the same order). */
export function appendRun(runStore: RunStore, chunks: SeriesChunk[]): void {
  const { series, n, frame, reach } = runStore.getState();
  const byKey = new Map<string, SeriesChunk>(chunks.map((c) => [seriesKey(c), c]));
  const next = series.map((s) => {
    const c = byKey.get(seriesKey(s));
    return c ? writeChunk(s, c, n) : s;
  });
  const length = computedLength(next);
  runStore.setState({ series: next, length, frame: frame + 1, reach: Math.max(reach, length - 1) });
}

export function setT(runStore: RunStore, t: number): void {
  const { length } = runStore.getState();
  const clamped = Math.max(0, Math.min(Math.round(t), Math.max(0, length - 1)));
  if (clamped !== runStore.getState().t) runStore.setState({ t: clamped });
}

/** The stored policy at iteration t (the last stored row at or before t) as a plain array. */
export function policyAt(s: SeriesData, n: number, t: number): number[] {
  const row = rowAt(s, t);
  return Array.from(s.policies.subarray(row * n, (row + 1) * n));
}
