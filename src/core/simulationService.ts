/**
 * The simulation service the worker exposes: validates a scenario, computes its equilibria
 * (cached: dragging π0 or scrubbing does not re-solve them) and runs each algorithm, continuing
 * runs in chunks for live play. Pure: no worker or messaging code, so it is tested in Node.
 */
import { fitBradleyTerry, rlhfOptimum } from './bradleyTerry.ts';
import { InvalidInputError } from './errors.ts';
import { flatten, trajectoryMetrics } from './metrics.ts';
import { nashEquilibrium } from './nashEquilibrium.ts';
import { regularizedNash, regularizedNashPath } from './regularizedNash.ts';
import { createRunner, referenceWeights, type Runner } from './simulate.ts';
import type { Algorithm } from './types.ts';
import type { ComputeResponse, EquilibriaResult, ExtendResponse, HistoryThinning, InjectedFault, ScenarioSpec, SeriesChunk, SimulationApi } from './workerApi.ts';

/** τ-path grid: 48 values log-spaced from 20 (π*_τ ≈ μ) down to 1e-3 (close to the Nash). */
export const TAU_GRID: Float64Array = Float64Array.from({ length: 48 }, (_, k) => 20 * (1e-3 / 20) ** (k / 47));

interface ActiveRun {
  version: number;
  p: Float64Array;
  n: number;
  logMu: Float64Array;
  tau: number;
  target: Float64Array;
  runners: { algorithm: Algorithm; runner: Runner }[];
}

