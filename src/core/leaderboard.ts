/**
 * Reading battle counts the way leaderboards do (issue 15): the Bradley–Terry fit on the observed
 * battles, its scores on the Elo scale, bootstrap confidence intervals, and the strongest
 * non-transitive triples in the data.
 *
 * - Fit on counts: r = fitBradleyTerry(P, W) with P_ij = w_ij / n_ij (½ when unobserved) and
 *   W_ij = n_ij, the maximum-likelihood fit Σ_{i<j} w_ij log σ(r_i − r_j) + w_ji log σ(r_j − r_i)
 *   (ties count ½ to each side), the leaderboards' maximum-likelihood Elo.
 * - Elo: 400/ln 10 · r_i + 1000, with r centred to mean 0 (a win probability of σ(r_i − r_j) is
 *   1/(1 + 10^{−(Elo_i − Elo_j)/400})).
 * - Bootstrap: B rounds, each drawing N battles with replacement (N the number observed): a pair
 *   with probability n_ij/N, then i winning with probability w_ij/n_ij (so a tie, counted ½ to each
 *   side, is redrawn as a win for one of them); refit; the interval is the 2.5 % and 97.5 %
 *   quantiles of each model's Elo over the rounds. Random numbers: mulberry32 seeded with `seed`.
 */
import { fitBradleyTerry } from './bradleyTerry.ts';
import { InvalidInputError, show } from './errors.ts';
import { aliasTable, type PairCounts } from './feedback.ts';
import { createRng } from './rng.ts';
import { quantileSorted } from './quantile.ts';
import { progressReporter, type SolverOptions } from './solverOptions.ts';

/** Elo points per unit of Bradley–Terry reward: 400/ln 10. */
export const ELO_PER_REWARD = 400 / Math.LN10;

/** The Elo scores of Bradley–Terry rewards: 400/ln 10 · (r − mean r) + 1000. */
export function eloScores(rewards: ArrayLike<number>): Float64Array {
  let mean = 0;
  for (let i = 0; i < rewards.length; i++) mean += rewards[i] / rewards.length;
  return Float64Array.from(rewards, (r) => ELO_PER_REWARD * (r - mean) + 1000);
}

/** P (½ where unobserved) and W = n_ij from counts. */
function matricesOf(counts: PairCounts): { P: number[][]; W: number[][] } {
  const { n } = counts;
  const P = Array.from({ length: n }, () => new Array<number>(n).fill(0.5));
  const W = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let k = 0; k < counts.i.length; k++) {
    const [i, j, a, b] = [counts.i[k], counts.j[k], counts.winsI[k], counts.winsJ[k]];
    if (a + b <= 0) continue; // a pair a bootstrap round did not draw: unobserved in it
    P[i][j] = a / (a + b);
    P[j][i] = b / (a + b);
    W[i][j] = W[j][i] = a + b;
  }
  return { P, W };
}

/** The Bradley–Terry rewards fitted on the observed battles (mean zero). */
export function fitCounts(counts: PairCounts, options?: SolverOptions): Float64Array {
  if (counts.i.length === 0)
    throw new InvalidInputError('weights', 'no battles were observed, so there is no reward model to fit');
  const { P, W } = matricesOf(counts);
  return fitBradleyTerry(P, W, options);
}

export interface EloIntervals {
  /** The fit on the observed battles. */
  elo: Float64Array;
  /** 2.5 % and 97.5 % quantiles over the bootstrap rounds. */
  low: Float64Array;
  high: Float64Array;
  rounds: number;
}

