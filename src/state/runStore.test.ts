import { describe, expect, it } from 'vitest';
import type { SeriesChunk } from '../core/workerApi.ts';
import { rowAt, timeAt } from '../shared/seriesRows.ts';
import { SeriesPrefix } from '../viz/thinPathSeries.ts';
import {
  FRESH_SLACK,
  HEAD_STEPS,
  HISTORY_ROWS,
  MAX_ROWS,
  RECENT_STEPS,
  appendRun,
  coarserThanFresh,
  compact,
  fillFollowUp,
  replaceRun,
  resolutionOf,
  createRunStore,
  thinningFor,
} from './runStore.ts';

const runStore = createRunStore();

const n = 2;
/** A fake chunk whose policy at iteration t is (t, −t) so rows can be checked by their content. */
function chunk(start: number, steps: number): SeriesChunk {
  const rows = steps + 1;
  const policies = new Float64Array(rows * n);
  for (let r = 0; r < rows; r++) {
    policies[r * n] = start + r;
    policies[r * n + 1] = -(start + r);
  }
  return {
    algorithm: 'nash-md',
    start,
    rows,
    policies,
    kl: Float64Array.from({ length: rows }, (_, r) => start + r),
    exploitability: new Float64Array(rows),
  };
}
const eq = {
  regularized: new Float64Array(2),
  nash: new Float64Array(2),
  rewards: new Float64Array(2),
  rlhfOptimum: new Float64Array(2),
  tauGrid: new Float64Array(0),
  regularizedPath: new Float64Array(0),
  rlhfPath: new Float64Array(0),
};

