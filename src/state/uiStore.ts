/**
 * Presentation state that is not part of the scenario (and not in the link's scenario keys):
 * lecture mode, the help overlay, the explanations panel, the guided story and which side panels
 * are collapsed. A small zustand store of its own.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';

/** The story being told and the step shown (0-based). */
export interface StoryPosition {
  id: string;
  step: number;
}

export interface UiState {
  /** Large type and thick strokes for projection (lecture=1 in the URL). */
  lecture: boolean;
  setLecture(on: boolean): void;
  /** The keyboard-shortcut overlay. */
  helpOpen: boolean;
  setHelpOpen(open: boolean): void;
  /** The "What am I looking at?" panel. */
  explainOpen: boolean;
  setExplainOpen(open: boolean): void;
  /** The guided-stories panel, and the story in it (null: none chosen yet). */
  storiesOpen: boolean;
  setStoriesOpen(open: boolean): void;
  story: StoryPosition | null;
  setStory(story: StoryPosition | null): void;
  /** Collapsed side panels (lecture mode only). */
  hideInputs: boolean;
  hideMeasurements: boolean;
  setHideInputs(hide: boolean): void;
  setHideMeasurements(hide: boolean): void;
}

const LECTURE_KEY = /(^#?|&)lecture=1(?=&|$)/;

/** True when a URL hash asks for lecture mode (`lecture=1` among its keys). */
export function hashWantsLecture(hash: string): boolean {
  return LECTURE_KEY.test(hash);
}

/** One explorer's presentation state. */
export type UiStore = StoreApi<UiState>;

/** `lecture`: whether the explorer starts in lecture mode (the starting hash's lecture=1). */
export function createUiStore(lecture = false): UiStore {
  return createStore<UiState>()((set) => ({
  lecture,
  setLecture: (lecture) => set({ lecture }),
  helpOpen: false,
  setHelpOpen: (helpOpen) => set({ helpOpen }),
  explainOpen: false,
  setExplainOpen: (explainOpen) => set({ explainOpen }),
  storiesOpen: false,
  setStoriesOpen: (storiesOpen) => set({ storiesOpen }),
  story: null,
  setStory: (story) => set({ story }),
  // Lecture mode starts with the inputs folded away: the figure is what the room needs to see.
  hideInputs: true,
  hideMeasurements: false,
  setHideInputs: (hideInputs) => set({ hideInputs }),
  setHideMeasurements: (hideMeasurements) => set({ hideMeasurements }),
  }));
}
