/**
 * Convergence figure: two stacked log-scale panels sharing the iteration axis t,
 * KL(π*_τ‖π_t) on top and the exploitability e_τ(π_t) below, one line per algorithm.
 * The DOM helpers other charts use (legend, sub/superscript text, axis style) live in
 * convergenceShared.ts.
 *
 * Each line is thinned to each bucket's minimum and maximum (about one bucket per pixel column,
 * `ColumnEnvelope`), cached across frames: while playing, only appended rows are read.
 */
import * as d3 from 'd3';
import { seriesStyle } from '../shared/palette.ts';
import { rowAt, seriesKey, timeAt } from '../shared/seriesRows.ts';
import type { ConvergenceProps, Renderer, SeriesData } from './types.ts';
import { isDefaultTheme, measurerFor, resolveTheme, themeKey } from './measure.ts';
import {
  LOG_FLOOR,
  clampLog,
  curveSamples,
  formatPowerOfTen,
  formatScientific,
  logDomainExponents,
  logTickExponents,
  scaleDash,
  theoremBound,
  wrapWords,
} from './chartMath.ts';
import { plateauOf } from '../core/plateau.ts';
import {
  MARKERS,
  SHORT_TITLES,
  TITLES,
  ariaLabel,
  titleWidth,
  type Line,
  type Metric,
  type Panel,
} from './convergenceParts.ts';
import {
  FONT_SIZE,
  INK,
  renderLegend,
  scriptSize,
  seriesEntries,
  setMathText,
  styleAxis,
} from './convergenceShared.ts';
import { ColumnEnvelope } from './columnEnvelope.ts';
import { chartSvg, standaloneSvg } from './chartFrame.ts';
import { SeriesPrefix } from './thinPathSeries.ts';

const GRID_COLOR = '#ececec';
const BOUND_COLOR = '#777777';
const BOUND_DASH = '5 3';
const MAX_POINTS = 500;

/** Unique ids for clipPaths: several instances (and StrictMode's double create) coexist. */
let instanceCounter = 0;

