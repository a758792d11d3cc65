/**
 * The simulation worker: a thin comlink adapter around src/core's simulation service. No math
 * here. Every response's typed arrays are transferred, not copied.
 *
 * The service pulls in the HiGHS WebAssembly solver, which it loads asynchronously (highsReady).
 * Messages that arrive before a worker listens are lost, so the API is exposed at once and each
 * call awaits the service module and HiGHS (a dynamic import, started immediately).
 */
import * as Comlink from 'comlink';
import { fromWire } from '../src/core/specWire.ts';
import type { ComputeProgress, HistoryThinning, WireSpec, WorkerApi } from '../src/core/workerApi.ts';

// The HiGHS-free preview (previewRuns.ts) loads in a fraction of the time: the first computation
// draws its trajectories from it while the service (with HiGHS, its JavaScript glue and its
// WebAssembly) loads. The service is asked for once the first preview is posted, a moment later,
// so that the first figure's bytes and the service's do not compete on the network or on this
// thread; a computation that cannot be previewed (large n) asks for it at once.
// A failed preview import only costs the preview: the service answers as before.
const light = import('../src/core/previewRuns.ts').catch(() => null);
/** After the page has taken the first preview: it draws it meanwhile. */
const SERVICE_DELAY_MS = 50;
/** The longest the service waits for the page to take the first preview. */
const ACK_LIMIT_MS = 1000;
let servicePromise: Promise<{
  service: import('../src/core/simulationService.ts').SimulationService;
  loadAlgorithms: typeof import('../src/core/simulationService.ts').loadAlgorithms;
  transferables: typeof import('../src/core/simulationService.ts').transferables;
  progressTransferables: typeof import('../src/core/simulationService.ts').progressTransferables;
}> | null = null;
let heavyLoaded = false;
/**
 * The Nash set is never the reason the service loads: it waits until a computation has asked for
 * it, so the first figure's preview keeps the network and this thread to itself.
 */
let serviceAsked: () => void = () => {};
const serviceWanted = new Promise<void>((resolve) => (serviceAsked = resolve));
function loadService() {
  serviceAsked();
  servicePromise ??= import('../src/core/simulationService.ts').then(async (m) => {
    await m.highsReady;
    heavyLoaded = true;
    return {
      service: m.createSimulationService(),
      loadAlgorithms: m.loadAlgorithms,
      transferables: m.transferables,
      progressTransferables: m.progressTransferables,
    };
  });
  return servicePromise;
}

type Async<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never;
};

const api: Async<WorkerApi> = {
  async compute(
    version: number,
    wire: WireSpec,
    steps: number,
    thinning?: HistoryThinning,
    onProgress?: (progress: ComputeProgress) => void,
  ) {
    const scenario = fromWire(wire);
    const early = heavyLoaded ? null : await light;
    // With feedback the runs follow the learned P̂, which only the service samples: no preview of P's.
    if (early && onProgress && !scenario.feedback && scenario.reference.length <= early.EARLY_PREVIEW_MAX_N) {
      const { previewRuns, progressTransferables } = early;
      // The step code of rarely shown algorithms loads on demand (the policy-gradient ones).
      await early.loadAlgorithms(scenario.algorithms);
      const preview = heavyLoaded ? null : previewRuns(scenario, steps, thinning);
      if (preview) {
        const p: ComputeProgress = { version, stage: 'solver', fraction: 0, preview };
        const shown = onProgress(Comlink.transfer(p, progressTransferables(p)));
        // The first time: the service is asked for once the page has taken the preview (the
        // proxy's call returns after its handler ran) and a moment more, or after ACK_LIMIT_MS
        // if the page does not answer.
        if (!servicePromise) {
          const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
          await Promise.race([Promise.resolve(shown).then(() => wait(SERVICE_DELAY_MS)), wait(ACK_LIMIT_MS)]);
        }
      }
    }
    const { service, transferables, progressTransferables, loadAlgorithms } = await loadService();
    // Online feedback's run may be one that is not shown (its step code too may load on demand).
    await loadAlgorithms([...scenario.algorithms, scenario.feedback?.online?.run ?? '']);
    // onProgress is a comlink proxy: each call posts a message at once, while the computation
    // goes on; a preview's arrays are transferred like a response's.
    const report =
      onProgress && ((p: ComputeProgress) => void onProgress(Comlink.transfer(p, progressTransferables(p))));
    // Small computations answer without their metrics and τ-paths, which follow in a moment
    // (SimulationService in simulationService.ts): the edit's figure does not wait for them.
    const r = service.compute(version, scenario, steps, thinning, report, onProgress !== undefined);
    if (r.ok && r.deferred && onProgress) {
      setTimeout(() => {
        const followUp = service.followUp(version);
        if (!followUp) return; // a newer computation came first
        const p: ComputeProgress = { version, stage: 'metrics', fraction: 1, followUp };
        void onProgress(Comlink.transfer(p, progressTransferables(p)));
      }, 0);
    }
    return Comlink.transfer(r, transferables(r));
  },
  async field(version: number, wire: WireSpec, algorithm: string, grid: number) {
    const { service, loadAlgorithms } = await loadService();
    await loadAlgorithms([algorithm]);
    const r = service.field(version, fromWire(wire), algorithm, grid);
    return r.ok ? Comlink.transfer(r, [r.points.buffer as ArrayBuffer, r.next.buffer as ArrayBuffer]) : r;
  },
  async nashSet(version: number, wire: WireSpec, limit: boolean, onProgress?: (fraction: number) => void) {
    await serviceWanted;
    const { service } = await loadService();
    // onProgress is a comlink proxy: each call posts a message; the service pauses between its
    // slices, so a newer nashSet call (or a run's) is heard meanwhile.
    const r = await service.nashSet(version, fromWire(wire), limit, onProgress && ((f) => void onProgress(f)));
    return r.ok
      ? Comlink.transfer(r, [
          r.nash.buffer as ArrayBuffer,
          r.low.buffer as ArrayBuffer,
          r.high.buffer as ArrayBuffer,
          ...(r.limit ? [r.limit.policy.buffer as ArrayBuffer] : []),
        ])
      : r;
  },
  async sampleSize(version: number, wire: WireSpec, onProgress?: (fraction: number) => void) {
    await serviceWanted;
    const { service } = await loadService();
    // Sliced like the Nash set: a newer request (or a run's) is heard between the slices.
    const r = await service.sampleSize(version, fromWire(wire), onProgress && ((f) => void onProgress(f)));
    return r.ok
      ? Comlink.transfer(
          r,
          [r.sizes, r.nlhf.median, r.nlhf.low, r.nlhf.high, r.rlhf.median, r.rlhf.low, r.rlhf.high].map(
            (a) => a.buffer as ArrayBuffer,
          ),
        )
      : r;
  },
  async betaSweep(version: number, wire: WireSpec, steps: number, onProgress?: (fraction: number) => void) {
    await serviceWanted;
    const { service } = await loadService();
    // Sliced like nashSet: a newer betaSweep call (or a run's) is heard between slices.
    const r = await service.betaSweep(version, fromWire(wire), steps, onProgress && ((f) => void onProgress(f)));
    return r.ok
      ? Comlink.transfer(r, [
          r.policies.buffer as ArrayBuffer,
          r.matrix.buffer as ArrayBuffer,
          r.average.buffer as ArrayBuffer,
        ])
      : r;
  },
  async extend(version: number, steps: number) {
    const { service, transferables } = await loadService();
    const r = service.extend(version, steps);
    return Comlink.transfer(r, transferables(r));
  },
};

Comlink.expose(api);
