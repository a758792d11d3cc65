/**
 * How "What am I looking at?" explains omwu: its update in TeX, its source (paper, venue, arXiv
 * id, equation) and, where the update alone does not say what its setting means, a note. Only the
 * lazily loaded explanation panel reads this file (through explanations.gen.ts), so none of it is
 * in the first render's bytes.
 */
import type { Citation } from '../types.ts';

const r = String.raw;

/** The update in TeX, one display per entry (notation as in ../types.ts). */
export const tex = [
  r`\pi_{t+1}(y) \propto \pi_t(y)\,\exp\!\big(\eta_t\,(2P\pi_t - P\pi_{t-1})(y)\big),\quad P\pi_{-1} = P\pi_0`,
] as const;

/** Where the update comes from. */
export const citation = {
  paper: 'Zhang et al., Improving LLM General Preference Alignment via Optimistic Online Mirror Descent',
  venue: 'arXiv 2025',
  arxiv: '2502.16852',
  equation: null,
} as const satisfies Citation;
