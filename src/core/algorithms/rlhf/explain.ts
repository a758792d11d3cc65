/**
 * How "What am I looking at?" explains rlhf: its update in TeX, its source (paper, venue, arXiv
 * id, equation) and, where the update alone does not say what its setting means, a note. Only the
 * lazily loaded explanation panel reads this file (through explanations.gen.ts), so none of it is
 * in the first render's bytes.
 */
import type { Citation } from '../types.ts';

const r = String.raw;

/** The update in TeX, one display per entry (notation as in ../types.ts). */
export const tex = [
  r`\pi_{t+1}(y) \propto \pi_t(y)^{\,1-\eta_t\tau}\,\mu(y)^{\,\eta_t\tau}\,\exp\!\big(\eta_t\,r(y)\big)`,
  r`r = \text{Bradley–Terry reward fitted to } P`,
] as const;

/** Where the update comes from. */
export const citation = {
  paper: 'Munos et al., Nash Learning from Human Feedback',
  venue: 'ICML 2024',
  arxiv: '2312.00886',
  equation: '§3 (the RLHF objective)',
} as const satisfies Citation;
