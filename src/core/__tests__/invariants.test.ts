/**
 * Invariants that must hold for every input: policies stay on the simplex, exploitability is a
 * non-negative gap that vanishes only at π*_τ, limits in τ, Bradley–Terry recovery.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  exploitability,
  fitBradleyTerry,
  kl,
  nashEquilibrium,
  regularizedNash,
  rlhfOptimum,
  simulate,
} from '../index.ts';
import {
  bradleyTerryMatrix,
  distribution,
  fromUpper,
  klDef,
  normalise,
  regularizedPreference,
  row,
  sizedGame,
} from './arbitraries.ts';

const algorithms = fc.constantFrom('nash-md' as const, 'omd' as const, 'rlhf' as const);

function expectOnSimplex(v: ArrayLike<number>): void {
  let s = 0;
  for (let i = 0; i < v.length; i++) {
    expect(Number.isFinite(v[i])).toBe(true);
    expect(v[i]).toBeGreaterThanOrEqual(0);
    s += v[i];
  }
  expect(Math.abs(s - 1)).toBeLessThan(1e-12);
}

describe('trajectories', () => {
  it('every row of every trajectory is on the simplex (τ ∈ [0, 10], extreme P entries)', () => {
    fc.assert(
      fc.property(
        sizedGame(10, true),
        algorithms,
        fc.oneof(fc.constant(0), fc.double({ min: 1e-4, max: 10, noNaN: true })),
        fc.double({ min: 1e-3, max: 1, noNaN: true }),
        fc.boolean(),
        ({ n, P, mu, pi0 }, algorithm, tau, etaFraction, theorem) => {
          const eta = theorem && tau > 0 ? ('theorem' as const) : tau > 0 ? etaFraction / tau : etaFraction * 50;
          const { policies, steps } = simulate({
            algorithm,
            preferences: P,
            reference: mu,
            initial: pi0,
            tau,
            eta,
            steps: 300,
          });
          expect(steps).toBe(300);
          expect(policies.length).toBe(301 * n);
          // One assertion per run (not per entry) keeps 300 runs × 301 rows fast.
          let worst = 0;
          for (let t = 0; t <= steps; t++) {
            let sum = 0;
            for (let i = 0; i < n; i++) {
              const x = policies[t * n + i];
              if (!(x >= 0 && x <= 1)) worst = Infinity;
              sum += x;
            }
            worst = Math.max(worst, Math.abs(sum - 1));
          }
          expect(worst).toBeLessThan(1e-12);
        },
      ),
      { numRuns: 300, seed: 1 },
    );
  });

  it('row 0 is π_0 and steps = 0 returns just π_0', () => {
    const P = fromUpper(3, [0.7, 0.2, 0.6]);
    const { policies } = simulate({
      algorithm: 'nash-md',
      preferences: P,
      reference: [0.2, 0.3, 0.5],
      initial: [0.1, 0.6, 0.3],
      tau: 0.1,
      eta: 1,
      steps: 0,
    });
    expect(Array.from(policies)).toEqual([0.1, 0.6, 0.3]);
  });

  it('does not modify its inputs', () => {
    const P = fromUpper(3, [0.7, 0.2, 0.6]);
    const copy = JSON.stringify(P);
    const mu = [0.2, 0.3, 0.5];
    simulate({ algorithm: 'omd', preferences: P, reference: mu, initial: mu, tau: 0.1, eta: 1, steps: 10 });
    expect(JSON.stringify(P)).toBe(copy);
    expect(mu).toEqual([0.2, 0.3, 0.5]);
  });

  it('τ = 0 is multiplicative weights: on a cycle the last iterate drifts towards the boundary', () => {
    const rps = fromUpper(3, [0.9, 0.1, 0.9]);
    const { policies } = simulate({
      algorithm: 'omd',
      preferences: rps,
      reference: [1 / 3, 1 / 3, 1 / 3],
      initial: [0.4, 0.3, 0.3],
      tau: 0,
      eta: 0.5,
      steps: 3000,
    });
    const minAt = (t: number) => Math.min(...row(policies, 3, t));
    expect(minAt(3000)).toBeLessThan(minAt(0) / 10);
  });
});

describe('exploitability', () => {
  it('equals max_π′ P_τ(π′ ≻ π) − 1/2, checked against a brute-force search over π′ (n = 3)', () => {
    fc.assert(
      fc.property(
        sizedGame(3, false).filter((g) => g.n === 3),
        fc.double({ min: 0.05, max: 2, noNaN: true }),
        ({ P, mu, pi0 }, tau) => {
          const e = exploitability(P, mu, tau, pi0);
          let best = -Infinity;
          const K = 120;
          for (let a = 1; a < K; a++) {
            for (let b = 1; a + b < K; b++) {
              const q = [a / K, b / K, (K - a - b) / K];
              best = Math.max(best, regularizedPreference(P, mu, tau, q, pi0) - 0.5);
            }
          }
          // The grid can only under-estimate the max, and by at most a few 1e-3 at this resolution.
          expect(e).toBeGreaterThanOrEqual(best - 1e-12);
          expect(e - best).toBeLessThan(2e-2 * Math.max(1, tau));
        },
      ),
      { numRuns: 60, seed: 3 },
    );
  });

  it('is ≥ 0 everywhere, < 1e-12 at regularizedNash and > 0 away from it', () => {
    fc.assert(
      fc.property(
        sizedGame(8, true),
        distribution(8),
        fc.double({ min: 1e-3, max: 10, noNaN: true }),
        ({ n, P, mu, pi0 }, other, tau) => {
          const star = regularizedNash(P, mu, tau);
          expect(exploitability(P, mu, tau, star)).toBeLessThan(1e-12);
          expect(exploitability(P, mu, tau, pi0)).toBeGreaterThanOrEqual(0);
          const away = normalise(other.slice(0, n));
          if (klDef(away, star) > 1e-3) expect(exploitability(P, mu, tau, away)).toBeGreaterThan(0);
        },
      ),
      { numRuns: 200, seed: 4 },
    );
  });

  it('for τ = 0 is max_y (Pπ)_y − 1/2, and zero (< 1e-12) at the LP Nash equilibrium', () => {
    fc.assert(
      fc.property(sizedGame(12, false), ({ n, P }) => {
        const nash = nashEquilibrium(P);
        expectOnSimplex(nash);
        const uniform = new Array(n).fill(1 / n);
        expect(exploitability(P, uniform, 0, nash)).toBeLessThan(1e-12);
        const best = Math.max(...P.map((r) => r.reduce((s, p, j) => s + p * uniform[j], 0)));
        expect(exploitability(P, uniform, 0, uniform)).toBeCloseTo(best - 0.5, 14);
      }),
      { numRuns: 200, seed: 5 },
    );
  });

  it('the LP Nash stays within the solver tolerance (< 1e-9) on degenerate matrices (exact 0, 1/2 and 1 mixed with extreme doubles such as 1e-300)', () => {
    fc.assert(
      fc.property(sizedGame(12, true), ({ n, P }) => {
        const nash = nashEquilibrium(P);
        expectOnSimplex(nash);
        expect(exploitability(P, new Array(n).fill(1 / n), 0, nash)).toBeLessThan(1e-9);
      }),
      { numRuns: 500, seed: 55 },
    );
  });
});

describe('regularizedNash', () => {
  it('τ → ∞ gives μ, τ → 0 approaches a Nash equilibrium of P', () => {
    fc.assert(
      fc.property(sizedGame(8, true), ({ n, P, mu }) => {
        const big = regularizedNash(P, mu, 1e6);
        for (let i = 0; i < n; i++) expect(Math.abs(big[i] - mu[i])).toBeLessThan(1e-6);
        const small = regularizedNash(P, mu, 1e-3);
        // e_0(π*_τ) ≤ τ log(1/μ_min): the regularisation costs at most that much at τ = 0.
        const bound = 1e-3 * Math.log(1 / Math.min(...mu)) + 1e-12;
        expect(exploitability(P, mu, 0, small)).toBeLessThanOrEqual(bound);
      }),
      { numRuns: 100, seed: 6 },
    );
  });

  it('solves to exploitability < 1e-12 for τ = 1e-3 at n = 200', () => {
    const n = 200;
    let seed = 12345;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const upper = Array.from({ length: (n * (n - 1)) / 2 }, rand);
    const P = fromUpper(n, upper);
    const mu = normalise(Array.from({ length: n }, () => 0.01 + rand()));
    const star = regularizedNash(P, mu, 1e-3);
    expectOnSimplex(star);
    expect(exploitability(P, mu, 1e-3, star)).toBeLessThan(1e-12);
  });

  it('is the limit of Nash-MD with a small constant step', () => {
    const P = fromUpper(4, [0.8, 0.3, 0.6, 0.1, 0.55, 0.9]);
    const mu = [0.4, 0.3, 0.2, 0.1];
    const tau = 0.3;
    const star = regularizedNash(P, mu, tau);
    const { policies } = simulate({
      algorithm: 'nash-md',
      preferences: P,
      reference: mu,
      initial: [0.25, 0.25, 0.25, 0.25],
      tau,
      eta: 0.01,
      steps: 20_000,
    });
    // Constant-step bias is O(η): small, but not zero.
    expect(kl(star, row(policies, 4, 20_000))).toBeLessThan(1e-4);
  });
});

describe('Bradley–Terry', () => {
  it('recovers the scores of a Bradley–Terry-generated P, for uniform and μ-weighted pairs', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 2, maxLength: 12 }),
        distribution(12),
        (scores, w) => {
          const P = bradleyTerryMatrix(scores);
          const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
          const mu = normalise(w.slice(0, scores.length));
          const weights = mu.map((a) => mu.map((b) => a * b));
          for (const r of [fitBradleyTerry(P), fitBradleyTerry(P, weights)]) {
            scores.forEach((s, i) => expect(r[i]).toBeCloseTo(s - mean, 8));
          }
        },
      ),
      { numRuns: 200, seed: 8 },
    );
  });

  it('the fit depends on which pairs were compared when P is not Bradley–Terry (Theorem 2)', () => {
    const P = fromUpper(3, [0.9, 0.2, 0.7]);
    const uniform = fitBradleyTerry(P);
    const mu = [0.8, 0.1, 0.1];
    const skewed = fitBradleyTerry(
      P,
      mu.map((a) => mu.map((b) => a * b)),
    );
    expect(Math.max(...uniform.map((r, i) => Math.abs(r - skewed[i])))).toBeGreaterThan(0.05);
  });

  it('stays finite where the maximum-likelihood rewards do not exist (entries of 0 and 1)', () => {
    fc.assert(
      fc.property(sizedGame(10, true), ({ P }) => {
        const r = fitBradleyTerry(P);
        let s = 0;
        for (const x of r) {
          expect(Number.isFinite(x)).toBe(true);
          s += x;
        }
        expect(Math.abs(s)).toBeLessThan(1e-9 * r.length * 30);
      }),
      { numRuns: 200, seed: 9 },
    );
    const total = fitBradleyTerry(fromUpper(3, [1, 1, 1]));
    expect(total[0]).toBeGreaterThan(total[1]);
    expect(total[1]).toBeGreaterThan(total[2]);
  });

  it('rlhfOptimum is ∝ μ exp(r/τ) and tends to the argmax of r as τ → 0', () => {
    const r = [0.3, -0.1, -0.2];
    const mu = [0.2, 0.5, 0.3];
    const opt = rlhfOptimum(r, mu, 0.5);
    const z = mu.map((m, i) => m * Math.exp(r[i] / 0.5));
    const s = z.reduce((a, b) => a + b);
    z.forEach((x, i) => expect(opt[i]).toBeCloseTo(x / s, 14));
    expect(Array.from(rlhfOptimum(r, mu, 0))).toEqual([1, 0, 0]);
    expect(rlhfOptimum(r, mu, 1e-4)[0]).toBeCloseTo(1, 12);
  });
});

describe('Bradley–Terry at larger n', () => {
  it('reaches the maximum to full precision (zero gradient) for a random 100×100 matrix', () => {
    const n = 100;
    let seed = 99;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const P = fromUpper(n, Array.from({ length: (n * (n - 1)) / 2 }, rand));
    const r = fitBradleyTerry(P);
    // ∂/∂r_i of Σ_{i<j} 2 (P_ij log σ(r_i − r_j) + P_ji log σ(r_j − r_i)) = 2 Σ_j (P_ij − σ(r_i − r_j)).
    let worst = 0;
    for (let i = 0; i < n; i++) {
      let g = 0;
      for (let j = 0; j < n; j++) if (j !== i) g += P[i][j] - 1 / (1 + Math.exp(-(r[i] - r[j])));
      worst = Math.max(worst, Math.abs(g));
    }
    expect(worst).toBeLessThan(1e-10);
  });
});
