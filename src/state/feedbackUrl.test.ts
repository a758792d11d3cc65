import { describe, expect, it } from 'vitest';
import { DEFAULT, feedbackOf, scenarioFromPreset, toSpec, type Scenario } from './scenario.ts';
import { validateScenario } from './scenarioSchema.ts';
import { onlineSettingsOf } from '../core/learnedScenario.ts';
import { decodeHash, encodeHash } from './urlCodec.ts';

describe('feedback keys in the link (issue 16)', () => {
  it('round-trip feedback, sampling, dataSeed and smoothing', () => {
    const base = scenarioFromPreset('rater-types', { epsilon: 0.1 }).scenario;
    const s: Scenario = { ...base, feedback: 3000, sampling: 'reference', dataSeed: 42, smoothing: 0.25 };
    const hash = encodeHash(s, 100);
    expect(hash).toContain('feedback=3000');
    expect(hash).toContain('sampling=reference');
    expect(hash).toContain('dataSeed=42');
    expect(hash).toContain('smoothing=0.25');
    const d = decodeHash(hash);
    expect(d.problems).toEqual([]);
    expect(d.scenario).toEqual(s);
    expect(feedbackOf(d.scenario)).toEqual({ comparisons: 3000, sampling: 'reference', seed: 42, smoothing: 0.25 });
    expect(toSpec(d.scenario).feedback).toEqual({
      comparisons: 3000,
      sampling: 'reference',
      seed: 42,
      smoothing: 0.25,
    });
  });

  it('leave the link as before when feedback is off, and default the rest when only feedback is given', () => {
    const hash = encodeHash(DEFAULT.scenario, 0);
    expect(hash).not.toMatch(/feedback|sampling|dataSeed|smoothing/);
    expect(toSpec(DEFAULT.scenario).feedback).toBeUndefined();
    const d = decodeHash('#feedback=1000&dataSeed=3');
    expect(d.problems).toEqual([]);
    expect(feedbackOf(d.scenario)).toEqual({ comparisons: 1000, sampling: 'uniform', seed: 3, smoothing: 0.5 });
    expect(encodeHash(d.scenario, 0)).toMatch(/feedback=1000&dataSeed=3/);
  });

  it('name feedback=-3, smoothing=0, dataSeed=abc and sampling=online, replace them by defaults, keep the rest', () => {
    const d = decodeHash('#tau=0.2&feedback=-3&smoothing=0&dataSeed=abc&sampling=sometimes');
    expect(d.problems.map((p) => p.field).sort()).toEqual(['dataSeed', 'feedback', 'sampling', 'smoothing']);
    for (const p of d.problems) expect(p.message).toContain(p.field);
    expect(d.scenario.tau).toBe(0.2);
    expect(feedbackOf(d.scenario)).toBeNull();
    const e = decodeHash('#feedback=2000000&smoothing=-1&dataSeed=1.5');
    expect(e.problems.map((p) => p.field).sort()).toEqual(['dataSeed', 'feedback', 'smoothing']);
  });

  it('a scenario file turns feedback off with null and keeps it otherwise', () => {
    const on = { ...DEFAULT.scenario, feedback: 500 };
    expect(validateScenario({ feedback: null }, on).scenario.feedback).toBeUndefined();
    expect(validateScenario({ tau: 0.3 }, on).scenario.feedback).toBe(500);
    const bad = validateScenario({ feedback: 'many' }, on);
    expect(bad.problems.map((p) => p.field)).toEqual(['feedback']);
    expect(bad.scenario.feedback).toBe(500);
  });

  it('online feedback: sampling=online, onlineRun and roundSteps round-trip; the run defaults to the first shown NLHF run', () => {
    const base = scenarioFromPreset('rater-types', { epsilon: 0.1 }).scenario;
    const s: Scenario = { ...base, feedback: 2000, sampling: 'online', onlineRun: 'omd', roundSteps: 40 };
    const hash = encodeHash(s, 100);
    expect(hash).toContain('sampling=online');
    expect(hash).toContain('onlineRun=omd');
    expect(hash).toContain('roundSteps=40');
    const d = decodeHash(hash);
    expect(d.problems).toEqual([]);
    expect(d.scenario).toEqual(s);
    expect(toSpec(d.scenario).feedback).toEqual({
      comparisons: 2000,
      sampling: 'online',
      seed: 1,
      smoothing: 0.5,
      online: { run: 'omd', roundSteps: 40 },
    });
    // Defaults: the first shown run that learns P̂ (RLHF, a reward-model run, is skipped), R = 25.
    const e = decodeHash('#feedback=1000&sampling=online&algos=rlhf,omd');
    expect(e.problems).toEqual([]);
    // The worker gets them unset and fills in the same defaults (learnedScenario.ts).
    const spec = toSpec(e.scenario);
    expect(spec.feedback?.online).toEqual({ run: undefined, roundSteps: undefined });
    expect(onlineSettingsOf(spec, spec.feedback!)).toEqual({ run: 'omd', roundSteps: 25 });
    expect(encodeHash(e.scenario, 0)).not.toMatch(/onlineRun|roundSteps/);
  });

  it('names sampling=online&onlineRun=bogus and a bad roundSteps, uses the defaults, keeps the rest', () => {
    const d = decodeHash('#tau=0.2&feedback=1000&sampling=online&onlineRun=bogus&roundSteps=0');
    expect(d.problems.map((p) => p.field).sort()).toEqual(['onlineRun', 'roundSteps']);
    for (const p of d.problems) expect(p.message).toContain(p.field);
    expect(d.scenario.tau).toBe(0.2);
    expect(onlineSettingsOf(toSpec(d.scenario), toSpec(d.scenario).feedback!)).toEqual({
      run: 'nash-md',
      roundSteps: 25,
    });
    expect(decodeHash('#roundSteps=2.5').problems.map((p) => p.field)).toEqual(['roundSteps']);
  });
});
