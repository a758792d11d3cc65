/**
 * Win-rate bars: per algorithm, P(π_t ≻ μ), P(π_t ≻ π_RLHF), P(π_t ≻ π*_τ) and P(π_t ≻ Nash of P)
 * on a 0..1 axis with a "tie" line at 1/2, drawn under the bars and their values. Each bar row
 * carries a text label, so nothing depends on colour; the svg's height follows the number of
 * algorithms (the host's height is ignored). Nothing beats the Nash of P (the last bar is ≤ 1/2);
 * once a policy beats π*_τ, a note under the chart says why (WIN_RATE_NOTE).
 */
import * as d3 from 'd3';
import { chartSvg } from './chartFrame.ts';
import { ALGORITHM_STYLE } from '../shared/palette.ts';
import { scaleDash } from './chartMath.ts';
import type { FigureTheme, Renderer, WinRateProps, WinRateRow } from './types.ts';
import { AXIS_COLOR, FONT_SIZE, INK, scriptSize, setMathText, styleAxis } from './convergenceShared.ts';
import { isDefaultTheme, measurerFor, resolveTheme, themeKey } from './measure.ts';
import type { MathPart } from './convergenceShared.ts';

interface Bar {
  key: 'vsReference' | 'vsRlhf' | 'vsRegularized' | 'vsNash';
  label: readonly MathPart[];
  spoken: string;
  /** Fill opacity: the bars of one algorithm share its colour, the label tells them apart. */
  opacity: number;
}

const BARS: readonly Bar[] = [
  { key: 'vsReference', label: [['vs μ']], spoken: 'vs μ', opacity: 0.85 },
  { key: 'vsRlhf', label: [['vs RLHF opt.']], spoken: 'vs RLHF optimum', opacity: 0.5 },
  { key: 'vsRegularized', label: [['vs π*'], ['τ', 'sub']], spoken: 'vs π*_τ', opacity: 0.22 },
  { key: 'vsNash', label: [['vs Nash of P']], spoken: 'vs Nash of P', opacity: 0.1 },
];

/** A win rate shown as more than 0.500 (3 decimals): the policy visibly beats the opponent. */
const BEATS = 0.5005;

/** Some policy beats π*_τ: its win rate against π*_τ is shown above 0.500. */
export function beatsRegularized(rows: readonly WinRateRow[]): boolean {
  return rows.some((r) => r.vsRegularized >= BEATS);
}

/**
 * The note under the chart once a policy beats π*_τ: π*_τ is the Nash of the regularised game
 * P_τ(π ≻ π') = P(π ≻ π') − τ KL(π‖μ) + τ KL(π'‖μ) (§4), not of P: it gives up win rate to stay
 * close to μ, so a policy nearer the Nash of P can beat it. Nothing beats the Nash of P itself:
 * P(π ≻ π_Nash) = Σ_y π_y (Pπ_Nash)_y ≤ 1/2 since every (Pπ_Nash)_y ≤ 1/2.
 */
export const WIN_RATE_NOTE =
  'Above 0.5 against π*_τ? π*_τ trades win rate for staying close to μ (it is regularised by τ·KL to μ), so a policy nearer the Nash of P can beat it. Nothing beats the Nash of P (≤ 0.5).';

const HEADER_H = 20;
const ROW_H = 19;
const BAR_H = 13;
const GROUP_GAP = 8;
const TOP = 18; // room for the "tie" label
const AXIS_H = 26;
const fmt = d3.format('.3f');

