/**
 * The sample-size curve's requests (issue 16), loaded by the controller when feedback is first on:
 * asks the worker for the curve of the shown scenario when P, μ, τ or the feedback settings
 * changed (the newest request wins: the worker abandons older ones), and keeps its progress and
 * answer in the UI store (UiState.sampleSize), where the sample-size figure reads them.
 */
import type { SimulationClient } from '../worker-client/simulationClient.ts';
import type { AppStore } from './appStore.ts';
import { feedbackKey, toSpec } from './scenario.ts';
import type { UiStore } from './uiStore.ts';

export function requestSampleSize(app: AppStore, ui: UiStore, client: SimulationClient): void {
  const s = app.getState().scenario;
  const feedback = feedbackKey(s);
  const key = feedback && `${feedback}|${s.tau}`;
  const known = ui.getState().sampleSize;
  if (!key) {
    if (known) ui.setState({ sampleSize: null });
    return;
  }
  if (known?.key === key && known.preferences === s.preferences && known.reference === s.reference) return;
  const mine = { key, preferences: s.preferences, reference: s.reference, fraction: 0, result: null };
  ui.setState({ sampleSize: mine });
  // Only while this request is still the one shown (a newer edit replaces `sampleSize`).
  const set = (patch: Partial<NonNullable<typeof known>>) => {
    const now = ui.getState().sampleSize;
    if (now && now.key === key && now.preferences === s.preferences && now.reference === s.reference)
      ui.setState({ sampleSize: { ...now, ...patch } });
  };
  void client
    .sampleSize(toSpec(s), (fraction) => set({ fraction: Math.min(fraction, 0.99) }))
    .then((r) => r && set(r.ok ? { fraction: 1, result: r } : { fraction: 1, problem: r.problem?.message }));
}
