/**
 * Reads a pasted list of pairs, the shape leaderboards and arena logs come in, one line each:
 *   name_a, name_b, p            P(a ≻ b) (all values ≤ 1, or percentages), or wins of a over b;
 *   name_a, name_b, wins_a, wins_b
 *   name_a, name_b, winner       one battle: a, b, model_a, model_b, one of the two names, or tie.
 * An optional header line is skipped. Responses are numbered in order of first appearance. Pairs
 * that appear in both directions or several times are combined (counts add up, probabilities are
 * averaged); pairs that never appear are set to ½ and listed. Errors name the line and column.
 */
import { missingNote, probabilitiesFromWins, type PasteMode, type PasteResult } from './pasteResult.ts';
import { MAX_RESPONSES, MIN_RESPONSES } from './scenario.ts';
import { cleanLabel, filledLength, fmt, isMissing, isNumeric, parseNumber, type Separator } from './pasteCells.ts';

/** Winner cells meaning "the first / second response won" or a tie (ties count ½ to each). */
const FIRST = /^(a|model_a|model a|1|first|left)$/i;
const SECOND = /^(b|model_b|model b|2|second|right)$/i;
const TIE = /^(tie|draw|both_bad|tie \(bothbad\)|bothbad|both bad)$/i;

const isName = (cell: string | undefined, sep: Separator) =>
  cell !== undefined && cell.trim() !== '' && !isMissing(cell) && !isNumeric(cell, sep);

function winnerOf(cell: string, a: string, b: string): 0 | 1 | 0.5 | null {
  const c = cell.trim();
  if (FIRST.test(c) || c === a) return 0;
  if (SECOND.test(c) || c === b) return 1;
  if (TIE.test(c)) return 0.5;
  return null;
}

/** A line of a pair list: two names, then one or two values (or a winner). */
function isPairRow(cells: readonly string[], sep: Separator): boolean {
  const w = filledLength(cells);
  return (w === 3 || w === 4) && isName(cells[0], sep) && isName(cells[1], sep);
}

/** A line with a value or a winner in its third cell (not a header). */
function isDataRow(cells: readonly string[], sep: Separator): boolean {
  return (
    isPairRow(cells, sep) && (isNumeric(cells[2], sep) || winnerOf(cells[2], cells[0].trim(), cells[1].trim()) !== null)
  );
}

/**
 * Whether the rows read as a pair list rather than a matrix: every line after an optional header
 * starts with two names (a matrix row has one name, then numbers), and the first has a value or a
 * winner. Later lines with a bad third cell are still read as a pair list, so the error names them.
 */
export function looksLikePairList(rows: readonly (readonly string[])[], sep: Separator): boolean {
  const body = rows.length > 1 && !isDataRow(rows[0], sep) ? rows.slice(1) : rows;
  return body.length > 0 && isDataRow(body[0], sep) && body.every((r) => isPairRow(r, sep));
}

