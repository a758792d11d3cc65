/** The algorithm registry and the pieces a caller needs to run or describe an algorithm. */
export { ALGORITHM_DEFINITIONS, ALGORITHM_FAMILIES, ALGORITHM_IDS, algorithmById, isAlgorithmId, type AlgorithmId, type AnyAlgorithmDefinition } from './registry.ts';
export type { AlgorithmDefinition, AlgorithmFamily, AlgorithmParam, AlgorithmState, AvailabilityInputs, Citation, Convergence, ConvergenceTarget, RunContext } from './types.ts';
export { nashMdFixedPoint, nashMdFixedPointResidual } from './nashMd.ts';
export { DEFAULT_REFRESH } from './mpo.ts';
export { stepSize } from './common.ts';
