/**
 * The β sweep (core betaSweep.ts): the head-to-head win rates M[a][b] = P(π_a ≻ π_b) of the swept
 * policies as a heatmap with values, rows and columns ordered by average win rate (best first, as
 * the paper's Table 1), the best row outlined and starred (not by colour alone); beside it the
 * same matrix as a real <table> for screen readers (full precision in data-value), and a caption
 * saying what the sweep shows. The heatmap exports as SVG. Updated imperatively, never by React.
 */
import * as d3 from 'd3';
import { sweepSummary } from '../shared/betaSweepSummary.ts';
import { formatT } from '../shared/formatT.ts';
import { blockChartRenderer, chartSvg } from './chartFrame.ts';
import { DEFAULT_THEME, type FigureTheme, type Renderer } from './types.ts';

export interface BetaSweepProps {
  sweep: {
    /** The sweep's answer, or null before the first one. */
    result: {
      steps: number;
      labels: readonly string[];
      betas: readonly (number | null)[];
      matrix: Float64Array;
      average: Float64Array;
      order: readonly number[];
      best: number | null;
    } | null;
    /** The steps asked for (the link's t; the sweep caps them). */
    asked: number;
    /** How far the newest request got (1: the result is current). */
    fraction: number;
    /** Why it could not be computed, or null. */
    problem: string | null;
  };
  theme?: FigureTheme;
}

/** A column's short name: "SFT", "RLHF", "β=0.125", "EMA". */
const shortLabel = (label: string, beta: number | null) =>
  beta !== null ? `β=${beta}` : label.startsWith('SFT') ? 'SFT' : label.startsWith('RLHF') ? 'RLHF' : 'EMA';
const fmt = d3.format('.2f');
const KEY = 'β=…: Nash-MD-PG with that β; EMA: Nash-EMA-PG; RLHF: RLHF-PG; SFT: μ. ★ best.';
/** Diverging around ½: blue where the row wins, red where it loses (values are always printed). */
const colour = (x: number) => d3.interpolateRdBu(Math.max(0, Math.min(1, x)));
const ink = (x: number) => (Math.abs(x - 0.5) > 0.3 ? '#fff' : '#111');

