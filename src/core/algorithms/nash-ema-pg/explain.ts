/**
 * How "What am I looking at?" explains nash-ema-pg: its update in TeX, its source (paper, venue, arXiv
 * id, equation) and, where the update alone does not say what its setting means, a note. Only the
 * lazily loaded explanation panel reads this file (through explanations.gen.ts), so none of it is
 * in the first render's bytes.
 */
import type { Citation } from '../types.ts';

const r = String.raw;

/** The update in TeX, one display per entry (notation as in ../types.ts). */
export const tex = [
  r`\theta \leftarrow \theta + \mathrm{lr}\;\mathbb{E}_{y\sim\pi_\theta,\,y'\sim\pi_{\bar\theta}}\Big[\nabla\log\pi_\theta(y)\big(P(y\succ y') - \tfrac12 - \tau\log\tfrac{\pi_\theta(y)}{\mu(y)}\big)\Big]`,
  r`\bar\theta \leftarrow \lambda\bar\theta + (1-\lambda)\,\theta,\qquad \bar\theta_0 = \theta_0`,
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
  'Its opponent is the policy of the slow average θ̄ of its past parameters (λ close to 1: a long memory), the paper’s Nash-EMA-PG.';
