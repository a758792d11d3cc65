/**
 * Win-rate bars: per algorithm, P(π_t ≻ μ), P(π_t ≻ π_RLHF) and P(π_t ≻ π*_τ) on a 0..1 axis with
 * a "tie" line at 1/2. Each bar row carries a text label, so nothing depends on colour; the svg's
 * height follows the number of algorithms (the host's height is ignored).
 */
import * as d3 from 'd3';
import { ALGORITHM_STYLE } from './palette.ts';
import type { Renderer, WinRateProps, WinRateRow } from './types.ts';
import { AXIS_COLOR, FONT_SIZE, INK, setMathText, styleAxis } from './convergencePlot.ts';
import type { MathPart } from './convergencePlot.ts';

interface Bar {
  key: 'vsReference' | 'vsRlhf' | 'vsRegularized';
  label: readonly MathPart[];
  spoken: string;
  /** Fill opacity: the bars of one algorithm share its colour, the label tells them apart. */
  opacity: number;
}

const BARS: readonly Bar[] = [
  { key: 'vsReference', label: [['vs μ']], spoken: 'vs μ', opacity: 0.85 },
  { key: 'vsRlhf', label: [['vs RLHF opt.']], spoken: 'vs RLHF optimum', opacity: 0.5 },
  { key: 'vsRegularized', label: [['vs π*'], ['τ', 'sub']], spoken: 'vs π*_τ', opacity: 0.22 },
];

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

  const svg = d3
    .select(element)
    .append('svg')
    .attr('role', 'img')
    .attr('font-size', FONT_SIZE)
    .style('display', 'block')
    .style('background', '#fff');
  const groupsG = svg.append('g');
  const axisG = svg.append('g');
  const tie = svg.append('line').attr('stroke', '#666').attr('stroke-dasharray', '3 3').attr('stroke-width', 1);
  const tieLabel = svg.append('text').attr('fill', '#555').attr('text-anchor', 'middle').text('tie');
  const empty = svg.append('text').attr('fill', '#666').text('No win rates yet');
  const x = d3.scaleLinear().domain([0, 1]);

  let emptyMessage: string | undefined;

  function render(): void {
    const margin = { left: 96, right: 46 };
    const innerW = Math.max(60, width - margin.left - margin.right);
    x.range([margin.left, margin.left + innerW]);
    const groupH = HEADER_H + BARS.length * ROW_H;
    const bodyH = rows.length ? rows.length * groupH + (rows.length - 1) * GROUP_GAP : 10;
    const height = TOP + bodyH + AXIS_H;
    svg.attr('width', width).attr('height', height).attr('viewBox', `0 0 ${width} ${height}`);

    const groups = groupsG
      .selectAll<SVGGElement, WinRateRow>('g.group')
      .data(rows, (r) => r.algorithm)
      .join((enter) => {
        const g = enter.append('g').attr('class', 'group');
        g.append('line').attr('class', 'sample').attr('x1', 12).attr('x2', 34).attr('stroke-width', 2);
        g.append('text').attr('class', 'name').attr('x', 40).attr('dy', '0.35em').attr('fill', INK).attr('font-weight', 600);
        const bar = g
          .selectAll('g.bar')
          .data(BARS)
          .join('g')
          .attr('class', 'bar')
          .attr('transform', (_, i) => `translate(0,${HEADER_H + i * ROW_H})`);
        bar.append('text').attr('class', 'label').attr('fill', INK).attr('dy', '0.35em').each(function (b) {
          setMathText(d3.select(this), b.label);
        });
        bar.append('rect').attr('y', -BAR_H / 2).attr('height', BAR_H).attr('stroke-width', 1);
        // White halo: a value near 0.5 sits on the dashed tie line.
        bar.append('text').attr('class', 'value').attr('fill', INK).attr('dy', '0.35em')
          .attr('stroke', '#fff').attr('stroke-width', 3).attr('stroke-linejoin', 'round').attr('paint-order', 'stroke');
        return g;
      });
    groups.attr('transform', (_, i) => `translate(0,${TOP + i * (groupH + GROUP_GAP) + HEADER_H / 2})`);
    groups
      .select('line.sample')
      .attr('stroke', (r) => ALGORITHM_STYLE[r.algorithm].color)
      .attr('stroke-dasharray', (r) => ALGORITHM_STYLE[r.algorithm].dash || null);
    groups.select('text.name').text((r) => ALGORITHM_STYLE[r.algorithm].label);

    groups.each(function (row) {
      const color = ALGORITHM_STYLE[row.algorithm].color;
      const bar = d3.select(this).selectAll<SVGGElement, Bar>('g.bar');
      bar.select('text.label').attr('x', margin.left - 8).attr('text-anchor', 'end');
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

    const axisY = TOP + bodyH + 4;
    axisG
      .attr('transform', `translate(0,${axisY})`)
      .call(d3.axisBottom(x).tickValues([0, 0.25, 0.5, 0.75, 1]).tickFormat(d3.format('~g')).tickSizeOuter(0))
      .call(styleAxis);
    tie.attr('x1', x(0.5)).attr('x2', x(0.5)).attr('y1', TOP - 2).attr('y2', axisY);
    tieLabel.attr('x', x(0.5)).attr('y', TOP - 6);
    // A thin baseline at 0 anchors the bars (the axis alone sits below the last group).
    groupsG.selectAll('line.zero').data([0]).join('line').attr('class', 'zero')
      .attr('x1', x(0)).attr('x2', x(0)).attr('y1', TOP - 2).attr('y2', axisY).attr('stroke', AXIS_COLOR);
    // Empty state: only the message, no bare axis suggesting zero win rates.
    const show = rows.length ? null : 'none';
    axisG.attr('display', show);
    tie.attr('display', show);
    tieLabel.attr('display', show);
    groupsG.select('line.zero').attr('display', show);
    empty.text(emptyMessage ?? 'No win rates yet');
    empty.attr('display', rows.length ? 'none' : null).attr('x', 12).attr('y', TOP + 12);
    svg.attr('aria-label', ariaLabel(rows));
  }

  return {
    update(next) {
      rows = next.rows;
      emptyMessage = next.emptyMessage;
      render();
    },
    resize(w) {
      width = Math.max(1, w);
      render();
    },
    destroy() {
      svg.remove();
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
