/**
 * The simulation service the worker exposes: validates a scenario, computes its equilibria
 * (cached: dragging π0 or scrubbing does not re-solve them) and runs each algorithm, continuing
 * runs in chunks for live play. For large n it reports progress, with a preview of the
 * trajectories before the solvers run. Pure: no worker or messaging code, so it is tested in Node.
 */
import { fitBradleyTerry, rlhfOptimum } from './bradleyTerry.ts';
import { InvalidInputError } from './errors.ts';
import { nashEquilibriumSet, type NashSet } from './nashEquilibrium.ts';
import { nashWeightRanges, tauLimitFraction, tauLimitSteps, type NashRanges, type TauLimit } from './nashSet.ts';
import { regularizedNash, regularizedNashPath } from './regularizedNash.ts';
import { nashMdFixedPoint } from './algorithms/nash-md/update.ts';
import { algorithmById, loadAlgorithms, type AlgorithmId } from './algorithms/registry.ts';
import {
  chunkBuffers,
  plainRows,
  previewChunk,
  runRows,
  unavailableRows,
  withMetrics,
  type ActiveRun,
  type Rows,
} from './runRows.ts';
import { betaSweepSteps, sweepSteps, SWEEP_ALGORITHMS } from './betaSweep.ts';
import { flowField } from './flowField.ts';
import { sampleSizeGrid, sampleSizeSteps, type SampleSizeCurve } from './sampleSizeCurve.ts';
import {
  learnFrom,
  onlineSettingsOf,
  sampleCounts,
  sampleOnlineOf,
  truthEquilibria,
  type Learned,
} from './learnedScenario.ts';
import { scheduledRunner, type OnlineFeedback } from './onlineFeedback.ts';
import { simplexGrid } from './simplexGrid.ts';
import { createRunner, unavailableReason, type Runner } from './simulate.ts';
import { bundleApplies, bundleRows, createSeedBundle, type SeedBundle } from './seedBundle.ts';
import { comparisonWeights } from './observedWeights.ts';
import type { SolverOptions } from './solverOptions.ts';
import { validateDistribution, validatePreferences } from './validate.ts';
import type { Algorithm } from './types.ts';
import type {
  ComputeProgress,
  ComputeResponse,
  ComputeStage,
  EquilibriaResult,
  ExtendResponse,
  FeedbackData,
  FieldResponse,
  OnlineRoundsData,
  FollowUp,
  HistoryThinning,
  NashSetResponse,
  SampleSizeResponse,
  BetaSweepResponse,
  ScenarioSpec,
  SimulationApi,
} from './workerApi.ts';

export { progressTransferables } from './runRows.ts';
export { loadAlgorithms } from './algorithms/registry.ts';
/** Await before the service's first call: its Nash and Nash-set computations solve LPs with HiGHS. */
export { highsReady } from './lpSolver.ts';

/** τ-path grid: 48 values log-spaced from 20 (π*_τ ≈ μ) down to 1e-3 (close to the Nash). */
export const TAU_GRID: Float64Array = Float64Array.from({ length: 48 }, (_, k) => 20 * (1e-3 / 20) ** (k / 47));
/** Above this n the τ-paths use every third grid value: 16 solves instead of 48. */
export const COARSE_PATH_N = 100;
/**
 * From this n on, a computation whose equilibria are not all cached first reports the trajectories
 * alone (a preview), then solves for the equilibria: at large n the solvers (an LP, Newton–GMRES
 * continuation, a Bradley–Terry fit) cost many times what the trajectories do, so the reader sees
 * the edit move the paths before the equilibria are ready (figures: docs/benchmarks.md).
 */
export const PREVIEW_MIN_N = 40;

/** The τ values the paths are computed at for n responses (large to small). */
export function pathGrid(n: number): Float64Array {
  return n > COARSE_PATH_N ? TAU_GRID.filter((_, k) => k % 3 === 0 || k === TAU_GRID.length - 1) : TAU_GRID;
}

/**
 * A cache key for a vector of doubles: its length and two 32-bit hashes of its bits. One pass over
 * the words, allocating nothing, where JSON.stringify would format every number as text: cheap
 * enough to compute on every edit of a 500×500 matrix (docs/benchmarks.md). A collision between
 * two different matrices is a 2⁻⁶⁴ event.
 */
export function vectorKey(x: Float64Array): string {
  const words = new Uint32Array(x.buffer, x.byteOffset, x.length * 2);
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let k = 0; k < words.length; k++) {
    const w = words[k];
    h1 = Math.imul(h1 ^ w, 0x01000193);
    h2 = Math.imul(h2 + w, 0x9e3779b1) ^ (h2 >>> 15);
  }
  return `${x.length}:${(h1 >>> 0).toString(36)}:${(h2 >>> 0).toString(36)}`;
}

