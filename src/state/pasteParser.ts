/**
 * Turns text pasted from a spreadsheet (Excel, Google Sheets, LibreOffice, a CSV file) into a
 * preference matrix. People paste what they have: with or without a header row of names, with or
 * without a first column of names, tabs or commas or semicolons, probabilities or raw win counts.
 * Every refusal names the row and column in the matrix's own 1-based terms, so the person can find
 * the cell in their sheet. Pairs with no data (blank or "NA" in both cells, or no games played)
 * are set to ½ and listed, so a leaderboard with gaps still loads. A list of pairs, one line per
 * pair or per battle, is read by pastePairs.ts. Never throws; never returns NaN.
 */
import { MAX_RESPONSES, MIN_RESPONSES } from './scenario.ts';
import {
  cleanLabel,
  detectSeparator,
  filledLength,
  fits,
  fmt,
  isBlankish,
  isMissing,
  isNumeric,
  parseNumber,
  pastedLines,
  splitLine,
} from './pasteCells.ts';
import { lineSource, looksLikePairList, parsePairList, type ParseProgress } from './pastePairs.ts';
import { jsonSource, looksLikeJson } from './pasteJson.ts';
import {
  missingNote,
  probabilitiesFromWins,
  type PasteMode,
  type PasteResult,
  type PasteSuccess,
} from './pasteResult.ts';

export type { PasteMode, PasteResult, PasteSuccess } from './pasteResult.ts';

export const PASTE_MIN_N = MIN_RESPONSES;
export const PASTE_MAX_N = MAX_RESPONSES;
/**
 * P[i][j] + P[j][i] may be off by the rounding of the digits shown (half a unit of the last digit
 * of each cell, so ±0.01 for two decimals) plus this much floating-point slack before we refuse.
 */
export const PASTE_SUM_TOLERANCE = 1e-9;

/**
 * Parses pasted text into an n×n preference matrix (2 ≤ n ≤ 12).
 * - 'probabilities': cells are P(row ≻ column); P + Pᵀ must be 1 within 1e-6, then made exact.
 * - 'counts': cells are wins of row over column; P[i][j] = w_ij / (w_ij + w_ji).
 * - 'auto': counts if any off-diagonal cell exceeds 1, else probabilities (falling back to counts
 *   when a matrix of whole numbers is not a valid probability matrix, e.g. one game per pair).
 */
export function parsePastedMatrix(text: string, mode: PasteMode, onProgress?: ParseProgress): PasteResult {
  try {
    return parse(typeof text === 'string' ? text : '', mode, onProgress);
  } catch {
    // Defensive: the parser is written not to throw, but a paste must never crash the app.
    return { ok: false, error: 'Could not read the pasted text as a matrix.' };
  }
}

