/**
 * The marker shapes of the simplex (d3's circle, square, triangle, cross, diamond, star and wye)
 * and the path string of a shape at a size, written out here so that the first figure does not
 * load d3-shape: d3-shape ships as one module, and a bundler cannot split one module between
 * chunks, so importing d3.symbol pulled every curve and generator the lazily-loaded charts use
 * into the first figure's JavaScript. The geometry is d3-shape 3's (ISC licence), the strings
 * are d3-path's with its symbol default of 3 decimals; symbolShapes.test.ts checks both against
 * d3 for every shape and several sizes. The shapes are d3 symbol types as well (d3.symbol takes
 * them), for the charts that draw with d3.symbol.
 */

/** The part of a path context a symbol draws with (d3-path's Path and CanvasRenderingContext2D have it). */
export interface ShapeContext {
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  closePath(): void;
  arc(x: number, y: number, r: number, a0: number, a1: number): void;
  rect(x: number, y: number, w: number, h: number): void;
}

/** A shape whose area is `size` (px²) centred at the origin: d3's SymbolType. */
export interface Shape {
  draw(context: ShapeContext, size: number): void;
}

const { sqrt, sin, cos, PI } = Math;
const TAU = 2 * PI;
const SQRT3 = sqrt(3);

export const circle: Shape = {
  draw(c, size) {
    const r = sqrt(size / PI);
    c.moveTo(r, 0);
    c.arc(0, 0, r, 0, TAU);
  },
};

export const square: Shape = {
  draw(c, size) {
    const w = sqrt(size);
    c.rect(-w / 2, -w / 2, w, w);
  },
};

export const triangle: Shape = {
  draw(c, size) {
    const y = -sqrt(size / (SQRT3 * 3));
    c.moveTo(0, y * 2);
    c.lineTo(-SQRT3 * y, -y);
    c.lineTo(SQRT3 * y, -y);
    c.closePath();
  },
};

/** Draws a closed polygon through `points`. */
function polygon(c: ShapeContext, points: readonly (readonly [number, number])[]): void {
  c.moveTo(points[0][0], points[0][1]);
  for (let i = 1; i < points.length; i++) c.lineTo(points[i][0], points[i][1]);
  c.closePath();
}

export const cross: Shape = {
  draw(c, size) {
    const r = sqrt(size / 5) / 2;
    // prettier-ignore
    polygon(c, [[-3 * r, -r], [-r, -r], [-r, -3 * r], [r, -3 * r], [r, -r], [3 * r, -r],
      [3 * r, r], [r, r], [r, 3 * r], [-r, 3 * r], [-r, r], [-3 * r, r]]);
  },
};

const TAN30 = sqrt(1 / 3);

export const diamond: Shape = {
  draw(c, size) {
    const y = sqrt(size / (TAN30 * 2));
    const x = y * TAN30;
    polygon(c, [
      [0, -y],
      [x, 0],
      [0, y],
      [-x, 0],
    ]);
  },
};

const STAR_KA = 0.8908130915292852;
const STAR_KR = sin(PI / 10) / sin((7 * PI) / 10);
const STAR_KX = sin(TAU / 10) * STAR_KR;
const STAR_KY = -cos(TAU / 10) * STAR_KR;

export const star: Shape = {
  draw(c, size) {
    const r = sqrt(size * STAR_KA);
    const x = STAR_KX * r;
    const y = STAR_KY * r;
    c.moveTo(0, -r);
    c.lineTo(x, y);
    for (let i = 1; i < 5; ++i) {
      const a = (TAU * i) / 5;
      const ca = cos(a);
      const sa = sin(a);
      c.lineTo(sa * r, -ca * r);
      c.lineTo(ca * x - sa * y, sa * x + ca * y);
    }
    c.closePath();
  },
};

const WYE_C = -0.5;
const WYE_S = SQRT3 / 2;
const WYE_K = 1 / sqrt(12);
const WYE_A = (WYE_K / 2 + 1) * 3;

export const wye: Shape = {
  draw(c, size) {
    const r = sqrt(size / WYE_A);
    const [x0, y0] = [r / 2, r * WYE_K];
    const [x1, y1] = [x0, r * WYE_K + r];
    const [x2, y2] = [-x1, y1];
    const [k, s] = [WYE_C, WYE_S];
    // prettier-ignore
    polygon(c, [[x0, y0], [x1, y1], [x2, y2],
      [k * x0 - s * y0, s * x0 + k * y0], [k * x1 - s * y1, s * x1 + k * y1], [k * x2 - s * y2, s * x2 + k * y2],
      [k * x0 + s * y0, k * y0 - s * x0], [k * x1 + s * y1, k * y1 - s * x1], [k * x2 + s * y2, k * y2 - s * x2]]);
  },
};

/** Rounds to 3 decimals, as d3.symbol's path does. */
const r3 = (x: number) => Math.round(x * 1000) / 1000;

/** Records a shape as SVG path data (what d3-path writes for the commands a shape uses). */
class PathData implements ShapeContext {
  d = '';
  moveTo(x: number, y: number) {
    this.d += `M${r3(x)},${r3(y)}`;
  }
  lineTo(x: number, y: number) {
    this.d += `L${r3(x)},${r3(y)}`;
  }
  closePath() {
    this.d += 'Z';
  }
  /** A full circle from its rightmost point (the only arc a shape draws), as two half arcs. */
  arc(x: number, y: number, r: number) {
    this.d += `A${r3(r)},${r3(r)},0,1,1,${r3(x - r)},${r3(y)}A${r3(r)},${r3(r)},0,1,1,${r3(x + r)},${r3(y)}`;
  }
  rect(x: number, y: number, w: number, h: number) {
    this.d += `M${r3(x)},${r3(y)}h${r3(w)}v${r3(h)}h${r3(-w)}Z`;
  }
}

/** The SVG path data of `shape` with area `size`, centred at the origin. */
export function shapePath(shape: Shape, size: number): string {
  const p = new PathData();
  shape.draw(p, size);
  return p.d;
}
