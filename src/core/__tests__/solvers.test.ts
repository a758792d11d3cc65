/**
 * The fast solver internals (LU, Cholesky, GMRES), the progress callbacks, and accuracy of the
 * equilibrium and reward solvers at a few hundred responses.
 */
import { describe, expect, it } from 'vitest';
import { Gmres } from '../gmres.ts';
import { choleskyFactor, choleskySolve, luFactor, luSolve } from '../linalg.ts';
import { exploitability, fitBradleyTerry, nashEquilibrium, regularizedNash, regularizedNashPath } from '../index.ts';
import { lcg, randomGame } from './seededGame.ts';

function residual(M: Float64Array, x: Float64Array, b: Float64Array, m: number): number {
  let worst = 0;
  for (let i = 0; i < m; i++) {
    let s = -b[i];
    for (let j = 0; j < m; j++) s += M[i * m + j] * x[j];
    worst = Math.max(worst, Math.abs(s));
  }
  return worst;
}

describe('dense linear algebra', () => {
  const m = 40;
  const rand = lcg(3);
  const M = Float64Array.from({ length: m * m }, () => rand() - 0.5);
  const b = Float64Array.from({ length: m }, () => rand());

  it('luFactor + luSolve solve a random system to rounding', () => {
    const LU = Float64Array.from(M);
    const piv = new Int32Array(m);
    const x = Float64Array.from(b);
    expect(luFactor(LU, m, piv) && luSolve(LU, m, piv, x)).toBe(true);
    expect(residual(M, x, b, m)).toBeLessThan(1e-12);
    expect(luFactor(new Float64Array(m * m), m, piv)).toBe(false);
  });

  it('choleskyFactor + choleskySolve solve an SPD system and reject an indefinite one', () => {
    const S = new Float64Array(m * m);
    for (let i = 0; i < m; i++)
      for (let j = 0; j < m; j++) for (let k = 0; k < m; k++) S[i * m + j] += M[k * m + i] * M[k * m + j];
    for (let i = 0; i < m; i++) S[i * m + i] += 1;
    const L = Float64Array.from(S);
    const x = Float64Array.from(b);
    expect(choleskyFactor(L, m) && choleskySolve(L, m, x)).toBe(true);
    expect(residual(S, x, b, m)).toBeLessThan(1e-12);
    const bad = Float64Array.from(S);
    bad[0] = -1;
    expect(choleskyFactor(bad, m)).toBe(false);
  });

  it('GMRES solves a non-symmetric system, with and without a preconditioner', () => {
    const A = Float64Array.from(M, (v, k) => v / 4 + (k % (m + 1) === 0 ? 1 : 0));
    const apply = (x: Float64Array, y: Float64Array) => {
      for (let i = 0; i < m; i++) {
        let s = 0;
        for (let j = 0; j < m; j++) s += A[i * m + j] * x[j];
        y[i] = s;
      }
    };
    const LU = Float64Array.from(A);
    const piv = new Int32Array(m);
    luFactor(LU, m, piv);
    const exact = (x: Float64Array, y: Float64Array) => {
      y.set(x);
      luSolve(LU, m, piv, y);
    };
    const identity = (x: Float64Array, y: Float64Array) => y.set(x);
    const g = new Gmres(m, m);
    const x = new Float64Array(m);
    const its = g.solve(apply, identity, b, x, 1e-12);
    expect(residual(A, x, b, m)).toBeLessThan(1e-11);
    expect(its).toBeLessThanOrEqual(m);
    expect(g.solve(apply, exact, b, x, 1e-12)).toBeLessThanOrEqual(2);
    expect(residual(A, x, b, m)).toBeLessThan(1e-11);
  });
});

describe('progress callbacks', () => {
  const P = randomGame(40, 11);
  const mu = new Array<number>(40).fill(1 / 40);
  const runs: [string, (cb: (f: number) => void) => unknown][] = [
    ['regularizedNash', (cb) => regularizedNash(P, mu, 1e-3, { onProgress: cb })],
    [
      'regularizedNashPath',
      (cb) =>
        regularizedNashPath(
          P,
          mu,
          Array.from({ length: 60 }, (_, k) => 20 * (1e-3 / 20) ** (k / 59)),
          { onProgress: cb },
        ),
    ],
    ['nashEquilibrium', (cb) => nashEquilibrium(P, { onProgress: cb })],
    ['fitBradleyTerry', (cb) => fitBradleyTerry(P, undefined, { onProgress: cb })],
  ];
  it.each(runs)('%s reports a non-decreasing fraction in [0, 1], at most 50 times, ending with 1', (_, run) => {
    const seen: number[] = [];
    run((f) => seen.push(f));
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(seen.length).toBeLessThanOrEqual(50);
    expect(seen.at(-1)).toBe(1);
    seen.forEach((f, i) => {
      expect(f).toBeGreaterThanOrEqual(i === 0 ? 0 : seen[i - 1]);
      expect(f).toBeLessThanOrEqual(1);
    });
  });
});

describe('accuracy at a few hundred responses', () => {
  const n = 250;
  const P = randomGame(n, 5);
  const w = Array.from({ length: n }, (_, i) => 1 + (i % 7));
  const total = w.reduce((a, b) => a + b, 0);
  const mus = [new Array<number>(n).fill(1 / n), w.map((x) => x / total)];

  it('regularizedNash reaches exploitability < 1e-12 at τ = 1e-3 for uniform and non-uniform μ', () => {
    for (const mu of mus) expect(exploitability(P, mu, 1e-3, regularizedNash(P, mu, 1e-3))).toBeLessThan(1e-12);
  });

  it('regularizedNashPath is accurate at every point of a 48-point grid', () => {
    const grid = Array.from({ length: 48 }, (_, k) => 20 * (1e-3 / 20) ** (k / 47));
    const path = regularizedNashPath(P, mus[1], grid);
    grid.forEach((tau, k) =>
      expect(exploitability(P, mus[1], tau, path.subarray(k * n, (k + 1) * n))).toBeLessThan(1e-12),
    );
  });

  it('fitBradleyTerry has gradient < 1e-10, also with μ-weighted pairs', () => {
    const mu = mus[1];
    const W = mu.map((a) => mu.map((b) => a * b));
    for (const [r, weights] of [
      [fitBradleyTerry(P), null],
      [fitBradleyTerry(P, W), W],
    ] as const) {
      let worst = 0;
      let scale = 0;
      for (let i = 0; i < n; i++) {
        let g = 0;
        for (let j = 0; j < n; j++) {
          if (j === i) continue;
          const wij = weights ? weights[i][j] + weights[j][i] : 2;
          scale = Math.max(scale, wij);
          g += wij * (P[i][j] - 1 / (1 + Math.exp(-(r[i] - r[j]))));
        }
        worst = Math.max(worst, Math.abs(g));
      }
      expect(worst / scale).toBeLessThan(1e-10);
    }
  });
});