export function createConvergencePlot(
  element: HTMLElement,
  _options: Record<string, never> = {},
): Renderer<ConvergenceProps> {
  const id = `convergence-${++instanceCounter}`;
  let width = element.clientWidth || 400;
  let height = element.clientHeight || 360;
  let props: ConvergenceProps | null = null;

  const svg = chartSvg(element).attr('aria-label', 'Convergence plot: no data yet').style('overflow', 'visible');
  const defs = svg.append('defs');
  const legend = svg.append('g').attr('class', 'legend');
  const x = d3.scaleLinear();
  const panels: Panel[] = (['kl', 'exploitability'] as const).map((metric, i) => {
    const root = svg.append('g').attr('class', `panel-${metric}`);
    const clipId = `${id}-clip-${i}`;
    const clipRect = defs.append('clipPath').attr('id', clipId).append('rect');
    const title = root.append('text').attr('fill', INK).attr('font-weight', 600);
    const grid = root.append('g').attr('class', 'grid');
    const yAxis = root.append('g').attr('class', 'y-axis');
    const xAxis = root.append('g').attr('class', 'x-axis');
    const plot = root.append('g').attr('clip-path', `url(#${clipId})`);
    const bound = plot
      .append('path')
      .attr('fill', 'none')
      .attr('stroke', BOUND_COLOR)
      .attr('stroke-width', 1.25)
      .attr('stroke-dasharray', BOUND_DASH);
    setMathText(title, TITLES[metric]);
    // In the title row, right-aligned: above the plot area, so never over a line.
    const floorNote = root
      .append('text')
      .attr('class', 'floor-note')
      .attr('fill', '#666')
      .attr('text-anchor', 'end')
      .attr('display', 'none');
    return { metric, root, clipRect, title, grid, yAxis, xAxis, plot, bound, floorNote, y: d3.scaleLog(), axisKey: '' };
  });
  // Under the legend, above the panels: why Nash-MD has stopped converging (when it has).
  const levelNote = svg.append('text').attr('class', 'level-note').attr('fill', INK).attr('display', 'none');
  const xLabel = svg.append('text').attr('fill', INK).attr('text-anchor', 'middle').text('iteration t');
  const hairline = svg.append('line').attr('stroke', '#b0b0b0').attr('stroke-width', 1);
  const empty = svg
    .append('text')
    .attr('fill', '#666')
    .attr('text-anchor', 'middle')
    .attr('stroke', '#fff')
    .attr('stroke-width', 4)
    .attr('paint-order', 'stroke')
    .text('Run a simulation to see convergence');

  let laidOutTheme = '';
  /** Per algorithm: the cached envelopes of both metrics and what they were built from. */
  const envelopes = new Map<
    string,
    { prefix: SeriesPrefix; buckets: number; scanned: number; kl: ColumnEnvelope; exploitability: ColumnEnvelope }
  >();

  /** Thinned rows of both metrics for rows 0..count−1 of `s` (at most ~2 per bucket). */
  function envelopeOf(s: SeriesData, count: number, buckets: number): Record<Metric, number[]> {
    let e = envelopes.get(seriesKey(s));
    if (!e || e.buckets !== buckets) {
      e = {
        prefix: new SeriesPrefix(),
        buckets,
        scanned: 0,
        kl: new ColumnEnvelope(buckets, s.kl),
        exploitability: new ColumnEnvelope(buckets, s.exploitability),
      };
      envelopes.set(seriesKey(s), e);
    }
    if (!e.prefix.check(s, 0, e.scanned)) {
      e.kl.reset(s.kl);
      e.exploitability.reset(s.exploitability);
      e.prefix.forget();
      e.scanned = 0;
    } else {
      e.kl.rebind(s.kl);
      e.exploitability.rebind(s.exploitability);
    }
    if (count > e.scanned) {
      e.scanned = count;
      e.prefix.record(s, 0, count);
    }
    return { kl: e.kl.rows(count), exploitability: e.exploitability.rows(count) };
  }

  function render(): void {
    svg.attr('width', width).attr('height', height).attr('viewBox', `0 0 ${width} ${height}`);
    const p = props;
    const series = p?.series ?? [];
    const t = Math.max(0, Math.floor(p?.t ?? 0));
    const showBound = !!p && p.theoremBound && p.tau > 0;
    const theme = resolveTheme(p?.theme);
    const fs = theme.fontSize;
    const sw = theme.strokeScale;
    const k = fs / FONT_SIZE;
    if (themeKey(theme) !== laidOutTheme) {
      laidOutTheme = themeKey(theme);
      svg.attr('font-size', fs);
      panels.forEach((panel) => {
        panel.axisKey = '';
        panel.title.attr('data-short', null);
        panel.bound.attr('stroke-width', 1.25 * sw).attr('stroke-dasharray', scaleDash(BOUND_DASH, sw));
      });
      hairline.attr('stroke-width', sw);
      empty.attr('stroke-width', 4 * k);
    }

    // Room for the widest y tick label (10⁻¹⁶) at this size; never less than the default's 48 px.
    const measure = measurerFor(svg.node()!, fs);
    const left = isDefaultTheme(theme) ? 48 : Math.max(48, Math.ceil(measure(formatPowerOfTen(-16)) + 6 * sw + 10));
    // Below the plots: tick marks (6), tick labels (≈ fs), the axis label (≈ fs).
    const margin = { left, right: 14 * k, top: 4, bottom: isDefaultTheme(theme) ? 40 : 2 * fs + 19 };
    const innerW = Math.max(40, width - margin.left - margin.right);
    // The note on values drawn at the floor, as long as fits the plot's width (large text, narrow panels).
    const noteSize = Math.max(11, fs - 1);
    const measureNote = measurerFor(svg.node()!, noteSize);
    const floorLabel = formatPowerOfTen(Math.log10(LOG_FLOOR));
    const notes = [
      `values ≤ ${floorLabel} drawn at the floor`,
      `≤ ${floorLabel} drawn at the floor`,
      `≤ ${floorLabel} at floor`,
    ];
    const entries = seriesEntries(series);
    if (showBound) entries.push({ key: 'bound', label: 'Theorem 1 bound', color: BOUND_COLOR, dash: BOUND_DASH });
    // Large text: the legend may use the full width (fewer rows leave more room for the plots).
    const legendX = isDefaultTheme(theme) ? margin.left : 4;
    legend.attr('transform', `translate(${legendX},${margin.top})`);
    const legendW = isDefaultTheme(theme) ? innerW : width - 8;
    let legendH = renderLegend(legend, entries, legendW, theme);

    // Nash-MD levelled off: say so, and why, in a wrapped note under the legend.
    const titleH = fs + 8;
    const gap = 12 * Math.min(k, 1.5);
    const panelHeight = (noteH: number) =>
      (height - margin.top - legendH - 6 - noteH - margin.bottom - 2 * titleH - gap) / 2;
    // The longest wording that fits in three lines (two with large text) and leaves the panels
    // room; in a layout too cramped for even one line, Nash-MD's legend entry says it instead.
    const levelTexts = p ? levelledOffTexts(p, t) : [];
    const levelText = levelTexts[0] ?? null;
    const noteW = legendW - 4;
    const maxLines = isDefaultTheme(theme) ? 3 : 2;
    const noteLineH = Math.ceil(noteSize * 1.25);
    const heightOf = (ls: string[]) => (ls.length ? ls.length * noteLineH + 4 : 0);
    const wrapped = levelTexts.map((text) => wrapWords(text, noteW, measureNote));
    let noteLines =
      wrapped.find((ls) => ls.length <= maxLines && panelHeight(heightOf(ls)) >= 3 * fs) ??
      wrapped[wrapped.length - 1] ??
      [];
    if (noteLines.length && panelHeight(heightOf(noteLines)) < 40) {
      noteLines = [];
      const nashMd = entries.find((e) => e.key === 'nash-md');
      const labels = ['Nash-MD: levelled off (constant η)', 'Nash-MD: levelled off', 'Nash-MD (levelled off)'];
      if (nashMd) nashMd.label = labels.find((l) => measure(l) + 40 * sw <= legendW) ?? labels[labels.length - 1];
      legendH = renderLegend(legend, entries, legendW, theme);
    }
    // Many algorithms in a short panel (twelve in lecture mode at 720 px): a legend that leaves the
    // plots less than their minimum height would push the axes out of the figure. It is left out
    // then; each line keeps its dash and end marker, which the simplex's legend names.
    if (legendH && panelHeight(heightOf(noteLines)) < 40) legendH = renderLegend(legend, [], legendW, theme);
    const noteH = heightOf(noteLines);
    const legendBottom = margin.top + legendH + (legendH ? 6 : 0);
    levelNote
      .attr('display', noteLines.length ? null : 'none')
      .attr('font-size', noteSize)
      .attr('transform', `translate(${legendX},${legendBottom})`);
    levelNote
      .selectAll('tspan')
      .data(noteLines)
      .join('tspan')
      .attr('x', 0)
      .attr('y', (_, i) => (i + 0.8) * noteLineH)
      .text((line) => line);

    const top = legendBottom + noteH;
    const panelH = Math.max(40, panelHeight(noteH));

    const tMax = Math.max(t, 10);
    x.domain([0, tMax]).range([0, innerW]);
    const xTicks = Math.max(
      2,
      Math.floor(innerW / (isDefaultTheme(theme) ? 70 : Math.max(70, measure('1000') + fs * 1.5))),
    );

    // About one min/max bucket per pixel column: more points would not show.
    const maxPoints = Math.min(MAX_POINTS, Math.max(100, Math.round(innerW)));
    // Thin each series once; the same rows serve both panels' domains and lines.
    const lines: Record<Metric, Line[]> = { kl: [], exploitability: [] };
    const present = new Set<string>();
    for (const s of series) {
      if (s.length <= 0) continue;
      present.add(seriesKey(s));
      const count = rowAt(s, t) + 1;
      const rows = envelopeOf(s, count, Math.max(1, Math.floor(maxPoints / 2) - 1));
      for (const metric of ['kl', 'exploitability'] as const) {
        lines[metric].push({
          algorithm: s.algorithm,
          rows: rows[metric],
          values: s[metric],
          current: count - 1,
          series: s,
        });
      }
    }
    for (const key of [...envelopes.keys()]) if (!present.has(key)) envelopes.delete(key);

    panels.forEach((panel, i) => {
      const y0 = top + i * (titleH + panelH + gap) + titleH;
      panel.root.attr('transform', `translate(${margin.left},${y0})`);
      // Room for the current-point markers (radius ≈ 3.6 px × strokeScale) at the panel's edges.
      panel.clipRect
        .attr('x', 0)
        .attr('y', -2 * sw)
        .attr('width', innerW + 4 * sw)
        .attr('height', panelH + 4 * sw);
      // A title wider than the panel moves left (into the axis margin) rather than being cut off.
      // Wider than the plot: the short form, without the words (never over the tick labels).
      const room = innerW + margin.right - 4;
      const short = !isDefaultTheme(theme) && titleWidth(TITLES[panel.metric], measure) > room;
      const title = short ? SHORT_TITLES[panel.metric] : TITLES[panel.metric];
      if (panel.title.attr('data-short') !== String(short)) {
        panel.title.attr('data-short', String(short));
        setMathText(panel.title, title, scriptSize(theme));
      }
      const titleX = isDefaultTheme(theme)
        ? 0
        : Math.max(4 - margin.left, Math.min(0, room - titleWidth(title, measure)));
      const titleY = -7 * Math.min(k, 1.5);
      panel.title.attr('x', titleX).attr('y', titleY);

      // y domain from the visible data (the envelope keeps each bucket's extremes).
      let lo = Infinity;
      let hi = -Infinity;
      for (const line of lines[panel.metric]) {
        for (const r of line.rows) {
          const v = clampLog(line.values[r]);
          if (v < lo) lo = v;
          if (v > hi) hi = v;
        }
      }
      // The bound is loose early on: include only its value at the current t, so it enters the
      // panel on the right and is clipped where it exceeds the data's range by decades.
      if (showBound && panel.metric === 'kl' && p) hi = Math.max(hi, theoremBound(tMax, p.tau));
      const [eLo, eHi] = logDomainExponents(lo, hi);
      panel.y.domain([10 ** eLo, 10 ** eHi]).range([panelH, 0]);

      const maxTicks = Math.max(2, Math.floor(panelH / Math.max(22, fs * 1.5)) + 1);
      const key = `${eLo}:${eHi}:${panelH}:${innerW}:${laidOutTheme}`;
      if (key !== panel.axisKey) {
        panel.axisKey = key;
        const ticks = logTickExponents(eLo, eHi, maxTicks).map((e) => 10 ** e);
        panel.yAxis
          .call(
            d3
              .axisLeft(panel.y)
              .tickValues(ticks)
              .tickFormat((d) => formatPowerOfTen(Math.log10(+d)))
              .tickSizeOuter(0),
          )
          .call(styleAxis, theme);
        panel.grid
          .selectAll('line')
          .data(ticks)
          .join('line')
          .attr('x1', 0)
          .attr('x2', innerW)
          .attr('y1', (d) => panel.y(d))
          .attr('y2', (d) => panel.y(d))
          .attr('stroke', GRID_COLOR)
          .attr('stroke-width', sw === 1 ? null : sw);
      }
      const xAxis = d3
        .axisBottom(x)
        .ticks(xTicks)
        .tickSizeOuter(0)
        .tickFormat(i === 1 ? d3.format('~s') : () => '');
      panel.xAxis.attr('transform', `translate(0,${panelH})`).call(xAxis).call(styleAxis, theme);

      const y = panel.y;
      const path = (l: Line) =>
        d3
          .line<number>()
          .digits(1) // sub-pixel precision is invisible; shorter path strings are cheaper
          .defined((r) => !Number.isNaN(clampLog(l.values[r])))
          .x((r) => x(timeAt(l.series, r)))
          .y((r) => y(clampLog(l.values[r])))(l.rows);

      panel.plot
        .selectAll<SVGPathElement, Line>('path.series')
        // Reversed so the first series (Nash-MD, the subject) is drawn last, on top.
        .data([...lines[panel.metric]].reverse(), (l) => seriesKey(l.series))
        .join((enter) =>
          enter.append('path').attr('class', 'series').attr('fill', 'none').attr('stroke-linejoin', 'round'),
        )
        .order()
        .attr('stroke-width', (l) => 1.75 * sw * seriesStyle(l.series).width)
        .attr('stroke', (l) => seriesStyle(l.series).color)
        .attr('stroke-dasharray', (l) => scaleDash(seriesStyle(l.series).dash, sw) || null)
        .attr('d', path);
      panel.plot
        .selectAll<SVGPathElement, Line>('path.marker')
        .data(
          lines[panel.metric].filter((l) => !Number.isNaN(clampLog(l.values[l.current]))),
          (l) => seriesKey(l.series),
        )
        .join((enter) => enter.append('path').attr('class', 'marker'))
        .attr('stroke-width', sw)
        // An average iterate's marker is hollow, in its run's colour.
        .attr('fill', (l) => (seriesStyle(l.series).hollow ? '#fff' : seriesStyle(l.series).color))
        .attr('stroke', (l) => (seriesStyle(l.series).hollow ? seriesStyle(l.series).color : '#fff'))
        .attr('d', (l) => d3.symbol(MARKERS[seriesStyle(l.series).marker], 40 * sw * sw)())
        .attr('transform', (l) => `translate(${x(timeAt(l.series, l.current))},${y(clampLog(l.values[l.current]))})`);

      // Exact zeros and values below the floor are drawn on it; say so rather than hide it.
      // In the title row, right of the title: the longest wording that fits there.
      const clamped = lines[panel.metric].some((l) => l.rows.some((r) => l.values[r] <= LOG_FLOOR));
      const noteRoom = innerW + margin.right - 4 - (titleX + titleWidth(title, measure)) - 10;
      const floorText = notes.find((text) => measureNote(text) <= noteRoom);
      panel.floorNote
        .attr('display', clamped && floorText ? null : 'none')
        .text(floorText ?? '')
        .attr('x', innerW + margin.right - 4)
        .attr('y', titleY)
        .attr('font-size', noteSize);
      if (showBound && panel.metric === 'kl' && p) {
        const pts = curveSamples(tMax).map((s) => [x(s), y(theoremBound(s, p.tau))] as [number, number]);
        panel.bound.attr('d', d3.line().digits(1)(pts)).attr('display', null);
      } else panel.bound.attr('display', 'none');
    });

    const plotTop = top + titleH;
    const plotBottom = plotTop + 2 * panelH + gap + titleH;
    const hx = margin.left + x(Math.min(t, tMax));
    hairline.attr('x1', hx).attr('x2', hx).attr('y1', plotTop).attr('y2', plotBottom);
    xLabel
      .attr('x', margin.left + innerW / 2)
      .attr('y', isDefaultTheme(theme) ? plotBottom + 34 : plotBottom + 6 * sw + 2 * fs + 8);

    const hasData = lines.kl.length > 0;
    empty.text(p?.emptyMessage ?? 'Run a simulation to see convergence');
    empty
      .attr('display', hasData ? 'none' : null)
      .attr('x', margin.left + innerW / 2)
      .attr('y', plotTop + panelH / 2);
    svg.attr('aria-label', ariaLabel(lines, t, hasData) + (levelText ? ` ${levelText}` : ''));
  }

  /**
   * "Nash-MD has levelled off …", long to short, when its KL has been flat over the second half of the run while
   * π_t stood still (core/plateau.ts) with a constant step, else none.
   */
  function levelledOffTexts(p: ConvergenceProps, t: number): string[] {
    const s = p.series.find((x) => x.algorithm === 'nash-md' && !x.average);
    if (!p.constantStep || !s || s.length <= 0 || !p.n) return [];
    const n = p.n;
    const last = rowAt(s, t);
    const plateau = plateauOf(
      s.kl,
      last,
      (r) => timeAt(s, r),
      {},
      (r) => s.policies.subarray(r * n, r * n + n),
    );
    if (!plateau) return [];
    const level = formatScientific(plateau.level);
    if (!(p.tau > 0))
      return [
        `Nash-MD has levelled off at KL ≈ ${level}: a constant step η leaves an O(η) bias; a smaller η shrinks it.`,
        'Nash-MD levelled off (constant η: O(η) bias)',
      ];
    return [
      `Nash-MD has levelled off at KL ≈ ${level}: a constant step η leaves an O(η) bias; set Step size to Theorem 1 to remove it.`,
      `Nash-MD levelled off at ${level}: constant-η bias (Step size → Theorem 1 removes it)`,
      'Nash-MD levelled off (constant η; try Theorem 1’s step)',
      'Nash-MD levelled off: constant η',
    ];
  }

  return {
    update(next) {
      props = next;
      render();
    },
    resize(w, h) {
      width = Math.max(1, w);
      height = Math.max(1, h);
      panels.forEach((panel) => (panel.axisKey = ''));
      render();
    },
    /** A standalone copy of the figure (white background, generic font, no CSS needed). */
    snapshot: () => standaloneSvg(svg.node()!, width, height, 'Convergence plot'),
    destroy() {
      svg.remove();
    },
  };
}
