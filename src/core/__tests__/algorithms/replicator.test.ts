/**
 * The replicator flow (Taylor and Jonker, 1978) against its formula, d/ds log π = Pπ − τ log(π/μ) − c,
 * one classical RK4 step of length h = η_t per iteration; and its claim: π*_τ for a small step.
 */
import { describe } from 'vitest';
import { itConvergesToRegularized } from './claims.ts';
import { iterate, mat, norm, type Vec } from './naive.ts';
import { describeReference } from './reference.ts';

describeReference('replicator', (s) =>
  iterate(s, () => ({ pi, h }) => {
    // RK4 on log π, each stage carried as a policy.
    const f = (q: Vec) => {
      const w = mat(s.P, q);
      return q.map((x, i) => w[i] - s.tau * Math.log(x / s.mu[i]));
    };
    const shift = (q: Vec, k: Vec, c: number) => norm(q.map((x, i) => x * Math.exp(c * k[i])));
    const k1 = f(pi);
    const k2 = f(shift(pi, k1, h / 2));
    const k3 = f(shift(pi, k2, h / 2));
    const k4 = f(shift(pi, k3, h));
    return norm(pi.map((x, i) => x * Math.exp((h / 6) * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]))));
  }),
);

describe('convergence to π*_τ for a small step', () => itConvergesToRegularized('replicator'));
