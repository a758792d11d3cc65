/**
 * Custom policy features (features=custom): φ as an n × d table of native labelled number fields
 * ("φ(rock) component 2"), columns added or removed (1 ≤ d ≤ min(n, 12)), and a paste box taking
 * rows of numbers (state/phiPaste.ts). Part of PgControls' lazy chunk. A refused cell or paste is
 * named (the cell, or the row and column) and keeps its text; the current φ stays.
 */
import { useId, useState } from 'react';
import { MAX_PHI_COLUMNS, parsePhi } from '../state/phiPaste.ts';

export function PhiTable({
  phi,
  labels,
  onApply,
}: {
  /** The table in use (n rows of d numbers). */
  phi: number[][];
  labels: readonly string[];
  onApply(phi: number[][]): void;
}) {
  const id = useId();
  const n = phi.length;
  const d = phi[0]?.length ?? 0;
  const max = Math.min(n, MAX_PHI_COLUMNS);
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [cellError, setCellError] = useState<string | null>(null);
  const [paste, setPaste] = useState('');
  const [pasteError, setPasteError] = useState<string | null>(null);
  const name = (y: number) => labels[y] ?? `y${y + 1}`;
  /** Drops a cell's draft (its field shows the value in use again). */
  const forget = (key: string) =>
    setDrafts((all) => Object.fromEntries(Object.entries(all).filter(([k]) => k !== key)));
  const commit = (y: number, k: number) => {
    const key = `${y},${k}`;
    const text = drafts[key];
    if (text === undefined) return;
    const v = Number(text.trim().replace(',', '.'));
    if (text.trim() === '' || !Number.isFinite(v)) {
      setCellError(`φ(${name(y)}) component ${k + 1}: “${text}” is not a number; it stays ${phi[y][k]}.`);
      return;
    }
    setCellError(null);
    forget(key);
    onApply(phi.map((row, r) => (r === y ? row.map((x, c) => (c === k ? v : x)) : row)));
  };
  const columns = (count: number) => onApply(phi.map((row) => Array.from({ length: count }, (_, k) => row[k] ?? 0)));
  const applyPaste = () => {
    const r = parsePhi(paste, n);
    if ('error' in r) return setPasteError(r.error);
    setPasteError(null);
    setDrafts({});
    onApply(r.phi);
  };
  return (
    <div className="phi-editor" data-testid="phi-editor">
      <table className="phi-table">
        <caption>
          Features φ(y): {n} × {d}
        </caption>
        <thead>
          <tr>
            <th scope="col">y</th>
            {Array.from({ length: d }, (_, k) => (
              <th scope="col" key={k}>
                {k + 1}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {phi.map((row, y) => (
            <tr key={y}>
              <th scope="row">{name(y)}</th>
              {row.map((x, k) => {
                const key = `${y},${k}`;
                return (
                  <td key={k}>
                    <input
                      type="text"
                      inputMode="decimal"
                      className="num"
                      aria-label={`φ(${name(y)}) component ${k + 1}`}
                      value={drafts[key] ?? String(x)}
                      onChange={(e) => setDrafts({ ...drafts, [key]: e.target.value })}
                      onBlur={() => commit(y, k)}
                      onKeyDown={(e) => {
                        if (e.key === 'Enter') commit(y, k);
                        else if (e.key === 'Escape') {
                          forget(key);
                          setCellError(null);
                        }
                      }}
                    />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {cellError && (
        <p className="field-error" role="alert">
          {cellError}
        </p>
      )}
      <div className="phi-buttons">
        <button type="button" disabled={d >= max} onClick={() => columns(d + 1)}>
          Add a column
        </button>
        <button type="button" disabled={d <= 1} onClick={() => columns(d - 1)}>
          Remove the last column
        </button>
      </div>
      <label htmlFor={`${id}-paste`}>Paste φ: one row per response, numbers separated by tabs, commas or spaces</label>
      <textarea id={`${id}-paste`} rows={3} value={paste} onChange={(e) => setPaste(e.target.value)} />
      <button type="button" onClick={applyPaste}>
        Apply pasted φ
      </button>
      {pasteError && (
        <p className="field-error" role="alert">
          {pasteError} Nothing was changed.
        </p>
      )}
    </div>
  );
}
