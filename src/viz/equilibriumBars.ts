/**
 * Grouped horizontal bars of the three equilibria side by side, one group per response: π*_τ (the
 * regularised Nash the runs converge to), the Nash of P (τ → 0) and the RLHF optimum. This is the
 * paper's contrast for any n: at large n the simplex only shows three summed corners, while here
 * one sees RLHF backing a single response and the Nash mixing several.
 *
 * Which responses: all of them while n ≤ BARS_MAX (in matrix order), otherwise the union of each
 * equilibrium's top entries, sorted, plus "other" (topK.ts unionTop). The kinds differ by colour AND
 * fill pattern (solid, hatched, dotted) and are named in the legend; numbers on hover. When the
 * Nash of P is not unique, its bars carry whiskers from each response's least to its largest
 * weight over all Nash equilibria (the bar is the one Nash the LP found), and the legend says so.
 */
import * as d3 from 'd3';
import { chartSvg, createTooltip, fmtValue, pct, redrawOnChange, standaloneSvg } from './chartFrame.ts';
import { FONT_SIZE, INK, scriptSize, setMathText, styleAxis, type MathPart } from './convergenceShared.ts';
import { resolveTheme, themeSizer } from './measure.ts';
import { MARKER_STYLE } from '../shared/palette.ts';
import { BARS_MAX, aggregateRow, niceMax, unionTop } from './topK.ts';
import type { EquilibriumBarsProps, Renderer } from './types.ts';

type LearnedKind = 'regularized' | 'nash' | 'rlhfOptimum';
type Kind = LearnedKind | 'truthRegularized' | 'truthNash' | 'truthRlhfOptimum';
interface KindStyle {
  key: Kind;
  label: readonly MathPart[];
  plain: string;
  text: string;
  color: string;
  /** The true P's target beside a learned one (feedback): outlined, dashed, white inside. */
  truth?: boolean;
}

const DARK = '#3a3a3a';
/** label: the legend's text; plain: the same for measuring; text: the tooltip's name. */
const KINDS: readonly KindStyle[] = [
  {
    key: 'regularized',
    label: [['π*'], ['τ', 'sub'], [' (regularised Nash)']],
    plain: 'π*τ (regularised Nash)',
    text: 'π*_τ',
    color: DARK,
  },
  { key: 'nash', label: [['Nash of P (τ = 0)']], plain: 'Nash of P (τ = 0)', text: 'Nash of P', color: DARK },
  {
    key: 'rlhfOptimum',
    label: [['RLHF optimum']],
    plain: 'RLHF optimum',
    text: 'RLHF optimum',
    color: MARKER_STYLE.rlhfOptimum.color,
  },
];

/**
 * With feedback (props.truth): the learned model's targets, each followed by the true P's (hollow),
 * as the simplex draws them.
 */
const WITH_TRUTH: readonly KindStyle[] = [
  { ...KINDS[0], label: [['π*'], ['τ', 'sub'], [' of P̂']], plain: 'π*τ of P̂', text: 'π*_τ of P̂' },
  {
    ...KINDS[0],
    key: 'truthRegularized',
    label: [['π*'], ['τ', 'sub'], [' of the true P']],
    plain: 'π*τ of the true P',
    text: 'π*_τ of the true P',
    truth: true,
  },
  { ...KINDS[1], label: [['Nash of P̂']], plain: 'Nash of P̂', text: 'Nash of P̂' },
  {
    ...KINDS[1],
    key: 'truthNash',
    label: [['Nash of the true P']],
    plain: 'Nash of the true P',
    text: 'Nash of the true P',
    truth: true,
  },
  { ...KINDS[2], label: [['RLHF optimum of r̂']], plain: 'RLHF optimum of r̂', text: 'RLHF optimum of r̂' },
  {
    ...KINDS[2],
    key: 'truthRlhfOptimum',
    label: [['RLHF optimum of the true P']],
    plain: 'RLHF optimum of the true P',
    text: 'RLHF optimum of the true P',
    truth: true,
  },
];

/** Unique pattern ids: several instances (and StrictMode's double create) coexist. */
let instanceCounter = 0;

interface Group {
  key: string;
  label: string;
  values: Partial<Record<Kind, number>>;
  /** The Nash weight's range over all Nash equilibria (not unique; named responses only). */
  nashRange: { lo: number; hi: number } | null;
}

