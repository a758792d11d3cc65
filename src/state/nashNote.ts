/**
 * The sentence that says when the Nash of P is not unique (the LP returns one vertex of the set of
 * Nash equilibria E = {π ∈ Δ : (Pπ)_y ≤ 1/2 ∀y}, see core nashEquilibriumSet). Shown next to the
 * figures; a separate function so a caption can reuse it.
 */
import type { EquilibriaResult } from '../core/workerApi.ts';

/** Responses named at most; the rest are counted. */
const NAMED = 4;

/** A weight to two decimals without trailing zeros: 0, 0.33, 1. */
function weight(x: number): string {
  const r = Math.round(Math.max(0, Math.min(1, x)) * 100) / 100;
  return String(r);
}

/**
 * null while the Nash is unique or not known to be otherwise; else e.g. "The Nash of P is not
 * unique: the weight of y4 can be anything from 0 to 1, of rock from 0 to 0.33, …; the Nash
 * shown is one of them." Responses whose range rounds to one value are not
 * named; the widest ranges come first.
 */
export function nashUniquenessNote(
  eq: Pick<EquilibriaResult, 'nashUnique' | 'nashLow' | 'nashHigh'> | null,
  labels: readonly string[],
  set?: { inSome: number; drawn: string },
): string | null {
  if (!eq || eq.nashUnique !== false) return null;
  const low = eq.nashLow;
  const high = eq.nashHigh;
  // With the worker's Nash set: how many responses carry weight in some equilibrium, and which
  // equilibrium is drawn and why.
  const count = set ? ` ${set.inSome} of ${labels.length} responses carry weight in some equilibrium;` : '';
  const shown = set ? `drawn: ${set.drawn}` : 'the Nash shown is one of them';
  if (!low || !high) return `The Nash of P is not unique:${count} ${shown}.`;
  const open = Array.from(low, (lo, y) => ({ y, lo, hi: high[y] }))
    .filter((r) => weight(r.lo) !== weight(r.hi))
    .sort((a, b) => b.hi - b.lo - (a.hi - a.lo) || a.y - b.y);
  if (!open.length) return `The Nash of P is not unique:${count} ${shown}.`;
  const name = (y: number) => labels[y] ?? `y${y + 1}`;
  const parts = open
    .slice(0, NAMED)
    .map(
      (r, k) =>
        (k === 0 ? `the weight of ${name(r.y)} can be anything from` : `of ${name(r.y)} from`) +
        ` ${weight(r.lo)} to ${weight(r.hi)}`,
    );
  const more = open.length > NAMED ? `, and ${open.length - NAMED} more` : '';
  return `The Nash of P is not unique:${count} ${parts.join(', ')}${more}; ${shown}.`;
}
