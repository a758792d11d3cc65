/**
 * Pointer and keyboard handling of the canvas heatmap editor (heatmapEditor.ts): hover, click to
 * select, arrows to move the selection (Shift: 10 cells), Enter to edit, +/− and Page Up/Down to
 * nudge. The renderer keeps the state and the drawing; this reports through its callbacks.
 */
import type { HeatmapCell, HeatmapEditorOptions, HeatmapEditorProps } from './heatmapTypes.ts';

/** What the input handlers read from and do to the renderer. */
export interface HeatmapInputHost {
  props(): HeatmapEditorProps | null;
  /** The cell under canvas point (x, y) in CSS px, if any. */
  cellAt(x: number, y: number): HeatmapCell | null;
  hover(): HeatmapCell | null;
  setHover(cell: HeatmapCell | null): void;
  drawOverlay(): void;
  /** Pans so that display position (r, c) is on screen. */
  reveal(r: number, c: number): void;
}

/**
 * Wheel zooms only with Ctrl/⌘ (trackpad pinch) or once the map has focus, so scrolling the
 * panel past the heatmap still scrolls the page; drags pan with the primary button only.
 */
export function zoomFilter(overlay: HTMLElement) {
  return (e: Event) => {
    if (e.type === 'wheel')
      return (e as WheelEvent).ctrlKey || (e as WheelEvent).metaKey || document.activeElement === overlay;
    return !(e as MouseEvent).ctrlKey && !(e as MouseEvent).button;
  };
}

export function attachHeatmapInput(
  overlay: HTMLCanvasElement,
  options: HeatmapEditorOptions,
  host: HeatmapInputHost,
): void {
  overlay.addEventListener('pointermove', (e) => {
    const cell = host.cellAt(e.offsetX, e.offsetY);
    const hover = host.hover();
    if (cell?.i === hover?.i && cell?.j === hover?.j) return;
    host.setHover(cell);
    host.drawOverlay();
    options.onHover?.(cell);
  });
  overlay.addEventListener('pointerleave', () => {
    host.setHover(null);
    host.drawOverlay();
    options.onHover?.(null);
  });
  overlay.addEventListener('click', (e) => {
    const cell = host.cellAt(e.offsetX, e.offsetY);
    if (!cell) return;
    overlay.focus({ preventScroll: true }); // arrows, Enter and +/− continue from here
    options.onSelect?.(cell);
  });
  overlay.addEventListener('keydown', (e) => {
    const props = host.props();
    const n = props?.order.length ?? 0;
    if (!props || !n || e.ctrlKey || e.metaKey || e.altKey) return;
    const sel = props.selected;
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    const move = moves[e.key];
    if (move) {
      const order = props.order;
      const r0 = sel ? order.indexOf(sel.i) : 0;
      const c0 = sel ? order.indexOf(sel.j) : Math.min(1, n - 1);
      const step = e.shiftKey ? 10 : 1;
      const r = sel ? Math.min(n - 1, Math.max(0, r0 + move[0] * step)) : r0;
      const c = sel ? Math.min(n - 1, Math.max(0, c0 + move[1] * step)) : c0;
      host.reveal(r, c);
      // The read-out follows the keyboard, not a mouse that happens to rest on the map.
      host.setHover(null);
      options.onHover?.(null);
      options.onSelect?.({ i: order[r], j: order[c] });
    } else if (e.key === 'Enter') {
      options.onEditRequest?.();
    } else if (sel && ['+', '=', '-', '_', 'PageUp', 'PageDown'].includes(e.key)) {
      options.onNudge?.(sel, ['+', '=', 'PageUp'].includes(e.key) ? 1 : -1, e.key.startsWith('Page'));
    } else return;
    e.preventDefault(); // the page's shortcuts (←/→ step the run) leave handled keys alone
  });
}
