/**
 * Mounts one explorer (its stores, controller and worker) with the whole app into an element and
 * returns its handle. The library entry and the `<nash-md-explorer>` element use this; the main
 * page (main.tsx) is one explorer with the page-level couplings on.
 */
import { StrictMode, lazy } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { App, type Chrome } from '../components/App.tsx';
import { ExplorerProvider } from './context.tsx';
import { createExplorer, type Explorer } from './explorer.ts';
import { Handle } from './handle.ts';
import type { ExplorerHandle, ExplorerOptions } from './types.ts';

// The header and the inputs load beside the first figure, not before it; an explorer limited to
// some figures never loads them.
const lazyChrome: Chrome = {
  Header: lazy(() => import('../components/AppHeader.tsx')),
  Controls: lazy(() => import('../components/ControlsPanel.tsx').then((m) => ({ default: m.ControlsPanel }))),
};

/** Renders `explorer`'s app into `container`; returns the function that unmounts it. */
export function render(container: Element | DocumentFragment, explorer: Explorer): () => void {
  const root = createRoot(container);
  root.render(
    <StrictMode>
      <ExplorerProvider explorer={explorer}>
        <App chrome={lazyChrome} />
      </ExplorerProvider>
    </StrictMode>,
  );
  return () => root.unmount();
}

/** A new explorer in `container`, with the page-level couplings only where `options` ask. */
export function mount(container: Element | DocumentFragment, options: ExplorerOptions = {}): ExplorerHandle {
  const explorer = createExplorer(options, flushSync);
  return new Handle(explorer, render(container, explorer));
}
