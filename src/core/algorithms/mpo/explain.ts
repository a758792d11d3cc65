/**
 * How "What am I looking at?" explains mpo: its update in TeX, its source (paper, venue, arXiv
 * id, equation) and, where the update alone does not say what its setting means, a note. Only the
 * lazily loaded explanation panel reads this file (through explanations.gen.ts), so none of it is
 * in the first render's bytes.
 */
import type { Citation } from '../types.ts';

const r = String.raw;

/** The update in TeX, one display per entry (notation as in ../types.ts). */
export const tex = [
  r`\pi_{t+1}(y) \propto \Big(\pi_t(y)\,\rho(y)^{\eta_t\tau}\,\exp\!\big(\eta_t\,(P\pi_t)(y)\big)\Big)^{1/(1+\eta_t\tau)}`,
  r`\rho \leftarrow \mu \text{ at } t=0,\qquad \rho \leftarrow \pi_{t+1} \text{ when } K \mid t+1`,
] as const;

/** Where the update comes from. */
export const citation = {
  paper:
    'Wang et al., Magnetic Preference Optimization: Achieving Last-iterate Convergence for Language Model Alignment',
  venue: 'ICLR 2025',
  arxiv: '2410.16714',
  equation: null,
} as const satisfies Citation;