type Report = (stage: ComputeStage, fraction: number) => void;

/** Overall fraction at which each stage starts (the next stage's start is where it ends). */
const STAGE_START: Record<ComputeStage, number> = {
  solver: 0,
  runs: 0,
  rewards: 0.15,
  nash: 0.3,
  regularized: 0.55,
  path: 0.7,
  metrics: 0.9,
};
const STAGE_END: Record<ComputeStage, number> = {
  solver: 0,
  runs: 0.15,
  rewards: 0.3,
  nash: 0.55,
  regularized: 0.7,
  path: 0.9,
  metrics: 1,
};

/** Solver options whose progress is mapped into the stage's share of the whole computation. */
function within(report: Report, stage: ComputeStage): SolverOptions {
  report(stage, STAGE_START[stage]);
  return { onProgress: (f) => report(stage, STAGE_START[stage] + f * (STAGE_END[stage] - STAGE_START[stage])) };
}

/**
 * The nashSet request works in slices of about this many milliseconds (an LP or a τ level may run
 * longer), pausing between them so the worker answers the runs' calls and hears of a newer
 * nashSet request, which abandons this one.
 */
export const NASH_SET_SLICE_MS = 25;
/** Share of the nashSet progress given to the ranges when the τ → 0 limit is also asked for. */
const RANGES_SHARE = 0.6;
const pauseTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Up to this n and this many steps (unthinned) the worker defers the metrics and τ-paths. */
const DEFER_MAX_N = PREVIEW_MIN_N - 1;
const DEFER_MAX_STEPS = 20_000;

/**
 * The service as the worker uses it. compute's extra `defer` flag: a computation with
 * n ≤ DEFER_MAX_N, at most DEFER_MAX_STEPS steps and no thinning answers with the trajectories
 * only (metrics NaN, equilibria null), which is what the table and the simplex's paths show, and
 * followUp(version) solves the equilibria (Nash LP, π*_τ, τ-paths) and the metrics right after.
 * At small n the solvers cost about as much as the run itself, so leaving them out of the first
 * answer lets the simplex and the table show the edit in the next frame (docs/benchmarks.md).
 */
export interface SimulationService<A extends AlgorithmId = Algorithm> extends SimulationApi<A> {
  compute(
    version: number,
    scenario: ScenarioSpec<A>,
    steps: number,
    thinning?: HistoryThinning,
    onProgress?: (progress: ComputeProgress<A>) => void,
    defer?: boolean,
  ): ComputeResponse<A>;
  followUp(version: number): FollowUp | null;
  /** nashSet with the pause between slices given (tests: a resolved promise; default: a task). */
  nashSet(
    version: number,
    scenario: ScenarioSpec<A>,
    limit: boolean,
    onProgress?: (fraction: number) => void,
    pause?: () => Promise<void>,
  ): Promise<NashSetResponse>;
  /** sampleSize with the pause between slices given (tests). */
  sampleSize(
    version: number,
    scenario: ScenarioSpec<A>,
    onProgress?: (fraction: number) => void,
    pause?: () => Promise<void>,
  ): Promise<SampleSizeResponse>;
  /** betaSweep with the pause between slices given (as nashSet). */
  betaSweep(
    version: number,
    scenario: ScenarioSpec<A>,
    steps: number,
    onProgress?: (fraction: number) => void,
    pause?: () => Promise<void>,
  ): Promise<BetaSweepResponse>;
}

/**
 * Why the sample-size curve is not drawn for online feedback: each of its N × K samples would need
 * the whole online loop (a run and ten model fits per sample), and the curve's question — how many
 * comparisons of a fixed distribution — is a different one when the data follow a moving policy.
 */
export const ONLINE_CURVE_UNAVAILABLE =
  'The sample-size curve is drawn for pairs sampled uniformly or from μ. With online feedback the data follow a run’s policy, so every point would rerun the whole loop of rounds; pick “uniformly” or “from μ” to see it.';

/** K, the repetitions per sample size of the sample-size curve (issue 16). */
export const SAMPLE_SIZE_SEEDS = 20;

/** The rows of a deferred answer (of the active run), waiting for their metrics. */
interface PendingFollowUp<A extends AlgorithmId> {
  version: number;
  rows: Rows<A>[];
}

