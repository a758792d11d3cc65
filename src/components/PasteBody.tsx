/**
 * The paste panel's contents (loaded when the panel is first opened or a file is dropped on it):
 * a text field for a matrix, a list of pairs or a battle log, and a file picker (CSV, TSV, JSON
 * array of battles, JSON lines). Files, and pasted text of more than a megabyte, are read in a
 * worker of their own (workers/parse.worker.ts) with a progress bar, so a million battles never
 * freeze the page. A refusal names the line, the column and the problem; nothing already loaded
 * changes. A success is summarised: its size and kind, its notes, and the pairs with no data.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { PasteMode, PasteResult, PasteSuccess } from '../state/pasteParser.ts';
import { useExplorer } from '../explorer/context.tsx';

/** At most this many missing pairs are listed on the page (the count is always given). */
const LIST_LIMIT = 500;
/** Pasted text longer than this is read in the worker too. */
const WORKER_TEXT_CHARS = 1_000_000;
/** Larger files are refused before reading (about five million battles). */
export const MAX_DATA_FILE_BYTES = 250_000_000;

function summary(r: PasteSuccess, source: string | null): string {
  const n = r.preferences.length;
  const what = r.kind === 'counts' ? 'win counts' : 'probabilities';
  const read =
    r.format === 'matrix'
      ? `a ${n}×${n} matrix of ${what}`
      : r.format === 'pairs'
        ? `a list of pairs (${what}) naming ${n} responses`
        : `a log of ${battleCount(r)} battles between ${n} responses`;
  const kept = r.counts ? ' The battle counts are kept.' : '';
  return `Read ${read}${source ? ` from ${source}` : ''}.${kept}${r.notes.length ? ' ' + r.notes.join(' ') : ''}`;
}

function battleCount(r: PasteSuccess): string {
  let total = 0;
  for (const row of r.counts ?? []) for (const x of row) total += x;
  return total.toLocaleString('en', { maximumFractionDigits: 1 });
}

interface PasteBodyProps {
  onApply(preferences: number[][], labels: string[] | null, counts: number[][] | null): void;
  disabled?: boolean;
  /** A file dropped on the panel (a new object per drop). */
  dropped: { file: File } | null;
}

type Message = { kind: 'error' | 'ok'; text: string; missing?: string[] };

export function PasteBody({ onApply, disabled, dropped }: PasteBodyProps) {
  const id = useId();
  const [text, setText] = useState('');
  const [mode, setMode] = useState<PasteMode>('auto');
  const [message, setMessage] = useState<Message | null>(null);
  const [busy, setBusy] = useState<{ what: string; fraction: number } | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const { parseData: parseInWorker } = useExplorer();

  const finish = (r: PasteResult, source: string | null) => {
    if (!r.ok) {
      // Nothing changes: the matrix, the text field and the counts stay as they were.
      setMessage({
        kind: 'error',
        text: `${source ? `${source}: ` : ''}${r.error} Nothing was changed.`,
      });
      return;
    }
    onApply(r.preferences, r.labels, r.counts);
    const name = (k: number) => r.labels?.[k] ?? `y${k + 1}`;
    setMessage({ kind: 'ok', text: summary(r, source), missing: r.missing.map(([i, j]) => `${name(i)} – ${name(j)}`) });
  };

  const apply = async () => {
    if (text.length > WORKER_TEXT_CHARS) {
      setBusy({ what: 'Reading the pasted text', fraction: 0 });
      const r = await parseInWorker(text, mode, (_, fraction) =>
        setBusy({ what: 'Reading the pasted text', fraction }),
      );
      setBusy(null);
      finish(r, null);
      return;
    }
    const { parsePastedMatrix } = await import('../state/pasteParser.ts');
    finish(parsePastedMatrix(text, mode), null);
  };

  const load = async (file: File) => {
    if (file.size > MAX_DATA_FILE_BYTES) {
      setMessage({
        kind: 'error',
        text: `${file.name}: the file is ${(file.size / 1e6).toFixed(0)} MB; at most ${MAX_DATA_FILE_BYTES / 1e6} MB can be read. Nothing was changed.`,
      });
      return;
    }
    const what = `Reading ${file.name}`;
    setMessage(null);
    setBusy({ what, fraction: 0 });
    try {
      const r = await parseInWorker(file, mode, (stage, fraction) =>
        setBusy({ what: stage === 'reading' ? `Loading ${file.name}` : what, fraction }),
      );
      finish(r, file.name);
    } catch (e) {
      finish({ ok: false, error: `could not be read (${e instanceof Error ? e.message : String(e)}).` }, file.name);
    } finally {
      setBusy(null);
    }
  };

  // A file dropped on the panel (PastePanel) is read like a picked one.
  useEffect(() => {
    if (dropped) void load(dropped.file);
    // Only a new drop reads a file; `load` is recreated every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [dropped]);

  return (
    <>
      <label htmlFor={`${id}-text`}>
        Matrix (tab- or comma-separated; a header row and a name column are optional) or list of pairs
      </label>
      <p className="field-note" id={`${id}-hint`}>
        A list has one line per pair, <code>a, b, p</code> (the probability that a beats b) or{' '}
        <code>a, b, wins of a, wins of b</code>, or one line per battle, <code>a, b, winner</code>; columns such as{' '}
        <code>model_a, model_b, winner</code> are found by their header and other columns are ignored.
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
        <button type="button" onClick={() => void apply()} disabled={disabled || busy !== null || text.trim() === ''}>
          Use pasted matrix
        </button>
      </div>
      <div className="paste-row">
        <label htmlFor={`${id}-file`}>Or load a file</label>
        <input
          ref={fileRef}
          id={`${id}-file`}
          type="file"
          accept=".csv,.tsv,.txt,.json,.jsonl,.ndjson,text/csv,text/tab-separated-values,application/json,text/plain"
          aria-describedby={`${id}-file-hint`}
          disabled={disabled || busy !== null}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = ''; // the same file can be picked again
            if (file) void load(file);
          }}
        />
      </div>
      <p className="field-note" id={`${id}-file-hint`}>
        CSV, TSV, a JSON array of battles or JSON lines (up to millions of battles), or drop a file on this panel.
      </p>
      {busy && (
        <p className="paste-progress" role="status">
          <label>
            {busy.what}… {Math.round(busy.fraction * 100)}%{' '}
            <progress max={1} value={busy.fraction} aria-label={busy.what} />
          </label>
        </p>
      )}
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
    </>
  );
}
