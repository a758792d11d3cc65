/**
 * The preference matrix for n > GRID_MAX_RESPONSES: a canvas heatmap (src/viz/heatmapEditor.ts)
 * with zoom, a hover read-out, rows and columns ordered by Nash probability or Bradley–Terry
 * reward, and a panel that edits the selected cell with a native number field and renames or
 * removes its two responses. The cell field reads typed numbers like every number field
 * (useTypedNumber: a decimal comma is fine, nothing applies until a whole number is typed). Hover and zoom write text straight into their elements (no React
 * render per mouse move); React renders on selection, edits and new results only.
 */
import { useEffect, useId, useMemo, useRef, useState, type RefObject } from 'react';

import { cellName, formatCell, judgeCellText, mirrorUpdate, stepValue } from '../state/matrixEdit.ts';
import { battleText } from '../state/counts.ts';
import { createHeatmapEditor, type HeatmapCell, type HeatmapEditorRenderer } from '../viz/heatmapEditor.ts';
import { MATRIX_ORDERS, matrixOrder, type MatrixOrderKind } from '../viz/matrixOrder.ts';
import { DEFAULT_THEME, LECTURE_THEME } from '../viz/types.ts';
import { HeatmapLegend } from './HeatmapLegend.tsx';
import type { PreferenceEditorProps } from './preferenceEditorProps.ts';
import { EditorMessage, emptyNameMessage, responseName, useNameDraft } from './responseNames.tsx';
import { useTypedNumber } from './useTypedNumber.ts';
import './HeatmapEditor.css';
import { useRunStore, useUiStore } from '../explorer/context.tsx';

/** The preference editor's props, every one given (PreferenceEditor fills in the defaults). */
export type HeatmapEditorProps = Required<PreferenceEditorProps>;

const ZOOM_STEP = 2;
const fmt = (v: number) => formatCell(v, 3);

/** A selection valid for n responses (the first off-diagonal cell when out of range). */
function validCell(cell: HeatmapCell, n: number): HeatmapCell {
  return cell.i < n && cell.j < n ? cell : { i: 0, j: 1 };
}

/** Where the selection goes when response k is removed: indices above k shift down. */
function afterRemoval(cell: HeatmapCell, k: number, n: number): HeatmapCell {
  const map = (x: number) => (x > k || (x === k && k === n - 1) ? x - 1 : x);
  const i = map(cell.i);
  const j = map(cell.j);
  return i !== j ? { i, j } : { i, j: (i + 1) % (n - 1) };
}

interface Latest {
  preferences: readonly (readonly number[])[];
  labels: readonly string[];
  selected: HeatmapCell;
  readOnly: boolean;
  onChange(preferences: number[][]): void;
  counts: readonly (readonly number[])[] | null;
}

/** Sets P[i][j] (and its mirror) from the latest props, unless the matrix is locked. */
function commitCell(latest: Latest, i: number, j: number, value: number) {
  if (latest.readOnly) return;
  const next = mirrorUpdate(latest.preferences, i, j, value);
  if (next[i][j] !== latest.preferences[i][j]) latest.onChange(next);
}

/** The read-out: the hovered cell, else the selected one. Plain textContent, no React render. */
function writeReadout(el: HTMLElement | null, latest: Latest, hover: HeatmapCell | null) {
  const P = latest.preferences;
  const cell = hover ?? latest.selected;
  if (!el || cell.i >= P.length || cell.j >= P.length) return;
  const value = cell.i === cell.j ? '½ (a response ties with itself)' : P[cell.i][cell.j].toFixed(3);
  const battles = battleText(latest.counts, cell.i, cell.j);
  el.textContent = `${hover ? '' : 'Selected: '}${cellName(latest.labels, cell.i, cell.j)} = ${value}${battles ? ` (${battles})` : ''}`;
}

