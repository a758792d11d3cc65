/**
 * How "What am I looking at?" explains nash-md: its update in TeX, its source (paper, venue, arXiv
 * id, equation) and, where the update alone does not say what its setting means, a note. Only the
 * lazily loaded explanation panel reads this file (through explanations.gen.ts), so none of it is
 * in the first render's bytes.
 */
import type { Citation } from '../types.ts';

const r = String.raw;

/** The update in TeX, one display per entry (notation as in ../types.ts). */
export const tex = [
  r`\pi_t^{\mu} \propto \pi_t^{\,1-\eta_t\tau}\,\mu^{\,\eta_t\tau}`,
  r`\pi_{t+1}(y) \propto \pi_t^{\mu}(y)\,\exp\!\big(\eta_t\,P(y \succ \pi_t^{\mu})\big)`,
] as const;

/** Where the update comes from. */
export const citation = {
  paper: 'Munos et al., Nash Learning from Human Feedback',
  venue: 'ICML 2024',
  arxiv: '2312.00886',
  equation: 'Eqs. 3–5 (§5)',
} as const satisfies Citation;
