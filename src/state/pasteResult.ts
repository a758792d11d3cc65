/**
 * What the paste readers return, and the pieces both the matrix reader (pasteParser.ts) and the
 * pair-list reader (pastePairs.ts) build it from. They live here so that imports run one way
 * (pasteParser.ts hands pair lists to pastePairs.ts; both use this module), with no cycle.
 */

export type PasteMode = 'auto' | 'probabilities' | 'counts';

export interface PasteSuccess {
  ok: true;
  preferences: number[][];
  labels: string[] | null;
  kind: 'probabilities' | 'counts';
  /** What was pasted: a square matrix, a list of pairs with values, or a log of single battles. */
  format: 'matrix' | 'pairs' | 'battles';
  /** Pairs (i < j) with no data at all, set to ½. */
  missing: [number, number][];
  notes: string[];
  /**
   * The battle counts behind P when the input was win counts or battles: counts[i][j] = wins of
   * i over j (a tie ½ to each side); null when it was probabilities.
   */
  counts: number[][] | null;
}

export type PasteResult = PasteSuccess | { ok: false; error: string };

/** The sentence that says which pairs had no data (the full list is in `missing`). */
export function missingNote(missing: readonly (readonly [number, number])[], n: number): string | null {
  if (missing.length === 0) return null;
  const pairs = (n * (n - 1)) / 2;
  return `${missing.length.toLocaleString('en')} of ${pairs.toLocaleString('en')} pair${pairs === 1 ? '' : 's'} had no data and ${missing.length === 1 ? 'was' : 'were'} set to ½ (no information either way).`;
}

/**
 * P[i][j] = w_ij / (w_ij + w_ji) for win counts w; pairs with no games are ½ and listed.
 * Scaled by the larger count so that huge counts cannot overflow to Infinity / Infinity.
 */
export function probabilitiesFromWins(
  n: number,
  wins: (i: number, j: number) => number,
): { P: number[][]; missing: [number, number][] } {
  const missing: [number, number][] = [];
  const P = Array.from({ length: n }, () => new Array<number>(n).fill(0.5));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const a = wins(i, j);
      const b = wins(j, i);
      const m = Math.max(a, b);
      if (m === 0) {
        missing.push([i, j]);
        continue;
      }
      P[i][j] = a / m / (a / m + b / m);
      P[j][i] = 1 - P[i][j];
    }
  }
  return { P, missing };
}
