/**
 * MPO (Wang et al., ICLR 2025) against its formula: MMD towards a magnet ρ, ρ = μ at t = 0 and
 * ρ ← π_{t+1} after every step with (t+1) a multiple of K; and its claim: the Nash of P (not π*_τ)
 * in the last iterate.
 */
import { describe } from 'vitest';
import { itConvergesToNash } from './claims.ts';
import { iterate, norm } from './naive.ts';
import { describeReference } from './reference.ts';

describeReference('mpo', (s) =>
  iterate(s, () => {
    let magnet = s.mu.slice();
    return ({ pi, t, h, a, r }) => {
      const next = norm(pi.map((x, i) => Math.pow(x * Math.pow(magnet[i], a) * Math.exp(h * r[i]), 1 / (1 + a))));
      if ((t + 1) % (s.refresh ?? 50) === 0) magnet = next.slice();
      return next;
    };
  }),
);

describe('convergence to the Nash of P (unique, interior)', () =>
  itConvergesToNash({ algorithm: 'mpo', tau: 0.1, eta: () => 1, steps: 20_000, tol: 1e-8, numRuns: 25 }));
