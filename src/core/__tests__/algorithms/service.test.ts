/**
 * The worker's simulation service (and the HiGHS-free preview) with every algorithm of the
 * registry: rows equal simulate()'s, chunks in the scenario's order, finite metrics, and COMAL at
 * τ = 0 reported unavailable with its reason (no rows, no NaN) while the others run.
 */
import { describe, expect, it } from 'vitest';
import { ALGORITHM_IDS, type AlgorithmId } from '../../algorithms/index.ts';
import { previewRuns } from '../../previewRuns.ts';
import { simulate } from '../../simulate.ts';
import { createSimulationService, transferables } from '../../simulationService.ts';
import type { ScenarioSpec, SeriesChunk } from '../../workerApi.ts';

const base: ScenarioSpec<AlgorithmId> = {
  preferences: [
    [0.5, 0.9, 0.1],
    [0.1, 0.5, 0.9],
    [0.9, 0.1, 0.5],
  ],
  reference: [0.5, 0.3, 0.2],
  initial: [0.7, 0.2, 0.1],
  tau: 0.1,
  eta: 2,
  comparisons: 'uniform',
  algorithms: [...ALGORITHM_IDS],
  refresh: 9,
};

function expectRows(chunks: SeriesChunk<AlgorithmId>[], spec: ScenarioSpec<AlgorithmId>, steps: number): void {
  expect(chunks.map((c) => c.algorithm)).toEqual(spec.algorithms);
  for (const c of chunks) {
    if (c.unavailable) continue;
    const whole = simulate({ ...spec, algorithm: c.algorithm, steps }).policies;
    expect(Array.from(c.policies), c.algorithm).toEqual(
      Array.from(whole.subarray(c.start * 3, (c.start + c.rows) * 3)),
    );
  }
}

describe('the simulation service runs every registry algorithm', () => {
  it('compute, then extend: the rows of simulate(), finite metrics, in the scenario order', () => {
    const service = createSimulationService<AlgorithmId>();
    const r = service.compute(1, base, 60);
    if (!r.ok) throw new Error(r.problem.message);
    expectRows(r.chunks, base, 60);
    for (const c of r.chunks) {
      expect(c.unavailable).toBeUndefined();
      expect(c.rows).toBe(61);
      expect([...c.kl, ...c.exploitability].every(Number.isFinite), c.algorithm).toBe(true);
    }
    const e = service.extend(1, 25);
    if (!e.ok) throw new Error('extend failed');
    expect(e.chunks.every((c) => c.start === 60 && c.rows === 26)).toBe(true);
    expectRows(e.chunks, base, 85);
    expect(transferables(e).length).toBe(3 * ALGORITHM_IDS.length);
  });

  it('τ = 0: COMAL comes back unavailable with its reason (no rows, nothing NaN); the others run', () => {
    const spec: ScenarioSpec<AlgorithmId> = { ...base, tau: 0, eta: 0.5 };
    const service = createSimulationService<AlgorithmId>();
    const r = service.compute(2, spec, 40);
    if (!r.ok) throw new Error(r.problem.message);
    const comal = r.chunks.find((c) => c.algorithm === 'comal')!;
    expect(comal.unavailable).toMatch(/Prox point \(COMAL\) needs τ > 0/);
    expect([comal.rows, comal.policies.length, comal.kl.length, comal.exploitability.length]).toEqual([0, 0, 0, 0]);
    for (const c of r.chunks.filter((c) => c.algorithm !== 'comal')) {
      expect(c.unavailable).toBeUndefined();
      expect(c.rows).toBe(41);
      expect([...c.policies, ...c.kl, ...c.exploitability].every(Number.isFinite), c.algorithm).toBe(true);
    }
    expectRows(r.chunks, spec, 40);
    const e = service.extend(2, 10);
    if (!e.ok) throw new Error('extend failed');
    expect(e.chunks.find((c) => c.algorithm === 'comal')!.unavailable).toMatch(/needs τ > 0/);
    expect(e.chunks.find((c) => c.algorithm === 'mwu')!.rows).toBe(11);
    // Every transferred buffer is distinct (a repeated buffer makes postMessage throw).
    const buffers = transferables(e);
    expect(new Set(buffers).size).toBe(buffers.length);
  });

  it('the deferred answer and its follow-up carry the unavailable chunk too', () => {
    const spec: ScenarioSpec<AlgorithmId> = { ...base, tau: 0, eta: 0.5, algorithms: ['comal', 'omwu'] };
    const service = createSimulationService<AlgorithmId>();
    const r = service.compute(3, spec, 20, undefined, () => {}, true);
    if (!r.ok) throw new Error(r.problem.message);
    expect(r.deferred).toBe(true);
    expect(r.chunks[0].unavailable).toMatch(/needs τ > 0/);
    const f = service.followUp(3)!;
    expect(f.kl.map((k) => k.length)).toEqual([0, 21]);
    expect(Array.from(f.exploitability[1]).every(Number.isFinite)).toBe(true);
  });

  it('previewRuns (before HiGHS has loaded) runs them too', () => {
    const p = previewRuns<AlgorithmId>({ ...base, tau: 0, eta: 0.5 }, 30)!;
    expect(p.chunks.map((c) => c.algorithm)).toEqual(base.algorithms);
    expect(p.chunks.find((c) => c.algorithm === 'comal')!.unavailable).toMatch(/needs τ > 0/);
    expect(p.chunks.find((c) => c.algorithm === 'replicator')!.rows).toBe(31);
  });

  it('an unknown id or a bad refresh is an input problem naming its field', () => {
    const service = createSimulationService<AlgorithmId>();
    const bad = service.compute(4, { ...base, algorithms: ['mwu', 'sppo' as AlgorithmId] }, 10);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problem.field).toBe('algorithm');
    const k = service.compute(5, { ...base, refresh: 0 }, 10);
    expect(k.ok).toBe(false);
    if (!k.ok) expect(k.problem.field).toBe('refresh');
  });
});

describe('catalog and registry', () => {
  it('list the same algorithms in the same order, with the same descriptions', async () => {
    const { ALGORITHM_CATALOG, ALGORITHM_DEFINITIONS, algorithmById } = await import('../../algorithms/index.ts');
    // The always-loaded definitions come first, in catalog order; the rest load on demand (the
    // setup file has loaded them) and are found by id.
    expect(ALGORITHM_DEFINITIONS.map((d) => d.id)).toEqual(ALGORITHM_IDS.slice(0, ALGORITHM_DEFINITIONS.length));
    expect(ALGORITHM_CATALOG.map((d) => d.id)).toEqual(ALGORITHM_IDS);
    ALGORITHM_IDS.map((id) => algorithmById(id)!).forEach((d, k) => {
      const info = ALGORITHM_CATALOG[k];
      for (const key of Object.keys(info) as (keyof typeof info)[]) expect(d[key], `${d.id}.${key}`).toBe(info[key]);
      expect(typeof d.advance).toBe('function');
    });
    expect(new Set(ALGORITHM_CATALOG.map((d) => d.displayName)).size).toBe(ALGORITHM_IDS.length);
    expect(new Set(ALGORITHM_CATALOG.map((d) => d.shortName)).size).toBe(ALGORITHM_IDS.length);
  });
});
