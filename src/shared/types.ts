/**
 * Types shared by the state and the figures (src/shared sits beside src/core: both src/state and
 * src/viz may import it, it imports only src/core).
 */
import type { AlgorithmId } from '../core/algorithms/catalog.ts';
import type { BundleKind } from '../core/workerApi.ts';

/** One algorithm's computed run. Buffers may be longer than `length`; only rows < length are valid. */
export interface SeriesData {
  algorithm: AlgorithmId;
  /**
   * The companion series of the run's average iterates π̄_t = (1/(t+1)) Σ_{s≤t} π_s (scenario
   * `average`): drawn in the run's colour with thinner dashes, its table row "<name> (average)".
   */
  average?: boolean;
  /**
   * A sampled policy-gradient run's companion (SeriesChunk.bundle): 'mean' of its K seeds and
   * 'exact' gradients are rows of their own; 'seed' paths are drawn faintly on the simplex only.
   */
  bundle?: BundleKind;
  /** 'mean': K; 'seed': k (its seed is pgSeed + k). */
  seeds?: number;
  /** Row-major policies: row t (0 ≤ t < length) is π_t, n entries. */
  policies: Float64Array;
  /** KL(π*_τ‖π_t) for t < length. */
  kl: Float64Array;
  /** Exploitability e_τ(π_t) for t < length. */
  exploitability: Float64Array;
  /** Number of valid rows (computed steps + 1 until the history is thinned). */
  length: number;
  /**
   * The iteration of each valid row, when rows are not simply 0, 1, 2, … (a long run keeps a
   * thinned history; see seriesRows.ts). Absent means row r is iteration r.
   */
  times?: Float64Array;
}

/** Which responses are summed into each corner of the ternary plot (disjoint groups). */
export type Corners = readonly [readonly number[], readonly number[], readonly number[]];
