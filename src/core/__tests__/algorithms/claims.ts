/**
 * The convergence claims several algorithms share, as property tests (fast-check) their test files
 * (<id>.test.ts) call: convergence to π*_τ for a small step, and to the Nash of P when it is unique
 * and interior.
 */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import type { AlgorithmId } from '../../algorithms/catalog.ts';
import { exploitability } from '../../exploitability.ts';
import { kl } from '../../logspace.ts';
import { nashEquilibriumSet } from '../../nashEquilibrium.ts';
import { regularizedNash } from '../../regularizedNash.ts';
import { simulate } from '../../simulate.ts';
import { distribution, fromUpper, sizedGame } from '../arbitraries.ts';
import { norm } from './naive.ts';

/** KL(π*_τ ‖ π_T) < 1e-12 after 4,000 steps of η = 0.2, τ ∈ [0.1, 2], random games up to n = 5. */
export function itConvergesToRegularized(algorithm: AlgorithmId): void {
  it(`${algorithm}: KL(π*_τ ‖ π_T) < 1e-12 after 4,000 steps of η = 0.2`, () => {
    fc.assert(
      fc.property(sizedGame(5), fc.double({ min: 0.1, max: 2, noNaN: true }), ({ P, mu, pi0 }, tau) => {
        const n = mu.length;
        const star = regularizedNash(P, mu, tau);
        const { policies } = simulate({
          algorithm,
          preferences: P,
          reference: mu,
          initial: pi0,
          tau,
          eta: 0.2,
          steps: 4000,
        });
        expect(kl(star, policies.subarray(4000 * n))).toBeLessThan(1e-12);
      }),
      { numRuns: 40, seed: 143 },
    );
  });
}

/**
 * Games with a unique, interior Nash whose algorithms converge within a test's time: n = 3
 * cyclic (each response beats the next with probability in [0.75, 0.95]: a skewed
 * rock-paper-scissors) and n = 5 where response i beats i+1 and i+2 (mod 5) with one probability
 * w ∈ [0.75, 0.95] (rock-paper-scissors-lizard-Spock, Nash uniform). (On badly conditioned
 * games with a unique interior Nash the same algorithms converge too, but over far more steps:
 * see the monotone-KL property of COMAL in comal.test.ts.)
 */
const cyclicGame = fc.oneof(
  fc
    .tuple(
      fc.double({ min: 0.75, max: 0.95, noNaN: true }),
      fc.double({ min: 0.75, max: 0.95, noNaN: true }),
      fc.double({ min: 0.75, max: 0.95, noNaN: true }),
    )
    .map(([a, b, c]) => fromUpper(3, [a, 1 - c, b])),
  fc.double({ min: 0.75, max: 0.95, noNaN: true }).map((w) => {
    const P = Array.from({ length: 5 }, () => new Array<number>(5).fill(0.5));
    for (let i = 0; i < 5; i++) {
      for (const d of [1, 2]) {
        P[i][(i + d) % 5] = w;
        P[(i + d) % 5][i] = 1 - w;
      }
    }
    return P;
  }),
);

/**
 * Exploitability e_0(π_T) < tol and the last iterate within 1e-6 of the Nash, on the cyclic games
 * above. Near the Nash these dynamics rotate with frequencies ∝ λ/n (λ the eigenvalues of P − ½,
 * the slowest 0.18 for the five-response game) and contract at a rate ∝ (ηλ/n)² (OMWU) or set by
 * λ/(nτ) (COMAL): the caller's steps make both games converge well within the run.
 */
export function itConvergesToNash(c: {
  algorithm: AlgorithmId;
  tau: number;
  eta: (n: number) => number;
  steps: number;
  tol: number;
  numRuns: number;
}): void {
  const { algorithm, tau, eta, steps, tol } = c;
  it(`${algorithm} (τ = ${tau}): exploitability e_0(π_T) < ${tol} after ${steps} steps, and the last iterate is the Nash`, () => {
    fc.assert(
      fc.property(
        cyclicGame,
        fc.integer({ min: 3, max: 5 }).chain((n) => distribution(n, 0.02)),
        (P, rawPi0) => {
          const n = P.length;
          const set = nashEquilibriumSet(P);
          fc.pre(set.unique === true && Math.min(...set.nash) >= 0.02);
          const pi0 =
            rawPi0.length === n ? rawPi0 : norm(Array.from({ length: n }, (_, i) => rawPi0[i % rawPi0.length]));
          const mu = new Array<number>(n).fill(1 / n);
          const { policies } = simulate({
            algorithm,
            preferences: P,
            reference: mu,
            initial: pi0,
            tau,
            eta: eta(n),
            steps,
            refresh: 50,
          });
          const last = policies.subarray(steps * n);
          expect(exploitability(P, mu, 0, last)).toBeLessThan(tol);
          for (let i = 0; i < n; i++) expect(Math.abs(last[i] - set.nash[i])).toBeLessThan(1e-6);
        },
      ),
      { numRuns: c.numRuns, seed: 144 },
    );
  });
}
