/** Composition: the page layout (and pausing the animation while the figure is off screen). */
import { Suspense, useEffect, useRef, type ComponentType } from 'react';
import { Caption } from './Caption.tsx';
import { StagePanels } from './LectureTools.tsx';
import { InfoTip } from './InfoTip.tsx';
import { FigureHost } from './FigureHost.tsx';
import { Messages } from './Messages.tsx';
import { NashNote } from './NashNote.tsx';
import { TransportBar } from './TransportBar.tsx';
import type { SimulationController } from '../state/controller.ts';
import { useAppStore, useExplorer, useView } from '../explorer/context.tsx';
import { FIGURES, figureShown, type FigureId } from '../explorer/figureManifest.ts';

/** The page's header and inputs panel, when the page supplies them (see App). */
export interface Chrome {
  Header: ComponentType<{ embed: boolean }>;
  Controls: ComponentType;
}

/** Pauses the Play loop while the figure is off screen (an embed scrolled away), resumes after. */
function usePauseOffscreen(controller: SimulationController) {
  const stage = useRef<HTMLElement>(null);
  useEffect(() => {
    const el = stage.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) =>
      controller.setVisible(entries[entries.length - 1].isIntersecting),
    );
    observer.observe(el);
    return () => {
      observer.disconnect();
      controller.setVisible(true);
    };
  }, [controller]);
  return stage;
}

/**
 * Embed mode: fits the figure to a fixed frame and reports the page's height to the host (its
 * code loads only in embed mode).
 */
function useEmbedFit(embed: boolean, frameId: string | undefined) {
  const app = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = app.current;
    if (!embed || !element || typeof ResizeObserver === 'undefined') return;
    let stop: (() => void) | null = null;
    let live = true;
    void import('../embed/frameFit.ts').then((m) => {
      if (live) stop = m.startEmbedFit(element, frameId);
    });
    return () => {
      live = false;
      stop?.();
    };
  }, [embed, frameId]);
  return app;
}

/**
 * Which manifest figures this explorer shows now: those that exist for n, not hidden by `hide=`,
 * and, when the explorer was given a `figures` list, only those.
 */
function useShownFigures(): ReadonlySet<FigureId> {
  const { options } = useExplorer();
  const n = useAppStore((s) => s.scenario.preferences.length);
  const algorithms = useAppStore((s) => s.scenario.algorithms);
  const hide = useView((v) => v.hide);
  const feedback = useAppStore((s) => (s.scenario.feedback ?? null) !== null);
  return new Set(
    FIGURES.filter(
      (f) => figureShown(f, n, algorithms, options.figures, feedback) && !(f.hiddenBy && hide.has(f.hiddenBy)),
    ).map((f) => f.id),
  );
}

/** A stage figure in its own Suspense boundary (its renderer may load on demand). */
function StageFigure({ id }: { id: FigureId }) {
  return (
    <Suspense
      fallback={
        id === 'simplex' ? (
          <div className="figure simplex-figure" />
        ) : (
          <p className="figure-loading">
            {FIGURES.find((f) => f.id === id)?.feedbackOnly ? 'Loading…' : 'Loading the views for more responses…'}
          </p>
        )
      }
    >
      <FigureHost id={id} />
    </Suspense>
  );
}

/**
 * The explorer's layout. `chrome`: the header and the inputs panel. The main page passes the
 * modules themselves (part of its first render: nothing shifts when they arrive); embedded
 * explorers pass lazy ones (mount.tsx: chunks loaded beside the first figure, never by an
 * explorer limited to some figures).
 */
export function App({ chrome }: { chrome: Chrome }) {
  const { Header: AppHeader, Controls: ControlsPanel } = chrome;
  const { controller, options } = useExplorer();
  const stage = usePauseOffscreen(controller);
  const shown = useShownFigures();
  const embed = useView((v) => v.embed);
  // An explorer limited to some figures (an inline figure in a blog post) is chrome-free.
  const figureOnly = options.figures !== undefined;
  const frameId = useView((v) => v.frame);
  const appRef = useEmbedFit(embed, frameId);
  const measurements = ['convergence', 'win-rates', 'policy-table'].some((id) => shown.has(id as FigureId));
  const transport = (
    <footer className="transport-bar">
      <TransportBar />
      <Caption />
    </footer>
  );
  return (
    // data-embed (not a class): lecture mode toggles classes on this element from outside React.
    <div
      className="app"
      data-embed={embed || undefined}
      data-figures={figureOnly ? options.figures?.join(' ') : undefined}
      data-theme={options.theme ?? undefined}
      ref={appRef}
    >
      {!figureOnly && (
        <Suspense fallback={<header className="app-header" />}>
          <AppHeader embed={embed} />
        </Suspense>
      )}
      <Messages />
      <div className="layout">
        {!figureOnly && (
          <Suspense fallback={<aside className="panel controls" aria-label="Inputs" aria-busy="true" />}>
            <ControlsPanel />
          </Suspense>
        )}
        <main className="stage" aria-label="Figures" ref={stage}>
          {shown.has('simplex') && <StageFigure id="simplex" />}
          {/* An embed keeps Play and the timeline right under the figure, in the flow: a sticky
              bar at the frame's bottom covered the figure's labels and legend. */}
          {(embed || figureOnly) && transport}
          {!figureOnly && <NashNote />}
          {/* n > 3: the simplex sums responses into corners, so the views below show each response.
              Up to GRID_MAX_RESPONSES one small panel each; above, the top k and "other". */}
          {FIGURES.filter((f) => f.place === 'stage' && f.id !== 'simplex' && shown.has(f.id)).map((f) => (
            <StageFigure key={f.id} id={f.id} />
          ))}
          <StagePanels />
        </main>
        {measurements && (
          <aside className="panel side" aria-label="Measurements">
            {shown.has('convergence') && (
              <div className="label-with-info">
                <h2>Convergence</h2>
                <InfoTip about="the convergence plot">
                  KL(π*τ ‖ πₜ) is how far each policy is from the regularised Nash π*τ and exploitability how much a
                  best response gains against it; with the Theorem 1 step the dashed “Theorem 1 bound” is the paper’s
                  guaranteed rate for Nash-MD.
                </InfoTip>
              </div>
            )}
            {/* Placeholders of the figures' own size, so nothing moves when they arrive. */}
            {shown.has('convergence') && (
              <Suspense fallback={<div className="figure convergence-figure" />}>
                <FigureHost id="convergence" />
              </Suspense>
            )}
            {(shown.has('win-rates') || shown.has('policy-table')) && <h2>Win rates at t</h2>}
            <Suspense fallback={<div className="figure winrate-figure" />}>
              {shown.has('win-rates') && <FigureHost id="win-rates" />}
              {shown.has('policy-table') && <FigureHost id="policy-table" />}
            </Suspense>
            {shown.has('race') && (
              <section className="race-section" aria-labelledby="race-heading">
                <h2 id="race-heading">The race</h2>
                <Suspense fallback={<div className="figure race-figure" />}>
                  <FigureHost id="race" />
                </Suspense>
              </section>
            )}
          </aside>
        )}
      </div>
      {!embed && !figureOnly && transport}
    </div>
  );
}
