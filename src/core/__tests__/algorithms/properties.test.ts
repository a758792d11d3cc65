/**
 * Properties every algorithm of the registry has (fast-check): every row on the simplex; chunks
 * equal one long run. Each algorithm's own claims (convergence to π*_τ or to the Nash of P, COMAL's
 * step, Nash-MD's fixed point, …) are in its test file, <id>.test.ts, beside its formula check.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALGORITHM_IDS, algorithmInfo } from '../../algorithms/index.ts';
import { createRunner, simulate } from '../../simulate.ts';
import { sizedGame } from '../arbitraries.ts';

const ids = fc.constantFrom(...ALGORITHM_IDS);

function worstSimplexError(policies: Float64Array, n: number): number {
  let worst = 0;
  for (let t = 0; t < policies.length / n; t++) {
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const x = policies[t * n + i];
      if (!(x >= 0 && x <= 1)) return Infinity;
      sum += x;
    }
    worst = Math.max(worst, Math.abs(sum - 1));
  }
  return worst;
}

describe('every algorithm', () => {
  it('keeps every row on the simplex (τ ∈ [0, 5], constant and theorem steps, extreme entries of P)', () => {
    fc.assert(
      fc.property(
        sizedGame(8, true),
        ids,
        fc.oneof(fc.constant(0), fc.double({ min: 1e-3, max: 5, noNaN: true })),
        fc.double({ min: 1e-3, max: 1, noNaN: true }),
        fc.boolean(),
        ({ n, P, mu, pi0 }, algorithm, tau, etaFraction, theorem) => {
          const eta = theorem && tau > 0 ? ('theorem' as const) : tau > 0 ? etaFraction / tau : etaFraction * 20;
          const info = algorithmInfo(algorithm)!;
          if (info.unavailable({ n, tau, eta }) !== null) return; // COMAL at τ = 0
          const steps = info.stepCost === 'solve' ? 15 : 150; // COMAL: a Newton solve per step
          const { policies } = simulate({
            algorithm,
            preferences: P,
            reference: mu,
            initial: pi0,
            tau,
            eta,
            steps,
            refresh: 5,
          });
          expect(worstSimplexError(policies, n)).toBeLessThan(1e-12);
        },
      ),
      { numRuns: 400, seed: 141 },
    );
  });

  it('continued in chunks of any sizes gives exactly the rows of one long run', () => {
    fc.assert(
      fc.property(
        sizedGame(6),
        ids,
        fc.boolean(),
        fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 5 }),
        ({ n, P, mu, pi0 }, algorithm, theorem, chunks) => {
          const spec = {
            algorithm,
            preferences: P,
            reference: mu,
            initial: pi0,
            tau: 0.3,
            eta: theorem ? ('theorem' as const) : 1.2,
            steps: 0,
            refresh: 4,
          };
          const total = chunks.reduce((a, b) => a + b, 0);
          const whole = simulate({ ...spec, steps: total }).policies;
          const runner = createRunner(spec);
          for (const k of chunks) {
            const start = runner.t;
            expect(Array.from(runner.advance(k))).toEqual(Array.from(whole.subarray(start * n, (start + k + 1) * n)));
          }
        },
      ),
      { numRuns: 150, seed: 142 },
    );
  });
});
