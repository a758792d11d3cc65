/**
 * Small multiples of π_t(y) against t, one mini chart per response, for n > 3 where the simplex
 * cannot show the policy. All panels share one y scale [0, M] with M a round value just above the
 * largest visible probability: a shared scale keeps panels comparable (the point of small
 * multiples) while zooming in when n is large and every π_t(y) is small. The svg's height follows
 * from its width and n (the host's height is ignored; let the host scroll if needed).
 */
import * as d3 from 'd3';
import { chartSvg, pct, redrawOnChange } from './chartFrame.ts';
import { ALGORITHM_STYLE } from '../shared/palette.ts';
import { rowAt, timeAt } from '../shared/seriesRows.ts';
import type { Renderer, SeriesData, TimeSeriesProps } from './types.ts';
import { estimateTextWidth, gridColumns, niceProbabilityMax, scaleDash } from './chartMath.ts';
import { ColumnEnvelope } from './columnEnvelope.ts';
import { SeriesPrefix } from './thinPathSeries.ts';
import {
  AXIS_COLOR,
  FONT_SIZE,
  INK,
  renderLegend,
  scriptSize,
  seriesEntries,
  setMathText,
  styleAxis,
} from './convergenceShared.ts';
import { isDefaultTheme, measurerFor, resolveTheme, themeKey } from './measure.ts';
import { formatT } from '../shared/formatT.ts';

const MAX_POINTS = 400;
const GRID_COLOR = '#ececec';
import { ALGO_SYMBOL as MARKERS } from './algorithmSymbols.ts';

interface Trace {
  algorithm: SeriesData['algorithm'];
  /** The series, for the iteration of each row (rows are not iterations once history is thinned). */
  series: SeriesData;
  rows: number[];
  /** Row r's value is policies[r * n + response]. */
  policies: Float64Array;
  current: number;
}

interface PanelDatum {
  index: number;
  label: string;
  traces: Trace[];
}

