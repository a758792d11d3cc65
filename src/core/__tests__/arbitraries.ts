/**
 * fast-check generators shared by the core's property tests, and small independent helpers
 * (written from the paper's definitions, not from the library's code).
 */
import fc from 'fast-check';

/** A valid preference matrix of size n: free entries above the diagonal, P[j][i] = 1 − P[i][j]. */
export function preferenceMatrix(n: number, extremes = false): fc.Arbitrary<number[][]> {
  const entry = extremes
    ? fc.oneof(fc.constantFrom(0, 1, 0.5), fc.double({ min: 0, max: 1, noNaN: true }))
    : fc.double({ min: 0, max: 1, noNaN: true });
  return fc
    .array(entry, { minLength: (n * (n - 1)) / 2, maxLength: (n * (n - 1)) / 2 })
    .map((upper) => fromUpper(n, upper));
}

export function fromUpper(n: number, upper: readonly number[]): number[][] {
  const P = Array.from({ length: n }, () => new Array<number>(n).fill(0.5));
  let k = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      P[i][j] = upper[k++];
      P[j][i] = 1 - P[i][j];
    }
  }
  return P;
}

/** A strictly positive distribution of length n whose smallest entry is at least ~`floor`. */
export function distribution(n: number, floor = 1e-3): fc.Arbitrary<number[]> {
  return fc.array(fc.double({ min: floor, max: 1, noNaN: true }), { minLength: n, maxLength: n }).map(normalise);
}

export function normalise(v: readonly number[]): number[] {
  const s = v.reduce((a, b) => a + b, 0);
  return v.map((x) => x / s);
}

/** A matrix with its size: n in [2, maxN]. */
export function sizedGame(maxN = 6, extremes = false) {
  return fc
    .integer({ min: 2, max: maxN })
    .chain((n) =>
      fc.record({ n: fc.constant(n), P: preferenceMatrix(n, extremes), mu: distribution(n), pi0: distribution(n) }),
    );
}

/** Row t of a trajectory as a plain array. */
export function row(policies: Float64Array, n: number, t: number): number[] {
  return Array.from(policies.subarray(t * n, (t + 1) * n));
}

/** KL(p‖q) straight from the definition. */
export function klDef(p: ArrayLike<number>, q: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < p.length; i++) if (p[i] > 0) s += p[i] * Math.log(p[i] / q[i]);
  return s;
}

/** P(π ≻ π') = πᵀ P π'. */
export function winProb(P: number[][], pi: ArrayLike<number>, pi2: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < P.length; i++) for (let j = 0; j < P.length; j++) s += pi[i] * P[i][j] * pi2[j];
  return s;
}

/** The regularised preference of §4: P_τ(π ≻ π') = P(π ≻ π') − τ KL(π‖μ) + τ KL(π'‖μ). */
export function regularizedPreference(
  P: number[][],
  mu: number[],
  tau: number,
  pi: ArrayLike<number>,
  pi2: ArrayLike<number>,
): number {
  return winProb(P, pi, pi2) - tau * klDef(pi, mu) + tau * klDef(pi2, mu);
}

/** Bradley–Terry matrix P[i][j] = σ(s_i − s_j) from scores s. */
export function bradleyTerryMatrix(scores: readonly number[]): number[][] {
  return scores.map((si) => scores.map((sj) => 1 / (1 + Math.exp(-(si - sj)))));
}
