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
import { SEED_OPACITY, seriesStyle } from '../shared/palette.ts';
import { isSeedPath, seriesKey } from '../shared/seriesRows.ts';
import { scaleDash } from './chartMath.ts';
import { SQRT3_2 } from './ternary.ts';
import { CoverageGrid } from './thinPathCoverage.ts';
import { Track } from './trajectoryTrack.ts';
import type { Corners, FigureTheme, SeriesData } from './types.ts';

/** Paths with more thinned vertices than this are drawn with coverage culling (see draw()). */
const COVERAGE_MIN_VERTICES = 5000;

/** Trajectory line width in px at strokeScale 1. */
export const TRAJECTORY_WIDTH = 2;

function dashOf(s: SeriesData, theme: FigureTheme): number[] {
  const dash = scaleDash(seriesStyle(s).dash, theme.strokeScale);
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
  private byKey = new Map<string, Track>();
  /** Everything that, when changed, needs a clear and full redraw. */
  private geometryKey = '';
  private drawnSummary = '';
  private drawnRows = '';

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
    const seen = new Map<string, Track>();
    let allValid = true;
    for (const s of list) {
      if (s.length <= 0) continue;
      let track = this.byKey.get(seriesKey(s));
      if (!track) {
        track = new Track(s);
        allValid = false;
      }
      if (!track.sync(s, f.n, f.corners, cornersKey, f.side, f.rowOf(s))) allValid = false;
      next.push(track);
      seen.set(seriesKey(s), track);
    }
    const order = next.map((t) => t.key).join(',');
    const prevOrder = this.tracks.map((t) => t.key).join(',');
    this.tracks = next;
    this.byKey = seen;

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
    const summary = next.map((t) => `${t.key}:${t.iterations()}`).join(' ');
    if (summary !== this.drawnSummary) this.node.dataset.drawn = this.drawnSummary = summary;
    // And the rows each path is drawn through: fewer than the iterations once a history is thinned.
    const rows = next.map((t) => `${t.key}:${t.cur + 1}`).join(' ');
    if (rows !== this.drawnRows) this.node.dataset.rows = this.drawnRows = rows;
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
    ctx.lineJoin = 'round';
    ctx.lineCap = 'butt';
    let alpha = 1;
    for (const t of this.tracks) {
      const v = t.thinner.vertices;
      if (t.drawnVertices >= v.length) continue;
      const style = seriesStyle(t.series);
      const width = TRAJECTORY_WIDTH * f.theme.strokeScale * style.width;
      ctx.lineWidth = width;
      const dash = dashOf(t.series, f.theme);
      // Culling pays off only for long paths that circle over themselves; a short path is
      // stroked whole (allocating and marking the grid would cost more than the drawing saves).
      const cull = t.grid !== null || v.length > COVERAGE_MIN_VERTICES;
      if (cull) t.grid ??= new CoverageGrid(w, h, dash);
      ctx.strokeStyle = ctx.fillStyle = style.color;
      // A seed of a sampled run's bundle is faint: the bundle shows the spread, not each seed.
      // (Set only when it changes: the canvas state of a figure without a bundle stays as it was.)
      const a = isSeedPath(t.series) ? SEED_OPACITY : 1;
      if (a !== alpha) ctx.globalAlpha = alpha = a;
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
    if (alpha !== 1) ctx.globalAlpha = 1;
  }

  /** The current point of a track (its last projected row ≤ t). */
  static current(t: Track): [number, number] {
    return [t.xs[t.cur], t.ys[t.cur]];
  }

  /** The tracks that get a current-point marker and hover: all but the seeds of a bundle. */
  get markedTracks(): Track[] {
    return this.tracks.filter((t) => !isSeedPath(t.series));
  }

  destroy(): void {
    this.node.remove();
  }
}
