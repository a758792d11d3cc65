/**
 * π_t(y) against t for large n: the top-k responses (chosen by topK.ts, passed in as `indices`)
 * plus "other", the sum of the rest, so every panel still accounts for all of the policy's mass.
 * One panel per algorithm (its name and line style in the panel title: the algorithm is never told
 * by colour alone); inside a panel a response is told by colour, by its rank number at the end of
 * its line, the legend and the hover tooltip.
 *
 * Cost per frame is bounded whatever n and the run's length: each panel reads only the rows it
 * draws, at most two per horizontal pixel (power-of-two strides, so lines do not shimmer while
 * playing), each row once for the k values and the "other" sum.
 */
import * as d3 from 'd3';
import { chartSvg, createTooltip, fmtValue, pct, redrawOnChange, standaloneSvg } from './chartFrame.ts';
import { niceProbabilityMax, scaleDash, thinRows } from './chartMath.ts';
import { FONT_SIZE, INK, renderLegend, styleAxis, type LegendEntry } from './convergenceShared.ts';
import { resolveTheme, themeSizer } from './measure.ts';
import { ALGORITHM_STYLE } from '../shared/palette.ts';
import { rowAt, timeAt } from '../shared/seriesRows.ts';
import { aggregateRow, aggregateRows, niceMax } from './topK.ts';
import type { Renderer, SeriesData, TopKProps } from './types.ts';
import { formatT } from '../shared/formatT.ts';

/** Categorical colours for up to 20 named responses (grey is kept for "other"). */
export const RESPONSE_COLORS = [
  '#1f77b4',
  '#ff7f0e',
  '#2ca02c',
  '#d62728',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#17becf',
  '#7f7f00',
  '#393b79',
  '#637939',
  '#ad494a',
  '#7b4173',
  '#3182bd',
  '#e6550d',
  '#31a354',
  '#756bb1',
  '#843c39',
  '#a55194',
  '#6b6ecf',
];
export const OTHER_STYLE = { color: '#666666', dash: '5 3' } as const;
const GRID_COLOR = '#ececec';

/** Unique clipPath ids: several instances (and StrictMode's double create) coexist. */
let instanceCounter = 0;

interface PanelLayout {
  series: SeriesData;
  x0: number;
  y0: number;
}

