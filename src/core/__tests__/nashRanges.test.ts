/**
 * The range of each response's weight over the set of Nash equilibria (nashSet.ts), checked against
 * bounds computed here independently: every vertex of E = {π ≥ 0, Σπ = 1, (Pπ)_y ≤ ½ ∀y} is
 * enumerated (n − 1 tight constraints out of 2n, plus Σπ = 1, solved by Gaussian elimination), and
 * a linear function's min and max over a polytope are attained at vertices.
 */
import { describe, expect, it } from 'vitest';
import { nashEquilibrium } from '../nashEquilibrium.ts';
import { NASH_SET_SLACK, nashWeightRangesSync, tauLimitNash } from '../nashSet.ts';
import { lcg, randomGame } from './seededGame.ts';

const flat = (P: number[][]) => Float64Array.from(P.flat());

/** e_0(π) = max_y (Pπ)_y − ½. */
function exploit(P: number[][], pi: ArrayLike<number>): number {
  return Math.max(...P.map((r) => r.reduce((s, v, j) => s + v * pi[j], 0))) - 0.5;
}

/** Solves the square system M x = b (Gaussian elimination, partial pivoting); null if singular. */
function solve(M: number[][], b: number[]): number[] | null {
  const m = b.length;
  const a = M.map((r, i) => [...r, b[i]]);
  for (let c = 0; c < m; c++) {
    let piv = c;
    for (let r = c + 1; r < m; r++) if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) piv = r;
    if (Math.abs(a[piv][c]) < 1e-10) return null;
    [a[c], a[piv]] = [a[piv], a[c]];
    for (let r = 0; r < m; r++) {
      if (r === c) continue;
      const f = a[r][c] / a[c][c];
      for (let k = c; k <= m; k++) a[r][k] -= f * a[c][k];
    }
  }
  return a.map((r, i) => r[m] / r[i]);
}

/** Every vertex of E, by brute force over the choices of n − 1 tight inequalities. */
function vertices(P: number[][]): number[][] {
  const n = P.length;
  // Inequality k < n: π_k ≥ 0; k ≥ n: ((P − ½)π)_{k−n} ≤ 0 (on Σπ = 1 the same as (Pπ) ≤ ½).
  const row = (k: number) => (k < n ? P[0].map((_, j) => (j === k ? 1 : 0)) : P[k - n].map((v) => v - 0.5));
  const out: number[][] = [];
  const pick: number[] = [];
  const walk = (from: number) => {
    if (pick.length === n - 1) {
      const x = solve([...pick.map(row), new Array(n).fill(1)], [...pick.map(() => 0), 1]);
      if (x && x.every((v) => v >= -1e-9) && exploit(P, x) <= 1e-9) out.push(x);
      return;
    }
    for (let k = from; k < 2 * n; k++) {
      pick.push(k);
      walk(k + 1);
      pick.pop();
    }
  };
  walk(0);
  return out;
}

