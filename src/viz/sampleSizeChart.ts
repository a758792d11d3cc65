/**
 * The sample-size curve (issue 16; core/sampleSizeCurve.ts): for each number of comparisons N
 * (log scale), the exploitability under the TRUE preferences of what each pipeline learned —
 * NLHF's π*_τ(P̂) and RLHF's optimum of r̂ — as a median line over the seeds with its 10–90 % band.
 * Below it a table with the same numbers (the screen-reader view) and a sentence saying from which
 * N on NLHF's median is the lower one. Updated imperatively, never by React.
 */
import * as d3 from 'd3';
import type { Band } from '../core/sampleSizeCurve.ts';
import { formatPowerOfTen, formatScientific } from '../shared/formatNumber.ts';
import { ALGORITHM_STYLE } from '../shared/palette.ts';
import { blockChartRenderer, chartSvg } from './chartFrame.ts';
import { DEFAULT_THEME, type FigureTheme, type Renderer } from './types.ts';
import './dataTable.css';
import './sampleSizeChart.css';

export interface SampleSizeProps {
  sizes: ArrayLike<number>;
  nlhf: Band;
  rlhf: Band;
  /** K, the seeds behind each median and band. */
  seeds: number;
  tau: number;
  /** Shown instead of the chart while there is no curve (computing, or feedback off). */
  emptyMessage?: string;
  /** No curve will come (the message is the reason): the figure is only its message, not an empty plot. */
  unavailable?: boolean;
  theme?: FigureTheme;
}

/** The two pipelines, in the colours and dashes of the algorithms they train (Nash-MD, RLHF). */
const PIPELINES = [
  { key: 'nlhf', label: 'NLHF: π*τ of the learned P̂', style: ALGORITHM_STYLE['nash-md'] },
  { key: 'rlhf', label: 'RLHF: optimum of the learned r̂', style: ALGORITHM_STYLE.rlhf },
] as const;

const FLOOR = 1e-12;
const fmt = (x: number) => formatScientific(x, 2, '\u2060');

/** The smallest N from which on NLHF's median stays below RLHF's, or null when it never does. */
export function crossover(p: Pick<SampleSizeProps, 'sizes' | 'nlhf' | 'rlhf'>): number | null {
  let from: number | null = null;
  for (let g = p.sizes.length - 1; g >= 0; g--) {
    if (p.nlhf.median[g] < p.rlhf.median[g]) from = p.sizes[g];
    else break;
  }
  return from;
}

