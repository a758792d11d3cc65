import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Corners } from './types.ts';
import {
  MIN_WEIGHT,
  SQRT3_2,
  baryToPolicy,
  baryToXY,
  projectToSimplex,
  thinIndices,
  toBarycentric,
  xyToBary,
} from './ternary.ts';

const SINGLE: Corners = [[0], [1], [2]];
const close = (a: ArrayLike<number>, b: ArrayLike<number>, digits = 9) => {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++) expect(a[i]).toBeCloseTo(b[i], digits);
};

/** Random point of the open simplex Δ_3. */
const bary = fc
  .tuple(
    fc.double({ min: 0.01, max: 1, noNaN: true }),
    fc.double({ min: 0.01, max: 1, noNaN: true }),
    fc.double({ min: 0.01, max: 1, noNaN: true }),
  )
  .map(([a, b, c]) => [a / (a + b + c), b / (a + b + c), c / (a + b + c)] as const);

describe('toBarycentric', () => {
  it('is the identity for n = 3 with single-response corners', () => {
    close(toBarycentric([0.2, 0.3, 0.5], SINGLE), [0.2, 0.3, 0.5]);
  });

  it('sums the responses of each corner group', () => {
    close(toBarycentric([0.1, 0.2, 0.3, 0.15, 0.25], [[0], [1], [2, 3, 4]]), [0.1, 0.2, 0.7]);
    close(toBarycentric([0.1, 0.2, 0.3, 0.4], [[3], [0, 2], [1]]), [0.4, 0.4, 0.2]);
  });

  it('reads a row of a row-major buffer at an offset', () => {
    close(toBarycentric(new Float64Array([1, 0, 0, 0.2, 0.3, 0.5]), SINGLE, 3), [0.2, 0.3, 0.5]);
  });

  it('ignores responses in no corner and renormalises', () => {
    close(toBarycentric([0.1, 0.1, 0.2, 0.6], SINGLE), [0.25, 0.25, 0.5]);
  });

  it('puts a policy with no mass on the corners at the centroid', () => {
    close(toBarycentric([0, 0, 0, 1], SINGLE), [1 / 3, 1 / 3, 1 / 3]);
    close(toBarycentric([0.5, 0.5], [[], [], []]), [1 / 3, 1 / 3, 1 / 3]);
  });
});

describe('baryToXY / xyToBary', () => {
  const side = 300;

  it('maps the corners and the centroid', () => {
    close(baryToXY([1, 0, 0], side), [0, side * SQRT3_2]);
    close(baryToXY([0, 1, 0], side), [side, side * SQRT3_2]);
    close(baryToXY([0, 0, 1], side), [side / 2, 0]);
    close(baryToXY([1 / 3, 1 / 3, 1 / 3], side), [side / 2, (side * SQRT3_2 * 2) / 3]);
  });

  it('round-trips inside the simplex (up to the MIN_WEIGHT shrink)', () => {
    fc.assert(
      fc.property(bary, (w) => {
        const [x, y] = baryToXY(w, side);
        const back = xyToBary(x, y, side);
        for (let k = 0; k < 3; k++) expect(Math.abs(back[k] - w[k])).toBeLessThan(4 * MIN_WEIGHT);
      }),
    );
  });

  it('round-trips xy → bary → xy for points inside the triangle', () => {
    const [x, y] = baryToXY([0.2, 0.5, 0.3], side);
    const [x2, y2] = baryToXY(xyToBary(x, y, side), side);
    expect(Math.hypot(x2 - x, y2 - y)).toBeLessThan(side * 4 * MIN_WEIGHT);
  });

  it('clamps points outside the triangle to its nearest point, strictly positive, summing to 1', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -500, max: 800, noNaN: true }),
        fc.double({ min: -500, max: 800, noNaN: true }),
        (x, y) => {
          const w = xyToBary(x, y, side);
          expect(w[0] + w[1] + w[2]).toBeCloseTo(1, 12);
          for (const v of w) expect(v).toBeGreaterThanOrEqual(MIN_WEIGHT - 1e-15);
        },
      ),
    );
    // Far below the base, in the middle: the midpoint of the bottom edge.
    const w = xyToBary(side / 2, side * 5, side);
    close(w, [0.5, 0.5, 0], 3);
    // Far below-left of the bottom-left corner: snapped to that corner.
    close(xyToBary(-1000, side * SQRT3_2 + 1000, side), [1, 0, 0], 3);
  });

  it('returns the centroid for degenerate input', () => {
    close(xyToBary(NaN, 1, side), [1 / 3, 1 / 3, 1 / 3]);
    close(xyToBary(1, 1, 0), [1 / 3, 1 / 3, 1 / 3]);
  });
});

describe('projectToSimplex', () => {
  it('leaves simplex points alone and projects others', () => {
    close(projectToSimplex([0.2, 0.3, 0.5]), [0.2, 0.3, 0.5]);
    close(projectToSimplex([2, 0, 0]), [1, 0, 0]);
    close(projectToSimplex([0.5, 0.5, -1]), [0.5, 0.5, 0]);
  });
});

describe('baryToPolicy', () => {
  it('gives corners[k][0] the weight w_k for single-response corners, in response order', () => {
    expect(baryToPolicy([0.2, 0.3, 0.5], [[2], [0], [1]], 3)).toEqual([0.3, 0.5, 0.2]);
  });

  it('shares a group weight equally', () => {
    close(baryToPolicy([0.2, 0.2, 0.6], [[0], [1], [2, 3, 4]], 5), [0.2, 0.2, 0.2, 0.2, 0.2]);
  });
});

describe('thinIndices', () => {
  it('keeps everything when short enough', () => {
    expect(thinIndices(5, 10)).toEqual([0, 1, 2, 3, 4]);
    expect(thinIndices(1, 10)).toEqual([0]);
    expect(thinIndices(0, 10)).toEqual([]);
  });

  it('keeps first and last, never exceeds maxPoints, strictly increasing', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 2, max: 3000 }), (length, maxPoints) => {
        const idx = thinIndices(length, maxPoints);
        expect(idx.length).toBeLessThanOrEqual(maxPoints);
        expect(idx[0]).toBe(0);
        expect(idx[idx.length - 1]).toBe(length - 1);
        for (let i = 1; i < idx.length; i++) expect(idx[i]).toBeGreaterThan(idx[i - 1]);
        // Not wastefully sparse: at least a quarter of the budget once thinning kicks in.
        expect(idx.length).toBeGreaterThanOrEqual(Math.min(length, Math.floor(maxPoints / 4)));
      }),
    );
  });

  it('keeps the same rows while a run grows (stable stride)', () => {
    const a = thinIndices(2000, 1500);
    const b = thinIndices(2500, 1500);
    expect(b.slice(0, -1).every((i) => a.includes(i) || i > 1999)).toBe(true);
  });

  it('handles tiny budgets', () => {
    expect(thinIndices(100, 1)).toEqual([99]);
    expect(thinIndices(100, 0)).toEqual([]);
    expect(thinIndices(100, 2)).toEqual([0, 99]);
  });
});
