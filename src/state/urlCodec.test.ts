import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromUpper } from '../core/__tests__/arbitraries.ts';
import { ALGORITHM_IDS } from '../core/algorithms/catalog.ts';
import { PRESETS } from '../core/presets.ts';
import { DEFAULT, defaultCorners, scenarioFromPreset, type Scenario } from './scenario.ts';
import { decodeHash, encodeHash } from './urlCodec.ts';

describe('URL hash codec', () => {
  it('round-trips every preset exactly', () => {
    for (const p of PRESETS) {
      const { scenario, steps } = scenarioFromPreset(p.id, { epsilon: -0.2, seed: 7 });
      const d = decodeHash(encodeHash(scenario, steps));
      expect(d.problems).toEqual([]);
      expect(d.scenario).toEqual(scenario);
      expect(d.t).toBe(steps);
    }
  });

  it('round-trips custom scenarios: arbitrary P, weights, labels with commas and unicode, τ, η, t', () => {
    const arb = fc.integer({ min: 2, max: 12 }).chain((n) =>
      fc.record({
        upper: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), {
          minLength: (n * (n - 1)) / 2,
          maxLength: (n * (n - 1)) / 2,
        }),
        mu: fc.array(fc.double({ min: 1e-6, max: 1, noNaN: true }), { minLength: n, maxLength: n }),
        pi0: fc.array(fc.double({ min: 1e-6, max: 1, noNaN: true }), { minLength: n, maxLength: n }),
        labels: fc.array(
          fc.string({ minLength: 1, maxLength: 24 }).filter((l) => l.trim() !== ''),
          { minLength: n, maxLength: n },
        ),
        tau: fc.double({ min: 1e-3, max: 10, noNaN: true }),
        t: fc.integer({ min: 0, max: 100_000 }),
        theorem: fc.boolean(),
        algorithms: fc.subarray([...ALGORITHM_IDS]),
        comparisons: fc.constantFrom('uniform' as const, 'reference' as const),
      }),
    );
    fc.assert(
      fc.property(arb, (r) => {
        const n = r.mu.length;
        const P = fromUpper(n, r.upper);
        const norm = (v: number[]) => v.map((x) => x / v.reduce((a, b) => a + b, 0));
        const s: Scenario = {
          ...DEFAULT.scenario,
          preset: null,
          preferences: P,
          labels: r.labels,
          reference: norm(r.mu),
          initial: norm(r.pi0),
          tau: r.tau,
          eta: 0.5 / r.tau,
          schedule: r.theorem ? 'theorem' : 'constant',
          algorithms: [...r.algorithms],
          comparisons: r.comparisons,
          corners: defaultCorners(n),
        };
        const d = decodeHash(encodeHash(s, r.t));
        expect(d.problems).toEqual([]);
        expect(d.t).toBe(r.t);
        expect(d.scenario.preferences).toEqual(P);
        expect(d.scenario.labels).toEqual(r.labels);
        d.scenario.reference.forEach((x, i) => expect(x).toBeCloseTo(s.reference[i], 14));
        expect(d.scenario.tau).toBe(r.tau);
        expect(d.scenario.schedule).toBe(s.schedule);
        if (!r.theorem) expect(d.scenario.eta).toBe(s.eta);
        expect(d.scenario.algorithms).toEqual(s.algorithms);
        expect(d.scenario.comparisons).toBe(r.comparisons);
      }),
      { numRuns: 300, seed: 21 },
    );
  });

  it('replaces each invalid value by its default, names it, and keeps the rest', () => {
    const d = decodeHash(
      '#P=0.2,0.9,0.4&mu=1,2&pi0=0.2,0.3,0.5&tau=-1&eta=abc&t=1.5&algos=omd,ppo&comparisons=both&labels=a,b,c',
    );
    const fields = d.problems.map((p) => p.field).sort();
    expect(fields).toEqual(['algos', 'comparisons', 'eta', 'mu', 't', 'tau']);
    expect(d.scenario.preferences[0][1]).toBe(0.2);
    expect(d.scenario.labels).toEqual(['a', 'b', 'c']);
    expect(d.scenario.initial).toEqual([0.2, 0.3, 0.5]);
    expect(d.scenario.tau).toBe(DEFAULT.scenario.tau);
    expect(d.scenario.reference).toEqual(DEFAULT.scenario.reference);
    for (const p of d.problems) expect(p.message.length).toBeGreaterThan(10);
  });

  it('rejects a P of the wrong length or out of range and keeps the default matrix', () => {
    for (const bad of [
      '#P=0.1,0.2',
      '#P=0.1,2,0.3',
      '#P=x,y,z',
      `#P=${new Array(90).fill(0.5).join(',')}`,
      `#P=${new Array((501 * 500) / 2).fill(0.5).join(',')}`,
    ]) {
      const d = decodeHash(bad);
      expect(d.problems.map((p) => p.field)).toEqual(['P']);
      expect(d.scenario.preferences).toEqual(DEFAULT.scenario.preferences);
    }
  });

  it('never throws on garbage', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const d = decodeHash(text);
        expect(d.scenario.preferences.length).toBeGreaterThanOrEqual(2);
      }),
      { numRuns: 2000, seed: 22 },
    );
    expect(decodeHash('#labels=%E0%A4%A,b,c').problems[0].field).toBe('labels');
  });
});

describe('large n in the hash', () => {
  it('a leaderboard link names the preset, seed and n only, and restores the same 300×300 matrix', () => {
    const { scenario } = scenarioFromPreset('leaderboard', { n: 300, seed: 2 });
    const hash = encodeHash(scenario, 40);
    expect(hash).not.toMatch(/(^|&)P=/);
    expect(hash).toMatch(/seed=2/);
    expect(hash).toMatch(/n=300/);
    const d = decodeHash(hash);
    expect(d.problems).toEqual([]);
    expect(d.scenario.preferences).toEqual(scenario.preferences);
    expect(d.scenario.labels[299]).toBe('model-300');
  });

  it('an edited 200×200 matrix round-trips exactly through P (19,900 entries)', () => {
    const { scenario } = scenarioFromPreset('random', { n: 200, seed: 5 });
    const P = scenario.preferences.map((r) => r.slice());
    P[17][150] = 0.123456789012345;
    P[150][17] = 1 - P[17][150];
    const edited = { ...scenario, preferences: P, preset: null };
    const d = decodeHash(encodeHash(edited, 0));
    expect(d.problems).toEqual([]);
    expect(d.scenario.preferences).toEqual(P);
  });
});
