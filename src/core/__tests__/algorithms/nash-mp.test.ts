/**
 * Mirror prox, Nash-MP (Tiapkin et al., 2025) against its formula:
 * π_{t+½} ∝ (π_t μ^{η_tτ} exp(η_t P π_t))^{1/(1+η_tτ)}, π_{t+1} ∝ (π_t μ^{η_tτ} exp(η_t P π_{t+½}))^{1/(1+η_tτ)};
 * and its claim: π*_τ in the last iterate.
 */
import { describe } from 'vitest';
import { itConvergesToRegularized } from './claims.ts';
import { iterate, mat, norm } from './naive.ts';
import { describeReference } from './reference.ts';

describeReference('nash-mp', (s) =>
  iterate(s, () => ({ pi, h, a, r }) => {
    const half = norm(pi.map((x, i) => Math.pow(x * Math.pow(s.mu[i], a) * Math.exp(h * r[i]), 1 / (1 + a))));
    const w = mat(s.P, half);
    return norm(pi.map((x, i) => Math.pow(x * Math.pow(s.mu[i], a) * Math.exp(h * w[i]), 1 / (1 + a))));
  }),
);

describe('convergence to π*_τ for a small step', () => itConvergesToRegularized('nash-mp'));
