/**
 * How "What am I looking at?" explains rlhf-pg: its update in TeX, its source (paper, venue, arXiv
 * id, equation) and, where the update alone does not say what its setting means, a note. Only the
 * lazily loaded explanation panel reads this file (through explanations.gen.ts), so none of it is
 * in the first render's bytes.
 */
import type { Citation } from '../types.ts';

const r = String.raw;

/** The update in TeX, one display per entry (notation as in ../types.ts). */
export const tex = [
  r`\theta \leftarrow \theta + \mathrm{lr}\;\mathbb{E}_{y\sim\pi_\theta}\Big[\nabla\log\pi_\theta(y)\big(r(y) - \tau\log\tfrac{\pi_\theta(y)}{\mu(y)}\big)\Big]`,
  r`\nabla\log\pi_\theta(y) = \phi(y) - \textstyle\sum_z \pi_\theta(z)\,\phi(z)`,
] as const;

/** Where the update comes from. */
export const citation = {
  paper: 'Munos et al., Nash Learning from Human Feedback',
  venue: 'ICML 2024',
  arxiv: '2312.00886',
  equation: '§7',
} as const satisfies Citation;
