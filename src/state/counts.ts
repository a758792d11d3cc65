/**
 * Battle counts beside P (Scenario.counts): how they follow the matrix's edits. A pair edited by
 * hand loses its counts (its cell is then a plain probability, not an observed share); adding a
 * response adds a row and a column with no battles; removing one drops its row and column; the
 * other pairs keep theirs. Pure functions: the store (appStore.ts) applies them.
 */
export type Counts = number[][];
type Rows = readonly (readonly number[])[];

/** Whether pair {i, j} has battles. */
export function observed(counts: Rows | null, i: number, j: number): boolean {
  return counts !== null && i !== j && counts[i][j] + counts[j][i] > 0;
}

/** The counts with the pairs {i, j} listed set to zero battles; null when none remain. */
export function withoutPairs(counts: Rows, pairs: readonly (readonly [number, number])[]): Counts | null {
  const next = counts.map((row) => [...row]);
  for (const [i, j] of pairs) {
    next[i][j] = 0;
    next[j][i] = 0;
  }
  return next.some((row) => row.some((x) => x > 0)) ? next : null;
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
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++)
      if (before[i][j] !== after[i][j] || before[j][i] !== after[j][i]) changed.push([i, j]);
  return changed.length === 0 ? counts.map((row) => [...row]) : withoutPairs(counts, changed);
}

/** The counts cut or padded (no battles) to n responses. */
export function resized(counts: Rows, n: number): Counts | null {
  const next = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => counts[i]?.[j] ?? 0));
  return next.some((row) => row.some((x) => x > 0)) ? next : null;
}

/** The counts without response k. */
export function withoutResponse(counts: Rows, k: number): Counts | null {
  const next = counts.filter((_, i) => i !== k).map((row) => row.filter((_, j) => j !== k));
  return next.some((row) => row.some((x) => x > 0)) ? next : null;
}

/** "12 battles: 7–5" (wins of the row's response first), or "no battles". */
export function battleText(counts: Rows | null, i: number, j: number): string {
  if (!counts || i === j) return '';
  const a = counts[i][j];
  const b = counts[j][i];
  const total = a + b;
  if (total === 0) return 'no battles';
  const f = (x: number) => x.toLocaleString('en', { maximumFractionDigits: 1 });
  return `${f(total)} battle${total === 1 ? '' : 's'}: ${f(a)}–${f(b)}`;
}