export function createWinRatePlot(element: HTMLElement, _options: Record<string, never> = {}): Renderer<WinRateProps> {
  let width = element.clientWidth || 360;
  let rows: readonly WinRateRow[] = [];

  const svg = chartSvg(element);
  // The tie line first: painted under the bars and their value labels, never across a number.
  const tie = svg
    .append('line')
    .attr('class', 'tie')
    .attr('stroke', '#666')
    .attr('stroke-dasharray', '3 3')
    .attr('stroke-width', 1);
  const tieLabel = svg.append('text').attr('fill', '#555').attr('text-anchor', 'middle').text('tie');
  const groupsG = svg.append('g');
  const axisG = svg.append('g');
  // HTML, so it wraps in the narrow side panel; π*_τ is written with a real subscript.
  const note = d3
    .select(element)
    .append('p')
    .attr('class', 'winrate-note')
    .attr('data-testid', 'winrate-note')
    .style('margin', '4px 4px 0')
    .style('line-height', '1.3')
    .style('color', '#333')
    .style('display', 'none');
  const empty = svg.append('text').attr('fill', '#666').text('No win rates yet');
  const x = d3.scaleLinear().domain([0, 1]);

  let emptyMessage: string | undefined;
  /**
   * The noteKey of the run in which a policy was last seen beating π*_τ: the note stays for the
   * rest of that run, so it does not blink on and off (moving the panel) while OMD circles π*_τ.
   */
  let beatenIn: unknown = undefined;
  let noteKey: unknown = undefined;
  let theme: FigureTheme = resolveTheme(undefined);
  let laidOutTheme = '';

  function render(): void {
    const fs = theme.fontSize;
    const sw = theme.strokeScale;
    // Vertical rhythm grows with the text; the default theme (k = 1) keeps its exact sizes.
    const k = fs / FONT_SIZE;
    const [headerH, rowH, barH, groupGap, top, axisH] = [HEADER_H, ROW_H, BAR_H, GROUP_GAP, TOP, AXIS_H].map(
      (v) => v * k,
    );
    const themeChanged = themeKey(theme) !== laidOutTheme;
    laidOutTheme = themeKey(theme);
    let margin = { left: 96, right: 46 };
    if (!isDefaultTheme(theme)) {
      const measure = measurerFor(svg.node()!, fs);
      margin = {
        left: Math.ceil(Math.max(96, ...BARS.map((b) => measure(b.label.map((part) => part[0]).join('')) + 8 + 4))),
        right: Math.ceil(Math.max(46, measure('0.000') + 5 + 6)),
      };
    }
    const innerW = Math.max(60, width - margin.left - margin.right);
    x.range([margin.left, margin.left + innerW]);
    const groupH = headerH + BARS.length * rowH;
    const bodyH = rows.length ? rows.length * groupH + (rows.length - 1) * groupGap : 10;
    const height = top + bodyH + axisH;
    if (themeChanged) {
      svg.attr('font-size', fs);
      groupsG.selectAll('g.group').remove();
      tie.attr('stroke-width', sw).attr('stroke-dasharray', `${3 * sw} ${3 * sw}`);
    }
    svg.attr('width', width).attr('height', height).attr('viewBox', `0 0 ${width} ${height}`);

    const groups = groupsG
      .selectAll<SVGGElement, WinRateRow>('g.group')
      .data(rows, (r) => r.algorithm)
      .join((enter) => {
        const g = enter.append('g').attr('class', 'group');
        g.append('line')
          .attr('class', 'sample')
          .attr('x1', 12)
          .attr('x2', 12 + 22 * sw)
          .attr('stroke-width', 2 * sw);
        g.append('text')
          .attr('class', 'name')
          .attr('x', 18 + 22 * sw)
          .attr('dy', '0.35em')
          .attr('fill', INK)
          .attr('font-weight', 600);
        const bar = g
          .selectAll('g.bar')
          .data(BARS)
          .join('g')
          .attr('class', 'bar')
          .attr('transform', (_, i) => `translate(0,${headerH + i * rowH})`);
        bar
          .append('text')
          .attr('class', 'label')
          .attr('fill', INK)
          .attr('dy', '0.35em')
          .each(function (b) {
            setMathText(d3.select(this), b.label, scriptSize(theme));
          });
        bar
          .append('rect')
          .attr('y', -barH / 2)
          .attr('height', barH)
          .attr('stroke-width', sw);
        // White halo: a value near 0.5 sits on the dashed tie line.
        bar
          .append('text')
          .attr('class', 'value')
          .attr('fill', INK)
          .attr('dy', '0.35em')
          .attr('stroke', '#fff')
          .attr('stroke-width', 3 * k)
          .attr('stroke-linejoin', 'round')
          .attr('paint-order', 'stroke');
        return g;
      });
    groups.attr('transform', (_, i) => `translate(0,${top + i * (groupH + groupGap) + headerH / 2})`);
    groups
      .select('line.sample')
      .attr('stroke', (r) => ALGORITHM_STYLE[r.algorithm].color)
      .attr('stroke-dasharray', (r) => scaleDash(ALGORITHM_STYLE[r.algorithm].dash, sw) || null);
    groups.select('text.name').text((r) => ALGORITHM_STYLE[r.algorithm].label);

    groups.each(function (row) {
      const color = ALGORITHM_STYLE[row.algorithm].color;
      const bar = d3.select(this).selectAll<SVGGElement, Bar>('g.bar');
      bar
        .select('text.label')
        .attr('x', margin.left - 8)
        .attr('text-anchor', 'end');
      bar
        .select('rect')
        .attr('x', x(0))
        .attr('width', (b) => (Number.isFinite(row[b.key]) ? Math.max(0, x(clamp01(row[b.key])) - x(0)) : 0))
        .attr('fill', color)
        .attr('fill-opacity', (b) => b.opacity)
        .attr('stroke', color);
      bar
        .select('text.value')
        .attr('x', (b) => (Number.isFinite(row[b.key]) ? x(clamp01(row[b.key])) : x(0)) + 5)
        .text((b) => (Number.isFinite(row[b.key]) ? fmt(row[b.key]) : '—'));
    });

    const axisY = top + bodyH + 4;
    // Quarter ticks only where their labels fit side by side.
    const quarters = isDefaultTheme(theme) || innerW / 4 >= measurerFor(svg.node()!, fs)('0.75') + 10;
    axisG
      .attr('transform', `translate(0,${axisY})`)
      .call(
        d3
          .axisBottom(x)
          .tickValues(quarters ? [0, 0.25, 0.5, 0.75, 1] : [0, 0.5, 1])
          .tickFormat(d3.format('~g'))
          .tickSizeOuter(0),
      )
      .call(styleAxis, theme);
    tie
      .attr('x1', x(0.5))
      .attr('x2', x(0.5))
      .attr('y1', top - 2)
      .attr('y2', axisY);
    tieLabel.attr('x', x(0.5)).attr('y', top - 6);
    // A thin baseline at 0 anchors the bars (the axis alone sits below the last group).
    groupsG
      .selectAll('line.zero')
      .data([0])
      .join('line')
      .attr('class', 'zero')
      .attr('x1', x(0))
      .attr('x2', x(0))
      .attr('y1', top - 2)
      .attr('y2', axisY)
      .attr('stroke', AXIS_COLOR)
      .attr('stroke-width', sw === 1 ? null : sw);
    // Empty state: only the message, no bare axis suggesting zero win rates.
    const show = rows.length ? null : 'none';
    axisG.attr('display', show);
    tie.attr('display', show);
    tieLabel.attr('display', show);
    groupsG.select('line.zero').attr('display', show);
    empty.text(emptyMessage ?? 'No win rates yet');
    empty
      .attr('display', rows.length ? 'none' : null)
      .attr('x', 12)
      .attr('y', top + fs);
    if (beatsRegularized(rows)) beatenIn = noteKey ?? rows;
    const showNote = rows.length > 0 && beatenIn === (noteKey ?? rows);
    note.style('display', showNote ? 'block' : 'none').style('font-size', `${Math.max(12, fs * 0.85)}px`);
    if (showNote && note.text() === '') {
      // π*_τ with its subscript: split the plain text at each "π*_τ".
      WIN_RATE_NOTE.split('π*_τ').forEach((piece, i) => {
        if (i > 0) note.append('span').text('π*').append('sub').text('τ');
        note.append('span').text(piece);
      });
    }
    svg.attr('aria-label', ariaLabel(rows));
  }

  return {
    update(next) {
      rows = next.rows;
      emptyMessage = next.emptyMessage;
      noteKey = next.noteKey;
      theme = resolveTheme(next.theme);
      render();
    },
    resize(w) {
      width = Math.max(1, w);
      render();
    },
    destroy() {
      svg.remove();
      note.remove();
    },
  };
}

function clamp01(v: number): number {
  return Math.min(1, Math.max(0, v));
}

function ariaLabel(rows: readonly WinRateRow[]): string {
  if (!rows.length) return 'Win rates: no data yet';
  const groups = rows.map(
    (r) =>
      `${ALGORITHM_STYLE[r.algorithm].label}: ` +
      BARS.map((b) => `${Number.isFinite(r[b.key]) ? fmt(r[b.key]) : 'not available'} ${b.spoken}`).join(', '),
  );
  return `Win rates of the current policy (0.5 is a tie). ${groups.join('. ')}.`;
}
