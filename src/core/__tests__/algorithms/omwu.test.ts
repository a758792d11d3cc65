/**
 * Optimistic MWU, ONPO (Zhang et al., 2025) against its formula,
 * π_{t+1} ∝ π_t exp(η_t (2 r_t − r_{t−1})) with r_{−1} = r_0; and its claim: the Nash of P in the
 * last iterate.
 */
import { describe } from 'vitest';
import { itConvergesToNash } from './claims.ts';
import { iterate, norm, type Vec } from './naive.ts';
import { describeReference } from './reference.ts';

describeReference('omwu', (s) =>
  iterate(s, () => {
    let prevR: Vec | null = null;
    return ({ pi, h, r }) => {
      const prev = prevR ?? r;
      prevR = r;
      return norm(pi.map((x, i) => x * Math.exp(h * (2 * r[i] - prev[i]))));
    };
  }),
);

describe('convergence to the Nash of P (unique, interior)', () =>
  itConvergesToNash({
    algorithm: 'omwu',
    tau: 0,
    eta: (n) => (n === 3 ? 1 : 1.5),
    steps: 20_000,
    tol: 1e-8,
    numRuns: 25,
  }));
