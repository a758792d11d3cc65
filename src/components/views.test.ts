/**
 * The selectors' contract with the renderer hosts (useRendererHost skips a redraw when the props
 * are the same object field by field): a follow-up that only fills in the run metrics must not
 * redraw the trajectory views, and the metrics chart waits for it instead of drawing NaN.
 */
import { describe, expect, it } from 'vitest';
import type { SeriesChunk } from '../core/workerApi.ts';
import { createAppStore } from '../state/appStore.ts';
import { appendRun, createRunStore, fillFollowUp, replaceRun, setT } from '../state/runStore.ts';
import { createUiStore } from '../state/uiStore.ts';
import { createViews } from './views.ts';

const appStore = createAppStore();
const runStore = createRunStore();
const { convergenceProps, policyTableProps, simplexProps } = createViews(createUiStore());

describe('view selectors after a deferred answer', () => {
  it('the convergence chart waits for the metrics; the simplex and the table are not redrawn when they come', () => {
    const app = appStore.getState();
    const n = app.scenario.preferences.length;
    const rows = 11;
    const policies = Float64Array.from({ length: rows * n }, () => 1 / n);
    const unknown = (algorithm: SeriesChunk['algorithm']): SeriesChunk => ({
      algorithm,
      start: 0,
      rows,
      policies: policies.slice(),
      kl: new Float64Array(rows).fill(Number.NaN),
      exploitability: new Float64Array(rows).fill(Number.NaN),
    });
    const eq = {
      regularized: new Float64Array(n).fill(1 / n),
      nash: new Float64Array(n).fill(1 / n),
      rewards: new Float64Array(n),
      rlhfOptimum: new Float64Array(n).fill(1 / n),
      tauGrid: new Float64Array(0),
      regularizedPath: new Float64Array(0),
      rlhfPath: new Float64Array(0),
    };
    replaceRun(runStore, n, null, [unknown('nash-md'), unknown('omd')], 10); // a deferred answer: no equilibria yet

    expect(runStore.getState().metricsPending).toBe(true);
    expect(convergenceProps(runStore.getState(), app)).toBeNull();
    const simplexBefore = simplexProps(runStore.getState(), app);
    const tableBefore = policyTableProps(runStore.getState(), app);

    const kl = Float64Array.from({ length: rows }, (_, r) => 1 / (r + 1));
    fillFollowUp(runStore, { kl: [kl, kl], exploitability: [kl, kl], equilibria: eq });

    const run = runStore.getState();
    expect(run.metricsPending).toBe(false);
    const conv = convergenceProps(run, app);
    expect(conv).not.toBeNull();
    expect(conv!.series[0].kl[3]).toBe(0.25);
    // Same trajectories: the same series array, hence the same table props object.
    expect(simplexProps(run, app).series).toBe(simplexBefore.series);
    expect(policyTableProps(run, app)).toBe(tableBefore);
  });

  it('new trajectories are new props for every view', () => {
    const app = appStore.getState();
    const n = app.scenario.preferences.length;
    const before = simplexProps(runStore.getState(), app);
    const chunk: SeriesChunk = {
      algorithm: 'nash-md',
      start: 0,
      rows: 2,
      policies: Float64Array.from({ length: 2 * n }, () => 1 / n),
      kl: new Float64Array(2),
      exploitability: new Float64Array(2),
    };
    replaceRun(runStore, n, null, [chunk], 1);
    expect(runStore.getState().metricsPending).toBe(false);
    expect(simplexProps(runStore.getState(), app).series).not.toBe(before.series);
    expect(convergenceProps(runStore.getState(), app)).not.toBeNull();
  });

  it('rows computed beyond t (an extension for Play) redraw nothing; moving t does', () => {
    const app = appStore.getState();
    const n = app.scenario.preferences.length;
    const chunk = (start: number, steps: number): SeriesChunk => ({
      algorithm: 'nash-md',
      start,
      rows: steps + 1,
      policies: Float64Array.from({ length: (steps + 1) * n }, () => 1 / n),
      kl: Float64Array.from({ length: steps + 1 }, (_, r) => 1 / (start + r + 1)),
      exploitability: new Float64Array(steps + 1),
    });
    replaceRun(runStore, n, null, [chunk(0, 10)], 10);
    const simplex = simplexProps(runStore.getState(), app).series;
    const conv = convergenceProps(runStore.getState(), app)!.series;
    appendRun(runStore, [chunk(10, 200)]);
    expect(runStore.getState().length).toBe(211);
    expect(simplexProps(runStore.getState(), app).series).toBe(simplex);
    expect(convergenceProps(runStore.getState(), app)!.series).toBe(conv);
    setT(runStore, 50);
    expect(simplexProps(runStore.getState(), app).series).not.toBe(simplex);
    expect(convergenceProps(runStore.getState(), app)!.series).not.toBe(conv);
  });
});
