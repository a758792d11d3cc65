/**
 * Plain-array helpers for the naive reference implementations of the algorithms' updates: each
 * algorithm's test file (<id>.test.ts) writes its update from the issue's formula in probability
 * space with these (Math.pow, Math.exp, explicit sums); no code of src/core/algorithms is used,
 * so agreement checks the modules against the formulas.
 */

export type Vec = number[];

export const mat = (P: number[][], x: Vec): Vec => P.map((row) => row.reduce((s, p, j) => s + p * x[j], 0));
export const norm = (v: Vec): Vec => {
  const s = v.reduce((a, b) => a + b, 0);
  return v.map((x) => x / s);
};
/** η_t: the constant step, or Theorem 1's schedule η_t = 2/(τ(t+2)). */
export const stepAt = (e: number | 'theorem', tau: number, t: number) => (e === 'theorem' ? 2 / (tau * (t + 2)) : e);

export interface NaiveSpec {
  P: number[][];
  mu: Vec;
  pi0: Vec;
  tau: number;
  eta: number | 'theorem';
  steps: number;
  refresh?: number;
  reward?: Vec;
}

/** What one step of a naive update sees: π_t, t, η_t, a = η_t τ and r_t = P π_t. */
export interface NaiveStep {
  pi: Vec;
  t: number;
  h: number;
  a: number;
  r: Vec;
}

/**
 * π_0..π_T from a step written from the formula. `makeStep` is called once per run, so a step
 * with memory (OMWU's r_{t−1}, MPO's magnet) keeps it in its closure.
 */
export function iterate(s: NaiveSpec, makeStep: () => (x: NaiveStep) => Vec): Vec[] {
  const step = makeStep();
  const rows: Vec[] = [norm(s.pi0)];
  for (let t = 0; t < s.steps; t++) {
    const pi = rows[t];
    const h = stepAt(s.eta, s.tau, t);
    const next = step({ pi, t, h, a: h * s.tau, r: mat(s.P, pi) });
    if (next.length !== s.mu.length) throw new Error('bad length');
    rows.push(next);
  }
  return rows;
}
