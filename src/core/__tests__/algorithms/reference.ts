/**
 * The comparison every algorithm's test file (<id>.test.ts) makes against its naive reference:
 * rock-paper-scissors, the three rater types, random matrices; n = 3 and 5; constant and theorem
 * steps (and τ = 0); every row of simulate() equal to the formula's to 1e-9, and the trajectory
 * moves (a test that cannot fail is no test).
 */
import { describe, expect, it } from 'vitest';
import { algorithmInfo, type AlgorithmId } from '../../algorithms/catalog.ts';
import { fitBradleyTerry } from '../../bradleyTerry.ts';
import { raterTypesPreferences } from '../../presets.ts';
import { simulate } from '../../simulate.ts';
import { randomGame } from '../seededGame.ts';
import type { NaiveSpec, Vec } from './naive.ts';

const RPS = [
  [0.5, 0.9, 0.1],
  [0.1, 0.5, 0.9],
  [0.9, 0.1, 0.5],
];

export const REFERENCE_GAMES: { name: string; P: number[][]; mu: number[]; pi0: number[] }[] = [
  { name: 'rock-paper-scissors', P: RPS, mu: [0.5, 0.3, 0.2], pi0: [0.2, 0.5, 0.3] },
  {
    name: 'three rater types (ε = 0.1)',
    P: raterTypesPreferences(0.1),
    mu: [0.6, 0.25, 0.15],
    pi0: [1 / 3, 1 / 3, 1 / 3],
  },
  { name: 'random n = 3', P: randomGame(3, 5), mu: [0.2, 0.3, 0.5], pi0: [0.7, 0.2, 0.1] },
  { name: 'random n = 5', P: randomGame(5, 11), mu: [0.1, 0.15, 0.2, 0.25, 0.3], pi0: [0.3, 0.1, 0.2, 0.25, 0.15] },
  {
    name: 'random n = 5 (second)',
    P: randomGame(5, 29),
    mu: [0.2, 0.2, 0.2, 0.2, 0.2],
    pi0: [0.05, 0.4, 0.2, 0.15, 0.2],
  },
];

/** Schedules: a constant step with ητ < 1, Theorem 1's schedule, and τ = 0. */
export const REFERENCE_SCHEDULES: { tau: number; eta: number | 'theorem' }[] = [
  { tau: 0.2, eta: 1.5 },
  { tau: 1, eta: 0.6 },
  { tau: 0.5, eta: 'theorem' },
  { tau: 2, eta: 'theorem' },
  { tau: 0, eta: 0.7 },
];

const STEPS = 40;

/**
 * Runs `algorithm` through simulate() on every game and schedule and compares each row with
 * `naive` (written from the formula in the algorithm's test file). `schedules` leaves some out
 * where the naive reference cannot follow (say why at the call).
 */
export function describeReference(
  algorithm: AlgorithmId,
  naive: (spec: NaiveSpec) => Vec[],
  schedules: (s: { tau: number; eta: number | 'theorem' }) => boolean = () => true,
): void {
  describe(`${algorithm} against its formula`, () => {
    describe.each(REFERENCE_GAMES)('$name', ({ P, mu, pi0 }) => {
      const n = mu.length;
      const reward = Array.from(fitBradleyTerry(P));
      for (const { tau, eta } of REFERENCE_SCHEDULES.filter(schedules)) {
        it(`${algorithm}, τ = ${tau}, η = ${eta}: every row equals the formula to 1e-9`, () => {
          const spec: NaiveSpec = { P, mu, pi0, tau, eta, steps: STEPS, refresh: 7, reward };
          const { policies } = simulate({
            algorithm,
            preferences: P,
            reference: mu,
            initial: pi0,
            tau,
            eta,
            steps: STEPS,
            refresh: 7,
          });
          const expected = naive(spec);
          let worst = 0;
          for (let t = 0; t <= STEPS; t++)
            for (let i = 0; i < n; i++) worst = Math.max(worst, Math.abs(policies[t * n + i] - expected[t][i]));
          expect(worst).toBeLessThan(1e-9);
          // A test that cannot fail is no test: the trajectory must move (an algorithm driven by the
          // fitted reward, RLHF, has a constant reward on rock-paper-scissors, so there it stays at
          // π_0 when τ = 0, as the formula says).
          if (algorithmInfo(algorithm)!.rewardModel && new Set(reward.map((r) => r.toFixed(12))).size === 1) return;
          const moved = Math.max(...expected[STEPS].map((x, i) => Math.abs(x - expected[0][i])));
          expect(moved).toBeGreaterThan(1e-6);
        });
      }
    });
  });
}
