/**
 * Learning from sampled feedback inside the simulation service (issue 16): the scenario the runs
 * see (the learned P̂ and r̂ in place of the true P and its Bradley–Terry fit) and the targets of
 * the TRUE P drawn beside the learned ones (hollow markers, "… of the true P").
 *
 * The truth's RLHF optimum is that of the Bradley–Terry fit of the true P weighted as the feedback
 * samples its pairs (uniform: equal weights; reference: W_ij = μ_i μ_j), i.e. the reward model the
 * feedback pipeline learns with infinitely many comparisons, so the distance between the learned
 * and the true marker is what finite data did. Online feedback's pairs follow a policy that moves,
 * so its truth is fitted with equal weights, as for uniform pairs.
 */
import { fitBradleyTerry, rlhfOptimum } from './bradleyTerry.ts';
import type { AlgorithmId } from './algorithms/catalog.ts';
import { InvalidInputError, show } from './errors.ts';
import { FEEDBACK_MAX, FEEDBACK_MIN, learnedModels, sampleFeedback, type PairCounts } from './feedback.ts';
import { DEFAULT_ROUND_STEPS, MAX_ROUND_STEPS, defaultOnlineRun } from './onlineDefaults.ts';
import { sampleOnline, type OnlineFeedback } from './onlineFeedback.ts';
import { createRunner } from './simulate.ts';
import { validateDistribution } from './validate.ts';
import { nashEquilibrium } from './nashEquilibrium.ts';
import { regularizedNash } from './regularizedNash.ts';
import { referenceWeights } from './simulate.ts';
import type { Algorithm, Matrix } from './types.ts';
import type { FeedbackSpec, ScenarioSpec, TruthEquilibria } from './workerApi.ts';

/** The sampled counts and the two models learned from them. */
export interface Learned {
  counts: PairCounts;
  preferences: number[][];
  rewards: Float64Array;
}

/** Samples the counts of `feedback` from the true P (pairs from μ when sampling = reference). */
export function sampleCounts(P: Matrix, reference: number[], feedback: FeedbackSpec): PairCounts {
  if (feedback.sampling === 'online') throw new Error('sampleCounts: online feedback is drawn by sampleOnlineOf');
  return sampleFeedback(P, feedback.comparisons, feedback.sampling, reference, feedback.seed);
}

/**
 * Online feedback's run and R with their defaults: the first shown algorithm that learns P̂ (not a
 * reward-model run), else Nash-MD; R = DEFAULT_ROUND_STEPS (onlineDefaults.ts, shared with the controls).
 */
export function onlineSettingsOf(
  s: Pick<ScenarioSpec<AlgorithmId>, 'algorithms'>,
  feedback: FeedbackSpec,
): { run: string; roundSteps: number } {
  return {
    run: feedback.online?.run ?? defaultOnlineRun(s.algorithms),
    roundSteps: feedback.online?.roundSteps ?? DEFAULT_ROUND_STEPS,
  };
}

/**
 * Online feedback (onlineFeedback.ts) of a scenario: the chosen run `feedback.online.run` on the
 * models learned round after round, from the scenario's π_0, τ, η and settings. `p`: the true P,
 * validated. An unknown or unavailable run (COMAL at τ = 0) is named as 'onlineRun'.
 */
export function sampleOnlineOf(s: ScenarioSpec<AlgorithmId>, p: Float64Array, feedback: FeedbackSpec): OnlineFeedback {
  const online = onlineSettingsOf(s, feedback);
  const R = online.roundSteps;
  if (!Number.isInteger(R) || R < 1 || R > MAX_ROUND_STEPS)
    throw new InvalidInputError(
      'roundSteps',
      `roundSteps (the steps between rounds of online feedback) must be a whole number from 1 to ${MAX_ROUND_STEPS}, got ${show(R)}`,
    );
  if (
    !Number.isInteger(feedback.comparisons) ||
    feedback.comparisons < FEEDBACK_MIN ||
    feedback.comparisons > FEEDBACK_MAX
  )
    throw new InvalidInputError(
      'feedback',
      `feedback (the number of comparisons) must be a whole number from ${FEEDBACK_MIN} to ${FEEDBACK_MAX}, got ${show(feedback.comparisons)}`,
    );
  if (!Number.isFinite(feedback.seed))
    throw new InvalidInputError('dataSeed', `dataSeed must be a number, got ${show(feedback.seed)}`);
  const n = s.preferences.length;
  const spec = {
    algorithm: online.run as Algorithm,
    preferences: s.preferences,
    reference: s.reference,
    initial: s.initial,
    tau: s.tau,
    eta: s.eta,
    steps: 0,
    refresh: s.refresh,
    pg: s.pg,
  };
  const initial = validateDistribution(s.initial, n, 'initial');
  return sampleOnline({
    truth: p,
    n,
    initial,
    comparisons: feedback.comparisons,
    seed: feedback.seed,
    smoothing: feedback.smoothing,
    roundSteps: R,
    run: online.run,
    runner: () => {
      try {
        return createRunner(spec, undefined, p);
      } catch (e) {
        if (e instanceof InvalidInputError && e.field === 'algorithm')
          throw new InvalidInputError('onlineRun', `onlineRun (the run online feedback is drawn from): ${e.message}`);
        throw e;
      }
    },
  });
}

/** P̂ and r̂ of the counts with the spec's smoothing. */
export function learnFrom(counts: PairCounts, feedback: FeedbackSpec): Learned {
  const { preferences, rewards } = learnedModels(counts, feedback.smoothing);
  return { counts, preferences, rewards };
}

/** π*_τ (the Nash for τ = 0), the Nash and the RLHF optimum of the true P (see the module comment). */
export function truthEquilibria(P: Matrix, reference: number[], tau: number, feedback: FeedbackSpec): TruthEquilibria {
  const nash = nashEquilibrium(P);
  const rewards = fitBradleyTerry(P, feedback.sampling === 'reference' ? referenceWeights(reference) : undefined);
  return {
    regularized: Float64Array.from(tau > 0 ? regularizedNash(P, reference, tau) : nash),
    nash: Float64Array.from(nash),
    rewards: Float64Array.from(rewards),
    rlhfOptimum: Float64Array.from(rlhfOptimum(rewards, reference, tau)),
  };
}
