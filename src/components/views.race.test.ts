/**
 * The race selector against a hand-made run on rock-paper-scissors: e_0 of the last and of the
 * average iterate (computed by hand), the first t below ε, "not within the run", the ε choice,
 * and no average for a thinned history.
 */
import { describe, expect, it } from 'vitest';
import type { SeriesChunk } from '../core/workerApi.ts';
import { createAppStore } from '../state/appStore.ts';
import { createRunStore, replaceRun, setT } from '../state/runStore.ts';
import { createUiStore } from '../state/uiStore.ts';
import { createViews } from './views.ts';

const P = [
  [0.5, 0.9, 0.1],
  [0.1, 0.5, 0.9],
  [0.9, 0.1, 0.5],
];
// Rows: pure rock (e_0 = 0.4), (0.2, 0.3, 0.5) (Pπ = (0.42, 0.62, 0.46): e_0 = 0.12), uniform (0).
const rows = [1, 0, 0, 0.2, 0.3, 0.5, 1 / 3, 1 / 3, 1 / 3];
const eq = {
  regularized: new Float64Array(3).fill(1 / 3),
  nash: new Float64Array(3).fill(1 / 3),
  rewards: new Float64Array(3),
  rlhfOptimum: new Float64Array(3).fill(1 / 3),
  tauGrid: new Float64Array(0),
  regularizedPath: new Float64Array(0),
  rlhfPath: new Float64Array(0),
};
const chunk = (times?: number[]): SeriesChunk => ({
  algorithm: 'nash-md',
  start: 0,
  rows: 3,
  policies: Float64Array.from(rows),
  kl: Float64Array.from([0.7, 0.3, 0.01]),
  exploitability: new Float64Array(3),
  ...(times ? { times: Float64Array.from(times) } : {}),
});

function setup() {
  const appStore = createAppStore();
  appStore.getState().setPreferences(P);
  const runStore = createRunStore();
  const views = createViews(createUiStore());
  return { app: () => appStore.getState(), runStore, views };
}

describe('the race selector', () => {
  it('e_0 of the last and the average iterate, KL, and the first t below ε', () => {
    const { app, runStore, views } = setup();
    replaceRun(runStore, 3, eq, [chunk()], 2);
    setT(runStore, 1);
    let race = views.raceProps(runStore.getState(), app())!;
    expect(race.epsilon).toBe(1e-3);
    const row = race.rows[0];
    expect(row.last).toBeCloseTo(0.12, 14);
    // π̄_1 = (0.6, 0.15, 0.25): Pπ̄ = (0.46, 0.36, 0.68), e_0 = 0.18.
    expect(row.average).toBeCloseTo(0.18, 14);
    expect(row.kl).toBe(0.3);
    expect(row.firstBelow).toBeNull(); // not within the run up to t = 1
    expect(views.raceProps(runStore.getState(), app())).toBe(race); // same inputs, same props
    setT(runStore, 2);
    race = views.raceProps(runStore.getState(), app())!;
    expect(race.rows[0].firstBelow).toBe(2);
    views.setRaceEpsilon(0.2);
    expect(views.topKStore.getState().epsilon).toBe(1e-3); // not one of the choices: ignored
    views.setRaceEpsilon(1e-2);
    expect(views.raceProps(runStore.getState(), app())!.epsilon).toBe(1e-2);
    expect(race.averageShown).toBe(true);
  });

  it('a thinned history has no average iterate; the first t below ε is the stored row’s iteration', () => {
    const { app, runStore, views } = setup();
    replaceRun(runStore, 3, eq, [chunk([0, 64, 128])], 128);
    setT(runStore, 128);
    const race = views.raceProps(runStore.getState(), app())!;
    expect(race.averageShown).toBe(false);
    expect(race.rows[0].average).toBeNull();
    expect(race.rows[0].firstBelow).toBe(128);
    expect(race.rows[0].last).toBeLessThan(1e-15);
  });
});