export function createBetaSweepPlot(element: HTMLElement): Renderer<BetaSweepProps> {
  const root = d3.select(element).append('div').attr('class', 'beta-sweep-block');
  // Styles inline: a stylesheet of its own would add a file to the first render's chunk table.
  const note = (p: d3.Selection<HTMLParagraphElement, unknown, null, undefined>) =>
    p.style('margin', '0.3rem 0').style('font-size', '0.85rem').style('color', '#333').style('max-width', '60rem');
  const status = root.append('p').attr('class', 'beta-sweep-status').attr('aria-live', 'polite').call(note);
  const svg = chartSvg(root.node()!)
    .attr('class', 'beta-sweep-chart')
    .attr('data-testid', 'beta-sweep-chart')
    .style('max-width', '100%')
    .style('height', 'auto');
  const plot = svg.append('g');
  const caption = root
    .append('p')
    .attr('class', 'beta-sweep-caption')
    .attr('data-testid', 'beta-sweep-caption')
    .call(note);
  // Hidden through a wrapper: a table ignores the 1 px width of .visually-hidden and, absolutely
  // positioned at its full width, widened the page (a horizontal scrollbar at 1280 px).
  const table = root
    .append('div')
    .attr('class', 'visually-hidden')
    .append('table')
    .attr('class', 'beta-sweep-table')
    .attr('data-testid', 'beta-sweep-table');
  const tableCaption = table.append('caption');
  const headRow = table.append('thead').append('tr');
  const body = table.append('tbody');

  let props: BetaSweepProps | null = null;
  let width = 480;

  const render = () => {
    if (!props) return;
    const p = props.sweep;
    const r = p.result;
    const theme = props.theme ?? DEFAULT_THEME;
    const computing = p.fraction < 1 && !p.problem;
    status
      .style('display', p.problem || computing ? '' : 'none')
      .text(
        p.problem
          ? `The β sweep could not be computed: ${p.problem}`
          : computing
            ? `Training the sweep… ${Math.round(100 * p.fraction)}%${r ? ' (the previous sweep is shown meanwhile)' : ''}`
            : '',
      );
    svg.style('opacity', computing && r ? '0.5' : '');
    if (!r) {
      svg.attr('width', 0).attr('height', 0);
      caption.text('');
      return;
    }
    const m = r.order.length;
    const fs = theme.fontSize;
    // Rows and columns carry the short names (the key line and the table give the full ones).
    const short = r.labels.map((label, a) => shortLabel(label, r.betas[a]));
    const longest = Math.max(...short.map((x) => x.length)) + 2; // "★ "
    const rowLabelW = Math.round(longest * fs * 0.9 * 0.62 + 10);
    const avgW = Math.round(fs * 3);
    const cell = Math.max(fs * 2.2, Math.min(fs * 3.8, (width - rowLabelW - avgW - 8) / m));
    const top = Math.round(fs * 4.2);
    const w = Math.round(rowLabelW + cell * m + avgW + 8);
    const h = Math.round(top + cell * m + fs * 3.6);
    svg.attr('width', w).attr('height', h).attr('viewBox', `0 0 ${w} ${h}`).attr('font-size', fs);
    plot.attr('transform', `translate(${rowLabelW},${top})`);
    const valueFs = Math.min(fs, cell * 0.36);

    // Column heads, rotated so that long names fit over narrow cells.
    plot
      .selectAll<SVGTextElement, number>('text.col-label')
      .data(r.order)
      .join('text')
      .attr('class', 'col-label')
      .attr('transform', (_, k) => `translate(${(k + 0.5) * cell},-6) rotate(-45)`)
      .attr('fill', '#333')
      .attr('font-size', fs * 0.9)
      .text((a) => short[a]);
    plot
      .selectAll('text.avg-head')
      .data([0])
      .join('text')
      .attr('class', 'avg-head')
      .attr('x', m * cell + 6)
      .attr('y', -6)
      .attr('fill', '#333')
      .attr('font-size', fs * 0.9)
      .text('avg');
    const rows = plot
      .selectAll<SVGGElement, number>('g.sweep-row')
      .data(r.order)
      .join((enter) => enter.append('g').attr('class', 'sweep-row'))
      .attr('transform', (_, k) => `translate(0,${k * cell})`)
      .attr('data-best', (a) => (a === r.best ? 'true' : null));
    rows
      .selectAll('text.row-label')
      .data((a) => [a])
      .join('text')
      .attr('class', 'row-label')
      .attr('x', -6)
      .attr('y', cell / 2)
      .attr('dy', '0.35em')
      .attr('text-anchor', 'end')
      .attr('fill', '#111')
      .attr('font-size', fs * 0.9)
      .attr('font-weight', (a) => (a === r.best ? 'bold' : null))
      .text((a) => (a === r.best ? `★ ${short[a]}` : short[a]));
    const cells = rows
      .selectAll<SVGGElement, { a: number; b: number; v: number }>('g.cell')
      .data((a) => r.order.map((b) => ({ a, b, v: r.matrix[a * m + b] })))
      .join((enter) => {
        const g = enter.append('g').attr('class', 'cell');
        g.append('rect');
        g.append('text');
        return g;
      })
      .attr('transform', (_, k) => `translate(${k * cell},0)`);
    cells
      .select('rect')
      .attr('width', cell - 1)
      .attr('height', cell - 1)
      .attr('fill', (d) => colour(d.v));
    cells
      .select('text')
      .attr('x', (cell - 1) / 2)
      .attr('y', (cell - 1) / 2)
      .attr('dy', '0.35em')
      .attr('text-anchor', 'middle')
      .attr('font-size', valueFs)
      .attr('fill', (d) => ink(d.v))
      .text((d) => (d.a === d.b ? '–' : fmt(d.v)));
    rows
      .selectAll('text.avg')
      .data((a) => [a])
      .join('text')
      .attr('class', 'avg')
      .attr('x', m * cell + 6)
      .attr('y', cell / 2)
      .attr('dy', '0.35em')
      .attr('fill', '#111')
      .attr('font-size', valueFs)
      .attr('font-weight', (a) => (a === r.best ? 'bold' : null))
      .text((a) => fmt(r.average[a]));
    // The best row: a thick outline (the star and bold type say it without colour).
    const k = r.best === null ? -1 : r.order.indexOf(r.best);
    plot
      .selectAll('rect.best-outline')
      .data(k >= 0 ? [k] : [])
      .join('rect')
      .attr('class', 'best-outline')
      .attr('x', -1.5)
      .attr('y', (d) => d * cell - 1.5)
      .attr('width', m * cell + 2)
      .attr('height', cell + 2)
      .attr('fill', 'none')
      .attr('stroke', '#111')
      .attr('stroke-width', 2.5 * theme.strokeScale);
    plot
      .selectAll('text.axis-note')
      .data(['P(row ≻ column) under the true P; avg: against the other policies.', KEY])
      .join('text')
      .attr('class', 'axis-note')
      .attr('x', -rowLabelW + 4)
      .attr('y', (_, i) => m * cell + fs * (1.3 + 1.2 * i))
      .attr('fill', '#333')
      .attr('font-size', fs * 0.85)
      .text((d) => d);

    const summary = sweepSummary(r);
    const capped = r.steps < p.asked ? ` (t = ${formatT(p.asked)} capped)` : '';
    caption.text(`The paper’s Table 1 in miniature. ${summary}${capped}`);
    svg.attr(
      'aria-label',
      `β sweep: head-to-head win rates of ${m} policies trained for ${formatT(r.steps)} steps. ${summary}`,
    );

    // The table: the same order, best row named, full precision in data-value.
    tableCaption.text(`β sweep after ${formatT(r.steps)} steps: P(row ≻ column), rows and columns by average win rate`);
    headRow
      .selectAll<HTMLTableCellElement, string>('th')
      .data(['Policy', ...r.order.map((a) => r.labels[a]), 'Average win rate'])
      .join('th')
      .attr('scope', 'col')
      .text((d) => d);
    const tr = body
      .selectAll<HTMLTableRowElement, number>('tr')
      .data(r.order)
      .join((enter) => {
        const row = enter.append('tr');
        row.append('th').attr('scope', 'row');
        return row;
      })
      .attr('data-label', (a) => r.labels[a])
      .attr('data-best', (a) => (a === r.best ? 'true' : null));
    tr.select('th').text((a) => (a === r.best ? `${r.labels[a]} (best)` : r.labels[a]));
    tr.selectAll<HTMLTableCellElement, { v: number; col: string }>('td')
      .data((a) => [
        ...r.order.map((b) => ({ v: r.matrix[a * m + b], col: r.labels[b] })),
        { v: r.average[a], col: 'average' },
      ])
      .join('td')
      .attr('data-col', (d) => d.col)
      .attr('data-value', (d) => String(d.v))
      .text((d) => fmt(d.v));
  };

  return blockChartRenderer<BetaSweepProps>(
    { props: (next) => (props = next), width: (w) => (width = w) },
    render,
    root,
    svg,
    'β sweep: head-to-head win rates',
  );
}
