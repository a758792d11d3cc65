/**
 * The explorer's keyboard shortcuts (keyboardShortcuts.ts, listed in its SHORTCUTS and shown by the
 * help overlay), installed once their module has loaded just after the first render: the keys are
 * not needed to draw the first figure, so their code is not in the first chunk.
 */
import { useEffect, type RefObject } from 'react';
import { useExplorer } from '../explorer/context.tsx';
import type { ShortcutHandlers } from './keyboardShortcuts.ts';

export function useKeyboardShortcuts(handlers: ShortcutHandlers, anchor: RefObject<HTMLElement | null>): void {
  const explorer = useExplorer();
  useEffect(() => {
    let uninstall: (() => void) | null = null;
    let cancelled = false;
    void import('./keyboardShortcuts.ts').then((m) => {
      if (!cancelled) uninstall = m.installShortcuts(explorer, handlers, anchor.current);
    });
    return () => {
      cancelled = true;
      uninstall?.();
    };
  }, [explorer, handlers, anchor]);
}
