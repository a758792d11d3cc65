/**
 * Every algorithm is told apart without colour: its current-point marker shape and its dash are its
 * own (two algorithms may share a colour family, e.g. Nash-MD and Nash-MD-PG, never a shape), and
 * the average iterates' style keeps the shape.
 */
import { describe, expect, it } from 'vitest';
import { ALGORITHM_IDS } from '../core/algorithms/catalog.ts';
import { ALGO_SYMBOL } from './algorithmSymbols.ts';
import { ALGORITHM_STYLE, AVERAGE_DASH, seriesStyle } from '../shared/palette.ts';

describe('the algorithms’ styles', () => {
  const styles = ALGORITHM_IDS.map((id) => ALGORITHM_STYLE[id]);

  it('give every algorithm a marker shape and a dash of its own', () => {
    expect(new Set(styles.map((s) => s.marker)).size).toBe(ALGORITHM_IDS.length);
    expect(new Set(styles.map((s) => s.dash)).size).toBe(ALGORITHM_IDS.length);
    for (const s of styles) expect(ALGO_SYMBOL[s.marker]).toBeDefined();
    for (const s of styles) expect(s.color).toMatch(/^#[0-9A-F]{6}$/i);
  });

  it('draw an average iterate in its run’s colour and shape, dotted, thinner, hollow', () => {
    for (const id of ALGORITHM_IDS) {
      const avg = seriesStyle({ algorithm: id, average: true });
      expect(avg.color).toBe(ALGORITHM_STYLE[id].color);
      expect(avg.marker).toBe(ALGORITHM_STYLE[id].marker);
      expect(avg.dash).toBe(AVERAGE_DASH);
      expect(avg.width).toBeLessThan(1);
      expect(avg.hollow).toBe(true);
    }
  });
});
