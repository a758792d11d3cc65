/**
 * Paste a matrix from a spreadsheet: probabilities or win counts, with or without names. A paste
 * that cannot be read is refused with a message naming the row and column; the current matrix
 * is kept.
 */
import { useId, useState } from 'react';
import { parsePastedMatrix, type PasteMode } from '../state/pasteParser.ts';

interface PastePanelProps {
  onApply(preferences: number[][], labels: string[] | null): void;
  disabled?: boolean;
}

export function PastePanel({ onApply, disabled }: PastePanelProps) {
  const id = useId();
  const [text, setText] = useState('');
  const [mode, setMode] = useState<PasteMode>('auto');
  const [message, setMessage] = useState<{ kind: 'error' | 'ok'; text: string } | null>(null);

  const apply = () => {
    const r = parsePastedMatrix(text, mode);
    if (!r.ok) {
      setMessage({ kind: 'error', text: r.error });
      return;
    }
    onApply(r.preferences, r.labels);
    const n = r.preferences.length;
    setMessage({ kind: 'ok', text: `Read a ${n}×${n} matrix of ${r.kind === 'counts' ? 'win counts' : 'probabilities'}.${r.notes.length ? ' ' + r.notes.join(' ') : ''}` });
  };

  return (
    <details className="paste-panel">
      <summary>Paste from a spreadsheet</summary>
      <label htmlFor={`${id}-text`}>Matrix (tab- or comma-separated; a header row and a name column are optional)</label>
      <textarea id={`${id}-text`} rows={4} value={text} onChange={(e) => setText(e.target.value)} disabled={disabled} spellCheck={false} />
      <div className="paste-row">
        <label htmlFor={`${id}-mode`}>Read as</label>
        <select id={`${id}-mode`} value={mode} onChange={(e) => setMode(e.target.value as PasteMode)} disabled={disabled}>
          <option value="auto">detect</option>
          <option value="probabilities">probabilities P(row ≻ column)</option>
          <option value="counts">win counts (row beat column)</option>
        </select>
        <button type="button" onClick={apply} disabled={disabled || text.trim() === ''}>
          Use pasted matrix
        </button>
      </div>
      {message && (
        <p className={message.kind === 'error' ? 'field-error' : 'field-note'} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </details>
  );
}
