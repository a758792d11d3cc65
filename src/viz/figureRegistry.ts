/**
 * Figures on the page by name ('simplex', 'convergence', …), so exporters can ask a live
 * renderer for a snapshot without reaching into React. Filled by useRendererHost.
 */
import type { Renderer } from './types.ts';

const figures = new Map<string, Renderer<never>>();

export function registerFigure(name: string, renderer: Renderer<never>): void {
  figures.set(name, renderer);
}

/** Removes `name` only if it still refers to `renderer` (a newer instance may have replaced it). */
export function unregisterFigure(name: string, renderer: Renderer<never>): void {
  if (figures.get(name) === renderer) figures.delete(name);
}

export function getFigure(name: string): Renderer<never> | undefined {
  return figures.get(name);
}
