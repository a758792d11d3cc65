/**
 * Reproducible random preference matrices for the solver tests and the core benchmark
 * (bench/core.bench.ts imports this file, so it must not import vitest or fast-check).
 */

/** The Park–Miller generator: uniform numbers in (0, 1), the same sequence on every platform. */
export function lcg(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}

/** A uniform random P (above the diagonal U(0, 1), P[j][i] = 1 − P[i][j]): Nash support ≈ n/2. */
export function randomGame(n: number, seed: number): number[][] {
  const rand = lcg(seed);
  const P = Array.from({ length: n }, () => new Array<number>(n).fill(0.5));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      P[i][j] = rand();
      P[j][i] = 1 - P[i][j];
    }
  }
  return P;
}
