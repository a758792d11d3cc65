/**
 * Shared types of the Nash-MD core. Everything is finite ("tabular"): n responses y_1..y_n.
 */
import type { AlgorithmId } from './algorithms/catalog.ts';
import { ALGORITHM_IDS } from './algorithms/catalog.ts';
import type { PolicyGradientSpec } from './pgDefaults.ts';

/** The algorithms in display order. */
export const ALGORITHMS: readonly AlgorithmId[] = ALGORITHM_IDS;

/** P[i][j] = P(y_i ≻ y_j), the probability that a rater prefers y_i to y_j; P + Pᵀ = 1. */
export type Matrix = readonly ArrayLike<number>[];

/** A vector of n numbers; plain arrays and typed arrays both work. */
export type Vector = ArrayLike<number>;

/** A point of the probability simplex Δ_n, as returned by the library. */
export type Policy = Float64Array;

/**
 * An algorithm the explorer can show: any id of the registry (src/core/algorithms/catalog.ts,
 * in display order: Nash-MD (§5, Eqs. 3–5), OMD (Eqs. 7–8), RLHF (§3), then the NLHF family).
 * Kept as an alias so the core's older signatures read the same; new code names AlgorithmId.
 */
export type Algorithm = AlgorithmId;

/**
 * Which pairs the RLHF reward model was fitted on: all pairs equally, pairs drawn from μ, or the
 * battles actually observed (weights = battle counts; observedWeights.ts).
 */
export type Comparisons = 'uniform' | 'reference' | 'observed';

export interface SimulationSpec {
  /** Any algorithm of the registry (src/core/algorithms/registry.ts); Algorithm is a subset. */
  algorithm: AlgorithmId;
  preferences: Matrix;
  /** μ, strictly positive, sums to 1. */
  reference: Vector;
  /** π_0, strictly positive, sums to 1. */
  initial: Vector;
  /** τ ≥ 0 (τ = 0: plain multiplicative weights). */
  tau: number;
  /** Constant step η > 0, or η_t = 2/(τ(t+2)) from Theorem 1 (needs τ > 0). */
  eta: number | 'theorem';
  /** Number of steps T ≥ 0. */
  steps: number;
  /** RLHF only: pairs for the Bradley–Terry fit; default 'uniform'. */
  comparisons?: Comparisons;
  /**
   * RLHF with comparisons 'observed' only: counts[i][j] = wins of y_i over y_j (ties ½ each), n×n;
   * the fit weighs pair {i, j} by its number of battles counts[i][j] + counts[j][i].
   */
  counts?: Matrix | null;
  /** MPO only: the magnet refresh period K, a whole number ≥ 1; default 50. */
  refresh?: number;
  /** Also keep the average iterate π̄_t = (1/(t+1)) Σ_{s≤t} π_s (Runner.averages); default false. */
  average?: boolean;
  /** Nash-MD-PG, Nash-EMA-PG, RLHF-PG only: the policy-gradient settings; absent fields take PG_DEFAULTS. */
  pg?: Partial<PolicyGradientSpec>;
}

/** T+1 policies of n responses, row-major: row t (t = 0..steps) is π_t. */
export interface Trajectory {
  n: number;
  steps: number;
  policies: Float64Array;
}

/** The fields an InvalidInputError can name. */
export type InputField =
  | 'preferences'
  | 'reference'
  | 'initial'
  | 'tau'
  | 'eta'
  | 'steps'
  | 'rewards'
  | 'weights'
  | 'policy'
  | 'algorithm'
  | 'comparisons'
  | 'refresh'
  | 'feedback'
  | 'smoothing'
  | 'dataSeed'
  | 'sampling'
  | 'onlineRun'
  | 'roundSteps'
  | 'lr'
  | 'beta'
  | 'ema'
  | 'gradient'
  | 'batch'
  | 'pgLabels'
  | 'pgSeed'
  | 'seeds'
  | 'phi'
  | 'features'
  | 'd';
