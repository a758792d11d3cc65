/**
 * Average iterates (issue 14): with `average`, every run also yields π̄_t = (1/(t+1)) Σ_{s≤t} π_s.
 * Checked against the plain mean of simulate()'s rows, through chunked advances, the worker's
 * thinned history (the mean still sees every iteration) and an extension.
 */
import { describe, expect, it } from 'vitest';
import type { AlgorithmId } from '../algorithms/index.ts';
import { createRunner, simulate } from '../simulate.ts';
import { createSimulationService, transferables } from '../simulationService.ts';
import type { ScenarioSpec, SeriesChunk } from '../workerApi.ts';

const spec: ScenarioSpec<AlgorithmId> = {
  preferences: [
    [0.5, 0.9, 0.1],
    [0.1, 0.5, 0.9],
    [0.9, 0.1, 0.5],
  ],
  reference: [0.5, 0.3, 0.2],
  initial: [0.7, 0.2, 0.1],
  tau: 0,
  eta: 0.3,
  comparisons: 'uniform',
  algorithms: ['mwu', 'omd'],
  average: true,
};

/** Σ_{s≤t} π_s / (t+1) summed directly from the rows, for each t ≤ steps. */
function naiveAverages(policies: Float64Array, n: number, steps: number): number[][] {
  const out: number[][] = [];
  for (let t = 0; t <= steps; t++) {
    const avg = new Array<number>(n).fill(0);
    for (let s = 0; s <= t; s++) for (let i = 0; i < n; i++) avg[i] += policies[s * n + i];
    out.push(avg.map((x) => x / (t + 1)));
  }
  return out;
}

function expectClose(actual: ArrayLike<number>, expected: readonly number[], label: string): void {
  expect(actual.length, label).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) expect(Math.abs(actual[i] - expected[i]), label).toBeLessThan(1e-12);
}

describe('average iterates', () => {
  it('the runner keeps π̄_t of every row, continued across advances', () => {
    const steps = 40;
    const whole = simulate({ ...spec, algorithm: 'mwu', steps }).policies;
    const expected = naiveAverages(whole, 3, steps);
    const runner = createRunner({ ...spec, algorithm: 'mwu', steps: 0 });
    runner.advance(15);
    expectClose(runner.averages!.subarray(15 * 3), expected[15], 't = 15');
    const rows = runner.advance(25);
    for (let k = 0; k <= 25; k++)
      expectClose(runner.averages!.subarray(k * 3, (k + 1) * 3), expected[15 + k], `t = ${15 + k}`);
    expect(Array.from(rows.subarray(25 * 3))).toEqual(Array.from(whole.subarray(40 * 3)));
    // MWU on rock-paper-scissors cycles: its average ends nearer the Nash (⅓, ⅓, ⅓) than its last iterate.
    const dist = (v: ArrayLike<number>) => Math.max(...Array.from(v, (x) => Math.abs(x - 1 / 3)));
    expect(dist(expected[40])).toBeLessThan(dist(whole.subarray(40 * 3)));
  });

  it('without `average` the runner keeps none', () => {
    const runner = createRunner({ ...spec, average: false, algorithm: 'mwu', steps: 0 });
    runner.advance(3);
    expect(runner.averages).toBeNull();
  });

  it('the service sends each run and then its average, thinned or not, and extends both', () => {
    const service = createSimulationService<AlgorithmId>();
    const steps = 30;
    const r = service.compute(1, spec, steps);
    if (!r.ok) throw new Error(r.problem.message);
    expect(r.chunks.map((c) => [c.algorithm, c.average === true])).toEqual([
      ['mwu', false],
      ['mwu', true],
      ['omd', false],
      ['omd', true],
    ]);
    const averageOf = (chunks: SeriesChunk<AlgorithmId>[], a: AlgorithmId) =>
      chunks.find((c) => c.average && c.algorithm === a)!;
    for (const a of ['mwu', 'omd'] as const) {
      const expected = naiveAverages(simulate({ ...spec, algorithm: a, steps: 50 }).policies, 3, 50);
      const c = averageOf(r.chunks, a);
      for (let t = 0; t <= steps; t++)
        expectClose(c.policies.subarray(t * 3, (t + 1) * 3), expected[t], `${a} t = ${t}`);
      expect(c.exploitability.every(Number.isFinite)).toBe(true);
    }
    const e = service.extend(1, 20);
    if (!e.ok) throw new Error('extend failed');
    expect(e.chunks.length).toBe(4);
    expect(transferables(e).length).toBe(4 * 3);
    const expected = naiveAverages(simulate({ ...spec, algorithm: 'omd', steps: 50 }).policies, 3, 50);
    const c = averageOf(e.chunks, 'omd');
    expect(c.start).toBe(30);
    for (let k = 0; k <= 20; k++)
      expectClose(c.policies.subarray(k * 3, (k + 1) * 3), expected[30 + k], `t = ${30 + k}`);
  });

  it('a thinned history keeps the exact average at the rows it keeps', () => {
    const service = createSimulationService<AlgorithmId>();
    const steps = 300;
    const r = service.compute(2, { ...spec, algorithms: ['mwu'] }, steps, { stride: 16, recentFrom: 280, head: 8 });
    if (!r.ok) throw new Error(r.problem.message);
    const [last, avg] = r.chunks;
    expect(avg.average).toBe(true);
    expect(Array.from(avg.times!)).toEqual(Array.from(last.times!));
    expect(avg.times!.buffer).not.toBe(last.times!.buffer); // both are transferred
    const expected = naiveAverages(simulate({ ...spec, algorithm: 'mwu', steps }).policies, 3, steps);
    avg.times!.forEach((t, k) => expectClose(avg.policies.subarray(k * 3, (k + 1) * 3), expected[t], `t = ${t}`));
    expect(avg.rows).toBeLessThan(steps / 4);
  });
});
