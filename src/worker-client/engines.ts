/**
 * Where computations run. Normally a module Web Worker reached through comlink; where a worker
 * cannot be started (a sandboxed iframe, a strict Content-Security-Policy, an old browser) the same
 * simulation service runs on the main thread, with long runs split into slices that yield to the
 * browser between them so the page stays responsive.
 */
import * as Comlink from 'comlink';
import { toWire, wireBuffers } from '../core/specWire.ts';
// `?worker&url`: Vite bundles the worker (module format, vite.config.ts) and gives its URL.
// The linter resolves the file, not Vite's `?worker&url` module (whose default is the URL).
// oxlint-disable-next-line import/default
import workerScript from '../../workers/simulation.worker.ts?worker&url';
import type {
  ComputeProgress,
  ComputeResponse,
  ExtendResponse,
  FieldResponse,
  HistoryThinning,
  NashSetResponse,
  SampleSizeResponse,
  BetaSweepResponse,
  ScenarioSpec,
  SeriesChunk,
  WorkerApi,
} from '../core/workerApi.ts';

export interface Engine {
  compute(
    version: number,
    spec: ScenarioSpec,
    steps: number,
    thinning?: HistoryThinning,
    onProgress?: (progress: ComputeProgress) => void,
  ): Promise<ComputeResponse>;
  extend(version: number, steps: number): Promise<ExtendResponse>;
  /** The flow field: one step of `algorithm` from each grid point (SimulationApi.field); optional for test doubles. */
  field?(version: number, spec: ScenarioSpec, algorithm: string, grid: number): Promise<FieldResponse>;
  /** Every Nash equilibrium of P (SimulationApi.nashSet); optional for test doubles. */
  nashSet?(
    version: number,
    spec: ScenarioSpec,
    limit: boolean,
    onProgress?: (fraction: number) => void,
  ): Promise<NashSetResponse>;
  /** The sample-size curve (SimulationApi.sampleSize); optional for test doubles. */
  sampleSize?(
    version: number,
    spec: ScenarioSpec,
    onProgress?: (fraction: number) => void,
  ): Promise<SampleSizeResponse>;
  /**
   * The β sweep (SimulationApi.betaSweep): the worker's. Without it (the main-thread engine, the
   * debug wrapper) the sweep's lane runs the service on the main thread (state/betaSweepLane.ts).
   */
  betaSweep?(
    version: number,
    spec: ScenarioSpec,
    steps: number,
    onProgress?: (fraction: number) => void,
  ): Promise<BetaSweepResponse>;
  dispose(): void;
  readonly kind: 'worker' | 'main-thread';
}

/**
 * The worker's script, as a URL relative to this module (Vite bundles the worker and rewrites this
 * import into `new URL(<worker file>, import.meta.url)`): beside the library's script when the
 * explorer is loaded from another origin than the page.
 */
const WORKER_URL = new URL(workerScript, import.meta.url);

/**
 * The worker engine. `onError` hears of worker errors that no pending call will report;
 * `onMainThread` hears that a worker from another origin could not start and the computations run
 * on the main thread instead. Throws when no worker can be constructed here (the caller then uses
 * the main-thread engine).
 *
 * A page cannot construct a worker from another origin's URL (`new Worker(url)` throws), which is
 * the case of the `<nash-md-explorer>` script served from a CDN. Such a worker is started through
 * a same-origin blob module that imports the real worker by its absolute URL (allowed with CORS);
 * inside, the worker's own chunks and HiGHS's wasm resolve against that URL, not the blob's.
 */
export function createWorkerEngine(
  onError: (message: string) => void,
  onMainThread?: (reason: string) => void,
): Engine {
  // An opaque origin (a sandboxed iframe) keeps the direct path: it throws there, as it should.
  const crossOrigin =
    typeof location !== 'undefined' && location.origin !== 'null' && WORKER_URL.origin !== location.origin;
  if (!crossOrigin) return workerEngine(new Worker(WORKER_URL, { type: 'module', name: 'simulation' }), onError);
  return blobWorkerEngine(onError, onMainThread);
}

/**
 * A worker from another origin, started through a blob. The blob imports the worker with a dynamic
 * import, so a failure (CORS refused, network) comes back as a message instead of a lost worker;
 * calls wait until the worker's module is in (messages sent before it listens would be lost), and
 * after a failure they run on the main thread.
 */
function blobWorkerEngine(onError: (message: string) => void, onMainThread?: (reason: string) => void): Engine {
  const source = `import(${JSON.stringify(WORKER_URL.href)}).then(() => postMessage({ nashmdWorker: 'started' }), (e) => postMessage({ nashmdWorker: 'failed', reason: String((e && e.message) || e) }));`;
  const blob = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  let worker: Worker;
  try {
    worker = new Worker(blob, { type: 'module', name: 'simulation' });
  } catch (e) {
    URL.revokeObjectURL(blob);
    throw e;
  }
  let current: Engine | null = null;
  let disposed = false;
  const fallBack = (reason: string): Engine => {
    worker.terminate();
    onMainThread?.(`the worker script from ${WORKER_URL.origin} could not be started: ${reason}`);
    return createMainThreadEngine();
  };
  const ready = new Promise<Engine>((resolve) => {
    const onStart = (e: MessageEvent) => {
      const d = e.data as { nashmdWorker?: string; reason?: string } | null;
      if (!d || !d.nashmdWorker) return;
      cleanup();
      resolve(d.nashmdWorker === 'started' ? workerEngine(worker, onError) : fallBack(d.reason ?? 'unknown error'));
    };
    const onStartError = (e: Event) => {
      e.preventDefault();
      cleanup();
      resolve(fallBack((e as ErrorEvent).message || 'the blob worker did not load'));
    };
    const cleanup = () => {
      URL.revokeObjectURL(blob);
      worker.removeEventListener('message', onStart);
      worker.removeEventListener('error', onStartError);
    };
    worker.addEventListener('message', onStart);
    worker.addEventListener('error', onStartError);
  }).then((engine) => {
    current = engine;
    if (disposed) engine.dispose();
    return engine;
  });
  return {
    get kind() {
      return current?.kind ?? 'worker';
    },
    compute: async (...args) => (await ready).compute(...args),
    extend: async (version, steps) => (await ready).extend(version, steps),
    dispose() {
      disposed = true;
      if (current) current.dispose();
      else worker.terminate();
    },
  };
}

