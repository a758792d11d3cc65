/**
 * Whether RLHF's reward can be fitted on the observed battles (observedWeights.ts): kept apart,
 * with no imports, because the page checks it on every edit and loads nothing else of the fit.
 */
import type { Matrix } from './types.ts';

/**
 * Why the observed fit cannot be made from `counts` for n responses, or null when it can: there
 * are no counts, they describe another n, or the battles do not link every response to every
 * other by a chain of played pairs (then the rewards of the separate groups have no common scale;
 * the maximum-likelihood fit is not defined). The entries themselves are checked with the weights
 * (validateWeights) and, in the app, by the scenario's schema.
 */
export function observedProblem(counts: Matrix | null | undefined, n: number): string | null {
  if (!counts) return 'there are no battle counts (paste or load a battle log or win counts)';
  if (counts.length !== n) return `the battle counts describe ${counts.length} responses, not ${n}`;
  const seen = new Uint8Array(n);
  const stack = [0];
  seen[0] = 1;
  while (stack.length > 0) {
    const i = stack.pop()!;
    for (let j = 0; j < n; j++)
      if (!seen[j] && counts[i][j] + counts[j][i] > 0) {
        seen[j] = 1;
        stack.push(j);
      }
  }
  const cut = seen.indexOf(0);
  return cut < 0
    ? null
    : `the battles do not connect every response (response ${cut + 1} has no chain of played pairs to response 1), so their rewards have no common scale`;
}
