/**
 * The static layer of the simplex plot, drawn only at layout time (grid, corner labels, legend)
 * or when its data change (the τ-paths), and the standalone SVG snapshot for export.
 */
import * as d3 from 'd3';
import { SEED_OPACITY, seriesStyle } from '../shared/palette.ts';
import { isSeedPath, timeAt } from '../shared/seriesRows.ts';
import { formatT } from '../shared/formatT.ts';
import { SQRT3_2, baryToXY, toBarycentric } from './ternary.ts';
import type { Bary } from './ternary.ts';
import type { FigureTheme, SimplexProps } from './types.ts';
import { SVG_NS, TAU_PATH_STYLE, TEXT, appendGlyph, r1, setRichText, swatchWidth } from './simplexParts.ts';
import type { Draggable, Layout } from './simplexParts.ts';
import { scaleDash } from './chartMath.ts';
import { TRAJECTORY_WIDTH } from './simplexTrajectories.ts';
import type { Track } from './trajectoryTrack.ts';

type G = d3.Selection<SVGGElement, unknown, null, undefined>;
const round2 = (v: number) => Math.round(v * 100) / 100;

/**
 * Two responses (n = 2, or an empty apex group): the policies form a 1-simplex, a segment from
 * the first corner to the second, so the figure is that segment, not a triangle with an empty "∅"
 * corner. Every policy maps onto the triangle's base there (its apex weight is 0).
 */
export function isSegment(p: Pick<SimplexProps, 'corners'>): boolean {
  return p.corners[2].length === 0 && p.corners[0].length > 0 && p.corners[1].length > 0;
}

/**
 * The triangle's layout redone for a segment: the base (where every point lies) moved up to the
 * middle of the triangle's box, with its end labels; no apex label.
 */
export function segmentLayout(layout: Layout, strokeScale = 1): Layout {
  const lift = (layout.side * SQRT3_2) / 2;
  // The end labels sit lower than under a triangle's corners: markers fanned out around a
  // point at an end (markerFan.ts) reach ~25 px below the segment.
  const drop = 30 * strokeScale;
  return {
    ...layout,
    oy: layout.oy - lift,
    labels: layout.labels.map((l, k) => (k === 2 ? { ...l, text: '', full: '' } : { ...l, y: l.y - lift + drop })),
  };
}

/** Grid, corner labels and legend for `layout` (a segment with ticks when `segment`). */
export function drawStatic(
  grid: G,
  cornerLabels: G,
  legendLayer: G,
  layout: Layout,
  theme: FigureTheme,
  segment = false,
): void {
  const { side } = layout;
  const sw = theme.strokeScale;
  const th = side * SQRT3_2;
  if (segment) {
    grid.selectAll('*').remove();
    grid.attr('data-shape', 'segment');
    // Ticks every 0.2 of probability along the segment, like the triangle's grid lines.
    const ticks = [0.2, 0.4, 0.6, 0.8]
      .map((f) => `M${r1(f * side)},${r1(th - 5 * sw)}L${r1(f * side)},${r1(th + 5 * sw)}`)
      .join('');
    grid.append('path').attr('d', ticks).attr('stroke', '#c8c8c8').attr('stroke-width', sw);
    grid
      .append('path')
      .attr('d', `M0,${r1(th)}L${r1(side)},${r1(th)}`)
      .attr('stroke', '#555')
      .attr('stroke-width', 2 * sw)
      .attr('stroke-linecap', 'round');
    for (const x of [0, side])
      grid
        .append('path')
        .attr('d', `M${r1(x)},${r1(th - 8 * sw)}L${r1(x)},${r1(th + 8 * sw)}`)
        .attr('stroke', '#555')
        .attr('stroke-width', 2 * sw);
    drawLabelsAndLegend(cornerLabels, legendLayer, layout, theme);
    return;
  }
  grid.attr('data-shape', 'triangle');
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
  grid
    .append('path')
    .attr('d', gridLines.join(''))
    .attr('fill', 'none')
    .attr('stroke', '#e1e1e1')
    .attr('stroke-width', sw);
  grid
    .append('path')
    .attr('d', outline)
    .attr('fill', 'none')
    .attr('stroke', '#555')
    .attr('stroke-width', sw)
    .attr('stroke-linejoin', 'round');
  drawLabelsAndLegend(cornerLabels, legendLayer, layout, theme);
}

