/**
 * How every typed number in the app is read: matrix cells, the heatmap's cell field, τ, η, the
 * μ/π₀ weights, n and the seed all go through parseTypedNumber, so "0,4" means 0.4 everywhere
 * (as it already did in the paste box), and a field never guesses at text it cannot read.
 *
 * Accepted: surrounding spaces, "0.4", "0,4" (one decimal comma), ".5", "1." (a trailing point),
 * "1e-3", a leading "+", and "−"/"–" typed for a minus where negatives are allowed.
 * Refused as ambiguous: a comma together with a point ("1,000.5", "1.000,5"), or more than one
 * comma ("1,000,000"): thousands separators cannot be told from a decimal comma.
 */

/** Why a text is not a number, or not an acceptable one. */
export type NumberProblem = 'empty' | 'not-a-number' | 'ambiguous' | 'negative' | 'not-whole';

export type NumberParse = { ok: true; value: number } | { ok: false; problem: NumberProblem };

export interface NumberParseOptions {
  /** Accept values below 0 (default false: "-1" is refused as 'negative'). */
  allowNegative?: boolean;
  /** Accept whole numbers only (n, the seed); a comma is then refused as ambiguous. */
  integer?: boolean;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** Reads a typed number; see the module comment for what is accepted. Never throws. */
export function parseTypedNumber(text: string, options: NumberParseOptions = {}): NumberParse {
  let t = String(text)
    .replace(/^[\s\u00a0\u202f]+|[\s\u00a0\u202f]+$/g, '')
    .replace(/^[\u2212\u2013]/, '-');
  if (t === '') return { ok: false, problem: 'empty' };
  const commas = (t.match(/,/g) ?? []).length;
  if (commas > 0) {
    // One comma and no point is a decimal comma ("0,4", "-0,1", "1,5e-3"); anything else mixes
    // grouping and decimal separators, or is a list.
    if (commas > 1 || t.includes('.') || options.integer)
      return { ok: false, problem: /^[+-]?[\d.,]+$/.test(t) ? 'ambiguous' : 'not-a-number' };
    t = t.replace(',', '.');
  }
  if (!NUMBER.test(t)) return { ok: false, problem: 'not-a-number' };
  const value = Number(t);
  if (!Number.isFinite(value)) return { ok: false, problem: 'not-a-number' };
  if (value < 0 && !options.allowNegative) return { ok: false, problem: 'negative' };
  if (options.integer && !Number.isInteger(value)) return { ok: false, problem: 'not-whole' };
  return { ok: true, value: value === 0 ? 0 : value }; // no −0
}

/**
 * Whether a text may still become a number as the person goes on typing ("", "-", "0,", "1.",
 * "1e"): such a text is neither applied nor complained about while typing; it is judged when the
 * field is committed (Enter, Tab, leaving it).
 */
export function isUnfinishedNumber(text: string): boolean {
  const t = text.trim().replace(/^[\u2212\u2013]/, '-');
  return /^[+-]?(\d*[.,]|\d+[.,]\d*e[+-]?|\d+e[+-]?|)$/i.test(t);
}

/** The part of a message that says what is wrong with `text`, e.g. `"abc" is not a number`. */
export function describeProblem(text: string, problem: NumberProblem): string {
  const shown = `"${text.trim()}"`;
  switch (problem) {
    case 'empty':
      return 'a number is needed';
    case 'ambiguous':
      return `${shown} is ambiguous: write it without thousands separators, with one decimal point or comma`;
    case 'negative':
      return `${shown} is negative`;
    case 'not-whole':
      return `${shown} is not a whole number`;
    default:
      return `${shown} is not a number`;
  }
}

/** How long typing must pause before a field applies a complete, valid number. */
export const TYPING_PAUSE_MS = 400;

/** What a field does with the text typed so far. */
export type Judgement =
  | { kind: 'wait' } // unfinished ("0,", "1."): nothing applied, no message yet
  | { kind: 'apply'; value: number } // a complete number the field accepts
  | { kind: 'refuse'; message: string } // a message naming the field; the old value stays
  | { kind: 'revert' }; // committed empty: show the current value again

/** What a numeric field accepts, and how it names itself in messages. */
export interface FieldRule {
  /** The field's name in messages: "τ", "n", "P(rock ≻ paper)". */
  name: string;
  min: number;
  max: number;
  integer?: boolean;
  /** Also accept exactly 0 below `min` (τ = 0: no regularisation). */
  allowZero?: boolean;
  /** What is wrong with an out-of-range value, after "name: ", e.g. "1.7 is not a probability in [0, 1]". */
  outOfRange?(shown: string, value: number): string;
  /** A further check; returns the problem (after "name: ") to refuse a value. */
  check?(value: number): string | null;
  /** The current value as shown, for "it stays …". */
  kept: string;
  /** Accept "70%" as 0.7. */
  percent?: boolean;
  /** Maps a parsed number to the value (e.g. rounding); default identity. */
  normalise?(value: number): number;
}

/**
 * Judges typed text against a field's rule. While typing (`final` false), unfinished text waits;
 * on commit (Enter, Tab, leaving the field) it is judged like any other. Empty text committed
 * reverts to the current value: nothing was typed, so nothing is lost.
 */
export function judgeTyped(text: string, final: boolean, rule: FieldRule): Judgement {
  if (text.trim() === '') return final ? { kind: 'revert' } : { kind: 'wait' };
  if (!final && isUnfinishedNumber(text)) return { kind: 'wait' };
  const stays = `It stays ${rule.kept}.`;
  const percent = rule.percent === true && text.trim().endsWith('%');
  const parsed = parseTypedNumber(percent ? text.trim().slice(0, -1) : text, {
    allowNegative: true,
    integer: rule.integer,
  });
  if (!parsed.ok)
    return { kind: 'refuse', message: `${rule.name}: ${describeProblem(text, parsed.problem)}. ${stays}` };
  const raw = percent ? parsed.value / 100 : parsed.value;
  const v = rule.normalise ? rule.normalise(raw) : raw;
  const inRange = (v >= rule.min && v <= rule.max) || (rule.allowZero === true && v === 0);
  if (!inRange) {
    const shown = text.trim();
    const problem =
      rule.outOfRange?.(shown, v) ??
      `${shown} is out of range; ${rule.name} must be ${rule.allowZero ? '0 or ' : ''}between ${rule.min} and ${rule.max}`;
    return { kind: 'refuse', message: `${rule.name}: ${problem}. ${stays}` };
  }
  const problem = rule.check?.(v) ?? null;
  if (problem !== null) return { kind: 'refuse', message: `${rule.name}: ${problem}. ${stays}` };
  return { kind: 'apply', value: v };
}
