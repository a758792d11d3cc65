/**
 * Coverage culling of a thinned path that keeps revisiting the same pixels (OMD circling π*_τ for
 * 100,000 steps draws the same ring thousands of times). Tolerance thinning cannot shorten such
 * a path (each step is many pixels long), but once a stretch of screen is inked by the line,
 * drawing it again changes nothing the screen can show.
 *
 * A `CoverageGrid` samples each segment every cell (cells of 0.5 px by default) and marks
 * the cells its inked samples (the "on" parts of a dash pattern) fall in. A segment whose every
 * inked sample lands in an already marked cell is redundant: each of its inked points is within
 * √2·cell + cell/2 (0.96 px for 0.5 px cells) of a point of an earlier drawn segment, i.e. under
 * ink already drawn.
 * Pure (no DOM); work per segment is proportional to its length in cells.
 */

export class CoverageGrid {
  private cells: Uint8Array;
  private readonly cols: number;
  private readonly rows: number;
  private readonly inv: number;
  private readonly step: number;
  private readonly pattern: number[];
  private readonly period: number;

  /**
   * A grid over [0, width) × [0, height) (points outside are never covered, so always drawn).
   * `dash`: the line's dash pattern (canvas setLineDash form), [] for a solid line.
   */
  constructor(width: number, height: number, dash: readonly number[] = [], cell = 0.5) {
    this.inv = 1 / cell;
    this.step = cell;
    this.cols = Math.max(1, Math.ceil(width * this.inv));
    this.rows = Math.max(1, Math.ceil(height * this.inv));
    this.cells = new Uint8Array(this.cols * this.rows);
    this.pattern = dash.length % 2 ? [...dash, ...dash] : [...dash];
    this.period = this.pattern.reduce((a, b) => a + b, 0);
  }

  clear(): void {
    this.cells.fill(0);
  }

  /**
   * Segment a → b, starting `start` px along the path (for the dash phase). Marks the cells of its
   * inked samples and returns whether any of them was unmarked (the segment adds ink). One pass:
   * marking a redundant segment's cells changes nothing.
   */
  add(ax: number, ay: number, bx: number, by: number, start = 0): boolean {
    const len = Math.hypot(bx - ax, by - ay);
    const k = Math.max(1, Math.ceil(len / this.step));
    const ds = len / k;
    const inv = this.inv;
    const sx = ((bx - ax) / k) * inv;
    const sy = ((by - ay) / k) * inv;
    let x = ax * inv;
    let y = ay * inv;
    const { cols, rows, cells, pattern } = this;
    const dashed = this.period > 0;
    // Dash phase: index into the pattern and what is left of that entry.
    let di = 0;
    let left = 0;
    if (dashed) {
      let p = start % this.period;
      while (p >= pattern[di]) {
        p -= pattern[di];
        di = (di + 1) % pattern.length;
      }
      left = pattern[di] - p;
    }
    let fresh = false;
    for (let i = 0; i <= k; i++) {
      if (!dashed || di % 2 === 0) {
        const c = Math.floor(x);
        const r = Math.floor(y);
        if (c < 0 || r < 0 || c >= cols || r >= rows) fresh = true;
        else {
          const idx = r * cols + c;
          if (cells[idx] === 0) {
            cells[idx] = 1;
            fresh = true;
          }
        }
      }
      x += sx;
      y += sy;
      if (dashed) {
        left -= ds;
        while (left <= 0) {
          di = (di + 1) % pattern.length;
          left += pattern[di];
        }
      }
    }
    return fresh;
  }
}
