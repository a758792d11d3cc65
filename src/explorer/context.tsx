/**
 * React access to the explorer a component belongs to. Every component reads its stores through
 * these hooks, so two explorers on one page never share a scenario.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { AppStoreState } from '../state/appStore.ts';
import type { ProgressState } from '../state/progressStore.ts';
import type { RunState } from '../state/runStore.ts';
import type { UiState } from '../state/uiStore.ts';
import type { ControlName, ViewOptions } from '../state/viewOptions.ts';
import type { Explorer } from './explorer.ts';

const ExplorerContext = createContext<Explorer | null>(null);

export function ExplorerProvider({ explorer, children }: { explorer: Explorer; children: ReactNode }) {
  return <ExplorerContext.Provider value={explorer}>{children}</ExplorerContext.Provider>;
}

/** The explorer this component is part of. */
export function useExplorer(): Explorer {
  const explorer = useContext(ExplorerContext);
  if (!explorer) throw new Error('useExplorer: this component is rendered outside an ExplorerProvider');
  return explorer;
}

/** A narrow selector over the shown inputs (appView.ts: a fast edit may be held until its result). */
export function useAppStore<T>(selector: (state: AppStoreState) => T): T {
  return useStore(useExplorer().shown.store, selector);
}

export function useRunStore<T>(selector: (state: RunState) => T): T {
  return useStore(useExplorer().run, selector);
}

export function useProgressStore<T>(selector: (state: ProgressState) => T): T {
  return useStore(useExplorer().progress, selector);
}

export function useUiStore<T>(selector: (state: UiState) => T): T {
  return useStore(useExplorer().ui, selector);
}

export function useView<T>(selector: (v: ViewOptions) => T): T {
  return useStore(useExplorer().view, selector);
}

/** Is control `name` shown, and is it editable? */
export function useControl(name: ControlName): { hidden: boolean; locked: boolean } {
  const hidden = useView((v) => v.hide.has(name));
  const locked = useView((v) => v.lock.has(name));
  return { hidden, locked };
}
