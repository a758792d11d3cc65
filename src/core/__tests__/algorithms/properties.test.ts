/**
 * Properties of the registry's algorithms (fast-check): every row on the simplex; chunks equal one
 * long run; MMD, extragradient, Nash-MP, OMD and the replicator flow converge to π*_τ for a small
 * step; OMWU, MPO and COMAL converge to the Nash of P when it is unique (and interior); COMAL's
 * step solves its regularised game; Nash-MD's constant-step limit is nashMdFixedPoint.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ALGORITHM_IDS,
  algorithmById,
  nashMdFixedPoint,
  nashMdFixedPointResidual,
  type AlgorithmId,
} from '../../algorithms/index.ts';
import { exploitability } from '../../exploitability.ts';
import { kl } from '../../logspace.ts';
import { nashEquilibriumSet } from '../../nashEquilibrium.ts';
import { regularizedNash } from '../../regularizedNash.ts';
import { createRunner, simulate } from '../../simulate.ts';
import { distribution, fromUpper, sizedGame } from '../arbitraries.ts';
import { mat, norm } from './naive.ts';

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
          if (algorithm === 'comal' && tau === 0) return;
          const eta = theorem && tau > 0 ? ('theorem' as const) : tau > 0 ? etaFraction / tau : etaFraction * 20;
          const steps = algorithm === 'comal' ? 15 : 150;
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

describe('convergence to π*_τ for a small step', () => {
  for (const algorithm of ['mmd', 'extragradient', 'nash-mp', 'omd', 'replicator'] as const) {
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
});

/**
 * Games with a unique, interior Nash whose algorithms converge within a test's time: n = 3
 * cyclic (each response beats the next with probability in [0.75, 0.95]: a skewed
 * rock-paper-scissors) and n = 5 where response i beats i+1 and i+2 (mod 5) with one probability
 * w ∈ [0.75, 0.95] (rock-paper-scissors-lizard-Spock, Nash uniform). (On badly conditioned
 * games with a unique interior Nash the same algorithms converge too, but over far more steps:
 * see the monotone-KL property of COMAL below.)
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

describe('convergence to the Nash of P (unique, interior)', () => {
  // Near the Nash these dynamics rotate with frequencies ∝ λ/n (λ the eigenvalues of P − ½, the
  // slowest 0.18 for the five-response game) and contract at a rate ∝ (ηλ/n)² (OMWU) or set by
  // λ/(nτ) (COMAL): the steps below make both games converge well within the run.
  const cases: { algorithm: AlgorithmId; tau: number; eta: (n: number) => number; steps: number; tol: number }[] = [
    { algorithm: 'omwu', tau: 0, eta: (n) => (n === 3 ? 1 : 1.5), steps: 20_000, tol: 1e-8 },
    { algorithm: 'mpo', tau: 0.1, eta: () => 1, steps: 20_000, tol: 1e-8 },
    { algorithm: 'comal', tau: 0.05, eta: () => 1, steps: 400, tol: 1e-8 },
  ];
  for (const { algorithm, tau, eta, steps, tol } of cases) {
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
        { numRuns: algorithm === 'comal' ? 15 : 25, seed: 144 },
      );
    });
  }

  it('MWU: the last iterate does not converge on rock-paper-scissors (it spirals out) but its average does', () => {
    const P = fromUpper(3, [0.9, 0.1, 0.9]);
    const steps = 20_000;
    const { policies } = simulate({
      algorithm: 'mwu',
      preferences: P,
      reference: [1 / 3, 1 / 3, 1 / 3],
      initial: [0.5, 0.3, 0.2],
      tau: 0,
      eta: 0.05,
      steps,
    });
    const last = policies.subarray(steps * 3);
    const avg = [0, 0, 0];
    for (let t = 0; t <= steps; t++) for (let i = 0; i < 3; i++) avg[i] += policies[t * 3 + i] / (steps + 1);
    expect(exploitability(P, [1 / 3, 1 / 3, 1 / 3], 0, last)).toBeGreaterThan(0.1);
    expect(exploitability(P, [1 / 3, 1 / 3, 1 / 3], 0, avg)).toBeLessThan(0.02);
  });
});

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

describe('COMAL fallback', () => {
  it('when the warm-started Newton solve fails, the continuation solve gives the same step', async () => {
    const { comal } = await import('../../algorithms/comal.ts');
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
