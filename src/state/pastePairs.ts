/**
 * Reads a list of pairs, the shape leaderboards and arena logs come in, one line each:
 *   name_a, name_b, p            P(a ≻ b) (all values ≤ 1, or percentages), or wins of a over b;
 *   name_a, name_b, wins_a, wins_b
 *   name_a, name_b, winner       one battle: a, b, model_a, model_b, left, right, one of the two
 *                                names, or a tie (tie, draw, tie (bothbad), both_bad).
 * A header line is read by its names: `model_a`/`model_b` (or left/right, model_x/model_y, …) and
 * `winner` (or wins_a/wins_b, or p/win_rate) are found wherever they stand and every other column
 * (a judge, a timestamp, a prompt) is ignored, with a note. Without a header the first two cells
 * are the names and the values follow; columns after them are ignored, with a note. JSON arrays of
 * battle objects and JSON lines arrive here as rows too (pasteJson.ts).
 * Responses are numbered in order of first appearance. Pairs that appear in both directions or
 * several times are combined (counts add up, probabilities are averaged); pairs that never appear
 * are set to ½ and listed. Errors name the line, the column and the problem. Lines are split one
 * at a time and counts kept in flat arrays, so a million battles need no per-line objects.
 */
import { missingNote, probabilitiesFromWins, type PasteMode, type PasteResult } from './pasteResult.ts';
import { MAX_RESPONSES, MIN_RESPONSES } from './scenario.ts';
import {
  cleanLabel,
  filledLength,
  fmt,
  isMissing,
  isNumeric,
  parseNumber,
  splitLine,
  type Separator,
} from './pasteCells.ts';

/** Winner cells meaning "the first / second response won" or a tie (ties count ½ to each). */
const FIRST = /^(a|model_a|model a|model_x|1|first|left|winner_a)$/i;
const SECOND = /^(b|model_b|model b|model_y|2|second|right|winner_b)$/i;
const TIE = /^(tie|draw|both_bad|tie \(bothbad\)|bothbad|both bad|tie_bothbad|both_good|neither)$/i;

/** Header names of the columns (case-insensitive; spaces, hyphens and underscores alike). */
const HEAD_A = /^(model_?a|model_?x|model_?1|left|a|player_?a|player_?1|response_?a|system_?a|first|name_?a)$/;
const HEAD_B = /^(model_?b|model_?y|model_?2|right|b|player_?b|player_?2|response_?b|system_?b|second|name_?b)$/;
const HEAD_WINNER = /^(winner|win|result|outcome|preference|preferred|choice|label|judgement|judgment)$/;
const HEAD_WINS_A = /^(wins_?a|a_?wins|wins_?of_?a|wins_?left|left_?wins)$/;
const HEAD_WINS_B = /^(wins_?b|b_?wins|wins_?of_?b|wins_?right|right_?wins)$/;
const HEAD_P = /^(p|prob|probability|p_?a|win_?rate|winrate|p\(a_?≻_?b\)|p_?a_?beats_?b)$/;

const headKey = (cell: string) =>
  cell
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

const isName = (cell: string | undefined, sep: Separator) =>
  cell !== undefined && cell.trim() !== '' && !isMissing(cell) && !isNumeric(cell, sep);

function winnerOf(cell: string, a: string, b: string): 0 | 1 | 0.5 | null {
  const c = cell.trim();
  if (c === a && c !== b) return 0;
  if (c === b && c !== a) return 1;
  if (FIRST.test(c)) return 0;
  if (SECOND.test(c)) return 1;
  if (TIE.test(c)) return 0.5;
  return null;
}

/** Where the names and values are: column indices (0-based), found by header or by position. */
export interface PairColumns {
  a: number;
  b: number;
  /** A winner column (a battle log), or -1. */
  winner: number;
  /** One or two value columns (p or wins of a; wins of b), when there is no winner column. */
  values: number[];
  /** Column headers (for messages and the note on ignored columns), or null. */
  names: string[] | null;
}

/**
 * Whether `first` is a header: it names two model columns and a winner or value column (a first
 * battle between responses called "a" and "b" names no winner column, so it is not taken for one),
 * or its third cell is neither a number nor a winner.
 */
