/**
 * Has a divergence stopped decreasing? With a constant step η, Nash-MD converges only to a point
 * O(η) away from π*_τ (Theorem 1 needs the decreasing step η_t = 2/(τ(t+2)) to close the gap), so
 * KL(π*_τ‖π_t) levels off at a positive value. Detected from the data alone:
 *   over the second half of the run, t ∈ [T/2, T], max KL / min KL ≤ `factor` and min KL > `floor`.
 * and, when the policies are given, π_t has stopped moving: ‖π_t − π_T‖₁ ≤ √(2 min KL)/10 at a
 * few rows of the window (Pinsker: ‖π*_τ − π_t‖₁ ≤ √(2 KL), so it moved by under a tenth of its
 * distance from π*_τ). A still-converging run fails the test (1/t decay alone halves over that
 * window, linear convergence falls by far more), so does a spiral still oscillating, and so does a
 * run circling π*_τ at a constant distance (OMD with a large step: flat KL, moving policy).
 */

export interface Plateau {
  /** KL at the last row. */
  level: number;
  /** Smallest and largest KL over the window. */
  min: number;
  max: number;
}

export interface PlateauOptions {
  /** Shortest run judged (iterations). */
  minT?: number;
  /** Largest max/min ratio over the window that still counts as flat. */
  factor?: number;
  /** A level at or below this is convergence (to rounding), not a plateau. */
  floor?: number;
}

/**
 * `values[r]` at iteration `timeOf(r)` for rows 0..last (increasing iterations). Returns the
 * plateau, or null when the values are still moving, too few, too small, or not all known (NaN).
 */
export function plateauOf(
  values: ArrayLike<number>,
  last: number,
  timeOf: (row: number) => number = (r) => r,
  options: PlateauOptions = {},
  policyAt?: (row: number) => ArrayLike<number>,
): Plateau | null {
  const { minT = 50, factor = 1.25, floor = 1e-12 } = options;
  if (last < 0 || last >= values.length) return null;
  const T = timeOf(last);
  if (!(T >= minT)) return null;
  let min = Infinity;
  let max = -Infinity;
  let rows = 0;
  for (let r = last; r >= 0 && timeOf(r) >= T / 2; r--) {
    const v = values[r];
    if (!(v > floor) || !Number.isFinite(v)) return null;
    if (v < min) min = v;
    if (v > max) max = v;
    // Early exit: the common case while converging or circling costs a few rows per frame.
    if (max > factor * min) return null;
    rows++;
  }
  if (rows < 10) return null;
  if (policyAt) {
    const end = policyAt(last);
    const tol = Math.sqrt(2 * min) / 10;
    // Eight rows spread over the window: circling shows at any of them.
    for (let k = 1; k <= 8; k++) {
      const p = policyAt(last - Math.round((k * (rows - 1)) / 8));
      let d = 0;
      for (let i = 0; i < end.length; i++) d += Math.abs(p[i] - end[i]);
      if (!(d <= tol)) return null;
    }
  }
  return { level: values[last], min, max };
}
