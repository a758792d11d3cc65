/**
 * Policies trained on learned models, judged by the TRUE preferences (issue 16). For each policy π
 * (a run's current policy, or a learned target such as π*_τ(P̂) or the RLHF optimum of r̂), under
 * the true P:
 *  - e_τ(π) = max_π′ [P(π′ ≻ π) − τ KL(π′‖μ)] − ½ + τ KL(π‖μ) (exploitability.ts; for τ = 0 it is
 *    e_0(π) = max_y (Pπ)_y − ½), 0 only at π*_τ of the true P;
 *  - P(π ≻ π_Nash) = πᵀ P π_Nash, the win rate against the Nash of the true P (≤ ½);
 *  - P(π ≻ π_RLHF) = πᵀ P π_RLHF, the head-to-head against the RLHF run (or the RLHF target).
 */
import { exploitabilityFlat } from './exploitability.ts';

/**
 * πᵀ P π′ (winProbability.ts, written here: that module is the main thread's, and importing it into
 * this lazily loaded one would split it into a chunk of its own, at a cost in first-render bytes).
 */
function winProbability(p: Float64Array, n: number, pi: ArrayLike<number>, other: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < n; i++) {
    let row = 0;
    for (let j = 0; j < n; j++) row += p[i * n + j] * other[j];
    s += pi[i] * row;
  }
  return s;
}

export interface Judged {
  /** e_τ under the true P. */
  exploitability: number;
  /** πᵀ P π_Nash under the true P. */
  winVsNash: number;
  /** πᵀ P π_RLHF under the true P; null when there is no RLHF policy to play. */
  vsRlhf: number | null;
}

/**
 * Judges each policy under the true P (row-major, n×n), with μ and τ for e_τ, the Nash of the true
 * P, and the RLHF policy of the head-to-head (null: none).
 */
export function judgeUnderTruth(
  p: Float64Array,
  n: number,
  reference: ArrayLike<number>,
  tau: number,
  nash: ArrayLike<number>,
  policies: readonly ArrayLike<number>[],
  rlhf: ArrayLike<number> | null,
): Judged[] {
  const logMu = Float64Array.from(reference, Math.log);
  const win = new Float64Array(n);
  return policies.map((pi) => ({
    exploitability: exploitabilityFlat(p, n, logMu, tau, Float64Array.from(pi), win),
    winVsNash: winProbability(p, n, pi, nash),
    vsRlhf: rlhf ? winProbability(p, n, pi, rlhf) : null,
  }));
}
