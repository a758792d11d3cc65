/**
 * The figures an explorer can show: one list, from which the layout (App.tsx), the export menu,
 * `hide=` and the `figures` option are derived. Each entry names its renderer factory (loaded on
 * demand unless it is on the first screen), its props selector (views.ts), when it is shown,
 * whether it exports an SVG, and the `hide=` name that hides it. A figure id that is not here is
 * a type error wherever ids are written (FigureId).
 */
import type { ControlName } from '../state/viewOptions.ts';
import { GRID_MAX_RESPONSES } from '../state/scenario.ts';
import type { Renderer, SimplexOptions } from '../viz/types.ts';
import { createSimplexPlot } from '../viz/simplexPlot.ts';
import type { PropsSelector } from '../components/useRendererHost.ts';
import type { Views } from '../components/views.ts';
import type { Explorer } from './explorer.ts';

export const FIGURE_IDS = [
  'simplex',
  'convergence',
  'win-rates',
  'policy-table',
  'time-series',
  'topk',
  'equilibria',
  'race',
  'comparisons',
  'truth',
  'sample-size',
  'beta-sweep',
] as const;
export type FigureId = (typeof FIGURE_IDS)[number];

// Each entry's props type is its own; the list holds them behind one loose type.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyProps = any;
export type RendererFactory<Props = AnyProps> = (element: HTMLElement, options: AnyProps) => Renderer<Props>;

export interface FigureEntry {
  id: FigureId;
  /** What the figure is, for menus and messages. */
  title: string;
  /** The stage (beside the controls) or the measurements column. */
  place: 'stage' | 'side';
  /** Whether the figure exists for n responses and the shown algorithms. */
  shown(n: number, algorithms?: readonly string[]): boolean;
  /** Also shown whenever an explorer's `figures` list names it (whatever `shown` says). */
  onRequest?: boolean;
  /** Whether it has an SVG snapshot (export menu, the handle's exportSvg). */
  exports: boolean;
  /** The `hide=` control name that hides it (null: only `figures` can). */
  hiddenBy: ControlName | null;
  /** The renderer factory: synchronous for the first screen's figure, loaded on demand otherwise. */
  renderer: () => RendererFactory | Promise<RendererFactory>;
  /** The renderer's options, made once per mount. */
  options?: (explorer: Explorer) => unknown;
  /** Its props selector in this explorer's views. */
  props: (views: Views) => PropsSelector<AnyProps>;
  /** 'secondary': draws after the primary figures' frame (useRendererHost). */
  priority: 'primary' | 'secondary';
  /** The host element's class and test id. */
  className: string;
  testId?: string;
  /** A section heading above the figure (the large-n views). */
  heading?: string;
  /** The top-k control beside the heading. */
  topKControl?: boolean;
  /** Shown only while the scenario learns from sampled feedback (scenario `feedback`). */
  feedbackOnly?: boolean;
}

/** Rounds a dragged policy to 4 decimals (readable links) keeping the sum at 1. */
function tidy(policy: number[]): number[] {
  const r = policy.map((x) => Math.max(1e-4, Math.round(x * 1e4) / 1e4));
  const s = r.reduce((a, b) => a + b, 0);
  return r.map((x) => x / s);
}

const small = (n: number) => n > 3 && n <= GRID_MAX_RESPONSES;

