/**
 * The algorithm registry and what a caller needs to run or describe an algorithm. UI code that
 * only needs the descriptions imports catalog.ts instead (no numerics, a few kB lighter).
 */
export {
  ALGORITHM_CATALOG,
  ALGORITHM_FAMILIES,
  ALGORITHM_IDS,
  algorithmInfo,
  isAlgorithmId,
  type AlgorithmId,
} from './catalog.ts';
export { ALGORITHM_DEFINITIONS, algorithmById, loadAlgorithms, type AnyAlgorithmDefinition } from './registry.ts';
export type {
  AlgorithmDefinition,
  AlgorithmFamily,
  AlgorithmInfo,
  AlgorithmParam,
  AlgorithmState,
  AvailabilityInputs,
  Citation,
  Convergence,
  ConvergenceTarget,
  RunContext,
} from './types.ts';
export { nashMdFixedPoint, nashMdFixedPointResidual } from './nash-md/update.ts';
export { DEFAULT_REFRESH } from './mpo/update.ts';
export { stepSize } from './common.ts';
