/**
 * Types and text of the convergence plot: its lines and panels, the panel titles, the
 * current-point markers and the spoken summary (aria-label). Used by convergencePlot.ts.
 */
import * as d3 from 'd3';
import { seriesStyle } from '../shared/palette.ts';
import type { SeriesData } from './types.ts';
import type { MathPart } from './convergenceShared.ts';
import { formatT } from '../shared/formatT.ts';

export type Metric = 'kl' | 'exploitability';

export interface Line {
  algorithm: SeriesData['algorithm'];
  rows: number[];
  values: Float64Array;
  current: number;
  /** The series, for the iteration of each row (rows are not iterations once history is thinned). */
  series: SeriesData;
}

export interface Panel {
  metric: Metric;
  root: d3.Selection<SVGGElement, unknown, null, undefined>;
  clipRect: d3.Selection<SVGRectElement, unknown, null, undefined>;
  title: d3.Selection<SVGTextElement, unknown, null, undefined>;
  grid: d3.Selection<SVGGElement, unknown, null, undefined>;
  yAxis: d3.Selection<SVGGElement, unknown, null, undefined>;
  xAxis: d3.Selection<SVGGElement, unknown, null, undefined>;
  plot: d3.Selection<SVGGElement, unknown, null, undefined>;
  bound: d3.Selection<SVGPathElement, unknown, null, undefined>;
  /** "≤ 10⁻¹⁶ shown at the floor": said only while some drawn value is clamped. */
  floorNote: d3.Selection<SVGTextElement, unknown, null, undefined>;
  y: d3.ScaleLogarithmic<number, number>;
  /** Cache key of the last drawn y axis, so it is rebuilt only when the decades change. */
  axisKey: string;
}

export const TITLES: Record<Metric, readonly MathPart[]> = {
  kl: [['KL(π*'], ['τ', 'sub'], [' ‖ π'], ['t', 'sub'], [')']],
  exploitability: [['exploitability e'], ['τ', 'sub'], ['(π'], ['t', 'sub'], [')']],
};

export const SHORT_TITLES: Record<Metric, readonly MathPart[]> = {
  kl: [['KL(π*'], ['τ', 'sub'], ['‖π'], ['t', 'sub'], [')']],
  exploitability: [['e'], ['τ', 'sub'], ['(π'], ['t', 'sub'], [')']],
};

export const fmt = d3.format('.2~e');
/** Width of a panel title (bold text is ~8 % wider than the measure's regular weight). */
export function titleWidth(title: readonly MathPart[], measure: (s: string) => number): number {
  return measure(title.map((part) => part[0]).join('')) * 1.18;
}

export { ALGO_SYMBOL as MARKERS } from './algorithmSymbols.ts';

export function ariaLabel(lines: Record<Metric, Line[]>, t: number, hasData: boolean): string {
  if (!hasData) return 'Convergence plot: no data yet';
  const part = (metric: Metric) =>
    lines[metric].map((l) => `${seriesStyle(l.series).label} ${fmt(l.values[l.current])}`).join(', ');
  return `Convergence at t = ${formatT(t)}, log scale. KL divergence to the regularised Nash: ${part('kl')}. Exploitability: ${part('exploitability')}.`;
}
