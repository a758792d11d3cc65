/**
 * Fictitious play (Brown, 1951) against its formula: π_{t+1} = π_t + (BR(π_t) − π_t)/(t+2), with
 * BR(π) ∝ μ exp(Pπ/τ) for τ > 0 and, for τ = 0, the uniform distribution over argmax_y (Pπ)_y
 * (entries within 1e-12 of the maximum tie).
 */
import { iterate, norm } from './naive.ts';
import { describeReference } from './reference.ts';

describeReference('fictitious-play', (s) =>
  iterate(s, () => ({ pi, t, r }) => {
    let br: number[];
    if (s.tau > 0) br = norm(s.mu.map((m, i) => m * Math.exp(r[i] / s.tau)));
    else {
      const best = Math.max(...r);
      br = norm(r.map((x) => (x >= best - 1e-12 ? 1 : 0)));
    }
    return pi.map((x, i) => x + (br[i] - x) / (t + 2));
  }),
);
