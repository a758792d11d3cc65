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
    // before): the first figure's bytes come first (the element's first-figure budget).
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
