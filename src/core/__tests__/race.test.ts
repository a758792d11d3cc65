/** The race's math: e_0 of a row, the average iterate, the first iteration below ε. */
import { describe, expect, it } from 'vitest';
import { exploitability } from '../exploitability.ts';
import { averageIterate, exploitabilityZero, exploitabilityZeroRows, firstBelow } from '../race.ts';

const P = [
  [0.5, 0.9, 0.1],
  [0.1, 0.5, 0.9],
  [0.9, 0.1, 0.5],
];
const p = Float64Array.from(P.flat());

describe('race math', () => {
  it('e_0 is max_y (Pπ)_y − 1/2, written out by hand, and equals exploitability at τ = 0', () => {
    const pi = [0.2, 0.3, 0.5];
    // (Pπ) = (0.1+0.27+0.05, 0.02+0.15+0.45, 0.18+0.03+0.25) = (0.42, 0.62, 0.46).
    const e0 = exploitabilityZero(p, 3, Float64Array.from(pi), 0, new Float64Array(3));
    expect(e0).toBeCloseTo(0.12, 14);
    expect(e0).toBeCloseTo(exploitability(P, [1 / 3, 1 / 3, 1 / 3], 0, pi), 15);
    expect(exploitabilityZero(p, 3, Float64Array.from([1 / 3, 1 / 3, 1 / 3]), 0, new Float64Array(3))).toBeLessThan(
      1e-15,
    );
  });

  it('e_0 of rows, appended in two calls, is each row’s value', () => {
    const rows = Float64Array.from([1, 0, 0, 0, 1, 0, 0.2, 0.3, 0.5]);
    const out = new Float64Array(3);
    exploitabilityZeroRows(p, 3, rows, 0, 2, out);
    exploitabilityZeroRows(p, 3, rows, 2, 3, out);
    // Pure rock: Pπ = column 0 = (0.5, 0.1, 0.9) → 0.4; pure paper: column 1 = (0.9, 0.5, 0.1) → 0.4.
    expect(Array.from(out).map((x) => Number(x.toFixed(12)))).toEqual([0.4, 0.4, 0.12]);
  });

  it('the average iterate is the mean of rows 0..t', () => {
    const rows = Float64Array.from([1, 0, 0, 0, 1, 0, 0, 0, 1]);
    expect(Array.from(averageIterate(rows, 3, 1))).toEqual([0.5, 0.5, 0]);
    expect(Array.from(averageIterate(rows, 3, 2)).map((x) => x * 3)).toEqual([1, 1, 1]);
  });

  it('first below ε: the first row under ε up to the last row shown, else null', () => {
    const values = [0.5, 0.2, 0.05, 0.2, 0.004, 0.0009, 1e-5];
    expect(firstBelow(values, 6, 1e-2)).toBe(4);
    expect(firstBelow(values, 6, 1e-1)).toBe(2);
    expect(firstBelow(values, 6, 1e-3)).toBe(5);
    expect(firstBelow(values, 4, 1e-3)).toBeNull(); // not within the run up to t
    expect(firstBelow(values, 6, 1e-6)).toBeNull();
    // A thinned history: row r is iteration times[r].
    const times = [0, 1, 2, 4, 8, 16, 32];
    expect(firstBelow(values, 6, 1e-2, (r) => times[r])).toBe(8);
  });
});
