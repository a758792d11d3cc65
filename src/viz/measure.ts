/**
 * Text measurement for layout (on layout changes only, never per frame): a shared 2D canvas
 * context, so no SVG layout is forced. Falls back to a 0.6 em per character estimate without a
 * canvas (tests in Node, old browsers).
 */
import { DEFAULT_THEME, type FigureTheme } from './types.ts';

let ctx: CanvasRenderingContext2D | null | undefined;

function context(): CanvasRenderingContext2D | null {
  if (ctx === undefined)
    ctx = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  return ctx;
}

/** Width in px of `text` at `fontSize` in `family` (the figure's computed font family). */
export function measureText(text: string, fontSize: number, family = 'sans-serif'): number {
  const c = context();
  if (!c) return [...text].length * fontSize * 0.6;
  c.font = `${fontSize}px ${family}`;
  return c.measureText(text).width;
}

/** Each figure's computed font family, read once (getComputedStyle is not for every frame). */
const families = new WeakMap<Element, string>();

/** A measurer bound to one font size and the computed font family of `element`. */
export function measurerFor(element: Element, fontSize: number): (text: string) => number {
  let family = families.get(element);
  if (family === undefined) {
    const computed = typeof getComputedStyle === 'function' ? getComputedStyle(element).fontFamily : '';
    family = computed || 'sans-serif';
    // Not attached yet (no computed style): ask again next time.
    if (computed) families.set(element, family);
  }
  const f = family;
  return (text) => measureText(text, fontSize, f);
}

/**
 * What a chart derives from its theme on every render: the resolved theme, its font size fs and
 * stroke scale sw, the scale k of fs against the chart's base font size, and a text measurer.
 */
export function themeSizer(
  element: Element,
  baseFontSize: number,
): (theme: FigureTheme | undefined) => {
  theme: FigureTheme;
  fs: number;
  sw: number;
  k: number;
  measure: (text: string) => number;
} {
  return (t) => {
    const theme = resolveTheme(t);
    const fs = theme.fontSize;
    return { theme, fs, sw: theme.strokeScale, k: fs / baseFontSize, measure: measurerFor(element, fs) };
  };
}

/** The theme a renderer should use: DEFAULT_THEME when absent, font size never below 12 px. */
export function resolveTheme(theme: FigureTheme | undefined): FigureTheme {
  if (!theme) return DEFAULT_THEME;
  return {
    fontSize: Math.max(12, theme.fontSize || 12),
    strokeScale: theme.strokeScale > 0 ? theme.strokeScale : 1,
    ...(theme.compactLegend ? { compactLegend: true } : {}),
  };
}

/** True when the theme is the default look (renderers then keep their exact historic sizes). */
export function isDefaultTheme(theme: FigureTheme): boolean {
  return theme.fontSize === DEFAULT_THEME.fontSize && theme.strokeScale === DEFAULT_THEME.strokeScale;
}

/** A key that changes when the theme does (for layout caches). */
export const themeKey = (theme: FigureTheme) =>
  `${theme.fontSize}/${theme.strokeScale}${theme.compactLegend ? '/compact' : ''}`;
