import { StrictMode, useCallback, useState } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { App, type Chrome } from './components/App.tsx';
import AppHeader from './components/AppHeader.tsx';
import { ControlsPanel } from './components/ControlsPanel.tsx';
import { Poster } from './embed/Poster.tsx';
import { ExplorerProvider } from './explorer/context.tsx';
import { createExplorer, type Explorer } from './explorer/explorer.ts';
import { STORAGE_KEY } from './state/persistence.ts';
import { parseViewOptions } from './state/viewOptions.ts';
import './styles.css';

const debug = new URLSearchParams(window.location.search).has('debug');

// The page is one explorer with the page-level couplings on: the URL hash, autosave and keys
// anywhere on the page. Created outside React so StrictMode's double effects cannot start two
// workers; it reads the URL hash before the first computation.
let explorer: Explorer | null = null;
function startExplorer(): Explorer {
  if (!explorer) {
    explorer = createExplorer({ syncHash: true, autosave: STORAGE_KEY, globalKeys: true }, flushSync, debug);
    // Test hooks for fault injection, only when the page is opened with ?debug.
    if (debug)
      (window as unknown as { nashmdDebug: Explorer['controller']['debug'] }).nashmdDebug = explorer.controller.debug;
  }
  return explorer;
}

// The full page draws its header and inputs in its first render (embedded explorers load them
// on demand: App.tsx).
const chrome: Chrome = { Header: AppHeader, Controls: ControlsPanel };

/** An embed with a poster (embed=1&poster=FILE) starts the app only when the reader reaches it. */
function Root({ poster }: { poster: string | undefined }) {
  const [started, setStarted] = useState(!poster);
  const start = useCallback(() => setStarted(true), []);
  if (!started && poster) return <Poster src={poster} onStart={start} />;
  return (
    <ExplorerProvider explorer={startExplorer()}>
      <App chrome={chrome} />
    </ExplorerProvider>
  );
}

const view = parseViewOptions(window.location.hash).options;
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root poster={view.embed ? view.poster : undefined} />
  </StrictMode>,
);
