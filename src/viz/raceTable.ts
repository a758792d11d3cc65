/**
 * The race: one row per shown algorithm with the unregularised exploitability e_0 of its last
 * iterate and of its average iterate at t, its KL to π*_τ, and the first t at which e_0 fell
 * below a chosen ε; above it a small chart of e_0(π_t) against t (log scales) with ε as a line.
 * The table is the screen-reader view (a real <table>, full precision in data-value); the chart
 * exports as SVG. Updated imperatively, never by React.
 */
import * as d3 from 'd3';
import type { Algorithm } from '../core/types.ts';
import { formatPowerOfTen, formatScientific } from '../shared/formatNumber.ts';
import { formatT } from '../shared/formatT.ts';
import { ALGORITHM_STYLE } from '../shared/palette.ts';
import { RACE_EPSILONS } from '../shared/race.ts';
import { blockChartRenderer, chartSvg } from './chartFrame.ts';
import { DEFAULT_THEME, type FigureTheme, type Renderer } from './types.ts';
import './dataTable.css';
import './raceTable.css';

export interface RaceRow {
  algorithm: Algorithm;
  /** The iteration of the row shown (t, or the last stored row at or before it). */
  t: number;
  /** e_0(π_t) = max_y (Pπ_t)_y − 1/2. */
  last: number;
  /** e_0(π̄_t) of the average iterate; null when the stored rows are thinned (not computable). */
  average: number | null;
  /** KL(π*_τ‖π_t) (the run metric). */
  kl: number;
  /** First t with e_0 < ε; null: not within the run; undefined: not scanned (large n, long run). */
  firstBelow: number | null | undefined;
  /** e_0 of rows 0..rows−1 (the chart), null when not scanned. */
  values: Float64Array | null;
  /** Iteration of each row when thinned (null: row r is t = r). */
  times: Float64Array | null;
  rows: number;
}

export interface RaceProps {
  rows: readonly RaceRow[];
  t: number;
  epsilon: number;
  /** Whether the average column can be shown (the stored rows are every iteration). */
  averageShown: boolean;
  /** Nash-MD runs with a constant step and τ > 0: it converges to its biased fixed point. */
  fixedPointShown: boolean;
  emptyMessage?: string;
  theme?: FigureTheme;
}

export interface RaceOptions {
  /** The user picked another ε. */
  onEpsilon?(epsilon: number): void;
}

/** A small value as printed in the table: 0.123 or 3.2×10⁻⁴ (word joiners: no line break inside). */
const fmt = (x: number) => (Number.isNaN(x) ? '…' : formatScientific(x, 1, '\u2060'));
const epsilonLabel = (e: number) => formatScientific(e, 0).replace(/^1×/, '').replace('0.01', '10⁻²');

const CHART_HEIGHT = 132;
const MARGIN = { top: 8, right: 12, left: 44 };
const FLOOR = 1e-17;

