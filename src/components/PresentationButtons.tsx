/**
 * The header's presentation buttons (AppHeader.tsx): stories, lecture mode and its panel toggles,
 * fullscreen, help. The stage's own services (keys, help dialog, live region) are in
 * LectureTools.tsx, which every explorer loads; these come with the header.
 */
import { useSyncExternalStore } from 'react';
import { useExplorer, useUiStore } from '../explorer/context.tsx';
import { fullscreenAvailable, subscribeFullscreen, toggleFullscreen } from './fullscreen.ts';

/**
 * The Fullscreen toggle (when the browser allows it). Space on it plays / pauses (data-space-plays:
 * after a click focus stays here, and Space must not toggle the mode back); Enter activates it.
 */
export function FullscreenButton() {
  const isFullscreen = useSyncExternalStore(
    subscribeFullscreen,
    () => document.fullscreenElement !== null,
    () => false,
  );
  const canFullscreen = useSyncExternalStore(subscribeFullscreen, fullscreenAvailable, () => false);
  if (!canFullscreen) return null;
  return (
    <button
      type="button"
      className="fullscreen-button"
      aria-pressed={isFullscreen}
      data-space-plays=""
      onClick={(e) => toggleFullscreen(e.currentTarget.closest('.app') ?? document.querySelector('.app'))}
    >
      {isFullscreen ? 'Exit fullscreen' : 'Fullscreen'}
    </button>
  );
}

/**
 * The header's buttons: stories, lecture mode (and its panel toggles), fullscreen, help. The
 * presentation toggles leave Space to the shortcuts (data-space-plays); Enter activates them.
 * "What am I looking at?" is the disclosure under the figure only (one button, not two).
 */
export function LectureTools({
  fullscreen = true,
}: {
  /** Show Fullscreen here (false: it is in "More"). */ fullscreen?: boolean;
}) {
  const lecture = useUiStore((s) => s.lecture);
  const storiesOpen = useUiStore((s) => s.storiesOpen);
  const hideInputs = useUiStore((s) => s.hideInputs);
  const hideMeasurements = useUiStore((s) => s.hideMeasurements);
  const ui = useExplorer().ui.getState;

  return (
    <div className="lecture-tools" role="group" aria-label="Presentation">
      <button
        type="button"
        id="stories-button"
        aria-expanded={storiesOpen}
        onClick={() => ui().setStoriesOpen(!storiesOpen)}
      >
        Stories
      </button>
      {lecture && (
        <>
          <button
            type="button"
            aria-expanded={!hideInputs}
            data-space-plays=""
            onClick={() => ui().setHideInputs(!hideInputs)}
          >
            Inputs
          </button>
          <button
            type="button"
            aria-expanded={!hideMeasurements}
            data-space-plays=""
            onClick={() => ui().setHideMeasurements(!hideMeasurements)}
          >
            Measurements
          </button>
        </>
      )}
      <button type="button" aria-pressed={lecture} data-space-plays="" onClick={() => ui().setLecture(!lecture)}>
        Lecture mode
      </button>
      {/* In lecture mode Fullscreen sits in the header's "More" menu (the row has no room). */}
      {fullscreen && <FullscreenButton />}
      <button
        type="button"
        className="help-button"
        aria-haspopup="dialog"
        aria-label="Keyboard shortcuts (?)"
        title="Keyboard shortcuts"
        onClick={() => ui().setHelpOpen(true)}
      >
        ?
      </button>
    </div>
  );
}
