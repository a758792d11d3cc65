/** The service's Nash-set lane (SimulationApi.nashSet): answers, progress and newest-wins cancellation. */
import { describe, expect, it } from 'vitest';
import { createSimulationService } from '../simulationService.ts';
import type { ScenarioSpec } from '../workerApi.ts';
import { lcg } from './seededGame.ts';

const spec = (preferences: number[][]): ScenarioSpec => ({
  preferences,
  reference: preferences.map((_, i) => (2 * (i + 1)) / (preferences.length * (preferences.length + 1))),
  initial: preferences.map(() => 1),
  tau: 0.1,
  eta: 1,
  comparisons: 'uniform',
  algorithms: ['nash-md'],
});

const RPS_DUP = [
  [0.5, 0, 1, 1],
  [1, 0.5, 0, 0],
  [0, 1, 0.5, 0.5],
  [0, 1, 0.5, 0.5],
];

/** Sparse, leaderboard-like data: most pairs never compared (½), so many equilibria. */
function sparse(n: number, seed: number): number[][] {
  const rand = lcg(seed);
  const P = Array.from({ length: n }, () => new Array<number>(n).fill(0.5));
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++)
      if (rand() < 0.15) {
        P[i][j] = Math.round(rand() * 10) / 10;
        P[j][i] = 1 - P[i][j];
      }
  return P;
}

const now = () => Promise.resolve();

describe('nashSet (the worker lane)', () => {
  it('answers the ranges, the count in some equilibrium and, asked for, the τ → 0 limit for μ', async () => {
    const s = createSimulationService();
    const progress: number[] = [];
    const r = await s.nashSet(1, spec(RPS_DUP), true, (f) => progress.push(f), now);
    if (!r.ok) throw new Error('not ok');
    expect(r.unique).toBe(false);
    expect(r.inSome).toBe(4);
    expect(r.high[2]).toBeCloseTo(1 / 3, 8);
    expect(r.low[3]).toBeCloseTo(0, 8);
    // μ ∝ (1, 2, 3, 4): the copies split 1/3 as 3 : 4.
    expect(r.limit!.policy[2]).toBeCloseTo(1 / 7, 6);
    expect(r.limit!.policy[3]).toBeCloseTo(4 / 21, 6);
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(1);
    for (let k = 1; k < progress.length; k++) expect(progress[k]).toBeGreaterThanOrEqual(progress[k - 1]);
  });

  it('a unique Nash: ranges collapse, no limit computed', async () => {
    const s = createSimulationService();
    const r = await s.nashSet(
      1,
      spec([
        [0.5, 0.8],
        [0.2, 0.5],
      ]),
      true,
      undefined,
      now,
    );
    if (!r.ok) throw new Error('not ok');
    expect(r.unique).toBe(true);
    expect(Array.from(r.low)).toEqual(Array.from(r.nash));
    expect(r.limit).toBeNull();
  });

  it('a newer request abandons the one running (newest wins), and bad input is named', async () => {
    const s = createSimulationService();
    const first = s.nashSet(1, spec(sparse(80, 3)), false, undefined, now);
    const second = s.nashSet(2, spec(RPS_DUP), false, undefined, now);
    expect(await first).toEqual({ ok: false, version: 1, problem: null });
    expect((await second).ok).toBe(true);
    const bad = await s.nashSet(
      3,
      spec([
        [0.5, 2],
        [-1, 0.5],
      ]),
      false,
      undefined,
      now,
    );
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problem?.field).toBe('preferences');
  });
});
