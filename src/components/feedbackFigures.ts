/**
 * The feedback figures' renderers as the figure manifest loads them (on demand, with feedback on):
 * they turn what views.ts's feedbackInputs gathers into their props. The truth panel: the rows of
 * the table (truthPanel.ts), naming which model each policy was trained on; the sample-size curve:
 * the worker's answer (controller, sampleSizeRequest.ts) or how far it got. Kept out of views.ts so
 * that none of it is in the first render.
 */
import { algorithmInfo } from '../core/algorithms/catalog.ts';
import type { EquilibriaResult, FeedbackData } from '../core/workerApi.ts';
import { createCountsTable, type CountsTableProps } from '../viz/countsTable.ts';
import { seriesStyle } from '../shared/palette.ts';
import type { SeriesData } from '../shared/types.ts';
import { rowAt } from '../shared/seriesRows.ts';
import { feedbackOf } from '../state/scenario.ts';
import type { Scenario } from '../state/scenario.ts';
import type { UiState } from '../state/uiStore.ts';
import { createSampleSizeChart, type SampleSizeProps } from '../viz/sampleSizeChart.ts';
import { createTruthPanel, type TruthPanelProps, type TruthRow } from '../viz/truthPanel.ts';
import type { FigureTheme, Renderer } from '../viz/types.ts';

/** What the feedback figures read (views.ts builds it, one object per change). */
export interface FeedbackInputs {
  scenario: Scenario;
  series: readonly SeriesData[];
  n: number;
  t: number;
  equilibria: EquilibriaResult | null;
  /** The sampled counts and learned models of the run (RunState.feedback). */
  data: FeedbackData | null;
  /** The sample-size curve's request as the controller keeps it (UiState.sampleSize). */
  curve: UiState['sampleSize'];
  theme: FigureTheme;
}

/**
 * A series' policy at t (runStore's policyAt, written here: importing the run store into this lazy
 * chunk would split it out of the first render's main chunk, at a cost in bytes).
 */
function policyAt(s: SeriesData, n: number, t: number): Float64Array {
  const row = rowAt(s, t);
  return s.policies.subarray(row * n, (row + 1) * n);
}

const HOW: Record<string, string> = { uniform: 'pairs drawn uniformly', reference: 'pairs drawn from μ' };

/** How the pairs were drawn, in words; for online feedback, from which run and when. */
export function howDrawn(f: NonNullable<ReturnType<typeof feedbackOf>>, data: FeedbackData | null): string {
  const online = data?.rounds;
  if (f.sampling !== 'online') return HOW[f.sampling];
  if (!online) return 'pairs drawn online';
  const R = online.roundSteps;
  const name = algorithmInfo(online.run)?.displayName ?? online.run;
  return `pairs drawn online from ${name}’s policy in 10 rounds, at t = 0, ${R}, …, ${9 * R}`;
}

/** The rounds whose pairs were drawn uniformly (the run's policy had settled on one response). */
function uniformRounds(data: FeedbackData | null): string {
  const r = data?.rounds;
  if (!r) return '';
  const at = Array.from(r.starts).filter((_, k) => r.uniform[k] === 1);
  return at.length
    ? ` At t = ${at.join(', ')} the policy had settled on one response, so those rounds’ pairs were drawn uniformly.`
    : '';
}

