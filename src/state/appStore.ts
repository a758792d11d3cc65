/**
 * An explorer's store: the scenario (every input), playback settings, and the messages shown to the
 * user. One zustand store; actions sit beside the state they change. Per-frame data
 * (trajectories, t) live in runStore instead. The page draws from appView (appView.ts), which
 * follows this store but may hold a fast edit back until its result arrives.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { ALGORITHM_IDS, type AlgorithmId } from '../core/algorithms/catalog.ts';
import type { Comparisons } from '../core/types.ts';
import type { InputProblem } from '../core/workerApi.ts';
import type { Corners } from '../shared/types.ts';
import { mirrorUpdate, withNewResponse } from './matrixEdit.ts';
import { validatePgSettings } from './pgSettings.ts';
import { countsAfterEdit, resized, withoutPairs, withoutResponse } from './counts.ts';
import { observedProblem } from '../core/observedProblem.ts';
import { presetById } from '../core/presets.ts';
import {
  MAX_RESPONSES,
  MIN_RESPONSES,
  defaultCorners,
  defaultLabels,
  freshLabel,
  uniform,
  scenarioFromPreset,
  DEFAULT,
  type Scenario,
  type Schedule,
} from './scenario.ts';
import type { HashProblem } from './urlCodec.ts';
import type { LlmfaoChoice } from './llmfaoChoice.ts';

export interface AppState {
  scenario: Scenario;
  playing: boolean;
  /** Steps per second while playing. */
  speed: number;
  /** Invalid values found in the URL when the page loaded. */
  hashProblems: HashProblem[];
  /** The latest input the worker refused (the figure keeps the last good run). */
  inputProblem: InputProblem | null;
  /** The worker failed for another reason. */
  failure: string | null;
  /** A note about where computations run (the main-thread fallback). */
  engineNote: string | null;
  /** A note about autosave (storage unavailable or full). */
  storageNote: string | null;
  /**
   * The t to show after a load (a preset's suggested steps, or the URL's t). A new object on
   * every load, so loading the same preset twice still resets t.
   */
  requestedT: { t: number };
  /** A data preset being fetched, or the reason its fetch failed (the scenario shown is kept). */
  dataLoad: { status: 'loading' | 'error'; message: string } | null;
}

export interface AppActions {
  loadScenario(scenario: Scenario, t: number, hashProblems?: HashProblem[]): void;
  loadPreset(id: string): void;
  /**
   * Loads an LLMFAO data preset (fetched on demand; the newest request wins). Until it arrives the
   * scenario is kept; if it fails, too, and dataLoad names the problem. With a link's `hash`
   * (choice null), the choice and the other keys are read from it, bad values named.
   */
  loadDataPreset(choice: LlmfaoChoice | null, hash?: string): Promise<void>;
  setEpsilon(epsilon: number): void;
  setRandom(params: { seed?: number; n?: number }): void;
  setPreferences(preferences: number[][]): void;
  /**
   * Loads pasted or imported data: P, its names (null: kept) and its battle counts (null when it
   * was given as probabilities). With counts that link every response, RLHF's reward is fitted on
   * the observed battles; without, on uniform pairs (if it was on the observed ones).
   */
  loadData(preferences: number[][], labels: string[] | null, counts: number[][] | null): void;
  setCell(i: number, j: number, value: number): void;
  setLabels(labels: string[]): void;
  addResponse(): void;
  removeResponse(index: number): void;
  setReference(reference: number[]): void;
  setInitial(initial: number[]): void;
  setTau(tau: number): void;
  setEta(eta: number): void;
  setSchedule(schedule: Schedule): void;
  toggleAlgorithm(algorithm: AlgorithmId, on: boolean): void;
  setComparisons(comparisons: Comparisons): void;
  /** Also run and show each algorithm's average iterate (scenario `average`). */
  setAverage(average: boolean): void;
  /**
   * Changes some of the policy-gradient settings (Nash-MD-PG, Nash-EMA-PG, RLHF-PG): the valid
   * ones are applied; returns the first problem (naming the link key), or null.
   */
  setPg(patch: Partial<Scenario['pg']>): string | null;
  /** Feedback settings (issue 16): `feedback: null` turns learning from sampled feedback off. */
  setFeedback(
    patch: Partial<Pick<Scenario, 'feedback' | 'sampling' | 'dataSeed' | 'smoothing' | 'onlineRun' | 'roundSteps'>>,
  ): void;
  setCorners(corners: Corners): void;
  setPlaying(playing: boolean): void;
  setSpeed(speed: number): void;
  setInputProblem(problem: InputProblem | null): void;
  setFailure(message: string | null): void;
  setEngineNote(note: string | null): void;
  setStorageNote(note: string | null): void;
  dismissHashProblems(): void;
}

