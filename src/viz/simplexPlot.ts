/**
 * The hero figure: a D3 ternary plot of policies on the simplex (trajectories of each algorithm,
 * the equilibria, μ and π0, the faint τ-paths) with a legend, a hover tooltip and draggable μ/π0.
 *
 * Performance model: `update` runs up to 60×/s while playing. It only rewrites path `d` strings
 * and marker transforms through keyed joins. Text measurement and the layout (triangle size,
 * label truncation, legend placement) happen only on resize or when the corner labels or the set
 * of legend entries change. Styling is inline, so no global CSS is needed.
 */
import * as d3 from 'd3';
import { rowAt, timeAt } from './seriesRows.ts';
import { ALGORITHM_STYLE, MARKER_STYLE } from './palette.ts';
import { SQRT3_2, baryToPolicy, baryToXY, thinIndices, toBarycentric, xyToBary } from './ternary.ts';
import type { Bary } from './ternary.ts';
import type { FigureTheme, Renderer, SimplexOptions, SimplexProps } from './types.ts';
import { ALGO_SYMBOL, ALGO_SYMBOL_SIZE, DRAG_LABEL, GLYPH, MARKER_ORDER, SVG_NS, TAU_PATH_STYLE, TEXT, appendGlyph, computeLayout, cornerText, drawOrder, labelOf, legendItems, legendKeys, present, r1, setRichText, swatchWidth, symbolPath } from './simplexParts.ts';
import { scaleDash } from './chartMath.ts';
import { resolveTheme, themeKey } from './measure.ts';
import type { Draggable, Drawn, Hit, Layout } from './simplexParts.ts';

