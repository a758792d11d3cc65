/**
 * Text measurement for layout (on layout changes only, never per frame): a shared 2D canvas
 * context, so no SVG layout is forced. Falls back to a 0.6 em per character estimate without a
 * canvas (tests in Node, old browsers).
 */
import { DEFAULT_THEME, type FigureTheme } from './types.ts';

let ctx: CanvasRenderingContext2D | null | undefined;

function context(): CanvasRenderingContext2D | null {
  if (ctx === undefined) ctx = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  return ctx;
}

/** Width in px of `text` at `fontSize` in `family` (the figure's computed font family). */
export function measureText(text: string, fontSize: number, family = 'sans-serif'): number {
  const c = context();
  if (!c) return [...text].length * fontSize * 0.6;
  c.font = `${fontSize}px ${family}`;
  return c.measureText(text).width;
}

/** A measurer bound to one font size and the computed font family of `element`. */
export function measurerFor(element: Element, fontSize: number): (text: string) => number {
  const family = (typeof getComputedStyle === 'function' && getComputedStyle(element).fontFamily) || 'sans-serif';
  return (text) => measureText(text, fontSize, family);
}

/** The theme a renderer should use: DEFAULT_THEME when absent, font size never below 12 px. */
export function resolveTheme(theme: FigureTheme | undefined): FigureTheme {
  if (!theme) return DEFAULT_THEME;
  return { fontSize: Math.max(12, theme.fontSize || 12), strokeScale: theme.strokeScale > 0 ? theme.strokeScale : 1 };
}

/** True when the theme is the default look (renderers then keep their exact historic sizes). */
export function isDefaultTheme(theme: FigureTheme): boolean {
  return theme.fontSize === DEFAULT_THEME.fontSize && theme.strokeScale === DEFAULT_THEME.strokeScale;
}

/** A key that changes when the theme does (for layout caches). */
export const themeKey = (theme: FigureTheme) => `${theme.fontSize}/${theme.strokeScale}`;
