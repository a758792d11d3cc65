import { StrictMode, useCallback, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App.tsx';
import { Poster } from './embed/Poster.tsx';
import { SimulationController } from './state/controller.ts';
import { parseViewOptions } from './state/viewOptions.ts';
import './styles.css';

// One controller (and worker) per page, created outside React so StrictMode's double effects
// cannot start two workers. It reads the URL hash before the first computation.
let controller: SimulationController | null = null;
function startController(): SimulationController {
  if (!controller) {
    controller = new SimulationController();
    // Test hooks for fault injection, only when the page is opened with ?debug.
    if (new URLSearchParams(window.location.search).has('debug')) {
      (window as unknown as { nashmdDebug: SimulationController['debug'] }).nashmdDebug = controller.debug;
    }
  }
  return controller;
}

/** An embed with a poster (embed=1&poster=FILE) starts the app only when the reader reaches it. */
function Root({ poster }: { poster: string | undefined }) {
  const [started, setStarted] = useState(!poster);
  const start = useCallback(() => setStarted(true), []);
  if (!started && poster) return <Poster src={poster} onStart={start} />;
  return <App controller={startController()} />;
}

const view = parseViewOptions(window.location.hash).options;
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root poster={view.embed ? view.poster : undefined} />
  </StrictMode>,
);
