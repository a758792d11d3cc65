/**
 * Undo and redo for every input edit (at least 100 levels; we keep 200). Every change of the
 * scenario is one step, except that changes arriving within COALESCE_MS of each other merge into
 * one (a slider drag or a μ drag is one step). Loading a preset or a file is one step like any
 * other change. Undo/redo themselves do not create steps.
 */
import type { AppStore } from './appStore.ts';
import type { Scenario } from './scenario.ts';

export const HISTORY_LIMIT = 200;
export const COALESCE_MS = 500;

export interface History {
  undo(): boolean;
  redo(): boolean;
  canUndo(): boolean;
  canRedo(): boolean;
  /** Listen for changes of canUndo/canRedo. */
  subscribe(listener: () => void): () => void;
  dispose(): void;
}

export function createHistory(appStore: AppStore, now: () => number = () => performance.now()): History {
  const past: Scenario[] = [];
  const future: Scenario[] = [];
  const listeners = new Set<() => void>();
  let applying = false;
  let lastChange = -Infinity;
  const notify = () => listeners.forEach((l) => l());

  const unsubscribe = appStore.subscribe((state, prev) => {
    if (state.scenario === prev.scenario || applying) return;
    const t = now();
    if (t - lastChange > COALESCE_MS || past.length === 0) {
      past.push(prev.scenario);
      if (past.length > HISTORY_LIMIT) past.shift();
    }
    lastChange = t;
    future.length = 0;
    notify();
  });

  const apply = (scenario: Scenario) => {
    applying = true;
    appStore.setState({ scenario });
    applying = false;
    lastChange = -Infinity; // the next edit after an undo is a step of its own
    notify();
  };

  return {
    undo() {
      const s = past.pop();
      if (!s) return false;
      future.push(appStore.getState().scenario);
      apply(s);
      return true;
    },
    redo() {
      const s = future.pop();
      if (!s) return false;
      past.push(appStore.getState().scenario);
      apply(s);
      return true;
    },
    canUndo: () => past.length > 0,
    canRedo: () => future.length > 0,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      unsubscribe();
      listeners.clear();
    },
  };
}
