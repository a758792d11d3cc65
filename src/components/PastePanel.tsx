/**
 * Paste a matrix from a spreadsheet (probabilities or win counts, with or without names) or a list
 * of pairs or battles. A paste that cannot be read is refused with a message naming the row and
 * column (or line); the current matrix is kept. A paste that is read is summarised: its size and
 * kind, and every pair that had no data (set to ½), listed.
 */
import { useId, useState } from 'react';
// The parsers load on the first paste: most visits never paste.
import type { PasteMode, PasteSuccess } from '../state/pasteParser.ts';

/** At most this many missing pairs are listed on the page (the count is always given). */
const LIST_LIMIT = 500;

function summary(r: PasteSuccess): string {
  const n = r.preferences.length;
  const what = r.kind === 'counts' ? 'win counts' : 'probabilities';
  const read =
    r.format === 'matrix'
      ? `a ${n}×${n} matrix of ${what}`
      : r.format === 'pairs'
        ? `a list of pairs (${what}) naming ${n} responses`
        : `a log of battles between ${n} responses`;
  return `Read ${read}.${r.notes.length ? ' ' + r.notes.join(' ') : ''}`;
}

interface PastePanelProps {
  onApply(preferences: number[][], labels: string[] | null, counts: number[][] | null): void;
  disabled?: boolean;
}

export function PastePanel({ onApply, disabled }: PastePanelProps) {
  const id = useId();
  const [text, setText] = useState('');
  const [mode, setMode] = useState<PasteMode>('auto');
  const [message, setMessage] = useState<{ kind: 'error' | 'ok'; text: string; missing?: string[] } | null>(null);

  const apply = async () => {
    const { parsePastedMatrix } = await import('../state/pasteParser.ts');
    const r = parsePastedMatrix(text, mode);
    if (!r.ok) {
      setMessage({ kind: 'error', text: r.error });
      return;
    }
    onApply(r.preferences, r.labels, r.counts);
    const name = (k: number) => r.labels?.[k] ?? `y${k + 1}`;
    setMessage({ kind: 'ok', text: summary(r), missing: r.missing.map(([i, j]) => `${name(i)} – ${name(j)}`) });
  };

  return (
    <details className="paste-panel">
      <summary>Paste from a spreadsheet</summary>
      <label htmlFor={`${id}-text`}>
        Matrix (tab- or comma-separated; a header row and a name column are optional) or list of pairs
      </label>
      <p className="field-note" id={`${id}-hint`}>
        A list has one line per pair, <code>a, b, p</code> (the probability that a beats b) or{' '}
        <code>a, b, wins of a, wins of b</code>, or one line per battle, <code>a, b, winner</code>.
      </p>
      <textarea
        id={`${id}-text`}
        aria-describedby={`${id}-hint`}
        rows={4}
        value={text}
        onChange={(e) => setText(e.target.value)}
        disabled={disabled}
        spellCheck={false}
      />
      <div className="paste-row">
        <label htmlFor={`${id}-mode`}>Read as</label>
        <select
          id={`${id}-mode`}
          value={mode}
          onChange={(e) => setMode(e.target.value as PasteMode)}
          disabled={disabled}
        >
          <option value="auto">detect</option>
          <option value="probabilities">probabilities P(row ≻ column)</option>
          <option value="counts">win counts (row beat column)</option>
        </select>
        <button type="button" onClick={() => void apply()} disabled={disabled || text.trim() === ''}>
          Use pasted matrix
        </button>
      </div>
      {message && (
        <p
          className={message.kind === 'error' ? 'field-error' : 'field-note'}
          role={message.kind === 'error' ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      )}
      {message?.missing && message.missing.length > 0 && (
        <details className="paste-missing">
          <summary>Pairs set to ½ ({message.missing.length.toLocaleString('en')})</summary>
          <ul>
            {message.missing.slice(0, LIST_LIMIT).map((pair, k) => (
              <li key={k}>{pair}</li>
            ))}
          </ul>
          {message.missing.length > LIST_LIMIT && (
            <p className="field-note">…and {(message.missing.length - LIST_LIMIT).toLocaleString('en')} more.</p>
          )}
        </details>
      )}
    </details>
  );
}
