/**
 * How "What am I looking at?" explains comal: its update in TeX, its source (paper, venue, arXiv
 * id, equation) and, where the update alone does not say what its setting means, a note. Only the
 * lazily loaded explanation panel reads this file (through explanations.gen.ts), so none of it is
 * in the first render's bytes.
 */
import type { Citation } from '../types.ts';

const r = String.raw;

/** The update in TeX, one display per entry (notation as in ../types.ts). */
export const tex = [
  r`\pi_{t+1} = \text{the regularised Nash of } P \text{ with reference } \pi_t:\quad \pi_{t+1}(y) \propto \pi_t(y)\,\exp\!\big((P\pi_{t+1})(y)/\tau\big)`,
] as const;

/** Where the update comes from. */
export const citation = {
  paper: 'Liu et al., COMAL: A Convergent Meta-Algorithm for Aligning LLMs with General Preferences',
  venue: 'arXiv 2024',
  arxiv: '2410.23223',
  equation: null,
} as const satisfies Citation;
