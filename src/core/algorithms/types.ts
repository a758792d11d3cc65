/**
 * The shape every algorithm folder under src/core/algorithms/<id>/ has: what it is (names, citation,
 * parameters, what it converges to), when it cannot run, and its update in log space.
 *
 * Notation (issue 14): r_t = P π_t, so r_t(y) = P(y ≻ π_t); "∝" normalises over y; η_t is the
 * scenario's step (constant η, or η_t = 2/(τ(t+2)) with eta = 'theorem'); μ the reference; τ ≥ 0.
 *
 * A run's state is created once (init) and holds every buffer the update needs, so advancing
 * allocates nothing per step.
 */
import type { MatVecOperator } from '../matVecOperator.ts';
import type { PolicyGradientSpec } from '../pgDefaults.ts';

/** The groups the algorithm picker shows. */
export type AlgorithmFamily = 'nlhf' | 'mirror-descent' | 'extragradient-prox' | 'game-dynamics' | 'parametric';

/** The scenario parameters an algorithm reads (η_t is needed by some only through the step rule). */
export type AlgorithmParam = 'tau' | 'eta' | 'reference' | 'refresh' | 'comparisons' | 'pg';

/**
 * Where the algorithm's iterates go, as its source states it:
 * - 'regularized': π*_τ, the regularised Nash equilibrium (the Nash of P when τ = 0);
 * - 'nash': the Nash equilibrium of P itself, whatever τ;
 * - 'rlhf-optimum': ∝ μ exp(r/τ) for the fitted Bradley–Terry reward r;
 * - 'none': no convergence claim (the last iterate cycles or drifts).
 */
export type ConvergenceTarget = 'regularized' | 'nash' | 'rlhf-optimum' | 'none';

export interface Convergence {
  target: ConvergenceTarget;
  /** Whether the claim is about the last iterate π_t or the average (1/(t+1)) Σ_s π_s. */
  iterate: 'last' | 'average';
  /** One line for the picker: what it converges to and under which step. */
  summary: string;
}

export interface Citation {
  /** Authors and title. */
  paper: string;
  /** Venue and year. */
  venue: string;
  /** arXiv identifier, or null for papers that predate arXiv. */
  arxiv: string | null;
  /** The equation (or section) of the update; null where it has not been checked against the paper. */
  equation: string | null;
}

/** What an availability check sees. */
export interface AvailabilityInputs {
  n: number;
  tau: number;
  eta: number | 'theorem';
}

/**
 * Validated inputs of one run, shared by the algorithm's state. `eta` is the constant step, or −1
 * for Theorem 1's schedule η_t = 2/(τ(t+2)) (see stepSize).
 */
export interface RunContext {
  /** P, row-major, validated (P + Pᵀ = 1); never written. */
  p: Float64Array;
  n: number;
  /** y ← P x (WebAssembly SIMD where available), shared by the runs of one P. */
  product: MatVecOperator;
  /** log μ. */
  logMu: Float64Array;
  tau: number;
  eta: number;
  /** MPO's magnet refresh period K ≥ 1. */
  refresh: number;
  /** RLHF's fitted Bradley–Terry reward (null for the others). */
  reward: Float64Array | null;
  /** The policy-gradient algorithms' settings (parametricPolicy.ts); absent: PG_DEFAULTS. */
  pg?: Partial<PolicyGradientSpec>;
}

/** Every state knows its run's context; the rest is the algorithm's own memory and scratch. */
export interface AlgorithmState {
  readonly ctx: RunContext;
}

/**
 * What an algorithm is, without its numerics: each folder's info.ts exports this part on its own
 * (`info`), apart from update.ts, so the UI's catalog (catalog.ts) does not pull the step code and
 * its solvers into the first-render bundle.
 */
export interface AlgorithmInfo {
  readonly id: string;
  /** The row header of the "Current policies" table. */
  readonly displayName: string;
  /** A few characters for legends and markers. */
  readonly shortName: string;
  readonly family: AlgorithmFamily;
  readonly params: readonly AlgorithmParam[];
  readonly convergesTo: Convergence;
  /**
   * What a step costs: the number of n×n products P·x (the O(n²) part), or 'solve' when each step
   * is an iterative solve (COMAL: a Newton solve per step, far dearer than a product and dearer
   * still at small τ; figures in docs/benchmarks.md). Callers budgeting steps per frame (live play,
   * long runs) use it.
   */
  readonly stepCost: number | 'solve';
  /** True when the run needs the fitted Bradley–Terry reward (RunContext.reward). */
  readonly rewardModel: boolean;
  /** Null when the algorithm can run with these inputs, otherwise the reason it cannot. */
  unavailable(inputs: AvailabilityInputs): string | null;
}

/** An algorithm: what it is (AlgorithmInfo) and its update in log space on a state of type S. */
export interface AlgorithmDefinition<S extends AlgorithmState = AlgorithmState> extends AlgorithmInfo {
  /** Allocates the run's state (every buffer the steps need). Call reset before advancing. */
  init(ctx: RunContext): S;
  /** Starts the run afresh from π_0 = `pi0` (strictly positive, sums to 1) at t = 0. */
  reset(state: S, pi0: Float64Array): void;
  /**
   * Takes `steps` steps from iteration t0: row 0 of `out` holds π_{t0} (as the previous call left
   * it), rows 1..steps receive π_{t0+1}..π_{t0+steps}. Allocates nothing.
   */
  advance(state: S, out: Float64Array, t0: number, steps: number): void;
  /**
   * Optional: the run's model changed in place (state.ctx.p, .product and .reward now hold another
   * P and reward, as online feedback does between its rounds); refreshes whatever init derived from
   * them. Not needed by an algorithm that reads them from ctx at every step.
   */
  rebind?(state: S): void;
}