/** Elo scores with bootstrap 95 % intervals (see the module comment). */
export function bootstrapElo(counts: PairCounts, rounds: number, seed: number, options?: SolverOptions): EloIntervals {
  if (!Number.isInteger(rounds) || rounds < 2 || rounds > 10_000)
    throw new InvalidInputError('weights', `the bootstrap needs 2 to 10000 rounds, got ${show(rounds)}`);
  const { n } = counts;
  const m = counts.i.length;
  const elo = eloScores(fitCounts(counts));
  const totals = Float64Array.from({ length: m }, (_, k) => counts.winsI[k] + counts.winsJ[k]);
  let N = 0;
  for (let k = 0; k < m; k++) N += totals[k];
  const battles = Math.round(N);
  const { prob, alias } = aliasTable(totals);
  const rng = createRng(seed);
  const samples = Array.from({ length: n }, () => new Float64Array(rounds));
  const report = progressReporter(options);
  const resampled: PairCounts = {
    n,
    i: counts.i,
    j: counts.j,
    winsI: new Float64Array(m),
    winsJ: new Float64Array(m),
  };
  report(0);
  for (let b = 0; b < rounds; b++) {
    resampled.winsI.fill(0);
    resampled.winsJ.fill(0);
    for (let s = 0; s < battles; s++) {
      const x = rng() * m;
      const c = Math.floor(x);
      const k = x - c < prob[c] ? c : alias[c];
      if (rng() * totals[k] < counts.winsI[k]) resampled.winsI[k] += 1;
      else resampled.winsJ[k] += 1;
    }
    // Pairs that drew no battle this round are unobserved in it (weight 0).
    const { P, W } = matricesOf(resampled);
    const scores = eloScores(fitBradleyTerry(P, W));
    for (let i = 0; i < n; i++) samples[i][b] = scores[i];
    report((b + 1) / rounds);
  }
  const low = new Float64Array(n);
  const high = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const sorted = samples[i].sort();
    low[i] = quantileSorted(sorted, 0.025);
    high[i] = quantileSorted(sorted, 0.975);
  }
  return { elo, low, high, rounds };
}

/** A cycle y₁ ≻ y₂ ≻ y₃ ≻ y₁ in the data: each step observed and won by more than half. */
export interface Cycle {
  /** The three responses, the first the one of smallest index. */
  members: [number, number, number];
  /** Win rate of each step (members[0] over [1], [1] over [2], [2] over [0]). */
  rates: [number, number, number];
  /** Battles behind each step. */
  battles: [number, number, number];
  /** The weakest step's margin above ½: the cycle is as strong as its weakest link. */
  strength: number;
}

/**
 * The strongest non-transitive triples of observed pairs, strongest first (at most `limit`):
 * triples whose three pairs were all compared, at least `minBattles` times each, with
 * y₁ ≻ y₂ ≻ y₃ ≻ y₁ by win rates above ½. Ranked by their weakest margin, then by battles.
 */
export function strongestCycles(counts: PairCounts, limit = 10, minBattles = 1): Cycle[] {
  const { n } = counts;
  const rate = new Map<number, { p: number; battles: number }>();
  for (let k = 0; k < counts.i.length; k++) {
    const [i, j, a, b] = [counts.i[k], counts.j[k], counts.winsI[k], counts.winsJ[k]];
    if (a + b < minBattles) continue;
    rate.set(i * n + j, { p: a / (a + b), battles: a + b });
    rate.set(j * n + i, { p: b / (a + b), battles: a + b });
  }
  const out: Cycle[] = [];
  const neighbours = Array.from({ length: n }, () => [] as number[]);
  for (const key of rate.keys()) {
    const i = Math.floor(key / n);
    const j = key % n;
    if (rate.get(key)!.p > 0.5) neighbours[i].push(j);
  }
  // A cycle a ≻ b ≻ c ≻ a found once, from its smallest member a.
  for (let a = 0; a < n; a++)
    for (const b of neighbours[a]) {
      if (b < a) continue;
      for (const c of neighbours[b]) {
        if (c < a || c === a) continue;
        const back = rate.get(c * n + a);
        if (!back || back.p <= 0.5) continue;
        const ab = rate.get(a * n + b)!;
        const bc = rate.get(b * n + c)!;
        out.push({
          members: [a, b, c],
          rates: [ab.p, bc.p, back.p],
          battles: [ab.battles, bc.battles, back.battles],
          strength: Math.min(ab.p, bc.p, back.p) - 0.5,
        });
      }
    }
  const total = (c: Cycle) => c.battles[0] + c.battles[1] + c.battles[2];
  return out.sort((x, y) => y.strength - x.strength || total(y) - total(x)).slice(0, limit);
}
