/**
 * Guided stories: pick one, then click through its steps; each step changes the scenario (through
 * the store's actions) and says what to look at. Opened by the "Stories" button in the header.
 */
import { useEffect, useRef, type RefObject } from 'react';
import { richLabel } from './ExplanationsBody.tsx';
import { STORIES, applyStoryStep, storyById } from '../state/stories.ts';

import type { Explorer } from '../explorer/explorer.ts';
import { useExplorer, useUiStore } from '../explorer/context.tsx';

export const STORIES_ID = 'guided-stories';

/** Stage width from which the story sits beside the figure instead of above it. */
const SIDE_BY_SIDE_MIN = 860;

function show(explorer: Explorer, id: string, step: number) {
  const story = storyById(id);
  if (!story) return;
  const ui = explorer.ui.getState();
  // Starting a story on a projector: make room for it beside the figure.
  if (!ui.story && ui.lecture) ui.setHideInputs(true);
  ui.setStory({ id, step });
  applyStoryStep(explorer.actions, story, step);
}

/** While the panel is shown, lays the stage out with the story beside the figure when it is wide. */
function useStageLayout(panel: RefObject<HTMLElement | null>, open: boolean) {
  useEffect(() => {
    const stage = panel.current?.parentElement;
    if (!open || !stage) return;
    const observer = new ResizeObserver(() =>
      stage.classList.toggle('stage--story-side', stage.clientWidth >= SIDE_BY_SIDE_MIN),
    );
    observer.observe(stage);
    return () => {
      observer.disconnect();
      stage.classList.remove('stage--story-side');
    };
  }, [panel, open]);
}

export function Stories() {
  const explorer = useExplorer();
  const { ui: uiStore } = explorer;
  const open = useUiStore((s) => s.storiesOpen);
  const position = useUiStore((s) => s.story);
  const panel = useRef<HTMLElement>(null);
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const listHeading = useRef<HTMLHeadingElement>(null);
  const story = position ? storyById(position.id) : undefined;
  useStageLayout(panel, open);

  // The keyboard's story keys (→ / ←, a clicker's Page Down / Page Up) step the story shown.
  const storyId = story?.id;
  const stepCount = story?.steps.length ?? 0;
  const k0 = position?.step ?? 0;
  useEffect(() => {
    if (!open || !storyId) return;
    const slot = explorer.storyStepper;
    slot.set({
      next: () => k0 < stepCount - 1 && show(explorer, storyId, k0 + 1),
      previous: () => k0 > 0 && show(explorer, storyId, k0 - 1),
    });
    return () => slot.set(null);
  }, [explorer, open, storyId, k0, stepCount]);

  // Opening the panel (from the header) or choosing a story moves focus into it.
  useEffect(() => {
    if (!open) return;
    const target = story ? stepHeading.current : listHeading.current;
    target?.focus({ preventScroll: true });
    // Scroll only if the panel's start is off screen (the figure should stay in view).
    const top = panel.current?.getBoundingClientRect().top ?? 0;
    if (top < 0 || top > window.innerHeight - 120) panel.current?.scrollIntoView({ block: 'start' });
  }, [open, story]);

  if (!open) return null;
  const close = () => {
    uiStore.getState().setStoriesOpen(false);
    // The header's Stories button of this explorer (ids are per document or shadow root).
    (panel.current?.getRootNode() as Document | ShadowRoot | undefined)?.getElementById?.('stories-button')?.focus();
  };

  if (!story || !position) {
    return (
      <section ref={panel} id={STORIES_ID} className="stories-panel" aria-labelledby={`${STORIES_ID}-title`}>
        <div className="stories-head">
          <h2 id={`${STORIES_ID}-title`} ref={listHeading} tabIndex={-1}>
            Guided stories
          </h2>
          <button type="button" className="stories-close" onClick={close}>
            Close
          </button>
        </div>
        <p className="stories-intro">Each story loads a preset and walks you through it in a few steps.</p>
        <ul className="story-list">
          {STORIES.map((s) => (
            <li key={s.id}>
              <button type="button" onClick={() => show(explorer, s.id, 0)}>
                {s.title} <span className="story-length">· {s.steps.length} steps</span>
              </button>
            </li>
          ))}
        </ul>
      </section>
    );
  }

  const k = position.step;
  const n = story.steps.length;
  const step = story.steps[k];
  const last = k === n - 1;
  return (
    <section ref={panel} id={STORIES_ID} className="stories-panel" aria-labelledby={`${STORIES_ID}-title`}>
      <div className="stories-head">
        <h2 id={`${STORIES_ID}-title`}>{story.title}</h2>
        <button type="button" className="stories-close" onClick={() => uiStore.getState().setStory(null)}>
          All stories
        </button>
        <button type="button" className="stories-close" onClick={close}>
          Close
        </button>
      </div>
      <div className="story-nav">
        <button type="button" aria-disabled={k === 0} onClick={() => k > 0 && show(explorer, story.id, k - 1)}>
          ← Back
        </button>
        <span className="story-progress" aria-hidden="true">
          {k + 1} / {n}
        </span>
        <button
          type="button"
          className="primary"
          onClick={() => (last ? uiStore.getState().setStory(null) : show(explorer, story.id, k + 1))}
        >
          {last ? 'Done' : 'Next →'}
        </button>
      </div>
      <div className="story-step" aria-live="polite">
        <h3 ref={stepHeading} tabIndex={-1}>
          <span className="visually-hidden">
            Step {k + 1} of {n}:{' '}
          </span>
          {richLabel(step.title)}
        </h3>
        <p data-testid="story-text">{richLabel(step.text)}</p>
      </div>
    </section>
  );
}
