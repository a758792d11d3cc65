/**
 * The truth panel's renderer as the figure manifest loads it (on demand, with feedback on): it turns
 * the run and the scenario (views.ts, truthInputs) into the rows of the table (truthPanel.ts),
 * naming which model each policy was trained on. Kept out of views.ts so that none of it is in
 * the first render.
 */
import { algorithmInfo } from '../core/algorithms/catalog.ts';
import type { EquilibriaResult } from '../core/workerApi.ts';
import { seriesStyle } from '../shared/palette.ts';
import type { SeriesData } from '../shared/types.ts';
import { policyAt } from '../state/runStore.ts';
import { feedbackOf, type Scenario } from '../state/scenario.ts';
import { createTruthPanel, type TruthPanelProps, type TruthRow } from '../viz/truthPanel.ts';
import type { FigureTheme, Renderer } from '../viz/types.ts';

/** What the truth panel reads (views.ts builds it, one object per change). */
export interface TruthInputs {
  scenario: Scenario;
  series: readonly SeriesData[];
  n: number;
  t: number;
  equilibria: EquilibriaResult | null;
  theme: FigureTheme;
}

const HOW: Record<string, string> = { uniform: 'pairs drawn uniformly', reference: 'pairs drawn from μ' };

/** The table's props: every shown policy at t, the learned targets and the true ones. */
export function truthPanelProps(inputs: TruthInputs): TruthPanelProps | null {
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
    `N = ${f.comparisons.toLocaleString('en-US')} comparisons (${HOW[f.sampling]}, data seed ${f.seed}, ` +
    `smoothing a = ${f.smoothing}).`;
  return { ...base, nash: truth.nash, rows, rlhf, caption };
}

export function createTruthFigure(element: HTMLElement): Renderer<TruthInputs | null> {
  const panel = createTruthPanel(element);
  return {
    update: (inputs) => panel.update(inputs && truthPanelProps(inputs)),
    resize: (w, h) => panel.resize(w, h),
    destroy: () => panel.destroy(),
  };
}
