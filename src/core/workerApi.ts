/**
 * The contract between the main thread and the simulation worker (types only, so both sides are
 * checked against the same interface). Responses carry the request's `version`; the client drops
 * any response older than its newest request.
 */
import type { AlgorithmId } from './algorithms/catalog.ts';
import type { Algorithm, Comparisons, InputField, Matrix } from './types.ts';
import type { PolicyGradientSpec } from './pgDefaults.ts';

/**
 * Every input of a run. `A` is the algorithm ids the caller uses: the core runs every id of the
 * registry (AlgorithmId); the UI still names only Algorithm's three (the default), and what comes
 * back names the spec's own ids, so it stays typed as the caller's.
 */
export interface ScenarioSpec<A extends AlgorithmId = Algorithm> {
  preferences: Matrix;
  reference: number[];
  initial: number[];
  tau: number;
  eta: number | 'theorem';
  comparisons: Comparisons;
  /**
   * Battle counts behind P (counts[i][j] = wins of y_i over y_j, ties ½ each), or null/absent when
   * P was given as probabilities; needed by comparisons 'observed'.
   */
  counts?: Matrix | null;
  algorithms: A[];
  /** MPO's magnet refresh period K (a whole number ≥ 1); default 50. */
  refresh?: number;
  /** Also send each run's average iterate π̄_t as a companion series (SeriesChunk.average). */
  average?: boolean;
  /** The policy-gradient algorithms' settings (absent fields: PG_DEFAULTS). */
  pg?: Partial<PolicyGradientSpec>;
  /**
   * Learn from sampled feedback (issue 16, feedback.ts): the runs, π*_τ and the Nash are those of
   * the learned P̂, reward-model algorithms use the learned r̂, and the answer adds the truth.
   */
  feedback?: FeedbackSpec;
}

/** N comparisons of the true P, their pairs drawn by `sampling` from `seed`; P̂'s smoothing a. */
export interface FeedbackSpec {
  comparisons: number;
  /** 'online': from the current policy of the run `online.run`, in rounds (onlineFeedback.ts). */
  sampling: 'uniform' | 'reference' | 'online';
  seed: number;
  smoothing: number;
  /**
   * With sampling 'online': the algorithm whose policy the pairs come from (absent: the first of
   * `algorithms` that learns P̂, else 'nash-md') and R, the steps between rounds (absent: 25).
   */
  online?: { run?: string; roundSteps?: number };
}

/**
 * A ScenarioSpec as it is posted to the worker (specWire.ts): a square matrix of numbers as one
 * row-major Float64Array, transferred instead of structured-cloned row by row; anything else as
 * it is, for the worker's validation to name.
 */
export interface WireSpec<A extends AlgorithmId = Algorithm> extends Omit<ScenarioSpec<A>, 'preferences' | 'counts'> {
  preferences: Float64Array | Matrix;
  counts?: Float64Array | Matrix | null;
}

/** Where the dynamics are heading. Arrays have n entries; paths are (tauGrid.length × n). */
export interface EquilibriaResult {
  /** π*_τ (for τ = 0: the Nash of P). */
  regularized: Float64Array;
  /**
   * Where Nash-MD with this constant step η converges, π = BR_τ(π^μ) (nashMdFixedPoint): O(η) away
   * from π*_τ. Null with Theorem 1's schedule (no bias) or at τ = 0; absent where not computed.
   */
  nashMdFixedPoint?: Float64Array | null;
  /** A Nash equilibrium of P (τ = 0), by linear programming. */
  nash: Float64Array;
  /**
   * Whether `nash` is the only Nash equilibrium of P (nashEquilibrium.ts, nashEquilibriumSet):
   * true, false, or null when not decided (n above NASH_SET_MAX_N or out of solver time).
   * Absent where a producer does not compute it (treated as null).
   */
  nashUnique?: boolean | null;
  /**
   * When the Nash is not unique and n ≤ NASH_RANGE_MAX_N: the least and the largest weight of each
   * response over all Nash equilibria of P (both contain `nash`); otherwise null.
   */
  nashLow?: Float64Array | null;
  nashHigh?: Float64Array | null;
  /** Bradley–Terry rewards fitted on the chosen comparison pairs (mean zero). */
  rewards: Float64Array;
  /** ∝ μ exp(r/τ). */
  rlhfOptimum: Float64Array;
  /** τ values from large to small. */
  tauGrid: Float64Array;
  regularizedPath: Float64Array;
  rlhfPath: Float64Array;
  /**
   * With feedback (ScenarioSpec.feedback): the fields above are the LEARNED model's (P̂, r̂) and
   * these are the TRUE P's (learnedScenario.ts); absent without feedback.
   */
  truth?: TruthEquilibria;
}

