/** The pixel rule of Nash-MD's constant-step fixed point on the simplex (simplexParts.ts). */
import { describe, expect, it } from 'vitest';
import { fixedPointVisible, legendItems, withFixedPointRule } from './simplexParts.ts';
import type { SimplexProps } from './types.ts';

const corners: SimplexProps['corners'] = [[0], [1], [2]];
const star = [0.3, 0.3, 0.4];

describe('Nash-MD fixed point: drawn only more than a pixel from π*_τ', () => {
  it('measures the distance in pixels of the triangle drawn', () => {
    // Moving 0.004 of mass from corner 0 to corner 1 moves the point 0.004·side px sideways.
    const fixed = [0.296, 0.304, 0.4];
    expect(fixedPointVisible(fixed, star, corners, 400)).toBe(true); // 1.6 px
    expect(fixedPointVisible(fixed, star, corners, 200)).toBe(false); // 0.8 px
    expect(fixedPointVisible(star, star, corners, 1000)).toBe(false);
  });

  it('leaves the marker and its legend entry out when within a pixel', () => {
    const p = {
      n: 3,
      labels: ['a', 'b', 'c'],
      corners,
      series: [],
      t: 0,
      reference: star,
      initial: star,
      regularized: star,
      nash: null,
      rlhfOptimum: null,
      regularizedPath: null,
      rlhfPath: null,
      draggable: false,
    } satisfies SimplexProps;
    const far = withFixedPointRule({ ...p, nashMdFixedPoint: [0.28, 0.32, 0.4] }, 300);
    expect(legendItems(far).map((i) => i.key)).toContain('nashMdFixedPoint');
    const near = withFixedPointRule({ ...p, nashMdFixedPoint: [0.2995, 0.3005, 0.4] }, 300);
    expect(near.nashMdFixedPoint).toBeNull();
    expect(legendItems(near).map((i) => i.key)).not.toContain('nashMdFixedPoint');
  });
});
