/**
 * Pixel work for the heatmap editor, kept apart from the DOM wiring: a colour lookup table (one
 * entry per 0.001, the resolution of a hand-set preference) and an incremental fill of an n×n
 * RGBA buffer in display order that reports the rectangle that changed, so an edit of one cell
 * (and its mirror) re-uploads a few pixels instead of the whole matrix.
 */
import { rgb } from 'd3';
import { heatColor } from './heatColor.ts';

/** Steps of the colour table over [0, 1]. */
const LUT_STEPS = 1000;
/** The diagonal (a response against itself): hatched grey in the grid editor, flat grey here. */
export const DIAGONAL_RGB = [0xd6, 0xd6, 0xd6] as const;

let lut: Uint8ClampedArray | null = null;

/** RGBA of heatColor(k / LUT_STEPS) for k = 0..LUT_STEPS, built once. */
export function colorTable(): Uint8ClampedArray {
  if (lut) return lut;
  lut = new Uint8ClampedArray((LUT_STEPS + 1) * 4);
  for (let k = 0; k <= LUT_STEPS; k++) {
    const c = rgb(heatColor(k / LUT_STEPS));
    lut.set([c.r, c.g, c.b, 255], k * 4);
  }
  return lut;
}

export interface DirtyRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Writes the colours of P, rows and columns in `order`, into `pixels` (n×n RGBA), skipping cells
 * whose value equals `shown` (the values drawn last time, updated in place; NaN forces a write).
 * Returns the bounding rectangle of the pixels written, or null when nothing changed.
 */
export function paintMatrix(
  P: readonly (readonly number[])[],
  order: readonly number[],
  pixels: Uint8ClampedArray,
  shown: Float64Array,
): DirtyRect | null {
  const n = order.length;
  const table = colorTable();
  let x0 = n;
  let y0 = n;
  let x1 = -1;
  let y1 = -1;
  for (let r = 0; r < n; r++) {
    const row = P[order[r]];
    for (let c = 0; c < n; c++) {
      const cell = r * n + c;
      const i = order[c];
      const v = r === c ? -1 : row[i];
      if (shown[cell] === v) continue;
      shown[cell] = v;
      const p = cell * 4;
      if (r === c) {
        pixels[p] = DIAGONAL_RGB[0];
        pixels[p + 1] = DIAGONAL_RGB[1];
        pixels[p + 2] = DIAGONAL_RGB[2];
      } else {
        const k = (Number.isFinite(v) ? Math.round(Math.min(1, Math.max(0, v)) * LUT_STEPS) : LUT_STEPS / 2) * 4;
        pixels[p] = table[k];
        pixels[p + 1] = table[k + 1];
        pixels[p + 2] = table[k + 2];
      }
      pixels[p + 3] = 255;
      if (c < x0) x0 = c;
      if (c > x1) x1 = c;
      if (r < y0) y0 = r;
      if (r > y1) y1 = r;
    }
  }
  return x1 < 0 ? null : { x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 };
}

/** The visible display positions [first, last] along one axis, or null when none is. */
export function visibleRange(
  n: number,
  start: number,
  cellPx: number,
  clipStart: number,
  clipEnd: number,
): [number, number] | null {
  if (n <= 0 || cellPx <= 0) return null;
  const first = Math.max(0, Math.floor((clipStart - start) / cellPx));
  const last = Math.min(n - 1, Math.ceil((clipEnd - start) / cellPx) - 1);
  return first > last ? null : [first, last];
}

/** `text` cut with an ellipsis to fit `width` px as measured by `measure`. */
export function fitText(text: string, width: number, measure: (s: string) => number): string {
  if (measure(text) <= width) return text;
  const chars = [...text];
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(chars.slice(0, mid).join('') + '…') <= width) lo = mid;
    else hi = mid - 1;
  }
  return lo === 0 ? '' : chars.slice(0, lo).join('') + '…';
}
