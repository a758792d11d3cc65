/**
 * Extragradient, EGPO (Zhou, Fazel and Du, 2025) against its formula:
 * π_{t+½} ∝ π_t^{1−η_tτ} μ^{η_tτ} exp(η_t P π_t), π_{t+1} ∝ π_t^{1−η_tτ} μ^{η_tτ} exp(η_t P π_{t+½});
 * and its claim: π*_τ in the last iterate.
 */
import { describe } from 'vitest';
import { itConvergesToRegularized } from './claims.ts';
import { iterate, mat, norm } from './naive.ts';
import { describeReference } from './reference.ts';

describeReference('extragradient', (s) =>
  iterate(s, () => ({ pi, h, a, r }) => {
    const half = norm(pi.map((x, i) => Math.pow(x, 1 - a) * Math.pow(s.mu[i], a) * Math.exp(h * r[i])));
    const w = mat(s.P, half);
    return norm(pi.map((x, i) => Math.pow(x, 1 - a) * Math.pow(s.mu[i], a) * Math.exp(h * w[i])));
  }),
);

describe('convergence to π*_τ for a small step', () => itConvergesToRegularized('extragradient'));
