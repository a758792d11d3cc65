/**
 * Pieces of the simplex plot that need no closure state: glyphs, legend entries, text helpers and
 * the layout computation (triangle size, label room, legend placement). Used by simplexPlot.ts.
 */
import * as d3 from 'd3';
import type { AlgorithmId } from '../core/algorithms/catalog.ts';
import { MARKER_STYLE, SEED_OPACITY, seriesStyle, type AlgorithmMarker } from '../shared/palette.ts';
import { isSeedPath, seriesKey } from '../shared/seriesRows.ts';
import { ALGO_SYMBOL, ALGO_SYMBOL_SIZE } from './algorithmSymbols.ts';
import { circle, cross, diamond, shapePath, square, star, type Shape } from './symbolShapes.ts';
import { SQRT3_2, baryToXY, toBarycentric } from './ternary.ts';
import { DEFAULT_THEME, type FigureTheme, type SeriesData, type SimplexProps } from './types.ts';

export const PAD = 6;
/** Corner labels sit this far from the apex / base so a marker on a corner does not cover them. */
export const APEX_GAP = 12;
export const BASE_GAP = 10;
export const LEGEND_GAP = 18;
export const TEXT = '#1a1a1a';
export const SVG_NS = 'http://www.w3.org/2000/svg';

export type MarkerKey =
  'regularized' | 'nash' | 'rlhfOptimum' | 'nashMdFixedPoint' | TruthKey | 'reference' | 'initial';
/** The true P's targets, drawn beside the learned ones when the runs learn from feedback. */
export type TruthKey = 'truthRegularized' | 'truthNash' | 'truthRlhfOptimum';
export type Draggable = 'reference' | 'initial';

export interface Glyph {
  d: string;
  fill: string;
  stroke: string;
  strokeWidth: number;
  /** A dash pattern for the outline (the true P's hollow markers). */
  dash?: string;
}

export const symbolPath = (shape: Shape, size: number) => shapePath(shape, size);

export { ALGO_SYMBOL, ALGO_SYMBOL_SIZE };

export const LEGEND_SYMBOL = Object.fromEntries(
  (Object.keys(ALGO_SYMBOL) as AlgorithmMarker[]).map((m) => [
    m,
    symbolPath(ALGO_SYMBOL[m], ALGO_SYMBOL_SIZE[m] * 0.45),
  ]),
) as Record<AlgorithmMarker, string>;

export const GLYPH: Record<MarkerKey, Glyph> = {
  regularized: {
    d: symbolPath(star, 160),
    fill: MARKER_STYLE.regularized.color,
    stroke: '#fff',
    strokeWidth: 1,
  },
  nash: { d: symbolPath(star, 160), fill: '#fff', stroke: MARKER_STYLE.nash.color, strokeWidth: 1.5 },
  rlhfOptimum: {
    d: symbolPath(diamond, 150),
    fill: MARKER_STYLE.rlhfOptimum.color,
    stroke: '#fff',
    strokeWidth: 1,
  },
  nashMdFixedPoint: {
    d: symbolPath(cross, 130),
    fill: MARKER_STYLE.nashMdFixedPoint.color,
    stroke: '#fff',
    strokeWidth: 1,
  },
  truthRegularized: { d: symbolPath(star, 160), fill: 'none', stroke: '#1a1a1a', strokeWidth: 1.5, dash: '3 2' },
  truthNash: { d: symbolPath(star, 110), fill: 'none', stroke: '#1a1a1a', strokeWidth: 1.5, dash: '1 1.5' },
  truthRlhfOptimum: { d: symbolPath(diamond, 150), fill: 'none', stroke: '#D55E00', strokeWidth: 1.5, dash: '3 2' },
  reference: {
    d: symbolPath(square, 120),
    fill: 'none',
    stroke: MARKER_STYLE.reference.color,
    strokeWidth: 2,
  },
  initial: { d: symbolPath(circle, 120), fill: 'none', stroke: MARKER_STYLE.initial.color, strokeWidth: 2 },
};

