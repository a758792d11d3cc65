/**
 * The editing rules of the preference matrix, kept out of the React component so they can be
 * tested in Node: every edit of P[i][j] also sets its mirror P[j][i] = 1 − P[i][j] (the matrix
 * stays a valid preference matrix after every keystroke), values are clamped to [0, 1] and
 * rounded to 3 decimals (what a person can set by hand; keeps URLs short), typed text is parsed
 * leniently but out-of-range text is refused rather than silently clamped.
 */
import { judgeTyped, parseTypedNumber, type Judgement } from './numberInput.ts';
import { MAX_LABEL_LENGTH } from './scenario.ts';

export type PreferenceRows = readonly (readonly number[])[];

/** Arrow Up/Down step; Shift (or Page Up/Down) uses the big step. */
export const CELL_STEP = 0.01;
export const CELL_BIG_STEP = 0.1;
/** One mouse-wheel notch over a focused cell. */
export const WHEEL_STEP = 0.01;
/** Wheel pixels per notch: trackpads send many small deltas, a mouse notch sends ~50–120. */
export const WHEEL_NOTCH_PX = 50;
/** Vertical drag on a cell: value change per pixel (up = more), after a dead zone so clicks stay clicks. */
export const DRAG_PER_PX = 0.005;
export const DRAG_THRESHOLD_PX = 4;
/** Longest response name, in characters. */
export const LABEL_MAX = MAX_LABEL_LENGTH;

/** Clamps to [0, 1] and rounds to 3 decimals; NaN becomes 1/2 (never let NaN into the matrix). */
export function roundProbability(x: number): number {
  if (Number.isNaN(x)) return 0.5;
  const r = Math.round(Math.min(1, Math.max(0, x)) * 1000) / 1000;
  return r === 0 ? 0 : r; // no −0
}

/**
 * A new matrix with P[i][j] = v and P[j][i] = 1 − v, where v is `value` clamped and rounded.
 * Both cells are rounded to 3 decimals so the pair sums to 1 within 1e-15 and prints cleanly.
 * The diagonal is fixed at 1/2: i = j (or an index out of range) returns an unchanged copy.
 */
export function mirrorUpdate(P: PreferenceRows, i: number, j: number, value: number): number[][] {
  const next = P.map((row) => [...row]);
  const n = P.length;
  if (i === j || !(i >= 0 && i < n && j >= 0 && j < n) || !Number.isInteger(i) || !Number.isInteger(j)) return next;
  const v = roundProbability(value);
  next[i][j] = v;
  next[j][i] = roundProbability(1 - v);
  return next;
}

export type CellParse =
  { ok: true; value: number } | { ok: false; reason: 'empty' | 'not-a-number' | 'ambiguous' | 'out-of-range' };

/**
 * Reads what a person typed into a cell: "0.7", ".7", "0,7" (decimal comma), "70%" (the shared
 * parser, numberInput.ts). Anything outside [0, 1] is refused, not clamped: typing 1.5 is a
 * mistake to point out, not to guess at.
 */
export function parseCellText(text: string): CellParse {
  let t = text.trim();
  const percent = t.endsWith('%');
  if (percent) t = t.slice(0, -1);
  const parsed = parseTypedNumber(t, { allowNegative: true });
  if (!parsed.ok)
    return {
      ok: false,
      reason: parsed.problem === 'empty' ? 'empty' : parsed.problem === 'ambiguous' ? 'ambiguous' : 'not-a-number',
    };
  const x = parsed.value / (percent ? 100 : 1);
  if (x < 0 || x > 1) return { ok: false, reason: 'out-of-range' };
  return { ok: true, value: roundProbability(x) };
}

/**
 * What typing `text` into cell (i, j) does (see judgeTyped): while typing, unfinished text waits
 * and a complete probability is applied once typing pauses; on Enter, Tab or leaving the cell it
 * is applied or refused. A refused text stays in the cell, with a message naming the cell, and
 * the cell keeps its value: a prefix ("1" of "1.7") is never applied on its own.
 */