export function HeatmapEditor({
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
}: HeatmapEditorProps) {
  const n = preferences.length;
  const id = useId();
  const [chosen, setSelected] = useState<HeatmapCell>({ i: 0, j: 1 });
  const selected = validCell(chosen, n);
  const { i, j } = selected;
  const [orderKind, setOrderKind] = useState<MatrixOrderKind>('original');
  // The selected cell's refusal (CellValueField), if its typed text was refused.
  const [cellMessage, setCellMessage] = useState<string | null>(null);
  const { emptyName, nameFieldProps } = useNameDraft(labels, n, onLabelsChange);
  // The equilibria belong to this matrix's size only once the run store reports the same n.
  const equilibria = useRunStore((s) => (s.n === n ? s.equilibria : null));
  const lecture = useUiStore((s) => s.lecture);
  const order = useMemo(() => matrixOrder(orderKind, n, equilibria), [orderKind, n, equilibria]);

  const hostRef = useRef<HTMLDivElement>(null);
  const rendererRef = useRef<HeatmapEditorRenderer | null>(null);
  const readoutRef = useRef<HTMLParagraphElement>(null);
  const zoomRef = useRef<HTMLSpanElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const hoverRef = useRef<HeatmapCell | null>(null);
  // The latest props for the renderer's callbacks, which are created once.
  const latest = useRef<Latest>({ preferences, labels, selected, readOnly, onChange, counts });
  useEffect(() => {
    latest.current = { preferences, labels, selected, readOnly, onChange, counts };
  });

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const renderer = createHeatmapEditor(host, {
      label: 'Preference matrix heatmap. Arrow keys move the selected cell, Enter edits it, + and − change it by 0.01.',
      onHover: (cell) => {
        hoverRef.current = cell;
        writeReadout(readoutRef.current, latest.current, cell);
      },
      onSelect: (cell) => setSelected(cell),
      onNudge: (cell, direction, big) =>
        commitCell(
          latest.current,
          cell.i,
          cell.j,
          stepValue(latest.current.preferences[cell.i][cell.j], direction, big),
        ),
      onEditRequest: () => {
        inputRef.current?.focus();
        inputRef.current?.select();
      },
      onZoom: (k) => {
        if (zoomRef.current) zoomRef.current.textContent = `×${k < 10 ? k.toFixed(1) : Math.round(k)}`;
      },
    });
    rendererRef.current = renderer;
    const observer = new ResizeObserver((entries) => {
      const box = entries[0].contentRect;
      if (box.width > 0 && box.height > 0) renderer.resize(box.width, box.height);
    });
    observer.observe(host);
    return () => {
      observer.disconnect();
      renderer.destroy();
      rendererRef.current = null;
    };
    // The renderer lives as long as the component; its callbacks read `latest`.
  }, []);

  useEffect(() => {
    rendererRef.current?.update({
      preferences,
      labels,
      order,
      selected: { i, j },
      theme: lecture ? LECTURE_THEME : DEFAULT_THEME,
      counts,
    });
    writeReadout(
      readoutRef.current,
      { preferences, labels, selected: { i, j }, readOnly, onChange, counts },
      hoverRef.current,
    );
  }, [preferences, labels, order, i, j, lecture, readOnly, onChange, counts]);

  const message = cellMessage
    ? `${cellMessage} Enter a probability between 0 and 1, or press Esc to show the current value again.`
    : emptyName !== null
      ? emptyNameMessage(emptyName)
      : null;
  const messageId = `${id}-message`;
  const waiting = orderKind !== 'original' && !equilibria;
  const responses = i === j ? [i] : [i, j];

  return (
    <div className="heatmap-editor" role="group" aria-labelledby={`${id}-title`}>
      <p id={`${id}-title`} className="heatmap-editor__title">
        Preference matrix P(row ≻ column), {n} × {n}
      </p>
      <div className="heatmap-editor__toolbar">
        <label className="heatmap-editor__order">
          Order rows and columns by{' '}
          <select value={orderKind} onChange={(e) => setOrderKind(e.target.value as MatrixOrderKind)}>
            {MATRIX_ORDERS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
        <span className="heatmap-editor__zoom" role="group" aria-label="Zoom">
          <button
            type="button"
            aria-label="Zoom out"
            title="Zoom out"
            onClick={() => rendererRef.current?.zoomBy(1 / ZOOM_STEP)}
          >
            −
          </button>
          <button
            type="button"
            aria-label="Zoom in"
            title="Zoom in"
            onClick={() => rendererRef.current?.zoomBy(ZOOM_STEP)}
          >
            +
          </button>
          <button type="button" onClick={() => rendererRef.current?.resetZoom()}>
            Reset zoom
          </button>
          <span ref={zoomRef} className="heatmap-editor__zoom-level" aria-label="Zoom level">
            ×1.0
          </span>
        </span>
      </div>
      {waiting && (
        <p className="field-note">
          Ordering as soon as the equilibrium of this matrix is computed; original order until then.
        </p>
      )}
      <div ref={hostRef} className="heatmap-editor__map" />
      <p ref={readoutRef} className="heatmap-editor__readout" aria-live="polite" data-testid="heatmap-readout" />
      <HeatmapLegend />
      <p className="heatmap-editor__hint">
        Hover to read a cell, click to select it. Zoom with the buttons, a pinch, Ctrl+scroll or plain scroll once the
        map has focus; drag to pan. Keys on the map: arrows (Shift: 10) move, Enter edits, + / − change by 0.01, Page
        Up/Down by 0.1.
      </p>
      <div className="heatmap-editor__cell">
        {i === j ? (
          <p className="heatmap-editor__fixed">
            {cellName(labels, i, i)} = ½ is fixed: a response ties with itself. Select another cell to edit it.
          </p>
        ) : (
          <>
            <CellValueField
              key={`${i},${j}`}
              inputRef={inputRef}
              labels={labels}
              i={i}
              j={j}
              value={preferences[i][j]}
              readOnly={readOnly}
              messageId={message ? messageId : undefined}
              onApply={(v) => commitCell(latest.current, i, j, v)}
              onMessage={setCellMessage}
            />
            <span className="heatmap-editor__mirror">
              mirror {cellName(labels, j, i)} = {fmt(preferences[j][i])}
              {counts ? `; ${battleText(counts, i, j)}` : ''}
            </span>
          </>
        )}
      </div>
      <EditorMessage id={messageId} className="pref-editor__message heatmap-editor__message" message={message} />
      {!readOnly && (
        <fieldset className="heatmap-editor__responses">
          <legend>Responses of the selected cell</legend>
          {responses.map((k) => (
            <div key={k} className="heatmap-editor__response">
              <label>
                <span>Name of response {k + 1}</span>
                <input {...nameFieldProps(k, messageId)} />
              </label>
              <button
                type="button"
                disabled={n <= minN}
                title={n <= minN ? `At least ${minN} responses are needed` : undefined}
                onClick={() => {
                  setSelected(afterRemoval(selected, k, n));
                  onRemoveResponse(k);
                }}
              >
                Remove {responseName(labels, k)}
              </button>
            </div>
          ))}
          <div className="heatmap-editor__add">
            <button
              type="button"
              disabled={n >= maxN}
              title={n >= maxN ? `At most ${maxN} responses` : undefined}
              onClick={() => {
                onAddResponse();
                setSelected({ i: n, j: 0 }); // the new response's row, ready to rename
              }}
            >
              Add response
            </button>
            <span className="heatmap-editor__count">
              {n} of at most {maxN} responses
            </span>
          </div>
        </fieldset>
      )}
    </div>
  );
}

interface CellValueFieldProps {
  inputRef: RefObject<HTMLInputElement | null>;
  labels: readonly string[];
  i: number;
  j: number;
  value: number;
  readOnly: boolean;
  messageId: string | undefined;
  onApply(value: number): void;
  onMessage(message: string | null): void;
}

/** The selected cell's number field (keyed by the cell: a new selection starts with its value). */
function CellValueField({
  inputRef,
  labels,
  i,
  j,
  value,
  readOnly,
  messageId,
  onApply,
  onMessage,
}: CellValueFieldProps) {
  const field = useTypedNumber({
    value,
    format: fmt,
    judge: (text, final) => judgeCellText(text, final, labels, i, j, value, 3),
    onApply,
  });
  const message = field.message;
  useEffect(() => {
    onMessage(message);
    return () => onMessage(null);
  }, [message, onMessage]);
  return (
    <label className="heatmap-editor__value">
      <span>{cellName(labels, i, j)}</span>
      <input
        ref={inputRef}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        readOnly={readOnly}
        aria-describedby={messageId}
        {...field.inputProps}
      />
    </label>
  );
}
