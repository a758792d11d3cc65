/**
 * Custom features (issue 17, `features=custom`): φ given as an n × d table. θ_0 is fitted as for
 * random features (the feature means of π_θ0 equal π_0's), exact runs equal the formulas of
 * naivePg.ts run from that φ and θ_0 (1e-9), and a bad table is refused naming its row and column.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadAlgorithms } from '../../algorithms/registry.ts';
import { phiProblem } from '../../algorithms/policyGradient.ts';
import { fitBradleyTerry } from '../../bradleyTerry.ts';
import { featureDim, featureMap, fitTheta0, policyInto } from '../../parametricPolicy.ts';
import { simulate } from '../../simulate.ts';
import { randomGame } from '../seededGame.ts';
import { naivePgRun } from './naivePg.ts';

beforeAll(() => loadAlgorithms(['nash-md-pg', 'nash-ema-pg', 'rlhf-pg']));

const P = randomGame(4, 5);
const mu = [0.4, 0.3, 0.2, 0.1];
const pi0 = [0.1, 0.2, 0.3, 0.4];
// Two features: a "length" and a "style" score; the class cannot hold every policy of 4 responses.
const phi = [
  [1, 0],
  [0.5, 1],
  [-0.5, 0.25],
  [0, -1],
];

describe('custom features', () => {
  it('the map is the table and d its width', () => {
    const spec = { features: 'custom' as const, d: 7, phi };
    expect(featureDim(4, spec)).toBe(2);
    expect(Array.from(featureMap(4, spec)!)).toEqual(phi.flat());
  });

  it('θ_0 is the KL-closest policy of the class: its feature means equal π_0’s, and it is not π_0', () => {
    const map = featureMap(4, { features: 'custom', d: 2, phi })!;
    const theta0 = fitTheta0(map, pi0, 4, 2);
    const logPi = new Float64Array(4);
    const pi = new Float64Array(4);
    policyInto(map, theta0, 4, 2, logPi, pi);
    for (let k = 0; k < 2; k++) {
      const mean = (q: ArrayLike<number>) => phi.reduce((s, f, y) => s + q[y] * f[k], 0);
      expect(Math.abs(mean(pi) - mean(pi0))).toBeLessThan(1e-12);
    }
    expect(Math.max(...pi0.map((x, y) => Math.abs(x - pi[y])))).toBeGreaterThan(1e-3);
  });

  for (const algorithm of ['nash-md-pg', 'nash-ema-pg', 'rlhf-pg'] as const)
    it(`${algorithm}, exact gradients: rows equal the formulas run from φ and θ_0 (1e-9)`, () => {
      const pg = { features: 'custom' as const, d: 2, phi, lr: 0.6, beta: 0.25, ema: 0.9, gradient: 'exact' as const };
      const steps = 50;
      const { policies } = simulate({
        algorithm,
        preferences: P,
        reference: mu,
        initial: pi0,
        tau: 0.1,
        eta: 1,
        steps,
        pg,
      });
      const theta0 = Array.from(fitTheta0(featureMap(4, pg), pi0, 4, 2));
      const want = naivePgRun(algorithm, {
        P,
        mu,
        tau: 0.1,
        phi,
        theta0,
        lr: 0.6,
        beta: 0.25,
        ema: 0.9,
        steps,
        reward: Array.from(fitBradleyTerry(P)),
      });
      for (let t = 0; t <= steps; t++)
        for (let y = 0; y < 4; y++) expect(Math.abs(policies[t * 4 + y] - want[t][y])).toBeLessThan(1e-9);
      expect(Math.max(...want[steps].map((x, y) => Math.abs(x - want[0][y])))).toBeGreaterThan(1e-4);
    });

  it('a bad table is refused naming the key, the row and the column', () => {
    expect(phiProblem(phi, 4)).toBeNull();
    expect(phiProblem(phi.slice(0, 3), 4)).toMatch(/one row per response \(4\), got 3 rows/);
    expect(phiProblem([[1, 2], [3], [4, 5], [6, 7]], 4)).toMatch(/row 2 must have 2 numbers/);
    expect(phiProblem([[1], [2], [Number.NaN], [3]], 4)).toMatch(/row 3, column 1/);
    expect(
      phiProblem(
        Array.from({ length: 3 }, () => [1, 2, 3, 4]),
        3,
      ),
    ).toMatch(/1 to 3 columns, got 4/);
    expect(() =>
      simulate({
        algorithm: 'nash-md-pg',
        preferences: P,
        reference: mu,
        initial: pi0,
        tau: 0.1,
        eta: 1,
        steps: 1,
        pg: { features: 'custom', phi: [[1], [2]] },
      }),
    ).toThrow(expect.objectContaining({ field: 'phi' }));
  });
});
