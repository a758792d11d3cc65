/**
 * RLHF (Munos et al., §3) against its formula: π_{t+1} ∝ π_t^{1−η_tτ} μ^{η_tτ} exp(η_t r), r the
 * Bradley–Terry reward fitted to P. (Its limit, the RLHF optimum ∝ μ exp(r/τ), is checked in
 * paper.test.ts.)
 */
import { iterate, norm } from './naive.ts';
import { describeReference } from './reference.ts';

describeReference('rlhf', (s) =>
  iterate(
    s,
    () =>
      ({ pi, h, a }) =>
        norm(pi.map((x, i) => Math.pow(x, 1 - a) * Math.pow(s.mu[i], a) * Math.exp(h * s.reward![i]))),
  ),
);
