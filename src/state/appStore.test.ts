import { beforeEach, describe, expect, it } from 'vitest';
import { raterTypesPreferences } from '../core/presets.ts';
import { createAppStore } from './appStore.ts';

const appStore = createAppStore();
const actions = appStore.getState();
import { DEFAULT, MAX_RESPONSES, effectiveEta, toSpec } from './scenario.ts';

const sum = (v: number[]) => v.reduce((a, b) => a + b, 0);
const scenario = () => appStore.getState().scenario;

describe('app store', () => {
  beforeEach(() => actions.loadScenario(DEFAULT.scenario, DEFAULT.steps));

  it('a cell edit sets its mirror to 1 − value and makes the scenario custom', () => {
    actions.setCell(0, 2, 0.25);
    expect(scenario().preferences[0][2]).toBe(0.25);
    expect(scenario().preferences[2][0]).toBe(0.75);
    expect(scenario().preset).toBeNull();
  });

  it('adding and removing responses keeps every vector the right length and normalised', () => {
    actions.addResponse();
    let s = scenario();
    expect(s.preferences.length).toBe(4);
    expect(s.preferences.every((r) => r.length === 4)).toBe(true);
    expect(s.preferences[3][3]).toBe(0.5);
    expect(s.labels).toEqual(['rock', 'paper', 'scissors', 'y4']);
    expect(sum(s.reference)).toBeCloseTo(1, 14);
    expect(s.reference[3]).toBeCloseTo(0.25, 14);
    expect(s.corners).toEqual([[0], [1], [2, 3]]);
    actions.removeResponse(1);
    s = scenario();
    expect(s.labels).toEqual(['rock', 'scissors', 'y4']);
    expect(s.preferences[0][1]).toBe(DEFAULT.scenario.preferences[0][2]);
    expect(sum(s.initial)).toBeCloseTo(1, 14);
    expect(s.corners).toEqual([[0], [1], [2]]);
  });

  it('never goes below 2 or above MAX_RESPONSES (500) responses', () => {
    for (let k = 0; k < MAX_RESPONSES + 5; k++) actions.addResponse();
    expect(scenario().preferences.length).toBe(MAX_RESPONSES);
    expect(MAX_RESPONSES).toBe(500);
    for (let k = 0; k < MAX_RESPONSES + 5; k++) actions.removeResponse(0);
    expect(scenario().preferences.length).toBe(2);
  });

  it('raising τ caps the η used by runs at 1/τ and lowering it again restores the chosen η', () => {
    actions.setEta(50);
    actions.setTau(0.5);
    expect(effectiveEta(scenario())).toBe(2);
    expect(toSpec(scenario()).eta).toBe(2);
    actions.setTau(0.01);
    expect(toSpec(scenario()).eta).toBe(50);
  });

  it('ε changes only the matrix of the three-rater-types preset', () => {
    actions.loadPreset('rater-types');
    actions.setReference([0.2, 0.3, 0.5]);
    actions.setEpsilon(-0.2);
    expect(scenario().preferences).toEqual(raterTypesPreferences(-0.2));
    expect(scenario().reference).toEqual([0.2, 0.3, 0.5]);
    expect(scenario().preset).toBe('rater-types');
  });

  it('algorithms stay in display order whatever order they are toggled in', () => {
    actions.toggleAlgorithm('nash-md', false);
    actions.toggleAlgorithm('nash-md', true);
    expect(scenario().algorithms).toEqual(['nash-md', 'omd', 'rlhf']);
  });

  it('loading a preset asks for its suggested t, anew each time', () => {
    actions.loadPreset('dice');
    const first = appStore.getState().requestedT;
    actions.loadPreset('dice');
    expect(appStore.getState().requestedT).not.toBe(first);
    expect(appStore.getState().requestedT.t).toBe(300);
  });
});
