/** The sample-size curve's requests (issue 16): asked for once per scenario, kept by key, cleared without feedback. */
import { describe, expect, it } from 'vitest';
import type { SampleSizeResponse, ScenarioSpec } from '../core/workerApi.ts';
import type { SimulationClient } from '../worker-client/simulationClient.ts';
import { createAppStore } from './appStore.ts';
import { requestSampleSize } from './sampleSizeRequest.ts';
import { createUiStore } from './uiStore.ts';

function fakeClient() {
  const asked: { spec: ScenarioSpec; progress: (f: number) => void; answer: (r: SampleSizeResponse | null) => void }[] =
    [];
  const client = {
    sampleSize: (spec: ScenarioSpec, progress: (f: number) => void) =>
      new Promise<SampleSizeResponse | null>((answer) => asked.push({ spec, progress, answer })),
  } as unknown as SimulationClient;
  return { client, asked };
}

const band = () => ({ median: Float64Array.of(0.1), low: Float64Array.of(0), high: Float64Array.of(0.2) });

describe('requestSampleSize', () => {
  it('asks once per P, μ, τ and feedback settings, records progress and the answer, and clears without feedback', async () => {
    const app = createAppStore();
    const ui = createUiStore();
    const { client, asked } = fakeClient();
    requestSampleSize(app, ui, client);
    expect(asked).toHaveLength(0); // no feedback: nothing asked
    app.getState().setFeedback({ feedback: 1000, dataSeed: 3 });
    requestSampleSize(app, ui, client);
    requestSampleSize(app, ui, client); // the same scenario: not asked again
    expect(asked).toHaveLength(1);
    expect(asked[0].spec.feedback).toEqual({ comparisons: 1000, sampling: 'uniform', seed: 3, smoothing: 0.5 });
    asked[0].progress(0.5);
    expect(ui.getState().sampleSize?.fraction).toBe(0.5);
    const answer: SampleSizeResponse = {
      ok: true,
      version: 1,
      sizes: Float64Array.of(10),
      nlhf: band(),
      rlhf: band(),
      seeds: 20,
      tau: 0.1,
    };
    asked[0].answer(answer);
    await Promise.resolve();
    await Promise.resolve();
    expect(ui.getState().sampleSize?.result).toBe(answer);
    // A new seed: asked again; the older answer arriving late is not shown.
    app.getState().setFeedback({ dataSeed: 4 });
    requestSampleSize(app, ui, client);
    expect(asked).toHaveLength(2);
    expect(ui.getState().sampleSize?.result).toBeNull();
    app.getState().setFeedback({ feedback: null });
    requestSampleSize(app, ui, client);
    expect(ui.getState().sampleSize).toBeNull();
    asked[1].answer({ ...answer, version: 2 });
    await Promise.resolve();
    await Promise.resolve();
    expect(ui.getState().sampleSize).toBeNull();
  });
});
