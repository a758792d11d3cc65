/**
 * The explorer's keyboard shortcuts (keyboardShortcuts.ts, listed in its SHORTCUTS and shown by the
 * help overlay), installed once the first figure is drawn and their module has loaded: the keys are
 * not needed to draw the first figure, so their code is not among its bytes.
 */
import { useEffect, type RefObject } from 'react';
import { useExplorer } from '../explorer/context.tsx';
import type { ShortcutHandlers } from './keyboardShortcuts.ts';

export function useKeyboardShortcuts(handlers: ShortcutHandlers, anchor: RefObject<HTMLElement | null>): void {
  const explorer = useExplorer();
  useEffect(() => {
    let uninstall: (() => void) | null = null;
    let cancelled = false;
    // Once the first figure is drawn with the worker's first rows (there is nothing to step or play
    // before), after the frame that paints them: the first figure's bytes come first (the
    // element's first-figure budget), and the rows arrive a frame before they are drawn.
    const firstRows = new Promise<void>((resolve) => {
      if (explorer.run.getState().length > 0) return resolve();
      const stop = explorer.run.subscribe((s) => {
        if (s.length > 0) {
          stop();
          resolve();
        }
      });
    });
    void Promise.all([explorer.ready, firstRows])
      .then(afterNextPaint)
      .then(() => import('./keyboardShortcuts.ts'))
      .then((m) => {
        if (!cancelled) uninstall = m.installShortcuts(explorer, handlers, anchor.current);
      });
    return () => {
      cancelled = true;
      uninstall?.();
    };
  }, [explorer, handlers, anchor]);
}

/** Resolves in the task after the next frame (its animation-frame callbacks have run). */
function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
