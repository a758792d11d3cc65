/**
 * How "What am I looking at?" explains fictitious-play: its update in TeX, its source (paper, venue, arXiv
 * id, equation) and, where the update alone does not say what its setting means, a note. Only the
 * lazily loaded explanation panel reads this file (through explanations.gen.ts), so none of it is
 * in the first render's bytes.
 */
import type { Citation } from '../types.ts';

const r = String.raw;

/** The update in TeX, one display per entry (notation as in ../types.ts). */
export const tex = [
  r`\pi_{t+1} = \pi_t + \frac{\mathrm{BR}(\pi_t) - \pi_t}{t+2}`,
  r`\mathrm{BR}(\pi) \propto \mu\,\exp(P\pi/\tau)\ (\tau>0),\qquad \mathrm{BR}(\pi) = \text{uniform on } \arg\max_y (P\pi)(y)\ (\tau=0)`,
] as const;

/** Where the update comes from. */
export const citation = {
  paper: 'Brown, Iterative Solution of Games by Fictitious Play',
  venue: 'Activity Analysis of Production and Allocation, 1951',
  arxiv: null,
  equation: null,
} as const satisfies Citation;
