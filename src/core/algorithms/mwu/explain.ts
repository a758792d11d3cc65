/**
 * How "What am I looking at?" explains mwu: its update in TeX, its source (paper, venue, arXiv
 * id, equation) and, where the update alone does not say what its setting means, a note. Only the
 * lazily loaded explanation panel reads this file (through explanations.gen.ts), so none of it is
 * in the first render's bytes.
 */
import type { Citation } from '../types.ts';

const r = String.raw;

/** The update in TeX, one display per entry (notation as in ../types.ts). */
export const tex = [r`\pi_{t+1}(y) \propto \pi_t(y)\,\exp\!\big(\eta_t\,(P\pi_t)(y)\big)`] as const;

/** Where the update comes from. */
export const citation = {
  paper: 'Wu et al., Self-Play Preference Optimization for Language Model Alignment',
  venue: 'ICLR 2025',
  arxiv: '2405.00675',
  equation: 'Eq. 4.1',
} as const satisfies Citation;
