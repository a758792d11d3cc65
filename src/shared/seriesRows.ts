/**
 * Rows versus iterations. A run's rows are iterations 0, 1, 2, … until the history is thinned
 * (long runs keep every iteration only for the recent part); then `times` lists the iteration of
 * each row. Every renderer and selector maps between the two through these two functions.
 */
import { algorithmInfo, type AlgorithmId } from '../core/algorithms/catalog.ts';
import type { SeriesData } from './types.ts';

/** The iteration t of row `row`. */
export function timeAt(s: SeriesData, row: number): number {
  return s.times ? s.times[row] : row;
}

/** The last row whose iteration is ≤ t (0 if none), among the series' valid rows. */
export function rowAt(s: SeriesData, t: number): number {
  const last = s.length - 1;
  if (last < 0) return 0;
  const times = s.times;
  if (!times) return Math.max(0, Math.min(Math.floor(t), last));
  if (times[last] <= t) return last;
  let lo = 0;
  let hi = last;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (times[mid] <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** What tells one series from the others: its algorithm, and whether it is that run's average iterates. */
export function seriesKey(s: { algorithm: AlgorithmId; average?: boolean }): string {
  return s.average ? `${s.algorithm}/average` : s.algorithm;
}

/** The registry's display name of a series, with " (average)" for a run's average iterates. */
export function seriesDisplayName(s: { algorithm: AlgorithmId; average?: boolean }): string {
  return `${algorithmInfo(s.algorithm)?.displayName ?? s.algorithm}${s.average ? ' (average)' : ''}`;
}
