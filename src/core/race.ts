/**
 * The race between algorithms: how far each iterate is from an equilibrium of the unregularised
 * game, and when it first came close.
 *
 * The table's exploitability is e_0(π) = max_y (Pπ)_y − 1/2 (exploitability() at τ = 0): the
 * most any response wins against π beyond a draw, ≥ 0 and zero exactly at a Nash of P. It is the
 * same yardstick for every algorithm whatever τ (the run metrics' e_τ measures the distance to
 * π*_τ instead, and is what the convergence chart plots).
 */
/**
 * e_0 of the policy at policies[offset … offset+n): max_y Σ_j P_yj π_j − 1/2, clamped at 0 (the
 * same as exploitability(P, μ, 0, π); written out here so that the first screen's bundle does
 * not carry the validation of exploitability.ts). `win` is scratch of length n (receives Pπ).
 */
export function exploitabilityZero(
  p: Float64Array,
  n: number,
  policies: Float64Array,
  offset: number,
  win: Float64Array,
): number {
  let best = -Infinity;
  for (let y = 0; y < n; y++) {
    let s = 0;
    const row = y * n;
    for (let j = 0; j < n; j++) s += p[row + j] * policies[offset + j];
    win[y] = s;
    if (s > best) best = s;
  }
  return Math.max(0, best - 0.5);
}

/**
 * e_0 of rows from..to−1 of a run, written into out[from..to) (`out` at least `to` long): lets a
 * caller extend the values as rows are appended without recomputing the earlier ones.
 */
export function exploitabilityZeroRows(
  p: Float64Array,
  n: number,
  policies: Float64Array,
  from: number,
  to: number,
  out: Float64Array,
): void {
  const win = new Float64Array(n);
  for (let r = from; r < to; r++) out[r] = exploitabilityZero(p, n, policies, r * n, win);
}

/**
 * The average iterate π̄_t = (1/(t+1)) Σ_{s=0..t} π_s of rows 0..t (rows must be iterations
 * 0, 1, 2, …: a thinned history does not give it).
 */
export function averageIterate(policies: Float64Array, n: number, t: number): Float64Array {
  const avg = new Float64Array(n);
  for (let r = 0; r <= t; r++) for (let i = 0; i < n; i++) avg[i] += policies[r * n + i];
  for (let i = 0; i < n; i++) avg[i] /= t + 1;
  return avg;
}

/**
 * The first iteration at which `values` falls below ε: the smallest times(r) over rows
 * r ≤ lastRow with values[r] < ε, or null when none does ("not within the run"). With a thinned
 * history the answer is the first stored row below ε (an iteration may be skipped between rows).
 */
export function firstBelow(
  values: ArrayLike<number>,
  lastRow: number,
  epsilon: number,
  timeAt: (row: number) => number = (r) => r,
): number | null {
  for (let r = 0; r <= lastRow && r < values.length; r++) if (values[r] < epsilon) return timeAt(r);
  return null;
}
