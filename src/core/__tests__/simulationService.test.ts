/** The worker's service, tested in Node: the same code the worker runs. */
import { describe, expect, it } from 'vitest';
import { exploitability, nashMdFixedPoint, regularizedNash, simulate } from '../index.ts';
import { presetById } from '../presets.ts';
import { previewRuns } from '../previewRuns.ts';
import {
  COARSE_PATH_N,
  PREVIEW_MIN_N,
  createSimulationService,
  pathGrid,
  transferables,
  vectorKey,
} from '../simulationService.ts';
import type { ComputeProgress, ComputeResponse, EquilibriaResult, ScenarioSpec } from '../workerApi.ts';

const rps: ScenarioSpec = {
  preferences: [
    [0.5, 0.9, 0.1],
    [0.1, 0.5, 0.9],
    [0.9, 0.1, 0.5],
  ],
  reference: [0.5, 0.3, 0.2],
  initial: [0.7, 0.2, 0.1],
  tau: 0.05,
  eta: 2,
  comparisons: 'uniform',
  algorithms: ['nash-md', 'omd', 'rlhf'],
};

/** The equilibria of an answer that was not deferred (always there). */
function eqOf(r: ComputeResponse): EquilibriaResult {
  if (!r.ok || !r.equilibria) throw new Error('no equilibria in this answer');
  return r.equilibria;
}

describe('simulation service', () => {
  it('computes every algorithm, its metrics and the equilibria', () => {
    const s = createSimulationService();
    const r = s.compute(1, rps, 100);
    if (!r.ok) throw new Error(r.problem.message);
    expect(r.chunks.map((c) => c.algorithm)).toEqual(['nash-md', 'omd', 'rlhf']);
    const nashMd = r.chunks[0];
    expect(nashMd.start).toBe(0);
    expect(nashMd.rows).toBe(101);
    expect(Array.from(nashMd.policies)).toEqual(
      Array.from(simulate({ ...rps, algorithm: 'nash-md', steps: 100 }).policies),
    );
    const star = regularizedNash(rps.preferences, rps.reference, rps.tau);
    const eq = eqOf(r);
    expect(Array.from(eq.regularized)).toEqual(Array.from(star));
    expect(nashMd.exploitability[100]).toBeCloseTo(
      exploitability(rps.preferences, rps.reference, rps.tau, nashMd.policies.subarray(300, 303)),
      15,
    );
    expect(eq.regularizedPath.length).toBe(eq.tauGrid.length * 3);
    // The τ-path starts near μ (τ = 20) and ends near the uniform Nash of RPS (τ = 1e-3).
    expect(eq.regularizedPath[0]).toBeCloseTo(0.5, 2);
    expect(eq.regularizedPath[eq.regularizedPath.length - 3]).toBeCloseTo(1 / 3, 2);
    // On a cycle the Bradley–Terry reward is 0: the RLHF optimum is μ at every τ.
    expect(eq.rlhfOptimum[0]).toBeCloseTo(0.5, 12);
  });

  it('extends the newest run in chunks that continue it exactly; stale versions are refused', () => {
    const s = createSimulationService();
    s.compute(1, rps, 10);
    const first = s.compute(2, { ...rps, eta: 'theorem' }, 10);
    // Transfer the response as postMessage would: its buffers are detached afterwards.
    structuredClone(first, { transfer: transferables(first) });
    expect(eqOf(first).regularized.length).toBe(0);
    expect(s.extend(1, 5).ok).toBe(false);
    const e = s.extend(2, 5);
    if (!e.ok) throw new Error('stale');
    const whole = simulate({ ...rps, eta: 'theorem', algorithm: 'omd', steps: 15 }).policies;
    const omd = e.chunks.find((c) => c.algorithm === 'omd')!;
    expect(omd.start).toBe(10);
    expect(Array.from(omd.policies)).toEqual(Array.from(whole.subarray(30, 48)));
    // Metrics of an extension are real numbers, not computed against a detached target.
    expect(Number.isFinite(omd.kl[5])).toBe(true);
    expect(omd.kl[5]).toBeGreaterThan(0);
  });

  it('reports invalid input as a problem naming the field instead of throwing', () => {
    const s = createSimulationService();
    const r = s.compute(3, { ...rps, tau: 0.5, eta: 3 }, 10);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.field).toBe('eta');
    const bad = s.compute(4, { ...rps, algorithms: [], reference: [0.5, 0.5, 0] }, 10);
    expect(bad.ok ? null : bad.problem.field).toBe('reference');
  });

  it('τ = 0 uses the Nash of P as the target', () => {
    const s = createSimulationService();
    const r = s.compute(1, { ...rps, tau: 0, eta: 0.1 }, 5);
    if (!r.ok) throw new Error(r.problem.message);
    Array.from(eqOf(r).regularized).forEach((x) => expect(x).toBeCloseTo(1 / 3, 12));
  });
});

