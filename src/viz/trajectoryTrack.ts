/**
 * One algorithm's trajectory on the simplex, kept across frames (see simplexTrajectories.ts): the
 * projected screen position of every row drawn so far (also used for hover), a streaming
 * `PathThinner` over them, and how many of its vertices are already on the canvas. While a run
 * plays (rows appended, same projection) only the new rows are projected and thinned.
 */
import { seriesKey, timeAt } from '../shared/seriesRows.ts';
import { SQRT3_2 } from './ternary.ts';
import { DEFAULT_TOLERANCE, PathThinner, thinPath } from './thinPath.ts';
import { SeriesPrefix } from './thinPathSeries.ts';
import type { CoverageGrid } from './thinPathCoverage.ts';
import type { Corners, SeriesData } from './types.ts';

/** Exports keep every row up to this many; longer paths are thinned, at a tolerance far below a pixel. */
const EXPORT_ALL_ROWS = 5000;
const EXPORT_TOLERANCE = 0.05;

function growF64(a: Float64Array<ArrayBuffer>, needed: number): Float64Array<ArrayBuffer> {
  if (a.length >= needed) return a;
  const next = new Float64Array(Math.max(needed, Math.ceil(a.length * 1.6), 256));
  next.set(a);
  return next;
}

/** Screen positions of rows [from, to) of a row-major policy buffer (toBarycentric, allocation-free). */
function projectRows(
  policies: Float64Array,
  n: number,
  corners: Corners,
  side: number,
  from: number,
  to: number,
  xs: Float64Array,
  ys: Float64Array,
): void {
  const [g0, g1, g2] = corners;
  const h = side * SQRT3_2;
  for (let r = from; r < to; r++) {
    const o = r * n;
    let w0 = 0;
    let w1 = 0;
    let w2 = 0;
    for (const i of g0) if (policies[o + i] > 0) w0 += policies[o + i];
    for (const i of g1) if (policies[o + i] > 0) w1 += policies[o + i];
    for (const i of g2) if (policies[o + i] > 0) w2 += policies[o + i];
    const sum = w0 + w1 + w2;
    if (!(sum > 0) || !Number.isFinite(sum)) {
      w0 = w1 = w2 = 1 / 3;
    } else {
      w1 /= sum;
      w2 /= sum;
    }
    xs[r] = side * (w1 + w2 / 2);
    ys[r] = h * (1 - w2);
  }
}

/** One algorithm's cached projection, thinned path and drawing progress. */
export class Track {
  xs: Float64Array<ArrayBuffer> = new Float64Array(0);
  ys: Float64Array<ArrayBuffer> = new Float64Array(0);
  /** Rows 0..projected−1 have screen positions. */
  projected = 0;
  /** Row of the current point (the last drawn row). */
  cur = -1;
  series: SeriesData;
  readonly thinner = new PathThinner(DEFAULT_TOLERANCE);
  /** Path length up to each vertex (for dash offsets of appended segments). */
  cum: Float64Array<ArrayBuffer> = new Float64Array(0);
  /** Vertices already stroked onto the canvas (or culled), and whether the last segment was drawn. */
  drawnVertices = 0;
  lastDrawn = false;
  /** Pixels this track's line has inked, in canvas px (null until the next full redraw). */
  grid: CoverageGrid | null = null;
  private readonly prefix = new SeriesPrefix();
  private projectionKey = '';
  /** Vertices whose `cum` is computed. */
  private cumDone = 0;

  constructor(series: SeriesData) {
    this.series = series;
  }

  get algorithm() {
    return this.series.algorithm;
  }

  /** Whether the track draws the run's average iterates (SeriesData.average). */
  get average() {
    return this.series.average === true;
  }

  /** Its series' identity (seriesKey): the algorithm, or the algorithm's average. */
  get key() {
    return seriesKey(this.series);
  }

  /** Brings the track to rows 0..cur of `s`; returns false when its canvas drawing is invalid. */
  sync(s: SeriesData, n: number, corners: Corners, cornersKey: string, side: number, cur: number): boolean {
    let valid = true;
    const key = `${side}|${cornersKey}|${n}`;
    if (key !== this.projectionKey || !this.prefix.check(s, n, this.projected)) {
      this.projectionKey = key;
      this.prefix.forget();
      this.projected = 0;
      valid = false;
    }
    this.series = s;
    if (cur + 1 > this.projected) {
      this.xs = growF64(this.xs, cur + 1);
      this.ys = growF64(this.ys, cur + 1);
      projectRows(s.policies, n, corners, side, this.projected, cur + 1, this.xs, this.ys);
      this.projected = cur + 1;
      this.prefix.record(s, n, this.projected);
    }
    if (!valid || cur < this.thinner.count - 1) {
      this.thinner.reset();
      valid = false;
    }
    for (let r = this.thinner.count; r <= cur; r++) this.thinner.push(this.xs[r], this.ys[r], r);
    this.thinner.commit(true);
    this.cur = cur;
    const v = this.thinner.vertices;
    this.cum = growF64(this.cum, v.length);
    if (!valid) this.cumDone = 0;
    if (v.length) this.cum[0] = 0;
    for (let j = Math.max(1, this.cumDone); j < v.length; j++) {
      const a = v.at(j - 1);
      const b = v.at(j);
      this.cum[j] = this.cum[j - 1] + Math.hypot(this.xs[b] - this.xs[a], this.ys[b] - this.ys[a]);
    }
    this.cumDone = v.length;
    if (!valid) this.drawnVertices = 0;
    return valid;
  }

  /** Iterations drawn: the current row's iteration + 1. */
  iterations(): number {
    return this.cur >= 0 ? timeAt(this.series, this.cur) + 1 : 0;
  }

  /** Row indices of the path for a vector export: every row when short, else finely thinned. */
  exportRows(): number[] {
    const count = this.cur + 1;
    if (count <= EXPORT_ALL_ROWS) return Array.from({ length: count }, (_, i) => i);
    return thinPath(this.xs, this.ys, EXPORT_TOLERANCE, count);
  }
}
