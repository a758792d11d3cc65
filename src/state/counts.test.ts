/**
 * Battle counts travel with the scenario (issue 15): through the scenario file, the autosave, the
 * link (while short) and undo; a hand edit turns its pair into a plain probability; adding or
 * removing a response keeps the other pairs' counts; loading them picks the observed fit.
 */
import { describe, expect, it } from 'vitest';
import { createAppStore } from './appStore.ts';
import { battleText } from './counts.ts';
import { createHistory } from './history.ts';
import { parsePastedMatrix } from './pasteParser.ts';
import { exportScenarioJson, importScenarioJson } from './scenarioFile.ts';
import { COUNTS_URL_MAX_CHARS, decodeHash, encodeHash } from './urlCodec.ts';
import { toSpec, type Scenario } from './scenario.ts';

const LOG =
  'model_a,model_b,winner,judge\nx,y,model_a,1\nx,y,model_a,2\ny,z,tie,1\nz,x,model_a,1\ny,x,model_a,3\nz,y,y,2';

function loaded() {
  const r = parsePastedMatrix(LOG, 'auto');
  if (!r.ok) throw new Error(r.error);
  const store = createAppStore();
  store.getState().loadData(r.preferences, r.labels, r.counts);
  return { store, r };
}

describe('battle counts in the scenario', () => {
  it('loading counts keeps them and fits the reward on the observed battles', () => {
    const { store, r } = loaded();
    const s = store.getState().scenario;
    expect(s.counts).toEqual(r.counts);
    expect(s.counts).toEqual([
      [0, 2, 0],
      [1, 0, 1.5],
      [1, 0.5, 0],
    ]);
    expect(s.comparisons).toBe('observed');
    expect(toSpec(s).counts).toEqual(s.counts);
    expect(battleText(s.counts, 0, 1)).toBe('3 battles: 2–1');
    expect(battleText(s.counts, 1, 2)).toBe('2 battles: 1.5–0.5');
  });

  it('probabilities have no counts: observed falls back to uniform', () => {
    const { store } = loaded();
    store.getState().loadData(
      [
        [0.5, 0.3],
        [0.7, 0.5],
      ],
      null,
      null,
    );
    expect(store.getState().scenario.counts).toBeNull();
    expect(store.getState().scenario.comparisons).toBe('uniform');
  });

  it('a hand edit drops that pair only; undo brings its counts back', () => {
    const { store } = loaded();
    const history = createHistory(store, () => 0);
    store.getState().setCell(0, 1, 0.9);
    const c = store.getState().scenario.counts!;
    expect(c[0][1] + c[1][0]).toBe(0);
    expect(c[1][2]).toBe(1.5);
    expect(battleText(c, 0, 1)).toBe('no battles');
    history.undo();
    expect(store.getState().scenario.counts![0][1]).toBe(2);
    // A matrix edit through the editor (a whole new matrix) drops exactly the pairs that changed.
    const P = store.getState().scenario.preferences.map((row) => [...row]);
    P[1][2] = 0.2;
    P[2][1] = 0.8;
    store.getState().setPreferences(P);
    const d = store.getState().scenario.counts!;
    expect(d[1][2] + d[2][1]).toBe(0);
    expect(d[0][1]).toBe(2);
  });

  it('adding and removing a response keeps the others’ counts', () => {
    const { store } = loaded();
    store.getState().addResponse();
    const c = store.getState().scenario.counts!;
    expect(c).toHaveLength(4);
    expect(c[3]).toEqual([0, 0, 0, 0]);
    expect(c[0][1]).toBe(2);
    // The new response has no battles: the observed fit cannot place it (the reason is given).
    expect(toSpec(store.getState().scenario).algorithms).not.toContain('rlhf');
    store.getState().removeResponse(0);
    expect(store.getState().scenario.counts).toEqual([
      [0, 1.5, 0],
      [0.5, 0, 0],
      [0, 0, 0],
    ]);
  });

  it('round-trips through the scenario file, the autosave form and a short link', () => {
    const { store } = loaded();
    const s = store.getState().scenario;
    const file = importScenarioJson(exportScenarioJson(s, 7, 'test'));
    expect(file.ok && file.scenario.counts).toEqual(s.counts);
    expect(file.ok && file.scenario.comparisons).toBe('observed');
    const link = decodeHash(encodeHash(s, 7));
    expect(link.problems).toEqual([]);
    expect(link.scenario.counts).toEqual(s.counts);
    expect(link.scenario.comparisons).toBe('observed');
    expect(encodeHash(s, 7)).toContain('counts=2-1,0-1,1.5-0.5');
  });

  it('long counts stay out of links but not out of the autosave', () => {
    const n = 60;
    const counts = Array.from({ length: n }, (_, i) =>
      Array.from({ length: n }, (_, j) => (i === j ? 0 : 100 + i + j)),
    );
    const P = counts.map((row, i) => row.map((x, j) => (i === j ? 0.5 : x / (x + counts[j][i]))));
    const store = createAppStore();
    store.getState().loadData(P, null, counts);
    const s: Scenario = store.getState().scenario;
    expect(encodeHash(s, 0)).not.toContain('counts=');
    const saved = encodeHash(s, 0, true);
    expect(saved.length).toBeGreaterThan(COUNTS_URL_MAX_CHARS);
    expect(decodeHash(saved).scenario.counts).toEqual(counts);
    // The link alone says that it lacks the counts the observed fit needs.
    const link = decodeHash(encodeHash(s, 0));
    expect(link.scenario.comparisons).toBe('uniform');
    expect(link.problems.map((p) => p.field)).toEqual(['comparisons']);
  });

  it('invalid counts are named and dropped; the matrix still loads', () => {
    const { store } = loaded();
    const s = store.getState().scenario;
    const hash = encodeHash(s, 0).replace('counts=2-1', 'counts=2-9');
    const d = decodeHash(hash);
    expect(d.problems.map((p) => p.field)).toContain('counts');
    expect(d.scenario.counts).toBeNull();
    expect(d.scenario.preferences).toEqual(s.preferences);
  });
});
