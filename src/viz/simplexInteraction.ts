/**
 * Interaction on the simplex plot: the draggable μ and π0 handles (pointer and arrow keys) and the
 * hover tooltip of the nearest trajectory point or marker. Used by simplexPlot.ts, which owns the
 * layers and passes in what it draws through `SimplexView`.
 */
import * as d3 from 'd3';
import { timeAt } from '../shared/seriesRows.ts';
import { seriesStyle } from '../shared/palette.ts';
import { baryToPolicy, baryToXY, toBarycentric, xyToBary } from './ternary.ts';
import type { Bary } from './ternary.ts';
import type { FigureTheme, SimplexOptions, SimplexProps } from './types.ts';
import {
  DRAG_LABEL,
  GLYPH,
  MARKER_ORDER,
  TEXT,
  appendGlyph,
  labelOf,
  markerLabel,
  present,
  r1,
} from './simplexParts.ts';
import type { Draggable, Hit, Layout } from './simplexParts.ts';
import type { Track } from './trajectoryTrack.ts';
import { formatT } from '../shared/formatT.ts';

const HOVER_RADIUS = 12;
const KEY_STEP = 0.02;

/** What the interaction needs to read from the plot. */
export interface SimplexView {
  props(): SimplexProps | null;
  layout(): Layout | null;
  theme(): FigureTheme;
  tracks(): readonly Track[];
  /** Where a marker is drawn when fanned out from coincident ones (markerFan.ts), else null. */
  drawnAt(key: string): { dx: number; dy: number } | null;
}

export interface SimplexInteraction {
  dragGroups: Record<Draggable, d3.Selection<SVGGElement, unknown, null, undefined>>;
  dragGlyphs: Record<Draggable, d3.Selection<SVGGElement, unknown, null, undefined>>;
  applyThemeSizes(): void;
  /** Positions the handles and sets their accessibility attributes for `p`. */
  placeHandles(p: SimplexProps): void;
  /** Re-evaluates the tooltip after a redraw (the point under the pointer may have moved). */
  refreshHover(): void;
}