export const FIGURES: readonly FigureEntry[] = [
  {
    id: 'simplex',
    title: 'Simplex',
    place: 'stage',
    shown: () => true,
    exports: true,
    hiddenBy: null,
    renderer: () => createSimplexPlot,
    options: (explorer): SimplexOptions => ({
      onDrag(which, policy) {
        if (which === 'reference') explorer.actions.setReference(tidy(policy));
        else explorer.actions.setInitial(tidy(policy));
      },
    }),
    props: (v) => v.simplexProps,
    priority: 'primary',
    className: 'figure simplex-figure',
    testId: 'simplex',
  },
  {
    id: 'time-series',
    title: 'Each response over time',
    place: 'stage',
    shown: small,
    exports: false,
    hiddenBy: null,
    renderer: () => import('../viz/timeSeriesPlot.ts').then((m) => m.createTimeSeriesPlot),
    props: (v) => v.timeSeriesProps,
    priority: 'secondary',
    className: 'figure timeseries-figure',
    testId: 'timeseries',
  },
  {
    id: 'topk',
    title: 'Top responses',
    place: 'stage',
    shown: (n) => n > GRID_MAX_RESPONSES,
    exports: true,
    hiddenBy: null,
    renderer: () => import('../viz/topKPlot.ts').then((m) => m.createTopKPlot),
    props: (v) => v.topKProps,
    priority: 'secondary',
    className: 'figure topk-figure',
    testId: 'topk',
    heading: 'Top responses over time',
    topKControl: true,
  },
  {
    id: 'equilibria',
    title: 'Equilibria',
    place: 'stage',
    shown: (n) => n > 3,
    exports: true,
    hiddenBy: null,
    renderer: () => import('../viz/equilibriumBars.ts').then((m) => m.createEquilibriumBars),
    props: (v) => v.equilibriumBarsProps,
    priority: 'secondary',
    className: 'figure equilibria-figure',
    testId: 'equilibrium-bars',
    heading: 'Where the runs are heading: the equilibria',
  },
  {
    id: 'comparisons',
    title: 'Sampled comparisons',
    place: 'stage',
    shown: () => true,
    feedbackOnly: true,
    exports: false,
    hiddenBy: null,
    renderer: () => import('../components/feedbackFigures.ts').then((m) => m.createCountsFigure),
    props: (v) => v.feedbackInputs,
    priority: 'secondary',
    className: 'figure counts-figure',
    testId: 'comparisons',
    heading: 'The sampled comparisons',
  },
  {
    id: 'truth',
    title: 'Judged by the true P',
    place: 'stage',
    shown: () => true,
    feedbackOnly: true,
    exports: false,
    hiddenBy: null,
    renderer: () => import('../components/feedbackFigures.ts').then((m) => m.createTruthFigure),
    props: (v) => v.feedbackInputs,
    priority: 'secondary',
    className: 'figure truth-figure',
    testId: 'truth-panel',
    heading: 'Judged by the true preferences',
  },
  {
    id: 'sample-size',
    title: 'Sample-size curve',
    place: 'stage',
    shown: () => true,
    feedbackOnly: true,
    exports: true,
    hiddenBy: null,
    renderer: () => import('../components/feedbackFigures.ts').then((m) => m.createSampleSizeFigure),
    props: (v) => v.feedbackInputs,
    priority: 'secondary',
    className: 'figure sample-size-figure',
    testId: 'sample-size',
    heading: 'How many comparisons until NLHF beats RLHF under the true preferences?',
  },
  {
    id: 'convergence',
    title: 'Convergence',
    place: 'side',
    shown: () => true,
    exports: true,
    hiddenBy: 'measurements',
    renderer: () => import('../viz/convergencePlot.ts').then((m) => m.createConvergencePlot),
    props: (v) => v.convergenceProps,
    priority: 'secondary',
    className: 'figure convergence-figure',
    testId: 'convergence',
  },
  {
    id: 'race',
    title: 'The race',
    place: 'side',
    shown: () => true,
    exports: true,
    hiddenBy: 'measurements',
    renderer: () => import('../viz/raceTable.ts').then((m) => m.createRaceTable),
    options: (explorer) => ({ onEpsilon: (epsilon: number) => explorer.views.setRaceEpsilon(epsilon) }),
    props: (v) => v.raceProps,
    priority: 'secondary',
    className: 'figure race-figure',
    testId: 'race',
  },
  {
    id: 'beta-sweep',
    title: 'β sweep',
    place: 'stage',
    // With a policy-gradient algorithm shown (their ids end in -pg), or asked for by `figures`.
    shown: (_n, algorithms = []) => algorithms.some((a) => a.endsWith('-pg')),
    onRequest: true,
    exports: true,
    hiddenBy: 'sweep',
    renderer: () => import('../viz/betaSweepPlot.ts').then((m) => m.createBetaSweepPlot),
    props: (v) => v.betaSweepProps,
    priority: 'secondary',
    className: 'figure',
    testId: 'beta-sweep',
    heading: 'The β sweep',
  },
  {
    id: 'win-rates',
    title: 'Win rates',
    place: 'side',
    shown: () => true,
    exports: false,
    hiddenBy: 'measurements',
    renderer: () => import('../viz/winRatePlot.ts').then((m) => m.createWinRatePlot),
    props: (v) => v.winRateProps,
    priority: 'secondary',
    className: 'figure winrate-figure',
    testId: 'winrates',
  },
  {
    id: 'policy-table',
    title: 'Current policies',
    place: 'side',
    shown: () => true,
    exports: false,
    hiddenBy: 'measurements',
    renderer: () => import('../viz/policyTable.ts').then((m) => m.createPolicyTable),
    props: (v) => v.policyTableProps,
    priority: 'primary',
    className: 'policy-table-host',
  },
] satisfies readonly (FigureEntry & { id: FigureId })[];

/**
 * Whether an explorer shows figure `f` (before `hide=`): it exists for n and the algorithms, or it
 * is named in the explorer's `figures` list and shows on request; never when the list leaves it out.
 */
export function figureShown(
  f: FigureEntry,
  n: number,
  algorithms: readonly string[],
  figures: readonly string[] | undefined,
  feedback = false,
): boolean {
  if (figures && !figures.includes(f.id)) return false;
  // The feedback panels exist only while the scenario learns from sampled feedback.
  if (f.feedbackOnly && !feedback) return false;
  return f.shown(n, algorithms) || (f.onRequest === true && figures !== undefined);
}

/** The manifest entry of a figure id. */
export function figureEntry(id: FigureId): FigureEntry {
  return FIGURES.find((f) => f.id === id)!;
}

/** Whether `id` names a figure (for ids read from attributes and options). */
export function isFigureId(id: string): id is FigureId {
  return (FIGURE_IDS as readonly string[]).includes(id);
}
