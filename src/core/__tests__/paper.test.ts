/**
 * The worked examples of Munos et al. (2024), as given in docs/math.md: the library must
 * reproduce the paper's numbers, which were derived by hand, not by this code.
 */
import { describe, expect, it } from 'vitest';
import {
  exploitability,
  fitBradleyTerry,
  kl,
  nashEquilibrium,
  regularizedNash,
  rlhfOptimum,
  simulate,
} from '../index.ts';
import { bradleyTerryMatrix, row, winProb } from './arbitraries.ts';

/** §3.2: P(y2 ≻ y1) = 2/3 − ε/2, P(y1 ≻ y3) = 2/3 + ε/4, P(y3 ≻ y2) = 2/3 + ε/4. */
function raterTypes(eps: number): number[][] {
  const p21 = 2 / 3 - eps / 2;
  const p13 = 2 / 3 + eps / 4;
  const p32 = 2 / 3 + eps / 4;
  return [
    [0.5, 1 - p21, p13],
    [p21, 0.5, 1 - p32],
    [1 - p13, p32, 0.5],
  ];
}

const dice = [
  [0.5, 5 / 9, 4 / 9],
  [4 / 9, 0.5, 5 / 9],
  [5 / 9, 4 / 9, 0.5],
];

describe('three rater types (§3.2)', () => {
  // Inside (−1/3, 1/3) the equilibrium is unique; at the end points it is not (see below).
  for (const eps of [-0.3, -0.2, -0.05, 0.01, 0.1, 0.25, 0.33]) {
    it(`ε = ${eps.toFixed(3)}: Nash is (1/3 + ε/2, 1/3 + ε/2, 1/3 − ε)`, () => {
      const nash = nashEquilibrium(raterTypes(eps));
      const expected = [1 / 3 + eps / 2, 1 / 3 + eps / 2, 1 / 3 - eps];
      expected.forEach((x, i) => expect(nash[i]).toBeCloseTo(x, 12));
    });
  }

  it('at ε = ±1/3 the equilibrium set is larger; what is returned is still an exact Nash', () => {
    for (const eps of [-1 / 3, 1 / 3]) {
      const P = raterTypes(eps);
      expect(exploitability(P, [1 / 3, 1 / 3, 1 / 3], 0, nashEquilibrium(P))).toBeLessThan(1e-15);
    }
  });

  it('the Bradley–Terry argmax flips from y2 to y1 as ε crosses 0, reward ≈ (+ε, −ε, 0)', () => {
    for (const eps of [-0.3, -0.1, -0.01]) {
      const r = fitBradleyTerry(raterTypes(eps));
      expect(r.indexOf(Math.max(...r))).toBe(1);
    }
    for (const eps of [0.01, 0.1, 0.3]) {
      const r = fitBradleyTerry(raterTypes(eps));
      expect(r.indexOf(Math.max(...r))).toBe(0);
      expect(r[0]).toBeGreaterThan(0.8 * eps);
      expect(r[0]).toBeLessThan(1.2 * eps);
      expect(r[1]).toBeCloseTo(-r[0], 12);
      expect(Math.abs(r[2])).toBeLessThan(1e-12);
    }
  });

  it('as τ → 0 the RLHF optimum jumps between corners while π*_τ moves continuously', () => {
    const mu = [1 / 3, 1 / 3, 1 / 3];
    const tau = 1e-3;
    const below = rlhfOptimum(fitBradleyTerry(raterTypes(-0.05)), mu, tau);
    const above = rlhfOptimum(fitBradleyTerry(raterTypes(0.05)), mu, tau);
    expect(below[1]).toBeGreaterThan(0.999);
    expect(above[0]).toBeGreaterThan(0.999);
    const nBelow = regularizedNash(raterTypes(-0.05), mu, tau);
    const nAbove = regularizedNash(raterTypes(0.05), mu, tau);
    for (let i = 0; i < 3; i++) expect(Math.abs(nBelow[i] - nAbove[i])).toBeLessThan(0.2);
  });
});

describe('non-transitive dice', () => {
  it('A={2,4,9}, B={1,6,8}, C={3,5,7}: each beats the next with probability 5/9', () => {
    const faces = [
      [2, 4, 9],
      [1, 6, 8],
      [3, 5, 7],
    ];
    const beats = (a: number[], b: number[]) =>
      a.flatMap((x) => b.map((y) => (x > y ? 1 : 0))).reduce<number>((s, v) => s + v, 0) / 9;
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++) if (i !== j) expect(beats(faces[i], faces[j])).toBeCloseTo(dice[i][j], 15);
  });

  it('the Nash is uniform and the Bradley–Terry reward is identically zero', () => {
    nashEquilibrium(dice).forEach((x) => expect(x).toBeCloseTo(1 / 3, 14));
    fitBradleyTerry(dice).forEach((r) => expect(Math.abs(r)).toBeLessThan(1e-14));
  });

  it('so RLHF returns μ: its optimum and its path end at the reference policy', () => {
    const mu = [0.6, 0.3, 0.1];
    const opt = rlhfOptimum(fitBradleyTerry(dice), mu, 0.01);
    mu.forEach((m, i) => expect(opt[i]).toBeCloseTo(m, 12));
    const { policies } = simulate({
      algorithm: 'rlhf',
      preferences: dice,
      reference: mu,
      initial: [0.1, 0.1, 0.8],
      tau: 0.01,
      eta: 20,
      steps: 2000,
    });
    row(policies, 3, 2000).forEach((x, i) => expect(x).toBeCloseTo(mu[i], 9));
  });
});

