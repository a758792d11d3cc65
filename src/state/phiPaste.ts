/**
 * Custom features pasted as text (PgControls' paste box, loaded with it): one row per response,
 * numbers separated by tabs, commas, semicolons or spaces (as spreadsheets and CSV give them). A
 * refusal names the row and the column; nothing is applied then.
 */

/** The max number of feature columns d (1 ≤ d ≤ min(n, 12)). */
export const MAX_PHI_COLUMNS = 12;

export type PhiParse = { phi: number[][] } | { error: string };

/** Reads φ for n responses from pasted text. */
export function parsePhi(text: string, n: number): PhiParse {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length !== n)
    return {
      error: `Pasted φ has ${lines.length} row${lines.length === 1 ? '' : 's'}: it needs one per response (${n}).`,
    };
  const max = Math.min(n, MAX_PHI_COLUMNS);
  const phi: number[][] = [];
  for (let r = 0; r < n; r++) {
    const cells = lines[r].trim().split(/[\t,; ]+/);
    const row: number[] = [];
    for (let c = 0; c < cells.length; c++) {
      const v = Number(cells[c]);
      if (!Number.isFinite(v)) return { error: `Row ${r + 1}, column ${c + 1}: “${cells[c]}” is not a number.` };
      row.push(v);
    }
    if (r > 0 && row.length !== phi[0].length)
      return { error: `Row ${r + 1} has ${row.length} numbers, row 1 has ${phi[0].length}: every row needs as many.` };
    if (row.length > max)
      return { error: `Row ${r + 1} has ${row.length} numbers: φ has at most ${max} columns (d ≤ min(n, 12)).` };
    phi.push(row);
  }
  return { phi };
}
