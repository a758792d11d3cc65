/**
 * The flow-field layer of the simplex (n = 3): from each grid point, a short arrow towards where one
 * step of the chosen algorithm takes it. It lives in the static SVG under the
 * trajectory canvas, in a neutral grey ink, so it never covers a trajectory or a marker, and the
 * SVG export copies it with the rest of the background.
 *
 * Lengths: arrow ∝ displacement, scaled so the longest is ARROW_FILL of the grid spacing (one step
 * is often a pixel or less; drawn to scale it would not be seen) and clamped below at ARROW_MIN of
 * that, so every direction stays readable; the opacity grows with the displacement. The direction
 * is exact.
 */
import type { Selection } from 'd3';
import { FIELD_INK } from './simplexParts.ts';
import { baryToXY, toBarycentric } from './ternary.ts';
import type { Corners, FigureTheme, SimplexField } from './types.ts';

type Group = Selection<SVGGElement, unknown, null, undefined>;

/** The longest arrow, as a fraction of the distance between neighbouring grid points. */
const ARROW_FILL = 0.8;
/** Shorter steps are drawn at this fraction of the longest arrow (their opacity still tells them apart). */
const ARROW_MIN = 0.3;
/** A step below this fraction of the longest is a rest point, drawn as a dot. */
const REST = 1e-3;

/** The grid's size m from its point count m(m+1)/2 (simplexGrid.ts). */
function gridSize(count: number): number {
  return Math.max(1, Math.round((Math.sqrt(8 * count + 1) - 1) / 2));
}

const r1 = (x: number) => Math.round(x * 10) / 10;

/**
 * Draws `field` into `arrows` (a group in the triangle's coordinates); clears it when `field` is
 * null. Its legend entry is the simplex legend's (simplexParts.ts, legendItems).
 */
export function drawField(
  arrows: Group,
  field: SimplexField | null | undefined,
  corners: Corners,
  side: number,
  theme: FigureTheme,
): void {
  arrows.selectAll('*').remove();
  if (!field) return;
  const n = corners.reduce((a, g) => a + g.length, 0);
  const count = Math.floor(field.points.length / n);
  const spacing = side / gridSize(count);
  const sw = theme.strokeScale;
  const from: [number, number][] = [];
  const delta: [number, number][] = [];
  let longest = 0;
  for (let k = 0; k < count; k++) {
    const a = baryToXY(toBarycentric(field.points, corners, k * n), side);
    const b = baryToXY(toBarycentric(field.next, corners, k * n), side);
    const d: [number, number] = [b[0] - a[0], b[1] - a[1]];
    from.push(a);
    delta.push(d);
    longest = Math.max(longest, Math.hypot(d[0], d[1]));
  }
  const head = Math.min(4 * sw, spacing * 0.25);
  arrows
    .attr('stroke', FIELD_INK)
    .attr('stroke-width', 0.9 * sw)
    .attr('stroke-linecap', 'round')
    .attr('stroke-linejoin', 'round')
    .attr('fill', 'none');
  for (let k = 0; k < count; k++) {
    const [x0, y0] = from[k];
    const raw = Math.hypot(delta[k][0], delta[k][1]);
    // A point that does not move (the rest point): a dot, not an arrow of no direction.
    if (raw <= REST * longest) {
      arrows
        .append('circle')
        .attr('class', 'field-rest')
        .attr('cx', r1(x0))
        .attr('cy', r1(y0))
        .attr('r', sw)
        .attr('fill', FIELD_INK)
        .attr('stroke', 'none');
      continue;
    }
    const ratio = raw / longest;
    const len = Math.max(ARROW_MIN, ratio) * ARROW_FILL * spacing;
    const ux = delta[k][0] / raw;
    const uy = delta[k][1] / raw;
    const x1 = x0 + ux * len;
    const y1 = y0 + uy * len;
    const h = Math.min(head, len * 0.45);
    const hx = x1 - ux * h;
    const hy = y1 - uy * h;
    const px = -uy * h * 0.6;
    const py = ux * h * 0.6;
    // Opacity grows with the step: fast regions read darker, slow ones (clamped to ARROW_MIN) fade.
    arrows
      .append('path')
      .attr('class', 'field-arrow')
      .attr('stroke-opacity', Math.round((0.35 + 0.6 * ratio) * 100) / 100)
      .attr(
        'd',
        `M${r1(x0)},${r1(y0)}L${r1(x1)},${r1(y1)}M${r1(hx + px)},${r1(hy + py)}L${r1(x1)},${r1(y1)}L${r1(hx - px)},${r1(hy - py)}`,
      );
  }
}
