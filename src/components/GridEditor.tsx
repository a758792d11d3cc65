/**
 * The preference matrix as an editable heatmap table, up to GRID_MAX_RESPONSES responses (see
 * PreferenceEditor.tsx): every cell is a number field, coloured by its value.
 *
 * Ways to change a cell: type; Arrow Up/Down (±0.01, Shift ±0.1) or Page Up/Down (±0.1); the mouse
 * wheel over a focused cell (±0.01); drag vertically with a mouse or pen (0.005 per px, after a
 * 4 px dead zone so a click still just focuses the cell for typing). Touch drags scroll the page.
 */
import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { cellName, cellRangeMessage, dragValue, formatCell, mirrorUpdate, parseCellText, stepValue, WHEEL_NOTCH_PX } from '../state/matrixEdit.ts';
import { GridCell, type CellHandlers } from './GridCell.tsx';
import type { PreferenceEditorProps } from './PreferenceEditor.tsx';
import { EditorMessage, emptyNameMessage, responseName, useNameDraft } from './responseNames.tsx';

/** The focused cell, and the text typed into it (null: it shows its committed value). */
interface CellDraft {
  i: number;
  j: number;
  text: string | null;
  invalid: boolean;
}

const noop = () => {};
const NO_HANDLERS: CellHandlers = { focus: noop, blur: noop, input: noop, keyDown: noop, pointerDown: noop, pointerMove: noop, endDrag: noop };

interface DragState {
  i: number;
  j: number;
  pointerId: number;
  startY: number;
  start: number;
  active: boolean;
}

