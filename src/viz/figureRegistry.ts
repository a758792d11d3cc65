/**
 * One explorer's figures on the page by name ('simplex', 'convergence', …), so exporters can ask a
 * live renderer for a snapshot without reaching into React. Filled by useRendererHost.
 */
import type { Renderer } from './types.ts';

export interface FigureRegistry {
  register(name: string, renderer: Renderer<never>): void;
  /** Removes `name` only if it still refers to `renderer` (a newer instance may have replaced it). */
  unregister(name: string, renderer: Renderer<never>): void;
  get(name: string): Renderer<never> | undefined;
}

export function createFigureRegistry(): FigureRegistry {
  const figures = new Map<string, Renderer<never>>();
  return {
    register: (name, renderer) => void figures.set(name, renderer),
    unregister(name, renderer) {
      if (figures.get(name) === renderer) figures.delete(name);
    },
    get: (name) => figures.get(name),
  };
}
