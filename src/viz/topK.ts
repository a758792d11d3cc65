/**
 * Which responses the large-n views show by name, and "other" for the rest. Pure (no DOM), so the
 * choice is unit-tested in Node and reproduced by the browser tests from src/core.
 *
 * The ranking: each response scores the LARGEST probability it reaches anywhere in what is shown,
 * i.e. over the rows 0..t of every shown run (sampled, see RANK_ROWS) and in the three equilibria
 * (π*_τ, the Nash of P, the RLHF optimum). The peak rather than the value at the current t because
 * the chart draws the whole history: a response that rose and fell (OMD cycling through responses,
 * RLHF's early favourite) is part of the story, and a peak only grows as t advances, so the legend
 * is stable while playing instead of reshuffling every frame. Including the equilibria names the
 * responses the runs are heading for before they get there. Ties keep the lower index first.
 */
import { thinRows } from './chartMath.ts';
import { rowAt } from '../shared/seriesRows.ts';
import type { SeriesData } from './types.ts';

export const TOP_K_DEFAULT = 8;
export const TOP_K_MIN = 3;
export const TOP_K_MAX = 20;
/**
 * At most this many rows of a run are read for the ranking (evenly spaced, first and current row
 * always included): the cost is bounded by RANK_ROWS · n per run whatever the run's length, and
 * it does not depend on the chart's pixel width, so the table and the chart agree. Runs up to
 * RANK_ROWS rows are ranked exactly.
 */
export const RANK_ROWS = 1024;
/** How many responses the equilibrium bars name at most (the rest are "other"). */
export const BARS_MAX = 15;

/** Clamps a requested k to [TOP_K_MIN, TOP_K_MAX] (an integer; NaN gives the default). */
export function clampK(k: number): number {
  if (!Number.isFinite(k)) return TOP_K_DEFAULT;
  return Math.max(TOP_K_MIN, Math.min(TOP_K_MAX, Math.round(k)));
}

/**
 * A round upper bound ≥ max for a probability axis: m × 10^j with m in a short list of round
 * values, at most 1. Finer than chartMath's niceProbabilityMax at small values, since at n = 500
 * the top responses may hold a few thousandths each.
 */
export function niceMax(max: number): number {
  if (!(max > 0)) return 1;
  const target = Math.min(1, max * 1.04);
  const decade = 10 ** Math.floor(Math.log10(target));
  const m = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((c) => c * decade >= target * (1 - 1e-12)) ?? 10;
  return Math.min(1, m * decade);
}

/** scores[y] = max(scores[y], v[y]) for every response; NaN entries are ignored. */
export function accumulateVector(scores: Float64Array, v: ArrayLike<number>): Float64Array {
  const n = Math.min(scores.length, v.length);
  for (let i = 0; i < n; i++) if (v[i] > scores[i]) scores[i] = v[i];
  return scores;
}

/** scores[y] = max(scores[y], policies[r·n + y]) over `rows` of a row-major buffer. */
export function accumulatePeaks(
  scores: Float64Array,
  policies: ArrayLike<number>,
  n: number,
  rows: Iterable<number>,
): Float64Array {
  for (const r of rows) {
    const base = r * n;
    for (let i = 0; i < n; i++) {
      const v = policies[base + i];
      if (v > scores[i]) scores[i] = v;
    }
  }
  return scores;
}

/**
 * Indices of the k largest scores, largest first. Ties (and NaN, ranked last) keep index order,
 * so the choice is deterministic. k ≥ n gives every index.
 */
export function topIndices(scores: ArrayLike<number>, k: number): number[] {
  const n = scores.length;
  const key = (i: number) => (Number.isNaN(scores[i]) ? Number.NEGATIVE_INFINITY : scores[i]);
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => key(b) - key(a) || a - b);
  return order.slice(0, Math.max(0, Math.min(n, Math.floor(k))));
}

