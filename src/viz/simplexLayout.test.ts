/**
 * The simplex's layout in lecture mode (theme.compactLegend): short legend texts, in the figure's
 * upper corners or under the triangle, never a column beside it that takes the triangle's width.
 */
import { describe, expect, it } from 'vitest';
import { SQRT3_2 } from './ternary.ts';
import { GLYPH, SHORT_LABEL, computeLayout, type LegendItem } from './simplexParts.ts';
import { DEFAULT_THEME, LECTURE_THEME } from './types.ts';

// A text measure like a 24 px sans-serif: 0.55 em a character.
const measureAt = (fs: number) => (s: string) => s.length * fs * 0.55;

const line = { color: '#000', dash: '', width: 2, opacity: 1 };
const ITEMS: LegendItem[] = [
  { key: 'nashMd', label: 'Nash-MD', short: 'Nash-MD', line },
  { key: 'omd', label: 'OMD', short: 'OMD', line },
  { key: 'rlhf', label: 'RLHF', short: 'RLHF', line },
  ...(['regularized', 'nash', 'rlhfOptimum', 'reference', 'initial'] as const).map((key) => ({
    key,
    label: {
      regularized: 'π*_τ (regularised Nash)',
      nash: 'Nash of P (τ = 0)',
      rlhfOptimum: 'RLHF optimum',
      reference: 'μ (reference)',
      initial: 'π₀ (start)',
    }[key],
    short: SHORT_LABEL[key],
    glyph: GLYPH[key],
  })),
  { key: 'regularizedPath', label: 'π*_τ as τ shrinks', short: SHORT_LABEL.regularizedPath, line },
  { key: 'rlhfPath', label: 'RLHF optimum as τ shrinks', short: SHORT_LABEL.rlhfPath, line },
];
const CORNERS = ['rock', 'paper', 'scissors'];

/** Legend rows beside the triangle's lower half (where a column would eat its width). */
function besideLowerHalf(layout: ReturnType<typeof computeLayout>): number {
  const th = layout.side * SQRT3_2;
  return layout.legend.filter((e) => e.y > layout.oy + th / 2 && e.y < layout.oy + th).length;
}

describe('computeLayout with the lecture theme', () => {
  it('at 850×504 (1280×720, inputs hidden) puts the legend in the upper corners and the triangle as tall as the figure allows', () => {
    const layout = computeLayout(850, 504, CORNERS, ITEMS, measureAt, LECTURE_THEME);
    expect(besideLowerHalf(layout)).toBe(0);
    expect(layout.legend.every((e) => e.text === e.item.short)).toBe(true);
    // Only the corner labels above and below limit the triangle (24 px text: 59 px above, 55 px
    // below): its side is the height's limit, (504 − 114) / (√3/2) ≈ 450 px (rows under it: ~356).
    expect(layout.side).toBeGreaterThan(0.98 * ((504 - 114) / SQRT3_2));
    // Nothing in the left column reaches into the triangle.
    const th = layout.side * SQRT3_2;
    for (const e of layout.legend.filter((x) => x.x < 425)) {
      const yBottom = e.y + 18;
      const edge = 425 - (layout.side / 2) * Math.max(0, Math.min(1, (yBottom - layout.oy) / th));
      expect(e.x + measureAt(24)(e.text) + 27).toBeLessThan(edge);
    }
  });

  it('in a narrow figure puts the legend in rows under the triangle', () => {
    const layout = computeLayout(480, 504, CORNERS, ITEMS, measureAt, LECTURE_THEME);
    expect(besideLowerHalf(layout)).toBe(0);
    const base = layout.oy + layout.side * SQRT3_2;
    expect(layout.legend.some((e) => e.y > base)).toBe(true);
  });

  it('leaves the default look alone (a column beside the triangle when that is largest)', () => {
    const layout = computeLayout(850, 504, CORNERS, ITEMS, measureAt, DEFAULT_THEME);
    expect(besideLowerHalf(layout)).toBeGreaterThan(0);
  });
});
