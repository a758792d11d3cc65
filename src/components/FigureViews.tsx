/** Thin React hosts for the D3 renderers: each owns one element and nothing inside it. */
import { useId, useMemo } from 'react';
import { useStore } from 'zustand';
import { appStore, type AppState } from '../state/appStore.ts';
import { runStore, type RunState } from '../state/runStore.ts';
import { createConvergencePlot } from '../viz/convergencePlot.ts';
import { createEquilibriumBars } from '../viz/equilibriumBars.ts';
import { createPolicyTable } from '../viz/policyTable.ts';
import { createSimplexPlot } from '../viz/simplexPlot.ts';
import { createTimeSeriesPlot } from '../viz/timeSeriesPlot.ts';
import { TOP_K_MAX, TOP_K_MIN } from '../viz/topK.ts';
import { createTopKPlot } from '../viz/topKPlot.ts';
import type { Renderer, SimplexOptions } from '../viz/types.ts';
import { createWinRatePlot } from '../viz/winRatePlot.ts';
import { useRendererHost } from './useRendererHost.ts';
import { convergenceProps, equilibriumBarsProps, policyTableProps, setTopK, simplexProps, timeSeriesProps, topKProps, topKStore, winRateProps } from './views.ts';
import './largeViews.css';

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

/**
 * A renderer factory that also redraws when k changes: useRendererHost watches the run, app and
 * ui stores only, and k lives in its own store (views.ts topKStore). Module-level, so the factory
 * keeps its identity and the host does not re-create the renderer.
 */
function redrawOnK<Props, Options>(create: (element: HTMLElement, options: Options) => Renderer<Props>, select: (run: RunState, app: AppState) => Props | null) {
  return (element: HTMLElement, options: Options): Renderer<Props> => {
    const renderer = create(element, options);
    const unsubscribe = topKStore.subscribe(() => {
      const props = select(runStore.getState(), appStore.getState());
      if (props) renderer.update(props);
    });
    return {
      ...renderer,
      destroy() {
        unsubscribe();
        renderer.destroy();
      },
    };
  };
}

const createTopKHost = redrawOnK(createTopKPlot, topKProps);
const createPolicyTableHost = redrawOnK(createPolicyTable, policyTableProps);

export function PolicyTableView() {
  const ref = useRendererHost(createPolicyTableHost, undefined as never, policyTableProps);
  return <div ref={ref} className="policy-table-host" />;
}

const K_CHOICES = Array.from({ length: TOP_K_MAX - TOP_K_MIN + 1 }, (_, i) => TOP_K_MIN + i);

/** Large n: the top-k responses over time (replaces the small multiples), with the k control. */
export function TopKView() {
  const k = useStore(topKStore, (s) => s.k);
  const titleId = useId();
  const ref = useRendererHost(createTopKHost, {}, topKProps, 'topk');
  return (
    <section className="large-view" aria-labelledby={titleId}>
      <div className="large-view-head">
        <h2 id={titleId}>Top responses over time</h2>
        <label>
          Show top{' '}
          <select value={k} onChange={(e) => setTopK(Number(e.target.value))}>
            {K_CHOICES.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>{' '}
          by largest probability reached
        </label>
      </div>
      <div ref={ref} className="figure topk-figure" data-testid="topk" />
    </section>
  );
}

/** π*_τ, the Nash of P and the RLHF optimum side by side, per response (n > 3). */
export function EquilibriumBarsView() {
  const titleId = useId();
  const ref = useRendererHost(createEquilibriumBars, {}, equilibriumBarsProps, 'equilibria');
  return (
    <section className="large-view" aria-labelledby={titleId}>
      <div className="large-view-head">
        <h2 id={titleId}>Where the runs are heading: the equilibria</h2>
      </div>
      <div ref={ref} className="figure equilibria-figure" data-testid="equilibrium-bars" />
    </section>
  );
}