/**
 * One policy row as the large-n views show it: the values at `indices` (in that order), then the
 * sum of every other entry ("other") — left out when `indices` covers all n responses. The total
 * is the row's own sum to rounding, so a policy still sums to 1.
 */
export function aggregateRow(row: ArrayLike<number>, indices: readonly number[], n = row.length): number[] {
  const out = indices.map((i) => row[i]);
  if (indices.length >= n) return out;
  const shown = new Uint8Array(n);
  for (const i of indices) shown[i] = 1;
  let other = 0;
  for (let i = 0; i < n; i++) if (!shown[i]) other += row[i];
  out.push(other);
  return out;
}

/**
 * `aggregateRow` for several rows of a row-major policies buffer: a (rows.length × width) matrix,
 * width = indices.length (+1 for "other" when some response is left out). Reads n values per row:
 * callers pass only the rows they draw.
 */
export function aggregateRows(
  policies: ArrayLike<number>,
  n: number,
  rows: readonly number[],
  indices: readonly number[],
): { values: Float64Array; width: number } {
  const k = indices.length;
  const hasOther = k < n;
  const width = k + (hasOther ? 1 : 0);
  const values = new Float64Array(rows.length * width);
  const shown = new Uint8Array(n);
  for (const i of indices) shown[i] = 1;
  rows.forEach((r, j) => {
    const base = r * n;
    const out = j * width;
    for (let c = 0; c < k; c++) values[out + c] = policies[base + indices[c]];
    if (!hasOther) return;
    let other = 0;
    for (let i = 0; i < n; i++) if (!shown[i]) other += policies[base + i];
    values[out + k] = other;
  });
  return { values, width };
}

/** The part of a run the ranking reads: a series' policies and which rows are valid. */
export type RankedSeries = Pick<SeriesData, 'policies' | 'length' | 'times'>;

/**
 * The top-k responses of what is shown (see the module comment): peaks over rows 0..t of each run
 * (at most RANK_ROWS of them) and over the extra vectors (the equilibria; null ones skipped).
 */
export function chooseTopK(
  n: number,
  series: readonly RankedSeries[],
  t: number,
  extra: readonly (ArrayLike<number> | null | undefined)[],
  k: number,
): number[] {
  const scores = new Float64Array(n).fill(Number.NEGATIVE_INFINITY);
  for (const s of series) {
    if (s.length <= 0) continue;
    const count = rowAt(s as SeriesData, t) + 1;
    accumulatePeaks(scores, s.policies, n, thinRows(count, RANK_ROWS));
  }
  for (const v of extra) if (v) accumulateVector(scores, v);
  return topIndices(scores, k);
}

/**
 * The responses the equilibrium bars name: every response when n ≤ cap (in index order, the
 * order of the matrix); otherwise the union of each vector's top m entries, m as large as keeps
 * the union within `cap`, sorted by the largest of the vector values (ties by index). Only
 * positive entries count as "top": a Nash equilibrium is usually sparse, and its zeros (tied, so
 * in index order) would otherwise fill the chart with y1, y2, … at 0.
 */
export function unionTop(vectors: readonly ArrayLike<number>[], n: number, cap = BARS_MAX): number[] {
  if (n <= cap) return Array.from({ length: n }, (_, i) => i);
  const rankings = vectors.map((v) =>
    topIndices(
      Array.from({ length: n }, (_, i) => v[i]),
      n,
    ).filter((i) => v[i] > 0),
  );
  const longest = Math.max(0, ...rankings.map((r) => r.length));
  let chosen: number[] = [];
  for (let m = 1; m <= longest; m++) {
    const union = new Set<number>();
    for (const r of rankings) for (let j = 0; j < Math.min(m, r.length); j++) union.add(r[j]);
    if (union.size > cap) break;
    chosen = [...union];
    if (union.size === cap) break;
  }
  const peak = (i: number) => Math.max(...vectors.map((v) => (Number.isNaN(v[i]) ? Number.NEGATIVE_INFINITY : v[i])));
  return chosen.sort((a, b) => peak(b) - peak(a) || a - b);
}