function isHeaderRow(first: readonly string[], next: readonly string[] | undefined, sep: Separator): boolean {
  const cols = headerColumns(first);
  if (cols && cols.named) return true;
  return next !== undefined && !isDataRow(first, sep);
}

/** The columns a header names, or null when it names no pair of models. */
export function headerColumns(header: readonly string[]): (PairColumns & { named: boolean }) | null {
  const keys = header.map(headKey);
  const find = (re: RegExp) => keys.findIndex((k) => re.test(k));
  const a = find(HEAD_A);
  const b = find(HEAD_B);
  if (a < 0 || b < 0 || a === b) return null;
  const winner = find(HEAD_WINNER);
  const winsA = find(HEAD_WINS_A);
  const winsB = find(HEAD_WINS_B);
  const p = find(HEAD_P);
  const values = winner >= 0 ? [] : winsA >= 0 && winsB >= 0 ? [winsA, winsB] : p >= 0 ? [p] : [];
  const named = winner >= 0 || values.length > 0;
  if (winner < 0 && values.length === 0) {
    // Recognised names but no recognised value column: the one or two columns after them.
    const next = Math.max(a, b) + 1;
    if (next < header.length) values.push(next);
  }
  return { a, b, winner, values, names: header.map((h) => h.trim()), named };
}

/** A line of a pair list: two names, then at least one value (or a winner); more are ignored. */
function isPairRow(cells: readonly string[], sep: Separator): boolean {
  return filledLength(cells) >= 3 && isName(cells[0], sep) && isName(cells[1], sep);
}

/** A line with a value or a winner in its third cell (not a header). */
function isDataRow(cells: readonly string[], sep: Separator): boolean {
  return (
    isPairRow(cells, sep) && (isNumeric(cells[2], sep) || winnerOf(cells[2], cells[0].trim(), cells[1].trim()) !== null)
  );
}

/**
 * Whether the rows read as a pair list rather than a matrix: a header naming two model columns,
 * or every line after an optional header starts with two names (a matrix row has one name, then
 * numbers), and the first has a value or a winner. Later lines with a bad third cell are still read
 * as a pair list, so the error names them.
 */
export function looksLikePairList(rows: readonly (readonly string[])[], sep: Separator): boolean {
  // A header naming the two model columns, with names under them (a matrix's header "a, b" has numbers below).
  const header = rows.length > 1 && isHeaderRow(rows[0], rows[1], sep);
  const mapped = header ? headerColumns(rows[0]) : null;
  if (mapped && (mapped.named || (isName(rows[1][mapped.a], sep) && isName(rows[1][mapped.b], sep)))) return true;
  const body = header ? rows.slice(1) : rows;
  return body.length > 0 && isDataRow(body[0], sep) && body.every((r) => isPairRow(r, sep));
}

/** The rows of a pair list, split on demand (a million lines are never all split at once). */
export interface PairSource {
  count: number;
  cells(k: number): string[];
  /** "Line 12" (or "Item 12" in a JSON array), for row k. */
  where(k: number): string;
  /** "column 3" (or "field \"winner\""), for column c. */
  column(c: number): string;
}

/** A source over text lines split by `sep`; `first` is the 1-based line number of lines[0]. */
export function lineSource(lines: readonly string[], sep: Separator, first = 1): PairSource {
  return {
    count: lines.length,
    cells: (k) => splitLine(lines[k], sep),
    where: (k) => `Line ${k + first}`,
    column: (c) => `column ${c + 1}`,
  };
}

/** Progress of a long parse: fraction of the rows read, 0…1. */
export type ParseProgress = (fraction: number) => void;

const PROGRESS_EVERY = 65536;

