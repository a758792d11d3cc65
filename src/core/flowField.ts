/**
 * The flow field of an algorithm on the simplex (n = 3): from each point π of a grid, the policy one
 * step of the algorithm takes it to, π ↦ π₁ (the run's row 1 started at π₀ = π, at t = 0 and thus
 * with t = 0's step size η_0). For the replicator flow that step is one RK4 step of length η_0 along
 * d/ds log π = Pπ − τ log(π/μ) − c, i.e. η_0 times its vector field to O(η_0⁵).
 *
 * Arrows drawn from π to π₁ show where the dynamics go from everywhere at once: the spiral of
 * Nash-MD into π*_τ, the cycles of MWU, the pull of μ.
 */
import type { PolicyGradientSpec } from './pgDefaults.ts';
import { fitBradleyTerry } from './bradleyTerry.ts';
import { InvalidInputError, show } from './errors.ts';
import { ALGORITHM_IDS, algorithmById } from './algorithms/registry.ts';
import { DEFAULT_REFRESH } from './algorithms/mpo/update.ts';
import type { RunContext } from './algorithms/types.ts';
import { matVecOperator } from './matVecOperator.ts';
import { comparisonWeights } from './observedWeights.ts';
import type { Comparisons, Matrix } from './types.ts';
import { validateDistribution, validateEta, validatePreferences, validateRefresh, validateTau } from './validate.ts';

/** What the field needs of a scenario (π₀ is each grid point in turn). */
export interface FieldSpec {
  preferences: Matrix;
  reference: number[];
  tau: number;
  eta: number | 'theorem';
  comparisons?: Comparisons;
  /** Battle counts (comparisons 'observed'). */
  counts?: Matrix | null;
  refresh?: number;
  /** The policy-gradient algorithms' settings (absent fields: their defaults). */
  pg?: Partial<PolicyGradientSpec>;
}

/**
 * One step of `algorithmId` from each point of `points` (row-major, n numbers a point, each a
 * strictly positive distribution): row k of the result is π₁ started from π₀ = row k. `rewards`:
 * the fitted Bradley–Terry rewards (RLHF), when the caller has them cached. Throws an
 * InvalidInputError naming the field for bad input, and naming 'algorithm' for an unknown id or
 * one that cannot run with these inputs (the registry's reason).
 */
export function flowField(
  spec: FieldSpec,
  algorithmId: string,
  points: Float64Array,
  rewards?: Float64Array,
  validatedP?: Float64Array,
): Float64Array {
  const def = algorithmById(algorithmId);
  if (!def)
    throw new InvalidInputError(
      'algorithm',
      `the flow field's algorithm must be one of ${ALGORITHM_IDS.map((id) => `'${id}'`).join(', ')}, got ${show(algorithmId)}`,
    );
  const n = spec.preferences.length;
  const p = validatedP && validatedP.length === n * n ? validatedP : validatePreferences(spec.preferences);
  const mu = validateDistribution(spec.reference, n, 'reference');
  const tau = validateTau(spec.tau);
  const eta = validateEta(spec.eta, tau);
  const refresh = validateRefresh(spec.refresh, DEFAULT_REFRESH);
  const reason = def.unavailable({ n, tau, eta });
  if (reason !== null) throw new InvalidInputError('algorithm', reason);
  if (points.length % n !== 0)
    throw new InvalidInputError(
      'policy',
      `the field's points must hold ${n} numbers each, got ${points.length} numbers`,
    );

  const logMu = Float64Array.from(mu, Math.log);
  const reward = !def.rewardModel
    ? null
    : rewards && rewards.length === n
      ? rewards
      : fitBradleyTerry(
          spec.preferences,
          comparisonWeights({ comparisons: spec.comparisons, reference: mu, counts: spec.counts }),
        );
  const ctx: RunContext = {
    p,
    n,
    product: matVecOperator(p, n),
    logMu,
    tau,
    eta: eta === 'theorem' ? -1 : eta,
    refresh,
    reward,
    pg: spec.pg,
  };
  const state = def.init(ctx);
  const count = points.length / n;
  const result = new Float64Array(points.length);
  const row = new Float64Array(2 * n);
  for (let k = 0; k < count; k++) {
    const pi0 = points.subarray(k * n, (k + 1) * n);
    def.reset(state, pi0);
    row.set(pi0);
    def.advance(state, row, 0, 1);
    result.set(row.subarray(n), k * n);
  }
  return result;
}
