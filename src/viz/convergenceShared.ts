/**
 * DOM helpers shared by the charts (convergence, small multiples, win rates, …): text with
 * sub/superscripts, a wrapping legend, axis styling, the figure's ink colours.
 */
import * as d3 from 'd3';
import { seriesStyle } from '../shared/palette.ts';
import { seriesKey } from '../shared/seriesRows.ts';
import { DEFAULT_THEME, type FigureTheme, type SeriesData } from './types.ts';
import { isDefaultTheme, measurerFor } from './measure.ts';
import { estimateTextWidth, layoutLegend, scaleDash } from './chartMath.ts';

export const FONT_SIZE = 12;
export const INK = '#1a1a1a';
export const AXIS_COLOR = '#8a8a8a';

/** A run of text, optionally set as a subscript or superscript. */
export type MathPart = readonly [text: string, shift?: 'sub' | 'sup'];

/**
 * Fill an SVG <text> with tspans so π*_τ reads as in the paper. Shifts use dy in px, undone on
 * the next run, because `baseline-shift` is not honoured by every browser.
 */
export function setMathText(
  text: d3.Selection<SVGTextElement, unknown, null, undefined>,
  parts: readonly MathPart[],
  scriptSize: number | null = null,
): void {
  text.selectAll('tspan').remove();
  let offset = 0;
  for (const [content, shift] of parts) {
    const target = shift === 'sub' ? 0.3 : shift === 'sup' ? -0.4 : 0;
    // No dy when unshifted: a tspan's dy would replace the <text>'s own dy (vertical centring).
    text
      .append('tspan')
      .attr('dy', target === offset ? null : `${target - offset}em`)
      .attr('font-size', shift ? (scriptSize === null ? '0.78em' : scriptSize) : null)
      .text(content);
    // dy of a smaller tspan is in its own em; close enough for one level of shift.
    offset = target;
  }
}

export interface LegendEntry {
  key: string;
  label: string;
  color: string;
  dash: string;
}

const SAMPLE = 22; // px of line sample before each legend label

/**
 * Size of sub- and superscripts: null (0.78 em, the default look) unless the theme asks for larger
 * text, in which case no figure text may be smaller than the theme's font size.
 */
export function scriptSize(theme: FigureTheme): number | null {
  return isDefaultTheme(theme) ? null : theme.fontSize;
}

/** Draw (or update) a wrapping legend into `g`; returns its height in px. */
export function renderLegend(
  g: d3.Selection<SVGGElement, unknown, null, undefined>,
  entries: readonly LegendEntry[],
  maxWidth: number,
  theme: FigureTheme = DEFAULT_THEME,
): number {
  const fs = theme.fontSize;
  const s = theme.strokeScale;
  const sample = SAMPLE * (1 + (s - 1) / 2);
  // The default look keeps its historic estimate; larger themes measure the real text.
  const measure = isDefaultTheme(theme) ? (t: string) => estimateTextWidth(t, fs) : measurerFor(g.node()!, fs);
  const widths = entries.map((e) => sample + 5 + measure(e.label));
  const { slots, rows } = layoutLegend(widths, maxWidth, isDefaultTheme(theme) ? 14 : Math.round(fs * 0.8));
  const rowHeight = fs + 5;
  const items = g
    .selectAll<SVGGElement, LegendEntry>('g.legend-item')
    .data(entries, (e) => e.key)
    .join((enter) => {
      const item = enter.append('g').attr('class', 'legend-item');
      item.append('line').attr('x1', 0).attr('x2', SAMPLE).attr('stroke-width', 2);
      item
        .append('text')
        .attr('x', SAMPLE + 5)
        .attr('dy', '0.35em')
        .attr('fill', INK);
      return item;
    });
  items.attr('transform', (_, i) => `translate(${slots[i].x},${slots[i].row * rowHeight + rowHeight / 2})`);
  items
    .select('line')
    .attr('x2', sample)
    .attr('stroke-width', 2 * s)
    .attr('stroke', (e) => e.color)
    .attr('stroke-dasharray', (e) => scaleDash(e.dash, s) || null);
  items
    .select('text')
    .attr('x', sample + 5)
    .attr('font-size', isDefaultTheme(theme) ? null : fs)
    .text((e) => e.label);
  return rows * rowHeight;
}

/** Style a D3 axis group: thin grey lines, page font, labels at the theme's size in ink colour. */
export function styleAxis(
  g: d3.Selection<SVGGElement, unknown, null, undefined>,
  theme: FigureTheme = DEFAULT_THEME,
): void {
  g.attr('font-family', null).attr('font-size', theme.fontSize).attr('color', AXIS_COLOR);
  g.selectAll('text').attr('fill', INK);
  if (theme.strokeScale !== 1) g.selectAll('.domain, .tick line').attr('stroke-width', theme.strokeScale);
}

export function seriesEntries(series: readonly SeriesData[]): LegendEntry[] {
  return series.map((s) => {
    const style = seriesStyle(s);
    return { key: seriesKey(s), label: style.label, color: style.color, dash: style.dash };
  });
}
