/**
 * Reading spreadsheet cells: separators, quoted cells, numbers as people type them, blanks and
 * names. Shared by the matrix reader (pasteParser.ts) and the pair-list reader (pastePairs.ts).
 */
import { MAX_LABEL_LENGTH } from './scenario.ts';

/** Longest response name kept (the same limit as the editor and the URL). */
export const PASTE_MAX_LABEL = MAX_LABEL_LENGTH;

/** Splits text into its non-blank lines (any line ending; a leading byte-order mark dropped). */
export function pastedLines(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .filter((l) => l.trim() !== '');
}

export type Separator = '\t' | ';' | ',' | 'space';

/** Tab wins (what spreadsheets put on the clipboard), then semicolon (European CSV), then comma. */
export function detectSeparator(lines: readonly string[]): Separator {
  if (lines.some((l) => l.includes('\t'))) return '\t';
  if (lines.some((l) => l.includes(';'))) return ';';
  if (lines.some((l) => l.includes(','))) return ',';
  return 'space';
}

/** Splits one line, honouring "double-quoted" cells (which may contain the separator). */
export function splitLine(line: string, sep: Separator): string[] {
  if (sep === 'space') return line.trim().split(/\s+/);
  // No quotes (nearly every line of a log): the built-in split, several times faster.
  if (!line.includes('"')) return line.split(sep).map((c) => c.trim());
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let k = 0; k < line.length; k++) {
    const c = line[k];
    if (quoted) {
      if (c === '"' && line[k + 1] === '"') {
        cell += '"';
        k++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (c === sep) {
      cells.push(cell.trim());
      cell = '';
    } else cell += c;
  }
  cells.push(cell.trim());
  return cells;
}

/** Length without trailing empty cells (trailing separators, e.g. an extra selected column). */
export function filledLength(cells: readonly string[]): number {
  let k = cells.length;
  while (k > 0 && cells[k - 1] === '') k--;
  return k;
}

/**
 * Whether a row can be read as exactly `w` cells: trailing blanks may be dropped, and the last row
 * may stop one short (its last cell is the diagonal, which may be left out).
 */
export function fits(cells: readonly string[], w: number, isLast: boolean): boolean {
  return (filledLength(cells) <= w && w <= cells.length) || (isLast && cells.length === w - 1);
}

export const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

export interface ParsedNumber {
  value: number;
  percent: boolean;
  /** Half a unit of the last digit shown, in the value's units ("0.38" → 0.005, "38%" → 0.005). */
  halfUnit: number;
}

/**
 * A spreadsheet number: "0.7", ".7", "7e-1", "70%", and "0,7" (decimal comma) unless commas
 * separate the cells. Returns null for anything else, including values that overflow to Infinity.
 */
export function parseNumber(text: string, sep: Separator): ParsedNumber | null {
  let t = text.replace(/[\s\u00a0]/g, '').replace(/^[\u2212\u2013]/, '-');
  const percent = t.endsWith('%');
  if (percent) t = t.slice(0, -1);
  if (sep !== ',' && /^[+-]?\d*,\d+$/.test(t)) t = t.replace(',', '.');
  if (!NUMBER.test(t)) return null;
  const value = Number(t) / (percent ? 100 : 1);
  if (!Number.isFinite(value)) return null;
  const [mantissa, exponent = '0'] = t.toLowerCase().split('e');
  const dot = mantissa.indexOf('.');
  const decimals = (dot < 0 ? 0 : mantissa.length - dot - 1) - Number(exponent);
  // A whole number (0, 1, 40%) is taken as exact: rounding to whole units is not what people do to probabilities.
  return { value, percent, halfUnit: decimals > 0 ? (0.5 * 10 ** -decimals) / (percent ? 100 : 1) : 0 };
}

export const isNumeric = (cell: string, sep: Separator) => parseNumber(cell, sep) !== null;
/** What people write in a cell that means "nothing here" (a diagonal, or a pair never compared). */
export const isBlankish = (cell: string) => /^(|-|–|—|x|n\/a|na|½|1\/2)$/i.test(cell.trim());

/** A cell of a pair that was never compared: blank, a dash, NA, NaN, null or "?". */
export const isMissing = (cell: string) => /^(|-|–|—|n\/a|na|nan|null|\?)$/i.test(cell.trim());

/** Formats a number for a message: short, but never hides the offending digits. */
export function fmt(x: number): string {
  return String(Number(x.toPrecision(12)));
}

export function cleanLabel(raw: string, k: number): string {
  const t = raw.trim().slice(0, PASTE_MAX_LABEL).trim();
  return t === '' ? `y${k + 1}` : t;
}
