/**
 * What a computed β sweep shows, in words: the figure's caption and the story "What the paper
 * trained" both say it, so neither repeats the paper's result when this matrix's differs.
 */
import { formatT } from './formatT.ts';

export interface SweepOutcome {
  labels: readonly string[];
  /** Nash-MD-PG's β per entry, null for the others. */
  betas: readonly (number | null)[];
  average: ArrayLike<number>;
  order: readonly number[];
  best: number | null;
  steps: number;
}

/** Who won: an intermediate β (0 < β < 1), β = 0, β = 1, another policy, or a tie. */
export type SweepWinner = 'intermediate' | 'self-play' | 'best-response' | 'other' | 'tie';

export function sweepWinner(r: SweepOutcome): SweepWinner {
  if (r.best === null) return 'tie';
  const b = r.betas[r.best];
  return b === null ? 'other' : b === 0 ? 'self-play' : b === 1 ? 'best-response' : 'intermediate';
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/** The place of entry `a` in the order, "3rd of 11". */
function place(r: SweepOutcome, a: number): string {
  const k = r.order.indexOf(a) + 1;
  const suffix =
    k % 10 === 1 && k !== 11 ? 'st' : k % 10 === 2 && k !== 12 ? 'nd' : k % 10 === 3 && k !== 13 ? 'rd' : 'th';
  return `${k}${suffix} of ${r.order.length}`;
}

/** Two or three sentences on the sweep's outcome. */
export function sweepSummary(r: SweepOutcome): string {
  const steps = `After T = ${formatT(r.steps)} steps`;
  if (r.best === null)
    return `${steps} no policy wins the sweep: the best average win rates tie at ${pct(r.average[r.order[0]])}${r.steps === 0 ? ' (every trained policy is still π₀)' : ''}.`;
  const head = `${steps}, ${r.labels[r.best]} wins the sweep: it beats the others ${pct(r.average[r.best])} of the time on average.`;
  const zero = r.betas.indexOf(0);
  const one = r.betas.indexOf(1);
  const ends =
    zero >= 0 && one >= 0
      ? ` β = 0 (self-play) is ${place(r, zero)}, β = 1 (best response to μ) ${place(r, one)}.`
      : '';
  const verdict: Record<SweepWinner, string> = {
    intermediate: ' An intermediate β wins here, as in the paper.',
    'self-play': ' Here self-play (β = 0) wins, not an intermediate β as in the paper.',
    'best-response': ' Here β = 1 wins, not an intermediate β as in the paper.',
    other: ' Here no Nash-MD-PG wins, unlike in the paper.',
    tie: '',
  };
  return head + ends + verdict[sweepWinner(r)];
}
