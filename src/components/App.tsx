/** Composition only: the page layout. */
import { Caption } from './Caption.tsx';
import { ExportMenu } from './ExportMenu.tsx';
import { LectureTools } from './LectureTools.tsx';
import { ControlsPanel } from './ControlsPanel.tsx';
import { ConvergenceView, PolicyTableView, SimplexView, TimeSeriesView, WinRateView } from './FigureViews.tsx';
import { Messages } from './Messages.tsx';
import { TransportBar } from './TransportBar.tsx';
import type { SimulationController } from '../state/controller.ts';
import { useAppStore } from '../state/appStore.ts';

export function App({ controller }: { controller: SimulationController }) {
  const large = useAppStore((s) => s.scenario.preferences.length > 3);
  return (
    <div className="app">
      <header className="app-header">
        <h1>Nash-MD explorer</h1>
        <p className="subtitle">
          Nash learning from human feedback (Munos et al., ICML 2024): Nash-MD, OMD and RLHF on a preference matrix you edit.
        </p>
        <div className="header-tools">
          <ExportMenu controller={controller} />
          <LectureTools controller={controller} />
        </div>
      </header>
      <Messages />
      <div className="layout">
        <ControlsPanel />
        <main className="stage" aria-label="Figures">
          <SimplexView />
          {large && <TimeSeriesView />}
        </main>
        <aside className="panel side" aria-label="Measurements">
          <h2>Convergence</h2>
          <ConvergenceView />
          <h2>Win rates at t</h2>
          <WinRateView />
          <PolicyTableView />
        </aside>
      </div>
      <footer className="transport-bar">
        <TransportBar controller={controller} />
        <Caption />
      </footer>
    </div>
  );
}
