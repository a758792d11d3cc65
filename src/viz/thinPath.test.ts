import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ColumnEnvelope } from './columnEnvelope.ts';
import { PathThinner, maxDeviation, pointSegmentDistance, thinInterleaved, thinPath } from './thinPath.ts';
import { CoverageGrid } from './thinPathCoverage.ts';

/** Deterministic pseudo-random numbers (mulberry32). */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomWalk(count: number, step: number, seed: number) {
  const r = rng(seed);
  const xs = new Float64Array(count);
  const ys = new Float64Array(count);
  for (let i = 1; i < count; i++) {
    xs[i] = xs[i - 1] + (r() - 0.5) * 2 * step;
    ys[i] = ys[i - 1] + (r() - 0.5) * 2 * step;
  }
  return { xs, ys };
}

/** A Nash-MD-like spiral into a point: radius shrinking geometrically, angle turning per step. */
function spiral(count: number, radius: number, turn: number, decay: number) {
  const xs = new Float64Array(count);
  const ys = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const r = radius * Math.exp(-decay * i);
    xs[i] = 300 + r * Math.cos(turn * i);
    ys[i] = 300 + r * Math.sin(turn * i);
  }
  return { xs, ys };
}

/** Path length of the first `count` points. */
function lengthOf(xs: ArrayLike<number>, ys: ArrayLike<number>) {
  let len = 0;
  for (let i = 1; i < xs.length; i++) len += Math.hypot(xs[i] - xs[i - 1], ys[i] - ys[i - 1]);
  return len;
}

/** The exact one-way distance from every point to the whole thinned polyline. */
function maxDistanceToPolyline(xs: ArrayLike<number>, ys: ArrayLike<number>, kept: readonly number[]) {
  let worst = 0;
  for (let i = 0; i < xs.length; i++) {
    let best = Infinity;
    for (let j = 0; j + 1 < kept.length; j++) {
      const a = kept[j];
      const b = kept[j + 1];
      best = Math.min(best, pointSegmentDistance(xs[i], ys[i], xs[a], ys[a], xs[b], ys[b]));
    }
    if (kept.length === 1) best = Math.hypot(xs[i] - xs[kept[0]], ys[i] - ys[kept[0]]);
    worst = Math.max(worst, best);
  }
  return worst;
}

function checkThinned(xs: Float64Array, ys: Float64Array, tol: number) {
  const kept = thinPath(xs, ys, tol);
  expect(kept[0]).toBe(0);
  expect(kept[kept.length - 1]).toBe(xs.length - 1);
  for (let j = 1; j < kept.length; j++) expect(kept[j]).toBeGreaterThan(kept[j - 1]);
  // Each point against the segment of the thinned path that replaced it: a stronger property
  // than the distance to the whole polyline, and what the canvas draws.
  expect(maxDeviation(xs, ys, kept)).toBeLessThanOrEqual(tol);
  // Never more points than the screen can show: at most one per tolerance of path length.
  expect(kept.length).toBeLessThanOrEqual(Math.floor(lengthOf(xs, ys) / tol) + 2);
  return kept;
}

