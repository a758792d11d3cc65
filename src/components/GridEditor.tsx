/**
 * The preference matrix as an editable heatmap table, up to GRID_MAX_RESPONSES responses (see
 * PreferenceEditor.tsx): every cell is a number field, coloured by its value.
 *
 * Ways to change a cell: type; Arrow Up/Down (±0.01, Shift ±0.1) or Page Up/Down (±0.1); the mouse
 * wheel over a focused cell (±0.01); drag vertically with a mouse or pen (0.005 per px, after a
 * 4 px dead zone so a click still just focuses the cell for typing). Touch drags scroll the page.
 */
import {
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type PointerEvent,
} from 'react';
import {
  cellName,
  dragValue,
  formatCell,
  judgeCellText,
  mirrorUpdate,
  stepValue,
  WHEEL_NOTCH_PX,
  type PreferenceRows,
} from '../state/matrixEdit.ts';
import { TYPING_PAUSE_MS } from '../state/numberInput.ts';
import { GridCell, type CellHandlers } from './GridCell.tsx';
import type { PreferenceEditorProps } from './preferenceEditorProps.ts';
import { battleText } from '../state/counts.ts';
import { EditorMessage, emptyNameMessage, responseName, useNameDraft } from './responseNames.tsx';

/**
 * Text typed into a cell that the cell shows instead of its value: while typing, a refused text
 * (kept with its message until corrected or Escape), or an applied one until its matrix arrives.
 */
interface CellDraft {
  text: string;
  /** The refusal naming the cell, or null. */
  message: string | null;
  /** Set once applied: the value, and the matrix it was applied over. */
  applied?: { value: number; over: PreferenceRows };
}

const key = (i: number, j: number) => `${i},${j}`;
const NO_DRAFTS: ReadonlyMap<string, CellDraft> = new Map();

const noop = () => {};
const NO_HANDLERS: CellHandlers = {
  focus: noop,
  blur: noop,
  input: noop,
  keyDown: noop,
  pointerDown: noop,
  pointerMove: noop,
  endDrag: noop,
};

interface DragState {
  i: number;
  j: number;
  pointerId: number;
  startY: number;
  start: number;
  active: boolean;
}

