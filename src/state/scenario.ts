/**
 * The scenario: every input a person can set, in the form the UI edits and the URL stores.
 * Pure data and pure functions; the store (appStore.ts) holds one of these.
 */
import { presetById, EPSILON_DEFAULT, type PresetParams, type PresetScenario } from '../core/presets.ts';
import { algorithmInfo, type AlgorithmId } from '../core/algorithms/catalog.ts';
import type { Comparisons } from '../core/types.ts';
import { observedProblem } from '../core/observedProblem.ts';
import type { ScenarioSpec } from '../core/workerApi.ts';
import type { Corners } from '../shared/types.ts';
import { PG_DEFAULTS, type PolicyGradientSpec } from '../core/pgDefaults.ts';
import type { FeedbackSampling } from '../core/feedback.ts';
import type { LlmfaoSource } from './llmfaoChoice.ts';

export const MIN_RESPONSES = 2;
export const MAX_RESPONSES = 500;
/**
 * Up to this n the matrix is edited as a grid of number fields and every response gets its own
 * control; above it the editor is a canvas heatmap and the views show the top responses.
 */
export const GRID_MAX_RESPONSES = 12;
/** Longest response name (model names such as "Meta-Llama-3.1-405B-Instruct-Turbo" fit). */
export const MAX_LABEL_LENGTH = 40;
/**
 * The longest run the app computes (steps); Play stops there. Memory stays bounded all the way
 * (runStore thins the history), but an edit at large t recomputes the run from 0 to t, so the
 * cap bounds how long an edit can keep the reader waiting (docs/benchmarks.md).
 */
export const MAX_STEPS = 1_000_000;
/** τ and η slider ranges (logarithmic). */
export const TAU_RANGE = { min: 1e-3, max: 10 } as const;
export const ETA_RANGE = { min: 1e-3, max: 100 } as const;

export type Schedule = 'constant' | 'theorem';

/** Every input a person can set: a preset's scenario (without its suggested t) and the rest. */
export interface Scenario extends Omit<PresetScenario, 'steps' | 'eta' | 'schedule'> {
  /**
   * The constant step the person chose; kept when the theorem's schedule is selected, for
   * switching back. Runs use effectiveEta (η capped at 1/τ, since the mixture weight ητ ≤ 1).
   */
  eta: number;
  schedule: Schedule;
  algorithms: AlgorithmId[];
  comparisons: Comparisons;
  /**
   * The battle counts behind P, when it came from battles or win counts (a paste or a file):
   * counts[i][j] = wins of y_i over y_j, a tie counting ½ to each side, so pair {i, j} was observed
   * iff counts[i][j] + counts[j][i] > 0. Null when P was given as probabilities (or is a preset's).
   * Editing a cell by hand drops that pair's counts (the cell is then a plain probability).
   */
  counts: number[][] | null;
  /** MPO's magnet refresh period K (steps, ≥ 1): the magnet ρ becomes π_{t+1} when K divides t+1. */
  refresh: number;
  /** Also run and show every algorithm's average iterate π̄_t = (1/(t+1)) Σ_{s≤t} π_s (URL `average=1`). */
  average: boolean;
  /** Nash-MD-PG, Nash-EMA-PG and RLHF-PG's settings (pgSettings.ts; URL keys lr, beta, ema, …). */
  pg: PolicyGradientSpec;
  /**
   * Learn from sampled feedback (issue 16): N comparisons of the true P (URL `feedback=N`); absent
   * or null: the runs read the exact P (and its Bradley–Terry fit), as before. With the sampling
   * distribution of the pairs, the data seed and the smoothing a of P̂ (defaults: FEEDBACK_DEFAULTS).
   */
  feedback?: number | null;
  sampling?: FeedbackSampling;
  dataSeed?: number;
  smoothing?: number;
  /**
   * Online feedback (sampling 'online', onlineFeedback.ts): the algorithm whose current policy the
   * pairs are drawn from (absent: the first shown NLHF run) and R, the steps between its ten rounds
   * (absent: 25). URL `onlineRun`, `roundSteps`; defaults in src/core/onlineDefaults.ts.
   */
  onlineRun?: AlgorithmId;
  roundSteps?: number;
  /** The preset the scenario came from, or null once edited into something custom. */
  preset: string | null;
  /** With preset 'llmfao' (a data preset, loaded on demand): which raters and prompt (llmfaoChoice.ts). */
  llmfao?: LlmfaoSource | null;
  epsilon: number;
  seed: number;
  corners: Corners;
}

