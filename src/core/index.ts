/**
 * Public API of the Nash-MD core: pure mathematics, no DOM, React, zustand, comlink or
 * d3-selection, so the same code runs in Node, in the Web Worker and in the browser.
 * Plain arrays in, typed arrays out.
 */
export type {
  Algorithm,
  Comparisons,
  InputField,
  Matrix,
  Policy,
  SimulationSpec,
  Trajectory,
  Vector,
} from './types.ts';
export { ALGORITHMS } from './types.ts';
export { InvalidInputError } from './errors.ts';
export { createRunner, referenceWeights, simulate, unavailableReason, type Runner } from './simulate.ts';
export {
  ALGORITHM_CATALOG,
  ALGORITHM_DEFINITIONS,
  ALGORITHM_FAMILIES,
  ALGORITHM_IDS,
  DEFAULT_REFRESH,
  algorithmById,
  algorithmInfo,
  loadAlgorithms,
  isAlgorithmId,
  nashMdFixedPoint,
  nashMdFixedPointResidual,
  type AlgorithmId,
  type AlgorithmInfo,
} from './algorithms/index.ts';
export { regularizedNash, regularizedNashPath } from './regularizedNash.ts';
export { nashEquilibrium, nashEquilibriumSet, type NashSet } from './nashEquilibrium.ts';
export { exploitability } from './exploitability.ts';
export { fitBradleyTerry, rlhfOptimum, BT_CLAMP } from './bradleyTerry.ts';
export { kl, logSumExp } from './logspace.ts';
export { flatten } from './linalg.ts';
export { trajectoryMetrics, winProbability } from './metrics.ts';
export type { SolverOptions } from './solverOptions.ts';
export {
  sampleFeedback,
  learnedPreferences,
  learnedWeights,
  learnedModels,
  countsFromDense,
  totalComparisons,
  type PairCounts,
  type Sampling,
} from './feedback.ts';
export { sampleSizeCurve, sampleSizeGrid, type SampleSizeCurve, type SampleSizeSpec } from './sampleSizeCurve.ts';
export {
  bootstrapElo,
  eloScores,
  fitCounts,
  strongestCycles,
  ELO_PER_REWARD,
  type Cycle,
  type EloIntervals,
} from './leaderboard.ts';
export { nashWeightRanges, nashWeightRangesSync, tauLimitNash, type NashRanges } from './nashSet.ts';

// The library runs every algorithm and solves every LP synchronously: the algorithms whose step
// code loads on demand (registry.ts) and HiGHS (lpSolver.ts) are loaded before the module is ready.
import { ALGORITHM_IDS as ALL_IDS, loadAlgorithms as loadAll } from './algorithms/index.ts';
import { highsReady } from './lpSolver.ts';
await Promise.all([loadAll(ALL_IDS), highsReady]);
