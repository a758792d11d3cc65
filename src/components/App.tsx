/** Composition: the page layout (and pausing the animation while the figure is off screen). */
import { Suspense, lazy, useEffect, useRef } from 'react';
import { Caption } from './Caption.tsx';
import { ExportMenu } from './ExportMenu.tsx';
import { FullscreenButton, LectureTools, StagePanels } from './LectureTools.tsx';
import { MoreTools } from './MoreTools.tsx';
import { ShareButton } from './ShareButton.tsx';
import { UndoRedo } from './UndoRedo.tsx';
import { ControlsPanel } from './ControlsPanel.tsx';
import { InfoTip } from './InfoTip.tsx';
import { SimplexView } from './FigureViews.tsx';
// The measurements draw right after the simplex anyway: their code loads after the first render.
const ConvergenceView = lazy(() => import('./MeasurementViews.tsx').then((m) => ({ default: m.ConvergenceView })));
const WinRateView = lazy(() => import('./MeasurementViews.tsx').then((m) => ({ default: m.WinRateView })));
const PolicyTableView = lazy(() => import('./MeasurementViews.tsx').then((m) => ({ default: m.PolicyTableView })));

// Views of larger n load on demand: the default page (n = 3) never downloads them.
const TimeSeriesView = lazy(() => import('./LargeFigureViews.tsx').then((m) => ({ default: m.TimeSeriesView })));
const TopKView = lazy(() => import('./LargeFigureViews.tsx').then((m) => ({ default: m.TopKView })));
const EquilibriumBarsView = lazy(() => import('./LargeFigureViews.tsx').then((m) => ({ default: m.EquilibriumBarsView })));
import { Messages } from './Messages.tsx';
import { NashNote } from './NashNote.tsx';
import { TransportBar } from './TransportBar.tsx';
import type { SimulationController } from '../state/controller.ts';
import { useAppStore } from '../state/appView.ts';
import { GRID_MAX_RESPONSES } from '../state/scenario.ts';
import { useView } from '../state/viewOptions.ts';
import { useUiStore } from '../state/uiStore.ts';
import { startEmbedFit } from '../embed/frameFit.ts';

/** Pauses the Play loop while the figure is off screen (an embed scrolled away), resumes after. */
function usePauseOffscreen(controller: SimulationController) {
  const stage = useRef<HTMLElement>(null);
  useEffect(() => {
    const el = stage.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => controller.setVisible(entries[entries.length - 1].isIntersecting));
    observer.observe(el);
    return () => {
      observer.disconnect();
      controller.setVisible(true);
    };
  }, [controller]);
  return stage;
}

/** Embed mode: fits the figure to a fixed frame and reports the page's height to the host. */
function useEmbedFit(embed: boolean, frameId: string | undefined) {
  const app = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!embed || !app.current || typeof ResizeObserver === 'undefined') return;
    return startEmbedFit(app.current, frameId);
  }, [embed, frameId]);
  return app;
}

export function App({ controller }: { controller: SimulationController }) {
  const stage = usePauseOffscreen(controller);
  const n = useAppStore((s) => s.scenario.preferences.length);
  const embed = useView((v) => v.embed);
  const frameId = useView((v) => v.frame);
  const appRef = useEmbedFit(embed, frameId);
  const measurements = useView((v) => !v.hide.has('measurements'));
  const tools = useView((v) => !v.hide.has('tools'));
  const lecture = useUiStore((s) => s.lecture);
  // Lecture mode keeps the header on one row at 24 px: the tools a presenter rarely needs fold
  // into "More" (an embed folds all of them into its own "Tools" disclosure instead).
  const folded = lecture && !embed;
  const headerTools = (
    <div className="header-tools">
      <MoreTools folded={folded}>
        <UndoRedo controller={controller} />
        <ExportMenu controller={controller} />
        <ShareButton />
        {folded && <FullscreenButton />}
      </MoreTools>
      <LectureTools controller={controller} fullscreen={!folded} />
    </div>
  );
  const transport = (
    <footer className="transport-bar">
      <TransportBar controller={controller} />
      <Caption />
    </footer>
  );
  return (
    // data-embed (not a class): lecture mode toggles classes on this element from outside React.
    <div className="app" data-embed={embed || undefined} ref={appRef}>
      <header className="app-header">
        <div className="app-title">
          <h1>Nash-MD explorer</h1>
          {/* One line says what the app is at every width: the variant that fits is shown (CSS). */}
          <p className="subtitle" data-testid="tagline">
            <span className="tagline-long">
              Nash learning from human feedback (Munos et al., ICML 2024): Nash-MD, OMD and RLHF on a preference matrix you edit.
            </span>
            <span className="tagline-short">How Nash-MD, OMD and RLHF learn from human preferences</span>
            <span className="tagline-compact">Nash learning from human feedback</span>
          </p>
        </div>
        {tools && !embed && headerTools}
        {tools && embed && (
          // An embed keeps its chrome small: the tools fold into one disclosure.
          <details className="embed-tools">
            <summary>Tools</summary>
            {headerTools}
          </details>
        )}
      </header>
      <Messages />
      <div className="layout">
        <ControlsPanel />
        <main className="stage" aria-label="Figures" ref={stage}>
          <SimplexView />
          {/* An embed keeps Play and the timeline right under the figure, in the flow: a sticky
              bar at the frame's bottom covered the figure's labels and legend. */}
          {embed && transport}
          <NashNote />
          {/* n > 3: the simplex sums responses into corners, so the views below show each response.
              Up to GRID_MAX_RESPONSES one small panel each; above, the top k and "other". */}
          <Suspense fallback={<p className="figure-loading">Loading the views for more responses…</p>}>
            {n > 3 && n <= GRID_MAX_RESPONSES && <TimeSeriesView />}
            {n > GRID_MAX_RESPONSES && <TopKView />}
            {n > 3 && <EquilibriumBarsView />}
          </Suspense>
          <StagePanels controller={controller} />
        </main>
        {measurements && (
          <aside className="panel side" aria-label="Measurements">
            <div className="label-with-info">
              <h2>Convergence</h2>
              <InfoTip about="the convergence plot">
                KL(π*τ ‖ πₜ) is how far each policy is from the regularised Nash π*τ and exploitability how much a best response gains against it; with the Theorem 1 step the dashed “Theorem 1 bound” is the paper’s guaranteed rate for Nash-MD.
              </InfoTip>
            </div>
            {/* Placeholders of the figures' own size, so nothing moves when they arrive. */}
            <Suspense fallback={<div className="figure convergence-figure" />}>
              <ConvergenceView />
            </Suspense>
            <h2>Win rates at t</h2>
            <Suspense fallback={<div className="figure winrate-figure" />}>
              <WinRateView />
              <PolicyTableView />
            </Suspense>
          </aside>
        )}
      </div>
      {!embed && transport}
    </div>
  );
}
