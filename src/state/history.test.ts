import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppStore } from './appStore.ts';
import { COALESCE_MS, createHistory, type History } from './history.ts';
import { DEFAULT } from './scenario.ts';

const appStore = createAppStore();
const actions = appStore.getState();

describe('undo / redo', () => {
  let clock = 0;
  let history: History;
  beforeEach(() => {
    actions.loadScenario(DEFAULT.scenario, DEFAULT.steps);
    clock = 0;
    history = createHistory(appStore, () => clock);
  });
  afterEach(() => history.dispose());
  const tick = () => (clock += COALESCE_MS + 1);

  it('undoes and redoes every edit, at least 100 levels deep', () => {
    const taus: number[] = [];
    for (let k = 0; k < 150; k++) {
      tick();
      const tau = 0.01 + k / 1000;
      actions.setTau(tau);
      taus.push(tau);
    }
    for (let k = 149; k >= 1; k--) {
      expect(history.undo()).toBe(true);
      expect(appStore.getState().scenario.tau).toBe(taus[k - 1]);
    }
    expect(history.undo()).toBe(true);
    expect(appStore.getState().scenario.tau).toBe(DEFAULT.scenario.tau);
    expect(history.canUndo()).toBe(false);
    for (let k = 0; k < 150; k++) expect(history.redo()).toBe(true);
    expect(appStore.getState().scenario.tau).toBe(taus[149]);
    expect(history.canRedo()).toBe(false);
  });

  it('a drag (changes within the coalescing window) is one step; loading a preset is one step', () => {
    tick();
    for (let k = 0; k < 30; k++) {
      clock += 16;
      actions.setReference([0.5 - k / 100, 0.3, 0.2 + k / 100]);
    }
    tick();
    actions.loadPreset('dice');
    history.undo();
    expect(appStore.getState().scenario.preset).toBe('rps');
    expect(appStore.getState().scenario.reference[0]).toBeCloseTo(0.21, 12);
    history.undo();
    expect(appStore.getState().scenario.reference).toEqual(DEFAULT.scenario.reference);
  });

  it('a new edit after an undo clears the redo stack', () => {
    tick();
    actions.setTau(0.2);
    history.undo();
    expect(history.canRedo()).toBe(true);
    tick();
    actions.setTau(0.3);
    expect(history.canRedo()).toBe(false);
  });
});
