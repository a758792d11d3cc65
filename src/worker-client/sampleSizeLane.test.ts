/**
 * The client's sample-size lane (issue 16) with a scripted engine: each request is sent at once
 * (the worker abandons the older one); an older request's progress and answer are dropped.
 */
import { describe, expect, it, vi } from 'vitest';
import type { SampleSizeResponse, ScenarioSpec } from '../core/workerApi.ts';
import type { Engine } from './engines.ts';

(globalThis as { window?: unknown }).window ??= globalThis;

const calls: { version: number; progress: (f: number) => void; answer: (r: SampleSizeResponse) => void }[] = [];
vi.mock('./engines.ts', () => ({
  createWorkerEngine: (): Engine => ({
    kind: 'worker',
    compute: () => new Promise(() => {}),
    extend: () => new Promise(() => {}),
    sampleSize: (version, _spec, onProgress) =>
      new Promise<SampleSizeResponse>((answer) => calls.push({ version, progress: onProgress!, answer })),
    dispose: () => {},
  }),
  createMainThreadEngine: () => {
    throw new Error('not used');
  },
}));

const { SimulationClient } = await import('./simulationClient.ts');
const spec = {} as ScenarioSpec;
const band = () => ({ median: Float64Array.of(0.1), low: Float64Array.of(0), high: Float64Array.of(0.2) });
const okAnswer = (version: number): SampleSizeResponse => ({
  ok: true,
  version,
  sizes: Float64Array.of(10),
  nlhf: band(),
  rlhf: band(),
  seeds: 20,
  tau: 0.1,
});

describe('SimulationClient: the sample-size lane', () => {
  it('sends each request at once; only the newest one’s progress and answer come back', async () => {
    const client = new SimulationClient({ onCompute: () => {}, onExtend: () => {}, onFailure: () => {} });
    const progress: [string, number][] = [];
    const first = client.sampleSize(spec, (f) => progress.push(['first', f]));
    const second = client.sampleSize(spec, (f) => progress.push(['second', f]));
    expect(calls.map((c) => c.version)).toEqual([1, 2]);
    calls[0].progress(0.5);
    calls[1].progress(0.25);
    calls[0].answer(okAnswer(1)); // finished before it heard of the newer request
    calls[1].answer(okAnswer(2));
    expect(await first).toBeNull();
    expect((await second)?.version).toBe(2);
    expect(progress).toEqual([['second', 0.25]]);
    // An abandoned answer (problem null) is no answer either.
    const third = client.sampleSize(spec, () => {});
    calls[2].answer({ ok: false, version: 3, problem: null });
    expect(await third).toBeNull();
    client.dispose();
  });
});
