/**
 * Nash-MD-PG, Nash-EMA-PG and RLHF-PG (issue 17): exact-gradient runs against the formulas written
 * out in naivePg.ts (1e-9, tabular and random features, n = 3 and 5), θ_0's fit, the sampled mode's
 * reproducibility and unbiasedness, and the small-lr limit at β = 0.
 */
import { describe, expect, it, vi } from 'vitest';
import {
  advancePg,
  initPg,
  resetPg,
  validatePolicyGradient,
  type PgOpponent,
} from '../../algorithms/policyGradient.ts';
import type { RunContext } from '../../algorithms/types.ts';
import { fitBradleyTerry } from '../../bradleyTerry.ts';
import { matVecOperator } from '../../matVecOperator.ts';
import { featureMap, fitTheta0, PG_DEFAULTS, type PolicyGradientSpec } from '../../parametricPolicy.ts';
import { regularizedNash } from '../../regularizedNash.ts';
import { createRunner, simulate } from '../../simulate.ts';
import { randomGame } from '../seededGame.ts';
import { mat, norm } from './naive.ts';
import { naiveGradient, naivePgRun, softmaxPolicy } from './naivePg.ts';

const RPS = [
  [0.5, 0.9, 0.1],
  [0.1, 0.5, 0.9],
  [0.9, 0.1, 0.5],
];
const games = [
  { name: 'rock-paper-scissors', P: RPS, mu: [0.5, 0.3, 0.2], pi0: [0.2, 0.5, 0.3] },
  { name: 'random n = 5', P: randomGame(5, 11), mu: [0.1, 0.15, 0.2, 0.25, 0.3], pi0: [0.3, 0.1, 0.2, 0.25, 0.15] },
];
const ALGOS = ['nash-md-pg', 'nash-ema-pg', 'rlhf-pg'] as const;
const OPPONENT: Record<(typeof ALGOS)[number], PgOpponent> = {
  'nash-md-pg': 'mixture',
  'nash-ema-pg': 'ema',
  'rlhf-pg': 'reward',
};

/** φ as rows (the identity for tabular features). */
function phiRows(n: number, spec: Pick<PolicyGradientSpec, 'features' | 'd'>): number[][] {
  const phi = featureMap(n, spec);
  if (!phi) return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (__, k) => (k === i ? 1 : 0)));
  return Array.from({ length: n }, (_, y) => Array.from(phi.subarray(y * spec.d, (y + 1) * spec.d)));
}

const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
};

function context(P: number[][], mu: number[], tau: number, pg: Partial<PolicyGradientSpec>): RunContext {
  const n = mu.length;
  const p = Float64Array.from(P.flat());
  return {
    p,
    n,
    product: matVecOperator(p, n),
    logMu: Float64Array.from(mu, Math.log),
    tau,
    eta: 1,
    refresh: 50,
    reward: fitBradleyTerry(P),
    pg: validatePolicyGradient(pg, n),
  };
}

describe('exact gradients equal the formulas (naivePg.ts) to 1e-9', () => {
  const featureCases = [
    { features: 'tabular' as const, d: 0 },
    { features: 'random' as const, d: 2 },
  ];
  for (const { name, P, mu, pi0 } of games) {
    const n = mu.length;
    for (const f of [...featureCases, ...(n > 3 ? [{ features: 'random' as const, d: 4 }] : [])]) {
      for (const algorithm of ALGOS) {
        for (const { tau, beta, lr } of [
          { tau: 0.1, beta: 0.125, lr: 0.7 },
          { tau: 0, beta: 0.5, lr: 1.5 },
        ]) {
          it(`${name}, ${f.features} d = ${f.d || n}, ${algorithm}, τ = ${tau}, β = ${beta}`, () => {
            const pg = { features: f.features, d: f.d || 2, lr, beta, ema: 0.9, gradient: 'exact' as const };
            const steps = 60;
            const { policies } = simulate({
              algorithm,
              preferences: P,
              reference: mu,
              initial: pi0,
              tau,
              eta: 1,
              steps,
              pg,
            });
            const phi = phiRows(n, { features: f.features, d: f.d });
            const theta0 = Array.from(fitTheta0(featureMap(n, pg), pi0, n, phi[0].length));
            const expected = naivePgRun(algorithm, {
              P,
              mu,
              tau,
              phi,
              theta0,
              lr,
              beta,
              ema: 0.9,
              steps,
              reward: Array.from(fitBradleyTerry(P)),
            });
            let worst = 0;
            for (let t = 0; t <= steps; t++)
              worst = Math.max(worst, maxDiff(policies.subarray(t * n, (t + 1) * n), expected[t]));
            expect(worst).toBeLessThan(1e-9);
            // It moved (a test that cannot fail is none), except RLHF-PG on a cycle at τ = 0 (r ≡ 0).
            if (!(algorithm === 'rlhf-pg' && name === 'rock-paper-scissors' && tau === 0))
              expect(maxDiff(expected[steps], expected[0])).toBeGreaterThan(1e-4);
          });
        }
      }
    }
  }
});

