/**
 * Quantiles of sorted samples, in a module of its own: the bootstrap worker (leaderboard.ts) needs
 * it without sampleSizeCurve's imports (the Nash solver and its WebAssembly LP).
 */

/** The q-quantile of sorted values, interpolated linearly between order statistics. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (h - lo);
}
