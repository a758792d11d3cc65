/**
 * Allocation-free log-space helpers shared by the algorithm modules.
 */
import type { AlgorithmDefinition, AlgorithmInfo, AlgorithmState, RunContext } from './types.ts';

/** η_t: the constant η, or η_t = 2/(τ(t+2)) (Theorem 1 of Munos et al.) when ctx.eta < 0. */
export function stepSize(ctx: RunContext, t: number): number {
  return ctx.eta < 0 ? 2 / (ctx.tau * (t + 2)) : ctx.eta;
}

/**
 * Writes exp(z − logsumexp z) into out[base..base+n) and normalises z in place
 * (z ← z − logsumexp z): one pass for the max, one for the sum, one to scale. No allocation.
 */
export function normalizeInto(z: Float64Array, out: Float64Array, base: number, n: number): void {
  let m = z[0];
  for (let i = 1; i < n; i++) if (z[i] > m) m = z[i];
  let s = 0;
  for (let i = 0; i < n; i++) {
    const e = Math.exp(z[i] - m);
    out[base + i] = e;
    s += e;
  }
  const inv = 1 / s;
  const ls = m + Math.log(s);
  for (let i = 0; i < n; i++) {
    out[base + i] *= inv;
    z[i] -= ls;
  }
}

/** Copies row `row` of `out` (n entries) into `into`: the policy π_t, contiguous for the mat-vec. */
export function readRow(out: Float64Array, row: number, n: number, into: Float64Array): void {
  const base = row * n;
  for (let i = 0; i < n; i++) into[i] = out[base + i];
}

/** log π_0 into `logPi` (π_0 validated: positive, sums to 1, so the logs are normalised). */
export function setLog(logPi: Float64Array, pi0: Float64Array): void {
  for (let i = 0; i < logPi.length; i++) logPi[i] = Math.log(pi0[i]);
}

/** The numerical part of a definition: state allocation, restart and the steps. */
export type AlgorithmNumerics<S extends AlgorithmState> = Pick<
  AlgorithmDefinition<S>,
  'init' | 'reset' | 'advance' | 'rebind'
>;

/**
 * An algorithm's definition: its description (<id>/info.ts) and its numerics (<id>/update.ts) in
 * one object. The generated registry marks the call @__PURE__ (a bundler annotation), so a bundle
 * that imports registry.gen.ts without using the definitions drops them and their solvers.
 */
export function defineAlgorithm<I extends AlgorithmInfo, S extends AlgorithmState>(
  info: I,
  numerics: AlgorithmNumerics<S>,
): I & AlgorithmNumerics<S> {
  return { ...info, ...numerics };
}