export function createSimplexInteraction(
  element: HTMLElement,
  fgNode: SVGSVGElement,
  plotFg: d3.Selection<SVGGElement, unknown, null, undefined>,
  view: SimplexView,
  options: SimplexOptions,
  signal: AbortSignal,
): SimplexInteraction {
  const listen = <K extends keyof HTMLElementEventMap>(
    target: Element,
    type: K,
    fn: (ev: HTMLElementEventMap[K]) => void,
  ) => target.addEventListener(type, fn as EventListener, { signal });
  const plotNode = plotFg.node()!;
  let hoverPoint: [number, number] | null = null;
  let hoverKey = '';
  let svgOffset: [number, number] = [0, 0];
  let dragging: { which: Draggable; pointerId: number; w: Bary | null } | null = null;
  // The last arrow-key position and the prop it was computed from: a second key press before the
  // host has fed the new policy back continues from here instead of from the stale prop.
  let keyed: { which: Draggable; from: ArrayLike<number>; w: Bary } | null = null;

  const hoverRing = plotFg
    .append('circle')
    .attr('aria-hidden', 'true')
    .attr('r', 5)
    .attr('fill', 'none')
    .attr('stroke-width', 2)
    .style('pointer-events', 'none')
    .style('display', 'none');
  const dragLayer = plotFg.append('g');

  const tooltip = d3
    .select(element)
    .append('div')
    .attr('role', 'tooltip')
    .style('position', 'absolute')
    .style('left', '0')
    .style('top', '0')
    .style('display', 'none')
    .style('pointer-events', 'none')
    .style('z-index', '10')
    .style('background', 'rgba(255,255,255,0.97)')
    .style('border', '1px solid #c8c8c8')
    .style('border-radius', '4px')
    .style('box-shadow', '0 2px 6px rgba(0,0,0,0.12)')
    .style('padding', '5px 8px')
    .style('font-size', '12px')
    .style('line-height', '1.35')
    .style('color', TEXT)
    .style('white-space', 'nowrap')
    .style('font-variant-numeric', 'tabular-nums');
  const tooltipNode = tooltip.node()!;
  signal.addEventListener('abort', () => tooltip.remove());

  // ---- Draggable μ and π0: created once, repositioned on every update. ----
  const dragGroups = {} as Record<Draggable, d3.Selection<SVGGElement, unknown, null, undefined>>;
  const dragGlyphs = {} as Record<Draggable, d3.Selection<SVGGElement, unknown, null, undefined>>;
  const placed: Record<Draggable, string> = { reference: '', initial: '' };
  for (const which of ['reference', 'initial'] as const) {
    const g = dragLayer.append('g').style('outline', 'none');
    g.append('circle')
      .attr('class', 'focus-ring')
      .attr('r', 13)
      .attr('fill', 'none')
      .attr('stroke', '#0072B2')
      .attr('stroke-width', 2)
      .style('display', 'none');
    dragGlyphs[which] = appendGlyph(g, GLYPH[which]).attr('class', 'glyph');
    // Larger transparent hit area, friendlier to fingers than the 11 px glyph.
    g.append('circle').attr('class', 'hit').attr('r', 14).attr('fill', 'transparent');
    dragGroups[which] = g;
    attachDrag(g.node()!, which);
  }

  function applyThemeSizes() {
    const sw = view.theme().strokeScale;
    for (const which of ['reference', 'initial'] as const) {
      dragGlyphs[which].attr('transform', sw === 1 ? null : `scale(${sw})`);
      dragGroups[which]
        .select('.focus-ring')
        .attr('r', 13 * sw)
        .attr('stroke-width', 2 * sw);
      dragGroups[which].select('.hit').attr('r', Math.max(14, 14 * sw));
    }
    hoverRing.attr('r', 5 * sw).attr('stroke-width', 2 * sw);
    tooltip.style('font-size', `${view.theme().fontSize}px`);
  }

  function attachDrag(node: SVGGElement, which: Draggable) {
    const policyOf = (w: Bary) => baryToPolicy(w, view.props()!.corners, view.props()!.n);
    listen(node, 'pointerdown', (ev) => {
      if (!view.props()?.draggable || !view.layout() || ev.button !== 0) return;
      ev.preventDefault();
      node.setPointerCapture(ev.pointerId);
      dragging = { which, pointerId: ev.pointerId, w: null };
      node.style.cursor = 'grabbing';
      hoverPoint = null;
      hideTooltip();
    });
    listen(node, 'pointermove', (ev) => {
      const layout = view.layout();
      if (!dragging || dragging.pointerId !== ev.pointerId || !layout || !view.props()) return;
      const [x, y] = d3.pointer(ev, plotNode);
      const w = xyToBary(x, y, layout.side);
      dragging.w = w;
      placeDraggable(which, w);
      options.onDrag?.(which, policyOf(w), 'move');
    });
    const end = (ev: PointerEvent) => {
      if (!dragging || dragging.pointerId !== ev.pointerId) return;
      const { w } = dragging;
      dragging = null;
      node.style.cursor = view.props()?.draggable ? 'grab' : '';
      if (w && view.props()) options.onDrag?.(which, policyOf(w), 'end');
    };
    listen(node, 'pointerup', end);
    listen(node, 'pointercancel', end);
    listen(node, 'keydown', (ev) => {
      const dir = (
        { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] } as Record<
          string,
          [number, number]
        >
      )[ev.key];
      const props = view.props();
      const layout = view.layout();
      if (!dir || !props?.draggable || !layout) return;
      ev.preventDefault();
      const from = props[which];
      const start =
        keyed && keyed.which === which && keyed.from === from ? keyed.w : toBarycentric(from, props.corners);
      const [x, y] = baryToXY(start, layout.side);
      const step = KEY_STEP * layout.side;
      const w = xyToBary(x + dir[0] * step, y + dir[1] * step, layout.side);
      keyed = { which, from, w };
      placeDraggable(which, w);
      options.onDrag?.(which, policyOf(w), 'end');
    });
    const ring = node.querySelector<SVGCircleElement>('.focus-ring')!;
    listen(node, 'focus', () => {
      ring.style.display = node.matches(':focus-visible') ? '' : 'none';
    });
    listen(node, 'blur', () => {
      ring.style.display = 'none';
    });
  }

  function placeDraggable(which: Draggable, w: Bary) {
    const layout = view.layout();
    if (!layout) return;
    const [x, y] = baryToXY(w, layout.side);
    const transform = `translate(${r1(x)},${r1(y)})`;
    // Unchanged positions are not rewritten: no paint invalidation while playing.
    if (transform === placed[which]) return;
    placed[which] = transform;
    dragGroups[which].attr('transform', transform);
  }

  function placeHandles(p: SimplexProps) {
    for (const which of ['reference', 'initial'] as const) {
      const g = dragGroups[which];
      const node = g.node()!;
      if (dragging?.which === which && dragging.w) placeDraggable(which, dragging.w);
      else placeDraggable(which, toBarycentric(p[which], p.corners));
      // Attribute writes only when the mode flips, not every frame.
      if (node.dataset.draggable !== String(p.draggable)) {
        node.dataset.draggable = String(p.draggable);
        const on = p.draggable;
        // A focusable control needs a role for its label to count: a button that moves with arrows.
        g.attr('tabindex', () => (on ? 0 : null))
          .attr('role', () => (on ? 'button' : null))
          .attr('aria-roledescription', () => (on ? 'draggable point' : null))
          .attr('aria-label', () => (on ? DRAG_LABEL[which] : null))
          .attr('aria-hidden', () => (on ? null : 'true'))
          .style('cursor', () => (on ? 'grab' : null))
          .style('touch-action', () => (on ? 'none' : null));
        g.select('.hit').style('pointer-events', () => (on ? null : 'none'));
      }
    }
  }

  // ---- Hover: nearest drawn point (every row of the trajectories, and markers) within HOVER_RADIUS. ----
  listen(fgNode as unknown as Element, 'pointermove', (ev) => {
    if (dragging || !view.layout()) return;
    hoverPoint = d3.pointer(ev, plotNode);
    const er = element.getBoundingClientRect();
    const sr = fgNode.getBoundingClientRect();
    svgOffset = [
      sr.left - er.left - element.clientLeft + element.scrollLeft,
      sr.top - er.top - element.clientTop + element.scrollTop,
    ];
    refreshHover();
  });
  listen(fgNode as unknown as Element, 'pointerleave', () => {
    hoverPoint = null;
    hideTooltip();
  });

  function hideTooltip() {
    hoverKey = '';
    tooltip.style('display', 'none');
    hoverRing.style('display', 'none');
  }

  function nearest(px: number, py: number): Hit | null {
    const props = view.props();
    const layout = view.layout();
    if (!props || !layout) return null;
    let best: Hit | null = null;
    let bestD = (HOVER_RADIUS * view.theme().strokeScale) ** 2;
    for (const track of view.tracks()) {
      const { xs, ys, series } = track;
      let bestRow = -1;
      for (let row = 0; row <= track.cur; row++) {
        const dist = (xs[row] - px) ** 2 + (ys[row] - py) ** 2;
        if (dist > bestD) continue;
        bestD = dist;
        bestRow = row;
      }
      if (bestRow < 0) continue;
      const n = props.n;
      best = {
        key: `${track.key}:${bestRow}`,
        title: `${seriesStyle(series).label} · t = ${formatT(timeAt(series, bestRow))}`,
        color: seriesStyle(series).color,
        policy: series.policies.subarray(bestRow * n, bestRow * n + n),
        x: xs[bestRow],
        y: ys[bestRow],
      };
    }
    for (const key of MARKER_ORDER) {
      const policy = props[key];
      if (!present(policy)) continue;
      const drawn = view.drawnAt(key);
      const [x, y] = drawn ? [drawn.dx, drawn.dy] : baryToXY(toBarycentric(policy, props.corners), layout.side);
      const dist = (x - px) ** 2 + (y - py) ** 2;
      // Markers win ties: they sit on top of the lines.
      if (dist <= bestD + 1) {
        bestD = dist;
        best = {
          key: `${key}:${Array.from(policy).join(',')}`,
          title: markerLabel(key, props).replace(/_/g, ''),
          color: GLYPH[key].fill === 'none' || GLYPH[key].fill === '#fff' ? GLYPH[key].stroke : GLYPH[key].fill,
          policy,
          x,
          y,
        };
      }
    }
    return best;
  }

  function refreshHover() {
    const props = view.props();
    const layout = view.layout();
    if (!hoverPoint || dragging || !props || !layout) return;
    const hit = nearest(hoverPoint[0], hoverPoint[1]);
    if (!hit) {
      hideTooltip();
      return;
    }
    hoverRing.attr('cx', r1(hit.x)).attr('cy', r1(hit.y)).attr('stroke', hit.color).style('display', null);
    if (hit.key !== hoverKey) {
      hoverKey = hit.key;
      const head = document.createElement('div');
      head.style.fontWeight = '600';
      head.style.color = hit.color;
      head.textContent = hit.title;
      const lines = Array.from({ length: props.n }, (_, i) => {
        const line = document.createElement('div');
        line.textContent = `${labelOf(props.labels, i)}: ${(hit.policy[i] ?? 0).toFixed(3)}`;
        return line;
      });
      tooltipNode.replaceChildren(head, ...lines);
    }
    tooltip.style('display', null);
    // Right-below of the point, flipped left/up when it would leave the figure.
    const ax = svgOffset[0] + layout.ox + hit.x;
    const ay = svgOffset[1] + layout.oy + hit.y;
    const tw = tooltipNode.offsetWidth;
    const th = tooltipNode.offsetHeight;
    const left = ax + 14 + tw > svgOffset[0] + layout.width ? ax - 14 - tw : ax + 14;
    const top = ay + 14 + th > svgOffset[1] + layout.height ? Math.max(svgOffset[1], ay - 14 - th) : ay + 14;
    tooltip.style('left', `${Math.round(Math.max(0, left))}px`).style('top', `${Math.round(top)}px`);
  }

  return { dragGroups, dragGlyphs, applyThemeSizes, placeHandles, refreshHover };
}