export function createTimeSeriesPlot(
  element: HTMLElement,
  _options: Record<string, never> = {},
): Renderer<TimeSeriesProps> {
  let width = element.clientWidth || 600;
  let props: TimeSeriesProps | null = null;
  let lastStaticKey = '';
  let lastTicksKey = '';

  const svg = chartSvg(element);
  const legend = svg.append('g');
  const grid = svg.append('g');
  const caption = svg.append('text').attr('fill', '#555').attr('text-anchor', 'end');
  const CAPTION: Parameters<typeof setMathText>[1] = [['π'], ['t', 'sub'], ['(y) against iteration t']];
  setMathText(caption, CAPTION);
  let laidOutTheme = themeKey(resolveTheme(undefined));
  const empty = svg.append('text').attr('fill', '#666').text('No policies to show yet');
  const x = d3.scaleLinear();
  const y = d3.scaleLinear();
  /** Per algorithm: one cached min/max envelope per response, and what they were built from. */
  const envelopes = new Map<
    SeriesData['algorithm'],
    { prefix: SeriesPrefix; key: string; scanned: number; columns: ColumnEnvelope[] }
  >();

  /** Thinned rows of each response's line for rows 0..count−1 of `s`; appended rows only are read. */
  function envelopeOf(s: SeriesData, n: number, count: number, buckets: number): number[][] {
    const key = `${n}:${buckets}`;
    let e = envelopes.get(s.algorithm);
    if (!e || e.key !== key) {
      e = {
        prefix: new SeriesPrefix(),
        key,
        scanned: 0,
        columns: Array.from({ length: n }, (_, k) => new ColumnEnvelope(buckets, s.policies, n, k)),
      };
      envelopes.set(s.algorithm, e);
    }
    const valid = e.prefix.check(s, n, e.scanned);
    for (const c of e.columns) {
      if (valid) c.rebind(s.policies);
      else c.reset(s.policies);
    }
    if (!valid) {
      e.prefix.forget();
      e.scanned = 0;
    }
    if (count > e.scanned) {
      e.scanned = count;
      e.prefix.record(s, n, count);
    }
    return e.columns.map((c) => c.rows(count));
  }

  function render(): void {
    const p = props;
    const n = p?.n ?? 0;
    const series = p?.series ?? [];
    const t = Math.max(0, Math.floor(p?.t ?? 0));
    const theme = resolveTheme(p?.theme);
    const fs = theme.fontSize;
    const sw = theme.strokeScale;
    const k = fs / FONT_SIZE;
    const plain = isDefaultTheme(theme);
    // Real text widths for larger themes; the default look keeps its historic estimates.
    const measure = plain ? (s: string) => estimateTextWidth(s, fs) : measurerFor(svg.node()!, fs);
    const redrawTheme = themeKey(theme) !== laidOutTheme;
    if (redrawTheme) {
      laidOutTheme = themeKey(theme);
      svg.attr('font-size', fs);
      setMathText(caption, CAPTION, scriptSize(theme));
      grid.selectAll('g.cell').remove();
    }
    const margin = { left: plain ? 38 : Math.ceil(Math.max(38, measure('0.05') + 3 * sw + 10)), right: 10, top: 2 };
    const innerW = Math.max(60, width - margin.left - margin.right);
    const hGap = 14 * k;
    const cols = gridColumns(innerW + hGap, Math.max(1, n), 140 * k, 4);
    const panelW = Math.max(30, (innerW - (cols - 1) * hGap) / cols);
    const plotH = Math.round(Math.min(110 * k, Math.max(56 * k, panelW * 0.55)));
    const titleH = fs + 8;
    const ticksH = fs + 10;
    const pitch = titleH + plotH + ticksH;
    const gridRows = Math.ceil(n / cols);

    legend.attr('transform', `translate(${margin.left},${margin.top})`);
    const legendH = renderLegend(legend, seriesEntries(series), innerW, theme);
    const top = margin.top + legendH + 4;
    const height = top + Math.max(1, gridRows) * pitch + fs + 8;
    svg.attr('width', width).attr('height', height).attr('viewBox', `0 0 ${width} ${height}`);
    caption.attr('x', margin.left + innerW).attr('y', height - 6);

    // About one min/max bucket per pixel column: more points would not show.
    const maxPoints = Math.min(MAX_POINTS, Math.max(60, Math.round(2 * panelW)));
    // Thin every (series, response) line with its own envelope and find the shared y maximum.
    let maxValue = 0;
    const panels: PanelDatum[] = Array.from({ length: n }, (_, index) => ({
      index,
      label: p?.labels[index] ?? `y${index + 1}`,
      traces: [],
    }));
    const present = new Set<SeriesData['algorithm']>();
    for (const s of series) {
      if (s.length <= 0) continue;
      present.add(s.algorithm);
      const count = rowAt(s, t) + 1;
      const columns = envelopeOf(s, n, count, Math.max(1, Math.floor(maxPoints / 2) - 1));
      for (const panel of panels) {
        const k = panel.index;
        const rows = columns[k];
        for (const r of rows) maxValue = Math.max(maxValue, s.policies[r * n + k] || 0);
        panel.traces.push({ algorithm: s.algorithm, series: s, rows, policies: s.policies, current: count - 1 });
      }
    }
    for (const key of [...envelopes.keys()]) if (!present.has(key)) envelopes.delete(key);
    const yMax = niceProbabilityMax(maxValue);
    x.domain([0, Math.max(t, 10)]).range([0, panelW]);
    y.domain([0, yMax]).range([plotH, 0]);
    const yTicks = [0, yMax / 2, yMax];
    const xTicks = d3.ticks(0, Math.max(t, 10), Math.max(2, Math.floor(panelW / (55 * k))));
    const maxTitleWidth = panelW;

    const cells = grid
      .selectAll<SVGGElement, PanelDatum>('g.cell')
      .data(panels, (d) => d.index)
      .join((enter) => {
        const g = enter.append('g').attr('class', 'cell');
        g.append('text').attr('class', 'title').attr('fill', INK).attr('font-weight', 600).attr('y', -6);
        g.append('g').attr('class', 'grid');
        g.append('g').attr('class', 'y-axis');
        g.append('g').attr('class', 'x-axis');
        g.append('g').attr('class', 'lines');
        return g;
      });
    // Gridlines, y axes, x baselines, titles and panel positions change only with the layout or
    // the y scale, x ticks only with t's range: skip them when unchanged (this chart has up to 12
    // panels, and an edit redraws it with the same layout and t).
    const staticKey = `${n}:${cols}:${panelW}:${plotH}:${yMax}:${laidOutTheme}:${top}:${panels.map((d) => d.label).join('\u0001')}`;
    const redrawStatic = staticKey !== lastStaticKey;
    lastStaticKey = staticKey;
    const xKey = `${staticKey}:${xTicks.join(',')}:${x.domain().join(',')}`;
    const redrawTicks = xKey !== lastTicksKey;
    lastTicksKey = xKey;
    if (redrawStatic) {
      cells.attr('transform', (d) => {
        const col = d.index % cols;
        const row = Math.floor(d.index / cols);
        return `translate(${margin.left + col * (panelW + hGap)},${top + row * pitch + titleH})`;
      });
      cells.select('text.title').text((d) => truncate(d.label, maxTitleWidth, measure));
    }
    const xFormat = d3.format('~s');

    cells.each(function (d) {
      const cell = d3.select(this);
      const col = d.index % cols;
      // Tick labels only on the outer edges of the grid: left column and the lowest panel of each column.
      const showY = col === 0;
      const showX = d.index + cols >= n;
      if (redrawStatic) {
        cell
          .select<SVGGElement>('g.grid')
          .selectAll('line')
          .data(yTicks.slice(1))
          .join('line')
          .attr('x1', 0)
          .attr('x2', panelW)
          .attr('y1', (v) => y(v))
          .attr('y2', (v) => y(v))
          .attr('stroke', GRID_COLOR)
          .attr('stroke-width', sw === 1 ? null : sw);
        cell
          .select<SVGGElement>('g.y-axis')
          .call(
            d3
              .axisLeft(y)
              .tickValues(yTicks)
              .tickSize(3)
              .tickSizeOuter(0)
              .tickFormat(showY ? d3.format('~g') : () => ''),
          )
          .call(styleAxis, theme);
        cell
          .select<SVGGElement>('g.x-axis')
          .attr('transform', `translate(0,${plotH})`)
          .selectAll('line.baseline')
          .data([0])
          .join('line')
          .attr('class', 'baseline')
          .attr('x2', panelW)
          .attr('stroke', AXIS_COLOR)
          .attr('stroke-width', sw === 1 ? null : sw);
      }
      // Hand-made x ticks (a d3.axis per panel per frame is the expensive part of this chart).
      // A label that would run into the next panel is dropped.
      if (redrawTicks) {
        const ticks = xTicks.filter((v) => !showX || x(v) + measure(xFormat(v)) / 2 <= panelW + hGap / 2 - 2);
        const tick = cell
          .select<SVGGElement>('g.x-axis')
          .selectAll<SVGGElement, number>('g.tick')
          .data(ticks)
          .join((enter) => {
            const g = enter.append('g').attr('class', 'tick');
            g.append('line')
              .attr('y2', 3)
              .attr('stroke', AXIS_COLOR)
              .attr('stroke-width', sw === 1 ? null : sw);
            g.append('text').attr('y', 5).attr('dy', '0.71em').attr('text-anchor', 'middle').attr('fill', INK);
            return g;
          })
          .attr('transform', (v) => `translate(${x(v)},0)`);
        tick.select('text').text((v) => (showX ? xFormat(v) : ''));
      }

      const linesG = cell.select<SVGGElement>('g.lines');
      const path = (tr: Trace) =>
        d3
          .line<number>()
          .digits(1) // sub-pixel precision is invisible; shorter path strings are cheaper
          .defined((r) => Number.isFinite(tr.policies[r * n + d.index]))
          .x((r) => x(timeAt(tr.series, r)))
          .y((r) => y(tr.policies[r * n + d.index]))(tr.rows);
      linesG
        .selectAll<SVGPathElement, Trace>('path.series')
        // Reversed so the first series (Nash-MD) is drawn last, on top.
        .data([...d.traces].reverse(), (tr) => tr.algorithm)
        .join((enter) =>
          enter
            .append('path')
            .attr('class', 'series')
            .attr('fill', 'none')
            .attr('stroke-width', 1.5 * sw)
            .attr('stroke-linejoin', 'round'),
        )
        .order()
        .attr('stroke', (tr) => ALGORITHM_STYLE[tr.algorithm].color)
        .attr('stroke-dasharray', (tr) => scaleDash(ALGORITHM_STYLE[tr.algorithm].dash, sw) || null)
        .attr('d', path);
      linesG
        .selectAll<SVGPathElement, Trace>('path.marker')
        .data(
          d.traces.filter((tr) => Number.isFinite(tr.policies[tr.current * n + d.index])),
          (tr) => tr.algorithm,
        )
        .join((enter) =>
          enter
            .append('path')
            .attr('class', 'marker')
            .attr('stroke', '#fff')
            .attr('stroke-width', 0.75 * sw),
        )
        .attr('fill', (tr) => ALGORITHM_STYLE[tr.algorithm].color)
        .attr('d', (tr) => d3.symbol(MARKERS[ALGORITHM_STYLE[tr.algorithm].marker], 26 * sw * sw)())
        .attr(
          'transform',
          (tr) => `translate(${x(timeAt(tr.series, tr.current))},${y(tr.policies[tr.current * n + d.index])})`,
        );
    });

    const hasData = n > 0 && series.length > 0;
    caption.attr('display', hasData ? null : 'none');
    empty.text(p?.emptyMessage ?? 'No policies to show yet');
    empty
      .attr('display', hasData ? 'none' : null)
      .attr('x', margin.left)
      .attr('y', top + titleH + fs);
    svg.attr('aria-label', ariaLabel(panels, t, n, hasData));
  }

  return {
    ...redrawOnChange<TimeSeriesProps>({ props: (next) => (props = next), width: (w) => (width = w) }, render),
    destroy() {
      svg.remove();
    },
  };
}

/** The longest prefix of `label` (plus an ellipsis) no wider than `maxWidth`. */
function truncate(label: string, maxWidth: number, measure: (s: string) => number): string {
  if (measure(label) <= maxWidth) return label;
  const chars = [...label];
  let keep = chars.length - 1;
  while (keep > 1 && measure(`${chars.slice(0, keep).join('')}…`) > maxWidth) keep--;
  return `${chars.slice(0, keep).join('')}…`;
}

function ariaLabel(panels: readonly PanelDatum[], t: number, n: number, hasData: boolean): string {
  if (!hasData) return 'Policy probabilities over time: no data yet';
  const algos = panels[0].traces.map((tr, i) => {
    const probs = panels.map((p) => `${p.label} ${pct(p.traces[i].policies[tr.current * n + p.index])}`);
    return `${ALGORITHM_STYLE[tr.algorithm].label}: ${probs.join(', ')}`;
  });
  return `Probability of each of ${n} responses against iteration t, at t = ${formatT(t)}. ${algos.join('. ')}.`;
}
