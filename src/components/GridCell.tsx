/**
 * One number field of the grid editor (GridEditor.tsx). Memoised: an edit changes two cells (the
 * cell and its mirror), and only those re-render; the other n² − 2 keep their DOM untouched. The
 * handlers come through a ref that the editor refreshes on every render, so they are always the
 * latest while the props stay equal. A text field, not type="number": a number field reports "0,4"
 * or "1." as empty, so typed text could not be judged as a whole (numberInput.ts).
 */
import { memo, type KeyboardEvent, type PointerEvent, type RefObject } from 'react';
import { heatColor, textColorOn } from '../viz/heatColor.ts';

/** What a cell asks its editor to do (the editor's current closures). */
export interface CellHandlers {
  focus(i: number, j: number): void;
  blur(i: number, j: number): void;
  input(i: number, j: number, text: string): void;
  keyDown(e: KeyboardEvent<HTMLInputElement>, i: number, j: number): void;
  pointerDown(e: PointerEvent<HTMLInputElement>, i: number, j: number): void;
  pointerMove(e: PointerEvent<HTMLInputElement>): void;
  endDrag(e: PointerEvent<HTMLInputElement>): void;
}

interface GridCellProps {
  i: number;
  j: number;
  value: number;
  /** The text shown: the formatted value, or the draft being typed. */
  text: string;
  label: string;
  invalid: boolean;
  dragging: boolean;
  readOnly: boolean;
  messageId: string;
  handlers: RefObject<CellHandlers>;
  /** The pair's battles ("12 battles: 7–5" or "no battles"); '' when P came without counts. */
  battles: string;
}

export const GridCell = memo(function GridCell({
  i,
  j,
  value,
  text,
  label,
  invalid,
  dragging,
  readOnly,
  messageId,
  handlers,
  battles,
}: GridCellProps) {
  const background = heatColor(value);
  // A pair with no battles behind its value is hatched (not told by colour alone) and says so.
  const unobserved = battles === 'no battles';
  return (
    <td
      className={`pref-editor__cell${unobserved ? ' is-unobserved' : ''}`}
      style={{ backgroundColor: background, color: textColorOn(background) }}
      title={battles || undefined}
      data-battles={battles || undefined}
    >
      <input
        type="text"
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        className={`pref-editor__input${dragging ? ' is-dragging' : ''}`}
        aria-label={battles ? `${label}, ${battles}` : label}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={invalid ? messageId : undefined}
        data-i={i}
        data-j={j}
        readOnly={readOnly}
        value={text}
        onFocus={() => handlers.current.focus(i, j)}
        onBlur={() => handlers.current.blur(i, j)}
        onChange={(e) => handlers.current.input(i, j, e.target.value)}
        onKeyDown={(e) => handlers.current.keyDown(e, i, j)}
        onPointerDown={(e) => handlers.current.pointerDown(e, i, j)}
        onPointerMove={(e) => handlers.current.pointerMove(e)}
        onPointerUp={(e) => handlers.current.endDrag(e)}
        onPointerCancel={(e) => handlers.current.endDrag(e)}
      />
    </td>
  );
});
