/**
 * Battle counts beside P (Scenario.counts): how they follow the matrix's edits. A pair edited by
 * hand loses its counts (its cell is then a plain probability, not an observed share); adding a
 * response adds a row and a column with no battles; removing one drops its row and column; the
 * other pairs keep theirs. Pure functions (none remaining battles gives null): the store applies them.
 */
export type Counts = number[][];
type Rows = readonly (readonly number[])[];

/** The counts of responses `keep` (an index out of range has no battles); null when none are left. */
function pick(counts: Rows, keep: readonly number[]): Counts | null {
  const next = keep.map((i) => keep.map((j) => counts[i]?.[j] ?? 0));
  return next.some((row) => row.some((x) => x > 0)) ? next : null;
}

const upTo = (n: number) => Array.from({ length: n }, (_, k) => k);

/** The counts with the pairs {i, j} listed set to zero battles; null when none remain. */
export function withoutPairs(counts: Rows, pairs: readonly (readonly [number, number])[]): Counts | null {
  const next = counts.map((row) => [...row]);
  for (const [i, j] of pairs) next[i][j] = next[j][i] = 0;
  return pick(next, upTo(next.length));
}

/**
 * The counts after P changed from `before` to `after` (same n): every pair whose value changed was
 * edited by hand and loses its counts. Different n: the common top-left block is kept.
 */
export function countsAfterEdit(counts: Rows | null, before: Rows, after: Rows): Counts | null {
  if (!counts) return null;
  const n = after.length;
  if (before.length !== n) return resized(counts, n);
  const changed: [number, number][] = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (before[i][j] !== after[i][j]) changed.push([i, j]);
  return withoutPairs(counts, changed);
}

/** The counts cut or padded (no battles) to n responses. */
export const resized = (counts: Rows, n: number) => pick(counts, upTo(n));

/** The counts without response k. */
export const withoutResponse = (counts: Rows, k: number) =>
  pick(
    counts,
    upTo(counts.length).filter((i) => i !== k),
  );

/** "12 battles: 7–5" (wins of the row's response first), or "no battles"; '' without counts. */
export function battleText(counts: Rows | null, i: number, j: number): string {
  if (!counts || i === j) return '';
  const f = (x: number) => x.toLocaleString('en', { maximumFractionDigits: 1 });
  const total = counts[i][j] + counts[j][i];
  return total ? `${f(total)} battle${total === 1 ? '' : 's'}: ${f(counts[i][j])}–${f(counts[j][i])}` : 'no battles';
}
