/**
 * The client's request discipline with a scripted engine: a computation that overtakes a hung
 * extension is not lost when that extension times out and the worker is replaced.
 */
import { describe, expect, it, vi } from 'vitest';
import type { ComputeResponse, ExtendResponse, SampleSizeResponse, ScenarioSpec } from '../core/workerApi.ts';
import type { Engine } from './engines.ts';

// The client times requests with window.setTimeout; Node has the same functions on globalThis.
(globalThis as { window?: unknown }).window ??= globalThis;

/** Engines in creation order: the first hangs on extensions; every engine answers computations. */
const engines: { computes: number[]; sampleSizes: number[] }[] = [];
vi.mock('./engines.ts', () => ({
  createWorkerEngine: (): Engine => {
    const index = engines.length;
    const log = { computes: [] as number[], sampleSizes: [] as number[] };
    engines.push(log);
    return {
      kind: 'worker',
      compute: (version) => {
        log.computes.push(version);
        // The first engine is dead by then: its answers never come.
        return index === 0
          ? new Promise<ComputeResponse>(() => {})
          : Promise.resolve({ ok: true, version, n: 3, equilibria: null, chunks: [] });
      },
      extend: () => new Promise<ExtendResponse>(() => {}),
      // The first engine never answers the sample-size curve (it dies); the others do.
      sampleSize: (version) => {
        log.sampleSizes.push(version);
        return index === 0
          ? new Promise<SampleSizeResponse>(() => {})
          : Promise.resolve({ ok: false, version, problem: { field: 'sampling', message: 'answered' } });
      },
      dispose: () => {},
    };
  },
  createMainThreadEngine: () => {
    throw new Error('not used');
  },
}));

const { SimulationClient } = await import('./simulationClient.ts');
const spec = {} as ScenarioSpec;

describe('SimulationClient', () => {
  it('re-sends a computation that overtook an extension which then timed out', async () => {
    const answers: number[] = [];
    const failures: string[] = [];
    const client = new SimulationClient({
      onCompute: (r) => answers.push(r.version),
      onExtend: () => {},
      onFailure: (m) => failures.push(m),
    });
    client.timeoutMs = 50;
    client.extend(10); // hangs on engine 0
    const version = client.compute(spec, 100); // overtakes it, also on engine 0 (which is hung)
    await vi.waitFor(() => expect(answers).toEqual([version]), { timeout: 2000 });
    expect(failures[0]).toMatch(/did not answer/);
    expect(engines.map((e) => e.computes)).toEqual([[version], [version]]);
    client.dispose();
  });

  it('sends the sample-size curve again after a restart (the old worker never answers it)', async () => {
    engines.length = 0;
    const client = new SimulationClient({ onCompute: () => {}, onExtend: () => {}, onFailure: () => {} });
    client.timeoutMs = 50;
    const answer = client.sampleSize(spec, () => {});
    client.compute(spec, 10); // hangs on engine 0: the time limit restarts the worker
    const r = await answer;
    expect(r && !r.ok && r.problem?.message).toBe('answered');
    expect(engines.map((e) => e.sampleSizes)).toEqual([[1], [1]]);
    // A newer request replaces an older one still waiting: the older resolves null.
    const older = client.sampleSize(spec, () => {});
    const newer = client.sampleSize(spec, () => {});
    expect(await older).toBeNull();
    expect((await newer)?.version).toBe(3);
    client.dispose();
  });
});
