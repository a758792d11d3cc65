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
import { isSeedPath, rowAt } from '../shared/seriesRows.ts';
import { MARKER_STYLE, seriesStyle } from '../shared/palette.ts';
import { baryToXY, toBarycentric } from './ternary.ts';
import type { FigureTheme, Renderer, SimplexOptions, SimplexProps } from './types.ts';
import {
  ALGO_SYMBOL,
  ALGO_SYMBOL_SIZE,
  GLYPH,
  MARKER_ORDER,
  appendGlyph,
  withFixedPointRule,
  computeLayout,
  cornerText,
  drawOrder,
  legendItems,
  legendKeys,
  markerLabel,
  present,
  r1,
  seedBundleLabel,
  symbolPath,
} from './simplexParts.ts';
import { resolveTheme, themeKey } from './measure.ts';
import type { Layout, MarkerKey } from './simplexParts.ts';
import { TrajectoryCanvas } from './simplexTrajectories.ts';
import type { Track } from './trajectoryTrack.ts';
import { createSimplexInteraction } from './simplexInteraction.ts';
import { formatT } from '../shared/formatT.ts';
import { buildSnapshot, drawStatic, drawTauPaths, isSegment, segmentLayout } from './simplexStatic.ts';
import { ALGO_GLYPH_RADIUS } from './algorithmSymbols.ts';
import { fanMarkers, type FanInput, type FanPlacement } from './markerFan.ts';
import type { drawField as DrawField } from './simplexField.ts';

/**
 * Visual radius (halo included, at stroke scale 1) of each glyph, for fanning out coincident
 * markers: the stars and the diamond of the equilibria, the current points, the μ and π0 handles.
 */
