/**
 * Selectors from the stores to each renderer's props, shared by the views. One set per explorer
 * (createViews): their one-entry memos and the top-k choice belong to that explorer.
 */
import { createStore } from 'zustand/vanilla';
import { winProbability } from '../core/winProbability.ts';
import { averageIterate, exploitabilityZero, exploitabilityZeroRows, firstBelow } from '../core/race.ts';
import type { RaceProps } from '../viz/raceTable.ts';
import type { BetaSweepProps } from '../viz/betaSweepPlot.ts';
import { isCompanion, isSeedPath, rowAt, timeAt } from '../shared/seriesRows.ts';
import type { AppState } from '../state/appStore.ts';
import { FIXED_POINT_APART } from '../state/caption.ts';
import { policyAt, type RunState } from '../state/runStore.ts';
import { unavailableShown } from '../state/availability.ts';
import { GRID_MAX_RESPONSES, feedbackKey } from '../state/scenario.ts';
import type { FlowFieldResult, UiStore } from '../state/uiStore.ts';
import type { PolicyTableProps } from '../viz/policyTable.ts';
import type { FeedbackInputs } from './feedbackFigures.ts';
import { TOP_K_DEFAULT, chooseTopK, clampK } from '../viz/topK.ts';
import { RACE_EPSILONS, RACE_EPSILON_DEFAULT } from '../shared/race.ts';
import {
  DEFAULT_THEME,
  LECTURE_THEME,
  type ConvergenceProps,
  type EquilibriumBarsProps,
  type FigureTheme,
  type SeriesData,
  type SimplexField,
  type SimplexProps,
  type TimeSeriesProps,
  type TopKProps,
  type WinRateProps,
} from '../viz/types.ts';

/** True when the views show the top-k responses instead of one panel or column per response. */
export function isLargeN(n: number): boolean {
  return n > GRID_MAX_RESPONSES;
}

/** The props selectors of one explorer. */
export type Views = ReturnType<typeof createViews>;

