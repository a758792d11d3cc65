/**
 * The β sweep (issue 17, the paper's Table 1 in miniature): its policies against the naive
 * formulas (naivePg.ts), its matrix against P(π_a ≻ π_b) summed out pair by pair, antisymmetry,
 * the ordering by average win rate and the best row.
 */
import { describe, expect, it } from 'vitest';
import {
  betaSweep,
  betaSweepSteps,
  rankByAverage,
  sweepPolicies,
  sweepSteps,
  SWEEP_BETAS,
  SWEEP_MAX_STEPS,
} from '../betaSweep.ts';
import { fitBradleyTerry } from '../bradleyTerry.ts';
import { validatePreferences } from '../validate.ts';
import type { AlgorithmId } from '../algorithms/catalog.ts';
import type { ScenarioSpec } from '../workerApi.ts';
import { naiveGradient, naivePgRun } from './algorithms/naivePg.ts';
import { createRunner } from '../simulate.ts';
import { randomGame } from './seededGame.ts';

const RPS = [
  [0.5, 0.9, 0.1],
  [0.1, 0.5, 0.9],
  [0.9, 0.1, 0.5],
];

function scenario(P: number[][], mu: number[], pi0: number[], tau: number): ScenarioSpec<AlgorithmId> {
  return {
    preferences: P,
    reference: mu,
    initial: pi0,
    tau,
    eta: 0.1,
    comparisons: 'uniform',
    algorithms: ['nash-md-pg'],
    pg: { lr: 0.5, gradient: 'exact', features: 'tabular' },
  };
}

/** P(a ≻ b) = Σ_y Σ_y′ a(y) P(y ≻ y′) b(y′), written out. */
const winRate = (P: number[][], a: ArrayLike<number>, b: ArrayLike<number>) => {
  let s = 0;
  for (let y = 0; y < P.length; y++) for (let z = 0; z < P.length; z++) s += a[y] * P[y][z] * b[z];
  return s;
};

const cases = [
  { name: 'rock-paper-scissors', P: RPS, mu: [0.5, 0.3, 0.2], pi0: [0.2, 0.5, 0.3], tau: 0.1 },
  {
    name: 'random n = 5',
    P: randomGame(5, 7),
    mu: [0.1, 0.15, 0.2, 0.25, 0.3],
    pi0: [0.3, 0.1, 0.2, 0.25, 0.15],
    tau: 0.05,
  },
];