/** π*_τ, the Nash and the RLHF optimum (with its rewards) of the true P, beside the learned ones. */
export interface TruthEquilibria {
  regularized: Float64Array;
  nash: Float64Array;
  rewards: Float64Array;
  rlhfOptimum: Float64Array;
}

/**
 * The sampled feedback of a computation (ScenarioSpec.feedback): the counts, sparse (one entry per
 * observed pair i < j: wins of i over j and of j over i), and the learned P̂ (row-major) and r̂.
 */
export interface FeedbackData {
  n: number;
  i: Uint32Array;
  j: Uint32Array;
  winsI: Float64Array;
  winsJ: Float64Array;
  preferences: Float64Array;
  rewards: Float64Array;
  /** With online feedback: the rounds (their pooled counts are the fields above). */
  rounds?: OnlineRoundsData;
}

/**
 * Online feedback's rounds (onlineFeedback.ts), flat for transfer: round k was drawn at step
 * starts[k] from the policy policies[k·n … (k+1)·n) of the run `run` (uniformly when uniform[k] is 1),
 * and its counts are the entries e with round[e] = k (pairs i < j, wins of each side).
 */
export interface OnlineRoundsData {
  run: string;
  roundSteps: number;
  starts: Float64Array;
  sizes: Float64Array;
  uniform: Uint8Array;
  policies: Float64Array;
  round: Uint32Array;
  i: Uint32Array;
  j: Uint32Array;
  winsI: Float64Array;
  winsJ: Float64Array;
}

/** Which companion of a sampled policy-gradient run a series is (SeriesChunk.bundle). */
export type BundleKind = 'mean' | 'exact' | 'seed';

/**
 * Rows of one algorithm's run, with their metrics: consecutive iterations start..start+rows−1, or,
 * when `times` is given, the iterations listed there (a thinned history, see HistoryThinning).
 */
export interface SeriesChunk<A extends AlgorithmId = Algorithm> {
  algorithm: A;
  /**
   * Set when the algorithm cannot run with the scenario's inputs (COMAL at τ = 0): the reason, for
   * the UI to show instead of a row; the chunk then has no rows (rows 0, empty arrays).
   */
  unavailable?: string;
  /**
   * True for the companion series of the average iterates π̄_t = (1/(t+1)) Σ_{s≤t} π_s of the run
   * of `algorithm` (sent right after that run's chunk, with the same rows and times).
   */
  average?: boolean;
  /**
   * A sampled policy-gradient run's companions (scenario pg.seeds, seedBundle.ts), sent after that
   * run's chunks with the same rows and times: 'mean' the mean policy of its K seeds, 'exact' the
   * same algorithm with exact gradients, 'seed' the run of one more seed (drawn on the simplex only).
   */
  bundle?: BundleKind;
  /** With `bundle`: K, the number of seeds ('mean'), or k, the run's seed being pgSeed + k ('seed'). */
  seeds?: number;
  start: number;
  rows: number;
  /** The iteration t of each row, when rows are not consecutive. */
  times?: Float64Array;
  policies: Float64Array;
  kl: Float64Array;
  exploitability: Float64Array;
}

export interface InputProblem {
  field: InputField;
  message: string;
}

/**
 * How to thin a long run: keep every iteration from `recentFrom` on and every one below `head`
 * (the first steps, where the dynamics move most), and in between only the iterations that are
 * multiples of `stride` (and always the last one). Bounds memory in long runs.
 */
export interface HistoryThinning {
  stride: number;
  recentFrom: number;
  /** Iterations below this are all kept (default 0). */
  head?: number;
}

