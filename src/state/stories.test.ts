import { describe, expect, it } from 'vitest';
import { presetById } from '../core/presets.ts';
import { createSimulationService } from '../core/simulationService.ts';
import type { ComputeResponse, EquilibriaResult } from '../core/workerApi.ts';
import { STORIES, storyById, storyScenario } from './stories.ts';
import { toSpec } from './scenario.ts';
import { betaSweep } from '../core/betaSweep.ts';
import { validatePreferences } from '../core/validate.ts';
import { sweepSummary, sweepWinner } from '../shared/betaSweepSummary.ts';

const service = createSimulationService();
let version = 0;

/** Runs step k of a story exactly as the app would (up to its t). */
function run(
  id: string,
  k: number,
): Extract<ComputeResponse, { ok: true }> & { t: number; equilibria: EquilibriaResult } {
  const { scenario, t } = storyScenario(storyById(id)!, k);
  const r = service.compute(++version, toSpec(scenario), t);
  if (!r.ok) throw new Error(r.problem.message);
  if (!r.equilibria) throw new Error('a computation that is not deferred has its equilibria');
  return { ...r, equilibria: r.equilibria, t };
}
const kl = (r: ReturnType<typeof run>, algorithm: string) => {
  const c = r.chunks.find((x) => x.algorithm === algorithm)!;
  return c.kl[c.rows - 1];
};
const argmax = (v: ArrayLike<number>) => Array.from(v).indexOf(Math.max(...Array.from(v)));

describe('guided stories', () => {
  it('each has a known preset and 3–5 steps with valid scenarios', () => {
    for (const story of STORIES) {
      // A data story's steps load the data (tested in storiesData.test.ts).
      if (story.data !== undefined) continue;
      expect(presetById(story.preset)).toBeDefined();
      expect(story.steps.length).toBeGreaterThanOrEqual(3);
      expect(story.steps.length).toBeLessThanOrEqual(5);
      story.steps.forEach((_, k) => {
        const { scenario } = storyScenario(story, k);
        if (scenario.schedule === 'constant') expect(scenario.eta * scenario.tau).toBeLessThanOrEqual(1);
        expect(scenario.preset).toBe(story.preset);
      });
    }
  });

  it('steps accumulate: Back gives the same scenario as getting there', () => {
    const story = storyById('sampling')!;
    expect(storyScenario(story, 1).scenario.comparisons).toBe('uniform');
    expect(storyScenario(story, 2).scenario.comparisons).toBe('reference');
    expect(storyScenario(story, 2).scenario.reference).toEqual([0.1, 0.1, 0.8]);
  });

  it('RLHF jumps across ε = 0 while π*_τ moves a little', () => {
    const [a, b, c] = [0, 1, 2].map((k) => run('rlhf-jumps', k));
    expect(argmax(a.equilibria.rlhfOptimum)).toBe(1);
    expect(a.equilibria.rlhfOptimum[1]).toBeGreaterThan(0.85);
    const mu = storyScenario(storyById('rlhf-jumps')!, 1).scenario.reference;
    b.equilibria.rlhfOptimum.forEach((x, i) => expect(x).toBeCloseTo(mu[i], 6));
    expect(c.equilibria.rlhfOptimum[0]).toBeCloseTo(0.91, 2);
    expect(Array.from(a.equilibria.regularized).map((x) => +x.toFixed(2))).toEqual([0.25, 0.37, 0.38]);
    expect(Array.from(c.equilibria.regularized).map((x) => +x.toFixed(2))).toEqual([0.4, 0.37, 0.23]);
  });

  it('dice: zero reward on uniform pairs, Nash-MD settles, OMD circles', () => {
    const two = run('cycles', 1);
    for (const r of two.equilibria.rewards) expect(Math.abs(r)).toBeLessThan(1e-9);
    const three = run('cycles', 2);
    expect(kl(three, 'nash-md')).toBeCloseTo(0.004, 3);
    expect(kl(three, 'omd')).toBeGreaterThan(0.05);
    const four = run('cycles', 3);
    expect(four.equilibria.rlhfOptimum[2]).toBeCloseTo(0.79, 2);
  });

  it('Condorcet: the RLHF optimum depends on which pairs were sampled, π*_τ does not', () => {
    const [one, two, three, four] = [0, 1, 2, 3].map((k) => run('sampling', k));
    for (const r of one.equilibria.rewards) expect(Math.abs(r)).toBeLessThan(1e-9);
    expect(Array.from(two.equilibria.regularized).map((x) => +x.toFixed(2))).toEqual([0.13, 0.42, 0.45]);
    expect(two.equilibria.rlhfOptimum[2]).toBeCloseTo(0.8, 6);
    expect(three.equilibria.rlhfOptimum[1]).toBeGreaterThan(0.99);
    expect(Array.from(three.equilibria.regularized)).toEqual(Array.from(two.equilibria.regularized));
    expect(four.equilibria.rlhfOptimum[2]).toBeGreaterThan(0.99);
  });

  it('constant step stalls at a bias, the theorem step keeps converging', () => {
    const [a, b, c, d] = [0, 1, 2, 3].map((k) => run('step-size', k));
    expect(kl(a, 'nash-md')).toBeCloseTo(0.0014, 4);
    expect(kl(b, 'nash-md')).toBeCloseTo(0.00074, 5);
    expect(kl(c, 'nash-md')).toBeCloseTo(0.00016, 5);
    expect(kl(d, 'nash-md')).toBeLessThan(3e-8);
    expect(kl(d, 'nash-md')).toBeLessThan(8 / (0.05 ** 2 * (d.t + 1)));
    expect(kl(d, 'omd')).toBeLessThan(1e-6);
  });

  it('π*_τ runs from μ to the Nash as τ shrinks', () => {
    const [a, b, c, d] = [0, 1, 2, 3].map((k) => run('tau-path', k));
    expect(Array.from(a.equilibria.regularized).map((x) => +x.toFixed(1))).toEqual([0.5, 0.3, 0.2]);
    expect(Array.from(b.equilibria.regularized).map((x) => +x.toFixed(2))).toEqual([0.44, 0.37, 0.19]);
    expect(Array.from(c.equilibria.regularized).map((x) => +x.toFixed(2))).toEqual([0.32, 0.37, 0.31]);
    expect(kl(c, 'nash-md')).toBeLessThan(2.5e-6);
    for (const x of d.equilibria.regularized) expect(x).toBeCloseTo(1 / 3, 2);
    expect(kl(d, 'nash-md')).toBeCloseTo(0.002, 3);
    for (const r of [a, b, c, d])
      expect(Array.from(r.equilibria.rlhfOptimum).map((x) => +x.toFixed(3))).toEqual([0.5, 0.3, 0.2]);
  });
});

