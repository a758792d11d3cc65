/**
 * Prox point, COMAL (Liu et al., 2024), against its formula: π_{t+1} = the regularised Nash
 * equilibrium of P with reference π_t (τ > 0); its claim, the Nash of P in the last iterate; each
 * step solves its regularised game; KL to the Nash never increases; unavailable at τ = 0; and the
 * fallback solve.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALGORITHM_IDS, algorithmById } from '../../algorithms/index.ts';
import { exploitability } from '../../exploitability.ts';
import { kl } from '../../logspace.ts';
import { nashEquilibriumSet } from '../../nashEquilibrium.ts';
import { simulate } from '../../simulate.ts';
import { fromUpper, sizedGame } from '../arbitraries.ts';
import { itConvergesToNash } from './claims.ts';
import { iterate, mat, norm, type Vec } from './naive.ts';
import { describeReference } from './reference.ts';

/**
 * The regularised Nash equilibrium with reference `ref`: π ∝ ref · exp(Pπ/τ), by the plain
 * fixed-point iteration (a contraction for τ ≥ 1 since |P_ij − P_kj| ≤ 1), to machine precision.
 */
function proxPoint(P: number[][], ref: Vec, tau: number): Vec {
  if (tau < 1) throw new Error('the naive prox point needs τ ≥ 1 to contract');
  let pi = ref.slice();
  for (let k = 0; k < 5000; k++) {
    const w = mat(P, pi);
    const next = norm(ref.map((x, i) => x * Math.exp(w[i] / tau)));
    const d = Math.max(...next.map((x, i) => Math.abs(x - pi[i])));
    pi = next;
    if (d < 1e-15) return pi;
  }
  throw new Error('the naive prox point did not converge');
}

// τ = 0: unavailable; τ < 1: the naive solver does not contract.
describeReference(
  'comal',
  (s) =>
    iterate(
      s,
      () =>
        ({ pi }) =>
          proxPoint(s.P, pi, s.tau),
    ),
  ({ tau }) => tau >= 1,
);

describe('convergence to the Nash of P (unique, interior)', () =>
  itConvergesToNash({ algorithm: 'comal', tau: 0.05, eta: () => 1, steps: 400, tol: 1e-8, numRuns: 15 }));

describe('COMAL', () => {
  it('each step is the regularised Nash with reference π_t: exploitability < 1e-12 in that game (small τ too)', () => {
    fc.assert(
      fc.property(sizedGame(6), fc.constantFrom(0.01, 0.05, 0.3, 2), ({ n, P, mu, pi0 }, tau) => {
        const { policies } = simulate({
          algorithm: 'comal',
          preferences: P,
          reference: mu,
          initial: pi0,
          tau,
          eta: 0.1,
          steps: 6,
        });
        for (let t = 0; t < 6; t++) {
          const ref = Array.from(policies.subarray(t * n, (t + 1) * n));
          if (Math.min(...ref) < 1e-200) continue; // exploitability() needs a positive reference
          expect(exploitability(P, norm(ref), tau, policies.subarray((t + 1) * n, (t + 2) * n))).toBeLessThan(1e-12);
        }
      }),
      { numRuns: 60, seed: 145 },
    );
  });

  it('KL(π* ‖ π_t) never increases (π* the unique Nash of P): the proximal-point property', () => {
    fc.assert(
      fc.property(sizedGame(5), fc.constantFrom(0.05, 0.2, 1), ({ n, P, mu, pi0 }, tau) => {
        const set = nashEquilibriumSet(P);
        fc.pre(set.unique === true);
        const { policies } = simulate({
          algorithm: 'comal',
          preferences: P,
          reference: mu,
          initial: pi0,
          tau,
          eta: 0.1,
          steps: 60,
        });
        let prev = Infinity;
        for (let t = 0; t <= 60; t++) {
          const d = kl(set.nash, policies.subarray(t * n, (t + 1) * n));
          expect(d).toBeLessThanOrEqual(prev + 1e-10);
          prev = d;
        }
      }),
      { numRuns: 40, seed: 147 },
    );
  });

  it('is unavailable at τ = 0 with a reason, and simulate refuses it naming the algorithm (never NaN)', () => {
    const def = algorithmById('comal')!;
    expect(def.unavailable({ n: 3, tau: 0, eta: 1 })).toMatch(/needs τ > 0/);
    expect(def.unavailable({ n: 3, tau: 0.1, eta: 1 })).toBeNull();
    for (const id of ALGORITHM_IDS)
      if (id !== 'comal') expect(algorithmById(id)!.unavailable({ n: 3, tau: 0, eta: 1 })).toBeNull();
    expect(() =>
      simulate({
        algorithm: 'comal',
        preferences: fromUpper(3, [0.9, 0.1, 0.9]),
        reference: [1 / 3, 1 / 3, 1 / 3],
        initial: [0.5, 0.3, 0.2],
        tau: 0,
        eta: 1,
        steps: 5,
      }),
    ).toThrow(/needs τ > 0/);
  });
});

describe('COMAL fallback', () => {
  it('when the warm-started Newton solve fails, the continuation solve gives the same step', async () => {
    const { numerics: comal } = await import('../../algorithms/comal/update.ts');
    const { matVecOperator } = await import('../../matVecOperator.ts');
    const { flatten } = await import('../../linalg.ts');
    const P = fromUpper(4, [0.8, 0.3, 0.6, 0.1, 0.55, 0.9]);
    const n = 4;
    const p = flatten(P);
    const ctx = {
      p,
      n,
      product: matVecOperator(p, n),
      logMu: new Float64Array(n).fill(Math.log(0.25)),
      tau: 0.03,
      eta: 1,
      refresh: 50,
      reward: null,
    };
    const pi0 = Float64Array.from([0.4, 0.3, 0.2, 0.1]);
    const run = (breakWarmStart: boolean) => {
      const state = comal.init(ctx);
      comal.reset(state, pi0);
      if (breakWarmStart) state.solver!.solve = () => false;
      const out = new Float64Array(6 * n);
      out.set(pi0);
      comal.advance(state, out, 0, 5);
      return { out, fallbacks: state.fallbacks };
    };
    const warm = run(false);
    const cold = run(true);
    expect(warm.fallbacks).toBe(0);
    expect(cold.fallbacks).toBe(5);
    for (let k = 0; k < warm.out.length; k++) expect(Math.abs(cold.out[k] - warm.out[k])).toBeLessThan(1e-12);
  });
});
