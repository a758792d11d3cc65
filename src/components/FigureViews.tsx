/** Thin React hosts for the D3 renderers: each owns one element and nothing inside it. */
import { useMemo } from 'react';
import { appStore, type AppState } from '../state/appStore.ts';
import { appView } from '../state/appView.ts';
import { runStore, type RunState } from '../state/runStore.ts';
import { createConvergencePlot } from '../viz/convergencePlot.ts';
import { createPolicyTable } from '../viz/policyTable.ts';
import { createSimplexPlot } from '../viz/simplexPlot.ts';
import type { Renderer, SimplexOptions } from '../viz/types.ts';
import { createWinRatePlot } from '../viz/winRatePlot.ts';
import { useRendererHost } from './useRendererHost.ts';
import { convergenceProps, policyTableProps, simplexProps, topKStore, winRateProps } from './views.ts';

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
  const ref = useRendererHost(createConvergencePlot, {}, convergenceProps, 'convergence', 'secondary');
  return <div ref={ref} className="figure convergence-figure" data-testid="convergence" />;
}

export function WinRateView() {
  const ref = useRendererHost(createWinRatePlot, {}, winRateProps, undefined, 'secondary');
  return <div ref={ref} className="figure winrate-figure" data-testid="winrates" />;
}


/**
 * A renderer factory that also redraws when k changes: useRendererHost watches the run, app and
 * ui stores only, and k lives in its own store (views.ts topKStore). Module-level, so the factory
 * keeps its identity and the host does not re-create the renderer.
 */
export function redrawOnK<Props, Options>(create: (element: HTMLElement, options: Options) => Renderer<Props>, select: (run: RunState, app: AppState) => Props | null) {
  return (element: HTMLElement, options: Options): Renderer<Props> => {
    const renderer = create(element, options);
    const unsubscribe = topKStore.subscribe(() => {
      const props = select(runStore.getState(), appView.getState());
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

const createPolicyTableHost = redrawOnK(createPolicyTable, policyTableProps);

export function PolicyTableView() {
  const ref = useRendererHost(createPolicyTableHost, undefined as never, policyTableProps);
  return <div ref={ref} className="policy-table-host" />;
}