describe('Cycling and its cures', () => {
  const policy = (r: ReturnType<typeof run>, algorithm: string) => {
    const c = r.chunks.find((x) => x.algorithm === algorithm)!;
    return Array.from(c.policies.subarray((c.rows - 1) * 3, c.rows * 3));
  };
  const third = (v: number[], digits: number) => v.forEach((x) => expect(x).toBeCloseTo(1 / 3, digits));
  const rounded = (v: ArrayLike<number>) => Array.from(v).map((x) => +x.toFixed(2));

  it('MWU spirals out: 0.99 on rock at t = 300, moving away from the Nash, then to other corners', () => {
    const one = run('cycling-cures', 0);
    expect(one.t).toBe(300);
    expect(policy(one, 'mwu')[0]).toBeGreaterThan(0.985);
    const { scenario } = storyScenario(storyById('cycling-cures')!, 0);
    const spec = { ...toSpec(scenario), algorithms: ['mwu' as const] };
    const long = service.compute(++version, spec, 1000);
    if (!long.ok) throw new Error('run failed');
    const c = long.chunks[0];
    const at = (t: number) => Array.from(c.policies.subarray(t * 3, t * 3 + 3));
    const klNash = (p: number[]) => p.reduce((s, x) => s + (1 / 3) * Math.log(1 / 3 / x), 0);
    // Outwards: the distance from the uniform Nash grows.
    expect(klNash(at(10))).toBeGreaterThan(klNash(at(0)));
    expect(klNash(at(50))).toBeGreaterThan(klNash(at(10)));
    // From corner to corner: scissors at 600, paper at 1,000.
    expect(at(600)[2]).toBeGreaterThan(0.99);
    expect(at(1000)[1]).toBeGreaterThan(0.99);
  });

  it('OMWU reaches the Nash of P, extragradient π*_τ from t = 50 on', () => {
    const two = run('cycling-cures', 1);
    third(policy(two, 'omwu'), 3);
    expect(rounded(two.equilibria.regularized)).toEqual([0.36, 0.41, 0.23]);
    const eg = two.chunks.find((x) => x.algorithm === 'extragradient')!;
    expect(eg.kl[50]).toBeLessThan(1e-10);
    expect(eg.kl[eg.rows - 1]).toBeLessThan(1e-12);
  });

  it('MMD converges to π*_τ; MPO and COMAL to the Nash of P (COMAL by t = 50)', () => {
    const three = run('cycling-cures', 2);
    expect(three.t).toBe(1000);
    expect(kl(three, 'mmd')).toBeLessThan(1e-12);
    third(policy(three, 'mpo'), 3);
    third(policy(three, 'comal'), 6);
    const comal = three.chunks.find((x) => x.algorithm === 'comal')!;
    Array.from(comal.policies.subarray(50 * 3, 51 * 3)).forEach((x) => expect(x).toBeCloseTo(1 / 3, 4));
    // Not π*_τ: the Nash of P is far from it at τ = 0.2.
    expect(kl(three, 'mpo')).toBeGreaterThan(0.02);
  });

  it('τ = 0.05: extragradient at π*_τ = (0.32, 0.37, 0.31), MPO and COMAL at the Nash', () => {
    const four = run('cycling-cures', 3);
    expect(rounded(four.equilibria.regularized)).toEqual([0.32, 0.37, 0.31]);
    expect(kl(four, 'extragradient')).toBeLessThan(1e-12);
    third(policy(four, 'mpo'), 3);
    third(policy(four, 'comal'), 6);
    // At τ = 0 COMAL cannot run: the app names the reason (availability.ts).
    const { scenario } = storyScenario(storyById('cycling-cures')!, 3);
    expect(toSpec({ ...scenario, tau: 0 }).algorithms).toEqual(['extragradient', 'mpo']);
  });
});

