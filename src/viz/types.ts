/**
 * The contract between React hosts and the D3 renderers in src/viz. A renderer owns every node
 * under the element it is given; React never touches that subtree. Per-frame data arrives through
 * `update` (called from store subscriptions, not React renders).
 */
import type { AlgorithmId } from '../core/algorithms/catalog.ts';

/** create(element, options) → Renderer. `destroy` removes everything `create` added. */
export interface Renderer<Props> {
  update(props: Props): void;
  /** New CSS pixel size of the host element. */
  resize(width: number, height: number): void;
  destroy(): void;
  /** A standalone copy of the figure as it is drawn now (for export); figures that support it. */
  snapshot?(): SVGSVGElement;
}

/**
 * How large figure text and strokes are. The default is the paper-figure look; lecture mode
 * (projected in a room) asks for fontSize 24 and strokeScale 2. Renderers re-layout when it changes.
 */
export interface FigureTheme {
  /** Base font size of figure text in CSS px (≥ 12). */
  fontSize: number;
  /** Multiplier for line widths and marker sizes. */
  strokeScale: number;
  /**
   * The simplex's legend with short texts, in the empty upper corners beside the apex or in rows
   * under the triangle, never in a column beside it that takes the triangle's width (lecture mode).
   */
  compactLegend?: boolean;
}

export const DEFAULT_THEME: FigureTheme = { fontSize: 12, strokeScale: 1 };
export const LECTURE_THEME: FigureTheme = { fontSize: 24, strokeScale: 2, compactLegend: true };

export type { Corners, SeriesData } from '../shared/types.ts';
import type { Corners, SeriesData } from '../shared/types.ts';

export interface SimplexProps {
  n: number;
  labels: readonly string[];
  corners: Corners;
  series: readonly SeriesData[];
  /** Current iteration: paths are drawn for rows 0..min(t, length − 1), the current point at t. */
  t: number;
  reference: ArrayLike<number>;
  initial: ArrayLike<number>;
  /** π*_τ, the Nash of P, the RLHF optimum; null while not computed yet. */
  regularized: ArrayLike<number> | null;
  nash: ArrayLike<number> | null;
  rlhfOptimum: ArrayLike<number> | null;
  /**
   * Where Nash-MD with a constant step converges (π = BR_τ(π^μ)); null with Theorem 1's step or
   * τ = 0. The plot draws it only when it is more than a pixel from π*_τ (fixedPointVisible).
   */
  nashMdFixedPoint?: ArrayLike<number> | null;
  /** With feedback: π*_τ, the Nash and the RLHF optimum of the true P (hollow, dashed); absent: none. */
  truthRegularized?: ArrayLike<number> | null;
  truthNash?: ArrayLike<number> | null;
  truthRlhfOptimum?: ArrayLike<number> | null;
  /** Rows of π*_τ and of the RLHF optimum along a τ grid from large to small τ (k × n). */
  regularizedPath: Float64Array | null;
  rlhfPath: Float64Array | null;
  /** μ and π0 can be dragged (n = 3 and every corner a single response). */
  draggable: boolean;
  /** Text and stroke sizes; DEFAULT_THEME when absent. */
  theme?: FigureTheme;
  /** The flow-field layer (n = 3): arrows from each grid point to where one step takes it; absent: none. */
  field?: SimplexField | null;
}

/** One step of an algorithm from each point of a grid (simplexField.ts draws it). */
export interface SimplexField {
  /** The legend's line, e.g. "Flow of Nash-MD: one step from each point". */
  legend: string;
  /** The legend's short text (narrow layouts, lecture mode), e.g. "flow of Nash-MD". */
  short: string;
  /** Grid points and their images, n numbers a point, in response order. */
  points: Float64Array;
  next: Float64Array;
}

export interface SimplexOptions {
  /** A drag of the μ or π0 marker: the new policy (length n), every pointer move and at the end. */
  onDrag?(which: 'reference' | 'initial', policy: number[], phase: 'move' | 'end'): void;
}

export interface ConvergenceProps {
  series: readonly SeriesData[];
  t: number;
  tau: number;
  /** Draw Theorem 1's bound 8/(τ²(t+1)) (only meaningful with the theorem's step schedule). */
  theoremBound: boolean;
  /** The step η is constant (so Nash-MD can level off at its O(η) bias, and the chart says so). */
  constantStep?: boolean;
  /** Responses per policy row of the series (to tell a levelled-off run from one still circling). */
  n?: number;
  /** What to say when there is no series (designed empty state). */
  emptyMessage?: string;
  /** Text and stroke sizes; DEFAULT_THEME when absent. */
  theme?: FigureTheme;
}

export interface WinRateRow {
  algorithm: AlgorithmId;
  /** P(π_t ≻ μ), P(π_t ≻ π_RLHF), P(π_t ≻ π*_τ), P(π_t ≻ Nash of P) (≤ 1/2). */
  vsReference: number;
  vsRlhf: number;
  vsRegularized: number;
  vsNash: number;
}

export interface WinRateProps {
  rows: readonly WinRateRow[];
  /**
   * Identifies the run the rows belong to (the equilibria object): the note on beating π*_τ stays
   * for the rest of a run once shown. Absent: each rows array counts as its own run.
   */
  noteKey?: unknown;
  emptyMessage?: string;
  /** Text and stroke sizes; DEFAULT_THEME when absent. */
  theme?: FigureTheme;
}

export interface TimeSeriesProps {
  n: number;
  labels: readonly string[];
  series: readonly SeriesData[];
  t: number;
  emptyMessage?: string;
  /** Text and stroke sizes; DEFAULT_THEME when absent. */
  theme?: FigureTheme;
}

/** The top-k chart of large n (topKPlot.ts): π_t(y) of the top responses and "other", per algorithm. */
export interface TopKProps {
  n: number;
  labels: readonly string[];
  series: readonly SeriesData[];
  t: number;
  /** The responses named, best first (topK.ts chooseTopK); every other response is summed into "other". */
  indices: readonly number[];
  emptyMessage?: string;
  /** Text and stroke sizes; DEFAULT_THEME when absent. */
  theme?: FigureTheme;
  /**
   * Fill the host element's (CSS-set) height instead of growing with the panels, unless that is
   * too cramped: lecture mode, where at n > 12 the top-k view is the main figure and fits the screen.
   */
  fit?: boolean;
}

/** Grouped bars of π*_τ, the Nash of P and the RLHF optimum (equilibriumBars.ts). */
export interface EquilibriumBarsProps {
  n: number;
  labels: readonly string[];
  tau: number;
  regularized: ArrayLike<number> | null;
  nash: ArrayLike<number> | null;
  rlhfOptimum: ArrayLike<number> | null;
  /**
   * When the Nash of P is not unique: each response's least and largest weight over all Nash
   * equilibria (drawn as whiskers on the Nash bars); null when unique or unknown.
   */
  nashLow?: ArrayLike<number> | null;
  nashHigh?: ArrayLike<number> | null;
  /** Which Nash `nash` is: the LP's vertex (default) or the τ → 0 limit of π*_τ. */
  nashDrawn?: 'vertex' | 'limit';
  /**
   * With feedback: the fields above are the learned model's and these the true P's targets, drawn
   * as hollow dashed bars beside them; null or absent without feedback.
   */
  truth?: { regularized: ArrayLike<number>; nash: ArrayLike<number>; rlhfOptimum: ArrayLike<number> } | null;
  emptyMessage?: string;
  /** Text and stroke sizes; DEFAULT_THEME when absent. */
  theme?: FigureTheme;
}