export const MARKER_ORDER: readonly MarkerKey[] = [
  'regularized',
  'nash',
  'rlhfOptimum',
  'nashMdFixedPoint',
  'truthRegularized',
  'truthNash',
  'truthRlhfOptimum',
  'reference',
  'initial',
];
/** The legend of the learned model's targets, with feedback. */
const LEARNED = { regularized: 'π*_τ of the learned P̂', nash: 'Nash of P̂', rlhfOptimum: 'RLHF optimum of r̂' };

/**
 * A marker's name (legend, hover, description): with feedback (the true P's targets drawn too) the
 * filled π*_τ, Nash and RLHF optimum are the learned model's ("Nash of P̂"), the hollow ones the true P's.
 */
export function markerLabel(key: MarkerKey, p: Pick<SimplexProps, 'truthNash'>): string {
  return p.truthNash && key in LEARNED ? LEARNED[key as keyof typeof LEARNED] : MARKER_STYLE[key].label;
}
/** Legend texts when space is short; the full MARKER_STYLE label stays in the item's <title>. */
export const SHORT_LABEL: Record<MarkerKey | 'regularizedPath' | 'rlhfPath', string> = {
  regularized: 'π*_τ',
  nash: 'Nash',
  rlhfOptimum: 'RLHF opt.',
  nashMdFixedPoint: 'Nash-MD fixed pt.',
  truthRegularized: 'true π*_τ',
  truthNash: 'true Nash',
  truthRlhfOptimum: 'true RLHF opt.',
  reference: 'μ',
  initial: 'π₀',
  regularizedPath: 'π*_τ path',
  rlhfPath: 'RLHF-opt. path',
};
export const DRAG_LABEL: Record<Draggable, string> = {
  reference: 'Reference policy μ, drag to move',
  initial: 'Initial policy π₀, drag to move',
};
export const TAU_PATH_STYLE = {
  regularizedPath: { color: MARKER_STYLE.regularizedPath.color, dash: '' },
  rlhfPath: { color: MARKER_STYLE.rlhfPath.color, dash: '6 4' },
};

export interface LegendItem {
  key: string;
  label: string;
  short: string;
  line?: { color: string; dash: string; width: number; opacity: number };
  /** `hollow`: outlined in the colour (an average iterate's marker). */
  symbol?: { d: string; color: string; hollow?: boolean };
  glyph?: Glyph;
}

export interface Layout {
  width: number;
  height: number;
  fs: number;
  side: number;
  ox: number;
  oy: number;
  labels: { x: number; y: number; text: string; full: string }[];
  legend: { x: number; y: number; item: LegendItem; text: string }[];
}

export interface Drawn {
  algorithm: AlgorithmId;
  series: SeriesData;
  rows: number[];
  xs: Float64Array;
  ys: Float64Array;
}

export interface Hit {
  key: string;
  title: string;
  color: string;
  policy: ArrayLike<number>;
  x: number;
  y: number;
}

export const present = <T>(v: T | null | undefined): v is T => v !== null && v !== undefined;
export const r1 = (v: number) => Math.round(v * 10) / 10;
export const labelOf = (labels: readonly string[], i: number) => labels[i] ?? `y${i + 1}`;

export function cornerText(p: SimplexProps, k: number): string {
  const group = p.corners[k];
  return group.length === 0 ? '∅' : group.map((i) => labelOf(p.labels, i)).join('+');
}

/** Longest prefix of `text` (plus an ellipsis) that fits `maxWidth`. */
export function truncate(text: string, maxWidth: number, measure: (s: string) => number): string {
  if (measure(text) <= maxWidth) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(`${text.slice(0, mid).trimEnd()}…`) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return `${text.slice(0, lo).trimEnd()}…`;
}

/**
 * Writes `label` into an SVG <text>, turning "_x" into a subscript x (π*_τ → π*τ). Subscripts
 * shrink a little, but never below `minSize` (12 px, or the theme's font size in lecture mode).
 */