const GLYPH_RADIUS = {
  regularized: 13,
  nash: 13,
  rlhfOptimum: 12,
  nashMdFixedPoint: 11,
  truthRegularized: 13,
  truthNash: 11,
  truthRlhfOptimum: 12,
  reference: 8,
  initial: 8.5,
} as const;
/** Markers whose centres are closer than this (px at stroke scale 1) are fanned out. */
const COINCIDE_PX = 8;

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
  /** The props as given (props: as drawn, after the fixed point's pixel rule). */
  let given: SimplexProps | null = null;
  let layout: Layout | null = null;
  let structureKey = '';
  let tauCache: { reg: unknown; rlhf: unknown; side: number; corners: string } = {
    reg: null,
    rlhf: null,
    side: 0,
    corners: '',
  };
  let ariaText = '';
  let destroyed = false;
  let theme: FigureTheme = resolveTheme(undefined);
  /** Where each marker is drawn this frame (key → placement), for hover and the aria label. */
  let placements = new Map<string, FanPlacement>();

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
  const tauLayer = plot
    .append('g')
    .attr('aria-hidden', 'true')
    .attr('fill', 'none')
    .attr('stroke-linecap', 'round')
    .attr('stroke-linejoin', 'round');
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
  // Leader lines from a fanned-out marker back to its true position, under every glyph.
  const leaderLayer = plotFg.append('g').attr('aria-hidden', 'true').attr('class', 'leaders');
  const markerLayer = plotFg.append('g').attr('aria-hidden', 'true');
  const currentLayer = plotFg.append('g').attr('aria-hidden', 'true');
  const legendLayer = svg.append('g').attr('class', 'simplex-legend').attr('aria-hidden', 'true');
  // The flow field (simplexField.ts) under everything else: made on first use.
  let fieldLayer: d3.Selection<SVGGElement, unknown, null, undefined> | null = null;
  let fieldCache: { field: unknown; side: number; corners: string } = { field: null, side: 0, corners: '' };
  const interaction = createSimplexInteraction(
    element,
    fgNode,
    plotFg,
    {
      props: () => props,
      layout: () => layout,
      theme: () => theme,
      tracks: () => trajectories.markedTracks,
      drawnAt: (key) => placements.get(key) ?? null,
    },
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

  // The flow-field layer's code loads with the first field asked for (it is off by default).
  let drawField: typeof DrawField | null = null;
  let fieldLoading: Promise<void> | null = null;
  function loadField(): Promise<void> {
    fieldLoading ??= import('./simplexField.ts').then((m) => {
      drawField = m.drawField;
      if (!destroyed) draw();
    });
    return fieldLoading;
  }

  // ---- Layout-time drawing: grid, corner labels, legend. ----
  function relayout() {
    const items = props ? legendItems(props) : [];
    const corners = props ? [0, 1, 2].map((k) => cornerText(props!, k)) : ['', '', ''];
    theme = resolveTheme(props?.theme);
    interaction.applyThemeSizes();
    const segment = !!props && isSegment(props);
    layout = computeLayout(width, height, corners, items, measureAt, theme);
    if (segment) layout = segmentLayout(layout, theme.strokeScale);
    const { ox, oy } = layout;
    svg.attr('width', width).attr('height', height);
    fg.attr('width', width).attr('height', height);
    plot.attr('transform', `translate(${r1(ox)},${r1(oy)})`);
    plotFg.attr('transform', `translate(${r1(ox)},${r1(oy)})`);
    trajectories.invalidate();
    tauCache = { reg: null, rlhf: null, side: 0, corners: '' };
    fieldCache = { field: null, side: 0, corners: '' };
    drawStatic(grid, cornerLabels, legendLayer, layout, theme, segment);
    // Markers and current points are re-created at the theme's size on the next draw.
    markerLayer.selectAll('*').remove();
    currentLayer.selectAll('*').remove();
    leaderLayer.selectAll('*').remove();
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
    const field = p.n === 3 ? (p.field ?? null) : null;
    if (field && !drawField) loadField();
    else if (fieldCache.field !== field || fieldCache.side !== side || fieldCache.corners !== cornersKey) {
      fieldCache = { field, side, corners: cornersKey };
      if (field && drawField)
        fieldLayer ??= plot
          .insert<SVGGElement>('g', () => cornerLabels.node())
          .attr('class', 'simplex-field')
          .attr('aria-hidden', 'true');
      if (fieldLayer && drawField) drawField(fieldLayer, field, p.corners, side, theme);
    }

    trajectories.update(
      {
        series: p.series,
        n: p.n,
        corners: p.corners,
        t: p.t,
        side,
        ox: layout.ox,
        oy: layout.oy,
        theme,
        rowOf: (s) => rowAt(s, p.t),
      },
      drawOrder(p.series),
    );
    const markers = (
      [
        'regularized',
        'nash',
        'rlhfOptimum',
        'nashMdFixedPoint',
        'truthRegularized',
        'truthNash',
        'truthRlhfOptimum',
      ] as const
    )
      .filter((key) => present(p[key]))
      .map((key) => ({ key, xy: baryToXY(toBarycentric(p[key]!, p.corners), side) }));
    placements = placeMarkers(p, markers, side);
    const at = (key: string, x: number, y: number) => {
      const placed = placements.get(key);
      return placed ? `translate(${r1(placed.dx)},${r1(placed.dy)})` : `translate(${r1(x)},${r1(y)})`;
    };
    currentLayer
      .selectAll<SVGPathElement, Track>('path')
      .data(trajectories.markedTracks, (d) => d.key)
      .join((enter) =>
        enter
          .append('path')
          .attr('d', (d) => {
            const m = seriesStyle(d.series).marker;
            // A bundle's mean: the run's filled shape, half the area (told apart from the run without colour).
            const area = ALGO_SYMBOL_SIZE[m] * theme.strokeScale ** 2 * (d.series.bundle === 'mean' ? 0.5 : 1);
            return symbolPath(ALGO_SYMBOL[m], area);
          })
          .attr('data-algorithm', (d) => d.algorithm)
          .attr('data-average', (d) => (d.average ? 'true' : null))
          .attr('data-bundle', (d) => d.series.bundle ?? null)
          // An average's marker is the run's shape, hollow: told apart without colour.
          .attr('fill', (d) => (seriesStyle(d.series).hollow ? '#fff' : seriesStyle(d.series).color))
          .attr('stroke', (d) => (seriesStyle(d.series).hollow ? seriesStyle(d.series).color : '#fff'))
          .attr('stroke-width', 1.5 * theme.strokeScale),
      )
      .each(function (d) {
        setIfChanged(this, 'transform', at(`current:${d.key}`, d.xs[d.cur], d.ys[d.cur]));
      });

    markerLayer
      .selectAll<SVGGElement, (typeof markers)[number]>('g.marker')
      .data(markers, (d) => d.key)
      .join((enter) =>
        enter
          .append('g')
          .attr('class', 'marker')
          .attr('data-marker', (d) => d.key)
          .each(function (d) {
            appendGlyph(d3.select(this), GLYPH[d.key], theme.strokeScale);
          }),
      )
      .each(function (d) {
        setIfChanged(this, 'transform', at(d.key, d.xy[0], d.xy[1]));
      });

    // A thin line from each fanned-out glyph to a dot at its true position.
    const moved = [...placements.values()].filter((m) => m.moved);
    const leaders = leaderLayer
      .selectAll<SVGGElement, FanPlacement>('g.leader')
      .data(moved, (d) => d.key)
      .join((enter) => {
        const g = enter.append('g').attr('class', 'leader');
        g.append('line').attr('stroke', '#555').attr('stroke-width', theme.strokeScale);
        g.append('circle')
          .attr('r', 1.75 * theme.strokeScale)
          .attr('fill', '#555');
        return g;
      });
    leaders.attr('data-marker', (d) => d.key);
    leaders
      .select('line')
      .attr('x1', (d) => r1(d.x))
      .attr('y1', (d) => r1(d.y))
      .attr('x2', (d) => r1(d.dx))
      .attr('y2', (d) => r1(d.dy));
    leaders
      .select('circle')
      .attr('cx', (d) => r1(d.x))
      .attr('cy', (d) => r1(d.y));

    interaction.placeHandles(p);
    const text = ariaLabel(p);
    if (text !== ariaText) svg.attr('aria-label', (ariaText = text));
    interaction.refreshHover();
  }

  /**
   * Where each marker goes this frame: every glyph at its policy's position, except markers
   * within a few px of each other, which are fanned out around the drag handle or the first
   * equilibrium among them (markerFan.ts) so none hides another.
   */
  function placeMarkers(
    p: SimplexProps,
    markers: { key: string; xy: [number, number] }[],
    side: number,
  ): Map<string, FanPlacement> {
    const sw = theme.strokeScale;
    const items: FanInput[] = markers.map((m) => ({
      key: m.key,
      x: m.xy[0],
      y: m.xy[1],
      r: GLYPH_RADIUS[m.key as keyof typeof GLYPH_RADIUS] * sw,
    }));
    for (const d of trajectories.markedTracks) {
      if (d.cur < 0) continue;
      items.push({
        key: `current:${d.key}`,
        x: d.xs[d.cur],
        y: d.ys[d.cur],
        r: ALGO_GLYPH_RADIUS[seriesStyle(d.series).marker] * sw,
      });
    }
    for (const which of ['reference', 'initial'] as const) {
      const [x, y] = baryToXY(toBarycentric(p[which], p.corners), side);
      items.push({ key: which, x, y, r: GLYPH_RADIUS[which] * sw, fixed: true });
    }
    return new Map(fanMarkers(items, COINCIDE_PX * sw).map((m) => [m.key, m]));
  }

  /** The legend label of the series whose seriesKey is `key`. */
  function seriesLabel(key: string): string {
    const [algorithm, kind] = key.split('/');
    return seriesStyle({
      algorithm: algorithm as Track['algorithm'],
      average: kind === 'average',
      bundle: kind === 'mean' || kind === 'exact' ? kind : undefined,
    }).label;
  }

  /** "π*τ and Nash-MD drawn beside μ, where they coincide" for every fanned-out group. */
  function coincideText(): string {
    const name = (key: string) =>
      key.startsWith('current:')
        ? seriesLabel(key.slice(8))
        : (key in MARKER_STYLE && props ? markerLabel(key as MarkerKey, props) : key)
            .replace(/_/g, '')
            .replace(/ \(.*\)$/, '');
    const groups = new Map<string, string[]>();
    for (const m of placements.values())
      if (m.moved && m.anchor) groups.set(m.anchor, [...(groups.get(m.anchor) ?? []), name(m.key)]);
    return [...groups]
      .map(([anchor, keys]) => `${keys.join(', ')} drawn beside ${name(anchor)}, where they coincide`)
      .join('; ');
  }

  function ariaLabel(p: SimplexProps): string {
    const corners = isSegment(p)
      ? `a segment from ${cornerText(p, 0)} to ${cornerText(p, 1)}`
      : [0, 1, 2].map((k) => cornerText(p, k)).join(', ');
    const algos = drawOrder(p.series)
      .filter((s) => s.length > 0 && !isSeedPath(s))
      .map((s) => seriesStyle(s).label);
    const seeds = seedBundleLabel(p.series);
    if (seeds) algos.push(seeds);
    const marks = MARKER_ORDER.filter((k) => present(p[k])).map((k) => markerLabel(k, p).replace(/_/g, ''));
    const trajectories = algos.length
      ? ` with trajectories of ${algos.join(', ')} at t = ${formatT(p.t)}`
      : ', no trajectories yet';
    const coincide = coincideText();
    const field = p.n === 3 && p.field ? `; ${p.field.legend.replace(/^Flow/, 'arrows: the flow')}` : '';
    return `Simplex of ${corners}${trajectories}; markers: ${marks.join(', ')}${coincide ? `; ${coincide}` : ''}${field}`;
  }

  function structureOf(p: SimplexProps): string {
    return (
      [0, 1, 2].map((k) => cornerText(p, k)).join('\u0000') +
      '|' +
      legendKeys(p) +
      '|' +
      themeKey(resolveTheme(p.theme))
    );
  }

  relayout();

  return {
    update(next) {
      if (destroyed) return;
      given = next;
      props = withFixedPointRule(next, layout?.side ?? Math.min(width, height));
      const key = structureOf(props);
      if (key !== structureKey) {
        structureKey = key;
        relayout();
      } else draw();
    },
    resize(w, h) {
      if (destroyed) return;
      width = Math.max(1, Math.floor(w));
      height = Math.max(1, Math.floor(h));
      if (given) props = withFixedPointRule(given, layout?.side ?? Math.min(width, height));
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
        leaderLayer: leaderLayer.node()!,
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