function drawLabelsAndLegend(cornerLabels: G, legendLayer: G, layout: Layout, theme: FigureTheme): void {
  const { fs, ox, oy } = layout;
  const sw = theme.strokeScale;
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
        .attr('fill', item.symbol.hollow ? '#fff' : item.symbol.color)
        .attr('stroke', item.symbol.hollow ? item.symbol.color : '#fff');
    }
    if (item.glyph) appendGlyph(g.append('g').attr('transform', `translate(${swatch / 2},0)`), item.glyph, 0.7 * sw);
    const text = g
      .append('text')
      .attr('x', swatch + 5)
      .attr('dy', '0.35em')
      .attr('font-size', fs)
      .attr('fill', TEXT)
      .node()!;
    setRichText(text, entry.text, fs, theme.fontSize);
  }
}

/** The faint τ-paths (π*_τ and the RLHF optimum as τ shrinks). */
export function drawTauPaths(tauLayer: G, p: SimplexProps, side: number, theme: FigureTheme): void {
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

export interface SnapshotParts {
  width: number;
  height: number;
  layout: Layout | null;
  title: string;
  theme: FigureTheme;
  background: SVGSVGElement;
  tracks: readonly Track[];
  leaderLayer: SVGGElement;
  markerLayer: SVGGElement;
  currentLayer: SVGGElement;
  dragGroups: Record<Draggable, G>;
  dragGlyphs: Record<Draggable, G>;
}

/**
 * The figure as one standalone SVG: the static layer, the trajectories as vector paths (the same
 * projection as the canvas; every row of a short run, a finely thinned path of a long one), then
 * markers and current points. Interaction-only nodes (hover ring, focus rings, hit areas) are left
 * out. Top-level groups carry data-layer (background, trajectories, markers, current, handles) so an
 * exporter can draw them separately.
 */
export function buildSnapshot(s: SnapshotParts): SVGSVGElement {
  const { width, height, layout, theme } = s;
  const out = document.createElementNS(SVG_NS, 'svg');
  out.setAttribute('xmlns', SVG_NS);
  out.setAttribute('width', String(width));
  out.setAttribute('height', String(height));
  out.setAttribute('viewBox', `0 0 ${width} ${height}`);
  out.setAttribute('font-family', 'sans-serif');
  const title = document.createElementNS(SVG_NS, 'title');
  title.textContent = s.title || 'Simplex plot';
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
  for (const child of Array.from(s.background.childNodes)) bg.appendChild(child.cloneNode(true));

  const trajectories = layer('trajectories', true);
  trajectories.setAttribute('fill', 'none');
  trajectories.setAttribute('stroke-linejoin', 'round');
  for (const track of s.tracks) {
    const style = seriesStyle(track.series);
    const path = document.createElementNS(SVG_NS, 'path');
    const rows = track.exportRows();
    let dAttr = '';
    for (let j = 0; j < rows.length; j++)
      dAttr += `${j ? 'L' : 'M'}${round2(track.xs[rows[j]])},${round2(track.ys[rows[j]])}`;
    path.setAttribute('class', 'trajectory');
    path.setAttribute('data-algorithm', track.algorithm);
    if (track.average) path.setAttribute('data-average', 'true');
    if (track.series.bundle) path.setAttribute('data-bundle', track.series.bundle);
    // A seed of a sampled run's bundle: faint, thin, no title (the legend's one entry names them).
    if (isSeedPath(track.series)) {
      path.setAttribute('stroke-opacity', String(SEED_OPACITY));
      path.setAttribute('aria-hidden', 'true');
    }
    path.setAttribute('d', dAttr);
    path.setAttribute('stroke', style.color);
    path.setAttribute('stroke-width', String(TRAJECTORY_WIDTH * theme.strokeScale * style.width));
    const dash = scaleDash(style.dash, theme.strokeScale);
    if (dash) path.setAttribute('stroke-dasharray', dash);
    if (!isSeedPath(track.series)) {
      const label = document.createElementNS(SVG_NS, 'title');
      label.textContent = `${style.label}, t = 0…${formatT(track.cur >= 0 ? timeAt(track.series, track.cur) : 0)}`;
      path.appendChild(label);
    }
    trajectories.appendChild(path);
  }

  // The live stacking order: leader lines of fanned-out markers, equilibria, current points, then
  // the μ and π0 handles.
  const markers = layer('markers', true);
  markers.appendChild(s.leaderLayer.cloneNode(true));
  markers.appendChild(s.markerLayer.cloneNode(true));
  layer('current', true).appendChild(s.currentLayer.cloneNode(true));
  const handles = layer('handles', true);
  for (const which of ['reference', 'initial'] as const) {
    const g = s.dragGroups[which].node()!;
    const glyphs = document.createElementNS(SVG_NS, 'g');
    const transform = g.getAttribute('transform');
    if (transform) glyphs.setAttribute('transform', transform);
    glyphs.appendChild(s.dragGlyphs[which].node()!.cloneNode(true));
    handles.appendChild(glyphs);
  }
  return out;
}