export function GridEditor({
  preferences,
  labels,
  onChange,
  onLabelsChange,
  onAddResponse,
  onRemoveResponse,
  minN,
  maxN,
  readOnly,
  counts,
}: Required<PreferenceEditorProps>) {
  const n = preferences.length;
  // Unique per instance: aria-describedby must point at this editor's message, not another's.
  const MESSAGE_ID = useId();
  // Another matrix size or other names (a preset, a paste, an added response): the cells' texts
  // no longer belong to them, so drafts belong to a shape.
  const shape = `${n}\u0000${labels.join('\u0000')}`;
  const [drafts, setDrafts] = useState<{ shape: string; cells: ReadonlyMap<string, CellDraft> }>({
    shape,
    cells: NO_DRAFTS,
  });
  const cells = drafts.shape === shape ? drafts.cells : NO_DRAFTS;
  const [focused, setFocused] = useState<string | null>(null);
  // A new matrix (the applied value arriving, an undo, a drag): applied texts give way, unless
  // the person is still in that cell typing that very value. Derived while rendering (React's
  // "state from previous props" pattern), so the old text never shows beside the new matrix.
  const [seenMatrix, setSeenMatrix] = useState(preferences);
  if (seenMatrix !== preferences) {
    setSeenMatrix(preferences);
    const kept = [...cells].filter(
      ([k, d]) =>
        !d.applied ||
        (k === focused && preferences[Number(k.split(',')[0])]?.[Number(k.split(',')[1])] === d.applied.value),
    );
    if (kept.length !== cells.size) setDrafts({ shape, cells: new Map(kept) });
  }
  const pause = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const { emptyName, nameFieldProps } = useNameDraft(labels, n, onLabelsChange);
  const [dragging, setDragging] = useState<{ i: number; j: number } | null>(null);
  const drag = useRef<DragState | null>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const name = (k: number) => responseName(labels, k);
  // The latest matrix and drafts, for the handlers and the pause timer (it fires after renders
  // that changed them). setDraft also updates the drafts at once, for a handler that follows.
  const latest = useRef({ preferences, labels, n, shape, cells });
  useLayoutEffect(() => {
    latest.current = { preferences, labels, n, shape, cells };
  });
  useEffect(() => () => clearTimeout(pause.current), []);

  const setDraft = (i: number, j: number, d: CellDraft | null) => {
    const next = new Map(latest.current.cells);
    if (d) next.set(key(i, j), d);
    else next.delete(key(i, j));
    latest.current.cells = next;
    setDrafts({ shape: latest.current.shape, cells: next });
  };

  /** What cell (i, j) shows in place of its value, or null. */
  const shownDraft = (i: number, j: number): CellDraft | null => {
    const d = cells.get(key(i, j));
    if (!d?.applied) return d ?? null;
    // An applied text stays while its matrix has not arrived (the page may hold an edit until
    // its result, appView.ts), and while the person is still in the cell with that value.
    const arrived = preferences !== d.applied.over;
    return arrived && (focused !== key(i, j) || preferences[i][j] !== d.applied.value) ? null : d;
  };

  /** Commits a value for P[i][j] (and its mirror); the cell shows its value again. */
  const commit = (i: number, j: number, value: number) => {
    const P = latest.current.preferences;
    const next = mirrorUpdate(P, i, j, value);
    if (next[i][j] !== P[i][j]) onChange(next);
    // Typed text gives way to the committed value; a cell already showing its value needs no
    // render here (the new value comes with the new matrix, drawn with its result).
    if (latest.current.cells.has(key(i, j))) setDraft(i, j, null);
  };

  /**
   * Judges the cell's typed text (judgeCellText): `final` on Enter and on leaving the cell, else
   * when typing has paused. Applied text stays in the cell (a reformat would move the caret of
   * someone still typing) until Enter or leaving it shows the value as the grid prints it.
   */
  const settle = (i: number, j: number, text: string, final: boolean) => {
    clearTimeout(pause.current);
    const { preferences: P, labels: L, n: size } = latest.current;
    if (i >= size || j >= size) return;
    const judged = judgeCellText(text, final, L, i, j, P[i][j], size);
    const before = latest.current.cells.get(key(i, j));
    if (judged.kind === 'apply') {
      const value = judged.value;
      const next = mirrorUpdate(P, i, j, value);
      const again = before?.applied?.value === value; // Enter after a pause that applied it
      if (next[i][j] !== P[i][j] && !again) onChange(next);
      const unchanged = next[i][j] === P[i][j];
      setDraft(
        i,
        j,
        final && unchanged
          ? null
          : { text: final ? formatCell(value, size) : text, message: null, applied: { value, over: P } },
      );
    } else if (judged.kind === 'refuse') {
      setDraft(i, j, { text, message: judged.message });
    } else if (judged.kind === 'revert' || final) {
      setDraft(i, j, null);
    } else {
      setDraft(i, j, { text, message: null });
    }
  };

  // The wheel must be a native non-passive listener: React's onWheel is passive and cannot stop
  // the page from scrolling. The handler reads the latest props through a ref.
  const wheelRef = useRef<(e: WheelEvent) => void>(() => {});
  const wheelAccum = useRef(0);
  useEffect(() => {
    wheelRef.current = (e: WheelEvent) => {
      const input = e.target instanceof HTMLInputElement ? e.target : null;
      if (
        readOnly ||
        !input ||
        input !== (input.getRootNode() as Document | ShadowRoot).activeElement ||
        input.dataset.i === undefined
      )
        return;
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
    clearTimeout(pause.current);
    const judged = judgeCellText(text, false, labels, i, j, preferences[i][j], n);
    setDraft(i, j, { text, message: judged.kind === 'refuse' ? judged.message : null });
    if (judged.kind === 'apply') {
      // Complete and valid: applied once typing pauses, so a prefix ("1" of "1.7") never is.
      pause.current = setTimeout(() => {
        const d = latest.current.cells.get(key(i, j));
        if (d && d.text === text && !d.applied) settle(i, j, text, false);
      }, TYPING_PAUSE_MS);
    }
  };

  const onCellKeyDown = (e: KeyboardEvent<HTMLInputElement>, i: number, j: number) => {
    if (readOnly) return;
    const keys: Record<string, [number, boolean]> = {
      ArrowUp: [1, e.shiftKey],
      ArrowDown: [-1, e.shiftKey],
      PageUp: [1, true],
      PageDown: [-1, true],
    };
    const step = keys[e.key];
    if (step) {
      e.preventDefault();
      clearTimeout(pause.current);
      commit(i, j, stepValue(preferences[i][j], step[0], step[1]));
    } else if (e.key === 'Enter') {
      if (latest.current.cells.has(key(i, j))) settle(i, j, e.currentTarget.value, true);
    } else if (e.key === 'Escape') {
      // Back to the cell's value; the typed text and its message go.
      clearTimeout(pause.current);
      setDraft(i, j, null);
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
      focus: (i, j) => setFocused(key(i, j)),
      blur: (i, j) => {
        setFocused((f) => (f === key(i, j) ? null : f));
        const d = latest.current.cells.get(key(i, j));
        // Leaving the cell commits what was typed (an applied text gives way to the value as the
        // grid prints it); a refused text stays, with its message.
        if (d?.applied) setDraft(i, j, null);
        else if (d && d.message === null) settle(i, j, d.text, true);
      },
      input: onCellInput,
      keyDown: onCellKeyDown,
      pointerDown: onCellPointerDown,
      pointerMove: onCellPointerMove,
      endDrag,
    };
  });

  // Refusals of the cells still showing refused text (usually one), the focused cell's first.
  const refused = [...cells.entries()]
    .filter(([, d]) => d.message !== null)
    .sort(([a], [b]) => Number(b === focused) - Number(a === focused));
  const message =
    refused.length > 0
      ? `${refused.map(([, d]) => d.message).join(' ')} Enter a probability between 0 and 1, or press Esc to show the current value again.`
      : emptyName !== null
        ? emptyNameMessage(emptyName)
        : null;

  const density = n > 8 ? 'dense' : n > 5 ? 'compact' : 'roomy';
  // The row-name column widens to fit the longest name (up to a share of the table; longer names
  // wrap), so a row shows its name whole as its column head does ("A {2,4,9}", not "A {2,4…").
  const longestName = Math.max(...preferences.map((_, k) => name(k).length));

  return (
    <div className={`pref-editor pref-editor--${density}`} style={{ '--pe-name-ch': longestName } as CSSProperties}>
      <table ref={tableRef} className="pref-editor__table">
        <caption>Preference matrix P(row ≻ column)</caption>
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
                <input
                  {...nameFieldProps(k, MESSAGE_ID)}
                  className="pref-editor__label-input"
                  aria-label={`Name of response ${k + 1}`}
                  title={name(k)}
                  readOnly={readOnly}
                />
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
                    <td
                      key={j}
                      className="pref-editor__diag"
                      aria-label={`${cellName(labels, i, i)} = ½, fixed`}
                      title="A response ties with itself"
                    >
                      ½
                    </td>
                  );
                }
                const cellDraft = shownDraft(i, j);
                return (
                  <GridCell
                    key={j}
                    i={i}
                    j={j}
                    value={value}
                    text={cellDraft ? cellDraft.text : formatCell(value, n)}
                    label={cellName(labels, i, j)}
                    invalid={Boolean(cellDraft?.message)}
                    dragging={dragging?.i === i && dragging.j === j}
                    readOnly={readOnly}
                    messageId={MESSAGE_ID}
                    handlers={handlers}
                    battles={battleText(counts, i, j)}
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
          <button
            type="button"
            className="pref-editor__add"
            onClick={onAddResponse}
            disabled={n >= maxN}
            title={n >= maxN ? `At most ${maxN} responses` : undefined}
          >
            Add response
          </button>
          <span className="pref-editor__hint">
            Type, drag up/down, scroll, or ↑/↓ (Shift: 0.1). The mirror cell follows: P(b ≻ a) = 1 − P(a ≻ b).
          </span>
        </div>
      )}
    </div>
  );
}
