/**
 * OMD (Munos et al., Eqs. 7–8) against its formula, π_{t+1} ∝ π_t^{1−η_tτ} μ^{η_tτ} exp(η_t P π_t),
 * and its claim: π*_τ in the last iterate for a small step.
 */
import { describe } from 'vitest';
import { itConvergesToRegularized } from './claims.ts';
import { iterate, norm } from './naive.ts';
import { describeReference } from './reference.ts';

describeReference('omd', (s) =>
  iterate(
    s,
    () =>
      ({ pi, h, a, r }) =>
        norm(pi.map((x, i) => Math.pow(x, 1 - a) * Math.pow(s.mu[i], a) * Math.exp(h * r[i]))),
  ),
);

describe('convergence to π*_τ for a small step', () => itConvergesToRegularized('omd'));
