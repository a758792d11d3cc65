/**
 * Prox point, COMAL (Liu, Oikonomou, Zheng, Cai and Cohan, "COMAL: A Convergent Meta-Algorithm for
 * Aligning LLMs with General Preferences", 2024): each iteration solves a whole KL-regularised game
 * whose reference is the current policy,
 *   π_{t+1} = the regularised Nash equilibrium of P with reference π_t:
 *   π_{t+1}(y) ∝ π_t(y) exp((P π_{t+1})_y / τ)                         (τ > 0; η unused)
 * This is the proximal-point method on the game; the last iterate converges to the Nash of P
 * (not to π*_τ), with KL(π*‖π_t) non-increasing.
 *
 * Each step is a Newton solve (fixedPointNewton.ts) on u = log π with reference log π_t, kept in
 * log space (π_t may underflow where its logarithm is still meaningful). It is warm-started from
 * π_t, which is close to π_{t+1} once the run settles; when that fails (large steps at small τ
 * early in a run) the step is solved by the τ-continuation of regularizedNash. Every solve stops
 * at an exploitability below 1e-14 in the step's game. Unlike the other algorithms a step costs
 * a few Newton iterations, each one or more GMRES solves.
 */
import { FixedPointNewton } from '../../fixedPointNewton.ts';
import { solveRegularizedLog } from '../../regularizedNash.ts';
import { normalizeInto, setLog, type AlgorithmNumerics } from '../common.ts';
import type { AlgorithmState, RunContext } from '../types.ts';

export interface ComalState extends AlgorithmState {
  /** log π_t, normalised. */
  logPi: Float64Array;
  /** The step's reference, log π_t (the solver reads it). */
  logRef: Float64Array;
  /** Null at τ = 0, where COMAL cannot run. */
  solver: FixedPointNewton | null;
  /** Steps the warm start could not solve (solved by continuation instead); for tests and benchmarks. */
  fallbacks: number;
}

export const numerics: AlgorithmNumerics<ComalState> = {
  init(ctx: RunContext): ComalState {
    const { n } = ctx;
    const logRef = new Float64Array(n);
    return {
      ctx,
      logPi: new Float64Array(n),
      logRef,
      solver: ctx.tau > 0 ? new FixedPointNewton(ctx.p, n, logRef) : null,
      fallbacks: 0,
    };
  },
  reset(state: ComalState, pi0: Float64Array): void {
    setLog(state.logPi, pi0);
  },
  // The solver holds P: a new model (online feedback's next round) gets a solver of its own.
  rebind(state: ComalState): void {
    if (state.solver) state.solver = new FixedPointNewton(state.ctx.p, state.ctx.n, state.logRef);
  },
  advance(state: ComalState, out: Float64Array, _t0: number, steps: number): void {
    const { ctx, logPi, logRef, solver } = state;
    const { n, p, tau } = ctx;
    if (steps > 0 && !solver) throw new Error('comal: τ = 0, the algorithm is unavailable (see unavailable())');
    for (let t = 0; t < steps; t++) {
      logRef.set(logPi);
      solver!.reset(logPi);
      if (solver!.solve(tau, true)) {
        logPi.set(solver!.u);
      } else {
        state.fallbacks++;
        logPi.set(solveRegularizedLog(p, n, logRef, tau).u);
      }
      normalizeInto(logPi, out, (t + 1) * n, n);
    }
  },
};
