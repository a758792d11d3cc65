/**
 * MMD (Sokota et al., ICLR 2023, Eq. 12) against its formula,
 * π_{t+1} ∝ (π_t μ^{η_tτ} exp(η_t P π_t))^{1/(1+η_tτ)}, and its claim: π*_τ in the last iterate.
 */
import { describe } from 'vitest';
import { itConvergesToRegularized } from './claims.ts';
import { iterate, norm } from './naive.ts';
import { describeReference } from './reference.ts';

describeReference('mmd', (s) =>
  iterate(
    s,
    () =>
      ({ pi, h, a, r }) =>
        norm(pi.map((x, i) => Math.pow(x * Math.pow(s.mu[i], a) * Math.exp(h * r[i]), 1 / (1 + a)))),
  ),
);

describe('convergence to π*_τ for a small step', () => itConvergesToRegularized('mmd'));