function parse(text: string, mode: PasteMode, onProgress?: ParseProgress): PasteResult {
  if (looksLikeJson(text)) {
    const json = jsonSource(text);
    return json.ok ? parsePairList(json.source, ',', mode, onProgress) : json;
  }
  const lines = pastedLines(text);
  if (lines.length === 0)
    return {
      ok: false,
      error: 'Nothing to read: paste a square table of numbers, one row per line, or a list of pairs.',
    };
  const sep = detectSeparator(lines.length > 1000 ? lines.slice(0, 1000) : lines);
  // More lines than a matrix can have (a header and 500 rows): a pair list or a battle log, read
  // line by line without splitting them all first.
  if (lines.length > PASTE_MAX_N + 1) return parsePairList(lineSource(lines, sep), sep, mode, onProgress);
  const rows = lines.map((l) => splitLine(l, sep));
  if (looksLikePairList(rows, sep)) return parsePairList(lineSource(lines, sep), sep, mode, onProgress);

  // Header: the first row's cells after the corner are all names (non-numeric, some non-empty).
  const first = rows[0].slice(1).filter((c) => c !== '');
  const hasHeader = rows.length > 1 && first.length > 0 && first.every((c) => !isNumeric(c, sep));
  const header = hasHeader ? rows[0].slice(0, filledLength(rows[0])) : null;
  const data = hasHeader ? rows.slice(1) : rows;
  const n = data.length;
  if (n < PASTE_MIN_N) {
    return {
      ok: false,
      error: `Found ${n} row of numbers; a preference matrix needs at least ${PASTE_MIN_N} rows (one per response).`,
    };
  }
  if (n > PASTE_MAX_N) {
    return {
      ok: false,
      error: `Found ${n} rows; the explorer handles at most ${PASTE_MAX_N} responses. Paste a smaller matrix.`,
    };
  }

  // Name column: every non-empty first cell is a name, or every row is one cell wider than the
  // matrix is tall (numeric names). A blank first cell alone is a blank diagonal, not a name.
  const firstCells = data.map((r) => r[0]).filter((c) => c !== '');
  const fitsAll = (w: number) => data.every((r, i) => fits(r, w, i === n - 1));
  const hasNames =
    (firstCells.length > 0 && firstCells.every((c) => !isNumeric(c, sep))) || (fitsAll(n + 1) && !fitsAll(n));
  const names = hasNames ? data.map((r) => r[0]) : null;
  const body = data.map((r) => (hasNames ? r.slice(1) : r));

  // Shape: every row must read as n cells.
  if (!body.some((r, i) => fits(r, n, i === n - 1))) {
    const w = filledLength(body[0]);
    if (body.every((r) => filledLength(r) === w)) {
      return {
        ok: false,
        error: `The table has ${n} rows but ${w} column${w === 1 ? '' : 's'} of numbers; a preference matrix must be square (n×n).`,
      };
    }
  }
  for (let i = 0; i < n; i++) {
    if (fits(body[i], n, i === n - 1)) continue;
    const len = filledLength(body[i]);
    if (len > n) {
      return {
        ok: false,
        error: `Row ${i + 1} has ${len} values, but there are ${n} rows, so each row needs ${n} (column ${n + 1} is extra).`,
      };
    }
    return {
      ok: false,
      error: `Row ${i + 1} has ${len} value${len === 1 ? '' : 's'}, but there are ${n} rows, so each row needs ${n} (column ${len + 1} is missing).`,
    };
  }
  const cells = body.map((r) => Array.from({ length: n }, (_, j) => r[j] ?? ''));

  const notes: string[] = [];
  let labels: string[] | null = null;
  if (header) {
    // A header is n names, or a corner cell (possibly blank) followed by n names.
    const h = header.length === n + 1 ? header.slice(1) : header;
    if (h.length !== n || h[0] === '') {
      const count = h[0] === '' ? h.length - 1 : h.length;
      return {
        ok: false,
        error: `The header row has ${count} name${count === 1 ? '' : 's'}, but there are ${n} rows of numbers; a preference matrix needs one name per row.`,
      };
    }
    labels = h.map(cleanLabel);
    if (names && names.some((x, k) => x.trim() !== '' && cleanLabel(x, k) !== labels![k])) {
      notes.push('The row names differ from the column names; the column names are used.');
    }
  } else if (names) {
    labels = names.map(cleanLabel);
  }
  if (labels && new Set(labels).size < labels.length)
    notes.push('Some names appear twice; you may want to rename them.');

  const where = (i: number, j: number) =>
    `Row ${i + 1}, column ${j + 1}${labels ? ` ("${labels[i]}" vs "${labels[j]}")` : ''}`;

  // Read the numbers. Diagonal: anything goes (a response ties with itself).
  const raw: (number | null)[][] = Array.from({ length: n }, () => new Array<number | null>(n).fill(null));
  /** Half a unit of each cell's last digit shown: how far rounding can have moved it. */
  const halfUnit = new Float64Array(n * n);
  let oddDiagonal = false;
  let sawPercent = false;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const cell = cells[i][j] ?? '';
      if (i === j) {
        if (!isBlankish(cell)) {
          const x = parseNumber(cell, sep);
          if (!x || (x.value !== 0.5 && x.value !== 0)) oddDiagonal = true;
        }
        continue;
      }
      if (isMissing(cell)) continue; // filled from its mirror, or a pair with no data
      const x = parseNumber(cell, sep);
      if (!x) return { ok: false, error: `${where(i, j)}: "${cell.slice(0, 20)}" is not a number.` };
      if (x.value < 0)
        return {
          ok: false,
          error: `${where(i, j)}: ${fmt(x.value)} is negative; preferences and win counts cannot be.`,
        };
      sawPercent ||= x.percent;
      raw[i][j] = x.value;
      halfUnit[i * n + j] = x.halfUnit;
    }
  }
  if (oddDiagonal) notes.push('The diagonal was set to ½: a response ties with itself.');

  let kind: 'probabilities' | 'counts';
  if (mode === 'counts' || mode === 'probabilities') kind = mode;
  else kind = !sawPercent && raw.some((r) => r.some((x) => x !== null && x > 1)) ? 'counts' : 'probabilities';

  if (kind === 'probabilities') {
    const probs = toProbabilities(raw, halfUnit, n, where);
    if (probs.ok) return finish(probs.P, labels, kind, probs.missing, [...notes, ...probs.notes]);
    // One game per pair reads as 0/1 "probabilities" that need not sum to 1: then they are counts.
    const wholeNumbers = raw.every((r) => r.every((x) => x === null || Number.isInteger(x)));
    if (mode !== 'auto' || !wholeNumbers || sawPercent || raw.some((r, i) => r.some((x, j) => i !== j && x === null))) {
      return { ok: false, error: probs.error };
    }
    kind = 'counts';
    notes.push('Read as win counts: the whole numbers do not form a probability matrix.');
  }
  if (sawPercent)
    return {
      ok: false,
      error: 'Percentages cannot be win counts; choose "probabilities" or paste the counts themselves.',
    };
  // An empty count whose mirror has a count is read as 0 wins; both empty is a pair never played.
  let zeroFilled = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i !== j && raw[i][j] === null && raw[j][i] !== null) zeroFilled++;
    }
  }
  if (zeroFilled > 0)
    notes.push(`${zeroFilled} empty count cell${zeroFilled === 1 ? ' was' : 's were'} read as 0 wins.`);
  const counts = raw.map((row, i) => row.map((x, j) => (i === j ? 0 : (x ?? 0))));
  const { P, missing } = probabilitiesFromWins(n, (i, j) => counts[i][j]);
  return finish(P, labels, kind, missing, notes, counts);
}

