/**
 * The preference matrix for large n as a canvas heatmap: one pixel per cell in an n×n ImageData,
 * scaled onto the screen with d3-zoom (wheel with Ctrl or while focused, pinch, drag to pan,
 * double-click), labels in the margins where they are legible, a hover outline and the selected
 * cell. Two stacked canvases: the base (matrix, labels) redraws on data or zoom changes, the
 * overlay (hover, selection) on pointer moves, so hovering never repaints the matrix. The renderer
 * reports hover, selection, nudges and zoom through callbacks and never re-renders React itself;
 * the pointer and keyboard handlers are in heatmapInput.ts.
 */
import * as d3 from 'd3';
import { heatColor, textColorOn } from './heatColor.ts';
import { paintMatrix, visibleRange } from './heatmapPaint.ts';
import { attachHeatmapInput, zoomFilter } from './heatmapInput.ts';
import type { HeatmapCell, HeatmapEditorOptions, HeatmapEditorProps } from './heatmapTypes.ts';
import { drawAxisLabels } from './heatmapLabels.ts';
import { measurerFor, resolveTheme } from './measure.ts';
import type { Renderer } from './types.ts';

export type { HeatmapCell, HeatmapEditorOptions, HeatmapEditorProps } from './heatmapTypes.ts';

export interface HeatmapEditorRenderer extends Renderer<HeatmapEditorProps> {
  zoomBy(factor: number): void;
  resetZoom(): void;
}

/** Largest cell on screen at full zoom, in CSS px. */
const MAX_CELL_PX = 56;
/** Cells at least this wide print their value. */
const VALUE_CELL_PX = 34;
const GAP = 6;

