/** The service's β-sweep lane (SimulationApi.betaSweep): the answer, progress, bad input named, newest wins. */
import { describe, expect, it } from 'vitest';
import { betaSweep } from '../betaSweep.ts';
import { fitBradleyTerry } from '../bradleyTerry.ts';
import { createSimulationService } from '../simulationService.ts';
import { validatePreferences } from '../validate.ts';
import type { ScenarioSpec } from '../workerApi.ts';
import { randomGame } from './seededGame.ts';

const spec = (preferences: number[][]): ScenarioSpec => ({
  preferences,
  reference: preferences.map((_, i) => (2 * (i + 1)) / (preferences.length * (preferences.length + 1))),
  initial: preferences.map(() => 1 / preferences.length),
  tau: 0.1,
  eta: 1,
  comparisons: 'uniform',
  algorithms: ['nash-md-pg'],
  pg: { lr: 0.3 },
});

const now = () => Promise.resolve();

describe('betaSweep (the worker lane)', () => {
  it('answers the core sweep for min(t, cap) steps with progress from 0 to 1', async () => {
    const s = createSimulationService();
    const P = randomGame(4, 3);
    const progress: number[] = [];
    const r = await s.betaSweep(1, spec(P), 700, (f) => progress.push(f), now);
    if (!r.ok) throw new Error('not ok');
    const direct = betaSweep(spec(P), validatePreferences(P), 700, fitBradleyTerry(P));
    expect(r.steps).toBe(700);
    expect(Array.from(r.matrix)).toEqual(Array.from(direct.matrix));
    expect(r.order).toEqual(direct.order);
    expect(r.labels[0]).toBe('SFT (μ)');
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(1);
  });

  it('names a bad setting', async () => {
    const s = createSimulationService();
    const r = await s.betaSweep(1, { ...spec(randomGame(3, 1)), pg: { lr: -1 } }, 10, undefined, now);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem?.field).toBe('lr');
  });

  it('a newer request abandons the older one at its next pause', async () => {
    const s = createSimulationService();
    const P = randomGame(60, 5);
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const older = s.betaSweep(1, spec(P), 5000, undefined, () => gate);
    const newer = s.betaSweep(2, spec(randomGame(3, 2)), 50, undefined, now);
    release();
    const [a, b] = await Promise.all([older, newer]);
    expect(a).toEqual({ ok: false, version: 1, problem: null });
    expect(b.ok).toBe(true);
  });
});