/**
 * A scenario as the service computes it. With feedback (issue 16) its `preferences` are the learned
 * P̂, `learnedRewards` the learned r̂ (used in place of P's Bradley–Terry fit), `truth` the given
 * scenario (the true P) with its cache key, and `learned` the counts and models.
 */
type Resolved<A extends AlgorithmId> = ScenarioSpec<A> & {
  learnedRewards?: Float64Array;
  truth?: { spec: ScenarioSpec<A>; key: string };
  learned?: Learned;
  /** Online feedback: its rounds and the schedule of models every run follows. */
  online?: OnlineFeedback;
};

/** Cache keys of a scenario's equilibria. */
function keysOfSpec(s: Resolved<AlgorithmId>, p: Float64Array) {
  const pKey = vectorKey(p);
  const muKey = vectorKey(Float64Array.from(s.reference));
  return {
    nash: pKey,
    rewards: s.learnedRewards
      ? `learned|${vectorKey(s.learnedRewards)}`
      : `${pKey}|${
          s.comparisons === 'reference'
            ? muKey
            : s.comparisons === 'observed' && s.counts
              ? `observed:${vectorKey(Float64Array.from(s.counts.flatMap((r) => Array.from(r))))}`
              : 'uniform'
        }`,
    star: `${pKey}|${muKey}|${s.tau}`,
    path: `${pKey}|${muKey}`,
  };
}

/**
 * The service. `A`: the algorithm ids its callers use (the worker's: Algorithm; every registry id
 * is accepted at run time, and the chunks name the spec's own ids).
 */
