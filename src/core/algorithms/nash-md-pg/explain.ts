/**
 * How "What am I looking at?" explains nash-md-pg: its update in TeX, its source (paper, venue, arXiv
 * id, equation) and, where the update alone does not say what its setting means, a note. Only the
 * lazily loaded explanation panel reads this file (through explanations.gen.ts), so none of it is
 * in the first render's bytes.
 */
import type { Citation } from '../types.ts';

const r = String.raw;

/** The update in TeX, one display per entry (notation as in ../types.ts). */
export const tex = [
  r`\pi_\theta(y) \propto e^{\theta\cdot\phi(y)},\quad \pi^\beta \propto \pi_\theta^{\,1-\beta}\mu^{\beta}`,
  r`\theta \leftarrow \theta + \mathrm{lr}\;\mathbb{E}_{y\sim\pi_\theta,\,y'\sim\pi^\beta}\Big[\nabla\log\pi_\theta(y)\big(P(y\succ y') - \tfrac12 - \tau\log\tfrac{\pi_\theta(y)}{\mu(y)}\big)\Big]`,
] as const;

/** Where the update comes from. */
export const citation = {
  paper: 'Munos et al., Nash Learning from Human Feedback',
  venue: 'ICML 2024',
  arxiv: '2312.00886',
  equation: '§7',
} as const satisfies Citation;

/** A few words more where the update alone does not say what its setting means (shown under the formulas). */
export const note =
  'β = 0 is self-play: the policy plays against itself. β = 1 is a best response to μ: it learns to beat the reference policy and nothing else. In between the opponent is a geometric mixture of the two. With tabular features, taking the natural gradient instead of the plain one and β = ητ turns this step into tabular Nash-MD’s: Nash-MD is the exact mirror-descent version of Nash-MD-PG, which takes plain gradient steps in θ and, sampled, estimates them. The β sweep under the simplex trains every β of the paper’s grid and plays them against each other.';
