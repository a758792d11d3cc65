/**
 * Battle logs as JSON: an array of battle objects (`[{"model_a": …, "model_b": …, "winner": …}, …]`)
 * or JSON lines (one such object per line), as arena exports come. The objects become the rows of
 * a pair list whose header is their keys (pastePairs.ts maps the columns by name), so JSON and CSV
 * logs are read, and refused, by the same rules; messages name the item (or line) and the field.
 */
import type { PairSource } from './pastePairs.ts';

export type JsonRows = { ok: true; source: PairSource } | { ok: false; error: string };

/** Whether the text looks like JSON (an array, or an object per line) rather than a table. */
export function looksLikeJson(text: string): boolean {
  const t = text.trimStart().replace(/^\uFEFF/, '');
  return t.startsWith('[') || t.startsWith('{');
}

const cellOf = (x: unknown): string =>
  x === null || x === undefined ? '' : typeof x === 'object' ? JSON.stringify(x) : String(x);

/** The objects of a JSON array or of JSON lines, as a pair-list source keyed by their fields. */
export function jsonSource(text: string): JsonRows {
  const t = text.replace(/^\uFEFF/, '').trim();
  let items: unknown[];
  let lineOf: (k: number) => string;
  if (t.startsWith('[')) {
    try {
      const data: unknown = JSON.parse(t);
      if (!Array.isArray(data)) return { ok: false, error: 'The JSON is not an array of battles.' };
      items = data;
    } catch (e) {
      return { ok: false, error: `The JSON could not be read: ${e instanceof Error ? e.message : 'parse error'}.` };
    }
    lineOf = (k) => `Item ${k + 1}`;
  } else {
    const lines = t.split(/\r\n|\r|\n/);
    const numbers: number[] = [];
    items = [];
    for (let k = 0; k < lines.length; k++) {
      if (lines[k].trim() === '') continue;
      try {
        items.push(JSON.parse(lines[k]));
        numbers.push(k + 1);
      } catch (e) {
        return {
          ok: false,
          error: `Line ${k + 1}: not a JSON object (${e instanceof Error ? e.message : 'parse error'}); JSON lines hold one battle object per line.`,
        };
      }
    }
    lineOf = (k) => `Line ${numbers[k]}`;
  }
  if (items.length === 0) return { ok: false, error: 'The JSON holds no battles.' };
  const bad = items.findIndex((x) => typeof x !== 'object' || x === null || Array.isArray(x));
  if (bad >= 0)
    return {
      ok: false,
      error: `${lineOf(bad)}: a battle must be an object such as {"model_a": "x", "model_b": "y", "winner": "model_a"}.`,
    };
  // The keys of the first object are the columns (later objects may leave some out).
  const keys = Object.keys(items[0] as object);
  return {
    ok: true,
    source: {
      count: items.length + 1,
      cells: (k) => (k === 0 ? keys : keys.map((key) => cellOf((items[k - 1] as Record<string, unknown>)[key]))),
      where: (k) => lineOf(k - 1),
      column: (c) => `field "${keys[c]}"`,
    },
  };
}