export function parsePairList(rows: readonly (readonly string[])[], sep: Separator, mode: PasteMode): PasteResult {
  // The first line is a header when its third cell is neither a number nor a winner.
  const header = !isDataRow(rows[0], sep);
  const offset = header ? 1 : 0;
  const body = rows.slice(offset);
  const line = (k: number) => `Line ${k + offset + 1}`;

  const index = new Map<string, number>();
  const names: string[] = [];
  const id = (raw: string) => {
    const key = raw.trim();
    let k = index.get(key);
    if (k === undefined) {
      k = names.length;
      index.set(key, k);
      names.push(key);
    }
    return k;
  };
  const battles = !isNumeric(body[0][2], sep);
  const entries: { i: number; j: number; a: number; b: number | null; line: number }[] = [];
  let selfPairs = 0;
  let sawPercent = false;
  for (let k = 0; k < body.length; k++) {
    const r = body[k];
    const i = id(r[0]);
    const j = id(r[1]);
    if (battles) {
      const w = winnerOf(r[2], r[0].trim(), r[1].trim());
      if (w === null || filledLength(r) !== 3) {
        return {
          ok: false,
          error: `${line(k)}, column 3: "${r[2].slice(0, 30)}" is not a winner; write a, b, tie, or one of the two names (or give numbers on every line).`,
        };
      }
      if (i === j) selfPairs++;
      else entries.push({ i, j, a: 1 - w, b: w, line: k });
      continue;
    }
    const values: number[] = [];
    for (let c = 2; c < filledLength(r); c++) {
      const x = parseNumber(r[c], sep);
      if (!x) return { ok: false, error: `${line(k)}, column ${c + 1}: "${r[c].slice(0, 20)}" is not a number.` };
      if (x.value < 0)
        return {
          ok: false,
          error: `${line(k)}, column ${c + 1}: ${fmt(x.value)} is negative; preferences and win counts cannot be.`,
        };
      sawPercent ||= x.percent;
      values.push(x.value);
    }
    if (i === j) selfPairs++;
    else entries.push({ i, j, a: values[0], b: values.length > 1 ? values[1] : null, line: k });
  }
  const n = names.length;
  if (n < MIN_RESPONSES)
    return {
      ok: false,
      error: `The list names ${n} response${n === 1 ? '' : 's'}; a preference matrix needs at least ${MIN_RESPONSES}.`,
    };
  if (n > MAX_RESPONSES)
    return {
      ok: false,
      error: `The list names ${n} responses; the explorer handles at most ${MAX_RESPONSES}. Paste fewer.`,
    };

  const twoValues = entries.some((e) => e.b !== null);
  let kind: 'probabilities' | 'counts';
  if (battles || twoValues) kind = 'counts';
  else if (mode !== 'auto') kind = mode;
  else kind = !sawPercent && entries.some((e) => e.a > 1) ? 'counts' : 'probabilities';
  if (kind === 'probabilities' && (battles || twoValues)) {
    return {
      ok: false,
      error: 'Two values per pair (or a winner per line) are win counts; choose "counts" or "detect".',
    };
  }

  const notes: string[] = [];
  if (header) notes.push('The first line was read as a header.');
  if (selfPairs > 0)
    notes.push(
      `${selfPairs} line${selfPairs === 1 ? '' : 's'} compared a response with itself and ${selfPairs === 1 ? 'was' : 'were'} skipped.`,
    );
  const labels = names.map(cleanLabel);
  if (new Set(labels).size < n) notes.push('Some names are the same once shortened; you may want to rename them.');

  let result: { P: number[][]; missing: [number, number][] };
  if (kind === 'counts') {
    if (sawPercent)
      return {
        ok: false,
        error: 'Percentages cannot be win counts; choose "probabilities" or paste the counts themselves.',
      };
    const wins = new Float64Array(n * n);
    for (const e of entries) {
      wins[e.i * n + e.j] += e.a;
      if (e.b !== null) wins[e.j * n + e.i] += e.b;
    }
    result = probabilitiesFromWins(n, (i, j) => wins[i * n + j]);
  } else {
    // Average every estimate of P(i ≻ j), i < j (a line "b, a, p" says P(a ≻ b) = 1 − p).
    const sum = new Float64Array(n * n);
    const count = new Uint32Array(n * n);
    for (const e of entries) {
      if (e.a > 1)
        return {
          ok: false,
          error: `${line(e.line)}, column 3: ${fmt(e.a)} is more than 1, but a probability must be between 0 and 1 (choose "counts" if these are win counts).`,
        };
      const [i, j, p] = e.i < e.j ? [e.i, e.j, e.a] : [e.j, e.i, 1 - e.a];
      sum[i * n + j] += p;
      count[i * n + j]++;
    }
    const P = Array.from({ length: n }, () => new Array<number>(n).fill(0.5));
    const missing: [number, number][] = [];
    let repeated = 0;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const c = count[i * n + j];
        if (c === 0) missing.push([i, j]);
        else {
          if (c > 1) repeated++;
          P[i][j] = Math.min(1, Math.max(0, sum[i * n + j] / c));
          P[j][i] = 1 - P[i][j];
        }
      }
    }
    if (repeated > 0)
      notes.push(
        `${repeated} pair${repeated === 1 ? '' : 's'} appeared more than once; their probabilities were averaged.`,
      );
    result = { P, missing };
  }
  const note = missingNote(result.missing, n);
  if (note) notes.push(note);
  return {
    ok: true,
    preferences: result.P,
    labels,
    kind,
    format: battles ? 'battles' : 'pairs',
    missing: result.missing,
    notes,
  };
}
