/**
 * The shown state (appView) and which edits the controller holds back until their result:
 * a held edit is invisible until showHeldEdit, a timeout, another kind of change or an input
 * event; edits that must render at once (sliders, loads, playing, large n) are never held.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppStore } from './appStore.ts';
import { HOLD_MAX_MS, createAppView } from './appView.ts';
import { holdsForResult } from './controller.ts';
import { DEFAULT, scenarioFromPreset } from './scenario.ts';

// The hold listens for input events on window (capture phase); Node has EventTarget, not a DOM.
(globalThis as { window?: EventTarget }).window ??= new EventTarget();
const other = (n: number, seed: number) => scenarioFromPreset('random', { n, seed }).scenario.preferences;

const appStore = createAppStore();
const actions = appStore.getState();
const view = createAppView(appStore);
const { holdEdits, showHeldEdit } = view;
const appView = view.store;
const shown = () => appView.getState().scenario;
const newest = () => appStore.getState().scenario;

describe('appView', () => {
  let stop: () => void = () => {};
  beforeEach(() => {
    vi.useFakeTimers();
    actions.loadScenario(DEFAULT.scenario, DEFAULT.steps);
    stop = holdEdits(holdsForResult);
  });
  afterEach(() => {
    stop();
    vi.useRealTimers();
  });

  it('holds a cell edit until its result is shown, then shows exactly the newest state', () => {
    actions.setCell(0, 1, 0.3);
    expect(newest().preferences[0][1]).toBe(0.3);
    expect(shown().preferences[0][1]).toBe(DEFAULT.scenario.preferences[0][1]);
    actions.setCell(0, 2, 0.6); // a second edit (without an input event) joins the hold
    expect(shown()).toBe(DEFAULT.scenario);
    showHeldEdit();
    expect(shown()).toBe(newest());
    expect(shown().preferences[0][2]).toBe(0.6);
  });

  it('shows a held edit after HOLD_MAX_MS when no result comes', () => {
    actions.setReference([0.5, 0.3, 0.2]);
    vi.advanceTimersByTime(HOLD_MAX_MS - 1);
    expect(shown().reference).toEqual(DEFAULT.scenario.reference);
    vi.advanceTimersByTime(1);
    expect(shown().reference).toEqual([0.5, 0.3, 0.2]);
  });

  it('an input event shows the held state before its handlers run', () => {
    actions.setCell(0, 1, 0.3);
    let seen = NaN;
    const handler = () => (seen = shown().preferences[0][1]);
    window.addEventListener('keydown', handler);
    window.dispatchEvent(new Event('keydown'));
    window.removeEventListener('keydown', handler);
    expect(seen).toBe(0.3);
  });

  it('a change of another kind is shown at once, together with a held edit', () => {
    actions.setCell(0, 1, 0.3);
    actions.setTau(0.2); // a slider: never held
    expect(shown().tau).toBe(0.2);
    expect(shown().preferences[0][1]).toBe(0.3);
    actions.setPlaying(true);
    expect(appView.getState().playing).toBe(true);
  });

  it('stopping the hold shows what was held and holds nothing more', () => {
    actions.setCell(0, 1, 0.3);
    stop();
    expect(shown().preferences[0][1]).toBe(0.3);
    actions.setCell(0, 1, 0.4);
    expect(shown().preferences[0][1]).toBe(0.4);
  });
});

describe('holdsForResult', () => {
  const base = appStore.getState();
  const withScenario = (patch: object, extra: object = {}) => ({
    ...base,
    ...extra,
    scenario: { ...base.scenario, ...patch },
  });

  it('holds edits of the matrix, μ and π0 at grid sizes while paused', () => {
    expect(holdsForResult(withScenario({ preferences: other(3, 1), preset: null }), base)).toBe(true);
    expect(holdsForResult(withScenario({ reference: [0.2, 0.3, 0.5] }), base)).toBe(true);
    expect(holdsForResult(withScenario({ initial: [0.2, 0.3, 0.5] }), base)).toBe(true);
  });

  it('does not hold controls that render their own value, loads, renamings, playing or large n', () => {
    expect(holdsForResult(base, base)).toBe(false);
    expect(holdsForResult(withScenario({ tau: 0.5 }), base)).toBe(false);
    expect(holdsForResult(withScenario({ eta: 0.5 }), base)).toBe(false);
    expect(holdsForResult(withScenario({ algorithms: ['nash-md'] }), base)).toBe(false);
    expect(holdsForResult(withScenario({ epsilon: 0.3, preferences: other(3, 2) }), base)).toBe(false);
    expect(holdsForResult(withScenario({ labels: ['a', 'b', 'c'] }), base)).toBe(false);
    expect(holdsForResult(withScenario({ reference: [0.2, 0.3, 0.5] }, { requestedT: { t: 5 } }), base)).toBe(false);
    expect(holdsForResult(withScenario({ reference: [0.2, 0.3, 0.5] }, { playing: true }), base)).toBe(false);
    const big = scenarioFromPreset('random', { n: 13, seed: 1 }).scenario;
    const bigState = { ...base, scenario: big };
    expect(
      holdsForResult({ ...bigState, scenario: { ...big, reference: big.initial.slice().reverse() } }, bigState),
    ).toBe(false);
    const four = scenarioFromPreset('random', { n: 4, seed: 1 }).scenario;
    expect(holdsForResult({ ...base, scenario: { ...base.scenario, preferences: four.preferences } }, base)).toBe(
      false,
    );
  });
});