export function judgeCellText(
  text: string,
  final: boolean,
  labels: readonly string[],
  i: number,
  j: number,
  current: number,
  n: number,
): Judgement {
  return judgeTyped(text, final, {
    name: cellName(labels, i, j),
    min: 0,
    max: 1,
    percent: true,
    normalise: (x) => Math.round(x * 1000) / 1000 || 0,
    outOfRange: (shown) => `${shown} is not a probability in [0, 1]`,
    kept: formatCell(current, n),
  });
}

/** The value after an arrow key / wheel notch: `direction` is +1 (up) or −1 (down). */
export function stepValue(value: number, direction: number, big = false): number {
  return roundProbability(value + Math.sign(direction) * (big ? CELL_BIG_STEP : CELL_STEP));
}

/**
 * The value while dragging `dy` pixels down from where the pointer went down (negative dy = up =
 * larger value), or null inside the dead zone. The dead zone is subtracted so the value does not
 * jump by 0.02 the moment the drag starts.
 */
export function dragValue(start: number, dy: number): number | null {
  if (!Number.isFinite(dy) || Math.abs(dy) < DRAG_THRESHOLD_PX) return null;
  const travel = dy - Math.sign(dy) * DRAG_THRESHOLD_PX;
  return roundProbability(start - travel * DRAG_PER_PX);
}

/**
 * How a cell prints: 2 decimals when n > 8 (narrow cells), else up to 3 (at least 2), so 0.9 shows
 * as 0.90 and 0.905 as 0.905.
 */
export function formatCell(value: number, n: number): string {
  if (!Number.isFinite(value)) return '';
  if (n > 8) return value.toFixed(2);
  const s = value.toFixed(3);
  return s.endsWith('0') ? s.slice(0, -1) : s;
}

/** "P(rock ≻ paper)": how a cell is named to screen readers and in messages. */
export function cellName(labels: readonly string[], i: number, j: number): string {
  return `P(${labels[i] ?? `y${i + 1}`} ≻ ${labels[j] ?? `y${j + 1}`})`;
}

export function cellRangeMessage(labels: readonly string[], i: number, j: number): string {
  return `${cellName(labels, i, j)} must be between 0 and 1`;
}

/** A usable response name (trimmed, at most LABEL_MAX characters), or null if empty. */
export function normalizeLabel(text: string): string | null {
  const t = text.trim().slice(0, LABEL_MAX).trim();
  return t === '' ? null : t;
}

/** Labels with entry k renamed, or null if the new name is empty (the old one is kept). */
export function renameLabel(labels: readonly string[], k: number, text: string): string[] | null {
  const name = normalizeLabel(text);
  if (name === null || k < 0 || k >= labels.length) return null;
  const next = [...labels];
  next[k] = name;
  return next;
}

/** How much a new response trails the response it copies (see withNewResponse). */
export const NEW_RESPONSE_GAP = 0.02;

/**
 * P with one more response y_new, a slightly weaker copy of the last response y_l (what "Add
 * response" creates): for every old response j,
 *   P(y_new ≻ y_j) = max(0, P(y_l ≻ y_j) − δ)  (3 decimals),   P(y_new ≻ y_l) = 1/2 − δ,
 * mirrored, P(y_j ≻ y_new) = 1 − P(y_new ≻ y_j), with δ = NEW_RESPONSE_GAP. The old entries are
 * unchanged. Why not a row of ½: a response tied with everything is itself a Nash equilibrium,
 * so the Nash of P stops being unique and the LP may answer with that new vertex. The weaker copy
 * loses to every Nash π of the old P, P(y_new ≻ π) < 1/2 (it is at most (Pπ)_l ≤ 1/2, minus δπ_l,
 * or minus something on π's support unless y_l loses to all of it, when (Pπ)_l = 0), so the
 * Nash equilibria of the new P are exactly the old ones with weight 0 on y_new: the Nash does
 * not move and stays unique if it was.
 */
export function withNewResponse(P: PreferenceRows): number[][] {
  const n = P.length;
  const last = n - 1;
  const row = P[last].map((v, j) =>
    j === last ? 0.5 - NEW_RESPONSE_GAP : roundProbability(Math.max(0, v - NEW_RESPONSE_GAP)),
  );
  row.push(0.5);
  return [...P.map((r, j) => [...r, roundProbability(1 - row[j])]), row];
}
