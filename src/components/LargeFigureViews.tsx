/**
 * The views for n > 3 (small multiples up to n = 12, bars of the equilibria) and n > 12 (top
 * responses over time): a separate
 * module, loaded only when such a scenario is shown, so the default page's first load stays lean.
 */
import { useId } from 'react';
import { useStore } from 'zustand';
import { createEquilibriumBars } from '../viz/equilibriumBars.ts';
import { TOP_K_MAX, TOP_K_MIN } from '../viz/topK.ts';
import { createTimeSeriesPlot } from '../viz/timeSeriesPlot.ts';
import { createTopKPlot } from '../viz/topKPlot.ts';
import { redrawOnK } from './redrawOnK.ts';
import { useRendererHost } from './useRendererHost.ts';
import { equilibriumBarsProps, setTopK, timeSeriesProps, topKProps, topKStore } from './views.ts';
import './largeViews.css';

const createTopKHost = redrawOnK(createTopKPlot, topKProps);

/** 4 ≤ n ≤ 12: one small panel of π_t(y) against t per response. */
export function TimeSeriesView() {
  const ref = useRendererHost(createTimeSeriesPlot, {}, timeSeriesProps, undefined, 'secondary');
  return <div ref={ref} className="figure timeseries-figure" data-testid="timeseries" />;
}

const K_CHOICES = Array.from({ length: TOP_K_MAX - TOP_K_MIN + 1 }, (_, i) => TOP_K_MIN + i);

/** Large n: the top-k responses over time (replaces the small multiples), with the k control. */
export function TopKView() {
  const k = useStore(topKStore, (s) => s.k);
  const titleId = useId();
  const ref = useRendererHost(createTopKHost, {}, topKProps, 'topk', 'secondary');
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
  const ref = useRendererHost(createEquilibriumBars, {}, equilibriumBarsProps, 'equilibria', 'secondary');
  return (
    <section className="large-view" aria-labelledby={titleId}>
      <div className="large-view-head">
        <h2 id={titleId}>Where the runs are heading: the equilibria</h2>
      </div>
      <div ref={ref} className="figure equilibria-figure" data-testid="equilibrium-bars" />
    </section>
  );
}
