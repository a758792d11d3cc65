/**
 * The hero figure: a D3 ternary plot of policies on the simplex (trajectories of each algorithm,
 * the equilibria, μ and π0, the faint τ-paths) with a legend, a hover tooltip and draggable μ/π0.
 *
 * Three stacked layers: an SVG (static: grid, labels, τ-paths, legend), a canvas with the
 * trajectories (simplexTrajectories.ts: thinned paths, only appended segments drawn while playing),
 * and a transparent SVG on top (markers, current points, drag handles; simplexInteraction.ts).
 *
 * Performance model: `update` runs up to 60×/s while playing. It writes only what changed: the new
 * trajectory segments and the transforms of moved markers. Text measurement and the layout
 * (triangle size, label truncation, legend placement) happen only on resize or when the corner
 * labels or the set of legend entries change. Styling is inline, so no global CSS is needed.
 */
import * as d3 from 'd3';
import { rowAt } from './seriesRows.ts';
import { ALGORITHM_STYLE, MARKER_STYLE } from './palette.ts';
import { baryToXY, toBarycentric } from './ternary.ts';
import type { FigureTheme, Renderer, SimplexOptions, SimplexProps } from './types.ts';
import { ALGO_SYMBOL, ALGO_SYMBOL_SIZE, GLYPH, MARKER_ORDER, appendGlyph, computeLayout, cornerText, drawOrder, legendItems, legendKeys, present, r1, symbolPath } from './simplexParts.ts';
import { resolveTheme, themeKey } from './measure.ts';
import type { Layout } from './simplexParts.ts';
import { TrajectoryCanvas } from './simplexTrajectories.ts';
import type { Track } from './trajectoryTrack.ts';
import { createSimplexInteraction } from './simplexInteraction.ts';
import { buildSnapshot, drawStatic, drawTauPaths } from './simplexStatic.ts';
import { formatT } from './formatT.ts';

/** Sets an attribute only when its value changes (an unchanged write can still repaint). */
function setIfChanged(el: Element, name: string, value: string): void {
  if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}

