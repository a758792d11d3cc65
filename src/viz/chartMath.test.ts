import { describe, expect, it } from 'vitest';
import {
  clampLog,
  curveSamples,
  envelopeColumns,
  envelopeRows,
  estimateTextWidth,
  formatPowerOfTen,
  formatScientific,
  gridColumns,
  layoutLegend,
  logDomainExponents,
  logTickExponents,
  niceProbabilityMax,
  superscript,
  theoremBound,
  thinRows,
  wrapWords,
} from './chartMath.ts';

const isStrictlyIncreasing = (xs: number[]) => xs.every((x, i) => i === 0 || x > xs[i - 1]);

describe('thinRows', () => {
  it('returns every row when there are few', () => {
    expect(thinRows(0, 10)).toEqual([]);
    expect(thinRows(1, 10)).toEqual([0]);
    expect(thinRows(5, 10)).toEqual([0, 1, 2, 3, 4]);
    expect(thinRows(10, 10)).toHaveLength(10);
  });

  it('caps the count and keeps the first and last rows, in order', () => {
    for (const count of [11, 401, 1001, 1234, 20_001, 123_457]) {
      for (const max of [2, 3, 400, 1000]) {
        const rows = thinRows(count, max);
        expect(rows.length).toBeLessThanOrEqual(max);
        expect(rows[0]).toBe(0);
        expect(rows[rows.length - 1]).toBe(count - 1);
        expect(isStrictlyIncreasing(rows)).toBe(true);
      }
    }
  });

  it('spaces rows evenly (one stride) except before the last row', () => {
    const rows = thinRows(5000, 1000);
    const gaps = rows.slice(1, -1).map((r, i) => r - rows[i]);
    expect(new Set(gaps).size).toBe(1);
    expect(rows.length).toBeGreaterThan(400);
  });

  it('keeps the same rows while the count grows (no shimmer during playback)', () => {
    const a = thinRows(3000, 1000);
    const b = thinRows(3100, 1000);
    expect(b.slice(0, a.length - 1)).toEqual(a.slice(0, -1));
  });
});

describe('envelopeRows', () => {
  it('returns every row when there are few', () => {
    expect(envelopeRows(4, 10, new Float64Array(4))).toEqual([0, 1, 2, 3]);
  });

  it('caps the count, keeps ends, and keeps the extremes of an oscillation', () => {
    const period = 37;
    const value = (r: number) => Math.sin((2 * Math.PI * r) / period);
    for (const count of [1001, 20_001]) {
      const data = Float64Array.from({ length: count }, (_, r) => value(r));
      const rows = envelopeRows(count, 1000, data);
      expect(rows.length).toBeLessThanOrEqual(1000);
      expect(rows[0]).toBe(0);
      expect(rows[rows.length - 1]).toBe(count - 1);
      expect(isStrictlyIncreasing(rows)).toBe(true);
      const vals = rows.map(value);
      expect(Math.max(...vals)).toBeGreaterThan(0.98);
      expect(Math.min(...vals)).toBeLessThan(-0.98);
      // scanning every row finds the exact extremes
      const exact = envelopeRows(count, 1000, data, Infinity).map(value);
      expect(Math.max(...exact)).toBeGreaterThan(0.995);
    }
  });

  it('reads one column of a row-major matrix with offset and step', () => {
    const n = 3;
    const count = 5000;
    const data = new Float64Array(count * n);
    for (let r = 0; r < count; r++) data[r * n + 1] = r === 1234 ? 9 : r === 3210 ? -9 : 0;
    const cols = envelopeColumns(count, 100, data, n, Infinity);
    expect(cols).toHaveLength(n);
    expect(cols[1].length).toBeLessThanOrEqual(100);
    expect(cols[1]).toContain(1234);
    expect(cols[1]).toContain(3210);
    // a constant column keeps one row per bucket, plus both ends
    expect(cols[0][0]).toBe(0);
    expect(cols[0][cols[0].length - 1]).toBe(count - 1);
    expect(isStrictlyIncreasing(cols[0])).toBe(true);
    // with probes, the cost is bounded: the sampled rows are still valid and ordered
    const probed = envelopeColumns(count, 100, data, n, 4);
    expect(probed[1].length).toBeLessThanOrEqual(100);
    expect(isStrictlyIncreasing(probed[1])).toBe(true);
    expect(envelopeColumns(3, 100, data, n)).toEqual([
      [0, 1, 2],
      [0, 1, 2],
      [0, 1, 2],
    ]);
    expect(envelopeColumns(0, 100, data, 2)).toEqual([[], []]);
  });
});