export function createRaceTable(element: HTMLElement, options?: RaceOptions): Renderer<RaceProps> {
  const root = d3.select(element).append('div').attr('class', 'race-block');
  const controls = root.append('p').attr('class', 'race-controls');
  const label = controls.append('label');
  label.append('span').text('ε for “first t below ε”: ');
  const select = label.append('select').attr('data-testid', 'race-epsilon');
  select
    .selectAll('option')
    .data(RACE_EPSILONS)
    .join('option')
    .attr('value', (d) => String(d))
    .text((d) => epsilonLabel(d));
  select.on('change', (event: Event) => options?.onEpsilon?.(Number((event.target as HTMLSelectElement).value)));

  const svg = chartSvg(root.node()!).attr('class', 'race-chart');
  const plot = svg.append('g');
  const xAxis = plot.append('g').attr('class', 'x-axis');
  const yAxis = plot.append('g').attr('class', 'y-axis');
  const epsLine = plot
    .append('line')
    .attr('class', 'race-epsilon-line')
    .attr('stroke', '#555')
    .attr('stroke-dasharray', '3 3');
  const lines = plot.append('g').attr('class', 'race-lines');
  const xLabel = plot.append('text').attr('text-anchor', 'end').attr('fill', '#333');

  const wrap = root
    .append('div')
    .attr('class', 'data-table-wrap race-table-wrap')
    .attr('tabindex', 0)
    .attr('role', 'region')
    .attr('aria-label', 'Race table');
  const table = wrap.append('table').attr('class', 'data-table race-table').attr('data-testid', 'race-table');
  const caption = table.append('caption');
  const headRow = table.append('thead').append('tr');
  const body = table.append('tbody');
  const notes = root.append('div').attr('class', 'race-notes');

  let props: RaceProps | null = null;
  let width = 300;

  const render = () => {
    if (!props) return;
    const p = props;
    const theme = p.theme ?? DEFAULT_THEME;
    select.property('value', String(p.epsilon));
    caption.text(`The race at t = ${formatT(p.t)}`);
    const columns = [
      'Algorithm',
      'e₀ last iterate',
      'e₀ average',
      'KL(π*τ‖πt)',
      `first t, e₀ < ${epsilonLabel(p.epsilon)}`,
    ];
    headRow
      .selectAll<HTMLTableCellElement, string>('th')
      .data(columns)
      .join('th')
      .attr('scope', 'col')
      .text((d) => d);
    const tr = body
      .selectAll<HTMLTableRowElement, RaceRow>('tr')
      .data(p.rows, (d) => d.algorithm)
      .join((enter) => {
        const r = enter.append('tr');
        r.append('th').attr('scope', 'row');
        return r;
      });
    tr.attr('data-algorithm', (d) => d.algorithm);
    tr.select('th')
      .text((d) => ALGORITHM_STYLE[d.algorithm].label)
      .style(
        'border-left',
        (d) => `4px ${ALGORITHM_STYLE[d.algorithm].dash ? 'dashed' : 'solid'} ${ALGORITHM_STYLE[d.algorithm].color}`,
      );
    const cells = (d: RaceRow) => [
      { key: 'last', value: String(d.last), text: fmt(d.last) },
      d.average === null || !p.averageShown
        ? { key: 'average', value: '', text: 'n/a' }
        : { key: 'average', value: String(d.average), text: fmt(d.average) },
      { key: 'kl', value: String(d.kl), text: fmt(d.kl) },
      d.firstBelow === undefined
        ? { key: 'first', value: '', text: 'not scanned' }
        : d.firstBelow === null
          ? { key: 'first', value: '', text: 'not within the run' }
          : { key: 'first', value: String(d.firstBelow), text: formatT(d.firstBelow) },
    ];
    tr.selectAll<HTMLTableCellElement, ReturnType<typeof cells>[number]>('td')
      .data(cells)
      .join('td')
      .attr('data-col', (c) => c.key)
      // The column's name, for the stacked layout of lecture mode (CSS ::before).
      .attr('data-label', (_, i) => columns[i + 1])
      .attr('data-value', (c) => c.value || null)
      .text((c) => c.text);
    table.classed('empty', p.rows.length === 0);
    const noteLines: string[] = [
      'e₀(π) = max over y of (Pπ)(y) − ½: what the best response wins against π beyond a draw, 0 only at a Nash of P. The average iterate is π̄t = (π0 + … + πt)/(t + 1).',
    ];
    if (p.rows.length === 0 && p.emptyMessage) noteLines.push(p.emptyMessage);
    if (!p.averageShown)
      noteLines.push(
        'The average iterate needs every step; this long run keeps a thinned history, so its column is n/a (tick “Average iterates” to have every step averaged as it runs).',
      );
    if (p.rows.some((r) => r.firstBelow === undefined))
      noteLines.push('“Not scanned”: too many responses and steps to scan every row for e₀.');
    if (p.fixedPointShown)
      noteLines.push(
        'With a constant step η, Nash-MD converges to its own fixed point π = BRτ(π^μ), O(η) away from π*τ (the ✚ on the simplex), so its KL levels off above 0; Step size → Theorem 1 removes the bias.',
      );
    notes
      .selectAll('p')
      .data(noteLines)
      .join('p')
      .attr('class', 'race-note')
      .text((d) => d);
    drawChart(p, theme);
  };

  function drawChart(p: RaceProps, theme: FigureTheme) {
    const fs = theme.fontSize;
    // Tick labels at 0.85 em; under the x ticks a second line names the axis (no overlap with them).
    // Lecture mode keeps every figure text at its full size (≥ 24 px); otherwise ticks are smaller.
    const tick = theme.fontSize >= 24 ? fs : fs * 0.85;
    const bottom = 6 + tick * 2.6;
    const left = MARGIN.left + (fs - 12) * 2.5;
    const h = Math.round(CHART_HEIGHT + (fs - 12) * 3);
    const w = Math.max(120, width);
    svg.attr('width', w).attr('height', h).attr('viewBox', `0 0 ${w} ${h}`).attr('font-size', fs);
    plot.attr('transform', `translate(${left},${MARGIN.top})`);
    const iw = w - left - MARGIN.right;
    const ih = h - MARGIN.top - bottom;
    const tMax = Math.max(1, p.t);
    const x = d3
      .scaleLog()
      .domain([1, tMax + 1])
      .range([0, iw]);
    let lo = p.epsilon;
    let hi = p.epsilon;
    for (const r of p.rows)
      if (r.values)
        for (let i = 0; i < r.rows; i++)
          if (Number.isFinite(r.values[i])) {
            const v = Math.max(FLOOR, r.values[i]);
            if (v < lo) lo = v;
            if (v > hi) hi = v;
          }
    const y = d3
      .scaleLog()
      .domain([lo / 2, hi * 2])
      .range([ih, 0])
      .nice();
    xAxis.attr('transform', `translate(0,${ih})`).call(
      d3
        .axisBottom(x)
        .tickValues(powersOfTen(x.domain(), 4))
        .tickFormat((v) => formatT(Number(v))),
    );
    yAxis.call(
      d3
        .axisLeft(y)
        .tickValues(powersOfTen(y.domain(), 4))
        .tickFormat((v) => formatPowerOfTen(Math.round(Math.log10(Number(v))))),
    );
    // Explicit colours (not currentColor): the exported SVG stands alone.
    for (const axis of [xAxis, yAxis]) {
      axis.selectAll('path, line').attr('stroke', '#333');
      axis.selectAll('text').attr('fill', '#333').attr('font-size', tick);
    }
    xLabel
      .attr('x', iw)
      .attr('y', ih + 6 + tick * 2.3)
      .attr('font-size', tick)
      .text('t + 1 (log scale)');
    epsLine.attr('x1', 0).attr('x2', iw).attr('y1', y(p.epsilon)).attr('y2', y(p.epsilon));
    const line = d3
      .line<[number, number]>()
      .x((d) => x(d[0] + 1))
      .y((d) => y(Math.max(FLOOR, d[1])));
    lines
      .selectAll<SVGPathElement, RaceRow>('path')
      .data(
        p.rows.filter((r) => r.values),
        (d) => d.algorithm,
      )
      .join('path')
      .attr('fill', 'none')
      .attr('stroke', (d) => ALGORITHM_STYLE[d.algorithm].color)
      .attr('stroke-dasharray', (d) => ALGORITHM_STYLE[d.algorithm].dash)
      .attr('stroke-width', 1.5 * theme.strokeScale)
      .attr('d', (d) => {
        const pts: [number, number][] = [];
        for (let i = 0; i < d.rows; i++) pts.push([d.times ? d.times[i] : i, d.values![i]]);
        return line(thin(pts, iw));
      });
    const parts = p.rows.map((r) => `${ALGORITHM_STYLE[r.algorithm].label} ${fmt(r.last)}`);
    svg.attr(
      'aria-label',
      `Exploitability e₀ of the last iterate against t (log scales), ε = ${epsilonLabel(p.epsilon)} dashed. At t = ${formatT(p.t)}: ${parts.join(', ') || 'no algorithm shown'}.`,
    );
  }

  return blockChartRenderer<RaceProps>(
    { props: (next) => (props = next), width: (w) => (width = w) },
    render,
    root,
    svg,
    'The race: exploitability against t',
  );
}

/** Powers of ten inside [a, b], at most about `count` of them (every k-th decade). */
function powersOfTen([a, b]: number[], count: number): number[] {
  const lo = Math.ceil(Math.log10(Math.min(a, b)) - 1e-9);
  const hi = Math.floor(Math.log10(Math.max(a, b)) + 1e-9);
  const step = Math.max(1, Math.ceil((hi - lo + 1) / count));
  const out: number[] = [];
  for (let k = hi; k >= lo; k -= step) out.push(10 ** k);
  return out;
}

/** At most ~2 points per pixel column on a log axis: keeps the path small for long runs. */
function thin(points: [number, number][], width: number): [number, number][] {
  if (points.length <= 4 * width) return points;
  const out: [number, number][] = [];
  let lastKey = -1;
  const lmax = Math.log(points[points.length - 1][0] + 1) || 1;
  points.forEach((pt, i) => {
    const key = Math.floor((Math.log(pt[0] + 1) / lmax) * width * 2);
    if (key !== lastKey || i === points.length - 1) out.push(pt);
    lastKey = key;
  });
  return out;
}