export function parsePairList(
  source: PairSource,
  sep: Separator,
  mode: PasteMode,
  onProgress?: ParseProgress,
): PasteResult {
  const first = source.cells(0);
  const header = source.count > 1 && isHeaderRow(first, source.cells(1), sep);
  const mapped = header ? headerColumns(first) : null;
  const offset = header ? 1 : 0;
  const at = (k: number) => source.where(k + offset);
  if (source.count - offset < 1) return { ok: false, error: 'The list has a header but no lines of data.' };
  const body0 = source.cells(offset);
  let cols: PairColumns;
  if (mapped) cols = mapped;
  else {
    // By position: two names, then a winner, or one or two numbers.
    const numeric2 = isNumeric(body0[2] ?? '', sep);
    const two = numeric2 && body0[3] !== undefined && isNumeric(body0[3], sep);
    cols = {
      a: 0,
      b: 1,
      winner: numeric2 ? -1 : 2,
      values: numeric2 ? (two ? [2, 3] : [2]) : [],
      names: header ? first.map((h) => h.trim()) : null,
    };
  }
  const colName = (c: number) => `${source.column(c)}${cols.names?.[c] ? ` ("${cols.names[c].slice(0, 30)}")` : ''}`;
  const used = new Set([cols.a, cols.b, cols.winner, ...cols.values].filter((c) => c >= 0));
  const battles = cols.winner >= 0;

  const index = new Map<string, number>();
  const names: string[] = [];
  // Responses beyond MAX_RESPONSES are refused as soon as they appear, so flat arrays of a fixed
  // width hold every pair: wins[i·W + j] (counts), or sums and counts of P(i ≻ j) (probabilities).
  const W = MAX_RESPONSES + 1;
  const wins = new Float64Array(W * W);
  const probSum = new Float64Array(W * W);
  const probCount = new Uint32Array(W * W);
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
  let selfPairs = 0;
  let sawPercent = false;
  let sawOverOne = false;
  let twoValues = false;
  let extraColumns = 0;
  const probLines: number[] = [];
  for (let k = offset; k < source.count; k++) {
    if (onProgress && (k - offset) % PROGRESS_EVERY === 0) onProgress((k - offset) / (source.count - offset));
    const r = k === offset ? body0 : source.cells(k);
    const row = k - offset;
    const len = filledLength(r);
    for (let c = 0; c < len; c++) if (!used.has(c) && r[c] !== '') extraColumns = Math.max(extraColumns, c + 1);
    for (const c of [cols.a, cols.b]) {
      if (!isName(r[c], sep)) {
        const cell = r[c] ?? '';
        return {
          ok: false,
          error:
            cell.trim() === ''
              ? `${at(row)}, ${colName(c)}: the name is missing; every line needs the names of the two responses compared.`
              : `${at(row)}, ${colName(c)}: "${cell.slice(0, 30)}" is not a response's name (it reads as a number or as "no data").`,
        };
      }
    }
    const i = id(r[cols.a]);
    const j = id(r[cols.b]);
    if (names.length > MAX_RESPONSES)
      return {
        ok: false,
        error: `${at(row)}: "${names[names.length - 1].slice(0, 30)}" is response ${names.length}; the explorer handles at most ${MAX_RESPONSES}. Use fewer.`,
      };
    if (battles) {
      const cell = r[cols.winner] ?? '';
      const w = winnerOf(cell, r[cols.a].trim(), r[cols.b].trim());
      if (w === null) {
        return {
          ok: false,
          error:
            cell.trim() === ''
              ? `${at(row)}, ${colName(cols.winner)}: the winner is missing; write model_a, model_b, tie, or one of the two names.`
              : `${at(row)}, ${colName(cols.winner)}: "${cell.slice(0, 30)}" is not a winner; write model_a, model_b (or a, b, left, right), tie, or one of the two names.`,
        };
      }
      if (i === j) selfPairs++;
      else {
        wins[i * W + j] += 1 - w;
        wins[j * W + i] += w;
      }
      continue;
    }
    const values: number[] = [];
    for (const c of cols.values) {
      const cell = r[c] ?? '';
      const x = parseNumber(cell, sep);
      if (!x)
        return {
          ok: false,
          error:
            cell.trim() === ''
              ? `${at(row)}, ${colName(c)}: the value is missing.`
              : `${at(row)}, ${colName(c)}: "${cell.slice(0, 20)}" is not a number.`,
        };
      if (x.value < 0)
        return {
          ok: false,
          error: `${at(row)}, ${colName(c)}: ${fmt(x.value)} is negative; preferences and win counts cannot be.`,
        };
      sawPercent ||= x.percent;
      values.push(x.value);
    }
    if (i === j) {
      selfPairs++;
      continue;
    }
    if (values.length > 1) {
      twoValues = true;
      wins[i * W + j] += values[0];
      wins[j * W + i] += values[1];
      continue;
    }
    const v = values[0];
    sawOverOne ||= v > 1;
    // One value: wins of a over b (counts), or P(a ≻ b) (probabilities): both are kept until the
    // kind is known; a line "b, a, p" says P(a ≻ b) = 1 − p.
    wins[i * W + j] += v;
    const [lo, hi, p] = i < j ? [i, j, v] : [j, i, 1 - v];
    probSum[lo * W + hi] += p;
    probCount[lo * W + hi]++;
    if (v > 1) probLines.push(row);
  }
  onProgress?.(1);
  const n = names.length;
  if (n < MIN_RESPONSES)
    return {
      ok: false,
      error: `The list names ${n} response${n === 1 ? '' : 's'}; a preference matrix needs at least ${MIN_RESPONSES}.`,
    };

  let kind: 'probabilities' | 'counts';
  if (battles || twoValues) kind = 'counts';
  else if (mode !== 'auto') kind = mode;
  else kind = !sawPercent && sawOverOne ? 'counts' : 'probabilities';
  if (kind === 'probabilities' && (battles || twoValues)) {
    return {
      ok: false,
      error: 'Two values per pair (or a winner per line) are win counts; choose "counts" or "detect".',
    };
  }

  const notes: string[] = [];
  if (mapped) {
    const read = [cols.a, cols.b, ...(battles ? [cols.winner] : cols.values)].map((c) => `"${cols.names![c]}"`);
    notes.push(`Columns read by their headers: ${read.join(', ')}.`);
  } else if (header) notes.push('The first line was read as a header.');
  if (extraColumns > 0) {
    const ignored = Array.from({ length: extraColumns }, (_, c) => c).filter((c) => !used.has(c));
    const what = ignored.map((c) => (cols.names?.[c] ? `"${cols.names[c]}"` : String(c + 1)));
    notes.push(
      `Column${ignored.length === 1 ? '' : 's'} ${what.join(', ')} ${ignored.length === 1 ? 'was' : 'were'} ignored.`,
    );
  }
  if (selfPairs > 0)
    notes.push(
      `${selfPairs} line${selfPairs === 1 ? '' : 's'} compared a response with itself and ${selfPairs === 1 ? 'was' : 'were'} skipped.`,
    );
  const labels = names.map(cleanLabel);
  if (new Set(labels).size < n) notes.push('Some names are the same once shortened; you may want to rename them.');

  let result: { P: number[][]; missing: [number, number][] };
  let counts: number[][] | null = null;
  if (kind === 'counts') {
    if (sawPercent)
      return {
        ok: false,
        error: 'Percentages cannot be win counts; choose "probabilities" or paste the counts themselves.',
      };
    counts = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 0 : wins[i * W + j])));
    result = probabilitiesFromWins(n, (i, j) => counts![i][j]);
  } else {
    if (probLines.length > 0) {
      const e = probLines[0];
      const v = parseNumber(source.cells(e + offset)[cols.values[0]] ?? '', sep)!.value;
      return {
        ok: false,
        error: `${at(e)}, ${colName(cols.values[0])}: ${fmt(v)} is more than 1, but a probability must be between 0 and 1 (choose "counts" if these are win counts).`,
      };
    }
    // Average every estimate of P(i ≻ j), i < j.
    const P = Array.from({ length: n }, () => new Array<number>(n).fill(0.5));
    const missing: [number, number][] = [];
    let repeated = 0;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const c = probCount[i * W + j];
        if (c === 0) missing.push([i, j]);
        else {
          if (c > 1) repeated++;
          P[i][j] = Math.min(1, Math.max(0, probSum[i * W + j] / c));
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
    counts,
  };
}
