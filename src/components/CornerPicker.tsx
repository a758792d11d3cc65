/**
 * For n > 3: which responses are summed into each corner of the simplex (or left out). Up to
 * GRID_MAX_RESPONSES responses, one select per response; beyond, one text field per corner
 * (numbers, ranges, names or "rest") and quick choices by Nash probability or reward, since 500
 * selects would not scale.
 */
import { useId, useState } from 'react';

import { GRID_MAX_RESPONSES, defaultCorners } from '../state/scenario.ts';
import { orderByScore } from '../viz/matrixOrder.ts';
import type { Corners } from '../viz/types.ts';
import { InfoTip } from './InfoTip.tsx';
import './HeatmapEditor.css';
import { useAppStore, useRunStore } from '../explorer/context.tsx';

const NAMES = ['A', 'B', 'C'] as const;

const CORNERS_HELP =
  'A triangle has three corners, so with more than three responses each corner stands for a group: a policy is drawn where the corners’ weights are the summed probabilities of their groups (responses in no group are ignored and the weights renormalised).';

export function CornerPicker() {
  const labels = useAppStore((s) => s.scenario.labels);
  if (labels.length <= 3) return null;
  return labels.length > GRID_MAX_RESPONSES ? <CornerFields /> : <CornerSelects />;
}

