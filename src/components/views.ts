/**
 * Selectors from the stores to each renderer's props: pure functions, shared by the views.
 */
import { winProbability } from '../core/metrics.ts';
import { rowAt } from '../viz/seriesRows.ts';
import type { AppState } from '../state/appStore.ts';
import type { RunState } from '../state/runStore.ts';
import { uiStore } from '../state/uiStore.ts';
import { DEFAULT_THEME, LECTURE_THEME, type ConvergenceProps, type FigureTheme, type SimplexProps, type TimeSeriesProps, type WinRateProps } from '../viz/types.ts';

/** The figure theme of the current presentation mode. */
function theme(): FigureTheme {
  return uiStore.getState().lecture ? LECTURE_THEME : DEFAULT_THEME;
}

export function simplexProps(run: RunState, app: AppState): SimplexProps {
  const s = app.scenario;
  const n = s.preferences.length;
  const eq = run.n === n ? run.equilibria : null;
  return {
    n,
    labels: s.labels,
    corners: s.corners,
    series: run.n === n ? run.series : [],
    t: run.t,
    reference: s.reference,
    initial: s.initial,
    regularized: eq?.regularized ?? null,
    nash: eq?.nash ?? null,
    rlhfOptimum: eq?.rlhfOptimum ?? null,
    regularizedPath: eq?.regularizedPath ?? null,
    rlhfPath: eq?.rlhfPath ?? null,
    draggable: n === 3 && s.corners.every((g) => g.length === 1),
    theme: theme(),
  };
}

/** The designed empty state of the charts: nothing ticked, or still computing. */
function emptyMessage(app: AppState): string {
  return app.scenario.algorithms.length === 0 ? 'No algorithm is shown: tick one under “Show”.' : 'Computing…';
}

export function convergenceProps(run: RunState, app: AppState): ConvergenceProps {
  return { series: run.series, t: run.t, tau: app.scenario.tau, theoremBound: app.scenario.schedule === 'theorem', emptyMessage: emptyMessage(app), theme: theme() };
}

export function timeSeriesProps(run: RunState, app: AppState): TimeSeriesProps | null {
  const n = app.scenario.preferences.length;
  if (run.n !== n) return null;
  return { n, labels: app.scenario.labels, series: run.series, t: run.t, emptyMessage: emptyMessage(app), theme: theme() };
}

/** P(π_t ≻ μ), P(π_t ≻ π_RLHF), P(π_t ≻ π*_τ) for each algorithm at the current t. */
export function winRateProps(run: RunState, app: AppState): WinRateProps | null {
  const eq = run.equilibria;
  const n = run.n;
  if (!eq || n !== app.scenario.preferences.length) return null;
  const p = app.scenario.preferences.flat();
  return {
    emptyMessage: emptyMessage(app),
    theme: theme(),
    rows: run.series.map((s) => {
      const row = rowAt(s, run.t);
      const pi = s.policies.subarray(row * n, (row + 1) * n);
      return {
        algorithm: s.algorithm,
        vsReference: winProbability(p, n, pi, app.scenario.reference),
        vsRlhf: winProbability(p, n, pi, eq.rlhfOptimum),
        vsRegularized: winProbability(p, n, pi, eq.regularized),
      };
    }),
  };
}