/** The table's props: every shown policy at t, the learned targets and the true ones. */
export function truthPanelProps(inputs: FeedbackInputs): TruthPanelProps | null {
  const { scenario: s, equilibria: eq, n } = inputs;
  const f = feedbackOf(s);
  if (!f) return null;
  const truth = eq?.truth;
  const base = {
    n,
    preferences: Float64Array.from(s.preferences.flat()),
    reference: s.reference,
    tau: s.tau,
    theme: inputs.theme,
  };
  if (!eq || !truth || n !== s.preferences.length)
    return {
      ...base,
      nash: [],
      rows: [],
      rlhf: null,
      caption: '',
      emptyMessage: 'Learning from the sampled feedback…',
    };
  const trainedOn = (x: SeriesData) => (algorithmInfo(x.algorithm)?.rewardModel ? 'r̂' : 'P̂');
  const runs: TruthRow[] = inputs.series.map((x) => ({
    label: seriesStyle(x).label,
    trainedOn: trainedOn(x),
    policy: policyAt(x, n, inputs.t),
    color: seriesStyle(x).color,
  }));
  const star = s.tau > 0 ? 'π*τ' : 'Nash';
  const rows: TruthRow[] = [
    ...runs,
    { label: `${star} of P̂`, trainedOn: 'P̂', policy: eq.regularized },
    { label: 'RLHF optimum of r̂', trainedOn: 'r̂', policy: eq.rlhfOptimum },
    { label: `${star} of the true P`, trainedOn: 'P', policy: truth.regularized },
    ...(s.tau > 0 ? [{ label: 'Nash of the true P', trainedOn: 'P', policy: truth.nash }] : []),
  ];
  const rlhfRun = inputs.series.find((x) => x.algorithm === 'rlhf' && !x.average);
  const rlhf = rlhfRun
    ? { label: 'RLHF', policy: policyAt(rlhfRun, n, inputs.t) }
    : { label: 'RLHF optimum of r̂', policy: eq.rlhfOptimum };
  const names = (on: string) => [...new Set(runs.filter((r) => r.trainedOn === on).map((r) => r.label))];
  const list = (xs: string[]) => (xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`);
  const onP = names('P̂');
  const onR = names('r̂');
  const trained = [onP.length ? `${list(onP)} trained on P̂` : '', onR.length ? `${list(onR)} on r̂` : '']
    .filter(Boolean)
    .join(', ');
  const caption =
    `Judged by the true P at t = ${inputs.t}${trained ? `: ${trained}` : ''}; P̂ and r̂ learned from ` +
    `N = ${f.comparisons.toLocaleString('en-US')} comparisons (${howDrawn(f, inputs.data)}, data seed ${f.seed}, ` +
    `smoothing a = ${f.smoothing}).` +
    (f.online ? ' Between rounds every run trained on the models of the comparisons drawn so far.' : '');
  return { ...base, nash: truth.nash, rows, rlhf, caption };
}

export function createTruthFigure(element: HTMLElement): Renderer<FeedbackInputs | null> {
  const panel = createTruthPanel(element);
  return {
    update: (inputs) => panel.update(inputs && truthPanelProps(inputs)),
    resize: (w, h) => panel.resize(w, h),
    destroy: () => panel.destroy(),
  };
}

const EMPTY_BAND = { median: new Float64Array(0), low: new Float64Array(0), high: new Float64Array(0) };

/** The sample-size chart's props: the worker's curve, or what it is doing meanwhile. */
export function sampleSizeProps({ curve, scenario, theme }: FeedbackInputs): SampleSizeProps | null {
  if (!curve) return null;
  if (curve.result) return { ...curve.result, theme };
  return {
    sizes: [],
    nlhf: EMPTY_BAND,
    rlhf: EMPTY_BAND,
    seeds: 20,
    tau: scenario.tau,
    emptyMessage: curve.problem ?? `Sampling and learning 20 times per N… ${Math.round(curve.fraction * 100)} %`,
    unavailable: Boolean(curve.problem),
    theme,
  };
}

export function createSampleSizeFigure(element: HTMLElement): Renderer<FeedbackInputs | null> {
  const chart = createSampleSizeChart(element);
  let last: SampleSizeProps | null = null;
  return {
    update: (inputs) => {
      // The chart redraws on a new curve or message only (the run's rows do not concern it).
      const next = inputs && sampleSizeProps(inputs);
      if (
        next &&
        last &&
        next.sizes === last.sizes &&
        next.emptyMessage === last.emptyMessage &&
        next.theme === last.theme
      )
        return;
      last = next;
      if (next) chart.update(next);
    },
    resize: (w, h) => chart.resize(w, h),
    destroy: () => chart.destroy(),
    snapshot: chart.snapshot && (() => chart.snapshot!()),
  };
}

/** The sampled counts' table: the run's data (with the labels and how they were drawn). */
export function countsTableProps({ data, scenario }: FeedbackInputs): CountsTableProps | null {
  const f = feedbackOf(scenario);
  if (!data || !f || data.n !== scenario.preferences.length) return null;
  return {
    labels: scenario.labels,
    n: data.n,
    i: data.i,
    j: data.j,
    winsI: data.winsI,
    winsJ: data.winsJ,
    caption:
      `${f.comparisons.toLocaleString('en-US')} comparisons sampled from the true P (${howDrawn(f, data)}, data seed ${f.seed}).` +
      uniformRounds(data),
  };
}

export function createCountsFigure(element: HTMLElement): Renderer<FeedbackInputs | null> {
  const table = createCountsTable(element);
  let last: FeedbackData | null | undefined;
  let labels: readonly string[] | null = null;
  return {
    update: (inputs) => {
      // Redrawn for new counts or names only.
      if (inputs && inputs.data === last && inputs.scenario.labels === labels) return;
      last = inputs?.data;
      labels = inputs?.scenario.labels ?? null;
      table.update(inputs && countsTableProps(inputs));
    },
    resize: (w, h) => table.resize(w, h),
    destroy: () => table.destroy(),
  };
}
