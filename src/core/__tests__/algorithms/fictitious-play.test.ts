/**
 * Fictitious play (Brown, 1951) against its formula: π_{t+1} = π_t + (BR(π_t) − π_t)/(t+2), with
 * BR(π) ∝ μ exp(Pπ/τ) for τ > 0 and, for τ = 0, the uniform distribution over argmax_y (Pπ)_y
 * (entries within 1e-12 of the maximum tie); and its claim: the empirical average it shows
 * converges to π*_τ, the fixed point π = BR(π) (for τ = 0, to the Nash of P).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exploitability } from '../../exploitability.ts';
import { kl } from '../../logspace.ts';
import { regularizedNash } from '../../regularizedNash.ts';
import { simulate } from '../../simulate.ts';
import { fromUpper, sizedGame } from '../arbitraries.ts';
import { iterate, norm } from './naive.ts';
import { describeReference } from './reference.ts';

describeReference('fictitious-play', (s) =>
  iterate(s, () => ({ pi, t, r }) => {
    let br: number[];
    if (s.tau > 0) br = norm(s.mu.map((m, i) => m * Math.exp(r[i] / s.tau)));
    else {
      const best = Math.max(...r);
      br = norm(r.map((x) => (x >= best - 1e-12 ? 1 : 0)));
    }
    return pi.map((x, i) => x + (br[i] - x) / (t + 2));
  }),
);

describe('convergence of the empirical average', () => {
  const run = (P: number[][], mu: number[], pi0: number[], tau: number, steps: number) =>
    simulate({
      algorithm: 'fictitious-play',
      preferences: P,
      reference: mu,
      initial: pi0,
      tau,
      eta: 0.1,
      steps,
    }).policies.subarray(steps * mu.length);

  it('τ > 0: KL(π*_τ ‖ π_T) < 1e-4 after 20,000 steps, and the error keeps shrinking', () => {
    fc.assert(
      fc.property(sizedGame(5), fc.double({ min: 0.1, max: 2, noNaN: true }), ({ P, mu, pi0 }, tau) => {
        const star = regularizedNash(P, mu, tau);
        const early = kl(star, run(P, mu, pi0, tau, 2000));
        const late = kl(star, run(P, mu, pi0, tau, 20_000));
        expect(late).toBeLessThan(1e-4);
        // π_T − π* = O(1/T): ten times the steps cut the KL by 100 (by 10 where π* has a tiny
        // entry, the KL then being first order in the error); at least fivefold, whatever the game.
        if (early > 1e-13) expect(late).toBeLessThan(early / 5);
      }),
      { numRuns: 40, seed: 148 },
    );
  });

  it('τ = 0 on rock-paper-scissors: the exploitability of the average falls towards 0 (the Nash of P)', () => {
    const P = fromUpper(3, [0.9, 0.1, 0.9]);
    const mu = [1 / 3, 1 / 3, 1 / 3];
    const early = exploitability(P, mu, 0, run(P, mu, [0.6, 0.3, 0.1], 0, 2000));
    const late = exploitability(P, mu, 0, run(P, mu, [0.6, 0.3, 0.1], 0, 20_000));
    expect(late).toBeLessThan(5e-3);
    expect(late).toBeLessThan(early / 2);
  });
});
