import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BARS_MAX,
  RANK_ROWS,
  TOP_K_DEFAULT,
  TOP_K_MAX,
  TOP_K_MIN,
  accumulatePeaks,
  aggregateRow,
  aggregateRows,
  chooseTopK,
  clampK,
  niceMax,
  topIndices,
  unionTop,
} from './topK.ts';

/** A random policy (positive, sums to 1) of n entries from raw weights. */
const policyArb = (minN = 1, maxN = 60) =>
  fc.array(fc.double({ min: 1e-9, max: 1, noNaN: true }), { minLength: minN, maxLength: maxN }).map((w) => {
    const s = w.reduce((a, b) => a + b, 0);
    return w.map((x) => x / s);
  });

const sum = (xs: ArrayLike<number>) => Array.from(xs).reduce((a, b) => a + b, 0);

describe('clampK', () => {
  it('keeps k in range, rounds, and defaults on NaN', () => {
    expect(clampK(1)).toBe(TOP_K_MIN);
    expect(clampK(99)).toBe(TOP_K_MAX);
    expect(clampK(7.6)).toBe(8);
    expect(clampK(Number.NaN)).toBe(TOP_K_DEFAULT);
  });
});

describe('topIndices', () => {
  it('sorts by score, largest first', () => {
    expect(topIndices([0.1, 0.5, 0.2, 0.05, 0.15], 3)).toEqual([1, 2, 4]);
  });

  it('keeps ties in index order (stable) and ranks NaN last', () => {
    expect(topIndices([0.2, 0.3, 0.2, 0.3, 0.2], 5)).toEqual([1, 3, 0, 2, 4]);
    expect(topIndices([Number.NaN, 0.1, 0.1], 3)).toEqual([1, 2, 0]);
    expect(topIndices(new Float64Array(6).fill(1 / 6), 4)).toEqual([0, 1, 2, 3]);
  });

  it('k ≥ n gives every response once; k ≤ 0 gives none', () => {
    expect(topIndices([0.3, 0.7], 8)).toEqual([1, 0]);
    expect(topIndices([0.3, 0.7], 0)).toEqual([]);
  });

  it('property: the chosen scores dominate the rest, in non-increasing order', () => {
    fc.assert(
      fc.property(policyArb(1, 80), fc.integer({ min: 0, max: 90 }), (p, k) => {
        const top = topIndices(p, k);
        expect(top).toHaveLength(Math.min(k, p.length));
        expect(new Set(top).size).toBe(top.length);
        for (let j = 1; j < top.length; j++) {
          const [a, b] = [top[j - 1], top[j]];
          expect(p[a] > p[b] || (p[a] === p[b] && a < b)).toBe(true);
        }
        const chosen = new Set(top);
        const floor = top.length ? p[top[top.length - 1]] : Infinity;
        p.forEach((v, i) => {
          if (!chosen.has(i)) expect(v).toBeLessThanOrEqual(floor);
        });
      }),
    );
  });
});

describe('aggregateRow', () => {
  it('puts the shown values first, then the sum of the rest', () => {
    expect(aggregateRow([0.1, 0.4, 0.2, 0.3], [1, 3])).toEqual([0.4, 0.3, 0.1 + 0.2]);
  });

  it('has no "other" when every response is shown', () => {
    expect(aggregateRow([0.5, 0.3, 0.2], [2, 0, 1])).toEqual([0.2, 0.5, 0.3]);
  });

  it('property: the aggregate sums to the row sum (to 1e-12) for any k', () => {
    fc.assert(
      fc.property(policyArb(1, 500), fc.integer({ min: 0, max: 30 }), (p, k) => {
        const agg = aggregateRow(p, topIndices(p, k));
        expect(Math.abs(sum(agg) - sum(p))).toBeLessThan(1e-12);
        expect(Math.abs(sum(agg) - 1)).toBeLessThan(1e-12);
        expect(agg.length).toBe(k >= p.length ? p.length : k + 1);
      }),
      { numRuns: 200 },
    );
  });
});

describe('aggregateRows', () => {
  it('matches aggregateRow row by row, reading only the given rows', () => {
    const n = 5;
    const policies = Float64Array.from({ length: 4 * n }, (_, i) => ((i * 7) % 11) + 1);
    const rows = [0, 2, 3];
    const idx = [4, 1];
    const { values, width } = aggregateRows(policies, n, rows, idx);
    expect(width).toBe(3);
    rows.forEach((r, j) => {
      const expected = aggregateRow(policies.subarray(r * n, (r + 1) * n), idx);
      expect(Array.from(values.subarray(j * width, (j + 1) * width))).toEqual(expected);
    });
  });

  it('k = n: width n, no other column', () => {
    const { values, width } = aggregateRows([0.2, 0.8, 0.6, 0.4], 2, [0, 1], [1, 0]);
    expect(width).toBe(2);
    expect(Array.from(values)).toEqual([0.8, 0.2, 0.4, 0.6]);
  });
});

