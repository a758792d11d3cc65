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
 * Why the observed fit cannot be made from `counts` for n responses, or null when it can: there
 * are no counts, they have the wrong shape or invalid entries, or the battles do not link every
 * response to every other by a chain of played pairs (then the rewards of the separate groups
 * have no common scale; the maximum-likelihood fit is not defined).
 */
export function observedProblem(counts: Matrix | null | undefined, n: number): string | null {
  if (!counts) return 'there are no battle counts (paste or load a battle log or win counts)';
  if (counts.length !== n) return `the battle counts describe ${counts.length} responses, not ${n}`;
  for (let i = 0; i < n; i++) {
    const row = counts[i];
    if (!row || row.length !== n) return `row ${i + 1} of the battle counts does not have ${n} entries`;
    for (let j = 0; j < n; j++) {
      const x = row[j];
      if (typeof x !== 'number' || !Number.isFinite(x) || x < 0)
        return `the battle count of response ${i + 1} over response ${j + 1} is not a number ≥ 0`;
    }
  }
  const seen = new Uint8Array(n);
  const stack = [0];
  seen[0] = 1;
  let reached = 1;
  while (stack.length > 0) {
    const i = stack.pop()!;
    for (let j = 0; j < n; j++) {
      if (!seen[j] && i !== j && counts[i][j] + counts[j][i] > 0) {
        seen[j] = 1;
        reached++;
        stack.push(j);
      }
    }
  }
  if (reached < n) {
    const cut = seen.indexOf(0);
    return `the battles do not connect every response (response ${cut + 1} has no chain of played pairs to response 1), so their rewards have no common scale`;
  }
  return null;
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
