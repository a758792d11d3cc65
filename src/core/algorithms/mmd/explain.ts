/**
 * How "What am I looking at?" explains mmd: its update in TeX, its source (paper, venue, arXiv
 * id, equation) and, where the update alone does not say what its setting means, a note. Only the
 * lazily loaded explanation panel reads this file (through explanations.gen.ts), so none of it is
 * in the first render's bytes.
 */
import type { Citation } from '../types.ts';

const r = String.raw;

/** The update in TeX, one display per entry (notation as in ../types.ts). */
export const tex = [
  r`\pi_{t+1}(y) \propto \Big(\pi_t(y)\,\mu(y)^{\eta_t\tau}\,\exp\!\big(\eta_t\,(P\pi_t)(y)\big)\Big)^{1/(1+\eta_t\tau)}`,
] as const;

/** Where the update comes from. */
export const citation = {
  paper:
    'Sokota et al., A Unified Approach to Reinforcement Learning, Quantal Response Equilibria, and Two-Player Zero-Sum Games',
  venue: 'ICLR 2023',
  arxiv: '2206.05825',
  equation: 'Eq. 12',
} as const satisfies Citation;
