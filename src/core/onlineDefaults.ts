/**
 * Online feedback's settings when a scenario leaves them out (issue 16; onlineFeedback.ts), one
 * rule for the worker and the controls (a light module: the catalog only).
 *
 * R = 25 is fixed, not a share of the iteration shown, so playing or scrubbing never redraws the
 * data; ten rounds then end at t = 225, inside the presets' default view, where the runs have
 * moved but not yet settled.
 */
import { algorithmInfo } from './algorithms/catalog.ts';

/** R, the steps between rounds, by default. */
export const DEFAULT_ROUND_STEPS = 25;
/** The largest R (the links' check, scenarioSchema.ts, has the same). */
export const MAX_ROUND_STEPS = 100_000;

/** The run the pairs follow by default: the first of `algorithms` that learns P̂ (not a reward-model run), else Nash-MD. */
export function defaultOnlineRun(algorithms: readonly string[]): string {
  return algorithms.find((a) => algorithmInfo(a)?.rewardModel === false) ?? 'nash-md';
}
