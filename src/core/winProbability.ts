/**
 * Win rates between policies, for the main thread's win-rate chart: a module of its own so that
 * importing it pulls in nothing else of the core.
 */

/**
 * P(π ≻ π') = πᵀ P π' for a row-major n×n matrix P (§2). P(π ≻ π) = 1/2 for every π.
 */
export function winProbability(
  p: ArrayLike<number>,
  n: number,
  pi: ArrayLike<number>,
  other: ArrayLike<number>,
): number {
  let s = 0;
  for (let i = 0; i < n; i++) {
    if (pi[i] === 0) continue;
    let row = 0;
    for (let j = 0; j < n; j++) row += p[i * n + j] * other[j];
    s += pi[i] * row;
  }
  return s;
}
