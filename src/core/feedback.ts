/**
 * Pairwise feedback sampled from raters, and the two models learned from it (issue 16; the NLHF
 * paper's §3: RLHF learns a reward model, NLHF a preference model, from the same comparisons).
 *
 * Sampling. N comparisons, each an ordered pair (y, y′), y ≠ y′, drawn from
 *  - 'uniform':   every ordered pair with probability 1/(n(n−1));
 *  - 'reference': y and y′ independently from μ, both redrawn while y = y′, so that
 *                 Pr(y, y′) = μ(y) μ(y′) / (1 − Σ_z μ(z)²)  (μ conditioned on y ≠ y′);
 * and an outcome "y ≻ y′" with probability P(y ≻ y′) (else y′ ≻ y). The random numbers come from
 * mulberry32 (rng.ts) seeded with `seed`, consumed in a fixed order (pair, then outcome), so the
 * same seed gives the same counts on every machine.
 *
 * Models, from the wins w_ij of i over j and n_ij = w_ij + w_ji (smoothing a > 0):
 *  - the preference model P̂_ij = (w_ij + a)/(n_ij + 2a) for i ≠ j, P̂_ii = ½ (an unseen pair gets ½);
 *  - the Bradley–Terry reward model r̂ = fitBradleyTerry(P̂, W), W_ij = n_ij + 2a: the maximum-
 *    likelihood fit on the smoothed counts (Σ_{i<j} (w_ij + a) log σ(r_i − r_j) + (w_ji + a) log σ(r_j − r_i)).
 */
import { fitBradleyTerry } from './bradleyTerry.ts';
import { InvalidInputError, show } from './errors.ts';
import { createRng } from './rng.ts';
import type { Matrix, Vector } from './types.ts';
import { validateDistribution, validatePreferences } from './validate.ts';

/** How the compared pairs are drawn (see the module comment; 'online' pairs: onlineFeedback.ts). */
export type Sampling = 'uniform' | 'reference';
/** Every way of drawing pairs a scenario may ask for. */
export type FeedbackSampling = Sampling | 'online';

/** The fewest and most comparisons a sample may have. */
export const FEEDBACK_MIN = 1;
export const FEEDBACK_MAX = 10_000_000;

/**
 * Battle counts, kept sparse: one entry per observed unordered pair {i, j} (i < j), with the wins
 * of each side. Ties, where a source has them, count ½ to each side (wins may be fractional).
 */
export interface PairCounts {
  n: number;
  i: Uint32Array;
  j: Uint32Array;
  /** Wins of i over j. */
  winsI: Float64Array;
  /** Wins of j over i. */
  winsJ: Float64Array;
}

/** A sample's pairs and outcomes as counts: N comparisons of P under `sampling`, from `seed`. */
export function sampleFeedback(
  P: Matrix,
  comparisons: number,
  sampling: Sampling,
  mu: Vector | null,
  seed: number,
): PairCounts {
  const p = validatePreferences(P);
  const n = P.length;
  if (!Number.isInteger(comparisons) || comparisons < FEEDBACK_MIN || comparisons > FEEDBACK_MAX)
    throw new InvalidInputError(
      'feedback',
      `feedback (the number of comparisons) must be a whole number from ${FEEDBACK_MIN} to ${FEEDBACK_MAX}, got ${show(comparisons)}`,
    );
  if (!Number.isFinite(seed)) throw new InvalidInputError('dataSeed', `dataSeed must be a number, got ${show(seed)}`);
  const rng = createRng(seed);
  const draw = sampling === 'reference' ? referenceSampler(mu, n, rng) : uniformSampler(n, rng);
  // Dense while sampling (n² doubles: 2 MB at n = 500), sparse once done.
  const wins = new Float64Array(n * n);
  for (let k = 0; k < comparisons; k++) {
    const yz = draw();
    if (rng() < p[yz]) wins[yz] += 1;
    else {
      const y = Math.floor(yz / n);
      wins[(yz - y * n) * n + y] += 1;
    }
  }
  return countsFromDense(wins, n);
}

/** Draws an ordered pair (y, y′), y ≠ y′, returned as the index y·n + y′. */
export type PairSampler = () => number;

/** Ordered pairs y ≠ y′, each with probability 1/(n(n−1)). */
export function uniformSampler(n: number, rng: () => number): PairSampler {
  return () => {
    const y = Math.floor(rng() * n);
    let z = Math.floor(rng() * (n - 1));
    if (z >= y) z++;
    return y * n + z;
  };
}

/** Below this chance that two draws from μ differ, sampling pairs from μ is refused. */
const MIN_DISTINCT = 1e-6;

/**
 * y, y′ ~ μ independently, both redrawn while equal. Each draw from μ takes one random number,
 * by Walker's alias method (Vose's construction): column k = ⌊u·n⌋ is kept with probability
 * prob[k], read from the fractional part of u·n, and otherwise replaced by alias[k].
 */