describe('chooseTopK', () => {
  it('ranks by the peak over rows 0..t and the equilibria, not the value at t', () => {
    const n = 4;
    // Response 3 peaks at row 1 and fades; response 0 is largest at the end.
    const rows = [
      [0.25, 0.25, 0.25, 0.25],
      [0.1, 0.1, 0.1, 0.7],
      [0.6, 0.2, 0.1, 0.1],
    ];
    const s = { policies: Float64Array.from(rows.flat()), length: 3 };
    expect(chooseTopK(n, [s], 2, [], 2)).toEqual([3, 0]);
    // Up to t = 0 everything is tied: index order.
    expect(chooseTopK(n, [s], 0, [], 2)).toEqual([0, 1]);
    // An equilibrium that puts 0.9 on response 2 brings it first.
    expect(chooseTopK(n, [s], 2, [null, [0, 0.05, 0.9, 0.05]], 2)).toEqual([2, 3]);
  });

  it('honours thinned row times (t is an iteration, not a row)', () => {
    const s = {
      policies: Float64Array.from([0.5, 0.5, 0.9, 0.1, 0.1, 0.9]),
      length: 3,
      times: Float64Array.from([0, 100, 200]),
    };
    expect(chooseTopK(2, [s], 150, [], 1)).toEqual([0]);
    expect(chooseTopK(2, [s], 200, [], 1)).toEqual([0]); // 0.9 at both; ties by index
    const t = { ...s, policies: Float64Array.from([0.5, 0.5, 0.2, 0.8, 0.95, 0.05]) };
    expect(chooseTopK(2, [t], 150, [], 1)).toEqual([1]);
  });

  it('reads at most RANK_ROWS rows of a long run, always the first and the current one', () => {
    const n = 3;
    const length = 100_001;
    const policies = new Float64Array(length * n).fill(1 / 3);
    policies.set([0.9, 0.05, 0.05], (length - 1) * n);
    let reads = 0;
    const counting = new Proxy(policies, {
      get(target, key) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key) as unknown;
      },
    });
    expect(chooseTopK(n, [{ policies: counting, length }], length - 1, [], 1)).toEqual([0]);
    expect(reads).toBeLessThanOrEqual(RANK_ROWS * n);
  });
});

describe('unionTop', () => {
  it('gives every response, in order, when n fits (n = 3)', () => {
    expect(
      unionTop(
        [
          [0.2, 0.5, 0.3],
          [1 / 3, 1 / 3, 1 / 3],
          [0.9, 0.05, 0.05],
        ],
        3,
      ),
    ).toEqual([0, 1, 2]);
  });

  it('unions the top entries of each vector, sorted by their largest value, capped', () => {
    const n = 40;
    const a = Array.from({ length: n }, (_, i) => (i < 5 ? 0.15 - i * 0.01 : 0.01));
    const b = Array.from({ length: n }, (_, i) => (i >= 35 ? 0.19 : 0.001));
    const c = Array.from({ length: n }, (_, i) => (i === 20 ? 0.99 : 0.0001));
    const u = unionTop([a, b, c], n, 9);
    expect(u.length).toBeLessThanOrEqual(9);
    expect(u[0]).toBe(20);
    expect(u).toContain(0);
    expect(u).toContain(35);
    const peak = (i: number) => Math.max(a[i], b[i], c[i]);
    for (let j = 1; j < u.length; j++) expect(peak(u[j - 1])).toBeGreaterThanOrEqual(peak(u[j]));
  });

  it('leaves out the zeros of a sparse vector (no y1, y2, … at 0)', () => {
    const n = 30;
    const nash = Array.from({ length: n }, (_, i) => (i === 10 ? 0.6 : i === 20 ? 0.4 : 0));
    const star = Array.from({ length: n }, (_, i) => (i === 10 ? 0.5 : i === 20 ? 0.3 : 0.2 / 28));
    const u = unionTop([star, nash, nash], n, 15);
    expect(u.slice(0, 2)).toEqual([10, 20]);
    expect(u.every((i) => star[i] > 0)).toBe(true);
    expect(unionTop([new Array<number>(n).fill(0)], n)).toEqual([]);
  });

  it('property: at most the cap, no duplicates, each vector’s argmax included', () => {
    fc.assert(
      fc.property(fc.integer({ min: 16, max: 120 }), fc.integer({ min: 1, max: 1000 }), (n, seed) => {
        let x = seed;
        const rnd = () => (x = (x * 16807) % 2147483647) / 2147483647;
        const vs = [0, 1, 2].map(() => Array.from({ length: n }, rnd));
        const u = unionTop(vs, n);
        expect(u.length).toBeLessThanOrEqual(BARS_MAX);
        expect(new Set(u).size).toBe(u.length);
        for (const v of vs) expect(u).toContain(topIndices(v, 1)[0]);
      }),
      { numRuns: 50 },
    );
  });
});

describe('accumulatePeaks', () => {
  it('keeps each response’s maximum over the rows given', () => {
    const scores = new Float64Array(2).fill(-Infinity);
    accumulatePeaks(scores, [0.1, 0.9, 0.7, 0.3, 0.95, 0.05], 2, [0, 1]);
    expect(Array.from(scores)).toEqual([0.7, 0.9]);
  });
});

describe('niceMax', () => {
  it('rounds up to a readable bound, never above 1', () => {
    expect(niceMax(0.67)).toBe(0.8);
    expect(niceMax(0.0031)).toBeCloseTo(0.004, 15);
    expect(niceMax(0.2)).toBeCloseTo(0.25, 15);
    expect(niceMax(0.99)).toBe(1);
    expect(niceMax(0)).toBe(1);
  });

  it('property: max ≤ bound ≤ 1, and not more than twice max (when below 1/2)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-9, max: 1, noNaN: true }), (m) => {
        const b = niceMax(m);
        expect(b).toBeGreaterThanOrEqual(m);
        expect(b).toBeLessThanOrEqual(1);
        if (m < 0.5) expect(b).toBeLessThanOrEqual(2 * m * 1.04 + 1e-15);
      }),
    );
  });
});
