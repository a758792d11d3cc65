/** The hand-written marker shapes draw exactly what d3.symbol draws for d3's own types. */
import * as d3 from 'd3';
import { describe, expect, it } from 'vitest';
import { ALGO_SYMBOL } from './algorithmSymbols.ts';
import { circle, cross, diamond, shapePath, square, star, triangle, wye } from './symbolShapes.ts';

const PAIRS = [
  ['circle', circle, d3.symbolCircle],
  ['square', square, d3.symbolSquare],
  ['triangle', triangle, d3.symbolTriangle],
  ['cross', cross, d3.symbolCross],
  ['diamond', diamond, d3.symbolDiamond],
  ['star', star, d3.symbolStar],
  ['wye', wye, d3.symbolWye],
] as const;

describe('symbol shapes', () => {
  for (const [name, mine, theirs] of PAIRS) {
    it(`${name}: the path data of d3.symbol at every size`, () => {
      for (const size of [1, 26, 64, 99.5, 120, 160, 220, 880, 12345])
        expect(shapePath(mine, size), `size ${size}`).toBe(d3.symbol(theirs, size)());
    });
  }

  it('d3.symbol draws the polygon shapes as shapePath writes them', () => {
    for (const [marker, shape] of Object.entries(ALGO_SYMBOL))
      expect(shapePath(shape, 200), marker).toBe(d3.symbol(shape, 200)());
  });
});
