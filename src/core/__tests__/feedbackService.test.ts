/** The service with feedback (issue 16): runs on the learned P̂ and r̂, and the true P's targets beside them. */
import { describe, expect, it } from 'vitest';
import { fitBradleyTerry, rlhfOptimum } from '../bradleyTerry.ts';
import { learnedModels, sampleFeedback } from '../feedback.ts';
import { nashEquilibrium } from '../nashEquilibrium.ts';
import { presetById } from '../presets.ts';
import { regularizedNash } from '../regularizedNash.ts';
import { createRunner, referenceWeights } from '../simulate.ts';
import { sampleSizeCurve, sampleSizeGrid } from '../sampleSizeCurve.ts';
import { SAMPLE_SIZE_SEEDS, createSimulationService, transferables } from '../simulationService.ts';
import type { ScenarioSpec } from '../workerApi.ts';

const rater = presetById('rater-types')!.build({ epsilon: 0.1 });
const base: ScenarioSpec = {
  preferences: rater.preferences,
  reference: rater.reference,
  initial: rater.initial,
  tau: 0.1,
  eta: 0.5,
  comparisons: 'uniform',
  algorithms: ['nash-md', 'omd', 'rlhf'],
};

const close = (a: ArrayLike<number>, b: ArrayLike<number>, tol = 1e-9) => {
  expect(a.length).toBe(b.length);
  for (let k = 0; k < a.length; k++) expect(Math.abs(a[k] - b[k])).toBeLessThanOrEqual(tol);
};

describe('simulation service with feedback', () => {
  for (const sampling of ['uniform', 'reference'] as const) {
    it(`runs Nash-MD and OMD on P̂ and RLHF on r̂ from the same counts, and draws the truth (${sampling})`, () => {
      const feedback = { comparisons: 1000, sampling, seed: 3, smoothing: 0.5 };
      const spec: ScenarioSpec = { ...base, feedback };
      const r = createSimulationService().compute(1, spec, 60);
      if (!r.ok) throw new Error(r.problem.message);
      // Independently: the counts of the same seed, the learned models and each run.
      const counts = sampleFeedback(base.preferences, 1000, sampling, base.reference, 3);
      const { preferences: Phat, rewards: rhat } = learnedModels(counts, 0.5);
      for (const c of r.chunks) {
        const runner = createRunner(
          { ...base, preferences: Phat, algorithm: c.algorithm, steps: 0 },
          c.algorithm === 'rlhf' ? rhat : undefined,
        );
        close(c.policies, runner.advance(60));
      }
      // The counts and models come with the answer.
      expect(r.feedback).toBeDefined();
      expect(Array.from(r.feedback!.i)).toEqual(Array.from(counts.i));
      expect(Array.from(r.feedback!.winsI)).toEqual(Array.from(counts.winsI));
      expect(Array.from(r.feedback!.winsJ)).toEqual(Array.from(counts.winsJ));
      close(r.feedback!.preferences, Phat.flat());
      close(r.feedback!.rewards, rhat);
      // Equilibria: the learned model's, and the true P's beside them.
      const eq = r.equilibria!;
      close(eq.regularized, regularizedNash(Phat, base.reference, base.tau));
      close(eq.rewards, rhat);
      const truth = eq.truth!;
      close(truth.regularized, regularizedNash(base.preferences, base.reference, base.tau));
      close(truth.nash, nashEquilibrium(base.preferences));
      const trueRewards = fitBradleyTerry(
        base.preferences,
        sampling === 'reference' ? referenceWeights(base.reference) : undefined,
      );
      close(truth.rlhfOptimum, rlhfOptimum(trueRewards, base.reference, base.tau));
      // Learning moved the target: P̂'s π*_τ is not the true one.
      expect(Math.max(...eq.regularized.map((x, k) => Math.abs(x - truth.regularized[k])))).toBeGreaterThan(1e-6);
      // Every array (the truth and the counts too) is transferred.
      const buffers = transferables(r);
      expect(buffers).toContain(truth.nash.buffer);
      expect(buffers).toContain(r.feedback!.winsI.buffer);
    });
  }

  it('without feedback nothing changes; a deferred answer gets the truth in its follow-up', () => {
    const s = createSimulationService();
    const plain = s.compute(1, base, 20);
    if (!plain.ok) throw new Error(plain.problem.message);
    expect(plain.feedback).toBeUndefined();
    expect(plain.equilibria!.truth).toBeUndefined();
    const spec: ScenarioSpec = { ...base, feedback: { comparisons: 200, sampling: 'uniform', seed: 1, smoothing: 1 } };
    const d = s.compute(2, spec, 20, undefined, () => {}, true);
    if (!d.ok) throw new Error(d.problem.message);
    expect(d.deferred).toBe(true);
    const f = s.followUp(2)!;
    close(f.equilibria.truth!.nash, nashEquilibrium(base.preferences));
  });

  it('names a bad feedback setting', () => {
    const s = createSimulationService();
    const r = s.compute(1, { ...base, feedback: { comparisons: 100, sampling: 'uniform', seed: 1, smoothing: 0 } }, 5);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.field).toBe('smoothing');
  });
});

describe('the sample-size lane', () => {
  const feedback = { comparisons: 1000, sampling: 'uniform' as const, seed: 3, smoothing: 0.5 };
  const spec: ScenarioSpec = { ...base, feedback };
  const immediate = () => Promise.resolve();

  it('answers the core curve for the scenario (K = 20 seeds, sizes = sampleSizeGrid(N)), with progress', async () => {
    const fractions: number[] = [];
    const r = await createSimulationService().sampleSize(1, spec, (f) => fractions.push(f), immediate);
    if (!r.ok) throw new Error(String(r.problem?.message));
    const want = sampleSizeCurve({
      preferences: base.preferences,
      reference: base.reference,
      tau: base.tau,
      sampling: 'uniform',
      smoothing: 0.5,
      sizes: sampleSizeGrid(1000),
      seeds: SAMPLE_SIZE_SEEDS,
      seed: 3,
    });
    expect(SAMPLE_SIZE_SEEDS).toBe(20);
    expect(Array.from(r.sizes)).toEqual([10, 30, 100, 300, 1000]);
    expect(Array.from(r.nlhf.median)).toEqual(Array.from(want.nlhf.median));
    expect(Array.from(r.rlhf.high)).toEqual(Array.from(want.rlhf.high));
    expect(fractions[0]).toBe(0);
    expect(fractions.at(-1)).toBe(1);
    expect(fractions.length).toBeGreaterThan(20);
  });

  it('a newer request abandons the older one at its next pause', async () => {
    const service = createSimulationService();
    let release: () => void = () => {};
    const held = () => new Promise<void>((resolve) => (release = resolve));
    // Slices of 25 ms: at n = 3 with N up to 10⁵ the first request pauses at least once.
    const big: ScenarioSpec = { ...base, feedback: { ...feedback, comparisons: 100_000 } };
    const first = service.sampleSize(1, big, undefined, held);
    const second = service.sampleSize(2, spec, undefined, immediate);
    release();
    expect(await first).toEqual({ ok: false, version: 1, problem: null });
    expect((await second).ok).toBe(true);
  });

  it('names a scenario without feedback', async () => {
    const r = await createSimulationService().sampleSize(1, base, undefined, immediate);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem?.field).toBe('feedback');
  });
});
