import { describe, expect, it } from 'vitest';
import { CONTROL_NAMES, type ControlName } from '../state/viewOptions.ts';
import { MAX_FIGURE_HEIGHT, estimateEmbedHeight, naturalFigureHeight, snippetHeight } from './embedHeight.ts';

const all = new Set<ControlName>(CONTROL_NAMES);
const hideAllBut = (...keep: ControlName[]) => new Set(CONTROL_NAMES.filter((c) => !keep.includes(c)));
const shape = (hide: Set<ControlName>, extra: Partial<Parameters<typeof estimateEmbedHeight>[0]> = {}) => ({
  hide,
  n: 3,
  presetRows: 1,
  width: 700,
  ...extra,
});

describe('naturalFigureHeight', () => {
  it('fits the simplex with its legend under it on a phone and beside it in a column, within bounds', () => {
    // 360 px: triangle ≈ 0.8·w plus the legend rows under it.
    expect(naturalFigureHeight(344)).toBeGreaterThanOrEqual(420);
    expect(naturalFigureHeight(344)).toBeLessThanOrEqual(460);
    for (const w of [0, 100, 320, 519, 520, 700, 1000, 4000]) {
      expect(naturalFigureHeight(w)).toBeGreaterThanOrEqual(300);
      expect(naturalFigureHeight(w)).toBeLessThanOrEqual(MAX_FIGURE_HEIGHT);
    }
    expect(naturalFigureHeight(4000)).toBe(MAX_FIGURE_HEIGHT);
  });
});

describe('estimateEmbedHeight', () => {
  it('grows with every kept input control', () => {
    let kept: ControlName[] = [];
    let previous = estimateEmbedHeight(shape(hideAllBut()));
    for (const c of [
      'preset',
      'matrix',
      'paste',
      'reference',
      'initial',
      'tau',
      'eta',
      'schedule',
      'algorithms',
      'comparisons',
    ] as const) {
      kept = [...kept, c];
      const next = estimateEmbedHeight(shape(hideAllBut(...kept)));
      expect(next, `keeping ${c}`).toBeGreaterThan(previous);
      previous = next;
    }
  });

  it('is shorter without the measurements, and the measurements dominate it', () => {
    const keep = hideAllBut('preset', 'measurements');
    const without = estimateEmbedHeight(shape(hideAllBut('preset')));
    expect(estimateEmbedHeight(shape(keep)) - without).toBeGreaterThan(800);
  });

  it('preset only: the figure, the time line and the preset with ε fit in about 700 px, more than the old fixed 560', () => {
    const h = estimateEmbedHeight(shape(hideAllBut('preset')));
    expect(h).toBeGreaterThan(560);
    expect(h).toBeLessThan(760);
  });

  it('grows with n (matrix, policies, per-response views) and with preset parameters', () => {
    const everything = new Set<ControlName>();
    expect(estimateEmbedHeight(shape(everything, { n: 8 }))).toBeGreaterThan(
      estimateEmbedHeight(shape(everything, { n: 3 })),
    );
    expect(estimateEmbedHeight(shape(hideAllBut('preset'), { presetRows: 1 }))).toBeGreaterThan(
      estimateEmbedHeight(shape(hideAllBut('preset'), { presetRows: 0 })),
    );
    // Corners only count for n > 3.
    expect(estimateEmbedHeight(shape(hideAllBut('corners'), { n: 3 }))).toBe(estimateEmbedHeight(shape(all, { n: 3 })));
  });

  it('the snippet height covers both a phone and a column', () => {
    const s = { hide: hideAllBut('preset', 'tau'), n: 3, presetRows: 1 };
    expect(snippetHeight(s)).toBe(
      Math.max(estimateEmbedHeight({ ...s, width: 360 }), estimateEmbedHeight({ ...s, width: 700 })),
    );
  });
});
