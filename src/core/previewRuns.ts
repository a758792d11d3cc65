/**
 * The trajectories and their metrics without the LP Nash equilibrium: what the worker sends first
 * while the HiGHS WebAssembly module (3.5 MB) is still compiling, so the first figure does not
 * wait for it. π*_τ, the metrics' target, is a Newton solve (regularizedNash) that needs no LP;
 * for τ = 0 the target is the Nash itself, and the metrics are left unknown (NaN) until it is known.
 */
import { fitBradleyTerry } from './bradleyTerry.ts';
import { InvalidInputError } from './errors.ts';
import { regularizedNash } from './regularizedNash.ts';
import { algorithmById, type AlgorithmId } from './algorithms/registry.ts';
import { previewChunk, runRows, unavailableRows, withMetrics, type ActiveRun } from './runRows.ts';
import { createRunner, unavailableReason } from './simulate.ts';
import { comparisonWeights } from './observedWeights.ts';
import type { Algorithm } from './types.ts';
import { validatePreferences } from './validate.ts';
import type { HistoryThinning, ScenarioSpec, SeriesChunk } from './workerApi.ts';

export { progressTransferables } from './runRows.ts';

/** Above this n the preview is not worth computing twice (the full computation previews itself). */
export { loadAlgorithms } from './algorithms/registry.ts';

export const EARLY_PREVIEW_MAX_N = 50;

/** The runs of `spec` for `steps` steps, or null when the input is invalid (the full computation reports it). */
export function previewRuns<A extends AlgorithmId = Algorithm>(
  spec: ScenarioSpec<A>,
  steps: number,
  thinning?: HistoryThinning,
): { n: number; chunks: SeriesChunk<A>[] } | null {
  try {
    const base = {
      preferences: spec.preferences,
      reference: spec.reference,
      initial: spec.initial,
      tau: spec.tau,
      eta: spec.eta,
      steps: 0,
      comparisons: spec.comparisons,
      counts: spec.counts,
      refresh: spec.refresh,
      average: spec.average,
      pg: spec.pg,
    };
    const p = validatePreferences(spec.preferences);
    createRunner({ ...base, algorithm: 'nash-md' }, undefined, p); // validates the other inputs
    const n = spec.reference.length;
    const rewards = spec.algorithms.some((a) => algorithmById(a)?.rewardModel)
      ? fitBradleyTerry(spec.preferences, comparisonWeights(spec))
      : undefined;
    const target = spec.tau > 0 ? regularizedNash(spec.preferences, spec.reference, spec.tau) : null;
    const run: ActiveRun<A> = {
      version: 0,
      p,
      n,
      logMu: Float64Array.from(spec.reference, Math.log),
      tau: spec.tau,
      target: target ?? new Float64Array(n),
      runners: [],
    };
    const chunks = spec.algorithms.flatMap((algorithm) => {
      const reason = unavailableReason(algorithm, n, spec.tau, spec.eta);
      if (reason !== null) return [withMetrics(run, unavailableRows(algorithm, reason, 0))];
      const runner = createRunner({ ...base, algorithm }, rewards, p);
      return runRows(algorithm, runner, n, steps, thinning).map((r) =>
        target ? withMetrics(run, r) : previewChunk(r),
      );
    });
    return { n, chunks };
  } catch (e) {
    if (e instanceof InvalidInputError) return null;
    throw e;
  }
}
