/**
 * How "What am I looking at?" explains extragradient: its update in TeX, its source (paper, venue, arXiv
 * id, equation) and, where the update alone does not say what its setting means, a note. Only the
 * lazily loaded explanation panel reads this file (through explanations.gen.ts), so none of it is
 * in the first render's bytes.
 */
import type { Citation } from '../types.ts';

const r = String.raw;

/** The update in TeX, one display per entry (notation as in ../types.ts). */
export const tex = [
  r`\pi_{t+\frac12}(y) \propto \pi_t(y)^{1-\eta_t\tau}\,\mu(y)^{\eta_t\tau}\,\exp\!\big(\eta_t\,(P\pi_t)(y)\big)`,
  r`\pi_{t+1}(y) \propto \pi_t(y)^{1-\eta_t\tau}\,\mu(y)^{\eta_t\tau}\,\exp\!\big(\eta_t\,(P\pi_{t+\frac12})(y)\big)`,
] as const;

/** Where the update comes from. */
export const citation = {
  paper:
    'Zhou, Fazel and Du, Extragradient Preference Optimization (EGPO): Beyond Last-Iterate Convergence for Nash Learning from Human Feedback',
  venue: 'arXiv 2025',
  arxiv: '2503.08942',
  equation: null,
} as const satisfies Citation;
