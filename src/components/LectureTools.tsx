/**
 * Presentation tools. LectureTools: the header's buttons (stories, explanations, lecture mode with
 * its panel toggles, fullscreen, help). StagePanels, inside the stage and always rendered: the
 * stories and explanations panels, the keyboard shortcuts, the help dialog, a polite live region
 * that announces the state when the run is paused or stepped, and the lecture classes on the app
 * root (so all of this works even when the header tools are hidden).
 */
import { Suspense, lazy, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { toggleFullscreen } from './fullscreen.ts';

import type { Explorer } from '../explorer/explorer.ts';
import { policyAt } from '../state/runStore.ts';

import { unavailableSentence, unavailableShown } from '../state/availability.ts';
import { Explanations } from './Explanations.tsx';
// The stories (their text and steps) load when the panel is first opened.
const Stories = lazy(() => import('./Stories.tsx').then((m) => ({ default: m.Stories })));
import { useKeyboardShortcuts } from './useKeyboardShortcuts.ts';
import { throttle } from './throttle.ts';
import './lecture.css';
import { isSeedPath, seriesDisplayName } from '../shared/seriesRows.ts';
import { formatT } from '../shared/formatT.ts';
import { useExplorer, useUiStore } from '../explorer/context.tsx';
// The shortcut list loads the first time it is opened ("?"): it is not part of the first render.
const HelpOverlay = lazy(() => import('./HelpOverlay.tsx').then((m) => ({ default: m.HelpOverlay })));

const ANNOUNCE_INTERVAL_MS = 500;

/** One sentence for screen readers: where t is and what each algorithm's policy is. */
export function describeForAnnouncement(explorer: Explorer): string {
  const { scenario, playing } = explorer.app.getState();
  const run = explorer.run.getState();
  const head = `${playing ? 'Playing' : 'Paused'} at t = ${formatT(run.t)}.`;
  const labels = scenario.labels;
  const parts = run.series
    .filter((s) => !isSeedPath(s))
    .map((s) => {
      const p = policyAt(s, run.n, run.t);
      // The registry's full name: a screen reader reads "Extragradient (EGPO)", not "EG".
      return `${seriesDisplayName(s)}: ${p.map((x, i) => `${labels[i] ?? `y${i + 1}`} ${x.toFixed(3)}`).join(', ')}.`;
    });
  const unavailable = unavailableShown(scenario).map((u) => unavailableSentence(u.algorithm, u.reason));
  return [head, ...parts, ...unavailable].join(' ');
}

/** A visually hidden polite live region, written when the run is paused or stepped. */
function Announcer() {
  const region = useRef<HTMLDivElement>(null);
  const explorer = useExplorer();
  useEffect(() => {
    const { app: appStore, run: runStore } = explorer;
    const { schedule, cancel } = throttle(() => {
      if (region.current) region.current.textContent = describeForAnnouncement(explorer);
    }, ANNOUNCE_INTERVAL_MS);
    const unsubs = [
      appStore.subscribe((s, prev) => {
        if (prev.playing && !s.playing) schedule();
      }),
      runStore.subscribe((s, prev) => {
        // Not every frame while playing: only changes of t while paused (steps, scrubbing, reset).
        if (s.t !== prev.t && !appStore.getState().playing) schedule();
      }),
    ];
    return () => {
      cancel();
      unsubs.forEach((u) => u());
    };
  }, [explorer]);
  return <div ref={region} className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="announcer" />;
}

/**
 * Rendered in the stage, so it is there even when the header tools are hidden (hide=tools, embeds):
 * stories (above the figure, by CSS order), "What am I looking at?" (below it), the keyboard
 * shortcuts, the help dialog, the live region, and the lecture classes on the app root.
 */
export function StagePanels() {
  const lecture = useUiStore((s) => s.lecture);
  const hideInputs = useUiStore((s) => s.hideInputs);
  const hideMeasurements = useUiStore((s) => s.hideMeasurements);
  const storiesOpen = useUiStore((s) => s.storiesOpen);
  const anchor = useRef<HTMLDivElement>(null);

  // The lecture classes live on the app root so the whole page (not only these components) follows.
  useLayoutEffect(() => {
    const app = anchor.current?.closest('.app');
    if (!app) return;
    app.classList.toggle('lecture', lecture);
    app.classList.toggle('hide-inputs', lecture && hideInputs);
    app.classList.toggle('hide-measurements', lecture && hideMeasurements);
  }, [lecture, hideInputs, hideMeasurements]);

  // Lecture mode sizes the main figure to the screen between the header and the transport bar:
  // their heights (which change with wrapping and the caption's length) go to --chrome-h. The
  // header arrives in a chunk of its own (App.tsx), replacing its placeholder: the parts are
  // found again whenever the app's children change.
  useEffect(() => {
    const app = anchor.current?.closest<HTMLElement>('.app');
    if (!lecture || !app) return;
    const sizes = new ResizeObserver(() => measure());
    let parts: HTMLElement[] = [];
    const measure = () =>
      app.style.setProperty('--chrome-h', `${Math.ceil(parts.reduce((h, e) => h + e.offsetHeight, 0))}px`);
    const attach = () => {
      sizes.disconnect();
      parts = ['.app-header', '.transport-bar']
        .map((s) => app.querySelector<HTMLElement>(s))
        .filter((e): e is HTMLElement => e !== null);
      parts.forEach((e) => sizes.observe(e));
      measure();
    };
    const children = new MutationObserver(attach);
    children.observe(app, { childList: true });
    attach();
    return () => {
      children.disconnect();
      sizes.disconnect();
      app.style.removeProperty('--chrome-h');
    };
  }, [lecture]);

  const handlers = useMemo(
    () => ({ toggleFullscreen: () => toggleFullscreen(anchor.current?.closest('.app') ?? null) }),
    [],
  );
  useKeyboardShortcuts(handlers, anchor);
  // Mounted from the first opening on (then it opens and closes itself, and keeps focus handling).
  const helpOpen = useUiStore((s) => s.helpOpen);
  const [helpWanted, setHelpWanted] = useState(false);
  // Derived while rendering (React's "state from previous props" pattern): once opened, it stays.
  if (helpOpen && !helpWanted) setHelpWanted(true);

  return (
    <>
      {storiesOpen && (
        <Suspense fallback={null}>
          <Stories />
        </Suspense>
      )}
      <Explanations />
      <div ref={anchor} className="stage-services">
        {helpWanted && (
          <Suspense fallback={null}>
            <HelpOverlay />
          </Suspense>
        )}
        <Announcer />
      </div>
    </>
  );
}