export type ComputeResponse<A extends AlgorithmId = Algorithm> =
  /**
   * `deferred`: the metrics are NaN and `equilibria` is null (not solved yet) until
   * followUp(version) supplies them; otherwise `equilibria` is always there.
   */
  | {
      ok: true;
      version: number;
      n: number;
      equilibria: EquilibriaResult | null;
      chunks: SeriesChunk<A>[];
      deferred?: boolean;
      /** With feedback: the sampled counts and the learned models. */
      feedback?: FeedbackData;
    }
  | { ok: false; version: number; problem: InputProblem };

export type ExtendResponse<A extends AlgorithmId = Algorithm> =
  | { ok: true; version: number; chunks: SeriesChunk<A>[] }
  | { ok: false; version: number; problem: InputProblem | null };

/**
 * The flow field's answer (flowField.ts): the grid's `points` (simplexGrid.ts, 3 numbers a point)
 * and in `next`, for each, the policy one step of the algorithm takes it to, with the algorithm's
 * display name; not ok with the problem (an
 * unknown algorithm, one that cannot run with these inputs, bad input) named.
 */
export type FieldResponse =
  | { ok: true; version: number; points: Float64Array; next: Float64Array; displayName: string }
  | { ok: false; version: number; problem: InputProblem };

/**
 * Every Nash equilibrium of P (nashSet.ts), answered apart from the runs: `nash` is the LP's
 * vertex (the drawn one by default); `low`/`high` each response's least and largest weight over
 * all equilibria (equal to `nash` when `unique`); `inSome` how many responses carry weight in some
 * equilibrium; `complete` false when an LP ran out of iterations (ranges possibly too narrow);
 * `limit` the end of the τ-path of π*_τ (asked for, and only when not unique), with the τ it
 * stopped at, its exploitability e_0 and whether the stopping rule was met. Not ok with problem
 * null: a newer request came first and this one was abandoned.
 */
export type NashSetResponse =
  | {
      ok: true;
      version: number;
      n: number;
      nash: Float64Array;
      unique: boolean;
      low: Float64Array;
      high: Float64Array;
      inSome: number;
      complete: boolean;
      limit: { policy: Float64Array; tau: number; exploitability: number; stable: boolean } | null;
    }
  | { ok: false; version: number; problem: InputProblem | null };

/**
 * The sample-size curve of a scenario with feedback (sampleSizeCurve.ts): for N on
 * sampleSizeGrid(feedback.comparisons) and SAMPLE_SIZE_SEEDS seeds, the median and 10–90 % band of
 * each pipeline's e_τ under the true P at its learned target. Not ok with problem null: a newer
 * request came first and this one was abandoned.
 */
export type SampleSizeResponse =
  | {
      ok: true;
      version: number;
      sizes: Float64Array;
      nlhf: { median: Float64Array; low: Float64Array; high: Float64Array };
      rlhf: { median: Float64Array; low: Float64Array; high: Float64Array };
      seeds: number;
      tau: number;
    }
  | { ok: false; version: number; problem: InputProblem | null };

/**
 * The β sweep (betaSweep.ts): the swept policies trained for `steps` steps and their head-to-head
 * win rates M[a][b] = π_aᵀ P π_b, with each one's average win rate, the order by it (best first)
 * and the best entry (null on a tie). Not ok with problem null: a newer request came first.
 */
export type BetaSweepResponse =
  | {
      ok: true;
      version: number;
      n: number;
      steps: number;
      labels: string[];
      /** Nash-MD-PG's β per entry (null for SFT, RLHF-PG and Nash-EMA-PG). */
      betas: (number | null)[];
      policies: Float64Array;
      matrix: Float64Array;
      average: Float64Array;
      order: number[];
      best: number | null;
    }
  | { ok: false; version: number; problem: InputProblem | null };

/** What a computation is doing, for the progress display. */
/** 'solver': the worker is still loading the LP solver (HiGHS); a preview may come meanwhile. */
export type ComputeStage = 'solver' | 'runs' | 'rewards' | 'nash' | 'regularized' | 'path' | 'metrics';