/** The Nash's legend entry when it is not unique: which one is drawn, and the whiskers. */
const NASH_NOT_UNIQUE = {
  vertex: 'Nash of P (τ = 0), one of many: whiskers show each range',
  limit: 'Nash of P (τ → 0 limit), one of many: whiskers show each range',
};

export function createEquilibriumBars(
  element: HTMLElement,
  _options: Record<string, never> = {},
): Renderer<EquilibriumBarsProps> {
  const id = `eqbars-${++instanceCounter}`;
  let width = element.clientWidth || 500;
  let height = 120;
  let props: EquilibriumBarsProps | null = null;
  let groups: Group[] = [];
  let rowGeometry = { top: 0, groupH: 1, left: 0 };

  const svg = chartSvg(element);
  const sizes = themeSizer(svg.node()!, FONT_SIZE);
  const defs = svg.append('defs');
  // Solid for π*_τ, diagonal hatching for the Nash, dots for the RLHF optimum.
  const hatch = defs
    .append('pattern')
    .attr('id', `${id}-nash`)
    .attr('patternUnits', 'userSpaceOnUse')
    .attr('width', 4)
    .attr('height', 4)
    .attr('patternTransform', 'rotate(45)');
  hatch.append('rect').attr('width', 4).attr('height', 4).attr('fill', '#fff');
  hatch.append('line').attr('x1', 1).attr('x2', 1).attr('y2', 4).attr('stroke', DARK).attr('stroke-width', 1.6);
  const dots = defs
    .append('pattern')
    .attr('id', `${id}-rlhf`)
    .attr('patternUnits', 'userSpaceOnUse')
    .attr('width', 4)
    .attr('height', 4);
  dots.append('rect').attr('width', 4).attr('height', 4).attr('fill', MARKER_STYLE.rlhfOptimum.color);
  dots.append('circle').attr('cx', 2).attr('cy', 2).attr('r', 0.9).attr('fill', '#fff');
  const fillOf = (k: Kind) =>
    k.startsWith('truth')
      ? '#fff'
      : k === 'regularized'
        ? DARK
        : k === 'nash'
          ? `url(#${id}-nash)`
          : `url(#${id}-rlhf)`;
  const dashOf = (d: KindStyle) => (d.truth ? '3 2' : null);

  const legend = svg.append('g').attr('class', 'bars-legend');
  const highlight = svg.append('rect').attr('class', 'hover-only').attr('fill', '#eef3f8').attr('display', 'none');
  const grid = svg.append('g');
  const labelsG = svg.append('g');
  const barsG = svg.append('g');
  const whiskersG = svg.append('g').attr('class', 'nash-ranges');
  const breaks = svg.append('g');
  const axis = svg.append('g');
  const empty = svg.append('text').attr('fill', '#666');
  const tooltip = createTooltip(element);
  const x = d3.scaleLinear();

  function render(): void {
    const p = props;
    const { theme, fs, sw, k, measure } = sizes(p?.theme);
    svg.attr('font-size', fs);
    const n = p?.n ?? 0;
    const truth = p?.truth && p.truth.regularized.length === n ? p.truth : null;
    const kinds = truth ? WITH_TRUTH : KINDS;
    const vectors: Partial<Record<Kind, ArrayLike<number>>> | null =
      p && p.regularized && p.nash && p.rlhfOptimum
        ? {
            regularized: p.regularized,
            nash: p.nash,
            rlhfOptimum: p.rlhfOptimum,
            ...(truth
              ? { truthRegularized: truth.regularized, truthNash: truth.nash, truthRlhfOptimum: truth.rlhfOptimum }
              : {}),
          }
        : null;
    const indices = vectors
      ? unionTop(
          kinds.map(({ key }) => vectors[key]!),
          n,
          BARS_MAX,
        )
      : [];
    const agg = vectors
      ? (Object.fromEntries(kinds.map(({ key }) => [key, aggregateRow(vectors[key]!, indices, n)])) as Partial<
          Record<Kind, number[]>
        >)
      : null;
    const low = p?.nashLow;
    const high = p?.nashHigh;
    const ranged = !!(low && high && low.length === n && high.length === n);
    groups = agg
      ? [...indices, ...(indices.length < n ? [-1] : [])].map((r, c) => ({
          key: String(r),
          label: r < 0 ? `other (${n - indices.length})` : (p?.labels[r] ?? `y${r + 1}`),
          values: Object.fromEntries(kinds.map(({ key }) => [key, agg[key]![c]])),
          // "other" sums many weights: the range of a sum is not the sum of ranges, so none.
          nashRange: ranged && r >= 0 ? { lo: low![r], hi: high![r] } : null,
        }))
      : [];
    const notUnique = NASH_NOT_UNIQUE[p?.nashDrawn ?? 'vertex'];
    const legendText = (d: KindStyle) => (d.key === 'nash' && ranged ? notUnique : d.plain);

    // Legend: a swatch with each kind's fill, then its name; wraps when narrow.
    const swatch = Math.round(14 * k);
    const items = legend
      .selectAll<SVGGElement, KindStyle>('g.item')
      .data(kinds, (d) => d.key)
      .join((enter) => {
        const g = enter.append('g').attr('class', 'item');
        g.append('rect');
        g.append('text').attr('dy', '0.35em').attr('fill', INK);
        return g;
      });
    items
      .select('rect')
      .attr('width', swatch)
      .attr('height', swatch * 0.7)
      .attr('y', -swatch * 0.35)
      .attr('fill', (d) => fillOf(d.key))
      .attr('stroke', (d) => d.color)
      .attr('stroke-dasharray', dashOf)
      .attr('stroke-width', sw);
    items
      .select<SVGTextElement>('text')
      .attr('x', swatch + 5)
      .each(function (d) {
        setMathText(d3.select(this), d.key === 'nash' && ranged ? [[notUnique]] : d.label, scriptSize(theme));
      });
    // The legend reads in the bars' order.
    items.order();
    const tauText = p ? `τ = ${d3.format('~g')(p.tau)}` : '';
    let lx = 0;
    let ly = fs / 2 + 2;
    const maxW = Math.max(100, width - 8);
    items.attr('transform', (d) => {
      const w = swatch + 5 + measure(legendText(d)) + 16 * k;
      if (lx > 0 && lx + w > maxW) {
        lx = 0;
        ly += fs + 6;
      }
      const at = `translate(${lx + 4},${ly})`;
      lx += w;
      return at;
    });
    const legendBottom = ly + fs / 2 + 8 * k;

    const labelW = Math.min(
      Math.max(60, width * 0.32),
      Math.ceil(Math.max(0, ...groups.map((g) => measure(g.label)))) + 6,
    );
    const left = labelW + 10;
    const barH = Math.max(5, Math.round(fs * 0.5));
    const groupH = kinds.length * barH + Math.round(fs * 0.6);
    const top = legendBottom + 2;
    const plotH = groups.length * groupH;
    height = Math.ceil(top + plotH + fs + 14 + (p ? fs + 6 : 0));
    svg.attr('width', width).attr('height', height).attr('viewBox', `0 0 ${width} ${height}`);
    rowGeometry = { top, groupH, left };

    // The scale fits the named responses; "other" (most of the mass at n = 500) may run off it:
    // such a bar is cut at the right edge with a white break mark, its value is in the tooltip.
    const valuesOf = (gs: Group[]) =>
      gs.flatMap((g) => [...kinds.map(({ key }) => g.values[key]!), g.nashRange?.hi ?? 0]).filter(Number.isFinite);
    const named = valuesOf(groups.filter((g) => g.key !== '-1'));
    const max = named.length > 0 ? Math.max(0, ...named) : Math.max(0, ...valuesOf(groups));
    x.domain([0, niceMax(max)]);
    const right = Math.ceil(measure(d3.format('~g')(x.domain()[1])) / 2 + 6); // room for the last tick label
    x.range([left, Math.max(left + 40, width - right)]);
    const ticks = x.ticks(Math.max(2, Math.floor((width - left) / (60 * k))));
    grid
      .selectAll('line')
      .data(ticks.slice(1))
      .join('line')
      .attr('x1', (v) => x(v))
      .attr('x2', (v) => x(v))
      .attr('y1', top)
      .attr('y2', top + plotH)
      .attr('stroke', '#ececec')
      .attr('stroke-width', sw);
    axis
      .attr('transform', `translate(0,${top + plotH})`)
      .call(d3.axisBottom(x).tickValues(ticks).tickSize(3).tickFormat(d3.format('~g')))
      .call(styleAxis, theme);
    axis
      .selectAll('text.axis-title')
      .data(p ? [tauText] : [])
      .join('text')
      .attr('class', 'axis-title')
      .attr('x', x.range()[1])
      .attr('y', fs + 14)
      .attr('dy', '0.71em')
      .attr('text-anchor', 'end')
      .attr('fill', '#555')
      .text('');

    const truncate = (s: string) => {
      if (measure(s) <= labelW) return s;
      let keep = s.length - 1;
      while (keep > 1 && measure(`${s.slice(0, keep)}…`) > labelW) keep--;
      return `${s.slice(0, keep)}…`;
    };
    labelsG
      .selectAll<SVGTextElement, Group>('text')
      .data(groups, (g) => g.key)
      .join('text')
      .attr('x', labelW + 4)
      .attr('y', (_, i) => top + i * groupH + (kinds.length / 2) * barH)
      .attr('dy', '0.35em')
      .attr('text-anchor', 'end')
      .attr('fill', INK)
      .attr('font-style', (g) => (g.key === '-1' ? 'italic' : null))
      .text((g) => truncate(g.label));

    const bars = groups.flatMap((g, i) =>
      kinds.map((d, j) => ({ g, key: d.key, d, y: top + i * groupH + j * barH, v: g.values[d.key]! })),
    );
    barsG
      .selectAll<SVGRectElement, (typeof bars)[number]>('rect')
      .data(bars, (b) => `${b.g.key}/${b.key}`)
      .join('rect')
      .attr('class', 'bar')
      .attr('data-kind', (b) => b.key)
      .attr('data-response', (b) => b.g.key)
      .attr('data-value', (b) => String(b.v))
      .attr('x', left)
      .attr('y', (b) => b.y + 0.5)
      .attr('height', barH - 1)
      .attr('width', (b) =>
        Math.max(Number.isFinite(b.v) ? 0.75 : 0, x(Number.isFinite(b.v) ? Math.min(b.v, x.domain()[1]) : 0) - left),
      )
      .attr('fill', (b) => fillOf(b.key))
      .attr('stroke', (b) => b.d.color)
      .attr('stroke-dasharray', (b) => dashOf(b.d))
      .attr('stroke-width', (b) => (b.d.truth ? 1.25 : 0.75) * sw);

    // Whiskers on the Nash bar: a line from the least to the largest weight, with end caps.
    const whiskers = groups.flatMap((g, i) =>
      g.nashRange && g.nashRange.hi - g.nashRange.lo > 1e-4
        ? [
            {
              g,
              r: g.nashRange,
              y: top + i * groupH + (kinds.indexOf(kinds.find((d) => d.key === 'nash')!) + 0.5) * barH,
            },
          ]
        : [],
    );
    const capH = barH * 0.9;
    const whiskerPath = (w: (typeof whiskers)[number]) => {
      const [a, b] = [x(Math.min(w.r.lo, x.domain()[1])), x(Math.min(w.r.hi, x.domain()[1]))];
      return `M${a},${w.y - capH / 2}v${capH}M${a},${w.y}H${b}M${b},${w.y - capH / 2}v${capH}`;
    };
    // Ink on a white halo: readable over the hatched Nash bar and over the others.
    const whisker = whiskersG
      .selectAll<SVGGElement, (typeof whiskers)[number]>('g.nash-range')
      .data(whiskers, (w) => w.g.key)
      .join((enter) => {
        const g = enter.append('g').attr('class', 'nash-range');
        g.append('path').attr('class', 'halo').attr('fill', 'none').attr('stroke', '#fff');
        g.append('path').attr('class', 'ink').attr('fill', 'none').attr('stroke', INK);
        return g;
      });
    whisker
      .attr('data-response', (w) => w.g.key)
      .attr('data-low', (w) => String(w.r.lo))
      .attr('data-high', (w) => String(w.r.hi));
    whisker
      .select('path.halo')
      .attr('stroke-width', 4 * sw)
      .attr('d', whiskerPath);
    whisker
      .select('path.ink')
      .attr('stroke-width', 1.5 * sw)
      .attr('d', whiskerPath);

    const cut = bars.filter((b) => b.v > x.domain()[1]);
    breaks
      .selectAll('path')
      .data(cut)
      .join('path')
      .attr('fill', 'none')
      .attr('stroke', '#fff')
      .attr('stroke-width', 2 * sw)
      .attr('d', (b) => {
        const bx = x.range()[1] - 10 * k;
        return `M${bx},${b.y + barH + 1}l${3 * k},${-barH - 2}M${bx + 4 * k},${b.y + barH + 1}l${3 * k},${-barH - 2}`;
      });
    const cutNote = cut.length ? '; “other” cut at the edge' : '';
    const titles = [
      `probability of each response (${tauText})${cutNote}`,
      `probability (${tauText})${cutNote}`,
      `probability (${tauText})`,
    ];
    axis.select('text.axis-title').text(titles.find((c) => measure(c) <= width - 8) ?? titles[titles.length - 1]);

    const hasData = groups.length > 0;
    axis.attr('display', hasData ? null : 'none');
    empty
      .text(p?.emptyMessage ?? 'Computing…')
      .attr('display', hasData ? 'none' : null)
      .attr('x', 4)
      .attr('y', top + fs * 1.5);
    svg.attr('aria-label', ariaLabel(groups, n, p?.tau ?? 0, p?.nashDrawn ?? 'vertex', kinds));
  }

  const onPointer = (event: PointerEvent) => {
    const [px, py] = d3.pointer(event, svg.node());
    const i = Math.floor((py - rowGeometry.top) / rowGeometry.groupH);
    const g = groups[i];
    if (!g || px < 0) return hide();
    const theme = resolveTheme(props?.theme);
    highlight
      .attr('display', null)
      .attr('x', 0)
      .attr('width', width)
      .attr('y', rowGeometry.top + i * rowGeometry.groupH - 2)
      .attr('height', rowGeometry.groupH);
    tooltip.show(
      Math.min(px, width - 10),
      rowGeometry.top + (i + 0.5) * rowGeometry.groupH,
      g.label,
      (props?.truth ? WITH_TRUTH : KINDS).map((q) => ({
        color: q.color,
        dash: q.key === 'nash' || q.truth ? '2 2' : '',
        label: q.text,
        value:
          fmtValue(g.values[q.key]!) +
          (q.key === 'nash' && g.nashRange ? ` (any of ${fmtValue(g.nashRange.lo)}–${fmtValue(g.nashRange.hi)})` : ''),
      })),
      Math.max(12, theme.fontSize * 0.9),
    );
  };
  const hide = () => {
    highlight.attr('display', 'none');
    tooltip.hide();
  };
  svg.on('pointermove', onPointer).on('pointerdown', onPointer).on('pointerleave', hide);

  return {
    ...redrawOnChange<EquilibriumBarsProps>({ props: (next) => (props = next), width: (w) => (width = w) }, render),
    snapshot: () => standaloneSvg(svg.node()!, width, height, 'Equilibria bar chart'),
    destroy() {
      tooltip.remove();
      svg.remove();
    },
  };
}