export function createSimulationService<A extends AlgorithmId = Algorithm>(): SimulationService<A> {
  let pending: PendingFollowUp<A> | null = null;
  let active: ActiveRun<A> | null = null;
  /** The scenario of `active` and its cache keys (to solve its target when it is still unknown). */
  let activeSpec: { s: Resolved<A>; keys: ReturnType<typeof keysOfSpec> } | null = null;
  const cache = new Map<string, unknown>();
  /** Memoises one value per kind of result; a new key for a kind replaces the old one. */
  const memo = <T>(kind: string, key: string, f: () => T): T => {
    const full = `${kind}|${key}`;
    if (!cache.has(full)) {
      for (const k of cache.keys()) if (k.startsWith(`${kind}|`)) cache.delete(k);
      cache.set(full, f());
    }
    return cache.get(full) as T;
  };
  const cached = (kind: string, key: string) => cache.has(`${kind}|${key}`);

  type Keys = ReturnType<typeof keysOfSpec>;

  const rewardsOf = (s: Resolved<A>, keys: Keys, options?: SolverOptions) =>
    memo(
      'rewards',
      keys.rewards,
      () => s.learnedRewards ?? fitBradleyTerry(s.preferences, comparisonWeights(s), options),
    );

  /** π*_τ along the τ grid and the RLHF optimum along it (part of the equilibria). */
  function paths(s: ScenarioSpec<A>, keys: Keys, rewards: Float64Array, report: Report) {
    const n = s.reference.length;
    const grid = pathGrid(n);
    const regularizedPath = memo('path', keys.path, () =>
      regularizedNashPath(s.preferences, s.reference, Array.from(grid), within(report, 'path')),
    );
    const rlhfPath = new Float64Array(grid.length * n);
    grid.forEach((tau, k) => rlhfPath.set(rlhfOptimum(rewards, s.reference, tau), k * n));
    return { tauGrid: Float64Array.from(grid), regularizedPath: Float64Array.from(regularizedPath), rlhfPath };
  }

  /** The Nash of P and whether it is unique (one LP, and a few on its optimal face). */
  const nashSetOf = (s: ScenarioSpec<A>, keys: Keys, report: Report) =>
    memo<NashSet>('nash', keys.nash, () => nashEquilibriumSet(s.preferences, within(report, 'nash')));
  const nashOf = (s: ScenarioSpec<A>, keys: Keys, report: Report) => nashSetOf(s, keys, report).nash;

  /** π*_τ, or the Nash of P when τ = 0: the run metrics' reference (memoised). */
  function targetOf(s: ScenarioSpec<A>, keys: Keys, report: Report = () => {}): Float64Array {
    return s.tau > 0
      ? memo('star', keys.star, () => regularizedNash(s.preferences, s.reference, s.tau, within(report, 'regularized')))
      : nashOf(s, keys, report);
  }

  /**
   * The scenario the runs and equilibria see: with feedback, P̂ for P and r̂ for the reward model,
   * the counts memoised by (P, μ when sampled from, N, sampling, seed) and the models by smoothing.
   */
  function resolve(s: ScenarioSpec<A>, p: Float64Array): Resolved<A> {
    const f = s.feedback;
    if (!f) return s;
    const pKey = vectorKey(p);
    const muKey = vectorKey(Float64Array.from(s.reference));
    const truth = { spec: s, key: `${pKey}|${muKey}|${s.tau}|${f.sampling}` };
    if (f.sampling === 'online') {
      // The data follow the chosen run, so they depend on everything that run reads.
      const { run, roundSteps } = onlineSettingsOf(s, f);
      const onlineKey = [
        pKey,
        muKey,
        vectorKey(Float64Array.from(s.initial)),
        s.tau,
        s.eta,
        s.refresh ?? '',
        JSON.stringify(s.pg ?? null),
        run,
        roundSteps,
        f.comparisons,
        f.seed,
        f.smoothing,
      ].join('|');
      const online = memo('online', onlineKey, () => sampleOnlineOf(s, p, f));
      const learned: Learned = { counts: online.counts, preferences: online.preferences, rewards: online.rewards };
      return { ...s, preferences: learned.preferences, learnedRewards: learned.rewards, learned, online, truth };
    }
    const countsKey = `${pKey}|${f.sampling === 'reference' ? muKey : 'uniform'}|${f.comparisons}|${f.seed}`;
    const counts = memo('counts', countsKey, () => sampleCounts(s.preferences, s.reference, f));
    const learned = memo('learned', `${countsKey}|${f.smoothing}`, () => learnFrom(counts, f));
    return {
      ...s,
      preferences: learned.preferences,
      learnedRewards: learned.rewards,
      learned,
      truth,
    };
  }

  /** The truth's equilibria (copies: the answer's arrays are transferred). */
  function truthOf(s: Resolved<A>) {
    const t = s.truth;
    if (!t) return null;
    const eq = memo('truth', t.key, () =>
      truthEquilibria(t.spec.preferences, t.spec.reference, t.spec.tau, t.spec.feedback!),
    );
    return {
      regularized: Float64Array.from(eq.regularized),
      nash: Float64Array.from(eq.nash),
      rewards: Float64Array.from(eq.rewards),
      rlhfOptimum: Float64Array.from(eq.rlhfOptimum),
    };
  }

  function equilibria(s: Resolved<A>, keys: Keys, report: Report): EquilibriaResult {
    const truth = truthOf(s);
    const rewards = rewardsOf(s, keys, within(report, 'rewards'));
    const nashSet = nashSetOf(s, keys, report);
    const regularized = targetOf(s, keys, report);
    const fixed =
      s.tau > 0 && s.eta !== 'theorem'
        ? memo('fixed', `${keys.star}|${s.eta}`, () =>
            nashMdFixedPoint(s.preferences, s.reference, s.tau, s.eta as number),
          )
        : null;
    return {
      regularized: Float64Array.from(regularized),
      nashMdFixedPoint: fixed && Float64Array.from(fixed),
      nash: Float64Array.from(nashSet.nash),
      nashUnique: nashSet.unique,
      nashLow: nashSet.low && Float64Array.from(nashSet.low),
      nashHigh: nashSet.high && Float64Array.from(nashSet.high),
      rewards: Float64Array.from(rewards),
      rlhfOptimum: rlhfOptimum(rewards, s.reference, s.tau),
      ...paths(s, keys, rewards, report),
      ...(truth ? { truth } : {}),
    };
  }

  /** The newest nashSet request (an older one still running stops at its next pause). */
  let nashSetLatest = -Infinity;
  /** The newest sampleSize request, likewise. */
  let sampleSizeLatest = -Infinity;

  /**
   * Drives a generator of fractions in slices of NASH_SET_SLICE_MS, pausing between them; returns
   * its value, or null when a newer request of its kind arrived (`newest`; the generator is
   * closed, freeing what it holds). `progress` maps the generator's yields to an overall fraction.
   */
  async function sliced<T>(
    version: number,
    steps: Generator<number, T, void>,
    progress: (y: number) => void,
    pause: () => Promise<void>,
    newest: () => number = () => nashSetLatest,
  ): Promise<T | null> {
    let since = performance.now();
    for (;;) {
      const r = steps.next();
      if (r.done) return r.value;
      progress(r.value);
      if (performance.now() - since >= NASH_SET_SLICE_MS) {
        await pause();
        since = performance.now();
        if (newest() !== version) {
          steps.return(undefined as T);
          return null;
        }
      }
    }
  }

  /** The newest betaSweep request (an older one stops at its next pause). */
  let sweepLatest = -Infinity;

  return {
    async betaSweep(
      version: number,
      s: ScenarioSpec<A>,
      steps: number,
      onProgress?: (fraction: number) => void,
      pause: () => Promise<void> = pauseTask,
    ): Promise<BetaSweepResponse> {
      sweepLatest = version;
      try {
        // The PG step code loads on demand: most scenarios never ask for it. (betaSweep.ts itself
        // is imported statically: as a chunk of its own it split simulate.ts's chunk in two.)
        await loadAlgorithms(SWEEP_ALGORITHMS);
        if (sweepLatest !== version) return { ok: false, version, problem: null };
        const p = validatePreferences(s.preferences);
        const keys = keysOfSpec(s, p);
        onProgress?.(0);
        const v = await sliced(
          version,
          betaSweepSteps(s, p, sweepSteps(steps), rewardsOf(s, keys)),
          (x) => onProgress?.(x),
          pause,
          () => sweepLatest,
        );
        if (!v) return { ok: false, version, problem: null };
        onProgress?.(1);
        return {
          ok: true,
          version,
          n: v.n,
          steps: v.steps,
          labels: v.entries.map((e) => e.label),
          betas: v.entries.map((e) => e.beta),
          policies: v.policies,
          matrix: v.matrix,
          average: v.average,
          order: v.order,
          best: v.best,
        };
      } catch (e) {
        if (e instanceof InvalidInputError)
          return { ok: false, version, problem: { field: e.field, message: e.message } };
        throw e;
      }
    },

    async sampleSize(
      version: number,
      s: ScenarioSpec<A>,
      onProgress?: (fraction: number) => void,
      pause: () => Promise<void> = pauseTask,
    ): Promise<SampleSizeResponse> {
      sampleSizeLatest = version;
      try {
        const f = s.feedback;
        if (!f) throw new InvalidInputError('feedback', 'the sample-size curve needs feedback settings');
        if (f.sampling === 'online') throw new InvalidInputError('sampling', ONLINE_CURVE_UNAVAILABLE);
        const p = validatePreferences(s.preferences);
        const key = `${vectorKey(p)}|${vectorKey(Float64Array.from(s.reference))}|${s.tau}|${f.comparisons}|${f.sampling}|${f.seed}|${f.smoothing}`;
        let curve = cached('sampleSize', key) ? (cache.get(`sampleSize|${key}`) as SampleSizeCurve) : null;
        if (!curve) {
          const steps = sampleSizeSteps({
            preferences: s.preferences,
            reference: s.reference,
            tau: s.tau,
            sampling: f.sampling,
            smoothing: f.smoothing,
            sizes: sampleSizeGrid(f.comparisons),
            seeds: SAMPLE_SIZE_SEEDS,
            seed: f.seed,
          });
          const found = await sliced(
            version,
            steps,
            (x) => onProgress?.(x),
            pause,
            () => sampleSizeLatest,
          );
          if (!found) return { ok: false, version, problem: null };
          curve = memo('sampleSize', key, () => found);
        }
        onProgress?.(1);
        const band = (b: SampleSizeCurve['nlhf']) => ({
          median: Float64Array.from(b.median),
          low: Float64Array.from(b.low),
          high: Float64Array.from(b.high),
        });
        return {
          ok: true,
          version,
          sizes: Float64Array.from(curve.sizes),
          nlhf: band(curve.nlhf),
          rlhf: band(curve.rlhf),
          seeds: SAMPLE_SIZE_SEEDS,
          tau: s.tau,
        };
      } catch (e) {
        if (e instanceof InvalidInputError)
          return { ok: false, version, problem: { field: e.field, message: e.message } };
        throw e;
      }
    },

    async nashSet(
      version: number,
      given: ScenarioSpec<A>,
      limit: boolean,
      onProgress?: (fraction: number) => void,
      pause: () => Promise<void> = pauseTask,
    ): Promise<NashSetResponse> {
      nashSetLatest = version;
      const abandoned: NashSetResponse = { ok: false, version, problem: null };
      try {
        // With feedback: the Nash set of the learned P̂, the matrix the simplex draws.
        const s = resolve(given, validatePreferences(given.preferences));
        const p = validatePreferences(s.preferences);
        const n = s.preferences.length;
        const mu = limit ? validateDistribution(s.reference, n, 'reference') : null;
        const keys = keysOfSpec(s, p);
        const share = limit ? RANGES_SHARE : 1;
        const report = (f: number) => onProgress?.(f);
        report(0);
        const nash = nashSetOf(s, keys, () => {}).nash;
        let ranges = cached('ranges', keys.nash) ? (cache.get(`ranges|${keys.nash}`) as NashRanges) : null;
        if (!ranges) {
          const found = await sliced(version, nashWeightRanges(p, n, nash), (f) => report(f * share), pause);
          if (!found) return abandoned;
          ranges = memo('ranges', keys.nash, () => found);
        }
        let tauLimit: TauLimit | null = null;
        if (mu && !ranges.unique) {
          const limitKey = keys.path;
          if (cached('limit', limitKey)) tauLimit = cache.get(`limit|${limitKey}`) as TauLimit;
          else {
            const found = await sliced(
              version,
              tauLimitSteps(p, n, mu),
              (tau) => report(share + (1 - share) * tauLimitFraction(tau)),
              pause,
            );
            if (!found) return abandoned;
            tauLimit = memo('limit', limitKey, () => found);
          }
        }
        report(1);
        return {
          ok: true,
          version,
          n,
          nash: Float64Array.from(nash),
          unique: ranges.unique,
          low: Float64Array.from(ranges.low),
          high: Float64Array.from(ranges.high),
          inSome: ranges.inSome,
          complete: ranges.complete,
          limit: tauLimit && {
            policy: Float64Array.from(tauLimit.policy),
            tau: tauLimit.tau,
            exploitability: tauLimit.exploitability,
            stable: tauLimit.stable,
          },
        };
      } catch (e) {
        if (e instanceof InvalidInputError)
          return { ok: false, version, problem: { field: e.field, message: e.message } };
        throw e;
      }
    },

    compute(
      version: number,
      given: ScenarioSpec<A>,
      steps: number,
      thinning?: HistoryThinning,
      onProgress?: (progress: ComputeProgress<A>) => void,
      defer = false,
    ): ComputeResponse<A> {
      pending = null;
      try {
        // With feedback everything below reads the learned P̂ (and r̂); the true P was validated first.
        const s = resolve(given, validatePreferences(given.preferences));
        // Validates every input once (also when no algorithm is shown, so bad input is always
        // reported); the runners below reuse the validated, flattened P.
        const p = validatePreferences(s.preferences);
        createRunner(
          {
            algorithm: 'nash-md',
            preferences: s.preferences,
            reference: s.reference,
            initial: s.initial,
            tau: s.tau,
            eta: s.eta,
            steps: 0,
            refresh: s.refresh,
          },
          undefined,
          p,
        );
        for (const algorithm of s.algorithms)
          if (!algorithmById(algorithm))
            createRunner(
              {
                algorithm,
                preferences: s.preferences,
                reference: s.reference,
                initial: s.initial,
                tau: s.tau,
                eta: s.eta,
                steps: 0,
              },
              undefined,
              p,
            ); // names the unknown id
        const n = s.reference.length;
        const keys = keysOfSpec(s, p);
        const allCached =
          cached('rewards', keys.rewards) &&
          cached('nash', keys.nash) &&
          (s.tau === 0 || cached('star', keys.star)) &&
          cached('path', keys.path);
        const reporting = onProgress !== undefined && !allCached && n >= PREVIEW_MIN_N;
        const report = (stage: ComputeStage, fraction: number, preview?: ComputeProgress<A>['preview']): void => {
          if (reporting) onProgress({ version, stage, fraction, preview });
        };
        const needsReward = (algorithm: A) => algorithmById(algorithm)!.rewardModel;
        // A sampled policy-gradient run's bundle companions are made the same way, with their own
        // seed or exact gradients and no average iterates (seedBundle.ts).
        const makeRunner = (algorithm: A, pg = s.pg, average = s.average) => {
          const runner = createRunner(
            {
              algorithm,
              preferences: s.preferences,
              reference: s.reference,
              initial: s.initial,
              tau: s.tau,
              eta: s.eta,
              steps: 0,
              comparisons: s.comparisons,
              counts: s.counts,
              refresh: s.refresh,
              average,
              pg,
            },
            needsReward(algorithm) ? rewardsOf(s, keys) : undefined,
            p,
          );
          // Online feedback: every run follows the models of the rounds drawn so far.
          return s.online ? scheduledRunner(runner, s.online.schedule) : runner;
        };
        const bundles = new Map<A, SeedBundle>();
        const rowsOf = (algorithm: A, runner: Runner) => {
          const own = runRows(algorithm, runner, n, steps, thinning);
          if (!bundleApplies(algorithmById(algorithm)!.params, s.pg)) return own;
          const bundle = createSeedBundle((pg) => makeRunner(algorithm, pg, false), s.pg!);
          bundles.set(algorithm, bundle);
          return [...own, ...bundleRows(own[0], bundle, (r) => runRows(algorithm, r, n, steps, thinning)[0])];
        };
        const unavailable = new Map<A, string>();
        for (const algorithm of s.algorithms) {
          const reason = unavailableReason(algorithm, n, s.tau, s.eta);
          if (reason !== null) unavailable.set(algorithm, reason);
        }

        // Trajectories first; RLHF waits for its reward model unless that is cached. An algorithm
        // that cannot run with these inputs gets no rows and its reason.
        report('runs', 0);
        const runners = new Map<A, Runner | null>();
        // Each algorithm's rows, and after them its average iterates' when the scenario asks for them.
        const rows = new Map<A, Rows<A>[]>();
        for (const algorithm of s.algorithms) {
          const reason = unavailable.get(algorithm);
          if (reason !== undefined) {
            runners.set(algorithm, null);
            rows.set(algorithm, [unavailableRows(algorithm, reason, 0)]);
            continue;
          }
          if (needsReward(algorithm) && !cached('rewards', keys.rewards)) continue;
          const runner = makeRunner(algorithm);
          runners.set(algorithm, runner);
          rows.set(algorithm, rowsOf(algorithm, runner));
        }
        if (reporting) report('runs', STAGE_END.runs, { n, chunks: [...rows.values()].flat().map(previewChunk) });
        const deferred = defer && !thinning && n <= DEFER_MAX_N && steps <= DEFER_MAX_STEPS;
        // Deferred: no equilibria in the answer (RLHF's run fits its reward model, which is cheap
        // at these n); the follow-up solves them.
        const eq = deferred ? null : equilibria(s, keys, report);
        for (const algorithm of s.algorithms) {
          if (runners.has(algorithm)) continue;
          const runner = makeRunner(algorithm);
          runners.set(algorithm, runner);
          rows.set(algorithm, rowsOf(algorithm, runner));
        }
        report('metrics', STAGE_START.metrics);
        // The target is copied: eq.regularized is transferred (detached) when the response is sent.
        const run: ActiveRun<A> = {
          version,
          p,
          n,
          logMu: Float64Array.from(s.reference, Math.log),
          tau: s.tau,
          target: eq && Float64Array.from(eq.regularized),
          runners: s.algorithms.map((algorithm) => ({
            algorithm,
            runner: runners.get(algorithm) ?? null,
            unavailable: unavailable.get(algorithm) ?? null,
            bundle: bundles.get(algorithm),
          })),
        };
        active = run;
        activeSpec = { s, keys };
        if (deferred) {
          // The answer's arrays are transferred (detached): the follow-up works on copies.
          const kept = s.algorithms.flatMap((algorithm) => rows.get(algorithm)!);
          pending = { version, rows: kept };
          return {
            ok: true,
            version,
            n,
            equilibria: null,
            chunks: kept.map(previewChunk),
            deferred: true,
            ...feedbackData(s.learned, s.online),
          };
        }
        const chunks = s.algorithms.flatMap((algorithm) => rows.get(algorithm)!.map((r) => withMetrics(run, r)));
        return { ok: true, version, n, equilibria: eq, chunks, ...feedbackData(s.learned, s.online) };
      } catch (e) {
        if (e instanceof InvalidInputError)
          return { ok: false, version, problem: { field: e.field, message: e.message } };
        throw e;
      }
    },

    followUp(version: number): FollowUp | null {
      const job = pending;
      const run = active;
      if (!job || job.version !== version || !run || run.version !== version || !activeSpec) return null;
      pending = null;
      const equilibriaOf = equilibria(activeSpec.s, activeSpec.keys, () => {});
      run.target ??= Float64Array.from(equilibriaOf.regularized);
      const metrics = job.rows.map((r) => withMetrics(run, r));
      return {
        kl: metrics.map((c) => c.kl),
        exploitability: metrics.map((c) => c.exploitability),
        equilibria: equilibriaOf,
      };
    },

    extend(version: number, steps: number): ExtendResponse<A> {
      const run = active;
      if (!run || run.version !== version) return { ok: false, version, problem: null };
      // An extension asked for before the follow-up ran: its metrics need the target now.
      if (!run.target && activeSpec) run.target = Float64Array.from(targetOf(activeSpec.s, activeSpec.keys));
      return {
        ok: true,
        version,
        chunks: run.runners.flatMap(({ algorithm, runner, unavailable, bundle }) => {
          if (!runner) return [withMetrics(run, unavailableRows(algorithm, unavailable ?? '', 0))];
          const own = plainRows(algorithm, runner, steps);
          const all = bundle ? [...own, ...bundleRows(own[0], bundle, (r) => plainRows(algorithm, r, steps)[0])] : own;
          return all.map((r) => withMetrics(run, r));
        }),
      };
    },

    field(version: number, given: ScenarioSpec<A>, algorithm: string, grid: number): FieldResponse {
      try {
        // With feedback: the flow of the learned P̂ (and r̂), the model the runs follow.
        const s = resolve(given, validatePreferences(given.preferences));
        if (s.reference.length !== 3)
          throw new InvalidInputError(
            'reference',
            `the flow field is drawn for 3 responses, not ${s.reference.length}`,
          );
        const points = simplexGrid(grid);
        const p = validatePreferences(s.preferences);
        // RLHF's field reuses the run's fitted reward model (cached per P and comparison pairs).
        const rewards = algorithmById(algorithm)?.rewardModel ? rewardsOf(s, keysOfSpec(s, p)) : undefined;
        return {
          ok: true,
          version,
          points,
          next: flowField(s, algorithm, points, rewards, p),
          displayName: algorithmById(algorithm)!.displayName,
        };
      } catch (e) {
        if (e instanceof InvalidInputError)
          return { ok: false, version, problem: { field: e.field, message: e.message } };
        throw e;
      }
    },
  };
}