export function createSimulationService(): SimulationApi {
  let active: ActiveRun | null = null;
  let armed: InjectedFault | null = null;
  const cache = new Map<string, unknown>();
  /** Memoises one value per kind of result; a new key for a kind replaces the old one. */
  const memo = <T>(kind: string, key: string, f: () => T): T => {
    const full = `${kind}|${key}`;
    if (!cache.has(full)) {
      for (const k of cache.keys()) if (k.startsWith(`${kind}|`)) cache.delete(k);
      cache.set(full, f());
    }
    return cache.get(full) as T;
  };

  function equilibria(s: ScenarioSpec): EquilibriaResult {
    const pKey = JSON.stringify(s.preferences);
    const muKey = s.reference.join(',');
    const nash = memo('nash', pKey, () => nashEquilibrium(s.preferences));
    const weightsKey = s.comparisons === 'reference' ? muKey : 'uniform';
    const rewards = memo('rewards', `${pKey}|${weightsKey}`, () =>
      fitBradleyTerry(s.preferences, s.comparisons === 'reference' ? referenceWeights(s.reference) : undefined),
    );
    const regularized = s.tau > 0 ? memo('star', `${pKey}|${muKey}|${s.tau}`, () => regularizedNash(s.preferences, s.reference, s.tau)) : nash;
    const taus = Array.from(TAU_GRID);
    const regularizedPath = memo('path', `${pKey}|${muKey}`, () => regularizedNashPath(s.preferences, s.reference, taus));
    const n = s.reference.length;
    const rlhfPath = new Float64Array(taus.length * n);
    taus.forEach((tau, k) => rlhfPath.set(rlhfOptimum(rewards, s.reference, tau), k * n));
    return {
      regularized: Float64Array.from(regularized),
      nash: Float64Array.from(nash),
      rewards: Float64Array.from(rewards),
      rlhfOptimum: rlhfOptimum(rewards, s.reference, s.tau),
      tauGrid: Float64Array.from(TAU_GRID),
      regularizedPath: Float64Array.from(regularizedPath),
      rlhfPath,
    };
  }

  function chunk(run: ActiveRun, algorithm: Algorithm, runner: Runner, steps: number): SeriesChunk {
    const start = runner.t;
    const policies = runner.advance(steps);
    const rows = steps + 1;
    const kl = new Float64Array(rows);
    const exploitability = new Float64Array(rows);
    trajectoryMetrics(run.p, run.n, run.logMu, run.tau, run.target, policies, 0, rows, kl, exploitability);
    return { algorithm, start, rows, policies, kl, exploitability };
  }

  /**
   * Like chunk(), keeping only the rows `thinning` selects. The run advances in blocks, so a
   * million steps never hold a million rows in memory; metrics are computed for kept rows only.
   */
  function thinnedChunk(run: ActiveRun, algorithm: Algorithm, runner: Runner, steps: number, thinning: HistoryThinning): SeriesChunk {
    const { n } = run;
    const start = runner.t;
    const end = start + steps;
    const keep = (t: number) => t >= thinning.recentFrom || t % thinning.stride === 0 || t === end;
    let count = 0;
    for (let t = start; t <= end; t++) if (keep(t)) count++;
    const times = new Float64Array(count);
    const policies = new Float64Array(count * n);
    let k = 0;
    const take = (block: Float64Array, t0: number, from: number) => {
      for (let r = from; r < block.length / n; r++) {
        const t = t0 + r;
        if (!keep(t)) continue;
        times[k] = t;
        policies.set(block.subarray(r * n, (r + 1) * n), k * n);
        k++;
      }
    };
    const BLOCK = 8192;
    let done = 0;
    while (done < steps) {
      const t0 = runner.t;
      const block = runner.advance(Math.min(BLOCK, steps - done));
      take(block, t0, done === 0 ? 0 : 1); // row 0 of a later block repeats the previous block's last row
      done += block.length / n - 1;
    }
    if (steps === 0) take(runner.advance(0), start, 0);
    const kl = new Float64Array(count);
    const exploitability = new Float64Array(count);
    trajectoryMetrics(run.p, run.n, run.logMu, run.tau, run.target, policies, 0, count, kl, exploitability);
    return { algorithm, start, rows: count, times, policies, kl, exploitability };
  }

  return {
    compute(version: number, s: ScenarioSpec, steps: number, thinning?: HistoryThinning): ComputeResponse {
      const fault = armed;
      armed = null;
      if (fault === 'throw') throw new Error('injected fault: the computation threw');
      if (fault === 'hang') for (;;) if (armed === 'crash') break; // never true: a deliberate endless loop
      try {
        const runners = s.algorithms.map((algorithm) => ({
          algorithm,
          runner: createRunner({ algorithm, preferences: s.preferences, reference: s.reference, initial: s.initial, tau: s.tau, eta: s.eta, steps: 0, comparisons: s.comparisons }),
        }));
        // Validate once even when no algorithm is shown, so bad input is always reported.
        if (runners.length === 0) createRunner({ algorithm: 'nash-md', preferences: s.preferences, reference: s.reference, initial: s.initial, tau: s.tau, eta: s.eta, steps: 0 });
        const eq = equilibria(s);
        const n = s.reference.length;
        // The target is copied: eq.regularized is transferred (detached) when the response is sent.
        const run: ActiveRun = { version, p: flatten(s.preferences), n, logMu: Float64Array.from(s.reference, Math.log), tau: s.tau, target: Float64Array.from(eq.regularized), runners };
        active = run;
        const chunks = runners.map(({ algorithm, runner }) => (thinning ? thinnedChunk(run, algorithm, runner, steps, thinning) : chunk(run, algorithm, runner, steps)));
        return { ok: true, version, n, equilibria: eq, chunks };
      } catch (e) {
        if (e instanceof InvalidInputError) return { ok: false, version, problem: { field: e.field, message: e.message } };
        throw e;
      }
    },

    extend(version: number, steps: number): ExtendResponse {
      const run = active;
      if (!run || run.version !== version) return { ok: false, version, problem: null };
      return { ok: true, version, chunks: run.runners.map(({ algorithm, runner }) => chunk(run, algorithm, runner, steps)) };
    },

    injectFault(fault: InjectedFault): void {
      armed = fault;
    },
  };
}

/** Every buffer in a response, for transferring (not copying) it to the main thread. */
export function transferables(response: ComputeResponse | ExtendResponse): ArrayBuffer[] {
  if (!response.ok) return [];
  const out: ArrayBuffer[] = [];
  for (const c of response.chunks) {
    out.push(c.policies.buffer as ArrayBuffer, c.kl.buffer as ArrayBuffer, c.exploitability.buffer as ArrayBuffer);
    if (c.times) out.push(c.times.buffer as ArrayBuffer);
  }
  if ('equilibria' in response) {
    for (const v of Object.values(response.equilibria)) out.push((v as Float64Array).buffer as ArrayBuffer);
  }
  return out;
}