function ariaLabel(
  groups: readonly Group[],
  n: number,
  tau: number,
  drawn: 'vertex' | 'limit',
  kinds: readonly KindStyle[],
): string {
  if (groups.length === 0) return 'Equilibria bar chart: not computed yet';
  const list = (kind: Kind) => groups.map((g) => `${g.label} ${pct(g.values[kind]!)}`).join(', ');
  const ranges = groups
    .filter((g) => g.nashRange)
    .map((g) => `${g.label} ${pct(g.nashRange!.lo)} to ${pct(g.nashRange!.hi)}`);
  const notUnique = ranges.length
    ? ` The Nash of P is not unique (the bars show ${drawn === 'limit' ? 'the τ → 0 limit of π*_τ' : "the LP's vertex"}); over all Nash equilibria the weights range: ${ranges.join(', ')}.`
    : '';
  if (kinds !== KINDS)
    return `Equilibria of ${n} responses, τ = ${tau}, learned from feedback beside the true P's. ${kinds.map((d) => `${d.text}: ${list(d.key)}.`).join(' ')}${notUnique}`;
  return `Equilibria of ${n} responses, τ = ${tau}. π*_τ: ${list('regularized')}. Nash of P: ${list('nash')}. RLHF optimum: ${list('rlhfOptimum')}.${notUnique}`;
}
