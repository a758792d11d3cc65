/**
 * Nash-MD (Munos et al., Eqs. 3–5) against its formula: π^μ_t ∝ π_t^{1−η_tτ} μ^{η_tτ},
 * π_{t+1} ∝ π^μ_t exp(η_t P π^μ_t); and its claims: with a constant step it converges to the biased
 * fixed point π = BR_τ(π^μ) (nashMdFixedPoint), with Theorem 1's step to π*_τ.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nashMdFixedPoint, nashMdFixedPointResidual } from '../../algorithms/index.ts';
import { kl } from '../../logspace.ts';
import { regularizedNash } from '../../regularizedNash.ts';
import { simulate } from '../../simulate.ts';
import { fromUpper, sizedGame } from '../arbitraries.ts';
import { iterate, mat, norm } from './naive.ts';
import { describeReference } from './reference.ts';

describeReference('nash-md', (s) =>
  iterate(s, () => ({ pi, h, a }) => {
    const mix = norm(pi.map((x, i) => Math.pow(x, 1 - a) * Math.pow(s.mu[i], a)));
    const w = mat(s.P, mix);
    return norm(mix.map((x, i) => x * Math.exp(h * w[i])));
  }),
);

describe('Nash-MD with a constant step: the biased fixed point π = BR_τ(π^μ)', () => {
  it('nashMdFixedPoint satisfies its equation, written out from the definition', () => {
    fc.assert(
      fc.property(
        sizedGame(6),
        fc.double({ min: 0.05, max: 2, noNaN: true }),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        ({ P, mu }, tau, frac) => {
          const eta = frac / tau;
          const pi = Array.from(nashMdFixedPoint(P, mu, tau, eta));
          const a = eta * tau;
          const mix = norm(pi.map((x, i) => Math.pow(x, 1 - a) * Math.pow(mu[i], a)));
          const w = mat(P, mix);
          const br = norm(mu.map((m, i) => m * Math.exp(w[i] / tau)));
          for (let i = 0; i < pi.length; i++) expect(Math.abs(pi[i] - br[i])).toBeLessThan(1e-10);
          expect(nashMdFixedPointResidual(P, mu, tau, eta, pi)).toBeLessThan(1e-13);
        },
      ),
      { numRuns: 100, seed: 146 },
    );
  });

  it('is where constant-step Nash-MD converges, differs from π*_τ by O(η), and the theorem step goes to π*_τ instead', () => {
    const P = fromUpper(3, [0.9, 0.1, 0.9]);
    const mu = [0.6, 0.3, 0.1];
    const tau = 0.1;
    const star = regularizedNash(P, mu, tau);
    const gaps: number[] = [];
    for (const eta of [0.5, 2, 8]) {
      const fixed = nashMdFixedPoint(P, mu, tau, eta);
      const { policies } = simulate({
        algorithm: 'nash-md',
        preferences: P,
        reference: mu,
        initial: [0.2, 0.5, 0.3],
        tau,
        eta,
        steps: 20_000,
      });
      const last = policies.subarray(20_000 * 3);
      for (let i = 0; i < 3; i++) expect(Math.abs(last[i] - fixed[i])).toBeLessThan(1e-10);
      gaps.push(Math.max(...Array.from(fixed, (x, i) => Math.abs(x - star[i]))));
    }
    expect(gaps[0]).toBeGreaterThan(1e-3); // the bias is visible
    expect(gaps[0]).toBeLessThan(gaps[1]);
    expect(gaps[1]).toBeLessThan(gaps[2]);
    const theorem = simulate({
      algorithm: 'nash-md',
      preferences: P,
      reference: mu,
      initial: [0.2, 0.5, 0.3],
      tau,
      eta: 'theorem',
      steps: 20_000,
    }).policies.subarray(20_000 * 3);
    expect(kl(star, theorem)).toBeLessThan(1e-6);
  });

  it('at ητ = 1 the mixture is μ and the fixed point is BR_τ(μ)', () => {
    const P = fromUpper(3, [0.7, 0.2, 0.6]);
    const mu = [0.5, 0.3, 0.2];
    const fixed = nashMdFixedPoint(P, mu, 0.5, 2);
    const br = norm(mu.map((m, i) => m * Math.exp(mat(P, mu)[i] / 0.5)));
    for (let i = 0; i < 3; i++) expect(fixed[i]).toBeCloseTo(br[i], 14);
  });
});