function finish(
  P: number[][],
  labels: string[] | null,
  kind: 'probabilities' | 'counts',
  missing: [number, number][],
  notes: string[],
  counts: number[][] | null = null,
): PasteSuccess {
  const note = missingNote(missing, P.length);
  return {
    ok: true,
    preferences: P,
    labels,
    kind,
    format: 'matrix',
    missing,
    notes: note ? [...notes, note] : notes,
    counts,
  };
}

type Probabilities =
  { ok: true; P: number[][]; missing: [number, number][]; notes: string[] } | { ok: false; error: string };

/** Checks probabilities and makes P + Pᵀ = 1 exact; one blank of a pair is filled from its mirror. */
function toProbabilities(
  raw: (number | null)[][],
  halfUnit: Float64Array,
  n: number,
  where: (i: number, j: number) => string,
): Probabilities {
  const notes: string[] = [];
  const missing: [number, number][] = [];
  let filled = 0;
  let adjusted = 0;
  const P = Array.from({ length: n }, () => new Array<number>(n).fill(0.5));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const x = raw[i][j];
      if (i !== j && x !== null && x > 1) {
        return {
          ok: false,
          error: `${where(i, j)}: ${fmt(x)} is more than 1, but a probability must be between 0 and 1 (choose "counts" if these are win counts).`,
        };
      }
    }
  }
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const a = raw[i][j];
      const b = raw[j][i];
      if (a === null && b === null) {
        missing.push([i, j]);
        continue;
      }
      let p: number;
      if (a === null || b === null) {
        p = a === null ? 1 - b! : a;
        filled++;
      } else {
        const sum = a + b;
        // Each cell may be off by half a unit of its last digit (0.38 stands for [0.375, 0.385]).
        const tolerance = halfUnit[i * n + j] + halfUnit[j * n + i];
        if (Math.abs(sum - 1) > tolerance + PASTE_SUM_TOLERANCE) {
          return {
            ok: false,
            error: `${where(i, j)} and row ${j + 1}, column ${i + 1}: ${fmt(a)} + ${fmt(b)} = ${fmt(sum)}, but P(a ≻ b) + P(b ≻ a) must be 1 (within ±${fmt(tolerance)}, the rounding of the digits shown).`,
          };
        }
        // Keep an exact pair as typed; otherwise P_ij ← (P_ij + 1 − P_ji)/2 splits the rounding
        // error evenly between the two cells (12 significant digits hide the average's noise).
        if (Math.abs(sum - 1) > PASTE_SUM_TOLERANCE) adjusted++;
        p = sum === 1 ? a : Math.min(1, Math.max(0, Number(((a + (1 - b)) / 2).toPrecision(12))));
      }
      P[i][j] = p;
      P[j][i] = 1 - p;
    }
  }
  if (adjusted > 0)
    notes.push(
      `${2 * adjusted} cells (${adjusted} mirrored pair${adjusted === 1 ? '' : 's'}) did not sum to 1 exactly (rounded values) and were adjusted: P(a ≻ b) ← (P(a ≻ b) + 1 − P(b ≻ a))/2.`,
    );
  if (filled > 0)
    notes.push(
      `${filled} empty cell${filled === 1 ? ' was' : 's were'} filled in from the mirror cell (P(b ≻ a) = 1 − P(a ≻ b)).`,
    );
  return { ok: true, P, missing, notes };
}