/** Toggles keep the registry's display order, so links and tables list algorithms the same way. */
const ORDER: readonly AlgorithmId[] = ALGORITHM_IDS;

/** Removes index k from a policy and renormalises. */
function dropEntry(v: number[], k: number): number[] {
  const kept = v.filter((_, i) => i !== k);
  const s = kept.reduce((a, b) => a + b, 0);
  return kept.map((x) => x / s);
}

/** Adds a new response with weight 1/(n+1), scaling the others down. */
function addEntry(v: number[]): number[] {
  const n = v.length + 1;
  return [...v.map((x) => (x * (n - 1)) / n), 1 / n];
}

export type AppStoreState = AppState & AppActions;
/** One explorer's store of inputs (see src/explorer): the controller and renderer hosts read it directly. */
export type AppStore = StoreApi<AppStoreState>;

/** A new store with the default scenario. */
export function createAppStore(): AppStore {
  return createStore<AppStoreState>()((set, get) => {
    /** Applies a scenario change; matrix edits make the scenario custom unless `keepPreset`. */
    const update = (patch: Partial<Scenario>, keepPreset = false) =>
      set((st) => {
        const scenario = {
          ...st.scenario,
          ...patch,
          preset: keepPreset ? st.scenario.preset : (patch.preset ?? null),
        };
        // An edited data preset is custom data: no longer the LLMFAO choice (its counts stay).
        if (!keepPreset && scenario.llmfao) scenario.llmfao = null;
        return { scenario };
      });
    /** Data preset requests: only the newest one's result is applied. */
    let dataRequest = 0;

    return {
      scenario: DEFAULT.scenario,
      playing: false,
      speed: 60,
      hashProblems: [],
      inputProblem: null,
      failure: null,
      engineNote: null,
      storageNote: null,
      requestedT: { t: DEFAULT.steps },
      dataLoad: null,

      loadScenario: (scenario, t, hashProblems = []) => {
        dataRequest++;
        set({ scenario, requestedT: { t }, hashProblems, playing: false, dataLoad: null });
      },
      loadPreset: (id) => {
        dataRequest++;
        const { scenario, steps } = scenarioFromPreset(id, {}, get().scenario);
        set({ scenario, requestedT: { t: steps }, playing: false, dataLoad: null });
      },
      loadDataPreset: async (choice, hash) => {
        const request = ++dataRequest;
        // The loader, its data and its checks load on demand (never in the first render); it
        // shows the loading state and any failure (the scenario is kept).
        const current = () => request === dataRequest;
        const load = await import('./llmfaoLoad.ts').catch((e: Error) =>
          set({ dataLoad: { status: 'error', message: e.message } }),
        );
        if (load && current()) await load.loadInto({ getState: get, setState: set }, current, choice, hash);
      },
      setEpsilon: (epsilon) => {
        const { scenario } = scenarioFromPreset('rater-types', { epsilon }, get().scenario);
        const cur = get().scenario;
        // Only the matrix follows ε; the user's μ, π0, τ and η stay as they are.
        set({
          scenario: {
            ...cur,
            preferences: scenario.preferences,
            epsilon,
            preset: 'rater-types',
            counts: null,
            comparisons: scenario.comparisons,
          },
        });
      },
      setRandom: ({ seed, n }) => {
        const cur = get().scenario;
        // The seeded presets (random, leaderboard) share the seed and n controls.
        const id = cur.preset && presetById(cur.preset)?.params.includes('seed') ? cur.preset : 'random';
        const { scenario } = scenarioFromPreset(id, { seed: seed ?? cur.seed, n: n ?? cur.preferences.length }, cur);
        set({ scenario: { ...scenario, tau: cur.tau, eta: cur.eta, schedule: cur.schedule } });
      },
      setPreferences: (preferences) => {
        const cur = get().scenario;
        const counts = countsAfterEdit(cur.counts, cur.preferences, preferences);
        if (preferences.length !== cur.preferences.length) {
          const n = preferences.length;
          update({
            preferences,
            labels: cur.labels
              .slice(0, n)
              .concat(
                Array.from({ length: Math.max(0, n - cur.labels.length) }, (_, k) => `y${cur.labels.length + k + 1}`),
              ),
            reference: new Array(n).fill(1 / n),
            initial: new Array(n).fill(1 / n),
            corners: defaultCorners(n),
            counts,
          });
        } else {
          update({ preferences, counts });
        }
      },
      loadData: (preferences, labels, counts) => {
        const cur = get().scenario;
        const n = preferences.length;
        const resized = n !== cur.preferences.length;
        const comparisons =
          counts && observedProblem(counts, n) === null
            ? 'observed'
            : cur.comparisons === 'observed'
              ? 'uniform'
              : cur.comparisons;
        update({
          preferences,
          counts,
          comparisons,
          labels: labels ?? (resized ? defaultLabels(n) : cur.labels),
          ...(resized ? { reference: uniform(n), initial: uniform(n), corners: defaultCorners(n) } : {}),
        });
      },
      setCell: (i, j, value) => {
        const cur = get().scenario;
        update({
          preferences: mirrorUpdate(cur.preferences, i, j, value),
          counts: cur.counts && withoutPairs(cur.counts, [[i, j]]),
        });
      },
      // Renamed models are no longer the data preset's (its link leaves the names out).
      setLabels: (labels) => update({ labels }, get().scenario.preset !== 'llmfao'),
      addResponse: () => {
        const cur = get().scenario;
        const n = cur.preferences.length;
        if (n >= MAX_RESPONSES) return;
        // A slightly weaker copy of the last response, not a tie with everything (which would be
        // a Nash equilibrium of its own): see withNewResponse.
        const preferences = withNewResponse(cur.preferences);
        // The new response joins the third corner (with the default corners, that is where it goes anyway).
        const [a, b, c] = cur.corners;
        const corners: Corners = n + 1 <= 3 ? defaultCorners(n + 1) : [a, b, [...c, n]];
        update({
          preferences,
          labels: [...cur.labels, freshLabel(cur.labels)],
          reference: addEntry(cur.reference),
          initial: addEntry(cur.initial),
          corners,
          counts: cur.counts && resized(cur.counts, n + 1),
        });
      },
      removeResponse: (k) => {
        const cur = get().scenario;
        const n = cur.preferences.length;
        if (n <= MIN_RESPONSES) return;
        const preferences = cur.preferences.filter((_, i) => i !== k).map((row) => row.filter((_, j) => j !== k));
        // Corner groups lose k and shift the indices above it; an emptied group falls back to defaults.
        const shifted = cur.corners.map((g) => g.filter((i) => i !== k).map((i) => (i > k ? i - 1 : i)));
        const corners: Corners = shifted.every((g) => g.length > 0)
          ? [shifted[0], shifted[1], shifted[2]]
          : defaultCorners(n - 1);
        update({
          preferences,
          labels: cur.labels.filter((_, i) => i !== k),
          reference: dropEntry(cur.reference, k),
          initial: dropEntry(cur.initial, k),
          corners,
          counts: cur.counts && withoutResponse(cur.counts, k),
        });
      },
      setReference: (reference) => update({ reference }, true),
      setInitial: (initial) => update({ initial }, true),
      setTau: (tau) => {
        const cur = get().scenario;
        // η is kept as chosen; runs cap it at 1/τ (effectiveEta), so moving τ up and back loses nothing.
        update({ tau, schedule: tau === 0 ? 'constant' : cur.schedule }, true);
      },
      setEta: (eta) => update({ eta }, true),
      setSchedule: (schedule) => update({ schedule }, true),
      toggleAlgorithm: (algorithm, on) => {
        const cur = get().scenario.algorithms;
        update({ algorithms: ORDER.filter((a) => (a === algorithm ? on : cur.includes(a))) }, true);
      },
      setComparisons: (comparisons) => update({ comparisons }, true),
      setAverage: (average) => update({ average }, true),
      setPg: (patch) => {
        const { pg, problems } = validatePgSettings(patch, get().scenario.pg);
        if (pg !== get().scenario.pg) update({ pg }, true);
        return problems[0]?.message ?? null;
      },
      setFeedback: (patch) => update(patch, true),
      setCorners: (corners) => update({ corners }, true),
      setPlaying: (playing) => set({ playing }),
      setSpeed: (speed) => set({ speed }),
      setInputProblem: (inputProblem) => set({ inputProblem }),
      setFailure: (failure) => set({ failure }),
      setEngineNote: (engineNote) => set({ engineNote }),
      setStorageNote: (storageNote) => set({ storageNote }),
      dismissHashProblems: () => set({ hashProblems: [] }),
    };
  });
}
