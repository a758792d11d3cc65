/**
 * Presentation state that is not part of the scenario (and not in the link's scenario keys):
 * lecture mode and the open/closed panels. A small zustand store of its own.
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

export interface UiState {
  /** Large type and thick strokes for projection (lecture=1 in the URL). */
  lecture: boolean;
  setLecture(on: boolean): void;
}

export const uiStore = createStore<UiState>()((set) => ({
  lecture: false,
  setLecture: (lecture) => set({ lecture }),
}));

export function useUiStore<T>(selector: (s: UiState) => T): T {
  return useStore(uiStore, selector);
}
