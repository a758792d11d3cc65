/**
 * Seed bundles of sampled policy-gradient runs (issue 17): with gradient = 'sampled' and K seeds,
 * each policy-gradient run is followed by its companions: the mean of the K seeds' policies, the
 * same algorithm with exact gradients, and the seeds' own runs. Checked against simulate() run
 * with pgSeed + k and with exact gradients, through a thinned history and an extension; and the
 * default path (no PG algorithm, or exact gradients) gets no companion.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { AlgorithmId } from '../algorithms/index.ts';
import { loadAlgorithms } from '../algorithms/registry.ts';
import { PG_DEFAULTS } from '../pgDefaults.ts';
import { BUNDLE_DEFAULTS } from '../seedBundle.ts';
import { simulate } from '../simulate.ts';
import { createSimulationService, transferables } from '../simulationService.ts';
import type { ScenarioSpec, SeriesChunk } from '../workerApi.ts';

const pg = { gradient: 'sampled' as const, seeds: 5, seed: 7, batch: 4, lr: 0.3 };
const spec: ScenarioSpec<AlgorithmId> = {
  preferences: [
    [0.5, 0.8, 0.3],
    [0.2, 0.5, 0.7],
    [0.7, 0.3, 0.5],
  ],
  reference: [0.5, 0.3, 0.2],
  initial: [0.6, 0.3, 0.1],
  tau: 0.1,
  eta: 0.2,
  comparisons: 'uniform',
  algorithms: ['nash-md-pg', 'omd', 'rlhf-pg'],
  pg,
};

beforeAll(() => loadAlgorithms(['nash-md-pg', 'rlhf-pg', 'nash-ema-pg']));

const run = (algorithm: AlgorithmId, steps: number, over: object = {}) =>
  simulate({ ...spec, algorithm, steps, pg: { ...pg, ...over } }).policies;

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tol: number, label: string): void {
  expect(actual.length, label).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) expect(Math.abs(actual[i] - expected[i]), label).toBeLessThanOrEqual(tol);
}

const of = (chunks: SeriesChunk<AlgorithmId>[], algorithm: string, bundle?: string, seeds?: number) =>
  chunks.filter((c) => c.algorithm === algorithm && c.bundle === bundle && (seeds === undefined || c.seeds === seeds));

describe('seed bundle', () => {
  it('sends the mean of K seeds, the exact-gradient run and K − 1 seeds after each PG run, none for the others', () => {
    const steps = 30;
    const r = createSimulationService<AlgorithmId>().compute(1, spec, steps);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const chunks = r.chunks;
    expect(chunks.map((c) => `${c.algorithm}${c.bundle ? `/${c.bundle}${c.seeds ?? ''}` : ''}`)).toEqual([
      'nash-md-pg',
      'nash-md-pg/mean5',
      'nash-md-pg/exact',
      'nash-md-pg/seed1',
      'nash-md-pg/seed2',
      'nash-md-pg/seed3',
      'nash-md-pg/seed4',
      'omd',
      'rlhf-pg',
      'rlhf-pg/mean5',
      'rlhf-pg/exact',
      'rlhf-pg/seed1',
      'rlhf-pg/seed2',
      'rlhf-pg/seed3',
      'rlhf-pg/seed4',
    ]);
    for (const algorithm of ['nash-md-pg', 'rlhf-pg'] as const) {
      // The run itself is unchanged: seed pgSeed's.
      expectClose(of(chunks, algorithm)[0].policies, run(algorithm, steps), 0, `${algorithm} run`);
      // Seed k's run is a single run with pgSeed + k, bit for bit.
      const seedRuns = [run(algorithm, steps)];
      for (let k = 1; k < 5; k++) {
        const single = run(algorithm, steps, { seed: 7 + k });
        seedRuns.push(single);
        expectClose(of(chunks, algorithm, 'seed', k)[0].policies, single, 0, `${algorithm} seed ${k}`);
      }
      // The seeds differ (else the bundle would show nothing).
      expect(seedRuns[1].some((x, i) => x !== seedRuns[2][i])).toBe(true);
      // The mean is the mean of the K runs' policies at every step, to 1e-12.
      const mean = seedRuns[0].map((_, i) => seedRuns.reduce((acc, q) => acc + q[i], 0) / 5);
      expectClose(of(chunks, algorithm, 'mean')[0].policies, mean, 1e-12, `${algorithm} mean`);
      // The exact companion is the gradient = 'exact' run.
      expectClose(of(chunks, algorithm, 'exact')[0].policies, run(algorithm, steps, { gradient: 'exact' }), 0, 'exact');
    }
    // Every buffer is its own (they are transferred).
    const buffers = transferables(r);
    expect(new Set(buffers).size).toBe(buffers.length);
  });

  it('continues the companions on extend, and keeps them on a thinned history', () => {
    const service = createSimulationService<AlgorithmId>();
    const one = { ...spec, algorithms: ['nash-ema-pg'] as AlgorithmId[] };
    const r = service.compute(2, one, 10);
    expect(r.ok).toBe(true);
    const e = service.extend(2, 15);
    expect(e.ok).toBe(true);
    if (!e.ok) return;
    const whole = (k: number) => run('nash-ema-pg', 25, { seed: 7 + k });
    // Extension rows 0..15 are iterations 10..25.
    expectClose(of(e.chunks, 'nash-ema-pg', 'seed', 3)[0].policies, whole(3).subarray(30), 0, 'extended seed');
    const exact = run('nash-ema-pg', 25, { gradient: 'exact' });
    expectClose(of(e.chunks, 'nash-ema-pg', 'exact')[0].policies, exact.subarray(30), 0, 'extended exact');

    const thinned = service.compute(3, one, 200, { recentFrom: 150, stride: 16 });
    if (!thinned.ok) throw new Error('not ok');
    const mean = of(thinned.chunks, 'nash-ema-pg', 'mean')[0];
    const main = of(thinned.chunks, 'nash-ema-pg')[0];
    expect(Array.from(mean.times!)).toEqual(Array.from(main.times!));
    const runs = [0, 1, 2, 3, 4].map((k) => run('nash-ema-pg', 200, { seed: 7 + k }));
    const last = 200 * 3;
    const expected = [0, 1, 2].map((i) => runs.reduce((a, q) => a + q[last + i], 0) / 5);
    expectClose(mean.policies.subarray(mean.policies.length - 3), expected, 1e-12, 'thinned mean at t = 200');
  });

  it('costs nothing without a sampled PG run: exact gradients or no PG algorithm give no companions', () => {
    const service = createSimulationService<AlgorithmId>();
    for (const s of [
      { ...spec, pg: { ...pg, gradient: 'exact' as const } },
      { ...spec, algorithms: ['nash-md', 'omd'] as AlgorithmId[] },
    ]) {
      const r = service.compute(4, s, 5);
      if (!r.ok) throw new Error('not ok');
      expect(r.chunks.filter((c) => c.bundle !== undefined)).toEqual([]);
    }
  });

  it('its defaults are PG_DEFAULTS’ (K = 10 seeds from pgSeed 1)', () => {
    expect(BUNDLE_DEFAULTS).toEqual({ seeds: PG_DEFAULTS.seeds, seed: PG_DEFAULTS.seed });
  });

  it('K = 1: no mean and no seeds, only the exact path; seeds outside 1…50 are named', () => {
    const service = createSimulationService<AlgorithmId>();
    const r = service.compute(5, { ...spec, algorithms: ['nash-md-pg'], pg: { ...pg, seeds: 1 } }, 5);
    if (!r.ok) throw new Error('not ok');
    expect(r.chunks.map((c) => c.bundle ?? 'run')).toEqual(['run', 'exact']);
    const bad = service.compute(6, { ...spec, algorithms: ['nash-md-pg'], pg: { ...pg, seeds: 0 } }, 5);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problem?.field).toBe('seeds');
  });
});