describe('run store', () => {
  it('metrics that follow an answer reach the charts: the cached rows of a chart no longer match', () => {
    // A deferred answer: trajectories with unknown (NaN) metrics; a chart draws them and caches
    // what it drew (SeriesPrefix, as the convergence plot does); then the metrics arrive.
    const unknown = {
      ...chunk(0, 20),
      kl: new Float64Array(21).fill(Number.NaN),
      exploitability: new Float64Array(21).fill(Number.NaN),
    };
    replaceRun(runStore, n, eq, [unknown], 20);
    const drawn = runStore.getState().series[0];
    const prefix = new SeriesPrefix();
    prefix.check(drawn, 0, 0);
    prefix.record(drawn, 0, drawn.length);
    const kl = Float64Array.from({ length: 21 }, (_, r) => 1 / (r + 1));
    fillFollowUp(runStore, { kl: [kl], exploitability: [kl.map((x) => x / 2)], equilibria: eq });
    const filled = runStore.getState().series[0];
    expect(Array.from(filled.kl.subarray(0, 21))).toEqual(Array.from(kl));
    expect(filled.exploitability[4]).toBe(kl[4] / 2);
    // The chart must see that rows it already drew changed (it redraws them, not the NaN ones).
    expect(prefix.check(filled, 0, drawn.length)).toBe(false);
    // The policies are untouched.
    expect(filled.policies[2 * 7]).toBe(7);
  });

  it('a preview without the RLHF run keeps the previous RLHF series, in its row, until the answer', () => {
    const of = (algorithm: SeriesChunk['algorithm'], start: number, steps: number): SeriesChunk => ({
      ...chunk(start, steps),
      algorithm,
    });
    replaceRun(runStore, n, eq, [of('nash-md', 0, 30), of('omd', 0, 30), of('rlhf', 0, 30)], 20);
    const oldRlhf = runStore.getState().series[2];
    replaceRun(runStore, n, null, [of('nash-md', 0, 20), of('omd', 0, 20)], 20, ['rlhf']);
    let s = runStore.getState();
    expect(s.series.map((x) => x.algorithm)).toEqual(['nash-md', 'omd', 'rlhf']);
    expect(s.series[2]).toBe(oldRlhf);
    expect(s.length).toBe(21);
    expect(s.t).toBe(20);
    // The answer brings every series.
    replaceRun(runStore, n, eq, [of('nash-md', 0, 20), of('omd', 0, 20), of('rlhf', 0, 20)], 20);
    expect(runStore.getState().series[2]).not.toBe(oldRlhf);
    // Not kept: an algorithm no longer shown, a series that does not reach t, another n.
    replaceRun(runStore, n, null, [of('nash-md', 0, 20)], 20, []);
    expect(runStore.getState().series.map((x) => x.algorithm)).toEqual(['nash-md']);
    replaceRun(runStore, n, eq, [of('nash-md', 0, 20), of('rlhf', 0, 20)], 20);
    replaceRun(runStore, n, null, [of('nash-md', 0, 40)], 40, ['rlhf']);
    s = runStore.getState();
    expect(s.series.map((x) => x.algorithm)).toEqual(['nash-md']);
    expect(s.t).toBe(40);
    replaceRun(runStore, 3, null, [{ ...of('nash-md', 0, 5), policies: new Float64Array(18) }], 5, ['rlhf']);
    expect(runStore.getState().series.map((x) => x.algorithm)).toEqual(['nash-md']);
  });

  it('appends continuation chunks that repeat their first row, keeping rows = iterations', () => {
    replaceRun(runStore, n, eq, [chunk(0, 10)], 5);
    appendRun(runStore, [chunk(10, 5)]);
    const s = runStore.getState().series[0];
    expect(s.length).toBe(16);
    expect(s.times).toBeUndefined();
    expect(runStore.getState().length).toBe(16);
    expect(Array.from(s.policies.subarray(2 * 15, 2 * 16))).toEqual([15, -15]);
  });

  it('a long play stays under MAX_ROWS rows, full resolution for the recent steps, thinned before', () => {
    replaceRun(runStore, n, eq, [chunk(0, 1000)], 0);
    for (let t = 1000; t < 1_000_000; t += 20_000) appendRun(runStore, [chunk(t, 20_000)]);
    const s = runStore.getState().series[0];
    expect(s.length).toBeLessThanOrEqual(MAX_ROWS);
    expect(runStore.getState().length).toBe(1_001_001);
    // Every row holds the policy of the iteration it claims.
    for (let r = 0; r < s.length; r += 997) expect(s.policies[r * n]).toBe(timeAt(s, r));
    // The last RECENT_STEPS iterations are all there; the history before is thinned but present.
    const last = timeAt(s, s.length - 1);
    expect(last).toBe(1_001_000);
    for (const t of [last, last - 1, last - RECENT_STEPS + 1]) expect(timeAt(s, rowAt(s, t))).toBe(t);
    const oldRow = rowAt(s, 123_457);
    expect(timeAt(s, oldRow)).toBeLessThanOrEqual(123_457);
    expect(123_457 - timeAt(s, oldRow)).toBeLessThan(64);
    expect(timeAt(s, 0)).toBe(0);
  });

  it('compact keeps the first HEAD_STEPS and the last rows and at most HEAD_STEPS + HISTORY_ROWS + RECENT_STEPS + 1 rows', () => {
    replaceRun(runStore, n, eq, [chunk(0, MAX_ROWS + 10)], 0);
    const s = runStore.getState().series[0];
    const c = compact(s, n);
    expect(c.length).toBeLessThanOrEqual(HEAD_STEPS + HISTORY_ROWS + RECENT_STEPS + 1);
    for (let t = 0; t < HEAD_STEPS; t++) expect(timeAt(c, t)).toBe(t);
    expect(timeAt(c, HEAD_STEPS + 1) - timeAt(c, HEAD_STEPS)).toBeGreaterThan(1);
    expect(timeAt(c, 0)).toBe(0);
    expect(timeAt(c, c.length - 1)).toBe(MAX_ROWS + 10);
  });

  it('knows when its rows are coarser than a fresh run at t would hold (a long play, then back)', () => {
    replaceRun(runStore, n, eq, [chunk(0, 140_000)], 140_000);
    expect(resolutionOf(runStore.getState().series[0])).toEqual({ stride: 1, recentFrom: 0 });
    expect(coarserThanFresh(runStore.getState(), 300)).toBe(false);
    // Play computes ahead: past MAX_ROWS rows the history is compacted.
    appendRun(runStore, [chunk(140_000, 40_000)]);
    const played = runStore.getState();
    const r = resolutionOf(played.series[0]);
    expect(r.recentFrom).toBe(180_000 - RECENT_STEPS);
    expect(r.stride).toBeGreaterThan(1);
    expect(played.reach).toBe(180_000);
    // A fresh run at 300 or at 140,000 holds every step; one at 180,000 is thinned like this.
    expect(coarserThanFresh(played, 300)).toBe(true);
    expect(coarserThanFresh(played, 140_000)).toBe(true);
    expect(coarserThanFresh(played, 180_000)).toBe(false);
    // A refinement brings a shorter run at full resolution and keeps the timeline's reach.
    replaceRun(runStore, n, eq, [chunk(0, 20_000)], 300, [], played.reach);
    expect(runStore.getState().reach).toBe(180_000);
    expect(runStore.getState().length).toBe(20_001);
    expect(coarserThanFresh(runStore.getState(), 300)).toBe(false);
    // An edit's run: the timeline ends where it does.
    replaceRun(runStore, n, eq, [chunk(0, 500)], 300);
    expect(runStore.getState().reach).toBe(500);
  });

  it('a fresh thinned run is not coarser at its own t, nor a step back, but is well before it', () => {
    const T = 400_000;
    const th = thinningFor(T)!;
    const times = Array.from({ length: T + 1 }, (_, t) => t).filter(
      (t) => t < th.head! || t >= th.recentFrom || t % th.stride === 0,
    );
    const c = chunk(0, times.length - 1);
    replaceRun(runStore, n, eq, [{ ...c, times: Float64Array.from(times) }], T);
    const run = runStore.getState();
    expect(resolutionOf(run.series[0])).toEqual({ stride: th.stride, recentFrom: th.recentFrom });
    expect(coarserThanFresh(run, T)).toBe(false);
    expect(coarserThanFresh(run, T - 1)).toBe(false);
    expect(coarserThanFresh(run, T - FRESH_SLACK)).toBe(false);
    expect(coarserThanFresh(run, T - 2 * FRESH_SLACK)).toBe(true);
    expect(coarserThanFresh(run, 300)).toBe(true);
  });

  it('thinningFor leaves short runs alone and bounds long ones', () => {
    expect(thinningFor(1000)).toBeUndefined();
    const th = thinningFor(1_000_000)!;
    expect(th.recentFrom).toBe(1_000_000 - RECENT_STEPS);
    expect(th.recentFrom / th.stride).toBeLessThanOrEqual(HISTORY_ROWS);
  });
});
