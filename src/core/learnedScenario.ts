/**
 * Learning from sampled feedback inside the simulation service (issue 16): the scenario the runs
 * see (the learned P̂ and r̂ in place of the true P and its Bradley–Terry fit) and the targets of
 * the TRUE P drawn beside the learned ones (hollow markers, "… of the true P").
 *
 * The truth's RLHF optimum is that of the Bradley–Terry fit of the true P weighted as the feedback
 * samples its pairs (uniform: equal weights; reference: W_ij = μ_i μ_j), i.e. the reward model the
 * feedback pipeline learns with infinitely many comparisons, so the distance between the learned
 * and the true marker is what finite data did.
 */
import { fitBradleyTerry, rlhfOptimum } from './bradleyTerry.ts';
import { learnedModels, sampleFeedback, type PairCounts } from './feedback.ts';
import { nashEquilibrium } from './nashEquilibrium.ts';
import { regularizedNash } from './regularizedNash.ts';
import { referenceWeights } from './simulate.ts';
import type { Matrix } from './types.ts';
import type { FeedbackSpec, TruthEquilibria } from './workerApi.ts';

/** The sampled counts and the two models learned from them. */
export interface Learned {
  counts: PairCounts;
  preferences: number[][];
  rewards: Float64Array;
}

/** Samples the counts of `feedback` from the true P (pairs from μ when sampling = reference). */
export function sampleCounts(P: Matrix, reference: number[], feedback: FeedbackSpec): PairCounts {
  return sampleFeedback(P, feedback.comparisons, feedback.sampling, reference, feedback.seed);
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
