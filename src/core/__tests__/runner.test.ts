/** Continuing a run in chunks, τ-paths and win rates. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createRunner,
  exploitability,
  flatten,
  regularizedNash,
  regularizedNashPath,
  simulate,
  trajectoryMetrics,
  winProbability,
} from '../index.ts';
import { klFinite } from '../logspace.ts';
import { distribution, fromUpper, klDef, normalise, preferenceMatrix, sizedGame, winProb } from './arbitraries.ts';

describe('createRunner', () => {
  it('chunks of any sizes reproduce one long run exactly, for every algorithm and schedule', () => {
    fc.assert(
      fc.property(
        sizedGame(6),
        fc.constantFrom('nash-md' as const, 'omd' as const, 'rlhf' as const),
        fc.boolean(),
        fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 6 }),
        ({ n, P, mu, pi0 }, algorithm, theorem, chunks) => {
          const spec = {
            algorithm,
            preferences: P,
            reference: mu,
            initial: pi0,
            tau: 0.2,
            eta: theorem ? ('theorem' as const) : 1.5,
            steps: 0,
          };
          const total = chunks.reduce((a, b) => a + b, 0);
          const whole = simulate({ ...spec, steps: total }).policies;
          const runner = createRunner(spec);
          for (const k of chunks) {
            const start = runner.t;
            const rows = runner.advance(k);
            expect(rows.length).toBe((k + 1) * n);
            expect(Array.from(rows)).toEqual(Array.from(whole.subarray(start * n, (start + k + 1) * n)));
          }
          expect(runner.t).toBe(total);
        },
      ),
      { numRuns: 100, seed: 11 },
    );
  });
});

describe('regularizedNashPath', () => {
  it('matches regularizedNash at every τ of the grid, in either direction', () => {
    const P = fromUpper(4, [0.8, 0.3, 0.6, 0.1, 0.55, 0.9]);
    const mu = [0.4, 0.3, 0.2, 0.1];
    const taus = Array.from({ length: 30 }, (_, k) => 20 * (1e-3 / 20) ** (k / 29));
    for (const grid of [taus, [...taus].reverse()]) {
      const path = regularizedNashPath(P, mu, grid);
      grid.forEach((tau, k) => {
        const row = path.subarray(k * 4, (k + 1) * 4);
        expect(exploitability(P, mu, tau, row)).toBeLessThan(1e-12);
        const direct = regularizedNash(P, mu, tau);
        for (let i = 0; i < 4; i++) expect(row[i]).toBeCloseTo(direct[i], 9);
      });
    }
  });
});

describe('metrics', () => {
  it('winProbability is πᵀPπ′, 1/2 against itself, and P(a ≻ b) + P(b ≻ a) = 1', () => {
    fc.assert(
      fc.property(sizedGame(8), ({ n, P, mu, pi0 }) => {
        const p = flatten(P);
        expect(winProbability(p, n, mu, pi0)).toBeCloseTo(winProb(P, mu, pi0), 14);
        expect(winProbability(p, n, mu, mu)).toBeCloseTo(0.5, 14);
        expect(winProbability(p, n, mu, pi0) + winProbability(p, n, pi0, mu)).toBeCloseTo(1, 14);
      }),
      { numRuns: 100, seed: 12 },
    );
  });

  it('trajectoryMetrics gives KL to the target and the exploitability of each row', () => {
    const P = fromUpper(3, [0.9, 0.1, 0.9]);
    const mu = [0.5, 0.3, 0.2];
    const tau = 0.05;
    const star = regularizedNash(P, mu, tau);
    const { policies } = simulate({
      algorithm: 'nash-md',
      preferences: P,
      reference: mu,
      initial: [0.7, 0.2, 0.1],
      tau,
      eta: 2,
      steps: 50,
    });
    const kl = new Float64Array(51);
    const ex = new Float64Array(51);
    trajectoryMetrics(flatten(P), 3, Float64Array.from(mu, Math.log), tau, star, policies, 0, 51, kl, ex);
    for (const t of [0, 7, 50]) {
      const row = policies.subarray(t * 3, t * 3 + 3);
      expect(kl[t]).toBeCloseTo(klDef(star, row), 14);
      expect(ex[t]).toBeCloseTo(exploitability(P, mu, tau, row), 14);
    }
  });

  it('trajectoryMetrics (fused) agrees with exploitability() on random matrices, policies with zeros and τ = 0', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: 12 })
          .chain((n) =>
            fc.tuple(
              preferenceMatrix(n),
              distribution(n),
              distribution(n),
              fc.boolean(),
              fc.constantFrom(0, 1e-3, 0.05, 2),
            ),
          ),
        ([P, mu, raw, zero, tau]) => {
          const n = P.length;
          // A policy with a zero entry: that response contributes nothing (0·log 0 = 0).
          const pi = zero ? normalise(raw.map((x, i) => (i === 0 ? 0 : x))) : raw;
          const target = regularizedNash(P, mu, tau || 0.1);
          const policies = Float64Array.from([...pi, ...target]);
          const kl = new Float64Array(2);
          const ex = new Float64Array(2);
          trajectoryMetrics(flatten(P), n, Float64Array.from(mu, Math.log), tau, target, policies, 0, 2, kl, ex);
          // exploitability() renormalises its input first, so agreement is to rounding, not bitwise.
          expect(Math.abs(ex[0] - exploitability(P, mu, tau, pi))).toBeLessThan(1e-14 * Math.max(1, ex[0]));
          expect(Math.abs(ex[1] - exploitability(P, mu, tau, Array.from(target)))).toBeLessThan(1e-13);
          expect(kl[1]).toBe(0);
          expect(kl[0]).toBe(klFinite(target, pi));
        },
      ),
      { numRuns: 300, seed: 5 },
    );
  });
});
