/**
 * Shared types of the Nash-MD core. Everything is finite ("tabular"): n responses y_1..y_n.
 */
import type { AlgorithmId } from './algorithms/catalog.ts';

/** P[i][j] = P(y_i ≻ y_j), the probability that a rater prefers y_i to y_j; P + Pᵀ = 1. */
export type Matrix = readonly ArrayLike<number>[];

/** A vector of n numbers; plain arrays and typed arrays both work. */
export type Vector = ArrayLike<number>;

/** A point of the probability simplex Δ_n, as returned by the library. */
export type Policy = Float64Array;

/**
 * The three dynamics the UI offers today (the core runs every id of the registry, AlgorithmId in
 * src/core/algorithms/catalog.ts, of which these are the first three).
 * - 'nash-md': Nash-MD (§5, Eqs. 3–5), mirror descent against the geometric mixture π_t^μ.
 * - 'omd': online mirror descent (Eqs. 7–8), the opponent is π_t itself.
 * - 'rlhf': mirror ascent on a fitted Bradley–Terry reward, E_π[r] − τ KL(π‖μ) (§3).
 */
export type Algorithm = 'nash-md' | 'omd' | 'rlhf';

/** The algorithms in display order. */
export const ALGORITHMS: readonly Algorithm[] = ['nash-md', 'omd', 'rlhf'];

/** Compile-time check: every Algorithm is an id of the registry. */
export type AlgorithmIsRegistered = Algorithm extends AlgorithmId ? true : never;

/** Which pairs the RLHF reward model was fitted on: all pairs equally, or pairs drawn from μ. */
export type Comparisons = 'uniform' | 'reference';

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
  /** MPO only: the magnet refresh period K, a whole number ≥ 1; default 50. */
  refresh?: number;
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
  | 'refresh';