describe('θ_0: the policy of the class closest to π_0 in KL', () => {
  it('tabular: θ_0 = log π_0, so row 0 is π_0 exactly', () => {
    const pi0 = [0.2, 0.5, 0.3];
    const { policies } = simulate({
      algorithm: 'nash-md-pg',
      preferences: RPS,
      reference: [0.5, 0.3, 0.2],
      initial: pi0,
      tau: 0.1,
      eta: 1,
      steps: 1,
    });
    expect(Array.from(policies.subarray(0, 3))).toEqual(pi0);
  });

  it('random features: feature means match π_0 (the optimality condition), nearby θ are further in KL', () => {
    const n = 5;
    const pi0 = [0.3, 0.1, 0.2, 0.25, 0.15];
    for (const d of [1, 2, 3, 4]) {
      const phi = phiRows(n, { features: 'random', d });
      const theta = Array.from(fitTheta0(featureMap(n, { features: 'random', d }), pi0, n, d));
      const pi = softmaxPolicy(phi, theta);
      for (let k = 0; k < d; k++) {
        const a = pi.reduce((s, p, y) => s + p * phi[y][k], 0);
        const b = pi0.reduce((s, p, y) => s + p * phi[y][k], 0);
        expect(Math.abs(a - b)).toBeLessThan(1e-12);
      }
      const klTo = (q: number[]) => pi0.reduce((s, p, y) => s + p * Math.log(p / q[y]), 0);
      const best = klTo(pi);
      for (let k = 0; k < d; k++)
        for (const e of [-1e-3, 1e-3])
          expect(
            klTo(
              softmaxPolicy(
                phi,
                theta.map((x, j) => x + (j === k ? e : 0)),
              ),
            ),
          ).toBeGreaterThan(best);
      // d = n − 1 random features span the whole tangent space: π_θ0 = π_0.
      if (d === n - 1) expect(maxDiff(pi, pi0)).toBeLessThan(1e-10);
      else expect(best).toBeGreaterThan(1e-6);
    }
  });

  it('row 0 of a random-feature run is π_θ0, not π_0', () => {
    const pi0 = [0.3, 0.1, 0.2, 0.25, 0.15];
    const P = randomGame(5, 11);
    const pg = { features: 'random' as const, d: 2 };
    const { policies } = simulate({
      algorithm: 'rlhf-pg',
      preferences: P,
      reference: pi0,
      initial: pi0,
      tau: 0.1,
      eta: 1,
      steps: 2,
      pg,
    });
    const expected = softmaxPolicy(phiRows(5, pg), Array.from(fitTheta0(featureMap(5, pg), pi0, 5, 2)));
    expect(maxDiff(policies.subarray(0, 5), expected)).toBeLessThan(1e-12);
  });
});

