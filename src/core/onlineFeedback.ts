/**
 * Online feedback (issue 16, `sampling=online`): the comparisons are drawn from the current policy
 * of a chosen run, in rounds, while every run trains on the models learned so far.
 *
 * Rounds. N comparisons in ROUNDS = 10 rounds: round k (k = 0…9) has m_k = ⌊N/10⌋ comparisons,
 * the last one the remainder N − 9⌊N/10⌋. Round k is drawn at step t_k = k·R (R = roundSteps) from
 * the chosen run's policy π_{t_k}: y, y′ i.i.d. from π_{t_k}, both redrawn while equal (as the
 * `reference` mode does with μ), so Pr(y, y′) = π(y) π(y′) / (1 − Σ_z π(z)²) — drawn exactly from
 * that law without the redrawing loop (distinctPairs); the outcome y ≻ y′
 * with probability P(y ≻ y′) of the TRUE P. When the policy puts almost all its mass on one
 * response (1 − Σ_z π(z)² < 10⁻⁶, where redrawing would hardly ever end), that round's pairs are
 * drawn uniformly over ordered pairs y ≠ y′ instead, and the round is flagged (`uniform`).
 *
 * Models. After round k the counts of rounds 0…k are pooled: P̂_k and r̂_k are the models of
 * feedback.ts (learnedModels) of the pooled counts. The steps t ∈ [t_k, t_{k+1}) of every run use
 * P̂_k (NLHF runs) or r̂_k (reward-model runs); after the last round (t ≥ t_9) the models stay P̂_9
 * and r̂_9, the "final" models of the targets and metrics.
 *
 * The seed's stream: one mulberry32 generator (rng.ts) seeded with the data seed, consumed round
 * after round (each comparison: its pair, then its outcome), so the same seed and inputs give the
 * same rounds on every machine. The data depend on the chosen run's trajectory, hence on P, μ, π_0,
 * τ, η and R; they do not depend on the iteration shown (all ten rounds are drawn up front).
 */
import {
  aliasTable,
  countsFromDense,
  distinctTooRare,
  learnedModels,
  uniformSampler,
  type PairCounts,
} from './feedback.ts';
import { createRng } from './rng.ts';
import type { Runner } from './simulate.ts';

/** The number of rounds. */
export const ONLINE_ROUNDS = 10;
export { DEFAULT_ROUND_STEPS, MAX_ROUND_STEPS } from './onlineDefaults.ts';

/** m_0…m_9: ⌊N/10⌋ each, the last round the remainder. */
export function roundSizes(comparisons: number): number[] {
  const m = Math.floor(comparisons / ONLINE_ROUNDS);
  return Array.from({ length: ONLINE_ROUNDS }, (_, k) => (k < ONLINE_ROUNDS - 1 ? m : comparisons - m * k));
}

/**
 * Models that change during a run: model k drives the steps t ∈ [k·every, (k+1)·every), the last
 * one every later step. Each holds a validated, row-major P and the reward for the reward-model
 * runs. `models` may grow while a run is advanced (sampleOnline appends a round's models before
 * advancing to the next round).
 */
export interface ModelSchedule {
  every: number;
  models: { p: Float64Array; reward: Float64Array | null }[];
}

/**
 * `inner` (a runner at t = 0) on the schedule's models: each advance is cut where the model in
 * force changes, and the runner rebinds to it (Runner.rebind) before stepping on. Continuing in
 * chunks gives the rows of one long run, as for any runner.
 */
export function scheduledRunner(inner: Runner, schedule: ModelSchedule): Runner {
  const n = inner.n;
  let bound = -1;
  let averages: Float64Array | null = null;
  return {
    n,
    get t() {
      return inner.t;
    },
    get averages() {
      return averages;
    },
    advance(steps: number): Float64Array {
      const out = new Float64Array((steps + 1) * n);
      let mean: Float64Array | null = null;
      let done = 0;
      do {
        const t0 = inner.t;
        const last = schedule.models.length - 1;
        const k = Math.min(Math.floor(t0 / schedule.every), last);
        if (k !== bound) {
          inner.rebind(schedule.models[k].p, schedule.models[k].reward);
          bound = k;
        }
        const segment = k < last ? Math.min(steps - done, (k + 1) * schedule.every - t0) : steps - done;
        // Row 0 of a segment is the previous segment's last row: written twice, the same.
        out.set(inner.advance(segment), done * n);
        if (inner.averages) (mean ??= new Float64Array(out.length)).set(inner.averages, done * n);
        done += segment;
      } while (done < steps);
      averages = mean;
      return out;
    },
    rebind() {
      throw new Error('a scheduled run follows its schedule');
    },
  };
}