export function createTopKPlot(element: HTMLElement, _options: Record<string, never> = {}): Renderer<TopKProps> {
  let width = element.clientWidth || 600;
  let height = 200;
  /**
   * Fit mode's target height: the host's own height, which lecture mode's CSS fixes to the
   * screen's room (so the ResizeObserver reports every change of that room). A layout too cramped
   * to fit marks the host data-grow, which lets it grow with the SVG instead of overflowing.
   */
  let boxHeight = 0;
  const setGrow = (grow: boolean) => {
    if (grow !== element.hasAttribute('data-grow')) element.toggleAttribute('data-grow', grow);
  };

  let props: TopKProps | null = null;
  /** Response → colour slot, kept while the response stays in the top k (no recolouring as ranks change). */
  const slots = new Map<number, number>();
  let hoverX: number | null = null;
  let layout: PanelLayout[] = [];
  let geometry = { plotW: 1, plotH: 1, titleH: 0 };

  const svg = chartSvg(element);
  const sizes = themeSizer(svg.node()!, FONT_SIZE);
  const clipId = `topk-clip-${++instanceCounter}`;
  const clipRect = svg.append('defs').append('clipPath').attr('id', clipId).append('rect');
  const legend = svg.append('g').attr('class', 'topk-legend');
  const panelsG = svg.append('g');
  const empty = svg.append('text').attr('fill', '#666');
  const caption = svg.append('text').attr('fill', '#555').attr('text-anchor', 'end');
  const tooltip = createTooltip(element);
  const x = d3.scaleLinear();
  const y = d3.scaleLinear();

  function colourOf(response: number): string {
    return response < 0 ? OTHER_STYLE.color : RESPONSE_COLORS[(slots.get(response) ?? 0) % RESPONSE_COLORS.length];
  }

  function assignSlots(indices: readonly number[]): void {
    const keep = new Set(indices);
    for (const r of [...slots.keys()]) if (!keep.has(r)) slots.delete(r);
    const used = new Set(slots.values());
    for (const r of indices) {
      if (slots.has(r)) continue;
      let s = 0;
      while (used.has(s)) s++;
      slots.set(r, s);
      used.add(s);
    }
  }

  function render(): void {
    const p = props;
    const n = p?.n ?? 0;
    const t = Math.max(0, Math.floor(p?.t ?? 0));
    const indices = p?.indices ?? [];
    const series = (p?.series ?? []).filter((s) => s.length > 0);
    const { theme, fs, sw, k, measure } = sizes(p?.theme);
    svg.attr('font-size', fs);
    assignSlots(indices);
    const hasOther = indices.length < n;
    // Lines: response index, or −1 for "other" (drawn last, under nothing: it is the reference).
    const lines = [...indices, ...(hasOther ? [-1] : [])];
    const rankLabel = (c: number, above: boolean) => (lines[c] < 0 ? (above ? 'other ↑' : 'other') : String(c + 1));

    const margin = { left: Math.ceil(measure('0.025') + 10 * sw), right: 8, top: 2 };
    const innerW = Math.max(80, width - margin.left - margin.right);
    const entries: LegendEntry[] = lines.map((r, c) => ({
      key: String(r),
      label: r < 0 ? `other (${n - indices.length} more)` : `${c + 1}. ${p?.labels[r] ?? `y${r + 1}`}`,
      color: colourOf(r),
      dash: r < 0 ? OTHER_STYLE.dash : '',
    }));
    legend.attr('transform', `translate(${margin.left},${margin.top})`);
    const legendH = renderLegend(legend, entries, innerW, theme);
    legend.selectAll<SVGGElement, LegendEntry>('g.legend-item').attr('data-response', (e) => e.key);
    const top = margin.top + legendH + 6 * k;

    const hGap = 18 * k;
    const labelW = Math.ceil(measure('other ↑') + 8);
    const titleH = fs + 10;
    const ticksH = fs + 12;
    let fitting = p?.fit === true && boxHeight > 0 && !element.hasAttribute('data-grow');
    let cols = series.length > 1 && innerW >= series.length * 230 * k ? series.length : 1;
    let plotH = 0;
    if (fitting) {
      // Fill the target height: the column count giving the best-proportioned panels (a plot about
      // 1.6 times as wide as tall), each as tall as the rows leave room for. Too cramped for a
      // readable plot (a narrow stage at lecture sizes): the usual layout, taller than the target.
      const avail = boxHeight - top - fs - 8;
      let best = -1;
      for (let c = 1; c <= Math.max(1, series.length); c++) {
        const w = (innerW - (c - 1) * hGap) / c - labelW;
        const h = Math.floor(avail / Math.ceil(Math.max(1, series.length) / c) - titleH - ticksH - 6 * k);
        const score = Math.min(w, 1.6 * h);
        if (w >= 50 * k && h >= 45 * k && score > best) [best, cols, plotH] = [score, c, h];
      }
      if (best < 0) {
        fitting = false;
        cols = 1;
        setGrow(true);
      }
    } else if (!p?.fit) setGrow(false);
    const panelW = (innerW - (cols - 1) * hGap) / cols;
    const plotW = Math.max(40, panelW - labelW);
    if (!fitting) plotH = Math.round(Math.min(170 * k, Math.max(110 * k, panelW * 0.38)));
    const pitch = titleH + plotH + ticksH + 6 * k;
    const panelRows = Math.ceil(series.length / cols);
    height = fitting ? Math.floor(boxHeight) : Math.ceil(top + Math.max(1, panelRows) * pitch + fs + 8);
    svg.attr('width', width).attr('height', height).attr('viewBox', `0 0 ${width} ${height}`);
    caption.attr('x', margin.left + innerW).attr('y', height - 6);

    const tMax = Math.max(t, 10);
    x.domain([0, tMax]).range([0, plotW]);
    const maxPoints = Math.max(60, Math.round(2 * plotW));
    const data = series.map((s) => {
      const count = rowAt(s, t) + 1;
      const rows = thinRows(count, maxPoints);
      return { s, rows, ...aggregateRows(s.policies, n, rows, indices) };
    });
    // The scale fits the named responses: at n = 500 "other" holds nearly all the mass and would
    // flatten them to the axis. Above the scale it is clipped and its end label says "other ↑".
    let maxNamed = 0;
    let maxAll = 0;
    for (const d of data) {
      d.values.forEach((v, j) => {
        if (j % d.width < indices.length && v > maxNamed) maxNamed = v;
        if (v > maxAll) maxAll = v;
      });
    }
    const yMax = maxNamed > 0 ? niceMax(maxNamed) : niceProbabilityMax(maxAll);
    y.domain([0, yMax]).range([plotH, 0]);
    clipRect
      .attr('x', -2 * sw)
      .attr('y', -2 * sw)
      .attr('width', plotW + 4 * sw)
      .attr('height', plotH + 4 * sw);
    const above = maxAll > yMax ? ' (↑: above the scale)' : '';
    const captions = [
      `probability against iteration t; “other” sums the rest${above}`,
      `“other” sums the rest${above}`,
      '“other”: the rest',
    ];
    caption.text(captions.find((c) => measure(c) <= innerW) ?? captions[captions.length - 1]);
    geometry = { plotW, plotH, titleH };
    layout = data.map((d, i) => ({
      series: d.s,
      x0: margin.left + (i % cols) * (panelW + hGap),
      y0: top + Math.floor(i / cols) * pitch + titleH,
    }));

    const panels = panelsG
      .selectAll<SVGGElement, (typeof data)[number]>('g.topk-panel')
      .data(data, (d) => d.s.algorithm)
      .join((enter) => {
        const g = enter.append('g').attr('class', 'topk-panel');
        g.append('line').attr('class', 'sample');
        g.append('text').attr('class', 'title').attr('fill', INK).attr('font-weight', 600);
        for (const c of ['grid', 'y-axis', 'x-axis', 'lines', 'ends']) g.append('g').attr('class', c);
        g.select('g.lines').attr('clip-path', `url(#${clipId})`);
        g.append('line').attr('class', 'now').attr('stroke', '#9a9a9a');
        g.append('line').attr('class', 'hover-only hover').attr('stroke', '#444').attr('stroke-dasharray', '2 2');
        return g;
      })
      .attr('transform', (_, i) => `translate(${layout[i].x0},${layout[i].y0})`)
      .attr('data-algorithm', (d) => d.s.algorithm);
    const yTicks = y.ticks(4);

    panels.each(function (d) {
      const g = d3.select(this);
      const style = ALGORITHM_STYLE[d.s.algorithm];
      g.select('line.sample')
        .attr('x1', 0)
        .attr('x2', 22 * k)
        .attr('y1', -fs / 2 - 4)
        .attr('y2', -fs / 2 - 4)
        .attr('stroke', style.color)
        .attr('stroke-width', 2.5 * sw)
        .attr('stroke-dasharray', scaleDash(style.dash, sw) || null);
      g.select('text.title')
        .attr('x', 28 * k)
        .attr('y', -6)
        .text(style.label);
      g.select<SVGGElement>('g.grid')
        .selectAll('line')
        .data(yTicks.slice(1))
        .join('line')
        .attr('x2', plotW)
        .attr('y1', (v) => y(v))
        .attr('y2', (v) => y(v))
        .attr('stroke', GRID_COLOR)
        .attr('stroke-width', sw);
      g.select<SVGGElement>('g.y-axis')
        .call(d3.axisLeft(y).tickValues(yTicks).tickSize(3).tickFormat(d3.format('~g')))
        .call(styleAxis, theme);
      g.select<SVGGElement>('g.x-axis')
        .attr('transform', `translate(0,${plotH})`)
        .call(
          d3
            .axisBottom(x)
            .ticks(Math.max(2, Math.floor(plotW / (60 * k))))
            .tickSize(3)
            .tickFormat(d3.format('~s')),
        )
        .call(styleAxis, theme);

      const { rows, values, width: w } = d;
      const xs = rows.map((r) => x(timeAt(d.s, r)));
      const pathOf = (c: number) =>
        d3
          .line<number>()
          .digits(1)
          .defined((j) => Number.isFinite(values[j * w + c]))
          .x((j) => xs[j])
          .y((j) => y(values[j * w + c]))(d3.range(rows.length));
      // Drawn in reverse rank so the top response ends up on top; "other" first, underneath.
      const order = d3.range(lines.length).reverse();
      g.select<SVGGElement>('g.lines')
        .selectAll<SVGPathElement, number>('path')
        .data(order, (c) => String(lines[c]))
        .join('path')
        .order()
        .attr('fill', 'none')
        .attr('stroke-linejoin', 'round')
        .attr('stroke', (c) => colourOf(lines[c]))
        .attr('stroke-width', (c) => (lines[c] < 0 ? 2 : 1.6) * sw)
        .attr('stroke-dasharray', (c) => (lines[c] < 0 ? scaleDash(OTHER_STYLE.dash, sw) : null))
        .attr('data-response', (c) => String(lines[c]))
        .attr('d', pathOf);

      // Current point and rank number at the end of each line; labels pushed apart to stay readable,
      // a label that finds no room is left out (the legend and tooltip still name it).
      const last = rows.length - 1;
      const ends = lines
        .map((r, c) => ({ r, c, v: values[last * w + c], y: y(Math.min(yMax, values[last * w + c])) }))
        .filter((e) => Number.isFinite(e.v));
      const gap = fs + 1;
      // As many labels as fit down the plot's height, best ranks first; then pushed apart.
      const capacity = Math.max(1, Math.floor(plotH / gap));
      const labelled = new Set(ends.slice(0, capacity).map((e) => e.r));
      const placed = ends.filter((e) => labelled.has(e.r)).sort((a, b) => a.y - b.y || a.c - b.c);
      let floor = -Infinity;
      for (const e of placed) floor = e.y = Math.max(e.y, floor + gap);
      // Then up from the bottom, so labels crowded near 0 climb instead of leaving the plot.
      // (kept above the x axis's tick labels, which reach into the label column at the last tick).
      let ceiling = plotH - fs / 2 - 2 + gap;
      for (const e of [...placed].reverse()) ceiling = e.y = Math.min(e.y, ceiling - gap);
      const cx = x(timeAt(d.s, rows[last] ?? 0));
      const end = g
        .select<SVGGElement>('g.ends')
        .selectAll<SVGGElement, (typeof ends)[number]>('g.end')
        .data(ends, (e) => String(e.r))
        .join((enter) => {
          const e = enter.append('g').attr('class', 'end');
          e.append('circle').attr('stroke', '#fff');
          e.append('text').attr('dy', '0.35em');
          return e;
        });
      end
        .select('circle')
        .attr('cx', cx)
        .attr('cy', (e) => y(Math.min(yMax, e.v)))
        .attr('r', 2.8 * sw)
        .attr('fill', (e) => colourOf(e.r))
        .attr('stroke-width', 0.75 * sw);
      end
        .select('text')
        .attr('x', plotW + 4)
        .attr('y', (e) => e.y)
        .attr('fill', (e) => (e.r < 0 ? INK : colourOf(e.r)))
        .attr('font-weight', 600)
        .attr('display', (e) => (labelled.has(e.r) ? null : 'none'))
        .text((e) => rankLabel(e.c, e.v > yMax));
      g.select('line.now').attr('x1', cx).attr('x2', cx).attr('y1', 0).attr('y2', plotH).attr('stroke-width', sw);
    });

    const hasData = series.length > 0 && lines.length > 0;
    caption.attr('display', hasData ? null : 'none');
    empty
      .text(p?.emptyMessage ?? 'Computing…')
      .attr('display', hasData ? 'none' : null)
      .attr('x', margin.left)
      .attr('y', top + fs * 2);
    svg.attr(
      'aria-label',
      ariaLabel(
        p,
        data.map((d) => ({ algorithm: d.s.algorithm, row: d.rows[d.rows.length - 1] ?? 0 })),
        hasOther,
      ),
    );
    showHover();
  }

  /** The hover line in every panel and the tooltip of the panel under the pointer. */
  function showHover(py?: number): void {
    const p = props;
    const panels = panelsG.selectAll<SVGGElement, unknown>('g.topk-panel');
    if (!p || hoverX === null || layout.length === 0) {
      panels.select('line.hover').attr('display', 'none');
      tooltip.hide();
      return;
    }
    const hx = hoverX;
    const panel =
      layout.find(
        (l) =>
          hx >= l.x0 &&
          hx <= l.x0 + geometry.plotW &&
          (py === undefined || (py >= l.y0 - geometry.titleH && py <= l.y0 + geometry.plotH + 8)),
      ) ?? layout[0];
    const tHover = Math.max(0, Math.min(Math.round(x.invert(hx - panel.x0)), p.t));
    const lx = x(tHover);
    panels
      .select('line.hover')
      .attr('display', null)
      .attr('x1', lx)
      .attr('x2', lx)
      .attr('y1', 0)
      .attr('y2', geometry.plotH);
    const s = panel.series;
    const row = rowAt(s, tHover);
    const values = aggregateRow(s.policies.subarray(row * p.n, (row + 1) * p.n), p.indices, p.n);
    const theme = resolveTheme(p.theme);
    tooltip.show(
      panel.x0 + lx,
      panel.y0 + geometry.plotH / 2,
      `${ALGORITHM_STYLE[s.algorithm].label} · t = ${formatT(timeAt(s, row))}`,
      values.map((v, c) => {
        const r = c < p.indices.length ? p.indices[c] : -1;
        return {
          color: colourOf(r),
          dash: r < 0 ? OTHER_STYLE.dash : '',
          label: r < 0 ? 'other' : `${c + 1}. ${p.labels[r] ?? `y${r + 1}`}`,
          value: fmtValue(v),
        };
      }),
      Math.max(12, theme.fontSize * 0.9),
    );
  }

  const onPointer = (event: PointerEvent) => {
    const [px, py] = d3.pointer(event, svg.node());
    const inside = layout.some(
      (l) =>
        px >= l.x0 - 4 &&
        px <= l.x0 + geometry.plotW + 4 &&
        py >= l.y0 - geometry.titleH &&
        py <= l.y0 + geometry.plotH + 8,
    );
    hoverX = inside ? px : null;
    showHover(py);
  };
  svg
    .on('pointermove', onPointer)
    .on('pointerdown', onPointer)
    .on('pointerleave', () => {
      hoverX = null;
      showHover();
    });

  return {
    ...redrawOnChange<TopKProps>({ props: (next) => (props = next), width: (w) => (width = w) }, render),
    resize(w: number, h: number) {
      const widthChanged = Math.abs(Math.max(1, w) - width) > 0.5;
      width = Math.max(1, w);
      if (element.hasAttribute('data-grow')) {
        // A new width may leave room to fit again: back to the fixed height, which reports here.
        if (widthChanged) setGrow(false);
        else return;
      } else {
        const refit = props?.fit === true && Math.abs(h - boxHeight) > 0.5;
        boxHeight = h;
        if (!widthChanged && !refit) return;
      }
      render();
    },
    snapshot: () => standaloneSvg(svg.node()!, width, height, 'Top responses against iteration t'),
    destroy() {
      tooltip.remove();
      svg.remove();
    },
  };
}

function ariaLabel(
  p: TopKProps | null,
  current: readonly { algorithm: SeriesData['algorithm']; row: number }[],
  hasOther: boolean,
): string {
  if (!p || current.length === 0) return 'Top responses over time: no data yet';
  const parts = current.map(({ algorithm, row }) => {
    const s = p.series.find((x) => x.algorithm === algorithm)!;
    const v = aggregateRow(s.policies.subarray(row * p.n, (row + 1) * p.n), p.indices, p.n);
    const named = p.indices.map((r, c) => `${p.labels[r] ?? `y${r + 1}`} ${pct(v[c])}`);
    if (hasOther) named.push(`other ${pct(v[v.length - 1])}`);
    return `${ALGORITHM_STYLE[algorithm].label}: ${named.join(', ')}`;
  });
  return `Probability of the top ${p.indices.length} of ${p.n} responses against iteration t, at t = ${formatT(p.t)}. ${parts.join('. ')}.`;
}
