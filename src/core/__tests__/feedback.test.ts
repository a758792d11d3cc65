/**
 * Sampled feedback and the learned models (issue 16): P̂ and r̂ from given counts against values
 * computed here from their definitions, the sampler's pair and outcome frequencies (chi-square,
 * fixed seeds), reproducibility, consistency (P̂ → P), and the sample-size curve rebuilt by hand.
 */
import { describe, expect, it } from 'vitest';
import { rlhfOptimum } from '../bradleyTerry.ts';
import { exploitability } from '../exploitability.ts';
import {
  countsFromDense,
  learnedModels,
  learnedPreferences,
  sampleFeedback,
  totalComparisons,
  type PairCounts,
} from '../feedback.ts';
import { regularizedNash } from '../regularizedNash.ts';
import { repetitionSeed, sampleSizeCurve, sampleSizeGrid } from '../sampleSizeCurve.ts';

const P4 = [
  [0.5, 0.8, 0.3, 0.6],
  [0.2, 0.5, 0.9, 0.45],
  [0.7, 0.1, 0.5, 0.25],
  [0.4, 0.55, 0.75, 0.5],
];

/** Pair totals n_ij (i < j) in row-major order of the pairs. */
function pairTotals(c: PairCounts): Map<string, { nij: number; wij: number }> {
  const m = new Map<string, { nij: number; wij: number }>();
  for (let k = 0; k < c.i.length; k++) m.set(`${c.i[k]},${c.j[k]}`, { nij: c.winsI[k] + c.winsJ[k], wij: c.winsI[k] });
  return m;
}

describe('learned models from given counts', () => {
  // n = 3: 0 beat 1 seven times and lost three; 0 and 2 split 2–2; 1 and 2 never met.
  const wins = [0, 7, 2, 3, 0, 0, 2, 0, 0];
  const counts = countsFromDense(wins, 3);

  it('P̂_ij = (w_ij + a)/(n_ij + 2a), unseen pairs ½', () => {
    const P = learnedPreferences(counts, 0.5);
    expect(P[0][1]).toBeCloseTo(7.5 / 11, 15);
    expect(P[1][0]).toBeCloseTo(3.5 / 11, 15);
    expect(P[0][2]).toBe(0.5);
    expect(P[1][2]).toBe(0.5);
    expect(P[2][1]).toBe(0.5);
    expect(learnedPreferences(counts, 2)[0][1]).toBeCloseTo(9 / 14, 15);
    expect(totalComparisons(counts)).toBe(14);
  });

  it('r̂ maximises the smoothed Bradley–Terry likelihood (gradient ascent written here)', () => {
    const a = 0.5;
    // Σ_{i<j} (w_ij + a) log σ(r_i − r_j) + (w_ji + a) log σ(r_j − r_i), every pair (unseen ones a, a).
    const w = (i: number, j: number) => wins[i * 3 + j] + a;
    const r = [0, 0, 0];
    for (let it = 0; it < 20000; it++) {
      const g = [0, 0, 0];
      for (let i = 0; i < 3; i++)
        for (let j = 0; j < 3; j++) {
          if (i === j) continue;
          const s = 1 / (1 + Math.exp(-(r[i] - r[j])));
          g[i] += w(i, j) * (1 - s) - w(j, i) * s;
        }
      for (let i = 0; i < 3; i++) r[i] += 0.05 * g[i];
    }
    const mean = (r[0] + r[1] + r[2]) / 3;
    const { rewards } = learnedModels(counts, a);
    for (let i = 0; i < 3; i++) expect(rewards[i]).toBeCloseTo(r[i] - mean, 6);
    // The observed 7–3 puts 0 above 1; 2, level with 0 and unseen against 1, lies between.
    expect(rewards[0]).toBeGreaterThan(rewards[2]);
    expect(rewards[2]).toBeGreaterThan(rewards[1]);
  });

  it('a smoothing ≤ 0 is refused, naming the field', () => {
    expect(() => learnedPreferences(counts, 0)).toThrow(/smoothing/);
  });
});