export function createSimplexPlot(element: HTMLElement, options: SimplexOptions): Renderer<SimplexProps> {
  const events = new AbortController();

  // The tooltip is absolutely positioned inside `element`, which therefore must be positioned.
  const restorePosition = element.style.position;
  if (getComputedStyle(element).position === 'static') element.style.position = 'relative';

  let width = element.clientWidth || 400;
  let height = element.clientHeight || 400;
  let props: SimplexProps | null = null;
  let layout: Layout | null = null;
  let structureKey = '';
  let tauCache: { reg: unknown; rlhf: unknown; side: number; corners: string } = { reg: null, rlhf: null, side: 0, corners: '' };
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
  const grid = plot.append('g').attr('class', 'simplex-grid').attr('aria-hidden', 'true');
  const cornerLabels = plot.append('g').attr('aria-hidden', 'true');
  const tauLayer = plot.append('g').attr('aria-hidden', 'true').attr('fill', 'none').attr('stroke-linecap', 'round').attr('stroke-linejoin', 'round');
  const trajectories = new TrajectoryCanvas(element);
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
  // Current points above the equilibria: the moving point is what the eye follows, and a star
  // (radius ~12 px) still shows its tips around a point (~8 px) sitting on it.
  const markerLayer = plotFg.append('g').attr('aria-hidden', 'true');
  const currentLayer = plotFg.append('g').attr('aria-hidden', 'true');
  const legendLayer = svg.append('g').attr('class', 'simplex-legend').attr('aria-hidden', 'true');
  const interaction = createSimplexInteraction(
    element,
    fgNode,
    plotFg,
    { props: () => props, layout: () => layout, theme: () => theme, tracks: () => trajectories.tracks },
    options,
    events.signal,
  );

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

  // ---- Layout-time drawing: grid, corner labels, legend. ----
  function relayout() {
    const items = props ? legendItems(props) : [];
    const corners = props ? [0, 1, 2].map((k) => cornerText(props!, k)) : ['', '', ''];
    theme = resolveTheme(props?.theme);
    interaction.applyThemeSizes();
    layout = computeLayout(width, height, corners, items, measureAt, theme);
    const { ox, oy } = layout;
    svg.attr('width', width).attr('height', height);
    fg.attr('width', width).attr('height', height);
    plot.attr('transform', `translate(${r1(ox)},${r1(oy)})`);
    plotFg.attr('transform', `translate(${r1(ox)},${r1(oy)})`);
    trajectories.invalidate();
    tauCache = { reg: null, rlhf: null, side: 0, corners: '' };
    drawStatic(grid, cornerLabels, legendLayer, layout, theme);
    // Markers and current points are re-created at the theme's size on the next draw.
    markerLayer.selectAll('*').remove();
    currentLayer.selectAll('*').remove();
    draw();
  }

  // ---- Per-frame drawing: new trajectory segments and marker positions only. ----
  function draw() {
    const p = props;
    if (!p || !layout) return;
    const { side } = layout;
    const cornersKey = JSON.stringify(p.corners);
    const c = tauCache;
    if (c.reg !== p.regularizedPath || c.rlhf !== p.rlhfPath || c.side !== side || c.corners !== cornersKey) {
      tauCache = { reg: p.regularizedPath, rlhf: p.rlhfPath, side, corners: cornersKey };
      drawTauPaths(tauLayer, p, side, theme);
    }

    trajectories.update(
      { series: p.series, n: p.n, corners: p.corners, t: p.t, side, ox: layout.ox, oy: layout.oy, theme, rowOf: (s) => rowAt(s, p.t) },
      drawOrder(p.series),
    );
    currentLayer
      .selectAll<SVGPathElement, Track>('path')
      .data(trajectories.tracks, (d) => d.algorithm)
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
      .each(function (d) {
        setIfChanged(this, 'transform', `translate(${r1(d.xs[d.cur])},${r1(d.ys[d.cur])})`);
      });

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
      .each(function (d) {
        setIfChanged(this, 'transform', `translate(${r1(d.xy[0])},${r1(d.xy[1])})`);
      });

    interaction.placeHandles(p);
    const text = ariaLabel(p);
    if (text !== ariaText) svg.attr('aria-label', (ariaText = text));
    interaction.refreshHover();
  }

  function ariaLabel(p: SimplexProps): string {
    const corners = [0, 1, 2].map((k) => cornerText(p, k)).join(', ');
    const algos = drawOrder(p.series).filter((s) => s.length > 0).map((s) => ALGORITHM_STYLE[s.algorithm].label);
    const marks = MARKER_ORDER.filter((k) => present(p[k])).map((k) => MARKER_STYLE[k].label.replace(/_/g, ''));
    const trajectories = algos.length ? ` with trajectories of ${algos.join(', ')} at t = ${formatT(p.t)}` : ', no trajectories yet';
    return `Simplex of ${corners}${trajectories}; markers: ${marks.join(', ')}`;
  }

  function structureOf(p: SimplexProps): string {
    return [0, 1, 2].map((k) => cornerText(p, k)).join('\u0000') + '|' + legendKeys(p) + '|' + themeKey(resolveTheme(p.theme));
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
    snapshot: () =>
      buildSnapshot({
        width,
        height,
        layout,
        title: ariaText,
        theme,
        background: svgNode,
        tracks: trajectories.tracks,
        markerLayer: markerLayer.node()!,
        currentLayer: currentLayer.node()!,
        dragGroups: interaction.dragGroups,
        dragGlyphs: interaction.dragGlyphs,
      }),
    destroy() {
      if (destroyed) return;
      destroyed = true;
      events.abort();
      svg.remove();
      trajectories.destroy();
      fg.remove();
      element.style.position = restorePosition;
    },
  };
}
