/**
 * Theorem 1 of the paper: with η_t = 2/(τ(t+2)), KL(π*_τ‖π_T) ≤ 8/(τ²(T+1)) for the LAST
 * iterate of Nash-MD; with a constant η, KL_T ≤ (1 − ητ)^T KL_0 + 2η/τ.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kl, regularizedNash, simulate } from '../index.ts';
import { row, sizedGame } from './arbitraries.ts';

describe('Theorem 1', () => {
  it("with the theorem's step, KL(π*_τ‖π_T) ≤ 8/(τ²(T+1)) at every T, on random matrices", () => {
    fc.assert(
      fc.property(sizedGame(8, true), fc.double({ min: 0.02, max: 2, noNaN: true }), ({ n, P, mu, pi0 }, tau) => {
        const star = regularizedNash(P, mu, tau);
        const T = 400;
        const { policies } = simulate({
          algorithm: 'nash-md',
          preferences: P,
          reference: mu,
          initial: pi0,
          tau,
          eta: 'theorem',
          steps: T,
        });
        for (let t = 1; t <= T; t++) {
          expect(kl(star, row(policies, n, t))).toBeLessThanOrEqual(8 / (tau * tau * (t + 1)) + 1e-12);
        }
      }),
      { numRuns: 150, seed: 20240101 },
    );
  });

  it('the bound is not vacuous: the last iterate does converge to π*_τ', () => {
    const P = [
      [0.5, 0.9, 0.1],
      [0.1, 0.5, 0.9],
      [0.9, 0.1, 0.5],
    ];
    const mu = [0.5, 0.3, 0.2];
    const tau = 0.5;
    const star = regularizedNash(P, mu, tau);
    const { policies } = simulate({
      algorithm: 'nash-md',
      preferences: P,
      reference: mu,
      initial: [0.7, 0.2, 0.1],
      tau,
      eta: 'theorem',
      steps: 20_000,
    });
    const early = kl(star, row(policies, 3, 100));
    const late = kl(star, row(policies, 3, 20_000));
    expect(late).toBeLessThan(early);
    expect(late).toBeLessThan(1e-5);
  });

  for (const algorithm of ['nash-md', 'omd'] as const) {
    it(`${algorithm} with a constant step ends in the 2η/τ neighbourhood of π*_τ`, () => {
      fc.assert(
        fc.property(
          sizedGame(6, true),
          fc.double({ min: 0.05, max: 1, noNaN: true }),
          fc.double({ min: 0.01, max: 0.5, noNaN: true }),
          ({ n, P, mu, pi0 }, tau, etaTau) => {
            const eta = etaTau / tau;
            const star = regularizedNash(P, mu, tau);
            const T = 2000;
            const { policies } = simulate({
              algorithm,
              preferences: P,
              reference: mu,
              initial: pi0,
              tau,
              eta,
              steps: T,
            });
            const kl0 = kl(star, pi0);
            const bound = (1 - eta * tau) ** T * kl0 + (2 * eta) / tau;
            expect(kl(star, row(policies, n, T))).toBeLessThanOrEqual(bound);
          },
        ),
        { numRuns: 100, seed: 7 },
      );
    });
  }
});
