/**
 * Runs one algorithm for T steps and returns the whole trajectory π_0..π_T.
 */
import { fitBradleyTerry } from './bradleyTerry.ts';
import { comparisonWeights } from './observedWeights.ts';

export { referenceWeights } from './observedWeights.ts';
import { InvalidInputError, show } from './errors.ts';
import { ALGORITHM_IDS, algorithmById, needsLoading } from './algorithms/registry.ts';
import { DEFAULT_REFRESH } from './algorithms/mpo/update.ts';
import type { RunContext } from './algorithms/types.ts';
import { matVecOperator } from './matVecOperator.ts';
import type { SimulationSpec, Trajectory } from './types.ts';
import {
  validateDistribution,
  validateEta,
  validatePreferences,
  validateRefresh,
  validateSteps,
  validateTau,
} from './validate.ts';

/**
 * Simulates `spec.algorithm` from π_0 for `spec.steps` steps. Row t of `policies` is π_t. Every
 * algorithm of the registry (src/core/algorithms/, one module each with its formula and source),
 * among them:
 * - 'nash-md' (§5, Eqs. 3–5): π_{t+1} ∝ π_t^μ exp(η_t P π_t^μ), π_t^μ ∝ π_t^(1−η_t τ) μ^(η_t τ).
 * - 'omd' (Eqs. 7–8):         π_{t+1} ∝ π_t^(1−ητ) μ^(ητ) exp(η P π_t).
 * - 'rlhf' (§3):              r = fitBradleyTerry(P, W), W[i][j] = 1 ('uniform') or μ_i μ_j
 *                             ('reference') or n_ij, the battles observed ('observed');
 *                             then π_{t+1} ∝ π_t^(1−ητ) μ^(ητ) exp(η r).
 * η is constant, or η_t = 2/(τ(t+2)) for eta = 'theorem' (Theorem 1: KL(π*_τ‖π_T) ≤ 8/(τ²(T+1))).
 * Everything is computed in log space; every row lies on the simplex to rounding error.
 */
export function simulate(spec: SimulationSpec): Trajectory {
  const runner = createRunner(spec);
  const policies = runner.advance(spec.steps);
  return { n: runner.n, steps: spec.steps, policies };
}

/** A run that can be continued: the state after t steps, advanced in chunks (for live play). */
export interface Runner {
  readonly n: number;
  /** Steps taken so far. */
  readonly t: number;
  /**
   * Takes `steps` more steps and returns (steps + 1) rows of n: row 0 is π_t (the policy before
   * this call), row k is π_{t+k}. Continuing in chunks gives exactly the rows of one long run.
   */
  advance(steps: number): Float64Array;
  /**
   * With `spec.average`: the average iterates π̄_{t+k} = (1/(t+k+1)) Σ_{s ≤ t+k} π_s of the rows
   * the last advance returned (the same shape, row k for row k); null otherwise. The running mean
   * sees every iteration, so it is exact however a caller thins the rows it keeps.
   */
  readonly averages: Float64Array | null;
  /**
   * Online feedback (onlineFeedback.ts): the next steps follow another model, P (validated,
   * row-major) and, for a reward-model run, its reward. The run keeps its memory (optimism,
   * averages, magnets); the algorithm's rebind refreshes what its init derived from the old model.
   */
  rebind(p: Float64Array, reward: Float64Array | null): void;
}

/**
 * Validates `spec` (as simulate does; `spec.steps` is ignored) and returns a Runner at t = 0.
 * `rewards`: RLHF only, the Bradley–Terry rewards already fitted for this P and these comparison
 * pairs (callers that cache them skip the fit). `validatedP`: P as validatePreferences returned it
 * for this very spec.preferences (callers creating several runners validate the n² entries once).
 * An algorithm that cannot run with these inputs (COMAL at τ = 0) throws an InvalidInputError
 * naming 'algorithm' with the registry's reason (the simulation service reports it per chunk).
 */