describe('the sampler', () => {
  // χ² critical values at significance 0.001: df 5 → 20.52, df 6 → 22.46.
  it('uniform pairs: each unordered pair with probability 2/(n(n−1)); outcomes with P (χ², α = 0.001)', () => {
    const N = 120_000;
    const totals = pairTotals(sampleFeedback(P4, N, 'uniform', null, 7));
    let chiPairs = 0;
    let chiOutcomes = 0;
    for (let i = 0; i < 4; i++)
      for (let j = i + 1; j < 4; j++) {
        const { nij, wij } = totals.get(`${i},${j}`)!;
        const expected = N / 6;
        chiPairs += (nij - expected) ** 2 / expected;
        chiOutcomes += (wij - nij * P4[i][j]) ** 2 / (nij * P4[i][j] * (1 - P4[i][j]));
      }
    expect(chiPairs).toBeLessThan(20.52);
    expect(chiOutcomes).toBeLessThan(22.46);
  });

  it('pairs from μ: Pr{i, j} = 2 μ_i μ_j / (1 − Σ μ²) (χ², α = 0.001)', () => {
    const mu = [0.5, 0.25, 0.15, 0.1];
    const N = 200_000;
    const totals = pairTotals(sampleFeedback(P4, N, 'reference', mu, 11));
    const same = mu.reduce((s, m) => s + m * m, 0);
    let chi = 0;
    for (let i = 0; i < 4; i++)
      for (let j = i + 1; j < 4; j++) {
        const expected = (N * 2 * mu[i] * mu[j]) / (1 - same);
        chi += ((totals.get(`${i},${j}`)?.nij ?? 0) - expected) ** 2 / expected;
      }
    expect(chi).toBeLessThan(20.52);
  });

  it('the same seed gives the same counts; another seed other counts', () => {
    const a = sampleFeedback(P4, 5000, 'uniform', null, 42);
    const b = sampleFeedback(P4, 5000, 'uniform', null, 42);
    const c = sampleFeedback(P4, 5000, 'uniform', null, 43);
    expect(Array.from(a.winsI)).toEqual(Array.from(b.winsI));
    expect(Array.from(a.winsJ)).toEqual(Array.from(b.winsJ));
    expect(Array.from(a.winsI)).not.toEqual(Array.from(c.winsI));
    expect(totalComparisons(a)).toBe(5000);
  });

  it('with many comparisons P̂ → P', () => {
    const P = learnedPreferences(sampleFeedback(P4, 1_000_000, 'uniform', null, 3), 0.5);
    for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) expect(Math.abs(P[i][j] - P4[i][j])).toBeLessThan(0.006);
  });

  it('bad values are named', () => {
    expect(() => sampleFeedback(P4, -3, 'uniform', null, 1)).toThrow(/feedback/);
    expect(() => sampleFeedback(P4, 10, 'uniform', null, Number.NaN)).toThrow(/dataSeed/);
    expect(() => sampleFeedback(P4, 10, 'reference', [1, 0, 0, 0], 1)).toThrow(/reference/);
  });
});

describe('the sample-size curve', () => {
  const mu = [0.4, 0.3, 0.2, 0.1];
  const tau = 0.1;

  it('each entry is the median and 10–90 % band of the targets judged under the true P, rebuilt by hand', () => {
    const sizes = [30, 300];
    const K = 5;
    const curve = sampleSizeCurve({
      preferences: P4,
      reference: mu,
      tau,
      sampling: 'uniform',
      smoothing: 0.5,
      sizes,
      seeds: K,
      seed: 9,
    });
    sizes.forEach((N, g) => {
      const nlhf: number[] = [];
      const rlhf: number[] = [];
      for (let k = 0; k < K; k++) {
        const { preferences, rewards } = learnedModels(
          sampleFeedback(P4, N, 'uniform', mu, repetitionSeed(9, g, k)),
          0.5,
        );
        nlhf.push(exploitability(P4, mu, tau, Array.from(regularizedNash(preferences, mu, tau))));
        rlhf.push(exploitability(P4, mu, tau, Array.from(rlhfOptimum(rewards, mu, tau))));
      }
      nlhf.sort((x, y) => x - y);
      rlhf.sort((x, y) => x - y);
      // Five values: the median is the third; the 10 % quantile 0.4 of the way from the first to the second.
      expect(curve.nlhf.median[g]).toBeCloseTo(nlhf[2], 12);
      expect(curve.rlhf.median[g]).toBeCloseTo(rlhf[2], 12);
      expect(curve.nlhf.low[g]).toBeCloseTo(nlhf[0] + 0.4 * (nlhf[1] - nlhf[0]), 12);
      expect(curve.rlhf.high[g]).toBeCloseTo(rlhf[3] + 0.6 * (rlhf[4] - rlhf[3]), 12);
    });
  });

  it('NLHF learns its way to π*_τ; the reward model of a non-transitive P does not', () => {
    const curve = sampleSizeCurve({
      preferences: P4,
      reference: mu,
      tau,
      sampling: 'uniform',
      smoothing: 0.5,
      sizes: sampleSizeGrid(30_000),
      seeds: 8,
      seed: 1,
    });
    const last = curve.sizes.length - 1;
    expect(Array.from(curve.sizes)).toEqual([10, 30, 100, 300, 1000, 3000, 10000, 30000]);
    expect(curve.nlhf.median[last]).toBeLessThan(curve.nlhf.median[0] / 10);
    expect(curve.nlhf.median[last]).toBeLessThan(1e-3);
    // r̂'s optimum stays exploitable under P however much data (its limit is the BT fit of P).
    const limit = exploitability(
      P4,
      mu,
      tau,
      Array.from(rlhfOptimum(learnedModels(sampleFeedback(P4, 1e6, 'uniform', null, 5), 0.5).rewards, mu, tau)),
    );
    expect(curve.rlhf.median[last]).toBeGreaterThan(curve.nlhf.median[last]);
    expect(Math.abs(curve.rlhf.median[last] - limit)).toBeLessThan(0.01);
    for (const band of [curve.nlhf, curve.rlhf])
      band.median.forEach((m, g) => {
        expect(band.low[g]).toBeLessThanOrEqual(m);
        expect(band.high[g]).toBeGreaterThanOrEqual(m);
      });
  });
});