describe('whether the Nash of P is unique', () => {
  it('the equilibria say so, with per-response ranges when it is not; the follow-up carries the same', () => {
    const s = createSimulationService();
    expect(eqOf(s.compute(1, rps, 10)).nashUnique).toBe(true);
    // A fourth response tied (½) with everything: every mix of the old Nash and it is a Nash.
    const tied: ScenarioSpec = {
      ...rps,
      preferences: [...Array.from(rps.preferences, (r) => [...Array.from(r), 0.5]), [0.5, 0.5, 0.5, 0.5]],
      reference: [0.25, 0.25, 0.25, 0.25],
      initial: [0.25, 0.25, 0.25, 0.25],
    };
    const eq = eqOf(s.compute(2, tied, 10));
    expect(eq.nashUnique).toBe(false);
    expect(eq.nashHigh![3]).toBeCloseTo(1, 6);
    expect(eq.nashLow![3]).toBeCloseTo(0, 6);
    s.compute(3, tied, 10, undefined, undefined, true);
    const f = s.followUp(3);
    expect(f?.equilibria.nashUnique).toBe(false);
    expect(Array.from(f!.equilibria.nashHigh!)).toEqual(Array.from(eq.nashHigh!));
    // The ranges cross as transferred buffers; the flag is no buffer.
    const r = s.compute(4, tied, 10);
    const list = transferables(r);
    expect(list).toContain(eqOf(r).nashLow!.buffer);
    expect(list.every((b) => b instanceof ArrayBuffer)).toBe(true);
  });
});

describe('thinned computations', () => {
  it('keep exactly the rows the thinning selects, equal to the full run at those iterations', () => {
    const full = createSimulationService().compute(1, rps, 20_000);
    const thin = createSimulationService().compute(1, rps, 20_000, { stride: 64, recentFrom: 19_000 });
    if (!full.ok || !thin.ok) throw new Error('compute failed');
    const f = full.chunks[1];
    const c = thin.chunks[1];
    expect(c.times).toBeDefined();
    const times = Array.from(c.times!);
    expect(times[0]).toBe(0);
    expect(times[times.length - 1]).toBe(20_000);
    expect(times.filter((t) => t < 19_000).every((t) => t % 64 === 0)).toBe(true);
    expect(times.filter((t) => t >= 19_000).length).toBe(1001);
    times.forEach((t, k) => {
      expect(Array.from(c.policies.subarray(k * 3, k * 3 + 3))).toEqual(
        Array.from(f.policies.subarray(t * 3, t * 3 + 3)),
      );
      expect(c.kl[k]).toBe(f.kl[t]);
    });
  });

  it('keep every iteration below the head', () => {
    const thin = createSimulationService().compute(1, rps, 20_000, { stride: 64, recentFrom: 19_000, head: 1000 });
    if (!thin.ok) throw new Error('compute failed');
    const times = Array.from(thin.chunks[0].times!);
    expect(times.slice(0, 1000)).toEqual(Array.from({ length: 1000 }, (_, t) => t));
    expect(times[1000]).toBe(1024);
  });
});

