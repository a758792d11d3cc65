/**
 * Row and column labels of the heatmap editor, drawn in the canvas margins: every label when the
 * cells are tall enough to read them, else every k-th one with a tick, so a 500-row matrix still
 * shows where it is without a wall of overlapping text. Long names are cut with an ellipsis.
 */
import { fitText } from './heatmapPaint.ts';

export interface LabelGeometry {
  /** The matrix's box in the canvas (CSS px). */
  left: number;
  top: number;
  side: number;
  /** Screen x of column 0's left edge and y of row 0's top edge (after zoom and pan). */
  x0: number;
  y0: number;
  /** Cell size on screen. */
  cell: number;
  /** Space between a label and the matrix. */
  gap: number;
  fontSize: number;
}

export function drawAxisLabels(
  ctx: CanvasRenderingContext2D,
  name: (position: number) => string,
  rows: [number, number] | null,
  cols: [number, number] | null,
  g: LabelGeometry,
  measure: (text: string) => number,
) {
  const stride = Math.max(1, Math.ceil((g.fontSize + 3) / Math.max(g.cell, 1e-6)));
  const first = (range: [number, number]) => Math.ceil(range[0] / stride) * stride;
  const tick = (xa: number, ya: number, xb: number, yb: number) => {
    ctx.beginPath();
    ctx.moveTo(xa, ya);
    ctx.lineTo(xb, yb);
    ctx.stroke();
  };
  ctx.fillStyle = '#1a1a1a';
  ctx.strokeStyle = '#6b6b6b';
  ctx.lineWidth = 1;
  ctx.textBaseline = 'middle';
  if (rows) {
    ctx.textAlign = 'right';
    for (let r = first(rows); r <= rows[1]; r += stride) {
      const y = g.y0 + (r + 0.5) * g.cell;
      if (y < g.top || y > g.top + g.side) continue;
      if (stride > 1) tick(g.left - 4, y, g.left - 1, y);
      ctx.fillText(fitText(name(r), g.left - g.gap - 2, measure), g.left - g.gap, y);
    }
  }
  if (cols) {
    ctx.textAlign = 'left';
    for (let c = first(cols); c <= cols[1]; c += stride) {
      const x = g.x0 + (c + 0.5) * g.cell;
      if (x < g.left || x > g.left + g.side) continue;
      if (stride > 1) tick(x, g.top - 4, x, g.top - 1);
      ctx.save();
      ctx.translate(x, g.top - g.gap);
      ctx.rotate(-Math.PI / 2);
      ctx.fillText(fitText(name(c), g.top - g.gap - 2, measure), 0, 0);
      ctx.restore();
    }
  }
}
