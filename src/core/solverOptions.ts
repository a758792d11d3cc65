/**
 * Options shared by the equilibrium and reward solvers (regularizedNash, regularizedNashPath,
 * nashEquilibrium, fitBradleyTerry).
 */

export interface SolverOptions {
  /**
   * Called a handful of times (at most ~50) with the fraction of the work done, in [0, 1],
   * non-decreasing, ending with exactly 1. Runs synchronously inside the solve.
   */
  onProgress?: (fraction: number) => void;
}

/** Smallest increase of the fraction that is reported (so at most ~1/MIN_STEP + 2 calls). */
const MIN_STEP = 0.025;

/**
 * Wraps onProgress so the solvers can report as often as convenient: the fraction is clamped to
 * [0, 1], kept non-decreasing, and passed on only when it grew by MIN_STEP since the last call
 * (0 and 1 always pass). Returns a no-op without a callback.
 */
export function progressReporter(options?: SolverOptions): (fraction: number) => void {
  const cb = options?.onProgress;
  if (!cb) return () => {};
  let last = -1;
  return (fraction: number) => {
    const f = Math.min(1, Math.max(0, Number.isFinite(fraction) ? fraction : 0));
    if (f === 1 ? last < 1 : f >= last + MIN_STEP || last < 0) {
      last = Math.max(last, f);
      cb(last);
    }
  };
}
