/**
 * Presentation state that is not part of the scenario (and not in the link's scenario keys):
 * lecture mode, the help overlay, the explanations panel, the guided story and which side panels
 * are collapsed. A small zustand store of its own.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { ALGORITHM_IDS, isAlgorithmId, type AlgorithmId } from '../core/algorithms/catalog.ts';
import type { SampleSizeResponse } from '../core/workerApi.ts';
import type { BetaSweepState } from './betaSweepState.ts';
import type { NashPick, NashSetState } from './nashPick.ts';
import type { Scenario } from './scenario.ts';
import { readPairs, type HashProblem } from './urlCodec.ts';

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
  /** The algorithm whose flow field is drawn on the simplex (`field=<id>` in the link); null: none. */
  field: AlgorithmId | null;
  setField(field: AlgorithmId | null): void;
  /** The computed field of `field` for the current P, μ, τ and η (the controller fills it in). */
  flow: FlowFieldResult | null;
  /** Which Nash of P is drawn when it is not unique (`nash=limit` in the link; default the LP's vertex). */
  nashPick: NashPick;
  setNashPick(pick: NashPick): void;
  /** Every Nash equilibrium of the shown P (the controller fills it in; null before the first request). */
  nashSet: NashSetState | null;
  /**
   * With feedback: the sample-size curve of the scenario's `key` (feedbackKey, P, μ, τ), how far
   * it got, and the answer (null while computing; `problem` when it cannot be computed).
   */
  sampleSize?: {
    key: string;
    preferences: Scenario['preferences'];
    reference: Scenario['reference'];
    fraction: number;
    result: Extract<SampleSizeResponse, { ok: true }> | null;
    problem?: string;
  } | null;
  /** The β sweep of the shown scenario (the controller fills it in; null when not asked for). */
  betaSweep: BetaSweepState | null;
}

/**
 * The flow field as computed: `next` holds, for each grid point of `points` (3 numbers a point),
 * the policy one step takes it to; or, when it could not be computed, why (`problem`).
 */
export type FlowFieldResult =
  | { algorithm: AlgorithmId; name: string; points: Float64Array; next: Float64Array; problem?: undefined }
  | { algorithm: AlgorithmId; problem: string };

const LECTURE_KEY = /(^#?|&)lecture=1(?=&|$)/;

/** True when a URL hash asks for lecture mode (`lecture=1` among its keys). */
export function hashWantsLecture(hash: string): boolean {
  return LECTURE_KEY.test(hash);
}

/** Whether `id` is an algorithm id `field=` takes (every algorithm of the registry). */
export function isFieldId(id: unknown): id is AlgorithmId {
  return isAlgorithmId(id);
}

/**
 * The flow field a hash asks for (`field=<id>`): the id, or null when absent or not an algorithm
 * (then with a problem naming the key and the ids it takes).
 */
export function hashFlowField(hash: string): { field: AlgorithmId | null; problem: HashProblem | null } {
  const raw = readPairs(hash).get('field');
  if (raw === undefined || raw === '') return { field: null, problem: null };
  if (isFieldId(raw)) return { field: raw, problem: null };
  let shown = raw;
  try {
    shown = decodeURIComponent(raw);
  } catch {
    // Shown as it came.
  }
  return {
    field: null,
    problem: {
      field: 'field',
      message: `"${shown.slice(0, 30)}" is not an algorithm, so no flow field is drawn (field takes ${ALGORITHM_IDS.join(', ')})`,
    },
  };
}

/** Why the flow field is not drawn for this scenario, or null when it is (n = 3, one response a corner). */
export function flowFieldBlocked(s: Pick<Scenario, 'preferences' | 'corners'>): string | null {
  const n = s.preferences.length;
  if (n !== 3)
    return `The flow field is drawn for three responses only (here n = ${n}): with more, a point of the triangle stands for many policies.`;
  if (!s.corners.every((g) => g.length === 1))
    return 'The flow field is drawn only when each corner of the simplex is one response.';
  return null;
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
    field: null,
    setField: (field) => set({ field }),
    flow: null,
    nashPick: 'vertex',
    setNashPick: (nashPick) => set({ nashPick }),
    nashSet: null,
    betaSweep: null,
  }));
}