export function createSampleSizeChart(element: HTMLElement): Renderer<SampleSizeProps> {
  const root = d3.select(element).append('div').attr('class', 'sample-size-block');
  const svg = chartSvg(root.node()!).attr('class', 'sample-size-chart');
  const plot = svg.append('g');
  const bands = plot.append('g').attr('class', 'bands');
  const lines = plot.append('g').attr('class', 'lines');
  const xAxis = plot.append('g').attr('class', 'x-axis');
  const yAxis = plot.append('g').attr('class', 'y-axis');
  const xLabel = plot.append('text').attr('text-anchor', 'middle').attr('fill', '#333');
  const yLabel = plot.append('text').attr('text-anchor', 'middle').attr('fill', '#333');
  const legend = plot.append('g').attr('class', 'legend');
  const empty = plot.append('text').attr('class', 'empty').attr('fill', '#555');
  const summary = root.append('p').attr('class', 'sample-size-summary').attr('data-testid', 'sample-size-summary');
  const wrap = root
    .append('div')
    .attr('class', 'data-table-wrap sample-size-table-wrap')
    .attr('tabindex', 0)
    .attr('role', 'region')
    .attr('aria-label', 'Sample-size table');
  const table = wrap
    .append('table')
    .attr('class', 'data-table sample-size-table')
    .attr('data-testid', 'sample-size-table');
  const caption = table.append('caption');
  const head = table.append('thead').append('tr');
  const body = table.append('tbody');

  let props: SampleSizeProps | null = null;
  let width = 360;

  function render() {
    if (!props) return;
    const p = props;
    const theme = p.theme ?? DEFAULT_THEME;
    const fs = theme.fontSize;
    const sw = theme.strokeScale;
    const G = p.sizes.length;
    // The legend sits in rows above the plot, the y label left of the tick labels: all sized by the font.
    const margin = { top: fs * 3.2 + 6, right: fs, bottom: fs * 3.2, left: fs * 4.6 };
    const ih = Math.round(Math.max(120, Math.min(220, width * 0.45)) * (fs / 12) ** 0.5);
    const compact = G === 0 && p.unavailable === true;
    const iw = Math.max(60, width - margin.left - margin.right);
    // The message in lines that fit the plot (a long reason, such as online feedback's, wraps); widths
    // estimated at 0.58 em a character (measure.ts in this lazy chunk would cost the first render bytes).
    const messageLines =
      G === 0
        ? wrapWords(p.emptyMessage ?? 'No curve yet', (compact ? width : iw) - 8, (s) => s.length * fs * 0.58)
        : [];
    // While computing the plot keeps its size (no jump when the curve arrives); a reason is text only.
    const height = Math.round(compact ? messageLines.length * fs * 1.3 + fs * 0.6 : ih + margin.top + margin.bottom);
    svg.attr('width', width).attr('height', height);
    plot.attr('transform', compact ? `translate(0,${fs})` : `translate(${margin.left},${margin.top})`);
    empty
      .attr('x', 8)
      .attr('y', compact ? 0 : ih / 2 - (Math.max(0, messageLines.length - 1) * fs * 1.3) / 2)
      .selectAll('tspan')
      .data(messageLines)
      .join('tspan')
      .attr('x', 8)
      .attr('dy', (_, k) => (k === 0 ? 0 : fs * 1.3))
      .text((d) => d);
    if (G === 0) {
      for (const g of [bands, lines, xAxis, yAxis, legend]) g.selectAll('*').remove();
      body.selectAll('*').remove();
      summary.text('');
      svg.attr('aria-label', p.emptyMessage ?? 'Sample-size curve: no curve yet');
      return;
    }
    const sizes = Array.from(p.sizes);
    const x = d3
      .scaleLog()
      .domain([sizes[0], Math.max(sizes[G - 1], sizes[0] * 10)])
      .range([0, iw]);
    let lo = Infinity;
    let hi = 0;
    for (const b of [p.nlhf, p.rlhf])
      for (let g = 0; g < G; g++) {
        lo = Math.min(lo, Math.max(FLOOR, b.low[g]));
        hi = Math.max(hi, Math.max(FLOOR, b.high[g]));
      }
    const y = d3
      .scaleLog()
      .domain([lo / 2, Math.max(hi * 2, lo * 10)])
      .range([ih, 0])
      .nice();
    const decades = (s: d3.ScaleLogarithmic<number, number>) => {
      const [a, b] = s.domain();
      const out: number[] = [];
      for (let k = Math.ceil(Math.log10(Math.min(a, b)) - 1e-9); k <= Math.log10(Math.max(a, b)) + 1e-9; k++)
        out.push(10 ** k);
      const step = Math.max(1, Math.ceil(out.length / 5));
      return out.filter((_, i) => (out.length - 1 - i) % step === 0);
    };
    xAxis.attr('transform', `translate(0,${ih})`).call(
      d3
        .axisBottom(x)
        .tickValues(decades(x))
        .tickFormat((v) => formatPowerOfTen(Math.round(Math.log10(Number(v))))),
    );
    yAxis.call(
      d3
        .axisLeft(y)
        .tickValues(decades(y))
        .tickFormat((v) => formatPowerOfTen(Math.round(Math.log10(Number(v))))),
    );
    for (const axis of [xAxis, yAxis]) {
      axis.selectAll('path, line').attr('stroke', '#333').attr('stroke-width', sw);
      axis.selectAll('text').attr('fill', '#333').attr('font-size', fs);
    }
    xLabel
      .attr('x', iw / 2)
      .attr('y', ih + fs * 2.6)
      .attr('font-size', fs)
      .text('comparisons N (log scale)');
    yLabel
      .attr('transform', `translate(${-margin.left},${ih / 2}) rotate(-90)`)
      .attr('dy', '0.9em')
      .attr('font-size', fs)
      .text(`e${p.tau > 0 ? 'τ' : '₀'} under the true P`);
    const at = (b: Band, which: keyof Band) => (g: number) => y(Math.max(FLOOR, b[which][g]));
    const area = (b: Band) =>
      d3
        .area<number>()
        .x((g) => x(sizes[g]))
        .y0(at(b, 'low'))
        .y1(at(b, 'high'))(d3.range(G));
    const line = (b: Band) =>
      d3
        .line<number>()
        .x((g) => x(sizes[g]))
        .y(at(b, 'median'))(d3.range(G));
    bands
      .selectAll('path')
      .data(PIPELINES)
      .join('path')
      .attr('data-pipeline', (d) => d.key)
      .attr('fill', (d) => d.style.color)
      .attr('fill-opacity', 0.14)
      .attr('d', (d) => area(p[d.key]));
    lines
      .selectAll('path')
      .data(PIPELINES)
      .join('path')
      .attr('data-pipeline', (d) => d.key)
      .attr('fill', 'none')
      .attr('stroke', (d) => d.style.color)
      .attr('stroke-width', 2 * sw)
      .attr('stroke-dasharray', (d) => d.style.dash || null)
      .attr('d', (d) => line(p[d.key]));
    const items = legend
      .attr('transform', `translate(0,${-margin.top + fs * 0.8})`)
      .selectAll<SVGGElement, (typeof PIPELINES)[number]>('g')
      .data(PIPELINES)
      .join((enter) => {
        const g = enter.append('g');
        g.append('line');
        g.append('text');
        return g;
      })
      .attr('transform', (_, i) => `translate(0,${i * fs * 1.4})`);
    items
      .select('line')
      .attr('x1', 0)
      .attr('x2', fs * 2)
      .attr('stroke', (d) => d.style.color)
      .attr('stroke-width', 2 * sw)
      .attr('stroke-dasharray', (d) => d.style.dash || null);
    items
      .select('text')
      .attr('x', fs * 2.5)
      .attr('dy', '0.35em')
      .attr('text-anchor', 'start')
      .attr('font-size', fs)
      .attr('fill', '#1a1a1a')
      .text((d) => d.label);

    const from = crossover(p);
    const sentence =
      from === null
        ? `Up to N = ${sizes[G - 1].toLocaleString('en')}, NLHF's learned target is never the less exploitable one.`
        : from === sizes[0]
          ? `At every N shown, NLHF's learned target is less exploitable under the true P than RLHF's (medians over ${p.seeds} seeds).`
          : `From N = ${from.toLocaleString('en')} on, NLHF's learned target is less exploitable under the true P than RLHF's (medians over ${p.seeds} seeds).`;
    summary.text(sentence);
    svg.attr(
      'aria-label',
      `Sample-size curve: exploitability under the true P against N, median and 10–90 % band over ${p.seeds} seeds. ${sentence}`,
    );

    caption.text(`Exploitability under the true P: median (10–90 %) over ${p.seeds} seeds`);
    head
      .selectAll('th')
      .data(['N', 'NLHF (P̂)', 'RLHF (r̂)'])
      .join('th')
      .attr('scope', 'col')
      .text((d) => d);
    const rows = body
      .selectAll<HTMLTableRowElement, number>('tr')
      .data(d3.range(G))
      .join((enter) => {
        const r = enter.append('tr');
        r.append('th').attr('scope', 'row');
        return r;
      });
    rows.select('th').text((g) => sizes[g].toLocaleString('en'));
    rows
      .selectAll<HTMLTableCellElement, { b: Band; g: number }>('td')
      .data((g) => [p.nlhf, p.rlhf].map((b) => ({ b, g })))
      .join((enter) => {
        const td = enter.append('td');
        td.append('span').attr('class', 'median');
        td.append('span').attr('class', 'band');
        return td;
      })
      .attr('data-value', (d) => String(d.b.median[d.g]))
      .call((td) => {
        td.select('.median').text((d) => fmt(d.b.median[d.g]));
        td.select('.band').text((d) => `${fmt(d.b.low[d.g])} – ${fmt(d.b.high[d.g])}`);
      });
  }

  return blockChartRenderer<SampleSizeProps>(
    { props: (next) => (props = next), width: (w) => (width = w) },
    render,
    root,
    svg,
    'Sample-size curve',
  );
}

/** `text` in lines of at most `width` px (a word longer than that has a line of its own); each line but the last keeps its trailing space, so the text reads whole. */
export function wrapWords(text: string, width: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (line && measure(next) > width) {
      lines.push(`${line} `);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}
