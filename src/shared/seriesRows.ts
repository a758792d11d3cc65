/**
 * Rows versus iterations. A run's rows are iterations 0, 1, 2, … until the history is thinned
 * (long runs keep every iteration only for the recent part); then `times` lists the iteration of
 * each row. Every renderer and selector maps between the two through these two functions.
 */
import { algorithmInfo, type AlgorithmId } from '../core/algorithms/catalog.ts';
import type { BundleKind } from '../core/workerApi.ts';
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

/** What identifies a series: its algorithm and which companion of that run it is, if any. */
export interface SeriesIdentity {
  algorithm: AlgorithmId;
  average?: boolean;
  bundle?: BundleKind;
  seeds?: number;
}

/**
 * What tells one series from the others: its algorithm, and whether it is that run's average
 * iterates or one of a sampled run's seed-bundle companions (the mean, the exact path, seed k).
 */
export function seriesKey(s: SeriesIdentity): string {
  const b = s.bundle;
  return b ? `${s.algorithm}/${b === 'seed' ? b + s.seeds : b}` : s.average ? `${s.algorithm}/average` : s.algorithm;
}

/**
 * The registry's display name of a series, with " (average)" for a run's average iterates, and
 * " (mean of K seeds)", " (exact gradient)" or " (seed +k)" for a sampled run's bundle.
 */
export function seriesDisplayName(s: SeriesIdentity): string {
  const b = s.bundle;
  return `${algorithmInfo(s.algorithm)?.displayName ?? s.algorithm}${
    b
      ? b === 'mean'
        ? ` (mean of ${s.seeds} seeds)`
        : b === 'exact'
          ? ' (exact gradient)'
          : ` (seed +${s.seeds})`
      : s.average
        ? ' (average)'
        : ''
  }`;
}

/** Whether a series is one seed of a sampled run's bundle: drawn faintly on the simplex, nowhere else. */
export const isSeedPath = (s: { bundle?: BundleKind }): boolean => s.bundle === 'seed';

/** Whether a series accompanies a run (average iterates, a bundle's mean, exact path or seed) rather than being one. */
export const isCompanion = (s: { average?: boolean; bundle?: BundleKind }): boolean =>
  s.average === true || s.bundle !== undefined;