/** A scenario as it crosses to the worker: its matrix as one transferred Float64Array (specWire.ts), not cloned rows. */
function sent(spec: ScenarioSpec) {
  const wire = toWire(spec);
  return Comlink.transfer(wire, wireBuffers(wire));
}

/** The comlink side of a started worker. */
function workerEngine(worker: Worker, onError: (message: string) => void): Engine {
  worker.addEventListener('error', (e) => {
    e.preventDefault();
    onError(e.message || 'the simulation worker stopped unexpectedly');
  });
  worker.addEventListener('messageerror', () => onError('a message from the simulation worker could not be read'));
  const api = Comlink.wrap<WorkerApi>(worker);
  return {
    kind: 'worker',
    compute: (version, spec, steps, thinning, onProgress) =>
      api.compute(version, sent(spec), steps, thinning, onProgress && Comlink.proxy(onProgress)),
    extend: (version, steps) => api.extend(version, steps),
    nashSet: (version, spec, limit, onProgress) =>
      api.nashSet(version, sent(spec), limit, onProgress && Comlink.proxy(onProgress)),
    sampleSize: (version, spec, onProgress) =>
      api.sampleSize(version, sent(spec), onProgress && Comlink.proxy(onProgress)),
    betaSweep: (version, spec, steps, onProgress) =>
      api.betaSweep(version, sent(spec), steps, onProgress && Comlink.proxy(onProgress)),
    field: (version, spec, algorithm, grid) => api.field(version, sent(spec), algorithm, grid),
    dispose() {
      api[Comlink.releaseProxy]();
      worker.terminate();
    },
  };
}

/** Steps computed per slice on the main thread (≈ a few ms at n ≤ 12). */
const SLICE_STEPS = 500;
const yieldToBrowser = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The fallback engine: the simulation service on the main thread, loaded on first use. */
export function createMainThreadEngine(): Engine {
  const module = import('../core/simulationService.ts');
  const ready = module.then(async (m) => {
    await m.highsReady;
    return m.createSimulationService();
  });
  // The step code of rarely shown algorithms loads on demand (registry.ts).
  const loaded = async (ids: readonly string[]) => (await module).loadAlgorithms(ids);
  const state = { disposed: false };
  return {
    kind: 'main-thread',
    async compute(version, spec, steps, thinning, onProgress) {
      const service = await ready;
      await loaded(spec.algorithms);
      // A thinned long run is computed in one go: slicing it would need its own thinning logic.
      if (thinning) return service.compute(version, spec, steps, thinning, onProgress);
      const first = service.compute(version, spec, Math.min(steps, SLICE_STEPS), undefined, onProgress);
      if (!first.ok) return first;
      // Continue in slices, yielding between them, and merge the slices into one response.
      let done = Math.min(steps, SLICE_STEPS);
      const parts = first.chunks.map((c) => [c]);
      while (done < steps && !state.disposed) {
        await yieldToBrowser();
        const k = Math.min(SLICE_STEPS, steps - done);
        const more = service.extend(version, k);
        if (!more.ok) break; // a newer compute started meanwhile; this response will be dropped
        more.chunks.forEach((c, i) =>
          parts[i].push({
            ...c,
            start: c.start + 1,
            rows: c.rows - 1,
            policies: c.policies.subarray(first.n),
            kl: c.kl.subarray(1),
            exploitability: c.exploitability.subarray(1),
          }),
        );
        done += k;
      }
      return { ...first, chunks: parts.map((list) => mergeChunks(list, first.n)) };
    },
    async extend(version, steps) {
      await yieldToBrowser();
      return (await ready).extend(version, steps);
    },
    async field(version, spec, algorithm, grid) {
      await loaded([algorithm]);
      return (await ready).field(version, spec, algorithm, grid);
    },
    async nashSet(version, spec, limit, onProgress) {
      // The service pauses between slices (a task each), so the page stays responsive here too.
      return (await ready).nashSet(version, spec, limit, onProgress);
    },
    async sampleSize(version, spec, onProgress) {
      return (await ready).sampleSize(version, spec, onProgress);
    },
    dispose() {
      state.disposed = true;
    },
  };
}

/** Concatenates consecutive chunks of one series (each continues where the previous ends). */
function mergeChunks(list: SeriesChunk[], n: number): SeriesChunk {
  if (list.length === 1) return list[0];
  const rows = list.reduce((a, c) => a + c.rows, 0);
  const policies = new Float64Array(rows * n);
  const kl = new Float64Array(rows);
  const exploitability = new Float64Array(rows);
  let at = 0;
  for (const c of list) {
    policies.set(c.policies, at * n);
    kl.set(c.kl, at);
    exploitability.set(c.exploitability, at);
    at += c.rows;
  }
  const { algorithm, average, start } = list[0];
  return { algorithm, ...(average ? { average } : {}), start, rows, policies, kl, exploitability };
}