export function createHeatmapEditor(element: HTMLElement, options: HeatmapEditorOptions): HeatmapEditorRenderer {
  const root = document.createElement('div');
  root.className = 'heatmap-canvas';
  root.style.position = 'relative';
  const base = document.createElement('canvas');
  base.setAttribute('aria-hidden', 'true');
  const overlay = document.createElement('canvas');
  overlay.tabIndex = 0;
  overlay.setAttribute('role', 'application');
  overlay.setAttribute('aria-label', options.label);
  overlay.dataset.testid = 'heatmap-canvas';
  for (const c of [base, overlay])
    Object.assign(c.style, { position: 'absolute', left: '0', top: '0', display: 'block' });
  root.append(base, overlay);
  element.append(root);
  const baseCtx = base.getContext('2d')!;
  const overCtx = overlay.getContext('2d')!;

  let width = 0;
  let height = 0;
  let dpr = 1;
  let props: HeatmapEditorProps | null = null;
  let theme = resolveTheme(undefined);
  let measure = measurerFor(element, theme.fontSize);
  // The n×n picture in display order, and the values it shows (for incremental repaints).
  const picture = document.createElement('canvas');
  const pictureCtx = picture.getContext('2d')!;
  let image: ImageData | null = null;
  let shown = new Float64Array(0);
  let painted: { P: unknown; order: unknown } = { P: null, order: null };
  let labelKey = '';
  let margin = { left: 40, top: 40 };
  let side = 0;
  let transform = d3.zoomIdentity;
  let hover: HeatmapCell | null = null;

  const n = () => props?.order.length ?? 0;
  const cellSize = () => (n() ? side / n() : 0);
  const font = () => `${theme.fontSize}px ${getComputedStyle(element).fontFamily || 'sans-serif'}`;

  const zoom = d3
    .zoom<HTMLCanvasElement, unknown>()
    .filter(zoomFilter(overlay))
    .on('zoom', (e: d3.D3ZoomEvent<HTMLCanvasElement, unknown>) => {
      transform = e.transform;
      // At k = 1 a one-finger swipe scrolls the page; zoomed in, it pans the map.
      overlay.style.touchAction = transform.k > 1 ? 'none' : 'pan-y';
      drawBase();
      drawOverlay();
      options.onZoom?.(transform.k);
    });
  const zoomSel = d3.select(overlay);
  zoomSel.call(zoom);
  overlay.style.touchAction = 'pan-y';

  const configureZoom = () => {
    const box: [[number, number], [number, number]] = [
      [margin.left, margin.top],
      [margin.left + side, margin.top + side],
    ];
    zoom
      .extent(box)
      .translateExtent(box)
      .scaleExtent([1, Math.max(1, (MAX_CELL_PX * n()) / Math.max(1, side))]);
  };

  /** Screen rectangle of display position (r, c). */
  const cellRect = (r: number, c: number) => {
    const s = cellSize() * transform.k;
    return { x: transform.applyX(margin.left) + c * s, y: transform.applyY(margin.top) + r * s, s };
  };

  const positionAt = (x: number, y: number): [number, number] | null => {
    if (x < margin.left || y < margin.top || x > margin.left + side || y > margin.top + side || !n()) return null;
    const s = cellSize() * transform.k;
    const c = Math.floor((x - transform.applyX(margin.left)) / s);
    const r = Math.floor((y - transform.applyY(margin.top)) / s);
    return r >= 0 && c >= 0 && r < n() && c < n() ? [r, c] : null;
  };
  const cellAt = (x: number, y: number): HeatmapCell | null => {
    const pos = positionAt(x, y);
    return pos && props ? { i: props.order[pos[0]], j: props.order[pos[1]] } : null;
  };

  /** Margins from the longest label (measured once per label set and font). */
  const layout = () => {
    const labels = props?.labels ?? [];
    const key = `${theme.fontSize}|${labels.length}|${labels.join('\u0001')}`;
    if (key !== labelKey) {
      labelKey = key;
      measure = measurerFor(element, theme.fontSize);
      let widest = 0;
      for (const l of labels) widest = Math.max(widest, measure(l));
      const cap = theme.fontSize * 7;
      margin = {
        left: Math.ceil(Math.min(cap, Math.max(theme.fontSize * 2, widest))) + GAP + 4,
        top: Math.ceil(Math.min(cap * 0.8, Math.max(theme.fontSize * 2, widest))) + GAP + 4,
      };
    }
    side = Math.max(0, Math.floor(Math.min(width - margin.left - 2, height - margin.top - 2)));
    // Where the matrix sits in the canvas (CSS px), for tests and tools that point at cells.
    overlay.dataset.plot = `${margin.left},${margin.top},${side}`;
    configureZoom();
  };

  function repaintPicture() {
    if (!props) return;
    const size = n();
    if (!image || image.width !== size) {
      picture.width = size;
      picture.height = size;
      image = pictureCtx.createImageData(Math.max(1, size), Math.max(1, size));
      shown = new Float64Array(size * size).fill(NaN);
    }
    if (painted.P === props.preferences && painted.order === props.order) return;
    painted = { P: props.preferences, order: props.order };
    const dirty = paintMatrix(props.preferences, props.order, image.data, shown);
    if (dirty) pictureCtx.putImageData(image, 0, 0, dirty.x, dirty.y, dirty.width, dirty.height);
  }

  function drawBase() {
    const ctx = baseCtx;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, width, height);
    if (!props || !n() || side <= 0) return;
    const { left, top } = margin;
    ctx.save();
    ctx.beginPath();
    ctx.rect(left, top, side, side);
    ctx.clip();
    const s = cellSize() * transform.k;
    // Below one pixel per cell, smoothing averages neighbouring cells instead of dropping rows.
    ctx.imageSmoothingEnabled = s < 1;
    ctx.drawImage(picture, transform.applyX(left), transform.applyY(top), side * transform.k, side * transform.k);
    const rows = visibleRange(n(), transform.applyY(top), s, top, top + side);
    const cols = visibleRange(n(), transform.applyX(left), s, left, left + side);
    if (rows && cols && props.counts) hatchUnobserved(ctx, props.counts, rows, cols, s);
    ctx.font = font();
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    if (rows && cols && s >= Math.max(VALUE_CELL_PX, theme.fontSize * 2.6)) {
      for (let r = rows[0]; r <= rows[1]; r++) {
        for (let c = cols[0]; c <= cols[1]; c++) {
          const { x, y } = cellRect(r, c);
          const v = r === c ? NaN : props.preferences[props.order[r]][props.order[c]];
          ctx.fillStyle = r === c ? '#555' : textColorOn(heatColor(v));
          ctx.fillText(r === c ? '½' : v.toFixed(2), x + s / 2, y + s / 2);
        }
      }
    }
    ctx.restore();
    ctx.strokeStyle = '#8a8a8a';
    ctx.lineWidth = 1;
    ctx.strokeRect(left - 0.5, top - 0.5, side + 1, side + 1);
    const P = props;
    const name = (pos: number) => P.labels[P.order[pos]] ?? `y${P.order[pos] + 1}`;
    ctx.font = font();
    drawAxisLabels(
      ctx,
      name,
      rows,
      cols,
      {
        left,
        top,
        side,
        x0: transform.applyX(left),
        y0: transform.applyY(top),
        cell: s,
        gap: GAP,
        fontSize: theme.fontSize,
      },
      measure,
    );
  }

  /**
   * Hatches the visible cells of pairs with no battles (counts[i][j] + counts[j][i] = 0), so they
   * read as unobserved without relying on colour. Cells narrower than 3 px are too small to hatch
   * (the hover read-out still says "no battles").
   */
  function hatchUnobserved(
    ctx: CanvasRenderingContext2D,
    counts: readonly (readonly number[])[],
    rows: [number, number],
    cols: [number, number],
    s: number,
  ) {
    if (!props || s < 3 || counts.length !== n()) return;
    const order = props.order;
    ctx.save();
    ctx.strokeStyle = 'rgba(0, 0, 0, 0.45)';
    ctx.lineWidth = 1;
    ctx.beginPath();
    const step = Math.max(3, Math.min(6, s / 2));
    for (let r = rows[0]; r <= rows[1]; r++) {
      for (let c = cols[0]; c <= cols[1]; c++) {
        const i = order[r];
        const j = order[c];
        if (r === c || counts[i][j] + counts[j][i] > 0) continue;
        const { x, y } = cellRect(r, c);
        // Lines of slope −1 across the cell: from the left or top edge to the bottom or right edge.
        for (let d = step; d < 2 * s; d += step) {
          const ax = x + Math.max(0, d - s);
          const ay = y + Math.min(d, s);
          const bx = x + Math.min(d, s);
          const by = y + Math.max(0, d - s);
          ctx.moveTo(ax, ay);
          ctx.lineTo(bx, by);
        }
      }
    }
    ctx.stroke();
    ctx.restore();
  }

  /** An outline around a cell, at least 8 px so a sub-pixel cell is still visible. */
  function outline(cell: HeatmapCell, inner: string, widthPx: number) {
    if (!props) return;
    const r = props.order.indexOf(cell.i);
    const c = props.order.indexOf(cell.j);
    if (r < 0 || c < 0) return;
    const { x, y, s } = cellRect(r, c);
    const size = Math.max(s, 8);
    const ox = x + s / 2 - size / 2;
    const oy = y + s / 2 - size / 2;
    overCtx.lineWidth = widthPx + 2;
    overCtx.strokeStyle = '#ffffff';
    overCtx.strokeRect(ox, oy, size, size);
    overCtx.lineWidth = widthPx;
    overCtx.strokeStyle = inner;
    overCtx.strokeRect(ox, oy, size, size);
  }

  function drawOverlay() {
    overCtx.setTransform(dpr, 0, 0, dpr, 0, 0);
    overCtx.clearRect(0, 0, width, height);
    overCtx.save();
    overCtx.beginPath();
    overCtx.rect(margin.left - 6, margin.top - 6, side + 12, side + 12);
    overCtx.clip();
    if (hover) outline(hover, '#4d4d4d', 1);
    if (props?.selected) outline(props.selected, '#000000', 2);
    overCtx.restore();
  }

  /** Pans (keeping the zoom) so that display position (r, c) is on screen. */
  function reveal(r: number, c: number) {
    const { x, y, s } = cellRect(r, c);
    if (x >= margin.left && y >= margin.top && x + s <= margin.left + side && y + s <= margin.top + side) return;
    const cs = cellSize();
    zoom.translateTo(zoomSel, margin.left + (c + 0.5) * cs, margin.top + (r + 0.5) * cs);
  }

  attachHeatmapInput(overlay, options, {
    props: () => props,
    cellAt,
    hover: () => hover,
    setHover: (cell) => (hover = cell),
    drawOverlay,
    reveal,
  });

  return {
    update(next) {
      const resized = !props || next.order.length !== props.order.length;
      props = next;
      theme = resolveTheme(next.theme);
      if (resized) {
        transform = d3.zoomIdentity;
        zoomSel.property('__zoom', d3.zoomIdentity);
      }
      layout(); // re-measures only when the labels or the font changed
      repaintPicture();
      drawBase();
      drawOverlay();
    },
    resize(w, h) {
      width = w;
      height = h;
      dpr = window.devicePixelRatio || 1;
      for (const c of [base, overlay]) {
        c.width = Math.round(w * dpr);
        c.height = Math.round(h * dpr);
        c.style.width = `${w}px`;
        c.style.height = `${h}px`;
      }
      root.style.height = `${h}px`;
      layout();
      drawBase();
      drawOverlay();
    },
    zoomBy(factor) {
      // Around the selected cell when it is on screen, so the buttons zoom into what is being edited.
      const sel = props?.selected;
      const r = sel ? props!.order.indexOf(sel.i) : -1;
      const c = sel ? props!.order.indexOf(sel.j) : -1;
      if (r < 0 || c < 0) return void zoom.scaleBy(zoomSel, factor);
      const { x, y, s } = cellRect(r, c);
      const clamp = (v: number, lo: number) => Math.min(lo + side, Math.max(lo, v));
      zoom.scaleBy(zoomSel, factor, [clamp(x + s / 2, margin.left), clamp(y + s / 2, margin.top)]);
    },
    resetZoom() {
      zoom.transform(zoomSel, d3.zoomIdentity);
    },
    destroy() {
      zoomSel.on('.zoom', null);
      root.remove();
    },
  };
}