describe('“What the paper trained” says what the β sweep shows', () => {
  const story = storyById('paper-trained')!;
  const { scenario, t } = storyScenario(story, 2);
  const spec = toSpec(scenario);
  const r = betaSweep(spec, validatePreferences(spec.preferences), t);
  const labels = r.entries.map((e) => e.label);
  const betas = r.entries.map((e) => e.beta);
  const at = (beta: number) => betas.indexOf(beta);
  const place = (a: number) => `${r.order.indexOf(a) + 1}${['st', 'nd', 'rd'][r.order.indexOf(a)] ?? 'th'} of 11`;
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  const policy = (a: number) => Array.from(r.policies.subarray(a * 3, a * 3 + 3));

  it('the sweep’s scenario is the same at every step (the sweep does not depend on the shown β)', () => {
    for (const k of [0, 1]) {
      const s = storyScenario(story, k);
      expect(s.t).toBe(t);
      expect({ ...s.scenario.pg, beta: 0 }).toEqual({ ...scenario.pg, beta: 0 });
      expect(s.scenario.algorithms).toEqual(['nash-md-pg']);
    }
    expect(storyScenario(story, 1).scenario.pg.beta).toBe(1);
  });

  it('step 1: β = 0’s policy and place', () => {
    const a = at(0);
    expect(story.steps[0].text).toContain(
      `(${policy(a)
        .map((x) => x.toFixed(2))
        .join(', ')})`,
    );
    expect(story.steps[0].text).toContain(`self-play comes ${place(a)}`);
  });

  it('step 2: β = 1 beats μ most and over-adapts', () => {
    const a = at(1);
    const vsMu = (b: number) => r.matrix[b * 11 + labels.indexOf('SFT (μ)')];
    expect(story.steps[1].text).toContain(`${policy(a)[1].toFixed(2)} on paper`);
    expect(story.steps[1].text).toContain(`beats μ ${pct(vsMu(a))} of the time, more than any other β`);
    for (const b of betas.map((x, i) => (x === null || x === 1 ? -1 : i)).filter((i) => i >= 0))
      expect(vsMu(b)).toBeLessThan(vsMu(a));
    expect(story.steps[1].text).toContain(`it is ${place(a)} in the sweep`);
  });

  it('step 3: the winner the text names is the computed one', () => {
    expect(sweepWinner({ ...r, labels, betas })).toBe('intermediate');
    expect(labels[r.best!]).toBe('Nash-MD-PG β=0.625');
    expect(story.steps[2].text).toContain(`β = 0.625 wins the sweep: it beats the others ${pct(r.average[r.best!])}`);
    expect(sweepSummary({ ...r, labels, betas })).toContain('Nash-MD-PG β=0.625 wins the sweep');
    // RLHF-PG ends at μ (the Bradley–Terry reward of rock-paper-scissors is flat).
    policy(labels.indexOf('RLHF-PG')).forEach((x, y) => expect(x).toBeCloseTo(scenario.reference[y], 3));
  });
});
