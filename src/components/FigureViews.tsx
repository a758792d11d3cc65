/** Thin React hosts for the D3 renderers: each owns one element and nothing inside it. */
import { useMemo } from 'react';
import { appStore } from '../state/appStore.ts';
import { policyAt } from '../state/runStore.ts';
import { createConvergencePlot } from '../viz/convergencePlot.ts';
import { createPolicyTable } from '../viz/policyTable.ts';
import { createSimplexPlot } from '../viz/simplexPlot.ts';
import { createTimeSeriesPlot } from '../viz/timeSeriesPlot.ts';
import type { SimplexOptions } from '../viz/types.ts';
import { createWinRatePlot } from '../viz/winRatePlot.ts';
import { useRendererHost } from './useRendererHost.ts';
import { convergenceProps, simplexProps, timeSeriesProps, winRateProps } from './views.ts';

/** Rounds a dragged policy to 4 decimals (readable links) keeping the sum at 1. */
function tidy(policy: number[]): number[] {
  const r = policy.map((x) => Math.max(1e-4, Math.round(x * 1e4) / 1e4));
  const s = r.reduce((a, b) => a + b, 0);
  return r.map((x) => x / s);
}

export function SimplexView() {
  const options = useMemo<SimplexOptions>(
    () => ({
      onDrag(which, policy) {
        const app = appStore.getState();
        if (which === 'reference') app.setReference(tidy(policy));
        else app.setInitial(tidy(policy));
      },
    }),
    [],
  );
  const ref = useRendererHost(createSimplexPlot, options, simplexProps, 'simplex');
  return <div ref={ref} className="figure simplex-figure" data-testid="simplex" />;
}

export function ConvergenceView() {
  const ref = useRendererHost(createConvergencePlot, {}, convergenceProps, 'convergence');
  return <div ref={ref} className="figure convergence-figure" data-testid="convergence" />;
}

export function WinRateView() {
  const ref = useRendererHost(createWinRatePlot, {}, winRateProps);
  return <div ref={ref} className="figure winrate-figure" data-testid="winrates" />;
}

export function TimeSeriesView() {
  const ref = useRendererHost(createTimeSeriesPlot, {}, timeSeriesProps);
  return <div ref={ref} className="figure timeseries-figure" data-testid="timeseries" />;
}

export function PolicyTableView() {
  const ref = useRendererHost(createPolicyTable, undefined as never, (run, app) => ({
    labels: app.scenario.labels,
    rows: run.n === app.scenario.preferences.length ? run.series.map((s) => ({ algorithm: s.algorithm, policy: policyAt(s, run.n, run.t) })) : [],
    t: run.t,
  }));
  return <div ref={ref} className="policy-table-host" />;
}
