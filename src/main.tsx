import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App.tsx';
import { SimulationController } from './state/controller.ts';
import './styles.css';

// One controller (and worker) per page, created outside React so StrictMode's double effects
// cannot start two workers. It reads the URL hash before the first computation.
const controller = new SimulationController();

// Test hooks for fault injection, only when the page is opened with ?debug.
if (new URLSearchParams(window.location.search).has('debug')) {
  (window as unknown as { nashmdDebug: SimulationController['debug'] }).nashmdDebug = controller.debug;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App controller={controller} />
  </StrictMode>,
);
