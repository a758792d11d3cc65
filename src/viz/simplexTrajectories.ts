/**
 * The trajectories layer of the simplex plot: one canvas, the thinned paths of every algorithm.
 *
 * Per algorithm a `Track` keeps, across frames, the projected screen position of every row drawn
 * so far (also used for hover), a streaming `PathThinner` over them, and how many of its vertices
 * are already on the canvas. While a run plays (rows appended, same projection) each frame
 * projects and thins only the new rows and strokes only the new segments onto the canvas; the
 * canvas is cleared and redrawn only when the projection, the data before t, the set of
 * algorithms or the size change, or t moves backwards. Segments that would only ink pixels the
 * same line has inked already are skipped (thinPathCoverage.ts): a run circling for 100,000 steps
 * draws a few hundred segments, not 100,000. The canvas covers the triangle only, so the layer the
 * compositor uploads per frame is as small as it can be.
 */
import { ALGORITHM_STYLE } from './palette.ts';
import { timeAt } from './seriesRows.ts';
import { scaleDash } from './chartMath.ts';
import { SQRT3_2 } from './ternary.ts';
import { DEFAULT_TOLERANCE, PathThinner, thinPath } from './thinPath.ts';
import { SeriesPrefix } from './thinPathSeries.ts';
import { CoverageGrid } from './thinPathCoverage.ts';

/** Paths with more thinned vertices than this are drawn with coverage culling (see draw()). */
const COVERAGE_MIN_VERTICES = 5000;
import type { Corners, FigureTheme, SeriesData } from './types.ts';

