/** The story "Learning the wrong reward" (issue 16): every number its steps quote, from the core. */
import { describe, expect, it } from 'vitest';
import { exploitability } from '../core/exploitability.ts';
import { createSimulationService } from '../core/simulationService.ts';
import { toSpec } from './scenario.ts';
import { STORIES, storyById, storyScenario } from './stories.ts';

const service = createSimulationService();
let version = 0;
const story = storyById('wrong-reward')!;
const rounded = (v: ArrayLike<number>) => Array.from(v, (x) => +x.toFixed(2));

function run(k: number) {
  const { scenario, t } = storyScenario(story, k);
  const r = service.compute(++version, toSpec(scenario), t);
  if (!r.ok || !r.equilibria) throw new Error('the step did not compute');
  const e = (pi: ArrayLike<number>) => exploitability(scenario.preferences, scenario.reference, scenario.tau, pi);
  return { scenario, eq: r.equilibria, e };
}

describe('Learning the wrong reward', () => {
  it('is listed, on the three rater types, and only its steps learn from feedback', () => {
    expect(STORIES.map((s) => s.id)).toContain('wrong-reward');
    expect(storyScenario(story, 0).scenario.feedback).toBeUndefined();
    expect(storyScenario(story, 1).scenario.feedback).toBe(1000);
    // Another story started from this one's scenario reads the exact P.
    const other = storyScenario(storyById('rlhf-jumps')!, 0, storyScenario(story, 2).scenario).scenario;
    expect(other.feedback).toBeUndefined();
  });

  it('step 1: the exact P: π*_τ = (0.40, 0.37, 0.23), the RLHF optimum 0.91 on y1', () => {
    const { eq } = run(0);
    expect(rounded(eq.regularized)).toEqual([0.4, 0.37, 0.23]);
    expect(+eq.rlhfOptimum[0].toFixed(2)).toBe(0.91);
    expect(eq.truth).toBeUndefined();
  });

  it('step 2: 1,000 comparisons: π*_τ of P̂ = (0.40, 0.38, 0.22), 1,000 times less exploitable than RLHF’s', () => {
    const { eq, e } = run(1);
    expect(rounded(eq.regularized)).toEqual([0.4, 0.38, 0.22]);
    expect(e(eq.rlhfOptimum) / e(eq.regularized)).toBeGreaterThan(1000);
    expect(rounded(eq.truth!.regularized)).toEqual([0.4, 0.37, 0.23]);
  });

  it('step 3: 100,000 comparisons: RLHF’s optimum stays at 0.92 on y1', () => {
    const { eq, e } = run(2);
    expect(+eq.rlhfOptimum[0].toFixed(2)).toBe(0.92);
    expect(e(eq.regularized)).toBeLessThan(1e-4);
    expect(e(eq.rlhfOptimum)).toBeGreaterThan(0.05);
  });

  it('step 4: pairs from μ: RLHF’s optimum (0.59, 0.31, 0.10), π*_τ of P̂ (0.40, 0.37, 0.23)', () => {
    const { eq } = run(3);
    expect(rounded(eq.rlhfOptimum)).toEqual([0.59, 0.31, 0.1]);
    expect(rounded(eq.regularized)).toEqual([0.4, 0.37, 0.23]);
  });

  it('step 5: the curve: NLHF 0.06 at N = 10, below 0.002 from 1,000 on, RLHF near 0.08, NLHF ahead at every N', async () => {
    const { scenario } = storyScenario(story, 4);
    const r = await service.sampleSize(++version, toSpec(scenario), undefined, () => Promise.resolve());
    if (!r.ok) throw new Error('no curve');
    expect(Array.from(r.sizes)).toEqual([10, 30, 100, 300, 1000, 3000, 10_000, 30_000, 100_000]);
    expect(+r.nlhf.median[0].toFixed(2)).toBe(0.06);
    for (let g = 4; g < r.sizes.length; g++) expect(r.nlhf.median[g]).toBeLessThan(0.002);
    for (let g = 5; g < r.sizes.length; g++) expect(Math.abs(r.rlhf.median[g] - 0.08)).toBeLessThan(0.006);
    for (let g = 0; g < r.sizes.length; g++) expect(r.nlhf.median[g]).toBeLessThan(r.rlhf.median[g]);
  });
});