export function setRichText(text: SVGTextElement, label: string, fs: number, minSize = 12): void {
  text.textContent = '';
  const shift = r1(fs * 0.3);
  let lowered = false;
  label.split(/_(\S)/).forEach((part, i) => {
    const sub = i % 2 === 1;
    if (!part) return;
    const tspan = document.createElementNS(SVG_NS, 'tspan');
    tspan.textContent = part;
    if (sub !== lowered) tspan.setAttribute('dy', String(sub ? shift : -shift));
    if (sub) tspan.setAttribute('font-size', String(r1(Math.max(minSize, fs * 0.8))));
    lowered = sub;
    text.appendChild(tspan);
  });
}

/**
 * The pixel rule of Nash-MD's constant-step fixed point: drawn (with its legend entry) only when it
 * lies more than one pixel from π*_τ on a triangle of `side` px; closer, it is π*_τ to the eye.
 */
export function fixedPointVisible(
  fixed: ArrayLike<number>,
  star: ArrayLike<number>,
  corners: SimplexProps['corners'],
  side: number,
): boolean {
  const [x1, y1] = baryToXY(toBarycentric(fixed, corners), side);
  const [x2, y2] = baryToXY(toBarycentric(star, corners), side);
  return Math.hypot(x1 - x2, y1 - y2) > 1;
}

/** The props as drawn: Nash-MD's fixed point left out when within a pixel of π*_τ. */
export function withFixedPointRule(p: SimplexProps, side: number): SimplexProps {
  if (!p.nashMdFixedPoint) return p;
  return p.regularized && fixedPointVisible(p.nashMdFixedPoint, p.regularized, p.corners, side)
    ? p
    : { ...p, nashMdFixedPoint: null };
}

/** Keys of what is drawn, in legend order: cheap enough to compare on every update. */
export function legendKeys(p: SimplexProps): string {
  const keys: string[] = drawOrder(p.series)
    .filter((s) => !isSeedPath(s))
    .map(seriesKey);
  const seeds = seedBundleLabel(p.series);
  if (seeds) keys.push(`seeds:${seeds}`);
  for (const key of MARKER_ORDER) if (present(p[key])) keys.push(key);
  if (p.regularizedPath) keys.push('regularizedPath');
  if (p.rlhfPath) keys.push('rlhfPath');
  if (p.n === 3 && p.field) keys.push(`field:${p.field.legend}`);
  return keys.join(',');
}

export function legendItems(p: SimplexProps): LegendItem[] {
  const items: LegendItem[] = [];
  for (const s of drawOrder(p.series)) {
    if (isSeedPath(s)) continue;
    const st = seriesStyle(s);
    items.push({
      key: seriesKey(s),
      label: s.average ? `${st.label.replace(/ avg$/, '')} (average iterate)` : st.label,
      short: st.label,
      line: { color: st.color, dash: st.dash, width: 2 * st.width, opacity: 1 },
      symbol: { d: LEGEND_SYMBOL[st.marker], color: st.color, hollow: st.hollow },
    });
  }
  // One entry for the faint seed paths of every sampled run's bundle (no marker: they have none).
  const seeds = seedBundleLabel(p.series);
  if (seeds) {
    const color = seriesStyle(p.series.find(isSeedPath)!).color;
    items.push({
      key: 'seeds',
      label: seeds,
      short: seeds,
      line: { color, dash: '', width: 1, opacity: SEED_OPACITY },
    });
  }
  for (const key of MARKER_ORDER) {
    if (!present(p[key])) continue;
    // With feedback the filled markers are the learned model's (the true P's are drawn hollow).
    items.push({ key, label: markerLabel(key, p), short: SHORT_LABEL[key], glyph: GLYPH[key] });
  }
  for (const key of ['regularizedPath', 'rlhfPath'] as const) {
    if (!p[key]) continue;
    const st = TAU_PATH_STYLE[key];
    items.push({
      key,
      label: MARKER_STYLE[key].label,
      short: SHORT_LABEL[key],
      line: { color: st.color, dash: st.dash, width: 3, opacity: 0.45 },
    });
  }
  // The flow field's arrows (simplexField.ts): a grey line with an arrowhead.
  if (p.n === 3 && p.field) {
    items.push({
      key: 'field',
      label: p.field.legend,
      short: p.field.short,
      line: { color: FIELD_INK, dash: '', width: 1.2, opacity: 1 },
      symbol: { d: 'M4,0L-3,-3.5L-3,3.5Z', color: FIELD_INK },
    });
  }
  return items;
}