function checkAgainstVertices(P: number[][]) {
  const n = P.length;
  const V = vertices(P);
  expect(V.length).toBeGreaterThan(0);
  const r = nashWeightRangesSync(flat(P), n, nashEquilibrium(P));
  expect(r.complete).toBe(true);
  for (let y = 0; y < n; y++) {
    expect(r.low[y]).toBeCloseTo(Math.min(...V.map((v) => v[y])), 6);
    expect(r.high[y]).toBeCloseTo(Math.max(...V.map((v) => v[y])), 6);
    // Each end is attained by a returned equilibrium.
    expect(r.witnesses[r.lowWitness[y]][y]).toBe(r.low[y]);
    expect(r.witnesses[r.highWitness[y]][y]).toBe(r.high[y]);
  }
  for (const w of r.witnesses) {
    expect(Math.abs(w.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-12);
    expect(Math.min(...w)).toBeGreaterThanOrEqual(0);
    expect(exploit(P, w)).toBeLessThanOrEqual(NASH_SET_SLACK + 1e-9);
  }
  const spread = Math.max(...V.map((v) => Math.max(...V.map((u) => Math.max(...u.map((x, i) => Math.abs(x - v[i])))))));
  expect(r.unique).toBe(spread <= 1e-4);
  expect(r.inSome).toBe(P.filter((_, y) => Math.max(...V.map((v) => v[y])) > 1e-6).length);
  return r;
}

/** Rock-paper-scissors with scissors duplicated: E = {(1/3, 1/3, a, 1/3 − a) : 0 ≤ a ≤ 1/3}. */
const RPS_DUP = [
  [0.5, 0, 1, 1],
  [1, 0.5, 0, 0],
  [0, 1, 0.5, 0.5],
  [0, 1, 0.5, 0.5],
];

describe('nashWeightRanges', () => {
  it('rock-paper-scissors with a duplicated response: each copy ranges over [0, 1/3], rock and paper are 1/3', () => {
    const r = checkAgainstVertices(RPS_DUP);
    expect(r.unique).toBe(false);
    expect(r.inSome).toBe(4);
    for (const y of [2, 3]) {
      expect(r.low[y]).toBeCloseTo(0, 8);
      expect(r.high[y]).toBeCloseTo(1 / 3, 8);
    }
    for (const y of [0, 1]) expect(r.high[y] - r.low[y]).toBeLessThan(1e-8);
  });

  it('a game with a dominant response: the Nash is unique and the ranges collapse onto it', () => {
    const P = [
      [0.5, 0.7, 0.6, 0.9],
      [0.3, 0.5, 0.2, 0.8],
      [0.4, 0.8, 0.5, 0.1],
      [0.1, 0.2, 0.9, 0.5],
    ];
    const r = checkAgainstVertices(P);
    expect(r.unique).toBe(true);
    expect(Array.from(r.low)).toEqual([1, 0, 0, 0]);
    expect(Array.from(r.high)).toEqual([1, 0, 0, 0]);
    expect(r.inSome).toBe(1);
  });

  it('sparse-data-like matrices (many pairs at ½, a few observed) equal the vertex-enumeration bounds', () => {
    let notUnique = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const rand = lcg(seed * 7919);
      const n = 3 + (seed % 4); // 3…6
      const P = Array.from({ length: n }, () => new Array<number>(n).fill(0.5));
      for (let i = 0; i < n; i++)
        for (let j = i + 1; j < n; j++)
          if (rand() < 0.5) {
            P[i][j] = Math.round(rand() * 10) / 10; // win rates of 10 battles; ties at ½ stay
            P[j][i] = 1 - P[i][j];
          }
      if (!checkAgainstVertices(P).unique) notUnique++;
    }
    expect(notUnique).toBeGreaterThan(5); // the family does exercise sets larger than a point
  });

  it('a generic random game: unique, found by the two-LP direction test alone', () => {
    const P = randomGame(60, 11);
    const r = nashWeightRangesSync(flat(P), 60, nashEquilibrium(P));
    expect(r.unique).toBe(true);
    expect(r.lps).toBe(2);
  });
});

describe('tauLimitNash: the end of the τ-path', () => {
  it('on RPS with a duplicate it is the equilibrium closest to μ in KL, and it lies in the set', () => {
    const mu = Float64Array.of(0.1, 0.2, 0.3, 0.4);
    const lim = tauLimitNash(flat(RPS_DUP), 4, mu);
    expect(lim.stable).toBe(true);
    // argmin over a of KL((1/3, 1/3, a, 1/3 − a) ‖ μ): a / (1/3 − a) = μ₃ / μ₄.
    const a = (1 / 3) * (0.3 / 0.7);
    const expected = [1 / 3, 1 / 3, a, 1 / 3 - a];
    lim.policy.forEach((v, y) => expect(v).toBeCloseTo(expected[y], 6));
    expect(exploit(RPS_DUP, lim.policy)).toBeLessThanOrEqual(1e-7);
    const r = nashWeightRangesSync(flat(RPS_DUP), 4, nashEquilibrium(RPS_DUP));
    lim.policy.forEach((v, y) => {
      expect(v).toBeGreaterThanOrEqual(r.low[y] - 1e-7);
      expect(v).toBeLessThanOrEqual(r.high[y] + 1e-7);
    });
  });

  it('with a unique Nash it reaches that Nash', () => {
    const P = randomGame(12, 5);
    const lim = tauLimitNash(flat(P), 12, new Float64Array(12).fill(1 / 12));
    const nash = nashEquilibrium(P);
    lim.policy.forEach((v, y) => expect(v).toBeCloseTo(nash[y], 6));
  });
});