describe('sampled gradients', () => {
  const P = randomGame(5, 11);
  const mu = [0.1, 0.15, 0.2, 0.25, 0.3];
  const pi0 = [0.3, 0.1, 0.2, 0.25, 0.15];
  const spec = (seed: number, labels: 'probability' | 'bernoulli' = 'bernoulli') => ({
    algorithm: 'nash-ema-pg' as const,
    preferences: P,
    reference: mu,
    initial: pi0,
    tau: 0.1,
    eta: 1 as const,
    steps: 200,
    pg: { gradient: 'sampled' as const, seed, labels, batch: 8, features: 'random' as const, d: 3, lr: 0.3 },
  });

  it('the same seed gives the same run (also continued in chunks); another seed another run', () => {
    const a = simulate(spec(7)).policies;
    const b = simulate(spec(7)).policies;
    expect(maxDiff(a, b)).toBe(0);
    const runner = createRunner(spec(7));
    const chunks = [runner.advance(50), runner.advance(150)];
    expect(maxDiff(chunks[1], a.subarray(50 * 5))).toBe(0);
    expect(maxDiff(simulate(spec(8)).policies, a)).toBeGreaterThan(1e-3);
  });

  // With M seeds the mean of the single-step estimates has standard error SE = sd/√M per
  // coordinate; it must lie within 4 SE of the exact gradient (seeds 1..M are fixed, so the test
  // is deterministic), and SE must be small enough for that to mean something.
  for (const algorithm of ALGOS)
    for (const labels of ['probability', 'bernoulli'] as const) {
      it(`${algorithm}, ${labels} labels: the mean of 4000 seeds' single steps is the exact gradient (within 4 SE)`, () => {
        const pg = { features: 'random' as const, d: 3, beta: 0.25, lr: 1, batch: 4, labels, ema: 0.5 };
        const ctx = context(P, mu, 0.1, { ...pg, gradient: 'exact' });
        const exact = initPg(ctx, OPPONENT[algorithm]);
        resetPg(exact, Float64Array.from(pi0));
        const theta0 = Float64Array.from(exact.theta);
        advancePg(exact, new Float64Array(10), 0, 1);
        const g = Array.from(exact.theta, (x, k) => x - theta0[k]);
        // The formula's gradient, for good measure.
        const phi = phiRows(5, pg);
        const opp =
          algorithm === 'nash-md-pg'
            ? norm(softmaxPolicy(phi, Array.from(theta0)).map((x, i) => Math.pow(x, 0.75) * Math.pow(mu[i], 0.25)))
            : softmaxPolicy(phi, Array.from(theta0));
        const naive = naiveGradient(
          algorithm,
          { P, mu, tau: 0.1, phi, theta0: [], lr: 1, beta: 0.25, ema: 0.5, steps: 1, reward: Array.from(ctx.reward!) },
          Array.from(theta0),
          opp,
        );
        expect(maxDiff(g, naive)).toBeLessThan(1e-12);

        const M = 4000;
        const sum = new Float64Array(3);
        const sq = new Float64Array(3);
        for (let seed = 1; seed <= M; seed++) {
          const st = initPg(context(P, mu, 0.1, { ...pg, gradient: 'sampled', seed }), OPPONENT[algorithm]);
          resetPg(st, Float64Array.from(pi0));
          advancePg(st, new Float64Array(10), 0, 1);
          for (let k = 0; k < 3; k++) {
            const x = st.theta[k] - theta0[k];
            sum[k] += x;
            sq[k] += x * x;
          }
        }
        for (let k = 0; k < 3; k++) {
          const mean = sum[k] / M;
          const se = Math.sqrt((sq[k] / M - mean * mean) / M);
          expect(se).toBeLessThan(0.01);
          expect(Math.abs(mean - g[k])).toBeLessThan(4 * se);
        }
      });
    }
});

describe('tabular features, β = 0: Nash-MD-PG is the Euler scheme of a replicator-type flow', () => {
  // With φ = I, θ = log π + c and β = 0 (the opponent is π itself) the exact gradient is
  //   g(y) = π(y) (f(y) − Σ_z π(z) f(z)),   f = Pπ − τ log(π/μ),
  // f being the registry replicator's vector field (d/ds log π = f − c). So Nash-MD-PG's θ follows
  //   dθ/ds = π_θ ⊙ (f − πᵀf)   (the replicator's payoff advantage, weighted by π: vanilla rather
  // than natural policy gradient) by Euler steps of length lr; T = s/lr steps approach the flow at
  // time s with an O(lr) error, and the flow's rest point is the replicator's, π*_τ.
  const mu = [0.5, 0.3, 0.2];
  const pi0 = [0.2, 0.5, 0.3];
  const tau = 0.2;
  const velocity = (theta: number[]) => {
    const pi = norm(theta.map(Math.exp));
    const w = mat(RPS, pi);
    const f = pi.map((p, i) => w[i] - tau * Math.log(p / mu[i]));
    const mean = f.reduce((s, x, i) => s + pi[i] * x, 0);
    return pi.map((p, i) => p * (f[i] - mean));
  };
  /** The flow at time s by RK4 with 20,000 steps (its own error ≪ the Euler errors measured). */
  const flow = (s: number) => {
    let th = pi0.map(Math.log);
    const h = s / 20000;
    for (let k = 0; k < 20000; k++) {
      const k1 = velocity(th);
      const k2 = velocity(th.map((x, i) => x + (h / 2) * k1[i]));
      const k3 = velocity(th.map((x, i) => x + (h / 2) * k2[i]));
      const k4 = velocity(th.map((x, i) => x + h * k3[i]));
      th = th.map((x, i) => x + (h / 6) * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]));
    }
    return norm(th.map(Math.exp));
  };

  it('T = s/lr steps approach the flow at time s, the error shrinking in proportion to lr', () => {
    const s = 20;
    const target = flow(s);
    const errors = [0.2, 0.1, 0.05].map((lr) => {
      const T = Math.round(s / lr);
      const { policies } = simulate({
        algorithm: 'nash-md-pg',
        preferences: RPS,
        reference: mu,
        initial: pi0,
        tau,
        eta: 1,
        steps: T,
        pg: { lr, beta: 0 },
      });
      return maxDiff(policies.subarray(T * 3), target);
    });
    expect(maxDiff(target, pi0)).toBeGreaterThan(0.05); // the flow moved
    expect(errors[2]).toBeLessThan(2e-3);
    expect(errors[0] / errors[1]).toBeGreaterThan(1.7);
    expect(errors[0] / errors[1]).toBeLessThan(2.3);
    expect(errors[1] / errors[2]).toBeGreaterThan(1.7);
    expect(errors[1] / errors[2]).toBeLessThan(2.3);
  });

  it('its rest point is the replicator’s, π*_τ', () => {
    const { policies } = simulate({
      algorithm: 'nash-md-pg',
      preferences: RPS,
      reference: mu,
      initial: pi0,
      tau,
      eta: 1,
      steps: 20000,
      pg: { lr: 2, beta: 0 },
    });
    expect(maxDiff(policies.subarray(20000 * 3), regularizedNash(RPS, mu, tau))).toBeLessThan(1e-9);
  });
});