describe('log axis helpers', () => {
  it('clamps to the floor and turns non-finite values into NaN', () => {
    expect(clampLog(0)).toBe(1e-16);
    expect(clampLog(1e-20)).toBe(1e-16);
    expect(clampLog(0.5)).toBe(0.5);
    expect(clampLog(Number.NaN)).toBeNaN();
    expect(clampLog(Number.POSITIVE_INFINITY)).toBeNaN();
  });

  it('pads the domain to whole decades, at least two', () => {
    expect(logDomainExponents(1e-3, 0.5)).toEqual([-4, 0]);
    expect(logDomainExponents(0.2, 0.3)).toEqual([-2, 0]);
    // a value exactly on a decade is padded away from the frame
    expect(logDomainExponents(1e-6, 1)).toEqual([-7, 1]);
    expect(logDomainExponents(1e-16, 1e-16)).toEqual([-17, -15]);
    const [lo, hi] = logDomainExponents(3e-9, 7e-2);
    expect(10 ** lo).toBeLessThan(3e-9);
    expect(10 ** hi).toBeGreaterThan(7e-2);
  });

  it('falls back to a default domain without data', () => {
    expect(logDomainExponents(Number.NaN, 1)).toEqual([-6, 0]);
    expect(logDomainExponents(0, 0)).toEqual([-6, 0]);
    expect(logDomainExponents(Infinity, Infinity)).toEqual([-6, 0]);
  });

  it('chooses decade ticks on multiples of a step, at most maxTicks', () => {
    expect(logTickExponents(-4, 0, 6)).toEqual([-4, -3, -2, -1, 0]);
    const many = logTickExponents(-17, 1, 5);
    expect(many.length).toBeLessThanOrEqual(5);
    expect(many.every((e) => e % 5 === 0)).toBe(true);
    expect(logTickExponents(-3, -1, 1)).toEqual([-2]);
  });

  it('formats powers of ten with superscripts', () => {
    expect(superscript(-16)).toBe('⁻¹⁶');
    expect(superscript(0)).toBe('⁰');
    expect(formatPowerOfTen(-6)).toBe('10⁻⁶');
    expect(formatPowerOfTen(2)).toBe('10²');
  });
});

describe('layout helpers', () => {
  it('rounds probability maxima up to round values', () => {
    expect(niceProbabilityMax(0)).toBe(0.05);
    expect(niceProbabilityMax(0.09)).toBe(0.1);
    expect(niceProbabilityMax(0.1)).toBe(0.2);
    expect(niceProbabilityMax(0.55)).toBe(0.6);
    expect(niceProbabilityMax(0.999)).toBe(1);
  });

  it('picks 1–4 grid columns from the width', () => {
    expect(gridColumns(600, 12)).toBe(4);
    expect(gridColumns(360, 12)).toBe(2);
    expect(gridColumns(100, 12)).toBe(1);
    expect(gridColumns(1200, 3)).toBe(3);
  });

  it('wraps legend entries that do not fit', () => {
    expect(layoutLegend([50, 50, 50], 200, 10)).toEqual({
      slots: [
        { x: 0, row: 0 },
        { x: 60, row: 0 },
        { x: 120, row: 0 },
      ],
      rows: 1,
    });
    const wrapped = layoutLegend([80, 80, 80], 200, 10);
    expect(wrapped.rows).toBe(2);
    expect(wrapped.slots[2]).toEqual({ x: 0, row: 1 });
    expect(layoutLegend([], 100, 5).rows).toBe(0);
    expect(estimateTextWidth('OMD', 10)).toBeCloseTo(18);
  });

  it('evaluates the Theorem 1 bound', () => {
    expect(theoremBound(0, 1)).toBe(8);
    expect(theoremBound(9, 0.5)).toBeCloseTo(3.2);
    expect(theoremBound(5, 0)).toBe(Number.POSITIVE_INFINITY);
  });

  it('samples curves densely near zero and covers the range', () => {
    const s = curveSamples(20_000);
    expect(s[0]).toBe(0);
    expect(s[s.length - 1]).toBe(20_000);
    expect(isStrictlyIncreasing(s)).toBe(true);
    expect(s.filter((v) => v <= 10).length).toBeGreaterThan(5);
    expect(curveSamples(0)).toEqual([0]);
  });
});

describe('formatScientific and wrapWords', () => {
  it('prints 3.2×10⁻¹⁶ (no "e-"), plain decimals in [0.01, 1000), and joins with the given joiner', () => {
    expect(formatScientific(3.2e-16)).toBe('3.2×10⁻¹⁶');
    expect(formatScientific(5.4366e-4, 1, '\u2060')).toBe('5.4\u2060×\u206010⁻⁴');
    expect(formatScientific(0.069)).toBe('0.069');
    expect(formatScientific(0)).toBe('0');
    expect(formatScientific(-2e-5)).toBe('−2.0×10⁻⁵');
  });

  it('wraps words greedily to a width', () => {
    const measure = (s: string) => s.length;
    expect(wrapWords('aa bb cc dd', 5, measure)).toEqual(['aa bb', 'cc dd']);
    expect(wrapWords('averylongword x', 4, measure)).toEqual(['averylongword', 'x']);
  });
});