/** The answer's `feedback` field: copies of the memoised counts and models (they are transferred). */
function feedbackData(learned: Learned | undefined, online?: OnlineFeedback): { feedback?: FeedbackData } {
  if (!learned) return {};
  const { counts } = learned;
  const n = counts.n;
  const preferences = new Float64Array(n * n);
  learned.preferences.forEach((row, i) => preferences.set(row, i * n));
  return {
    feedback: {
      n,
      i: counts.i.slice(),
      j: counts.j.slice(),
      winsI: counts.winsI.slice(),
      winsJ: counts.winsJ.slice(),
      preferences,
      rewards: Float64Array.from(learned.rewards),
      ...(online ? { rounds: roundsData(online, n) } : {}),
    },
  };
}

/** Online feedback's rounds, flat (OnlineRoundsData), in fresh arrays (they are transferred). */
function roundsData(online: OnlineFeedback, n: number): OnlineRoundsData {
  const { rounds } = online;
  const entries = rounds.reduce((sum, r) => sum + r.counts.i.length, 0);
  const out: OnlineRoundsData = {
    run: online.run,
    roundSteps: online.schedule.every,
    starts: Float64Array.from(rounds, (r) => r.start),
    sizes: Float64Array.from(rounds, (r) => r.size),
    uniform: Uint8Array.from(rounds, (r) => (r.uniform ? 1 : 0)),
    policies: new Float64Array(rounds.length * n),
    round: new Uint32Array(entries),
    i: new Uint32Array(entries),
    j: new Uint32Array(entries),
    winsI: new Float64Array(entries),
    winsJ: new Float64Array(entries),
  };
  let e = 0;
  rounds.forEach((r, k) => {
    out.policies.set(r.policy, k * n);
    const c = r.counts;
    out.round.fill(k, e, e + c.i.length);
    out.i.set(c.i, e);
    out.j.set(c.j, e);
    out.winsI.set(c.winsI, e);
    out.winsJ.set(c.winsJ, e);
    e += c.i.length;
  });
  return out;
}

/** Every buffer in a response, for transferring (not copying) it to the main thread. */
export function transferables<A extends AlgorithmId>(response: ComputeResponse<A> | ExtendResponse<A>): ArrayBuffer[] {
  if (!response.ok) return [];
  const out: ArrayBuffer[] = response.chunks.flatMap(chunkBuffers);
  if ('equilibria' in response && response.equilibria) {
    for (const v of Object.values(response.equilibria))
      if (v instanceof Float64Array) out.push(v.buffer as ArrayBuffer);
    if (response.equilibria.truth)
      for (const v of Object.values(response.equilibria.truth)) out.push(v.buffer as ArrayBuffer);
  }
  if ('feedback' in response && response.feedback) {
    const { rounds, ...rest } = response.feedback;
    for (const v of Object.values(rest)) if (typeof v !== 'number') out.push(v.buffer as ArrayBuffer);
    if (rounds) for (const v of Object.values(rounds)) if (ArrayBuffer.isView(v)) out.push(v.buffer as ArrayBuffer);
  }
  return out;
}
