/**
 * Replicator flow with entropy regularisation towards μ (the replicator dynamics of Taylor and
 * Jonker, Mathematical Biosciences 1978; with the −τ log(π/μ) term, the continuous-time limit of
 * the KL-regularised mirror-descent updates above, cf. Perolat et al., "From Poincaré Recurrence to
 * Convergence in Imperfect Information Games", ICML 2021):
 *   d/ds log π = Pπ − τ log(π/μ) − c(s),   c(s) keeping π normalised,
 * integrated in log space by one classical Runge–Kutta 4 step of length h = η_t per iteration:
 *   f(ℓ) = P softmax(ℓ) − τ(ℓ − log μ);  k1 = f(ℓ), k2 = f(ℓ + h k1/2), k3 = f(ℓ + h k2/2),
 *   k4 = f(ℓ + h k3);  ℓ_{t+1} = ℓ_t + h (k1 + 2k2 + 2k3 + k4)/6 − c.
 * Constants added to ℓ change neither softmax(ℓ) nor f beyond a constant, so c(s) is dropped and
 * every stage is normalised instead. Its rest point is π*_τ (τ > 0); at τ = 0 the flow conserves
 * KL(π*‖π) around an interior Nash and cycles.
 */
import { normalizeInto, setLog, stepSize, type AlgorithmNumerics } from '../common.ts';
import type { AlgorithmState, RunContext } from '../types.ts';

export interface ReplicatorState extends AlgorithmState {
  /** log π_t, normalised. */
  logPi: Float64Array;
  /** A stage's log-policy and policy, P·policy, the stage's slope and the weighted sum of slopes. */
  z: Float64Array;
  pi: Float64Array;
  win: Float64Array;
  k: Float64Array;
  acc: Float64Array;
}

/** k ← f(z) = P softmax(z) − τ(z − log μ), normalising z in place (softmax(z) into state.pi). */
function slope(state: ReplicatorState): void {
  const { ctx, z, pi, win, k } = state;
  const { n, tau, logMu, product } = ctx;
  normalizeInto(z, pi, 0, n);
  product.apply(pi, win);
  for (let i = 0; i < n; i++) k[i] = win[i] - tau * (z[i] - logMu[i]);
}

export const numerics: AlgorithmNumerics<ReplicatorState> = {
  init(ctx: RunContext): ReplicatorState {
    const { n } = ctx;
    const v = () => new Float64Array(n);
    return { ctx, logPi: v(), z: v(), pi: v(), win: v(), k: v(), acc: v() };
  },
  reset(state: ReplicatorState, pi0: Float64Array): void {
    setLog(state.logPi, pi0);
  },
  advance(state: ReplicatorState, out: Float64Array, t0: number, steps: number): void {
    const { ctx, logPi, z, k, acc } = state;
    const { n } = ctx;
    for (let t = 0; t < steps; t++) {
      const h = stepSize(ctx, t0 + t);
      z.set(logPi);
      slope(state);
      for (let i = 0; i < n; i++) {
        acc[i] = k[i];
        z[i] = logPi[i] + 0.5 * h * k[i];
      }
      slope(state);
      for (let i = 0; i < n; i++) {
        acc[i] += 2 * k[i];
        z[i] = logPi[i] + 0.5 * h * k[i];
      }
      slope(state);
      for (let i = 0; i < n; i++) {
        acc[i] += 2 * k[i];
        z[i] = logPi[i] + h * k[i];
      }
      slope(state);
      const w = h / 6;
      for (let i = 0; i < n; i++) logPi[i] += w * (acc[i] + k[i]);
      normalizeInto(logPi, out, (t + 1) * n, n);
    }
  },
};