describe('thinPath', () => {
  it('keeps a single point and two points as they are', () => {
    expect(thinPath([5], [5])).toEqual([0]);
    expect(thinPath([0, 10], [0, 0])).toEqual([0, 1]);
    expect(thinPath([], [])).toEqual([]);
  });

  it('thins a straight line to its two ends', () => {
    const xs = Float64Array.from({ length: 10_000 }, (_, i) => i * 0.37);
    const ys = Float64Array.from({ length: 10_000 }, (_, i) => 5 + i * 0.11);
    expect(thinPath(xs, ys, 0.5)).toEqual([0, 9999]);
    expect(thinInterleaved([0, 0, 1, 1, 2, 2, 3, 3])).toEqual([0, 3]);
  });

  it('keeps the end of a line that turns back on itself', () => {
    // Out 100 px and back 50 px: a segment from the start to the end would miss the far point.
    const xs = [0, 25, 50, 75, 100, 75, 50];
    const ys = [0, 0, 0, 0, 0, 0, 0];
    const kept = thinPath(xs, ys, 0.5);
    expect(kept).toEqual([0, 4, 6]);
    expect(maxDistanceToPolyline(xs, ys, kept)).toBe(0);
  });

  it('stays within the tolerance on random walks, measured exactly', () => {
    for (const [step, tol] of [
      [0.05, 0.5],
      [0.3, 0.5],
      [2, 0.5],
      [0.2, 1],
    ] as const) {
      const { xs, ys } = randomWalk(5000, step, 7 + step * 100);
      const kept = checkThinned(xs, ys, tol);
      expect(maxDistanceToPolyline(xs, ys, kept)).toBeLessThanOrEqual(tol);
      if (step <= 0.3) expect(kept.length).toBeLessThan(xs.length / 3);
    }
  });

  it('draws Nash-MD spirals smoothly with few points', () => {
    // Fine steps (many points per pixel of arc) and coarse steps (several px per step).
    for (const [turn, decay] of [
      [0.01, 0.0002],
      [0.3, 0.002],
    ] as const) {
      const { xs, ys } = spiral(20_000, 200, turn, decay);
      const kept = checkThinned(xs, ys, 0.5);
      // Once the spiral has converged to within the tolerance, it adds no points.
      expect(kept.length).toBeLessThan(xs.length / 5);
      // The fast one is within 0.5 px of its centre after ~3,000 steps: no vertex after that.
      if (decay > 0.001) expect(kept[kept.length - 2]).toBeLessThan(xs.length / 4);
    }
  });

  it('is incremental: pushing in chunks with commits keeps the guarantee', () => {
    const { xs, ys } = spiral(30_000, 150, 0.05, 0.0001);
    const thinner = new PathThinner(0.5);
    for (let i = 0; i < xs.length; i++) {
      thinner.push(xs[i], ys[i], i);
      if (i % 17 === 0) thinner.commit(true);
    }
    thinner.commit();
    const kept = thinner.vertices.toArray();
    expect(kept[0]).toBe(0);
    expect(kept[kept.length - 1]).toBe(xs.length - 1);
    expect(maxDeviation(xs, ys, kept)).toBeLessThanOrEqual(0.5);
  });

  it('thins 3 × 100,000 points in well under a frame per 1,000 appended', () => {
    const { xs, ys } = spiral(100_000, 200, 0.3, 0.00005);
    const t0 = performance.now();
    for (let k = 0; k < 3; k++) thinPath(xs, ys, 0.5);
    // Generous for slow CI machines; typically ~10 ms for all three.
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it('property: first and last kept, deviation ≤ tolerance, bounded count', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.double({ min: -500, max: 500, noNaN: true }), fc.double({ min: -500, max: 500, noNaN: true })),
          { minLength: 1, maxLength: 300 },
        ),
        fc.double({ min: 0.05, max: 2, noNaN: true }),
        (points, tol) => {
          const xs = Float64Array.from(points, (p) => p[0]);
          const ys = Float64Array.from(points, (p) => p[1]);
          const kept = thinPath(xs, ys, tol);
          expect(kept[0]).toBe(0);
          expect(kept[kept.length - 1]).toBe(points.length - 1);
          expect(maxDeviation(xs, ys, kept)).toBeLessThanOrEqual(tol);
          expect(maxDistanceToPolyline(xs, ys, kept)).toBeLessThanOrEqual(tol);
          expect(kept.length).toBeLessThanOrEqual(Math.min(points.length, Math.floor(lengthOf(xs, ys) / tol) + 2));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('property: dense random walks inside a box shrink to what the box can show', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), fc.double({ min: 0.01, max: 0.2, noNaN: true }), (seed, step) => {
        const { xs, ys } = randomWalk(3000, step, seed);
        const kept = thinPath(xs, ys, 0.5);
        expect(maxDeviation(xs, ys, kept)).toBeLessThanOrEqual(0.5);
        expect(kept.length).toBeLessThanOrEqual(Math.floor(lengthOf(xs, ys) / 0.5) + 2);
      }),
      { numRuns: 50 },
    );
  });
});

describe('CoverageGrid', () => {
  it('skips a segment that retraces ink already drawn, and draws new ground', () => {
    const g = new CoverageGrid(100, 100);
    expect(g.add(10, 10, 90, 10)).toBe(true);
    expect(g.add(20, 10, 80, 10)).toBe(false);
    expect(g.add(20, 10.2, 80, 10.2)).toBe(false);
    expect(g.add(20, 14, 80, 14)).toBe(true);
    g.clear();
    expect(g.add(20, 10, 80, 10)).toBe(true);
  });

  it('treats a dashed line by its dashes: the gaps are not ink', () => {
    const g = new CoverageGrid(100, 100, [5, 5]);
    expect(g.add(0, 50, 99, 50, 0)).toBe(true);
    expect(g.add(0, 50, 99, 50, 0)).toBe(false);
    // The same line shifted by half a period puts dashes where the gaps were.
    expect(g.add(0, 50, 99, 50, 5)).toBe(true);
    // Points off the grid are never taken as covered.
    expect(g.add(-10, 50, 99, 50, 0)).toBe(true);
  });
});

describe('ColumnEnvelope', () => {
  it('keeps each bucket’s extremes, first and last row, at most 2 per bucket', () => {
    const data = Float64Array.from({ length: 10_001 }, (_, i) => Math.sin(i / 7) + (i === 5000 ? 10 : 0));
    const env = new ColumnEnvelope(100, data);
    const rows = env.rows(10_001);
    expect(rows[0]).toBe(0);
    expect(rows[rows.length - 1]).toBe(10_000);
    expect(rows).toContain(5000); // a one-row spike is never missed
    expect(rows.length).toBeLessThanOrEqual(2 * 100 + 2 + 2);
    for (let j = 1; j < rows.length; j++) expect(rows[j]).toBeGreaterThan(rows[j - 1]);
  });

  it('gives the same rows incrementally as from scratch', () => {
    const data = Float64Array.from({ length: 50_000 }, (_, i) => Math.cos(i / 13) * Math.exp(-i / 20_000));
    const live = new ColumnEnvelope(200, data);
    for (let count = 1; count <= 50_000; count += 997) live.rows(count);
    expect(live.rows(50_000)).toEqual(new ColumnEnvelope(200, data).rows(50_000));
  });

  it('reads columns of a row-major matrix and skips NaN', () => {
    const data = new Float64Array(3 * 1000);
    for (let r = 0; r < 1000; r++) {
      data[3 * r] = r;
      data[3 * r + 1] = r % 10 === 0 ? Number.NaN : -r;
    }
    const rows = new ColumnEnvelope(10, data, 3, 1).rows(1000);
    for (const r of rows.slice(1, -1)) expect(Number.isNaN(data[3 * r + 1])).toBe(false);
  });
});