/** The flow field's ink: a mid grey, lighter than any trajectory's colour. */
export const FIELD_INK = '#8b9099';

/** "K sampled seeds" when the series hold a sampled run's seed bundle (K from its mean), else null. */
export function seedBundleLabel(series: readonly SeriesData[]): string | null {
  return series.some(isSeedPath) ? `${series.find((s) => s.bundle === 'mean')?.seeds} sampled seeds` : null;
}

/** Solid lines first so dashed ones stay visible on top where trajectories coincide. */
export function drawOrder(series: readonly SeriesData[]): SeriesData[] {
  return [...series].sort((a, b) => Number(seriesStyle(a).dash !== '') - Number(seriesStyle(b).dash !== ''));
}

/** Legend swatch width; with thicker strokes it grows by half the stroke scale's excess. */
export const swatchWidth = (item: LegendItem, strokeScale = 1) => (item.line ? 36 : 18) * legendScale(strokeScale);
export const legendScale = (strokeScale: number) => 1 + (strokeScale - 1) / 2;

/**
 * Picks the largest triangle among: legend in a column to the right, or legend flowing in rows
 * underneath (with full or, when that costs > 8 % of the size, short texts); with
 * theme.compactLegend (lecture mode) short texts only, in rows underneath or in two columns in the
 * empty upper corners of the figure, left and right of the apex (cornerSide). Pure given `measure`.
 */
