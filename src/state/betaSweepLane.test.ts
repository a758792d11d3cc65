/**
 * The β sweep's lane (betaSweepLane.ts over SimulationClient.lane) with a scripted engine: every
 * request is sent at once, only the newest one's progress and answer reach the ui store, a late
 * progress message does not undo the answer, and an unchanged request is not sent again.
 */
import { describe, expect, it, vi } from 'vitest';
import type { BetaSweepResponse } from '../core/workerApi.ts';
import type { Engine } from '../worker-client/engines.ts';
import { DEFAULT, toSpec } from './scenario.ts';
import { createUiStore } from './uiStore.ts';

(globalThis as { window?: unknown }).window ??= globalThis;

const calls: {
  version: number;
  steps: number;
  progress: (f: number) => void;
  answer: (r: BetaSweepResponse) => void;
}[] = [];
/** Whether the next engine has a sweep of its own (the worker's) or not (the main-thread engine's case). */
const withSweep = { on: true };
vi.mock('../worker-client/engines.ts', () => ({
  createWorkerEngine: (): Engine => ({
    kind: 'worker',
    compute: () => new Promise(() => {}),
    extend: () => new Promise(() => {}),
    betaSweep: withSweep.on
      ? (version, _spec, steps, onProgress) =>
          new Promise<BetaSweepResponse>((answer) => calls.push({ version, steps, progress: onProgress!, answer }))
      : undefined,
    dispose: () => {},
  }),
  createMainThreadEngine: () => {
    throw new Error('not used');
  },
}));

const { SimulationClient } = await import('../worker-client/simulationClient.ts');
const { requestBetaSweep } = await import('./betaSweepLane.ts');

const answer = (version: number, steps: number): BetaSweepResponse => ({
  ok: true,
  version,
  n: 3,
  steps,
  labels: ['SFT (μ)'],
  betas: [null],
  policies: new Float64Array(3),
  matrix: Float64Array.of(0.5),
  average: Float64Array.of(0.5),
  order: [0],
  best: 0,
});

describe('the β sweep lane', () => {
  it('takes the newest request only; late progress does not undo its answer', async () => {
    const client = new SimulationClient({ onCompute: () => {}, onExtend: () => {}, onFailure: () => {} });
    const ui = createUiStore();
    const other = { ...DEFAULT.scenario, tau: 0.3 };
    requestBetaSweep(client, ui, DEFAULT.scenario, toSpec(DEFAULT.scenario), 100);
    requestBetaSweep(client, ui, DEFAULT.scenario, toSpec(DEFAULT.scenario), 100); // the same: not sent again
    requestBetaSweep(client, ui, other, toSpec(other), 200);
    expect(calls.map((c) => c.steps)).toEqual([100, 200]);
    calls[0].progress(0.9);
    expect(ui.getState().betaSweep!.fraction).toBe(0);
    calls[1].progress(0.4);
    expect(ui.getState().betaSweep!.fraction).toBe(0.4);
    calls[0].answer(answer(calls[0].version, 100));
    calls[1].answer(answer(calls[1].version, 200));
    await vi.waitFor(() => expect(ui.getState().betaSweep!.result?.steps).toBe(200));
    calls[1].progress(0.99); // arrived after the answer, through its own port
    expect(ui.getState().betaSweep!.fraction).toBe(1);
    expect(ui.getState().betaSweep!.scenario).toBe(other);
    client.dispose();
  });

  it('an engine without a sweep (the main-thread engine) gets it from the service on this thread', async () => {
    withSweep.on = false;
    const client = new SimulationClient({ onCompute: () => {}, onExtend: () => {}, onFailure: () => {} });
    const ui = createUiStore();
    const s = { ...DEFAULT.scenario, algorithms: ['nash-md-pg' as const] };
    requestBetaSweep(client, ui, s, toSpec(s), 40);
    await vi.waitFor(() => expect(ui.getState().betaSweep!.fraction).toBe(1), { timeout: 10_000 });
    const r = ui.getState().betaSweep!.result!;
    expect(r.steps).toBe(40);
    expect(r.labels).toHaveLength(11);
    client.dispose();
  });
});
