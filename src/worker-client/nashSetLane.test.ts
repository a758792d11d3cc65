/**
 * The client's Nash-set lane with a scripted engine: every request is sent at once (the worker
 * abandons the older one), and only the newest request's progress and answer reach the handlers.
 */
import { describe, expect, it, vi } from 'vitest';
import type { NashSetResponse, ScenarioSpec } from '../core/workerApi.ts';
import type { Engine } from './engines.ts';

(globalThis as { window?: unknown }).window ??= globalThis;

const calls: {
  version: number;
  limit: boolean;
  progress: (f: number) => void;
  answer: (r: NashSetResponse) => void;
}[] = [];
vi.mock('./engines.ts', () => ({
  createWorkerEngine: (): Engine => ({
    kind: 'worker',
    compute: () => new Promise(() => {}),
    extend: () => new Promise(() => {}),
    nashSet: (version, _spec, limit, onProgress) =>
      new Promise<NashSetResponse>((answer) => calls.push({ version, limit, progress: onProgress!, answer })),
    dispose: () => {},
  }),
  createMainThreadEngine: () => {
    throw new Error('not used');
  },
}));

const { SimulationClient } = await import('./simulationClient.ts');
const spec = {} as ScenarioSpec;
const okAnswer = (version: number): NashSetResponse => ({
  ok: true,
  version,
  n: 2,
  nash: Float64Array.of(1, 0),
  unique: true,
  low: Float64Array.of(1, 0),
  high: Float64Array.of(1, 0),
  inSome: 1,
  complete: true,
  limit: null,
});

describe('SimulationClient: the Nash-set lane', () => {
  it('sends each request at once; the older one’s progress and answer are dropped', async () => {
    const answers: number[] = [];
    const progress: [number, number][] = [];
    const client = new SimulationClient({
      onCompute: () => {},
      onExtend: () => {},
      onFailure: () => {},
      onNashSet: (r) => answers.push(r.version),
      onNashSetProgress: (v, f) => progress.push([v, f]),
    });
    const first = client.nashSet(spec, false);
    const second = client.nashSet(spec, true);
    expect(calls.map((c) => [c.version, c.limit])).toEqual([
      [first, false],
      [second, true],
    ]);
    calls[0].progress(0.5);
    calls[1].progress(0.25);
    calls[0].answer(okAnswer(first)); // finished before it heard of the newer request
    calls[1].answer(okAnswer(second));
    await vi.waitFor(() => expect(answers).toEqual([second]));
    expect(progress).toEqual([[second, 0.25]]);
    client.dispose();
  });
});