/** The policy-gradient settings' defaults (issue 17), the core's (pgDefaults.ts). */
export { PG_DEFAULTS };

/** Feedback settings when the link or file leaves them out. */
export const FEEDBACK_DEFAULTS = { comparisons: 1000, sampling: 'uniform', dataSeed: 1, smoothing: 0.5 } as const;
/** The range of N, the number of sampled comparisons (log slider, URL `feedback`). */
export const FEEDBACK_RANGE = { min: 10, max: 1_000_000 } as const;

/** The feedback settings of a scenario (each absent when unset). */
export const FEEDBACK_KEYS = ['feedback', 'sampling', 'dataSeed', 'smoothing', 'onlineRun', 'roundSteps'] as const;
type FeedbackFields = (typeof FEEDBACK_KEYS)[number];

/** The feedback a scenario learns from, with defaults filled in, or null when it reads the exact P. */
export function feedbackOf(s: Pick<Scenario, FeedbackFields>): {
  comparisons: number;
  sampling: FeedbackSampling;
  seed: number;
  smoothing: number;
  /** Online feedback's run and R as set (absent: the core's defaults, onlineDefaults.ts). */
  online?: { run?: AlgorithmId; roundSteps?: number };
} | null {
  if (s.feedback === undefined || s.feedback === null) return null;
  const sampling = s.sampling ?? FEEDBACK_DEFAULTS.sampling;
  return {
    comparisons: s.feedback,
    sampling,
    seed: s.dataSeed ?? FEEDBACK_DEFAULTS.dataSeed,
    smoothing: s.smoothing ?? FEEDBACK_DEFAULTS.smoothing,
    ...(sampling === 'online' ? { online: { run: s.onlineRun, roundSteps: s.roundSteps } } : {}),
  };
}

/**
 * A key of the scenario's feedback settings ('' when off): results of another key are stale.
 * Online feedback's data follow a run, so its key adds what that run reads (π_0, τ, η) and the
 * shown algorithms (the run's default).
 */
export const feedbackKey = (
  s: Pick<Scenario, FeedbackFields | 'initial' | 'tau' | 'eta' | 'schedule' | 'algorithms'>,
) => {
  const f = feedbackOf(s);
  return f ? JSON.stringify(f.online ? [f, s.initial, s.tau, s.eta, s.schedule, s.algorithms] : f) : '';
};

/** MPO's default magnet refresh period (issue 14). */
export const REFRESH_DEFAULT = 50;

export const DEFAULT_PRESET = 'rps';

/**
 * Corners of the ternary plot: one response each for n = 3; for n > 3 the first two responses
 * and everything else summed into the third corner, so all of the policy's mass is shown.
 * For n = 2 the third corner is empty and policies lie on the edge between y1 and y2.
 */
export function defaultCorners(n: number): Corners {
  return [[0], [1], Array.from({ length: n - 2 }, (_, k) => k + 2)];
}

/** The scenario of a preset with its parameters; the suggested t comes along. */
export function scenarioFromPreset(
  id: string,
  params: PresetParams = {},
  base?: Scenario,
): { scenario: Scenario; steps: number } {
  const preset = presetById(id) ?? presetById(DEFAULT_PRESET)!;
  const built = preset.build(params);
  const n = built.preferences.length;
  return {
    scenario: {
      preferences: built.preferences,
      labels: built.labels,
      reference: built.reference,
      initial: built.initial,
      tau: built.tau,
      eta: built.eta,
      schedule: built.schedule,
      algorithms: base?.algorithms ?? ['nash-md', 'omd', 'rlhf'],
      // A preset has no battle counts: the observed fit falls back to uniform pairs.
      comparisons: base?.comparisons === 'reference' ? 'reference' : 'uniform',
      counts: null,
      refresh: base?.refresh ?? REFRESH_DEFAULT,
      average: base?.average ?? false,
      pg: base?.pg ?? PG_DEFAULTS,
      // The feedback settings that are set (a scenario without them reads the exact P).
      ...Object.fromEntries(FEEDBACK_KEYS.filter((k) => (base?.[k] ?? null) !== null).map((k) => [k, base![k]])),
      preset: preset.id,
      // Only the parameters this preset reads are taken; the others keep their previous values.
      epsilon: (preset.params.includes('epsilon') ? params.epsilon : undefined) ?? base?.epsilon ?? EPSILON_DEFAULT,
      seed: (preset.params.includes('seed') ? params.seed : undefined) ?? base?.seed ?? 1,
      corners: defaultCorners(n),
    },
    steps: built.steps,
  };
}