describe('Elo example: a perfect Bradley–Terry model, scores (0, log 9, log 2)', () => {
  const scores = [0, Math.log(9), Math.log(2)];
  const P = bradleyTerryMatrix(scores);

  it('fitBradleyTerry recovers the scores up to a shift', () => {
    const r = fitBradleyTerry(P);
    const mean = scores.reduce((a, b) => a + b) / 3;
    scores.forEach((s, i) => expect(r[i]).toBeCloseTo(s - mean, 12));
  });

  it('under π(y1) = 2π(y2), the win-rate maximiser (0,0,1) beats the reward maximiser (2/3,1/3,0) with probability 50/99', () => {
    const r = fitBradleyTerry(P);
    // Maximise the fitted reward over the constrained family π = (2a, a, 1 − 3a), a ∈ [0, 1/3].
    let best = { a: 0, value: -Infinity };
    for (let k = 0; k <= 300; k++) {
      const a = k / 900;
      const value = 2 * a * r[0] + a * r[1] + (1 - 3 * a) * r[2];
      if (value > best.value) best = { a, value };
    }
    const rewardMax = [2 * best.a, best.a, 1 - 3 * best.a];
    [2 / 3, 1 / 3, 0].forEach((x, i) => expect(rewardMax[i]).toBeCloseTo(x, 12));
    expect(winProb(P, [0, 0, 1], rewardMax)).toBeCloseTo(50 / 99, 12);
    expect(50 / 99).toBeGreaterThan(0.5);
  });
});

describe('Condorcet cycle from three voter groups', () => {
  it('rankings y1>y2>y3, y2>y3>y1, y3>y1>y2 give each link of the cycle probability 2/3 and a uniform Nash', () => {
    const rankings = [
      [0, 1, 2],
      [1, 2, 0],
      [2, 0, 1],
    ];
    const P = [0, 1, 2].map((i) =>
      [0, 1, 2].map((j) => (i === j ? 0.5 : rankings.filter((r) => r.indexOf(i) < r.indexOf(j)).length / 3)),
    );
    expect(P[0][1]).toBeCloseTo(2 / 3, 15);
    expect(P[1][2]).toBeCloseTo(2 / 3, 15);
    expect(P[2][0]).toBeCloseTo(2 / 3, 15);
    nashEquilibrium(P).forEach((x) => expect(x).toBeCloseTo(1 / 3, 14));
  });
});

describe('rock-paper-scissors (0.9/0.1), μ = (0.5, 0.3, 0.2), τ = 0.05, η = 2 (docs/math.md)', () => {
  const rps = [
    [0.5, 0.9, 0.1],
    [0.1, 0.5, 0.9],
    [0.9, 0.1, 0.5],
  ];
  const mu = [0.5, 0.3, 0.2];
  const base = { preferences: rps, reference: mu, initial: [0.7, 0.2, 0.1], tau: 0.05, eta: 2, steps: 20_000 } as const;
  const star = regularizedNash(rps, mu, 0.05);

  it('Nash-MD settles at a fixed point with KL(π*_τ‖π_t) ≈ 8e-4 (its constant-step bias)', () => {
    const { policies } = simulate({ ...base, algorithm: 'nash-md' });
    const last = kl(star, row(policies, 3, 20_000));
    expect(last).toBeGreaterThan(7e-4);
    expect(last).toBeLessThan(9e-4);
    expect(Math.abs(kl(star, row(policies, 3, 19_000)) - last)).toBeLessThan(1e-12);
  });

  it('OMD keeps cycling: KL(π*_τ‖π_t) oscillates near 0.07 after 20,000 steps', () => {
    const { policies } = simulate({ ...base, algorithm: 'omd' });
    const tail = Array.from({ length: 200 }, (_, k) => kl(star, row(policies, 3, 19_800 + k)));
    expect(Math.max(...tail)).toBeGreaterThan(0.05);
    expect(Math.max(...tail) - Math.min(...tail)).toBeGreaterThan(1e-3);
    expect(exploitability(rps, mu, 0.05, row(policies, 3, 20_000))).toBeGreaterThan(1e-3);
  });
});
