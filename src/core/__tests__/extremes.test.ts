/**
 * Numerical extremes (issue: robustness): over τ ∈ [1e-4, 100], η up to 1/τ, μ entries down to
 * 1e-12, P entries of exactly 0 and 1, and n up to the app's limit of 12, nothing is NaN or
 * infinite and every policy lies on the simplex to 1e-12 — trajectories, metrics, equilibria.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  exploitability,
  fitBradleyTerry,
  flatten,
  nashEquilibrium,
  regularizedNash,
  regularizedNashPath,
  rlhfOptimum,
  simulate,
  trajectoryMetrics,
} from '../index.ts';
import { fromUpper } from './arbitraries.ts';

const APP_MAX_N = 12;

/** A matrix with many exact 0, 1/2 and 1 entries. */
const extremeMatrix = (n: number) =>
  fc
    .array(fc.oneof(fc.constantFrom(0, 1, 0.5, 1e-300, 1 - 1e-16), fc.double({ min: 0, max: 1, noNaN: true })), {
      minLength: (n * (n - 1)) / 2,
      maxLength: (n * (n - 1)) / 2,
    })
    .map((u) => fromUpper(n, u));

/** A distribution with entries as small as 1e-12. */
const extremeDistribution = (n: number) =>
  fc
    .array(fc.oneof(fc.constantFrom(1e-12, 1e-9, 1), fc.double({ min: 1e-12, max: 1, noNaN: true })), {
      minLength: n,
      maxLength: n,
    })
    .map((w) => {
      const s = w.reduce((a, b) => a + b, 0);
      return w.map((x) => x / s);
    });

const game = fc
  .integer({ min: 2, max: APP_MAX_N })
  .chain((n) =>
    fc.record({ n: fc.constant(n), P: extremeMatrix(n), mu: extremeDistribution(n), pi0: extremeDistribution(n) }),
  );
const tauGrid = fc.oneof(fc.constantFrom(1e-4, 1e-3, 0.01, 1, 100), fc.double({ min: 1e-4, max: 100, noNaN: true }));

/** Largest |Σ row − 1| over rows, or Infinity if any entry is not a finite number in [0, 1]. */
function simplexError(rows: Float64Array, n: number): number {
  let worst = 0;
  for (let r = 0; r < rows.length / n; r++) {
    let s = 0;
    for (let i = 0; i < n; i++) {
      const x = rows[r * n + i];
      if (!(x >= 0 && x <= 1)) return Infinity;
      s += x;
    }
    worst = Math.max(worst, Math.abs(s - 1));
  }
  return worst;
}

describe('numerical extremes', () => {
  it('trajectories and their metrics stay finite and on the simplex', () => {
    fc.assert(
      fc.property(
        game,
        tauGrid,
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.constantFrom('nash-md' as const, 'omd' as const, 'rlhf' as const),
        fc.boolean(),
        ({ n, P, mu, pi0 }, tau, etaTau, algorithm, theorem) => {
          const eta = theorem ? ('theorem' as const) : etaTau / tau; // η up to 1/τ
          const steps = 60;
          const { policies } = simulate({ algorithm, preferences: P, reference: mu, initial: pi0, tau, eta, steps });
          expect(simplexError(policies, n)).toBeLessThan(1e-12);
          const target = regularizedNash(P, mu, tau);
          expect(simplexError(target, n)).toBeLessThan(1e-12);
          const kl = new Float64Array(steps + 1);
          const ex = new Float64Array(steps + 1);
          trajectoryMetrics(
            flatten(P),
            n,
            Float64Array.from(mu, Math.log),
            tau,
            target,
            policies,
            0,
            steps + 1,
            kl,
            ex,
          );
          for (let t = 0; t <= steps; t++) {
            expect(Number.isFinite(ex[t]) && ex[t] >= 0).toBe(true);
            expect(Number.isFinite(kl[t]) && kl[t] >= 0).toBe(true);
          }
        },
      ),
      { numRuns: 400, seed: 31 },
    );
  });

  it('equilibria, rewards and RLHF optima stay finite and on the simplex', () => {
    fc.assert(
      fc.property(game, tauGrid, ({ n, P, mu }, tau) => {
        expect(simplexError(nashEquilibrium(P), n)).toBeLessThan(1e-12);
        const star = regularizedNash(P, mu, tau);
        expect(simplexError(star, n)).toBeLessThan(1e-12);
        expect(Number.isFinite(exploitability(P, mu, tau, star))).toBe(true);
        const r = fitBradleyTerry(P);
        expect(r.every(Number.isFinite)).toBe(true);
        expect(simplexError(rlhfOptimum(r, mu, tau), n)).toBeLessThan(1e-12);
        expect(simplexError(regularizedNashPath(P, mu, [100, 1, tau]), n)).toBeLessThan(1e-12);
      }),
      { numRuns: 150, seed: 32 },
    );
  });
});