describe('validation names the key', () => {
  const cases: [Partial<PolicyGradientSpec>, string][] = [
    [{ lr: 0 }, 'lr'],
    [{ beta: 1.5 }, 'beta'],
    [{ ema: 1 }, 'ema'],
    [{ gradient: 'approx' as never }, 'gradient'],
    [{ batch: 2.5 }, 'batch'],
    [{ labels: 'coin' as never }, 'pgLabels'],
    [{ seed: -1 }, 'pgSeed'],
    [{ features: 'wavelets' as never }, 'features'],
    [{ features: 'random', d: 3 }, 'd'],
  ];
  for (const [pg, field] of cases)
    it(`${JSON.stringify(pg)} → ${field}`, () => {
      expect(() => validatePolicyGradient(pg, 3)).toThrow(expect.objectContaining({ field }));
      expect(() =>
        simulate({
          algorithm: 'nash-md-pg',
          preferences: RPS,
          reference: [0.5, 0.3, 0.2],
          initial: [0.2, 0.5, 0.3],
          tau: 0.1,
          eta: 1,
          steps: 1,
          pg,
        }),
      ).toThrow(expect.objectContaining({ field }));
    });
  it('the defaults are valid', () => expect(validatePolicyGradient(undefined, 3)).toEqual(PG_DEFAULTS));
});

describe('loaded on demand', () => {
  it('a fresh registry finds the PG algorithms only after loadAlgorithms, and says so before', async () => {
    vi.resetModules();
    const registry = await import('../../algorithms/registry.ts');
    const { createRunner } = await import('../../simulate.ts');
    expect(registry.algorithmById('nash-md-pg')).toBeUndefined();
    expect(registry.needsLoading('nash-md-pg')).toBe(true);
    expect(registry.needsLoading('nash-md')).toBe(false);
    const spec = {
      algorithm: 'rlhf-pg' as const,
      preferences: RPS,
      reference: [0.5, 0.3, 0.2],
      initial: [0.2, 0.5, 0.3],
      tau: 0.1,
      eta: 1,
      steps: 0,
    };
    expect(() => createRunner(spec)).toThrow(/loadAlgorithms/);
    await registry.loadAlgorithms(['rlhf-pg', 'nash-md']);
    expect(registry.algorithmById('rlhf-pg')?.displayName).toBe('RLHF-PG');
    expect(registry.algorithmById('nash-md-pg')).toBeUndefined();
    expect(createRunner(spec).advance(3)).toHaveLength(12);
  });
});

describe('flow field', () => {
  it('one step of Nash-MD-PG from each point follows the scenario’s learning rate', async () => {
    // A fresh module graph (the test above reset the modules): load the on-demand step code first.
    await (await import('../../algorithms/registry.ts')).loadAlgorithms(['nash-md-pg']);
    const { flowField } = await import('../../flowField.ts');
    const { simulate } = await import('../../simulate.ts');
    const points = Float64Array.from([0.2, 0.5, 0.3, 0.6, 0.3, 0.1]);
    const base = { preferences: RPS, reference: [0.5, 0.3, 0.2], tau: 0.1, eta: 1 };
    const slow = flowField({ ...base, pg: { lr: 0.1 } }, 'nash-md-pg', points);
    const fast = flowField({ ...base, pg: { lr: 1 } }, 'nash-md-pg', points);
    const moved = (next: Float64Array) => maxDiff(next, points);
    expect(moved(fast)).toBeGreaterThan(5 * moved(slow));
    const { policies } = simulate({
      ...base,
      algorithm: 'nash-md-pg',
      initial: [0.6, 0.3, 0.1],
      steps: 1,
      pg: { lr: 1 },
    });
    expect(maxDiff(fast.subarray(3), policies.subarray(3))).toBeLessThan(1e-15);
  });
});