function CornerSelects() {
  const id = useId();
  const labels = useAppStore((s) => s.scenario.labels);
  const corners = useAppStore((s) => s.scenario.corners);
  const setCorners = useAppStore((s) => s.setCorners);
  const cornerOf = (i: number) => corners.findIndex((g) => g.includes(i));

  const assign = (i: number, k: number) => {
    const groups = corners.map((g) => g.filter((x) => x !== i));
    if (k >= 0) groups[k] = [...groups[k], i].sort((a, b) => a - b);
    if (groups.some((g) => g.length === 0)) return; // every corner needs at least one response
    setCorners([groups[0], groups[1], groups[2]] as Corners);
  };

  return (
    <fieldset className="corner-picker" aria-labelledby={`${id}-legend`}>
      <legend>
        <span id={`${id}-legend`}>Simplex corners (n &gt; 3: responses summed into each corner)</span>
        <InfoTip about="Simplex corners">{CORNERS_HELP}</InfoTip>
      </legend>
      <div className="corner-grid">
        {labels.map((label, i) => (
          <label key={i} htmlFor={`${id}-${i}`}>
            <span>{label}</span>
            <select
              id={`${id}-${i}`}
              aria-label={`Corner for ${label}`}
              value={cornerOf(i)}
              onChange={(e) => assign(i, Number(e.target.value))}
            >
              {NAMES.map((name, k) => (
                <option key={name} value={k}>
                  corner {name}
                </option>
              ))}
              <option value={-1}>not shown</option>
            </select>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** A group as 1-based numbers with ranges: [0, 1, 2, 5] → "1-3, 6". */
function describeGroup(group: readonly number[]): string {
  const sorted = [...group].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let k = 0; k < sorted.length;) {
    let end = k;
    while (end + 1 < sorted.length && sorted[end + 1] === sorted[end] + 1) end++;
    parts.push(end > k ? `${sorted[k] + 1}-${sorted[end] + 1}` : String(sorted[k] + 1));
    k = end + 1;
  }
  return parts.join(', ');
}

type GroupParse = { ok: true; group: number[] | 'rest' } | { ok: false; message: string };

/** One corner's text: numbers (1-based), ranges "3-10", response names, or "rest". */
function parseGroup(text: string, labels: readonly string[], field: string): GroupParse {
  const tokens = text
    .split(/[,;\n]+/)
    .map((t) => t.trim())
    .filter((t) => t !== '');
  if (tokens.length === 0)
    return { ok: false, message: `${field} is empty; every corner needs at least one response.` };
  if (tokens.length === 1 && tokens[0].toLowerCase() === 'rest') return { ok: true, group: 'rest' };
  const n = labels.length;
  const out = new Set<number>();
  for (const token of tokens) {
    // A response's own name wins over reading it as a number ("2" may be someone's label).
    const named = labels.indexOf(token);
    const range = /^(\d+)\s*[-–]\s*(\d+)$/.exec(token);
    if (named >= 0) out.add(named);
    else if (/^\d+$/.test(token) && Number(token) >= 1 && Number(token) <= n) out.add(Number(token) - 1);
    else if (range && Number(range[1]) >= 1 && Number(range[2]) <= n && Number(range[1]) <= Number(range[2])) {
      for (let k = Number(range[1]); k <= Number(range[2]); k++) out.add(k - 1);
    } else
      return {
        ok: false,
        message: `${field}: "${token}" is not a response number (1–${n}), a range like 3-10, a response name or "rest".`,
      };
  }
  return { ok: true, group: [...out].sort((a, b) => a - b) };
}

/** The three fields' texts as corners, or a message naming the field at fault. */
function parseCorners(
  texts: readonly string[],
  labels: readonly string[],
): { ok: true; corners: Corners } | { ok: false; message: string } {
  const groups: (number[] | 'rest')[] = [];
  for (let k = 0; k < 3; k++) {
    const parsed = parseGroup(texts[k], labels, `Corner ${NAMES[k]}`);
    if (!parsed.ok) return parsed;
    groups.push(parsed.group);
  }
  if (groups.filter((g) => g === 'rest').length > 1) return { ok: false, message: 'Only one corner can be "rest".' };
  const owner = new Map<number, number>();
  for (let k = 0; k < 3; k++) {
    const g = groups[k];
    if (g === 'rest') continue;
    for (const i of g) {
      const other = owner.get(i);
      if (other !== undefined)
        return {
          ok: false,
          message: `${labels[i]} is in corner ${NAMES[other]} and corner ${NAMES[k]}; each response can be in one corner only.`,
        };
      owner.set(i, k);
    }
  }
  const rest = labels.map((_, i) => i).filter((i) => !owner.has(i));
  const full = groups.map((g) => (g === 'rest' ? rest : g));
  const empty = full.findIndex((g) => g.length === 0);
  if (empty >= 0) return { ok: false, message: `Corner ${NAMES[empty]} is empty: no response is left for "rest".` };
  return { ok: true, corners: [full[0], full[1], full[2]] };
}

function CornerFields() {
  const id = useId();
  const labels = useAppStore((s) => s.scenario.labels);
  const corners = useAppStore((s) => s.scenario.corners);
  const setCorners = useAppStore((s) => s.setCorners);
  const n = labels.length;
  const equilibria = useRunStore((s) => (s.n === n ? s.equilibria : null));
  const [drafts, setDrafts] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const texts = drafts ?? corners.map(describeGroup);

  const choose = (next: Corners) => {
    setDrafts(null);
    setError(null);
    setCorners(next);
  };
  const apply = () => {
    const parsed = parseCorners(texts, labels);
    if (!parsed.ok) return setError(`${parsed.message} The corners are kept.`);
    choose(parsed.corners);
  };
  /** The two best responses by `scores` in corners A and B, everything else in C. */
  const topTwo = (scores: ArrayLike<number>) => {
    const [a, b, ...rest] = orderByScore(scores, n);
    choose([[a], [b], rest.sort((x, y) => x - y)]);
  };

  return (
    <fieldset className="corner-picker corner-fields" aria-labelledby={`${id}-legend`}>
      <legend>
        <span id={`${id}-legend`}>Simplex corners (responses summed into each corner)</span>
        <InfoTip about="Simplex corners">{CORNERS_HELP}</InfoTip>
      </legend>
      <div className="corner-fields__quick" role="group" aria-label="Quick choices">
        <button type="button" disabled={!equilibria} onClick={() => equilibria && topTwo(equilibria.nash)}>
          Top 2 by Nash, rest
        </button>
        <button type="button" disabled={!equilibria} onClick={() => equilibria && topTwo(equilibria.rewards)}>
          Top 2 by reward, rest
        </button>
        <button type="button" onClick={() => choose(defaultCorners(n))}>
          {labels[0]}, {labels[1]}, rest
        </button>
      </div>
      {NAMES.map((name, k) => (
        <label key={name} className="corner-fields__row">
          <span>Corner {name}</span>
          <input
            type="text"
            spellCheck={false}
            value={texts[k]}
            aria-invalid={error ? true : undefined}
            aria-describedby={`${id}-help${error ? ` ${id}-err` : ''}`}
            onChange={(e) => setDrafts(texts.map((t, m) => (m === k ? e.target.value : t)))}
            onKeyDown={(e) => {
              if (e.key === 'Enter') apply();
            }}
          />
          <span className="corner-fields__count">{drafts ? '' : `${corners[k].length} resp.`}</span>
        </label>
      ))}
      <div className="corner-fields__actions">
        <button type="button" disabled={drafts === null} onClick={apply}>
          Apply corners
        </button>
        {drafts && (
          <button type="button" onClick={() => (setDrafts(null), setError(null))}>
            Discard changes
          </button>
        )}
      </div>
      <p className="field-note" id={`${id}-help`}>
        Response numbers (1–{n}), ranges like 3-10 or names, comma separated; &quot;rest&quot; takes every response not
        in another corner. Responses in no corner are not shown.
      </p>
      {error && (
        <p className="field-error" id={`${id}-err`} role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
