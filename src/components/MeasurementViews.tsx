/**
 * Thin React hosts for the measurements' D3 renderers (convergence, win rates, the policy table):
 * each owns one element and nothing inside it. Loaded after the first render (App.tsx), so the
 * first screen's bytes carry the simplex only; these draw right after it, as before.
 */
import { createConvergencePlot } from '../viz/convergencePlot.ts';
import { createPolicyTable } from '../viz/policyTable.ts';
import { createWinRatePlot } from '../viz/winRatePlot.ts';
import { redrawOnK } from './redrawOnK.ts';
import { useRendererHost } from './useRendererHost.ts';
import { convergenceProps, policyTableProps, winRateProps } from './views.ts';

export function ConvergenceView() {
  const ref = useRendererHost(createConvergencePlot, {}, convergenceProps, 'convergence', 'secondary');
  return <div ref={ref} className="figure convergence-figure" data-testid="convergence" />;
}

export function WinRateView() {
  const ref = useRendererHost(createWinRatePlot, {}, winRateProps, undefined, 'secondary');
  return <div ref={ref} className="figure winrate-figure" data-testid="winrates" />;
}

const createPolicyTableHost = redrawOnK(createPolicyTable, policyTableProps);

export function PolicyTableView() {
  const ref = useRendererHost(createPolicyTableHost, undefined as never, policyTableProps);
  return <div ref={ref} className="policy-table-host" />;
}