function referenceSampler(mu: Vector | null, n: number, rng: () => number): PairSampler {
  if (!mu) throw new InvalidInputError('reference', 'sampling pairs from μ needs the reference policy μ');
  const m = validateDistribution(mu, n, 'reference');
  if (distinctTooRare(m))
    throw new InvalidInputError(
      'reference',
      'μ puts almost all its weight on one response, so pairs of two different responses from μ are too rare to sample',
    );
  return pairsFrom(m, n, rng);
}

/** Whether two independent draws from m (summing to 1) differ too rarely to sample pairs from m. */
export function distinctTooRare(m: ArrayLike<number>): boolean {
  let same = 0;
  for (let i = 0; i < m.length; i++) same += m[i] * m[i];
  return 1 - same < MIN_DISTINCT;
}

/**
 * y, y′ ~ m independently, both redrawn while equal (m a distribution over n responses on which
 * distinctTooRare is false): the reference sampler's draw, and online feedback's from a policy.
 */
export function pairsFrom(m: ArrayLike<number>, n: number, rng: () => number): PairSampler {
  const { prob, alias } = aliasTable(m);
  const one = () => {
    const x = rng() * n;
    const k = Math.floor(x);
    return x - k < prob[k] ? k : alias[k];
  };
  return () => {
    let y: number;
    let z: number;
    do {
      y = one();
      z = one();
    } while (y === z);
    return y * n + z;
  };
}

/** Vose's alias table of a distribution m (summing to 1): column k is k w.p. prob[k], else alias[k]. */
export function aliasTable(m: ArrayLike<number>): { prob: Float64Array; alias: Uint32Array } {
  const n = m.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += m[i];
  const scaled = Float64Array.from({ length: n }, (_, i) => (m[i] * n) / total);
  const prob = new Float64Array(n).fill(1);
  const alias = Uint32Array.from({ length: n }, (_, i) => i);
  const small: number[] = [];
  const large: number[] = [];
  for (let i = 0; i < n; i++) (scaled[i] < 1 ? small : large).push(i);
  while (small.length > 0 && large.length > 0) {
    const s = small.pop()!;
    const l = large.pop()!;
    prob[s] = scaled[s];
    alias[s] = l;
    scaled[l] += scaled[s] - 1;
    (scaled[l] < 1 ? small : large).push(l);
  }
  // What remains is 1 up to rounding: kept whole (prob 1).
  return { prob, alias };
}

/** The observed pairs of a dense win matrix (wins[i·n + j] = wins of i over j). */
export function countsFromDense(wins: ArrayLike<number>, n: number): PairCounts {
  let m = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (wins[i * n + j] + wins[j * n + i] > 0) m++;
  const out: PairCounts = {
    n,
    i: new Uint32Array(m),
    j: new Uint32Array(m),
    winsI: new Float64Array(m),
    winsJ: new Float64Array(m),
  };
  let k = 0;
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const a = wins[i * n + j];
      const b = wins[j * n + i];
      if (a + b <= 0) continue;
      out.i[k] = i;
      out.j[k] = j;
      out.winsI[k] = a;
      out.winsJ[k] = b;
      k++;
    }
  return out;
}

/** The number of comparisons in `counts`. */
export function totalComparisons(counts: PairCounts): number {
  let s = 0;
  for (let k = 0; k < counts.i.length; k++) s += counts.winsI[k] + counts.winsJ[k];
  return s;
}

function validateSmoothing(a: number): number {
  if (typeof a !== 'number' || !Number.isFinite(a) || a <= 0)
    throw new InvalidInputError('smoothing', `smoothing must be a number > 0, got ${show(a)}`);
  return a;
}

/** The learned preference model P̂_ij = (w_ij + a)/(n_ij + 2a), P̂_ii = ½ (unseen pairs ½). */
export function learnedPreferences(counts: PairCounts, smoothing: number): number[][] {
  const a = validateSmoothing(smoothing);
  const { n } = counts;
  const P = Array.from({ length: n }, () => new Array<number>(n).fill(0.5));
  for (let k = 0; k < counts.i.length; k++) {
    const i = counts.i[k];
    const j = counts.j[k];
    const total = counts.winsI[k] + counts.winsJ[k] + 2 * a;
    P[i][j] = (counts.winsI[k] + a) / total;
    P[j][i] = (counts.winsJ[k] + a) / total;
  }
  return P;
}

/** W_ij = n_ij + 2a for i ≠ j (0 on the diagonal): the smoothed comparison counts. */
export function learnedWeights(counts: PairCounts, smoothing: number): number[][] {
  const a = validateSmoothing(smoothing);
  const { n } = counts;
  const W = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 0 : 2 * a)));
  for (let k = 0; k < counts.i.length; k++) {
    const total = counts.winsI[k] + counts.winsJ[k] + 2 * a;
    W[counts.i[k]][counts.j[k]] = total;
    W[counts.j[k]][counts.i[k]] = total;
  }
  return W;
}

/** Both learned models: P̂ and the Bradley–Terry reward r̂ fitted on the smoothed counts (mean zero). */
export function learnedModels(
  counts: PairCounts,
  smoothing: number,
): { preferences: number[][]; rewards: Float64Array } {
  const preferences = learnedPreferences(counts, smoothing);
  return { preferences, rewards: fitBradleyTerry(preferences, learnedWeights(counts, smoothing)) };
}
