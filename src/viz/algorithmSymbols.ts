/**
 * The current-point marker of each algorithm as a symbol shape (symbolShapes.ts; d3.symbol takes it too). Besides d3's circle, square,
 * triangle, cross and wye, the shapes are polygons given by their vertices on the unit scale,
 * scaled to the requested area, so every shape of the same size looks about as heavy.
 */
import type { AlgorithmMarker } from '../shared/palette.ts';
import { circle, cross, square, triangle, wye, type Shape } from './symbolShapes.ts';

type Pt = readonly [number, number];

/** Shoelace area of a closed polygon. */
function area(points: readonly Pt[]): number {
  let a = 0;
  for (let i = 0; i < points.length; i++) {
    const [x0, y0] = points[i];
    const [x1, y1] = points[(i + 1) % points.length];
    a += x0 * y1 - x1 * y0;
  }
  return Math.abs(a) / 2;
}

/** A symbol type drawing `points` (unit scale) scaled so that its area is the requested size. */
function polygon(points: readonly Pt[]): Shape {
  const a = area(points);
  return {
    draw(context, size) {
      const k = Math.sqrt(size / a);
      context.moveTo(points[0][0] * k, points[0][1] * k);
      for (let i = 1; i < points.length; i++) context.lineTo(points[i][0] * k, points[i][1] * k);
      context.closePath();
    },
  };
}

/** Regular k-gon, one vertex at angle `start` (radians; 0 = right, y down). */
function regular(k: number, start: number): Pt[] {
  return Array.from({ length: k }, (_, i) => {
    const a = start + (2 * Math.PI * i) / k;
    return [Math.cos(a), Math.sin(a)] as Pt;
  });
}

/** A plus sign rotated by 45°: an "×". */
function times(): Pt[] {
  const w = 0.2;
  const plus: Pt[] = [
    [-w, -1],
    [w, -1],
    [w, -w],
    [1, -w],
    [1, w],
    [w, w],
    [w, 1],
    [-w, 1],
    [-w, w],
    [-1, w],
    [-1, -w],
    [-w, -w],
  ];
  const c = Math.SQRT1_2;
  return plus.map(([x, y]) => [c * (x - y), c * (x + y)] as Pt);
}

const UP = -Math.PI / 2;

export const ALGO_SYMBOL: Record<AlgorithmMarker, Shape> = {
  circle,
  square,
  triangle,
  'triangle-down': polygon(regular(3, -UP)),
  'triangle-left': polygon(regular(3, Math.PI)),
  'triangle-right': polygon(regular(3, 0)),
  pentagon: polygon(regular(5, UP)),
  hexagon: polygon(regular(6, 0)),
  cross,
  times: polygon(times()),
  wye,
  hourglass: polygon([
    [-0.8, -1],
    [0.8, -1],
    [0.12, 0],
    [0.8, 1],
    [-0.8, 1],
    [-0.12, 0],
  ]),
  octagon: polygon(regular(8, Math.PI / 8)),
  // An upward arrowhead: a triangle with a notch in its base.
  chevron: polygon([
    [0, -1],
    [1, 0.8],
    [0, 0.3],
    [-1, 0.8],
  ]),
  trapezoid: polygon([
    [-0.55, -0.8],
    [0.55, -0.8],
    [1, 0.8],
    [-1, 0.8],
  ]),
};

/** Areas giving a ~8–9 px radius, the square and triangle visually matched to the circle (thin shapes get more area). */
export const ALGO_SYMBOL_SIZE: Record<AlgorithmMarker, number> = {
  circle: 220,
  square: 170,
  triangle: 200,
  'triangle-down': 200,
  'triangle-left': 200,
  'triangle-right': 200,
  pentagon: 190,
  hexagon: 190,
  cross: 200,
  times: 190,
  wye: 200,
  hourglass: 190,
  octagon: 200,
  chevron: 210,
  trapezoid: 180,
};

/** Radius (px at stroke scale 1) each shape covers, for fanning out coinciding markers. */
export const ALGO_GLYPH_RADIUS: Record<AlgorithmMarker, number> = {
  circle: 9,
  square: 9.5,
  triangle: 10,
  'triangle-down': 10,
  'triangle-left': 10,
  'triangle-right': 10,
  pentagon: 9.5,
  hexagon: 9.5,
  cross: 10,
  times: 10,
  wye: 10,
  hourglass: 10,
  octagon: 9.5,
  chevron: 11,
  trapezoid: 10,
};
