/**
 * The weights of the RLHF reward model's Bradley–Terry fit (§3), for each choice of comparison
 * pairs: 'uniform' (every pair once), 'reference' (pairs drawn from μ: W_ij = μ_i μ_j) and
 * 'observed' (the battles that were actually played: W_ij = n_ij = c_ij + c_ji, where c_ij counts
 * the wins of y_i over y_j, ties counting ½ to each side). With the observed weights and
 * P_ij = c_ij / n_ij the Bradley–Terry objective is Σ_{i<j} c_ij log σ(r_i − r_j) + c_ji log σ(r_j − r_i),
 * the log-likelihood of the battles themselves: the fit leaderboards compute.
 */
import { InvalidInputError } from './errors.ts';
import type { Comparisons, Matrix } from './types.ts';
import { observedProblem } from './observedProblem.ts';

export { observedProblem } from './observedProblem.ts';

/** W_ij = μ_i μ_j (pairs drawn independently from μ), zero diagonal. */
export function referenceWeights(mu: ArrayLike<number>): Matrix {
  return Array.from({ length: mu.length }, (_, i) =>
    Array.from({ length: mu.length }, (_, j) => (i === j ? 0 : mu[i] * mu[j])),
  );
}

/** n_ij = c_ij + c_ji, the number of battles between y_i and y_j (zero diagonal). */
export function battleWeights(counts: Matrix): number[][] {
  const n = counts.length;
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => (i === j ? 0 : counts[i][j] + counts[j][i])),
  );
}

/**
 * The weight matrix for `comparisons` (undefined: uniform). Throws an InvalidInputError naming
 * 'comparisons' when the observed weights are asked for but cannot be used (observedProblem).
 */
export function comparisonWeights(spec: {
  comparisons?: Comparisons;
  reference: ArrayLike<number>;
  counts?: Matrix | null;
}): Matrix | undefined {
  if (spec.comparisons === 'reference') return referenceWeights(spec.reference);
  if (spec.comparisons === 'observed') {
    const problem = observedProblem(spec.counts, spec.reference.length);
    if (problem)
      throw new InvalidInputError(
        'comparisons',
        `the reward model cannot be fitted on the observed battles: ${problem}`,
      );
    return battleWeights(spec.counts!);
  }
  return undefined;
}