const MAX_PATH_POINTS = 1200;
/** Trajectory line width in px at strokeScale 1. */
const TRAJECTORY_WIDTH = 2;
const round2 = (v: number) => Math.round(v * 100) / 100;
const HOVER_RADIUS = 12;
const KEY_STEP = 0.02;
export function createSimplexPlot(element: HTMLElement, options: SimplexOptions): Renderer<SimplexProps> {
  const events = new AbortController();
  const listen = <K extends keyof HTMLElementEventMap>(target: Element, type: K, fn: (ev: HTMLElementEventMap[K]) => void) =>
    target.addEventListener(type, fn as EventListener, { signal: events.signal });

  // The tooltip is absolutely positioned inside `element`, which therefore must be positioned.
  const restorePosition = element.style.position;
  if (getComputedStyle(element).position === 'static') element.style.position = 'relative';

  let width = element.clientWidth || 400;
  let height = element.clientHeight || 400;
  let props: SimplexProps | null = null;
  let layout: Layout | null = null;
  let structureKey = '';
  let drawn: Drawn[] = [];
  let tauCache: { reg: unknown; rlhf: unknown; side: number; corners: string } = { reg: null, rlhf: null, side: 0, corners: '' };
  let hoverPoint: [number, number] | null = null;
  let hoverKey = '';
  let svgOffset: [number, number] = [0, 0];
  let dragging: { which: Draggable; pointerId: number; w: Bary | null } | null = null;
  // The last arrow-key position and the prop it was computed from: a second key press before the
  // host has fed the new policy back continues from here instead of from the stale prop.
  let keyed: { which: Draggable; from: ArrayLike<number>; w: Bary } | null = null;
  let ariaText = '';
  let destroyed = false;
  let theme: FigureTheme = resolveTheme(undefined);

  const svg = d3
    .select(element)
    .append('svg')
    .attr('role', 'img')
    .attr('aria-label', 'Simplex plot')
    .style('display', 'block')
    .style('background', '#fff')
    .style('font-family', 'inherit')
    .style('user-select', 'none')
    .style('-webkit-user-select', 'none');
  const svgNode = svg.node()!;
  const plot = svg.append('g');
  const grid = plot.append('g').attr('aria-hidden', 'true');
  const cornerLabels = plot.append('g').attr('aria-hidden', 'true');
  const tauLayer = plot.append('g').attr('aria-hidden', 'true').attr('fill', 'none').attr('stroke-linecap', 'round').attr('stroke-linejoin', 'round');
  // Three stacked layers: this SVG (static: grid, labels, τ-paths, legend), a canvas with the
  // trajectories, and a transparent SVG on top (markers, current points, drag handles). While
  // playing only the canvas and the small top layer change, so the browser never re-rasterises
  // the whole figure, and long paths cost a canvas stroke instead of an SVG repaint.
  const canvas = d3
    .select(element)
    .append('canvas')
    .attr('aria-hidden', 'true')
    .attr('data-testid', 'trajectories')
    .style('position', 'absolute')
    .style('left', '0')
    .style('top', '0')
    .style('pointer-events', 'none');
  const canvasNode = canvas.node()!;
  const ctx2d = canvasNode.getContext('2d');
  const fg = d3
    .select(element)
    .append('svg')
    .attr('role', 'group')
    .attr('aria-label', 'Markers on the simplex')
    .style('position', 'absolute')
    .style('left', '0')
    .style('top', '0')
    .style('display', 'block')
    .style('font-family', 'inherit')
    .style('user-select', 'none')
    .style('-webkit-user-select', 'none');
  const fgNode = fg.node()!;
  const plotFg = fg.append('g');
  const plotNode = plotFg.node()!;
  // Current points above the equilibria: the moving point is what the eye follows, and a star
  // (radius ~12 px) still shows its tips around a point (~8 px) sitting on it.
  const markerLayer = plotFg.append('g').attr('aria-hidden', 'true');
  const currentLayer = plotFg.append('g').attr('aria-hidden', 'true');
  const hoverRing = plotFg
    .append('circle')
    .attr('aria-hidden', 'true')
    .attr('r', 5)
    .attr('fill', 'none')
    .attr('stroke-width', 2)
    .style('pointer-events', 'none')
    .style('display', 'none');
  const dragLayer = plotFg.append('g');
  const legendLayer = svg.append('g').attr('aria-hidden', 'true');

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

  // Text measurement via canvas: no SVG layout is forced, and it only runs on layout changes.
  const ctx = document.createElement('canvas').getContext('2d');
  const measureAt = (fs: number) => {
    const family = getComputedStyle(svgNode).fontFamily || 'sans-serif';
    return (s: string) => {
      if (!ctx) return s.length * fs * 0.6;
      ctx.font = `${fs}px ${family}`;
      return ctx.measureText(s).width;
    };
  };

  // ---- Draggable μ and π0: created once, repositioned on every update. ----
  const dragGroups = {} as Record<Draggable, d3.Selection<SVGGElement, unknown, null, undefined>>;
  const dragGlyphs = {} as Record<Draggable, d3.Selection<SVGGElement, unknown, null, undefined>>;
  for (const which of ['reference', 'initial'] as const) {
    const g = dragLayer.append('g').style('outline', 'none');
    g.append('circle').attr('class', 'focus-ring').attr('r', 13).attr('fill', 'none').attr('stroke', '#0072B2').attr('stroke-width', 2).style('display', 'none');
    dragGlyphs[which] = appendGlyph(g, GLYPH[which]).attr('class', 'glyph');
    // Larger transparent hit area, friendlier to fingers than the 11 px glyph.
    g.append('circle').attr('class', 'hit').attr('r', 14).attr('fill', 'transparent');
    dragGroups[which] = g;
    attachDrag(g.node()!, which);
  }

  /** Sizes that follow the theme: drag glyphs, their rings and hit areas, the hover ring, the tooltip. */
  function applyThemeSizes() {
    const sw = theme.strokeScale;
    for (const which of ['reference', 'initial'] as const) {
      dragGlyphs[which].attr('transform', sw === 1 ? null : `scale(${sw})`);
      dragGroups[which].select('.focus-ring').attr('r', 13 * sw).attr('stroke-width', 2 * sw);
      dragGroups[which].select('.hit').attr('r', Math.max(14, 14 * sw));
    }
    hoverRing.attr('r', 5 * sw).attr('stroke-width', 2 * sw);
    tooltip.style('font-size', `${theme.fontSize}px`);
  }

  function attachDrag(node: SVGGElement, which: Draggable) {
    const policyOf = (w: Bary) => baryToPolicy(w, props!.corners, props!.n);
    listen(node, 'pointerdown', (ev) => {
      if (!props?.draggable || !layout || ev.button !== 0) return;
      ev.preventDefault();
      node.setPointerCapture(ev.pointerId);
      dragging = { which, pointerId: ev.pointerId, w: null };
      node.style.cursor = 'grabbing';
      hoverPoint = null;
      hideTooltip();
    });
    listen(node, 'pointermove', (ev) => {
      if (!dragging || dragging.pointerId !== ev.pointerId || !layout || !props) return;
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
      node.style.cursor = props?.draggable ? 'grab' : '';
      if (w && props) options.onDrag?.(which, policyOf(w), 'end');
    };
    listen(node, 'pointerup', end);
    listen(node, 'pointercancel', end);
    listen(node, 'keydown', (ev) => {
      const dir = ({ ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] } as Record<string, [number, number]>)[ev.key];
      if (!dir || !props?.draggable || !layout) return;
      ev.preventDefault();
      const from = props[which];
      const start = keyed && keyed.which === which && keyed.from === from ? keyed.w : toBarycentric(from, props.corners);
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
    if (!layout) return;
    const [x, y] = baryToXY(w, layout.side);
    dragGroups[which].attr('transform', `translate(${r1(x)},${r1(y)})`);
  }

  // ---- Hover: nearest drawn point (thinned trajectory rows and markers) within HOVER_RADIUS. ----
  listen(fgNode, 'pointermove', (ev) => {
    if (dragging || !layout) return;
    hoverPoint = d3.pointer(ev, plotNode);
    const er = element.getBoundingClientRect();
    const sr = fgNode.getBoundingClientRect();
    svgOffset = [sr.left - er.left - element.clientLeft + element.scrollLeft, sr.top - er.top - element.clientTop + element.scrollTop];
    refreshHover();
  });
  listen(fgNode, 'pointerleave', () => {
    hoverPoint = null;
    hideTooltip();
  });

  function hideTooltip() {
    hoverKey = '';
    tooltip.style('display', 'none');
    hoverRing.style('display', 'none');
  }

  function nearest(px: number, py: number): Hit | null {
    if (!props || !layout) return null;
    let best: Hit | null = null;
    let bestD = (HOVER_RADIUS * theme.strokeScale) ** 2;
    for (const d of drawn) {
      for (let j = 0; j < d.rows.length; j++) {
        const dist = (d.xs[j] - px) ** 2 + (d.ys[j] - py) ** 2;
        if (dist > bestD) continue;
        const row = d.rows[j];
        const n = props.n;
        bestD = dist;
        best = {
          key: `${d.algorithm}:${row}`,
          title: `${ALGORITHM_STYLE[d.algorithm].label} · t = ${timeAt(d.series, row)}`,
          color: ALGORITHM_STYLE[d.algorithm].color,
          policy: d.series.policies.subarray(row * n, row * n + n),
          x: d.xs[j],
          y: d.ys[j],
        };
      }
    }
    for (const key of MARKER_ORDER) {
      const policy = props[key];
      if (!present(policy)) continue;
      const [x, y] = baryToXY(toBarycentric(policy, props.corners), layout.side);
      const dist = (x - px) ** 2 + (y - py) ** 2;
      // Markers win ties: they sit on top of the lines.
      if (dist <= bestD + 1) {
        bestD = dist;
        best = { key: `${key}:${Array.from(policy).join(',')}`, title: MARKER_STYLE[key].label.replace(/_/g, ''), color: GLYPH[key].fill === 'none' || GLYPH[key].fill === '#fff' ? GLYPH[key].stroke : GLYPH[key].fill, policy, x, y };
      }
    }
    return best;
  }

  function refreshHover() {
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
        line.textContent = `${labelOf(props!.labels, i)}: ${(hit.policy[i] ?? 0).toFixed(3)}`;
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

  // ---- Layout-time drawing: grid, corner labels, legend. ----
  function relayout() {
    const items = props ? legendItems(props) : [];
    const corners = props ? [0, 1, 2].map((k) => cornerText(props!, k)) : ['', '', ''];
    theme = resolveTheme(props?.theme);
    applyThemeSizes();
    const sw = theme.strokeScale;
    layout = computeLayout(width, height, corners, items, measureAt, theme);
    const { side, fs, ox, oy } = layout;
    svg.attr('width', width).attr('height', height);
    fg.attr('width', width).attr('height', height);
    plot.attr('transform', `translate(${r1(ox)},${r1(oy)})`);
    plotFg.attr('transform', `translate(${r1(ox)},${r1(oy)})`);
    const dpr = window.devicePixelRatio || 1;
    canvasNode.width = Math.round(width * dpr);
    canvasNode.height = Math.round(height * dpr);
    canvas.style('width', `${width}px`).style('height', `${height}px`);
    tauCache = { reg: null, rlhf: null, side: 0, corners: '' };

    const th = side * SQRT3_2;
    const pt = (w: Bary) => baryToXY(w, side).map(r1).join(',');
    const gridLines: string[] = [];
    for (let i = 1; i < 5; i++) {
      const f = i / 5;
      // Lines of constant w_k = f run between the two edges meeting at corner k.
      gridLines.push(`M${pt([f, 1 - f, 0])}L${pt([f, 0, 1 - f])}`);
      gridLines.push(`M${pt([1 - f, f, 0])}L${pt([0, f, 1 - f])}`);
      gridLines.push(`M${pt([1 - f, 0, f])}L${pt([0, 1 - f, f])}`);
    }
    grid.selectAll('*').remove();
    const outline = `M0,${r1(th)}L${r1(side)},${r1(th)}L${r1(side / 2)},0Z`;
    grid.append('path').attr('d', outline).attr('fill', '#f8f8f8');
    grid.append('path').attr('d', gridLines.join('')).attr('fill', 'none').attr('stroke', '#e1e1e1').attr('stroke-width', sw);
    grid.append('path').attr('d', outline).attr('fill', 'none').attr('stroke', '#555').attr('stroke-width', sw).attr('stroke-linejoin', 'round');

    cornerLabels
      .selectAll<SVGTextElement, Layout['labels'][number]>('text')
      .data(layout.labels)
      .join('text')
      .attr('x', (d) => r1(d.x - ox))
      .attr('y', (d) => r1(d.y - oy))
      .attr('text-anchor', 'middle')
      .attr('font-size', fs)
      .attr('fill', TEXT)
      .each(function (d) {
        this.textContent = d.text;
        if (d.text !== d.full) d3.select(this).append('title').text(d.full);
      });

    legendLayer.selectAll('*').remove();
    // Markers and current points are re-created at the theme's size on the next draw.
    markerLayer.selectAll('*').remove();
    currentLayer.selectAll('*').remove();
    for (const entry of layout.legend) {
      const { item } = entry;
      const g = legendLayer.append('g').attr('transform', `translate(${r1(entry.x)},${r1(entry.y)})`);
      if (entry.text !== item.label) g.append('title').text(item.label.replace(/_/g, ''));
      const swatch = swatchWidth(item, sw);
      if (item.line) {
        g.append('line')
          .attr('x2', swatch)
          .attr('stroke', item.line.color)
          .attr('stroke-width', item.line.width * sw)
          .attr('stroke-dasharray', scaleDash(item.line.dash, sw) || null)
          .attr('stroke-opacity', item.line.opacity);
      }
      if (item.symbol) {
        g.append('path')
          .attr('d', item.symbol.d)
          .attr('transform', sw === 1 ? `translate(${swatch / 2},0)` : `translate(${swatch / 2},0) scale(${sw})`)
          .attr('fill', item.symbol.color)
          .attr('stroke', '#fff');
      }
      if (item.glyph) appendGlyph(g.append('g').attr('transform', `translate(${swatch / 2},0)`), item.glyph, 0.7 * sw);
      const text = g.append('text').attr('x', swatch + 5).attr('dy', '0.35em').attr('font-size', fs).attr('fill', TEXT).node()!;
      setRichText(text, entry.text, fs, theme.fontSize);
    }
    draw();
  }

  // ---- Per-frame drawing: paths and marker positions only. ----
  function drawTauPaths(p: SimplexProps, side: number) {
    const cornersKey = JSON.stringify(p.corners);
    const c = tauCache;
    if (c.reg === p.regularizedPath && c.rlhf === p.rlhfPath && c.side === side && c.corners === cornersKey) return;
    tauCache = { reg: p.regularizedPath, rlhf: p.rlhfPath, side, corners: cornersKey };
    const paths = (['regularizedPath', 'rlhfPath'] as const)
      .filter((key) => p[key])
      .map((key) => {
        const buf = p[key]!;
        const rows = Math.floor(buf.length / p.n);
        let d = '';
        for (let r = 0; r < rows; r++) {
          const [x, y] = baryToXY(toBarycentric(buf, p.corners, r * p.n), side);
          d += `${r ? 'L' : 'M'}${r1(x)},${r1(y)}`;
        }
        return { key, d, ...TAU_PATH_STYLE[key] };
      });
    tauLayer
      .selectAll<SVGPathElement, (typeof paths)[number]>('path')
      .data(paths, (d) => d.key)
      .join('path')
      .attr('stroke', (d) => d.color)
      .attr('stroke-opacity', 0.4)
      .attr('stroke-width', 3 * theme.strokeScale)
      .attr('stroke-dasharray', (d) => scaleDash(d.dash, theme.strokeScale) || null)
      .attr('d', (d) => d.d);
  }

  /** Strokes every trajectory on the canvas (solid ones first, as drawOrder gives them). */
  function drawTrajectories(list: readonly Drawn[]) {
    if (!ctx2d || !layout) return;
    const dpr = canvasNode.width / Math.max(1, width);
    ctx2d.setTransform(1, 0, 0, 1, 0, 0);
    ctx2d.clearRect(0, 0, canvasNode.width, canvasNode.height);
    ctx2d.setTransform(dpr, 0, 0, dpr, layout.ox * dpr, layout.oy * dpr);
    ctx2d.lineWidth = TRAJECTORY_WIDTH * theme.strokeScale;
    ctx2d.lineJoin = 'round';
    ctx2d.lineCap = 'butt';
    for (const d of list) {
      const style = ALGORITHM_STYLE[d.algorithm];
      const dash = scaleDash(style.dash, theme.strokeScale);
      ctx2d.strokeStyle = style.color;
      ctx2d.setLineDash(dash ? dash.split(/[ ,]+/).map(Number) : []);
      ctx2d.beginPath();
      for (let j = 0; j < d.xs.length; j++) {
        if (j === 0) ctx2d.moveTo(d.xs[j], d.ys[j]);
        else ctx2d.lineTo(d.xs[j], d.ys[j]);
      }
      ctx2d.stroke();
    }
    // What is drawn, for tests and benchmarks (a canvas has no DOM to inspect): rows per algorithm.
    canvasNode.dataset.drawn = list.map((d) => `${d.algorithm}:${d.rows.length ? timeAt(d.series, d.rows[d.rows.length - 1]) + 1 : 0}`).join(' ');
  }

  function draw() {
    const p = props;
    if (!p || !layout) return;
    const { side } = layout;
    drawTauPaths(p, side);

    drawn = [];
    for (const s of drawOrder(p.series)) {
      if (s.length <= 0) continue;
      const cur = rowAt(s, p.t);
      const rows = thinIndices(cur + 1, MAX_PATH_POINTS);
      const xs = new Float64Array(rows.length);
      const ys = new Float64Array(rows.length);
      rows.forEach((row, j) => {
        const [x, y] = baryToXY(toBarycentric(s.policies, p.corners, row * p.n), side);
        xs[j] = x;
        ys[j] = y;
      });
      drawn.push({ algorithm: s.algorithm, series: s, rows, xs, ys });
    }
    drawTrajectories(drawn);
    currentLayer
      .selectAll<SVGPathElement, Drawn>('path')
      .data(drawn, (d) => d.algorithm)
      .join((enter) =>
        enter
          .append('path')
          .attr('d', (d) => {
            const m = ALGORITHM_STYLE[d.algorithm].marker;
            return symbolPath(ALGO_SYMBOL[m], ALGO_SYMBOL_SIZE[m] * theme.strokeScale ** 2);
          })
          .attr('data-algorithm', (d) => d.algorithm)
          .attr('fill', (d) => ALGORITHM_STYLE[d.algorithm].color)
          .attr('stroke', '#fff')
          .attr('stroke-width', 1.5 * theme.strokeScale),
      )
      .attr('transform', (d) => `translate(${r1(d.xs[d.xs.length - 1])},${r1(d.ys[d.ys.length - 1])})`);

    const markers = (['regularized', 'nash', 'rlhfOptimum'] as const)
      .filter((key) => present(p[key]))
      .map((key) => ({ key, xy: baryToXY(toBarycentric(p[key]!, p.corners), side) }));
    markerLayer
      .selectAll<SVGGElement, (typeof markers)[number]>('g.marker')
      .data(markers, (d) => d.key)
      .join((enter) =>
        enter
          .append('g')
          .attr('class', 'marker')
          .each(function (d) {
            appendGlyph(d3.select(this), GLYPH[d.key], theme.strokeScale);
          }),
      )
      .attr('transform', (d) => `translate(${r1(d.xy[0])},${r1(d.xy[1])})`);

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

    const text = ariaLabel(p);
    if (text !== ariaText) svg.attr('aria-label', (ariaText = text));
    if (hoverPoint) refreshHover();
  }

  function ariaLabel(p: SimplexProps): string {
    const corners = [0, 1, 2].map((k) => cornerText(p, k)).join(', ');
    const algos = drawOrder(p.series).filter((s) => s.length > 0).map((s) => ALGORITHM_STYLE[s.algorithm].label);
    const marks = MARKER_ORDER.filter((k) => present(p[k])).map((k) => MARKER_STYLE[k].label.replace(/_/g, ''));
    const trajectories = algos.length ? ` with trajectories of ${algos.join(', ')} at t = ${Math.floor(p.t)}` : ', no trajectories yet';
    return `Simplex of ${corners}${trajectories}; markers: ${marks.join(', ')}`;
  }

  function structureOf(p: SimplexProps): string {
    return [0, 1, 2].map((k) => cornerText(p, k)).join('\u0000') + '|' + legendKeys(p) + '|' + themeKey(resolveTheme(p.theme));
  }

  /**
   * The figure as one standalone SVG: the static layer, the trajectories as vector paths (the
   * same rows and projection as the canvas), then markers and current points. Interaction-only
   * nodes (hover ring, focus rings, hit areas) are left out. Top-level groups carry data-layer
   * (background, trajectories, markers, current, handles) so an exporter can draw them separately.
   */
  function snapshot(): SVGSVGElement {
    const out = document.createElementNS(SVG_NS, 'svg');
    out.setAttribute('xmlns', SVG_NS);
    out.setAttribute('width', String(width));
    out.setAttribute('height', String(height));
    out.setAttribute('viewBox', `0 0 ${width} ${height}`);
    out.setAttribute('font-family', 'sans-serif');
    const title = document.createElementNS(SVG_NS, 'title');
    title.textContent = ariaText || 'Simplex plot';
    out.appendChild(title);
    const layer = (name: string, translate: boolean) => {
      const g = document.createElementNS(SVG_NS, 'g');
      g.setAttribute('data-layer', name);
      if (translate && layout) g.setAttribute('transform', `translate(${r1(layout.ox)},${r1(layout.oy)})`);
      out.appendChild(g);
      return g;
    };
    const bg = layer('background', false);
    const rect = document.createElementNS(SVG_NS, 'rect');
    rect.setAttribute('width', String(width));
    rect.setAttribute('height', String(height));
    rect.setAttribute('fill', '#fff');
    bg.appendChild(rect);
    for (const child of Array.from(svgNode.childNodes)) bg.appendChild(child.cloneNode(true));

    const trajectories = layer('trajectories', true);
    trajectories.setAttribute('fill', 'none');
    trajectories.setAttribute('stroke-linejoin', 'round');
    for (const d of drawn) {
      const style = ALGORITHM_STYLE[d.algorithm];
      const path = document.createElementNS(SVG_NS, 'path');
      let dAttr = '';
      for (let j = 0; j < d.xs.length; j++) dAttr += `${j ? 'L' : 'M'}${round2(d.xs[j])},${round2(d.ys[j])}`;
      path.setAttribute('class', 'trajectory');
      path.setAttribute('data-algorithm', d.algorithm);
      path.setAttribute('d', dAttr);
      path.setAttribute('stroke', style.color);
      path.setAttribute('stroke-width', String(TRAJECTORY_WIDTH * theme.strokeScale));
      const dash = scaleDash(style.dash, theme.strokeScale);
      if (dash) path.setAttribute('stroke-dasharray', dash);
      const label = document.createElementNS(SVG_NS, 'title');
      label.textContent = `${style.label}, t = 0…${d.rows.length ? timeAt(d.series, d.rows[d.rows.length - 1]) : 0}`;
      path.appendChild(label);
      trajectories.appendChild(path);
    }

    // The live stacking order: equilibria, current points, then the μ and π0 handles.
    layer('markers', true).appendChild(markerLayer.node()!.cloneNode(true));
    layer('current', true).appendChild(currentLayer.node()!.cloneNode(true));
    const handles = layer('handles', true);
    for (const which of ['reference', 'initial'] as const) {
      const g = dragGroups[which].node()!;
      const glyphs = document.createElementNS(SVG_NS, 'g');
      const transform = g.getAttribute('transform');
      if (transform) glyphs.setAttribute('transform', transform);
      glyphs.appendChild(dragGlyphs[which].node()!.cloneNode(true));
      handles.appendChild(glyphs);
    }
    return out;
  }

  relayout();

  return {
    update(next) {
      if (destroyed) return;
      props = next;
      const key = structureOf(next);
      if (key !== structureKey) {
        structureKey = key;
        relayout();
      } else draw();
    },
    resize(w, h) {
      if (destroyed) return;
      width = Math.max(1, Math.floor(w));
      height = Math.max(1, Math.floor(h));
      relayout();
    },
    snapshot,
    destroy() {
      if (destroyed) return;
      destroyed = true;
      events.abort();
      svg.remove();
      canvas.remove();
      fg.remove();
      tooltip.remove();
      element.style.position = restorePosition;
    },
  };
}