export function createRunner(spec: SimulationSpec, rewards?: Float64Array, validatedP?: Float64Array): Runner {
  if (typeof spec !== 'object' || spec === null)
    throw new InvalidInputError('algorithm', 'simulate needs a specification object');
  const { algorithm } = spec;
  const def = typeof algorithm === 'string' ? algorithmById(algorithm) : undefined;
  if (!def && needsLoading(algorithm))
    throw new Error(`${algorithm}'s step code loads on demand: await loadAlgorithms(['${algorithm}']) first`);
  if (!def)
    throw new InvalidInputError(
      'algorithm',
      `algorithm must be one of ${ALGORITHM_IDS.map((id) => `'${id}'`).join(', ')}, got ${show(algorithm)}`,
    );
  const comparisons = spec.comparisons ?? 'uniform';
  if (comparisons !== 'uniform' && comparisons !== 'reference' && comparisons !== 'observed') {
    throw new InvalidInputError(
      'comparisons',
      `comparisons must be 'uniform', 'reference' or 'observed', got ${show(comparisons)}`,
    );
  }
  const n = spec.preferences.length;
  const p = validatedP && validatedP.length === n * n ? validatedP : validatePreferences(spec.preferences);
  const mu = validateDistribution(spec.reference, n, 'reference');
  const pi0 = validateDistribution(spec.initial, n, 'initial');
  const tau = validateTau(spec.tau);
  const eta = validateEta(spec.eta, tau);
  const refresh = validateRefresh(spec.refresh, DEFAULT_REFRESH);
  validateSteps(spec.steps, n);
  const reason = def.unavailable({ n, tau, eta });
  if (reason !== null) throw new InvalidInputError('algorithm', reason);
  // The policy-gradient settings are checked by those algorithms' init (their code loads on demand).
  const pg = spec.pg;

  const logMu = new Float64Array(n);
  for (let i = 0; i < n; i++) logMu[i] = Math.log(mu[i]);
  const reward = !def.rewardModel
    ? null
    : rewards && rewards.length === n
      ? rewards
      : fitBradleyTerry(spec.preferences, comparisonWeights({ comparisons, reference: mu, counts: spec.counts }));
  const ctx: RunContext = {
    p,
    n,
    product: matVecOperator(p, n),
    logMu,
    tau,
    eta: eta === 'theorem' ? -1 : eta,
    refresh,
    reward,
    pg,
  };
  const state = def.init(ctx);
  def.reset(state, pi0);
  const current = Float64Array.from(pi0);
  // π̄_t, updated as π̄_t = π̄_{t−1} + (π_t − π̄_{t−1})/(t+1): a mean of probabilities, never growing.
  const mean = spec.average ? Float64Array.from(pi0) : null;
  let averages: Float64Array | null = null;
  let t = 0;
  return {
    n,
    get t() {
      return t;
    },
    get averages() {
      return averages;
    },
    advance(steps: number): Float64Array {
      validateSteps(steps, n);
      const out = new Float64Array((steps + 1) * n);
      out.set(current);
      def.advance(state, out, t, steps);
      current.set(out.subarray(steps * n));
      if (mean) {
        averages = new Float64Array(out.length);
        averages.set(mean);
        for (let k = 1; k <= steps; k++) {
          const w = 1 / (t + k + 1);
          for (let i = 0; i < n; i++) {
            mean[i] += (out[k * n + i] - mean[i]) * w;
            averages[k * n + i] = mean[i];
          }
        }
      }
      t += steps;
      return out;
    },
    rebind(model: Float64Array, modelReward: Float64Array | null): void {
      ctx.p = model;
      ctx.product = matVecOperator(model, n);
      if (reward) ctx.reward = modelReward;
      def.rebind?.(state);
    },
  };
}

/**
 * Why `algorithm` cannot run with these inputs (the registry's reason), or null when it can.
 * Unknown ids and invalid inputs are left to createRunner to report.
 */
export function unavailableReason(algorithm: string, n: number, tau: number, eta: number | 'theorem'): string | null {
  return algorithmById(algorithm)?.unavailable({ n, tau, eta }) ?? null;
}