export function computeLayout(
  width: number,
  height: number,
  corners: string[],
  items: LegendItem[],
  measureAt: (fs: number) => (s: string) => number,
  theme: FigureTheme = DEFAULT_THEME,
): Layout {
  // The default theme's text grows a little with the figure; a larger theme sets a floor.
  const fs = Math.max(theme.fontSize, Math.min(width, height) >= 480 ? 14 : Math.min(width, height) >= 360 ? 13 : 12);
  const sw = theme.strokeScale;
  const measure = measureAt(fs);
  const lineH = Math.ceil(fs * 1.2);
  const rowH = Math.ceil(fs * (fs > 12 ? 1.5 : 1.4));
  // Markers grow with the stroke scale, so the labels keep proportionally more distance.
  const apexGap = APEX_GAP * sw;
  const baseGap = BASE_GAP * sw;
  const itemGap = 14 * legendScale(sw);
  const top = PAD + lineH + apexGap;
  const bottom = baseGap + lineH + PAD;
  const bottomLabelW = Math.max(measure(corners[0] ?? ''), measure(corners[1] ?? ''));
  // Room beside the base corners for their centred labels and for markers sitting on a corner.
  const sideM = Math.max(12 * sw, Math.min(bottomLabelW / 2 + PAD, width * 0.12));
  const itemW = (item: LegendItem, short: boolean) =>
    swatchWidth(item, sw) + 5 + measure((short ? item.short : item.label).replace(/_/g, ''));

  type Candidate = {
    side: number;
    score: number;
    place: 'right' | 'below' | 'corners';
    short: boolean;
    rows: number[][];
    legendW: number;
  };
  const candidates: Candidate[] = [];
  const availH = height - top - bottom;
  if (items.length === 0) {
    const side = Math.min(width - 2 * sideM, availH / SQRT3_2);
    candidates.push({ side, score: side, place: 'below', short: false, rows: [], legendW: 0 });
  }
  // theme.compactLegend (lecture mode): rows under the triangle with the short texts only.
  for (const short of items.length ? (theme.compactLegend ? [true] : [false, true]) : []) {
    const widths = items.map((it) => itemW(it, short));
    const legendW = Math.max(...widths);
    if (!theme.compactLegend && items.length * rowH <= height - 2 * PAD) {
      const side = Math.min(width - 2 * sideM - LEGEND_GAP - legendW, availH / SQRT3_2);
      candidates.push({
        side,
        score: side * (short ? 0.92 : 1),
        place: 'right',
        short,
        rows: [items.map((_, i) => i)],
        legendW,
      });
    }
    // Flow the entries into centred rows under the figure.
    const rows: number[][] = [[]];
    let x = 0;
    widths.forEach((w, i) => {
      const row = rows[rows.length - 1];
      if (row.length && x + itemGap + w > width - 2 * PAD) {
        rows.push([i]);
        x = w;
      } else {
        x += (row.length ? itemGap : 0) + w;
        row.push(i);
      }
    });
    const side = Math.min(width - 2 * sideM, (availH - 4 - rows.length * rowH - PAD) / SQRT3_2);
    candidates.push({ side, score: side * (short ? 0.92 : 1), place: 'below', short, rows, legendW });
    if (theme.compactLegend) {
      // The first `split` entries in the upper left corner, the rest in the upper right.
      const apexW = measure(corners[2] ?? '');
      for (let split = 0; split <= items.length; split++) {
        // The right column is drawn as a block (swatches aligned): every row is as wide as its widest.
        const rightWs = widths.slice(split);
        const cols = [widths.slice(0, split), rightWs.map(() => Math.max(...rightWs))];
        const s = cornerSide({ width, availH, top, sideM, rowH, lineH, apexGap, apexW, gap: 10 * sw, cols });
        // Of equal sides, the most even split wins (the tiny penalty only breaks ties).
        const score = s * 0.92 - 1e-3 * Math.abs(items.length - 2 * split);
        if (s > 0)
          candidates.push({
            side: s,
            score,
            place: 'corners',
            short,
            rows: [items.map((_, i) => i).slice(0, split), items.map((_, i) => i).slice(split)],
            legendW,
          });
      }
    }
  }
  const best = candidates.reduce((a, b) => (b.score > a.score ? b : a));
  const side = Math.max(40, best.side);
  const th = side * SQRT3_2;
  const textOf = (item: LegendItem) => (best.short ? item.short : item.label);
  const legend: Layout['legend'] = [];
  let ox: number;
  let oy: number;
  let rightLimit = width - PAD;
  if (best.place === 'right') {
    const blockW = 2 * sideM + side + LEGEND_GAP + best.legendW;
    ox = Math.max(0, (width - blockW) / 2) + sideM;
    oy = top + Math.max(0, (availH - th) / 2);
    const lx = ox + side + sideM + LEGEND_GAP;
    rightLimit = lx - 8;
    const legendH = items.length * rowH;
    const ly = Math.min(Math.max(PAD, oy + th / 2 - legendH / 2), height - PAD - legendH);
    items.forEach((item, i) => legend.push({ x: lx, y: ly + rowH * (i + 0.5), item, text: textOf(item) }));
  } else if (best.place === 'corners') {
    ox = (width - side) / 2;
    oy = top + Math.max(0, (availH - th) / 2);
    const [left, right] = best.rows;
    left.forEach((i, r) => legend.push({ x: PAD, y: PAD + rowH * (r + 0.5), item: items[i], text: textOf(items[i]) }));
    // The right column is flush with the right edge as a block, its swatches aligned.
    const rightX = width - PAD - Math.max(0, ...right.map((i) => itemW(items[i], true)));
    right.forEach((i, r) =>
      legend.push({ x: rightX, y: PAD + rowH * (r + 0.5), item: items[i], text: textOf(items[i]) }),
    );
  } else {
    const blockH = top + th + bottom + 4 + best.rows.length * rowH + PAD;
    oy = Math.max(0, (height - blockH) / 2) + top;
    ox = (width - side) / 2;
    best.rows.forEach((row, r) => {
      const ws = row.map((i) => itemW(items[i], best.short));
      let x = (width - (ws.reduce((a, b) => a + b, 0) + itemGap * (row.length - 1))) / 2;
      const y = oy + th + bottom + 4 + rowH * (r + 0.5);
      row.forEach((i, j) => {
        legend.push({ x, y, item: items[i], text: textOf(items[i]) });
        x += ws[j] + itemGap;
      });
    });
  }
  // Corner labels: apex label above the apex, base labels under their corners, shifted inwards
  // (never past the middle of the base) and truncated so nothing is clipped by the SVG edge.
  const baseY = oy + th + baseGap + Math.round(fs * 0.85);
  const mid = ox + side / 2;
  const labels: Layout['labels'] = [];
  const apexMax = 2 * Math.min(mid - PAD, rightLimit - mid);
  labels.push({ x: mid, y: oy - apexGap, text: truncate(corners[2] ?? '', apexMax, measure), full: corners[2] ?? '' });
  const leftText = truncate(corners[0] ?? '', mid - 6 - PAD, measure);
  const lw = measure(leftText);
  labels.unshift({
    x: Math.min(Math.max(ox, PAD + lw / 2), mid - 6 - lw / 2),
    y: baseY,
    text: leftText,
    full: corners[0] ?? '',
  });
  const rightText = truncate(corners[1] ?? '', rightLimit - mid - 6, measure);
  const rw = measure(rightText);
  labels.splice(1, 0, {
    x: Math.max(Math.min(ox + side, rightLimit - rw / 2), mid + 6 + rw / 2),
    y: baseY,
    text: rightText,
    full: corners[1] ?? '',
  });
  return { width, height, fs, side, ox, oy, labels, legend };
}

