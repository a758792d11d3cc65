/**
 * The preference heatmap's colours, shared by the canvas heatmap (heatmapEditor.ts, heatmapPaint.ts)
 * and the grid editor's cells: a diverging scale around 1/2 and the text colour that stays
 * readable on it. Here in viz, not in state, so the renderers need nothing from the state layer.
 */
import { HEAT } from '../shared/palette.ts';

/** The channels of a "#rrggbb" colour. */
const channels = (hex: string) => [1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16));

/**
 * Linear interpolation in RGB between two colours, written "rgb(r, g, b)" with rounded channels:
 * what d3's interpolateRgb gives (gamma 1), without d3-interpolate and d3-color on the first
 * screen (the grid editor paints its cells with it).
 */
function interpolateRgb(from: string, to: string): (t: number) => string {
  const a = channels(from);
  const b = channels(to);
  return (t) => {
    const [r, g, bl] = a.map((x, k) => Math.max(0, Math.min(255, Math.round(x + (b[k] - x) * t))));
    return `rgb(${r}, ${g}, ${bl})`;
  };
}

const heatLow = interpolateRgb(HEAT.low, HEAT.mid);
const heatHigh = interpolateRgb(HEAT.mid, HEAT.high);

/** Diverging heatmap colour around 1/2: HEAT.low at 0, HEAT.mid at 1/2, HEAT.high at 1. */
export function heatColor(value: number): string {
  const v = Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0.5;
  return v < 0.5 ? heatLow(v * 2) : heatHigh((v - 0.5) * 2);
}

/** WCAG relative luminance of an "rgb(r, g, b)" or "#rrggbb" colour. */
export function relativeLuminance(color: string): number {
  const m = /^rgb\((\d+),\s*(\d+),\s*(\d+)\)$/.exec(color);
  const hex = /^#([0-9a-f]{6})$/i.exec(color);
  const rgb = m
    ? [+m[1], +m[2], +m[3]]
    : hex
      ? [0, 2, 4].map((k) => parseInt(hex[1].slice(k, k + 2), 16))
      : [255, 255, 255];
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

// Pure black, not the UI's #1a1a1a: on the mid-saturated colours where dark and white text are
// equally good, only black keeps the WCAG 4.5:1 contrast for small text.
export const TEXT_DARK = '#000000';
export const TEXT_LIGHT = '#ffffff';

/** Dark or white text, whichever has the higher WCAG contrast against `background`. */
export function textColorOn(background: string): string {
  const l = relativeLuminance(background);
  const dark = relativeLuminance(TEXT_DARK);
  return (l + 0.05) / (dark + 0.05) >= 1.05 / (l + 0.05) ? TEXT_DARK : TEXT_LIGHT;
}
