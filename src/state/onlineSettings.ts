/**
 * Online feedback's settings with their defaults (issue 16), for the lazily loaded views and
 * controls (kept out of scenario.ts, which the first render loads). The core fills in the same
 * defaults (learnedScenario.ts, onlineSettingsOf): the run is the first shown algorithm that learns
 * P̂ (not a reward-model run), else Nash-MD; R is 25.
 *
 * R = 25 is fixed, not a share of the iteration shown, so playing or scrubbing never redraws the
 * data; ten rounds then end at t = 225, inside the default view, where the runs have moved but not
 * yet settled.
 */
import { algorithmInfo, type AlgorithmId } from '../core/algorithms/catalog.ts';
import { feedbackOf, toSpec, type Scenario } from './scenario.ts';

export const ROUND_STEPS_DEFAULT = 25;
/** The largest R (the core's MAX_ROUND_STEPS; scenarioSchema.ts checks links against it). */
export const ROUND_STEPS_MAX = 100_000;

/** The run online feedback follows: onlineRun, or the first run sent to the worker that learns P̂. */
export function onlineRunOf(s: Scenario): AlgorithmId {
  return s.onlineRun ?? toSpec(s).algorithms.find((a) => algorithmInfo(a)?.rewardModel === false) ?? 'nash-md';
}

/** feedbackOf with online feedback's run and R filled in. */
export function feedbackSettings(
  s: Scenario,
):
  | (Omit<NonNullable<ReturnType<typeof feedbackOf>>, 'online'> & { online?: { run: AlgorithmId; roundSteps: number } })
  | null {
  const f = feedbackOf(s);
  if (!f) return null;
  const { online, ...rest } = f;
  return online ? { ...rest, online: { run: onlineRunOf(s), roundSteps: s.roundSteps ?? ROUND_STEPS_DEFAULT } } : rest;
}