export function GridEditor({ preferences, labels, onChange, onLabelsChange, onAddResponse, onRemoveResponse, minN, maxN, readOnly }: Required<PreferenceEditorProps>) {
  const n = preferences.length;
  // Unique per instance: aria-describedby must point at this editor's message, not another's.
  const MESSAGE_ID = useId();
  const [draft, setDraft] = useState<CellDraft | null>(null);
  const { emptyName, nameFieldProps } = useNameDraft(labels, n, onLabelsChange);
  const [dragging, setDragging] = useState<{ i: number; j: number } | null>(null);
  const drag = useRef<DragState | null>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const name = (k: number) => responseName(labels, k);
  const liveDraft = draft && draft.i < n && draft.j < n ? draft : null;

  /** Commits a value for P[i][j] (and its mirror), and shows it in the cell if it is focused. */
  const commit = (i: number, j: number, value: number) => {
    const next = mirrorUpdate(preferences, i, j, value);
    if (next[i][j] !== preferences[i][j]) onChange(next);
    // Typed text gives way to the committed value; a cell already showing its value needs no
    // render here (the new value comes with the new matrix, drawn with its result).
    setDraft((d) => (d && d.i === i && d.j === j && d.text !== null ? { i, j, text: null, invalid: false } : d));
  };

  // The wheel must be a native non-passive listener: React's onWheel is passive and cannot stop
  // the page from scrolling. The handler reads the latest props through a ref.
  const wheelRef = useRef<(e: WheelEvent) => void>(() => {});
  const wheelAccum = useRef(0);
  useEffect(() => {
    wheelRef.current = (e: WheelEvent) => {
      const input = e.target instanceof HTMLInputElement ? e.target : null;
      if (readOnly || !input || input !== document.activeElement || input.dataset.i === undefined) return;
      e.preventDefault();
      const i = Number(input.dataset.i);
      const j = Number(input.dataset.j);
      const px = (e.deltaY || e.deltaX) * (e.deltaMode === 1 ? 33 : e.deltaMode === 2 ? 400 : 1);
      // A mouse notch (≥ 50 px) is one step; trackpad deltas accumulate to a notch.
      wheelAccum.current = Math.abs(px) >= WHEEL_NOTCH_PX ? px : wheelAccum.current + px;
      if (Math.abs(wheelAccum.current) < WHEEL_NOTCH_PX) return;
      const direction = wheelAccum.current < 0 ? +1 : -1; // wheel up = larger
      wheelAccum.current = 0;
      commit(i, j, stepValue(preferences[i][j], direction));
    };
  });
  useEffect(() => {
    const table = tableRef.current;
    if (!table) return;
    const listener = (e: WheelEvent) => wheelRef.current(e);
    table.addEventListener('wheel', listener, { passive: false });
    return () => table.removeEventListener('wheel', listener);
  }, []);

  const onCellInput = (i: number, j: number, text: string) => {
    const parsed = parseCellText(text);
    setDraft({ i, j, text, invalid: !parsed.ok });
    if (parsed.ok && parsed.value !== preferences[i][j]) onChange(mirrorUpdate(preferences, i, j, parsed.value));
  };

  const onCellKeyDown = (e: KeyboardEvent<HTMLInputElement>, i: number, j: number) => {
    if (readOnly) return;
    const keys: Record<string, [number, boolean]> = { ArrowUp: [1, e.shiftKey], ArrowDown: [-1, e.shiftKey], PageUp: [1, true], PageDown: [-1, true] };
    const step = keys[e.key];
    if (step) {
      e.preventDefault();
      commit(i, j, stepValue(preferences[i][j], step[0], step[1]));
    } else if (e.key === 'Escape' || e.key === 'Enter') {
      // Show the committed value (drops invalid text) without leaving the cell.
      setDraft({ i, j, text: null, invalid: false });
    }
  };

  const onCellPointerDown = (e: PointerEvent<HTMLInputElement>, i: number, j: number) => {
    if (readOnly || e.button !== 0 || e.pointerType === 'touch') return;
    drag.current = { i, j, pointerId: e.pointerId, startY: e.clientY, start: preferences[i][j], active: false };
    e.currentTarget.setPointerCapture(e.pointerId);
  };

  const onCellPointerMove = (e: PointerEvent<HTMLInputElement>) => {
    const d = drag.current;
    if (!d || d.pointerId !== e.pointerId) return;
    const value = dragValue(d.start, e.clientY - d.startY);
    if (value === null) return;
    if (!d.active) {
      d.active = true;
      setDragging({ i: d.i, j: d.j });
      e.currentTarget.focus();
    }
    e.preventDefault(); // no text selection while dragging
    commit(d.i, d.j, value);
  };

  const endDrag = (e: PointerEvent<HTMLInputElement>) => {
    if (!drag.current || drag.current.pointerId !== e.pointerId) return;
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
    drag.current = null;
    setDragging(null);
  };

  // The cells' handlers: refreshed after every render (they close over the current matrix) and
  // passed to the memoised cells through one stable ref; no event reaches a cell before that.
  const handlers = useRef<CellHandlers>(NO_HANDLERS);
  useLayoutEffect(() => {
    handlers.current = {
      focus: (i, j) => setDraft({ i, j, text: null, invalid: false }),
      blur: (i, j) => setDraft((d) => (d && d.i === i && d.j === j ? null : d)),
      input: onCellInput,
      keyDown: onCellKeyDown,
      pointerDown: onCellPointerDown,
      pointerMove: onCellPointerMove,
      endDrag,
    };
  });

  const invalidCell = liveDraft?.invalid ? liveDraft : null;
  const message =
    invalidCell !== null
      ? `${cellRangeMessage(labels, invalidCell.i, invalidCell.j)}; the last valid value (${formatCell(preferences[invalidCell.i][invalidCell.j], n)}) comes back when you leave the cell.`
      : emptyName !== null
        ? emptyNameMessage(emptyName)
        : null;

  const density = n > 8 ? 'dense' : n > 5 ? 'compact' : 'roomy';

  return (
    <div className={`pref-editor pref-editor--${density}`}>
      <table ref={tableRef} className="pref-editor__table">
        <caption>
          Preference matrix P(row ≻ column)
        </caption>
        <colgroup>
          <col className="pref-editor__col-head" />
          {preferences.map((_, j) => (
            <col key={j} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <td className="pref-editor__corner" aria-hidden="true">
              <span title="row ≻ column">↓ ≻ →</span>
            </td>
            {preferences.map((_, k) => (
              <th key={k} scope="col" className="pref-editor__col-label">
                <input {...nameFieldProps(k, MESSAGE_ID)} className="pref-editor__label-input" aria-label={`Name of response ${k + 1}`} title={name(k)} readOnly={readOnly} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {preferences.map((row, i) => (
            <tr key={i}>
              <th scope="row" className="pref-editor__row-label">
                <span className="pref-editor__row-name" title={name(i)}>
                  {name(i)}
                </span>
                {!readOnly && (
                  <button
                    type="button"
                    className="pref-editor__remove"
                    aria-label={`Remove ${name(i)}`}
                    title={n <= minN ? `At least ${minN} responses are needed` : `Remove ${name(i)}`}
                    disabled={n <= minN}
                    onClick={() => onRemoveResponse(i)}
                  >
                    ×
                  </button>
                )}
              </th>
              {row.map((value, j) => {
                if (i === j) {
                  return (
                    <td key={j} className="pref-editor__diag" aria-label={`${cellName(labels, i, i)} = ½, fixed`} title="A response ties with itself">
                      ½
                    </td>
                  );
                }
                const isDraft = liveDraft?.i === i && liveDraft.j === j;
                return (
                  <GridCell
                    key={j}
                    i={i}
                    j={j}
                    value={value}
                    text={isDraft && liveDraft.text !== null ? liveDraft.text : formatCell(value, n)}
                    label={cellName(labels, i, j)}
                    invalid={isDraft && liveDraft.invalid}
                    dragging={dragging?.i === i && dragging.j === j}
                    readOnly={readOnly}
                    messageId={MESSAGE_ID}
                    handlers={handlers}
                  />
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <EditorMessage id={MESSAGE_ID} className="pref-editor__message" message={message} />
      {!readOnly && (
        <div className="pref-editor__actions">
          <button type="button" className="pref-editor__add" onClick={onAddResponse} disabled={n >= maxN} title={n >= maxN ? `At most ${maxN} responses` : undefined}>
            Add response
          </button>
          <span className="pref-editor__hint">Type, drag up/down, scroll, or ↑/↓ (Shift: 0.1). The mirror cell follows: P(b ≻ a) = 1 − P(a ≻ b).</span>
        </div>
      )}
    </div>
  );
}