describe('large n: previews, progress and cache keys', () => {
  const leaderboard = (n: number, tau = 0.05): ScenarioSpec => {
    const b = presetById('leaderboard')!.build({ n, seed: 3 });
    return {
      preferences: b.preferences,
      reference: b.reference,
      initial: b.initial,
      tau,
      eta: 2,
      comparisons: 'uniform',
      algorithms: ['nash-md', 'omd', 'rlhf'],
    };
  };

  it('reports a preview of the trajectories (metrics unknown) before the equilibria, equal to the final rows', () => {
    const s = createSimulationService();
    const reports: ComputeProgress[] = [];
    const spec = leaderboard(PREVIEW_MIN_N);
    const r = s.compute(7, spec, 30, undefined, (p) => reports.push(p));
    if (!r.ok) throw new Error(r.problem.message);
    const previews = reports.filter((p) => p.preview);
    expect(previews).toHaveLength(1);
    const preview = previews[0].preview!;
    // RLHF needs its reward model first: the preview has Nash-MD and OMD only.
    expect(preview.chunks.map((c) => c.algorithm)).toEqual(['nash-md', 'omd']);
    expect(Array.from(preview.chunks[0].policies)).toEqual(Array.from(r.chunks[0].policies));
    expect(preview.chunks[0].kl.every(Number.isNaN)).toBe(true);
    expect(reports.every((p) => p.version === 7 && p.fraction >= 0 && p.fraction <= 1)).toBe(true);
    const fractions = reports.map((p) => p.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(new Set(reports.map((p) => p.stage))).toEqual(
      new Set(['runs', 'rewards', 'nash', 'regularized', 'path', 'metrics']),
    );
    // Same scenario again, from another π0: everything is cached, no report at all.
    const again: ComputeProgress[] = [];
    s.compute(8, { ...spec, initial: spec.reference }, 30, undefined, (p) => again.push(p));
    expect(again).toEqual([]);
  });

  it('small n never reports (the whole computation takes milliseconds)', () => {
    const reports: ComputeProgress[] = [];
    createSimulationService().compute(1, rps, 50, undefined, (p) => reports.push(p));
    expect(reports).toEqual([]);
  });

  it('uses a coarser τ grid above COARSE_PATH_N, keeping both ends', () => {
    const fine = pathGrid(COARSE_PATH_N);
    const coarse = pathGrid(COARSE_PATH_N + 1);
    expect(fine.length).toBe(48);
    expect(coarse.length).toBe(17);
    expect(coarse[0]).toBe(fine[0]);
    expect(coarse[coarse.length - 1]).toBe(fine[fine.length - 1]);
  });

  it('cache keys tell matrices apart that differ in one entry, or only in the last bit', () => {
    const a = Float64Array.from({ length: 250_000 }, (_, k) => (k % 997) / 997);
    const b = a.slice();
    b[123_456] *= 1 + Number.EPSILON; // the next double up
    expect(vectorKey(a)).toBe(vectorKey(a.slice()));
    expect(vectorKey(a)).not.toBe(vectorKey(b));
    expect(vectorKey(Float64Array.of(0.5, 0.25))).not.toBe(vectorKey(Float64Array.of(0.25, 0.5)));
  });
});

describe('the preview computed before HiGHS has loaded', () => {
  it('gives the same rows and metrics as the full computation', () => {
    const full = createSimulationService().compute(1, rps, 200);
    const early = previewRuns(rps, 200);
    if (!full.ok || !early) throw new Error('compute failed');
    expect(early.n).toBe(3);
    expect(early.chunks.map((c) => c.algorithm)).toEqual(full.chunks.map((c) => c.algorithm));
    early.chunks.forEach((c, k) => {
      expect(Array.from(c.policies)).toEqual(Array.from(full.chunks[k].policies));
      expect(Array.from(c.kl)).toEqual(Array.from(full.chunks[k].kl));
      expect(Array.from(c.exploitability)).toEqual(Array.from(full.chunks[k].exploitability));
    });
  });

  it('is null for invalid input (the full computation names the field) and has unknown metrics at τ = 0', () => {
    expect(previewRuns({ ...rps, reference: [0.5, 0.5, 0] }, 10)).toBeNull();
    const atZero = previewRuns({ ...rps, tau: 0, eta: 0.1 }, 10);
    expect(atZero?.chunks[0].kl.every(Number.isNaN)).toBe(true);
  });
});

describe('deferred metrics and τ-paths', () => {
  it('a deferred answer plus its follow-up equals the full computation', () => {
    const full = createSimulationService().compute(1, rps, 300);
    const s = createSimulationService();
    const early = s.compute(1, rps, 300, undefined, undefined, true);
    if (!full.ok || !early.ok) throw new Error('compute failed');
    expect(early.deferred).toBe(true);
    expect(early.chunks[0].kl.every(Number.isNaN)).toBe(true);
    expect(early.equilibria).toBeNull();
    early.chunks.forEach((c, k) => expect(Array.from(c.policies)).toEqual(Array.from(full.chunks[k].policies)));
    const f = s.followUp(1);
    if (!f) throw new Error('no follow-up');
    f.kl.forEach((kl, k) => expect(Array.from(kl)).toEqual(Array.from(full.chunks[k].kl)));
    f.exploitability.forEach((e, k) => expect(Array.from(e)).toEqual(Array.from(full.chunks[k].exploitability)));
    const fullEq = eqOf(full);
    expect(f.equilibria).toEqual(fullEq);
    // Only once, and only for the newest computation.
    expect(s.followUp(1)).toBeNull();
    s.compute(2, rps, 10, undefined, undefined, true);
    s.compute(3, rps, 10, undefined, undefined, true);
    expect(s.followUp(2)).toBeNull();
    expect(s.followUp(3)).not.toBeNull();
  });

  it('an extension asked for before the follow-up has its metrics (the target is solved for it)', () => {
    const full = createSimulationService();
    const whole = full.compute(1, rps, 40);
    const s = createSimulationService();
    const early = s.compute(1, rps, 30, undefined, undefined, true);
    if (!whole.ok || !early.ok) throw new Error('compute failed');
    expect(early.equilibria).toBeNull();
    const more = s.extend(1, 10);
    if (!more.ok) throw new Error('extend refused');
    const c = more.chunks[0];
    // Rows 30..40 of the same run, with the same metrics as the full computation's.
    expect(Array.from(c.kl)).toEqual(Array.from(whole.chunks[0].kl.subarray(30, 41)));
    expect(Array.from(c.exploitability)).toEqual(Array.from(whole.chunks[0].exploitability.subarray(30, 41)));
    const f = s.followUp(1);
    expect(f && Array.from(f.kl[0])).toEqual(Array.from(whole.chunks[0].kl.subarray(0, 31)));
  });

  it('large n and thinned runs are never deferred; the transfer list has no duplicate buffer', () => {
    const s = createSimulationService();
    const thin = s.compute(1, rps, 20_000, { stride: 64, recentFrom: 19_000 }, undefined, true);
    if (!thin.ok) throw new Error('compute failed');
    expect(thin.deferred).toBeUndefined();
    const early = s.compute(2, rps, 10, undefined, undefined, true);
    const buffers = transferables(early);
    expect(new Set(buffers).size).toBe(buffers.length);
  });
});

describe('Nash-MD’s constant-step fixed point in the equilibria', () => {
  it('is nashMdFixedPoint for a constant step, and null with the theorem’s schedule or at τ = 0', () => {
    const s = createSimulationService();
    const fixed = eqOf(s.compute(1, rps, 10)).nashMdFixedPoint;
    expect(fixed).toBeInstanceOf(Float64Array);
    expect(Array.from(fixed!)).toEqual(Array.from(nashMdFixedPoint(rps.preferences, rps.reference, rps.tau, 2)));
    // It is where a long constant-step Nash-MD run ends, and not π*_τ.
    const end = simulate({ ...rps, algorithm: 'nash-md', steps: 3000 });
    const last = end.policies.subarray(3000 * 3, 3001 * 3);
    for (let i = 0; i < 3; i++) expect(last[i]).toBeCloseTo(fixed![i], 6);
    const star = regularizedNash(rps.preferences, rps.reference, rps.tau);
    expect(Math.max(...Array.from(fixed!, (v, i) => Math.abs(v - star[i])))).toBeGreaterThan(1e-3);
    expect(eqOf(s.compute(2, { ...rps, eta: 'theorem' }, 10)).nashMdFixedPoint).toBeNull();
    expect(eqOf(s.compute(3, { ...rps, tau: 0 }, 10)).nashMdFixedPoint).toBeNull();
  });
});