/** Trajectory line width in px at strokeScale 1. */
export const TRAJECTORY_WIDTH = 2;
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
export function projectRows(policies: Float64Array, n: number, corners: Corners, side: number, from: number, to: number, xs: Float64Array, ys: Float64Array): void {
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

function dashOf(algorithm: SeriesData['algorithm'], theme: FigureTheme): number[] {
  const dash = scaleDash(ALGORITHM_STYLE[algorithm].dash, theme.strokeScale);
  return dash ? dash.split(/[ ,]+/).map(Number) : [];
}

/** Whether position `pos` along a path falls on an "on" stretch of the dash pattern. */
function onDash(dash: readonly number[], pos: number): boolean {
  if (!dash.length) return true;
  const pattern = dash.length % 2 ? [...dash, ...dash] : dash;
  const total = pattern.reduce((a, b) => a + b, 0);
  if (!(total > 0)) return true;
  let p = pos % total;
  for (let i = 0; i < pattern.length; i++) {
    if (p < pattern[i]) return i % 2 === 0;
    p -= pattern[i];
  }
  return true;
}

export interface TrajectoryFrame {
  series: readonly SeriesData[];
  n: number;
  corners: Corners;
  t: number;
  side: number;
  /** Triangle origin in figure px. */
  ox: number;
  oy: number;
  theme: FigureTheme;
  /** Row of iteration t in a series. */
  rowOf(s: SeriesData): number;
}

export class TrajectoryCanvas {
  readonly node: HTMLCanvasElement;
  private readonly ctx: CanvasRenderingContext2D | null;
  tracks: Track[] = [];
  private byAlgorithm = new Map<SeriesData['algorithm'], Track>();
  /** Everything that, when changed, needs a clear and full redraw. */
  private geometryKey = '';
  private drawnSummary = '';

  constructor(parent: HTMLElement) {
    const c = document.createElement('canvas');
    c.setAttribute('aria-hidden', 'true');
    c.setAttribute('data-testid', 'trajectories');
    c.style.position = 'absolute';
    c.style.left = '0';
    c.style.top = '0';
    c.style.pointerEvents = 'none';
    parent.appendChild(c);
    this.node = c;
    this.ctx = c.getContext('2d');
  }

  /** `list` in draw order (solid lines first). Draws what changed since the last call. */
  update(f: TrajectoryFrame, list: readonly SeriesData[]): void {
    const cornersKey = JSON.stringify(f.corners);
    const next: Track[] = [];
    const seen = new Map<SeriesData['algorithm'], Track>();
    let allValid = true;
    for (const s of list) {
      if (s.length <= 0) continue;
      let track = this.byAlgorithm.get(s.algorithm);
      if (!track) {
        track = new Track(s);
        allValid = false;
      }
      if (!track.sync(s, f.n, f.corners, cornersKey, f.side, f.rowOf(s))) allValid = false;
      next.push(track);
      seen.set(s.algorithm, track);
    }
    const order = next.map((t) => t.algorithm).join(',');
    const prevOrder = this.tracks.map((t) => t.algorithm).join(',');
    this.tracks = next;
    this.byAlgorithm = seen;

    const dpr = window.devicePixelRatio || 1;
    const m = Math.ceil(4 * f.theme.strokeScale);
    const w = Math.ceil(f.side + 2 * m);
    const h = Math.ceil(f.side * SQRT3_2 + 2 * m);
    const left = Math.round(f.ox - m);
    const top = Math.round(f.oy - m);
    const geometry = `${w}x${h}@${left},${top}*${dpr}|${f.theme.strokeScale}`;
    let full = !allValid || order !== prevOrder;
    if (geometry !== this.geometryKey) {
      this.geometryKey = geometry;
      this.node.width = Math.round(w * dpr);
      this.node.height = Math.round(h * dpr);
      this.node.style.width = `${w}px`;
      this.node.style.height = `${h}px`;
      this.node.style.transform = `translate(${left}px,${top}px)`;
      full = true;
    }
    this.draw(f, full, dpr, f.ox - left, f.oy - top);
    // What is drawn, for tests and benchmarks (a canvas has no DOM to inspect): iterations per algorithm.
    const summary = next.map((t) => `${t.algorithm}:${t.iterations()}`).join(' ');
    if (summary !== this.drawnSummary) this.node.dataset.drawn = this.drawnSummary = summary;
  }

  /** Forces a full redraw on the next update (e.g. after a re-layout). */
  invalidate(): void {
    this.geometryKey = '';
  }

  private draw(f: TrajectoryFrame, full: boolean, dpr: number, dx: number, dy: number): void {
    const ctx = this.ctx;
    if (!ctx) return;
    const w = this.node.width / dpr;
    const h = this.node.height / dpr;
    if (full) {
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, this.node.width, this.node.height);
      for (const t of this.tracks) {
        t.drawnVertices = 0;
        t.grid = null;
      }
    }
    ctx.setTransform(dpr, 0, 0, dpr, dx * dpr, dy * dpr);
    const width = TRAJECTORY_WIDTH * f.theme.strokeScale;
    ctx.lineWidth = width;
    ctx.lineJoin = 'round';
    ctx.lineCap = 'butt';
    for (const t of this.tracks) {
      const v = t.thinner.vertices;
      if (t.drawnVertices >= v.length) continue;
      const dash = dashOf(t.algorithm, f.theme);
      // Culling pays off only for long paths that circle over themselves; a short path is
      // stroked whole (allocating and marking the grid would cost more than the drawing saves).
      const cull = t.grid !== null || v.length > COVERAGE_MIN_VERTICES;
      if (cull) t.grid ??= new CoverageGrid(w, h, dash);
      ctx.strokeStyle = ctx.fillStyle = ALGORITHM_STYLE[t.algorithm].color;
      ctx.setLineDash(dash);
      // Appended segments continue from the last drawn vertex; segments that would only ink
      // pixels the line has inked already are skipped (coverage culling), which splits the
      // path into runs, each stroked with its own dash offset.
      let runStart = -1;
      const flush = (end: number) => {
        if (runStart < 0) return;
        ctx.lineDashOffset = t.cum[runStart];
        ctx.beginPath();
        ctx.moveTo(t.xs[v.at(runStart)], t.ys[v.at(runStart)]);
        for (let j = runStart + 1; j <= end; j++) ctx.lineTo(t.xs[v.at(j)], t.ys[v.at(j)]);
        ctx.stroke();
        runStart = -1;
      };
      for (let j = Math.max(1, t.drawnVertices); j < v.length; j++) {
        const a = v.at(j - 1);
        const b = v.at(j);
        const visible = !t.grid || t.grid.add(t.xs[a] + dx, t.ys[a] + dy, t.xs[b] + dx, t.ys[b] + dy, t.cum[j - 1]);
        if (visible && runStart < 0) {
          runStart = j - 1;
          // The round join with a segment drawn in an earlier frame is a disc at their vertex.
          if (j === t.drawnVertices && t.lastDrawn && onDash(dash, t.cum[j - 1])) {
            ctx.beginPath();
            ctx.arc(t.xs[a], t.ys[a], width / 2, 0, 2 * Math.PI);
            ctx.fill();
          }
        } else if (!visible) flush(j - 1);
        t.lastDrawn = visible;
      }
      flush(v.length - 1);
      t.drawnVertices = v.length;
    }
  }

  /** The current point of a track (its last projected row ≤ t). */
  static current(t: Track): [number, number] {
    return [t.xs[t.cur], t.ys[t.cur]];
  }

  destroy(): void {
    this.node.remove();
  }
}