export const DEFAULT = scenarioFromPreset(DEFAULT_PRESET);

/** The constant step actually used: η capped at 1/τ (the mixture weight ητ cannot exceed 1). */
export function effectiveEta(s: Pick<Scenario, 'eta' | 'tau'>): number {
  return s.tau > 0 ? Math.min(s.eta, 1 / s.tau) : s.eta;
}

/** The worker's view of a scenario. */
export function toSpec(s: Scenario): ScenarioSpec {
  const n = s.preferences.length;
  return {
    preferences: s.preferences,
    reference: s.reference,
    initial: s.initial,
    tau: s.tau,
    eta: s.schedule === 'theorem' ? 'theorem' : effectiveEta(s),
    // Comparisons 'observed' without usable counts is never sent (the store keeps that invariant;
    // this is the last guard): RLHF is then shown unavailable with the reason (availability.ts).
    comparisons:
      s.comparisons === 'observed' && observedProblem(s.counts, s.preferences.length) ? 'uniform' : s.comparisons,
    counts: s.comparisons === 'observed' ? s.counts : null,
    // An algorithm that cannot run with these inputs (COMAL at τ = 0) is not sent: it has no rows,
    // and the UI names the reason (availability.ts).
    algorithms: s.algorithms.filter(
      (a) =>
        (algorithmInfo(a)?.unavailable({
          n: s.preferences.length,
          tau: s.tau,
          eta: s.schedule === 'theorem' ? 'theorem' : effectiveEta(s),
        }) ?? null) === null && !(a === 'rlhf' && observedReason(s) !== null),
    ),
    refresh: s.refresh,
    average: s.average,
    // A random feature map needs d < n: d is capped at n − 1 (the controls say so).
    pg:
      s.pg.features === 'random' && s.pg.d > n - 1
        ? { ...s.pg, d: Math.max(1, n - 1) }
        : s.pg.features === 'custom'
          ? { ...s.pg, phi: fitPhi(s.pg.phi, n) }
          : s.pg,
    ...(feedbackOf(s) ? { feedback: feedbackOf(s)! } : {}),
  };
}

/**
 * Custom features' φ fitted to n responses (what the worker gets): rows cut or padded with zeros to
 * n, at most min(n, 12) columns; absent, the identity's first min(n, 12) columns.
 */
export function fitPhi(phi: number[][] | undefined, n: number): number[][] {
  const d = Math.min(phi?.[0]?.length ?? n, n, 12);
  return Array.from({ length: n }, (_, y) =>
    Array.from({ length: d }, (_, k) => (phi ? (phi[y]?.[k] ?? 0) : +(y === k))),
  );
}

/** Why RLHF's reward cannot be fitted on the observed battles of `s`, or null (also when another choice is made). */
export function observedReason(s: Pick<Scenario, 'comparisons' | 'counts' | 'preferences'>): string | null {
  return s.comparisons === 'observed' ? observedProblem(s.counts, s.preferences.length) : null;
}

/** Uniform policy over n responses. */
export function uniform(n: number): number[] {
  return new Array<number>(n).fill(1 / n);
}

/** Default response labels y1…yn. */
export function defaultLabels(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `y${i + 1}`);
}

/** A fresh label not yet used: y{k} for the smallest free k. */
export function freshLabel(labels: readonly string[]): string {
  for (let k = labels.length + 1; ; k++) if (!labels.includes(`y${k}`)) return `y${k}`;
}
