/**
 * The RLHF reward model's scores read the way leaderboards print them: Elo = 400/ln 10 · r + 1000
 * with the Bradley–Terry rewards r centred to mean 0 (so a difference of 400 Elo is odds of 10:1,
 * σ(r_i − r_j) = 1/(1 + 10^(−(Elo_i − Elo_j)/400))), ranked from the top with ties sharing a rank
 * (1, 2, 2, 4). docs/math.md, "Elo scores".
 */
export const ELO_SCALE = 400 / Math.LN10;
export const ELO_BASE = 1000;
/** Rounds and seed of the leaderboard's bootstrap intervals (the e2e test reruns bootstrapElo with them). */
export const BOOTSTRAP_ROUNDS = 200;
export const BOOTSTRAP_SEED = 1;

export interface LeaderboardRow {
  /** The response's index. */
  index: number;
  label: string;
  /** 1 + the number of responses with a strictly higher Elo (rounded to 1e-9). */
  rank: number;
  /** The Bradley–Terry reward, centred to mean 0. */
  reward: number;
  elo: number;
  /** Battles the response took part in (null without counts). */
  battles: number | null;
}

/** Elo of each reward: 400/ln 10 · (r − mean r) + 1000. */
export function eloScores(rewards: ArrayLike<number>): number[] {
  const n = rewards.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += rewards[i];
  mean /= n;
  return Array.from({ length: n }, (_, i) => ELO_SCALE * (rewards[i] - mean) + ELO_BASE);
}

/** The leaderboard, best first (ties in the order of the responses). */
export function leaderboard(
  rewards: ArrayLike<number>,
  labels: readonly string[],
  counts: readonly (readonly number[])[] | null,
): LeaderboardRow[] {
  const n = rewards.length;
  const elo = eloScores(rewards);
  let mean = 0;
  for (let i = 0; i < n; i++) mean += rewards[i];
  mean /= n;
  const key = (i: number) => Math.round(elo[i] * 1e9) / 1e9;
  const rows = Array.from({ length: n }, (_, i) => ({
    index: i,
    label: labels[i] ?? `y${i + 1}`,
    rank: 1,
    reward: rewards[i] - mean,
    elo: elo[i],
    battles: counts && counts.length === n ? counts[i].reduce((s, x, j) => s + x + counts[j][i], 0) : null,
  }));
  rows.sort((a, b) => key(b.index) - key(a.index) || a.index - b.index);
  for (let k = 1; k < n; k++) rows[k].rank = key(rows[k].index) === key(rows[k - 1].index) ? rows[k - 1].rank : k + 1;
  return rows;
}
