/**
 * How "What am I looking at?" explains replicator: its update in TeX, its source (paper, venue, arXiv
 * id, equation) and, where the update alone does not say what its setting means, a note. Only the
 * lazily loaded explanation panel reads this file (through explanations.gen.ts), so none of it is
 * in the first render's bytes.
 */
import type { Citation } from '../types.ts';

const r = String.raw;

/** The update in TeX, one display per entry (notation as in ../types.ts). */
export const tex = [
  r`\frac{d}{ds}\log\pi(y) = (P\pi)(y) - \tau\log\frac{\pi(y)}{\mu(y)} - c(s)`,
  r`\text{one Runge–Kutta 4 step of length } h=\eta_t \text{ per iteration}`,
] as const;

/** Where the update comes from. */
export const citation = {
  paper: 'Taylor and Jonker, Evolutionary Stable Strategies and Game Dynamics',
  venue: 'Mathematical Biosciences, 1978',
  arxiv: null,
  equation: null,
} as const satisfies Citation;