/** The selectors of one explorer, reading its presentation state from `ui`. */
export function createViews(ui: UiStore) {
  /** The figure theme of the current presentation mode. */
  function theme(): FigureTheme {
    return ui.getState().lecture ? LECTURE_THEME : DEFAULT_THEME;
  }

  /** The flow-field layer's props, one object per computed field (so an unchanged field is not redrawn). */
  let fieldMemo: { flow: FlowFieldResult | null; field: SimplexField | null } = { flow: null, field: null };
  function simplexField(n: number): SimplexField | null {
    const flow = ui.getState().flow;
    if (n !== 3 || !flow || flow.problem !== undefined) return null;
    if (fieldMemo.flow !== flow) {
      fieldMemo = {
        flow,
        field: {
          legend: `Flow of ${flow.name}: one step (t = 0's step size) from each point`,
          short: `flow of ${flow.name}`,
          points: flow.points,
          next: flow.next,
        },
      };
    }
    return fieldMemo.field;
  }

  const lastIterateCache = new WeakMap<SeriesData[], SeriesData[]>();

  /**
   * The runs without their average-iterate companions (scenario `average`), for the figures that
   * show last iterates only; the same array for the same series (the memos compare by identity).
   */
  function lastIterates(series: SeriesData[]): SeriesData[] {
    if (!series.some(isCompanion)) return series;
    let last = lastIterateCache.get(series);
    if (!last) {
      last = series.filter((s) => !isCompanion(s));
      lastIterateCache.set(series, last);
    }
    return last;
  }

  const rowSeriesCache = new WeakMap<SeriesData[], SeriesData[]>();

  /**
   * The series that are rows (table, convergence chart): all but the seeds of a sampled run's
   * bundle, which only the simplex draws (their mean and the exact path are rows). The same array
   * for the same series.
   */
  function rowSeries(series: SeriesData[]): SeriesData[] {
    if (!series.some(isSeedPath)) return series;
    let rows = rowSeriesCache.get(series);
    if (!rows) {
      rows = series.filter((s) => !isSeedPath(s));
      rowSeriesCache.set(series, rows);
    }
    return rows;
  }

  /** The worker's Nash set of the shown P (core nashSet.ts), once answered; null otherwise. */
  function nashSetShown(app: AppState) {
    const set = ui.getState().nashSet;
    return set && set.preferences === app.scenario.preferences && (set.feedback ?? '') === feedbackKey(app.scenario)
      ? set.result
      : null;
  }

  /** The Nash drawn: the τ → 0 limit of π*_τ when it is chosen and known for this μ, else the LP's vertex. */
  function drawnNash(eq: RunState['equilibria'], app: AppState): ArrayLike<number> | null {
    const { nashPick, nashSet: set } = ui.getState();
    const limit = nashPick === 'limit' && set?.reference === app.scenario.reference ? nashSetShown(app)?.limit : null;
    return limit ? limit.policy : (eq?.nash ?? null);
  }

  function simplexProps(run: RunState, app: AppState): SimplexProps {
    const s = app.scenario;
    const n = s.preferences.length;
    const eq = run.n === n ? run.equilibria : null;
    return {
      n,
      labels: s.labels,
      corners: s.corners,
      series: run.n === n ? trajectories(run) : [],
      t: run.t,
      reference: s.reference,
      initial: s.initial,
      regularized: eq?.regularized ?? null,
      nash: eq && drawnNash(eq, app),
      rlhfOptimum: eq?.rlhfOptimum ?? null,
      // Nash-MD's biased limit, when Nash-MD is shown.
      nashMdFixedPoint: s.algorithms.includes('nash-md') ? (eq?.nashMdFixedPoint ?? null) : null,
      truthRegularized: eq?.truth?.regularized ?? null,
      truthNash: eq?.truth?.nash ?? null,
      truthRlhfOptimum: eq?.truth?.rlhfOptimum ?? null,
      regularizedPath: eq?.regularizedPath ?? null,
      rlhfPath: eq?.rlhfPath ?? null,
      draggable: n === 3 && s.corners.every((g) => g.length === 1),
      theme: theme(),
      field: simplexField(n),
    };
  }

  /** The designed empty state of the charts: nothing ticked, or still computing. */
  function emptyMessage(app: AppState): string {
    return app.scenario.algorithms.length === 0 ? 'No algorithm is shown: tick one under “Show”.' : 'Computing…';
  }

  function convergenceProps(run: RunState, app: AppState): ConvergenceProps | null {
    // Until the metrics of new rows are known the chart keeps what it shows (no blank frame).
    if (run.metricsPending) return null;
    const s = app.scenario;
    return {
      series: metricSeries(run),
      t: run.t,
      tau: s.tau,
      theoremBound: s.schedule === 'theorem',
      // At τ = 0 Theorem 1's step is undefined and the run uses the constant η.
      constantStep: s.schedule === 'constant' || s.tau === 0,
      n: run.n,
      emptyMessage: emptyMessage(app),
      theme: theme(),
    };
  }

  function timeSeriesProps(run: RunState, app: AppState): TimeSeriesProps | null {
    const n = app.scenario.preferences.length;
    if (run.n !== n) return null;
    return {
      n,
      labels: app.scenario.labels,
      series: lastIterates(trajectories(run)),
      t: run.t,
      emptyMessage: emptyMessage(app),
      theme: theme(),
    };
  }

  /**
   * A one-entry memo: the same inputs (===) give the very same props object, so the renderer host
   * sees nothing changed and skips the redraw (an input edit redraws no figure it does not touch).
   */
  function memoLast<T>(): (key: readonly unknown[], compute: () => T) => T {
    let last: { key: readonly unknown[]; value: T } | null = null;
    return (key, compute) => {
      if (last && last.key.length === key.length && last.key.every((v, i) => Object.is(v, key[i]))) return last.value;
      last = { key, value: compute() };
      return last.value;
    };
  }

  /**
   * How many rows of `s` the figures show at t: every view draws up to t, and the rows computed
   * ahead for Step and Play (an extension) change nothing on screen.
   */
  function shownRows(s: SeriesData, t: number): number {
    return s.length === 0 ? 0 : rowAt(s, t) + 1;
  }

  const trajectoryMemo = memoLast<SeriesData[]>();
  const shownSeries = new WeakMap<RunState, SeriesData[]>();

  /**
   * run.series for the views that draw trajectories only (not the run metrics): the same array as
   * long as the rows they show are the same, so a follow-up that fills in the metrics, or an
   * extension that computes rows beyond t, redraws none of them. (Rows up to t never change in
   * place: new rows are appended after them, and a new run brings new arrays.)
   */
  function trajectories(run: RunState): SeriesData[] {
    // Six selectors ask for it per store change (while playing, every frame): once per state.
    let shown = shownSeries.get(run);
    if (!shown) {
      shown = trajectoryMemo(
        run.series.flatMap((s) => [s.algorithm, s.policies, s.times, shownRows(s, run.t)]),
        () => run.series,
      );
      shownSeries.set(run, shown);
    }
    return shown;
  }

  const metricSeriesMemo = memoLast<SeriesData[]>();

  /** The same for the charts of the run metrics (a follow-up brings new metric arrays). */
  function metricSeries(run: RunState): SeriesData[] {
    return metricSeriesMemo(
      run.series.flatMap((s) => [s.algorithm, s.kl, s.exploitability, s.times, shownRows(s, run.t)]),
      () => rowSeries(run.series),
    );
  }

  const winRateMemo = memoLast<WinRateProps | null>();

  /** P(π_t ≻ μ), P(π_t ≻ π_RLHF), P(π_t ≻ π*_τ), P(π_t ≻ Nash of P) for each algorithm at the current t. */
  function winRateProps(run: RunState, app: AppState): WinRateProps | null {
    const eq = run.equilibria;
    const s = app.scenario;
    // The Nash drawn (the LP's vertex or the τ → 0 limit) is the one the "vs Nash of P" rows use.
    const nash = eq && drawnNash(eq, app);
    return winRateMemo(
      [trajectories(run), run.n, run.t, eq, nash, s.preferences, s.reference, s.algorithms, theme()],
      () => computeWinRates(run, app, nash),
    );
  }

  function computeWinRates(run: RunState, app: AppState, nash: ArrayLike<number> | null): WinRateProps | null {
    const eq = run.equilibria;
    const n = run.n;
    if (!eq || !nash || n !== app.scenario.preferences.length) return null;
    const p = app.scenario.preferences.flat();
    return {
      emptyMessage: emptyMessage(app),
      theme: theme(),
      noteKey: eq,
      rows: lastIterates(run.series).map((s) => {
        const row = rowAt(s, run.t);
        const pi = s.policies.subarray(row * n, (row + 1) * n);
        return {
          algorithm: s.algorithm,
          vsReference: winProbability(p, n, pi, app.scenario.reference),
          vsRlhf: winProbability(p, n, pi, eq.rlhfOptimum),
          vsRegularized: winProbability(p, n, pi, eq.regularized),
          vsNash: winProbability(p, n, pi, nash),
        };
      }),
    };
  }

  // ---------------------------------------------------------------- large n (n > GRID_MAX_RESPONSES)

  /**
   * How many responses the large-n views name (the top-k chart and the policy table), chosen with
   * the chart's control. A view setting, not part of the scenario: not in the URL or the undo history.
   */
  const topKStore = createStore<{ k: number; epsilon: number }>(() => ({
    k: TOP_K_DEFAULT,
    epsilon: RACE_EPSILON_DEFAULT,
  }));

  const setTopK = (k: number): void => {
    topKStore.setState({ k: clampK(k) });
  };

  /** The race table's threshold ε (a view setting beside k, in the same store). */
  const setRaceEpsilon = (epsilon: number): void => {
    if ((RACE_EPSILONS as readonly number[]).includes(epsilon)) topKStore.setState({ epsilon });
  };

  /** One-entry cache: the chart and the table ask for the same ranking in the same frame. */
  let topKCache: { key: readonly unknown[]; indices: number[] } | null = null;

  /** The top-k responses of what is shown now (topK.ts chooseTopK), or null while no run matches. */
  function topKIndices(run: RunState, app: AppState): number[] | null {
    const n = app.scenario.preferences.length;
    if (run.n !== n) return null;
    const k = topKStore.getState().k;
    const eq = run.equilibria;
    const key = [trajectories(run), run.frame, run.t, eq, k, n];
    if (topKCache && topKCache.key.every((v, i) => v === key[i])) return topKCache.indices;
    const indices = chooseTopK(n, lastIterates(run.series), run.t, [eq?.regularized, eq?.nash, eq?.rlhfOptimum], k);
    topKCache = { key, indices };
    return indices;
  }

  function topKProps(run: RunState, app: AppState): TopKProps | null {
    const indices = topKIndices(run, app);
    if (!indices) return null;
    // Lecture mode: the top-k view is the main figure and fills the height its CSS gives it.
    return {
      n: run.n,
      labels: app.scenario.labels,
      series: lastIterates(trajectories(run)),
      t: run.t,
      indices,
      emptyMessage: emptyMessage(app),
      theme: theme(),
      fit: ui.getState().lecture,
    };
  }

  function equilibriumBarsProps(run: RunState, app: AppState): EquilibriumBarsProps | null {
    const n = app.scenario.preferences.length;
    const eq = run.n === n ? run.equilibria : null;
    const set = nashSetShown(app);
    return {
      n,
      labels: app.scenario.labels,
      tau: app.scenario.tau,
      regularized: eq?.regularized ?? null,
      nash: eq && drawnNash(eq, app),
      rlhfOptimum: eq?.rlhfOptimum ?? null,
      // The worker's Nash set once it has answered (any n), else what the equilibria carry (n ≤ 40).
      nashLow: set ? (set.unique ? null : set.low) : (eq?.nashLow ?? null),
      nashHigh: set ? (set.unique ? null : set.high) : (eq?.nashHigh ?? null),
      nashDrawn: eq && drawnNash(eq, app) !== eq.nash ? 'limit' : 'vertex',
      // With feedback: the true P's targets beside the learned ones.
      truth: eq?.truth ?? null,
      theme: theme(),
    };
  }

  const policyTableMemo = memoLast<PolicyTableProps>();
  const unavailableLast = memoLast<ReturnType<typeof unavailableShown>>();
  /** The same list object while the inputs it depends on are the same (the memo compares by identity). */
  const unavailableMemo = (s: AppState['scenario']) =>
    unavailableLast([s.algorithms, s.tau, s.eta, s.schedule, s.preferences.length, s.comparisons, s.counts], () =>
      unavailableShown(s),
    );

  /** The "Current policies" table: every response up to GRID_MAX_RESPONSES, the top k and "other" above. */
  function policyTableProps(run: RunState, app: AppState): PolicyTableProps {
    const n = app.scenario.preferences.length;
    const top = isLargeN(n) ? (topKIndices(run, app) ?? []) : undefined;
    return policyTableMemo(
      [trajectories(run), run.n, run.t, app.scenario.labels, top, unavailableMemo(app.scenario)],
      () => computePolicyTable(run, app, top),
    );
  }

  function computePolicyTable(run: RunState, app: AppState, top: number[] | undefined): PolicyTableProps {
    const n = app.scenario.preferences.length;
    const matches = run.n === n;
    return {
      labels: app.scenario.labels,
      rows: matches
        ? rowSeries(run.series).map((s) => ({
            algorithm: s.algorithm,
            average: s.average,
            ...(s.bundle ? { bundle: s.bundle, seeds: s.seeds } : {}),
            policy: policyAt(s, run.n, run.t),
          }))
        : [],
      t: run.t,
      top,
      unavailable: unavailableMemo(app.scenario),
    };
  }

  // ---------------------------------------------------------------- the race

  /**
   * e_0 of every stored row of a run, extended as rows are appended (rows never change in place;
   * a new run brings new arrays). Keyed by the policies buffer, and recomputed for another P.
   */
  const raceValues = new WeakMap<Float64Array, { p: unknown; values: Float64Array; done: number }>();

  /** Above this many multiply-adds per series the first-below-ε scan is not made (large n, long run). */
  const RACE_SCAN_BUDGET = 5e7;

  function exploitabilityZeroSeries(
    s: SeriesData,
    n: number,
    p: Float64Array,
    key: unknown,
    lastRow: number,
  ): Float64Array | null {
    if ((lastRow + 1) * n * n > RACE_SCAN_BUDGET) return null;
    const known = raceValues.get(s.policies);
    let entry = known && known.p === key ? known : { p: key, values: new Float64Array(0), done: 0 };
    if (entry.values.length < lastRow + 1) {
      // Grows by doubling while playing, keeping the rows already computed.
      const values = new Float64Array(Math.max(lastRow + 1, entry.values.length * 2));
      values.set(entry.values.subarray(0, entry.done));
      entry = { p: key, values, done: entry.done };
    }
    raceValues.set(s.policies, entry);
    if (entry.done < lastRow + 1) {
      exploitabilityZeroRows(p, n, s.policies, entry.done, lastRow + 1, entry.values);
      entry.done = lastRow + 1;
    }
    return entry.values;
  }

  /**
   * The β sweep's props: the controller's state and the theme (the host compares props field by
   * field, so a fresh object of the same two fields is not redrawn).
   */
  function betaSweepProps(): BetaSweepProps | null {
    const sweep = ui.getState().betaSweep;
    return sweep && { sweep, theme: theme() };
  }

  const raceMemo = memoLast<RaceProps | null>();

  /** The race: e_0 of the last and of the average iterate, KL to π*_τ, and the first t with e_0 < ε. */
  function raceProps(run: RunState, app: AppState): RaceProps | null {
    if (run.metricsPending) return null;
    const s = app.scenario;
    const epsilon = topKStore.getState().epsilon;
    return raceMemo(
      [metricSeries(run), run.n, run.t, s.preferences, epsilon, run.equilibria, s.eta, s.tau, s.schedule, theme()],
      () => computeRace(run, app, epsilon),
    );
  }

  function computeRace(run: RunState, app: AppState, epsilon: number): RaceProps | null {
    const s = app.scenario;
    const n = s.preferences.length;
    if (run.n !== n) return null;
    const p = Float64Array.from(s.preferences.flat());
    const win = new Float64Array(n);
    const thinned = run.series.some((x) => x.times !== undefined);
    // With `average` on, the worker sends each run's π̄_t (exact on a thinned history too);
    // otherwise it is summed here from the rows, which needs every iteration.
    const averages = new Map(run.series.filter((x) => x.average).map((x) => [x.algorithm, x]));
    const averageE0 = (x: SeriesData, row: number): number | null => {
      const a = averages.get(x.algorithm);
      if (a) return exploitabilityZero(p, n, a.policies, rowAt(a, run.t) * n, win);
      return thinned ? null : exploitabilityZero(p, n, averageIterate(x.policies, n, row), 0, win);
    };
    const rows = lastIterates(run.series).map((x) => {
      const row = rowAt(x, run.t);
      const values = exploitabilityZeroSeries(x, n, p, s.preferences, row);
      return {
        algorithm: x.algorithm,
        t: timeAt(x, row),
        last: exploitabilityZero(p, n, x.policies, row * n, win),
        average: averageE0(x, row),
        kl: x.kl[row],
        firstBelow: values ? firstBelow(values, row, epsilon, (r) => timeAt(x, r)) : undefined,
        values,
        times: x.times ?? null,
        rows: row + 1,
      };
    });
    const fixed = run.equilibria?.nashMdFixedPoint ?? null;
    const star = run.equilibria?.regularized;
    const apart =
      fixed !== null && star !== undefined && fixed.some((v, i) => Math.abs(v - star[i]) > FIXED_POINT_APART);
    return {
      rows,
      t: run.t,
      epsilon,
      averageShown: !thinned || averages.size > 0,
      fixedPointShown: apart && s.algorithms.includes('nash-md'),
      emptyMessage: emptyMessage(app),
      theme: theme(),
    };
  }

  const feedbackMemo = memoLast<FeedbackInputs | null>();
  /**
   * With feedback: what the feedback figures read (the truth panel and the sample-size curve build
   * their props from it in their own lazily loaded modules, components/feedbackFigures.ts); else null.
   */
  function feedbackInputs(run: RunState, app: AppState): FeedbackInputs | null {
    const s = app.scenario;
    if ((s.feedback ?? null) === null) return null;
    const series = rowSeries(trajectories(run));
    const curve = ui.getState().sampleSize ?? null;
    const data = run.feedback ?? null;
    return feedbackMemo([series, run.t, run.n, run.equilibria, data, s, curve, theme()], () => ({
      scenario: s,
      series,
      n: run.n,
      t: run.t,
      equilibria: run.equilibria,
      data,
      curve,
      theme: theme(),
    }));
  }

  return {
    feedbackInputs,
    drawnNash,
    nashSetShown,
    simplexProps,
    convergenceProps,
    timeSeriesProps,
    winRateProps,
    topKStore,
    setTopK,
    setRaceEpsilon,
    raceProps,
    topKIndices,
    topKProps,
    equilibriumBarsProps,
    policyTableProps,
    betaSweepProps,
  };
}