/**
 * Progress of a long computation (large n), reported a few times while it runs. The first report
 * of a computation whose equilibria are not cached carries a `preview`: the trajectories alone
 * (metrics NaN; RLHF only if its rewards were cached), so the figure can follow an edit before the
 * solvers finish.
 */
export interface ComputeProgress<A extends AlgorithmId = Algorithm> {
  version: number;
  stage: ComputeStage;
  /** Overall fraction done, 0…1. */
  fraction: number;
  preview?: { n: number; chunks: SeriesChunk<A>[] };
  /** The parts a deferred computation left out (see simulationService.ts, SimulationService). */
  followUp?: FollowUp;
}

/**
 * What a deferred computation sends after its answer: the metrics of each chunk (in the answer's
 * order, same rows) and the equilibria with their τ-paths.
 */
export interface FollowUp {
  kl: Float64Array[];
  exploitability: Float64Array[];
  equilibria: EquilibriaResult;
}

export interface SimulationApi<A extends AlgorithmId = Algorithm> {
  /**
   * Validates the scenario, computes the equilibria and runs every algorithm for `steps` steps.
   * `onProgress` hears how far it got (see ComputeProgress).
   */
  compute(
    version: number,
    scenario: ScenarioSpec<A>,
    steps: number,
    thinning?: HistoryThinning,
    onProgress?: (progress: ComputeProgress<A>) => void,
  ): ComputeResponse<A>;
  /** Continues the runs of the scenario with this version by `steps` steps (not ok if stale). */
  extend(version: number, steps: number): ExtendResponse<A>;
  /**
   * The flow field (n = 3): one step of `algorithm` from each point of simplexGrid(`grid`), at t = 0
   * with the scenario's P, μ, τ and η (the initial policy and the algorithm list are not used).
   */
  field(version: number, scenario: ScenarioSpec<A>, algorithm: string, grid: number): FieldResponse;
  /**
   * The set of Nash equilibria of the scenario's P (and, with `limit`, the τ → 0 end of its
   * τ-path for its μ). Works in slices and answers other calls between them; a newer nashSet
   * call abandons this one (answered not ok, problem null). `onProgress` hears the fraction done.
   */
  nashSet(
    version: number,
    scenario: ScenarioSpec<A>,
    limit: boolean,
    onProgress?: (fraction: number) => void,
  ): Promise<NashSetResponse>;
  /**
   * The sample-size curve of the scenario's feedback settings (not ok when it has none). Works in
   * slices like nashSet; a newer sampleSize call abandons this one.
   */
  sampleSize(
    version: number,
    scenario: ScenarioSpec<A>,
    onProgress?: (fraction: number) => void,
  ): Promise<SampleSizeResponse>;
  /**
   * The β sweep (betaSweep.ts) of the scenario for `steps` steps (capped by sweepSteps). Works in
   * slices like nashSet; a newer betaSweep call abandons this one (answered not ok, problem null).
   */
  betaSweep(
    version: number,
    scenario: ScenarioSpec<A>,
    steps: number,
    onProgress?: (fraction: number) => void,
  ): Promise<BetaSweepResponse>;
}

/** The worker's side of the contract: SimulationApi, with the scenario in its wire form. */
export interface WorkerApi extends Omit<SimulationApi, 'compute' | 'field' | 'nashSet' | 'sampleSize' | 'betaSweep'> {
  sampleSize(version: number, scenario: WireSpec, onProgress?: (fraction: number) => void): Promise<SampleSizeResponse>;
  betaSweep(
    version: number,
    scenario: WireSpec,
    steps: number,
    onProgress?: (fraction: number) => void,
  ): Promise<BetaSweepResponse>;
  field(version: number, scenario: WireSpec, algorithm: string, grid: number): FieldResponse;
  nashSet(
    version: number,
    scenario: WireSpec,
    limit: boolean,
    onProgress?: (fraction: number) => void,
  ): Promise<NashSetResponse>;
  compute(
    version: number,
    scenario: WireSpec,
    steps: number,
    thinning?: HistoryThinning,
    onProgress?: (progress: ComputeProgress) => void,
  ): ComputeResponse;
}
