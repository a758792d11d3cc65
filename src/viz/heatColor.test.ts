import { describe, expect, it } from 'vitest';
import { heatColor, relativeLuminance, textColorOn, TEXT_DARK, TEXT_LIGHT } from './heatColor.ts';
import { HEAT } from '../shared/palette.ts';

describe('heatmap colours', () => {
  const rgb = (hex: string) => `rgb(${[1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16)).join(', ')})`;

  it('is HEAT.low at 0, HEAT.mid at 1/2, HEAT.high at 1', () => {
    expect(heatColor(0)).toBe(rgb(HEAT.low));
    expect(heatColor(0.5)).toBe(rgb(HEAT.mid));
    expect(heatColor(1)).toBe(rgb(HEAT.high));
    expect(heatColor(Number.NaN)).toBe(rgb(HEAT.mid));
  });

  it('picks white text on the saturated ends and dark text near 1/2', () => {
    expect(textColorOn(heatColor(0))).toBe(TEXT_LIGHT);
    expect(textColorOn(heatColor(1))).toBe(TEXT_LIGHT);
    expect(textColorOn(heatColor(0.5))).toBe(TEXT_DARK);
    expect(textColorOn(heatColor(0.6))).toBe(TEXT_DARK);
  });

  it('text contrast is at least 4.5:1 everywhere', () => {
    for (let v = 0; v <= 1.0001; v += 0.01) {
      const bg = relativeLuminance(heatColor(v));
      const fg = relativeLuminance(textColorOn(heatColor(v)));
      const ratio = (Math.max(bg, fg) + 0.05) / (Math.min(bg, fg) + 0.05);
      expect(ratio).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('heatColor against d3', () => {
  it('equals d3.interpolateRgb on the heat scale at every hundredth', async () => {
    const { interpolateRgb } = await import('d3');
    const low = interpolateRgb(HEAT.low, HEAT.mid);
    const high = interpolateRgb(HEAT.mid, HEAT.high);
    for (let k = 0; k <= 100; k++) {
      const v = k / 100;
      expect(heatColor(v)).toBe(v < 0.5 ? low(v * 2) : high((v - 0.5) * 2));
    }
  });
});