/**
 * The largest triangle side (0: none) for which two legend columns fit the figure's upper
 * corners: column c's rows (widths cols[c], from the top edge) stay `gap` clear of the triangle's
 * edge at the row's lowest point, of the apex label, and end above the base. The triangle is
 * centred as in the other placements; feasibility is monotone in the side, so bisect.
 */
export function cornerSide(g: {
  width: number;
  availH: number;
  top: number;
  sideM: number;
  rowH: number;
  lineH: number;
  apexGap: number;
  apexW: number;
  gap: number;
  cols: number[][];
}): number {
  const fits = (side: number) => {
    const th = side * SQRT3_2;
    const oy = g.top + Math.max(0, (g.availH - th) / 2);
    const mid = g.width / 2;
    const labelTop = oy - g.apexGap - g.lineH;
    return g.cols.every((ws) =>
      ws.every((w, r) => {
        const y0 = PAD + r * g.rowH;
        const y1 = y0 + g.rowH;
        if (y1 > oy + th) return false;
        // Half-width of what the row must clear: the triangle at the row's bottom, the apex label.
        let half = y1 > oy ? (side / 2) * Math.min(1, (y1 - oy) / th) : 0;
        if (y1 > labelTop && y0 < oy - g.apexGap + 4) half = Math.max(half, g.apexW / 2);
        return PAD + w + g.gap <= mid - half;
      }),
    );
  };
  let lo = 0;
  let hi = Math.min(g.width - 2 * g.sideM, g.availH / SQRT3_2);
  if (hi <= 0) return 0;
  if (fits(hi)) return hi;
  for (let k = 0; k < 20; k++) {
    const m = (lo + hi) / 2;
    if (fits(m)) lo = m;
    else hi = m;
  }
  return lo;
}

export function appendGlyph(parent: d3.Selection<SVGGElement, unknown, null, undefined>, glyph: Glyph, scale = 1) {
  const g = parent.append('g').attr('transform', scale === 1 ? null : `scale(${scale})`);
  // A white halo under the glyph keeps it legible on top of the trajectories.
  g.append('path')
    .attr('d', glyph.d)
    .attr('fill', 'none')
    .attr('stroke', '#fff')
    .attr('stroke-width', glyph.strokeWidth + 3)
    .attr('stroke-linejoin', 'round');
  g.append('path')
    .attr('d', glyph.d)
    .attr('fill', glyph.fill)
    .attr('stroke', glyph.stroke)
    .attr('stroke-width', glyph.strokeWidth)
    .attr('stroke-dasharray', glyph.dash ?? null)
    .attr('stroke-linejoin', 'round');
  return g;
}