describe('betaSweep', () => {
  for (const c of cases)
    it(`trains the policies of the formulas and plays them against each other (${c.name})`, () => {
      const T = 120;
      const s = scenario(c.P, c.mu, c.pi0, c.tau);
      const r = betaSweep(s, validatePreferences(c.P), T);
      const n = c.mu.length;
      const m = r.entries.length;
      expect(m).toBe(SWEEP_BETAS.length + 3);
      const phi = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (__, k) => (k === i ? 1 : 0)));
      const reward = Array.from(fitBradleyTerry(c.P));
      const base = { P: c.P, mu: c.mu, tau: c.tau, phi, theta0: c.pi0.map(Math.log), lr: 0.5, ema: 0.99, steps: T };
      const policy = (a: number) => r.policies.subarray(a * n, (a + 1) * n);
      r.entries.forEach((e, a) => {
        const expected =
          e.kind === 'sft' ? c.mu : naivePgRun(e.kind, { ...base, beta: e.beta ?? 0.125, reward }).at(-1)!;
        for (let y = 0; y < n; y++) expect(policy(a)[y]).toBeCloseTo(expected[y], 9);
      });
      for (let a = 0; a < m; a++)
        for (let b = 0; b < m; b++) {
          expect(Math.abs(r.matrix[a * m + b] - winRate(c.P, policy(a), policy(b)))).toBeLessThan(1e-12);
          expect(Math.abs(r.matrix[a * m + b] + r.matrix[b * m + a] - 1)).toBeLessThan(1e-12);
        }
      // Sorted by the average over the other policies, largest first.
      const avg = r.entries.map((_, a) => {
        let t = 0;
        for (let b = 0; b < m; b++) if (b !== a) t += winRate(c.P, policy(a), policy(b));
        return t / (m - 1);
      });
      r.order.forEach((a, k) => {
        expect(r.average[a]).toBeCloseTo(avg[a], 12);
        if (k > 0) expect(avg[r.order[k - 1]]).toBeGreaterThanOrEqual(avg[a] - 1e-12);
      });
      expect(r.best).toBe(avg.indexOf(Math.max(...avg)));
    });

  it('names the entries like the paper and reports progress up to 1', () => {
    expect(sweepPolicies().map((e) => e.label)).toEqual([
      'SFT (μ)',
      'RLHF-PG',
      ...SWEEP_BETAS.map((b) => `Nash-MD-PG β=${b}`),
      'Nash-EMA-PG',
    ]);
    const it = betaSweepSteps(scenario(RPS, [0.5, 0.3, 0.2], [0.2, 0.5, 0.3], 0.1), validatePreferences(RPS), 600);
    const seen: number[] = [];
    for (let r = it.next(); !r.done; r = it.next()) seen.push(r.value);
    expect(seen.length).toBeGreaterThan(10);
    expect(seen.every((f, k) => f > 0 && f <= 1 && (k === 0 || f >= seen[k - 1]))).toBe(true);
    expect(seen.at(-1)).toBeCloseTo(1, 12);
  });

  it('caps T and ties at t = 0 (every policy π_0 but SFT): no single best unless one leads', () => {
    expect(sweepSteps(1e6)).toBe(SWEEP_MAX_STEPS);
    expect(sweepSteps(37)).toBe(37);
    const r = betaSweep(scenario(RPS, [1 / 3, 1 / 3, 1 / 3], [1 / 3, 1 / 3, 1 / 3], 0.1), validatePreferences(RPS), 0);
    expect(Array.from(r.matrix).every((x) => Math.abs(x - 0.5) < 1e-12)).toBe(true);
    expect(r.best).toBeNull();
    // A stable order among ties: the paper's.
    expect(r.order).toEqual(r.entries.map((_, a) => a));
  });

  it('ranks a hand-made matrix', () => {
    // a beats b and c; b beats c.
    const M = Float64Array.from([0.5, 0.7, 0.8, 0.3, 0.5, 0.6, 0.2, 0.4, 0.5]);
    const r = rankByAverage(M, 3);
    expect(r.order).toEqual([0, 1, 2]);
    expect(r.best).toBe(0);
    [0.75, 0.45, 0.3].forEach((x, a) => expect(r.average[a]).toBeCloseTo(x, 12));
  });

  it('tabular Nash-MD is the mirror-descent step of Nash-MD-PG: natural gradient, β = ητ (docs/math.md)', () => {
    const P = randomGame(4, 9);
    const mu = [0.1, 0.2, 0.3, 0.4];
    const pi0 = [0.4, 0.3, 0.2, 0.1];
    const [eta, tau] = [0.7, 0.3];
    const md = createRunner({ algorithm: 'nash-md', preferences: P, reference: mu, initial: pi0, tau, eta, steps: 0 });
    const want = md.advance(1).subarray(4);
    const phi = mu.map((_, i) => mu.map((__, k) => (k === i ? 1 : 0)));
    const theta = pi0.map(Math.log);
    const beta = eta * tau;
    const mix = pi0.map((p, i) => p ** (1 - beta) * mu[i] ** beta);
    const z = mix.reduce((a, b) => a + b, 0);
    const spec = { P, mu, tau, phi, theta0: theta, lr: 1, beta, ema: 0.99, steps: 1 };
    const g = naiveGradient(
      'nash-md-pg',
      spec,
      theta,
      mix.map((x) => x / z),
    );
    // Natural gradient for tabular features: the plain gradient divided by π_θ(y) (up to a constant).
    const next = theta.map((x, y) => Math.exp(x + (eta * g[y]) / pi0[y]));
    const s = next.reduce((a, b) => a + b, 0);
    next.forEach((x, y) => expect(Math.abs(x / s - want[y])).toBeLessThan(1e-12));
    // The plain gradient step is a different step.
    const plain = theta.map((x, y) => Math.exp(x + eta * g[y]));
    const sp = plain.reduce((a, b) => a + b, 0);
    expect(Math.max(...plain.map((x, y) => Math.abs(x / sp - want[y])))).toBeGreaterThan(1e-4);
  });
});
