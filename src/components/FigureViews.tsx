/**
 * The simplex's thin React host (it owns its element and nothing inside it). The measurements'
 * hosts are in MeasurementViews.tsx, loaded after the first render.
 */
import { useMemo } from 'react';
import { appStore } from '../state/appStore.ts';
import { createSimplexPlot } from '../viz/simplexPlot.ts';
import type { SimplexOptions } from '../viz/types.ts';
import { useRendererHost } from './useRendererHost.ts';
import { simplexProps } from './views.ts';

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