export interface OnlineRound {
  /** t_k = k·R, the step whose policy the round was drawn from. */
  start: number;
  /** m_k. */
  size: number;
  /** True when the policy was (almost) a single response and the pairs were drawn uniformly. */
  uniform: boolean;
  /** This round's comparisons alone. */
  counts: PairCounts;
  /** The policy π_{t_k} the pairs were drawn from. */
  policy: Float64Array;
}

export interface OnlineFeedback {
  /** The chosen run's algorithm id. */
  run: string;
  rounds: OnlineRound[];
  /** All rounds' comparisons pooled. */
  counts: PairCounts;
  /** The models of every run: P̂_k (row-major) and r̂_k after round k (see the module comment). */
  schedule: ModelSchedule;
  /** P̂_9 (rows) and r̂_9: the final models. */
  preferences: number[][];
  rewards: Float64Array;
}

export interface OnlineInput {
  /** The true P, validated, row-major n×n. */
  truth: Float64Array;
  n: number;
  /** π_0 of the chosen run (its policy at t_0 = 0). */
  initial: Float64Array;
  comparisons: number;
  seed: number;
  smoothing: number;
  roundSteps: number;
  /** The chosen run's algorithm id (recorded in the result). */
  run: string;
  /** The chosen run at t = 0 (createRunner); it is put on the schedule here. */
  runner: () => Runner;
}

/**
 * Ordered pairs y ≠ y′ with Pr(y, y′) = π(y) π(y′)/(1 − Σ_z π(z)²) — the law of two independent draws
 * from π redrawn while equal — drawn without that rejection loop, whose length 1/(1 − Σ π²) grows
 * without bound as a run's policy settles on one response: y from q(y) = π(y)(1 − π(y))/(1 − Σ π²),
 * then y′ from π without y, i.e. π(y′)/(1 − π(y)). Both by Walker's alias method; the second by
 * redrawing y′ = y (at most one response has π > ½, so at most two draws are expected), except for
 * that response d, whose y′ comes from a table of π without d. Each pair takes two random numbers
 * (more on a redraw).
 */
export function distinctPairs(pi: ArrayLike<number>, n: number, rng: () => number): () => number {
  const draw = (t: { prob: Float64Array; alias: Uint32Array }) => {
    const x = rng() * n;
    const k = Math.floor(x);
    return x - k < t.prob[k] ? k : t.alias[k];
  };
  const first = aliasTable(Float64Array.from(pi, (p) => p * (1 - p)));
  const second = aliasTable(pi);
  let d = 0;
  for (let i = 1; i < n; i++) if (pi[i] > pi[d]) d = i;
  const withoutD = aliasTable(Float64Array.from(pi, (p, i) => (i === d ? 0 : p)));
  return () => {
    const y = draw(first);
    if (y === d) return y * n + draw(withoutD);
    let z: number;
    do z = draw(second);
    while (z === y);
    return y * n + z;
  };
}

/** The rounds, their pooled counts and the schedule of models (see the module comment). */
export function sampleOnline(input: OnlineInput): OnlineFeedback {
  const { truth: p, n, roundSteps: R } = input;
  const rng = createRng(input.seed);
  const pooled = new Float64Array(n * n);
  const schedule: ModelSchedule = { every: R, models: [] };
  const rounds: OnlineRound[] = [];
  const sizes = roundSizes(input.comparisons);
  let runner: Runner | null = null;
  let policy = Float64Array.from(input.initial);
  let last: { preferences: number[][]; rewards: Float64Array } | null = null;
  for (let k = 0; k < ONLINE_ROUNDS; k++) {
    if (runner) {
      const rows = runner.advance(R);
      policy = rows.slice(R * n, (R + 1) * n);
    }
    const uniform = distinctTooRare(policy);
    const draw = uniform ? uniformSampler(n, rng) : distinctPairs(policy, n, rng);
    const wins = new Float64Array(n * n);
    for (let c = 0; c < sizes[k]; c++) {
      const yz = draw();
      const y = Math.floor(yz / n);
      const at = rng() < p[yz] ? yz : (yz - y * n) * n + y;
      wins[at] += 1;
      pooled[at] += 1;
    }
    rounds.push({ start: k * R, size: sizes[k], uniform, counts: countsFromDense(wins, n), policy });
    last = learnedModels(countsFromDense(pooled, n), input.smoothing);
    const flat = new Float64Array(n * n);
    last.preferences.forEach((row, i) => flat.set(row, i * n));
    schedule.models.push({ p: flat, reward: last.rewards });
    runner ??= scheduledRunner(input.runner(), schedule);
  }
  return {
    run: input.run,
    rounds,
    counts: countsFromDense(pooled, n),
    schedule,
    preferences: last!.preferences,
    rewards: last!.rewards,
  };
}
