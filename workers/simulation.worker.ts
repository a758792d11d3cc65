/**
 * The simulation worker: a thin comlink adapter around src/core's simulation service. No math
 * here. Every response's typed arrays are transferred, not copied.
 *
 * The service pulls in the HiGHS WebAssembly solver, which loads with a top-level await. Messages
 * that arrive before a worker listens are lost, so the API is exposed at once and each call
 * awaits the service module (a dynamic import, started immediately).
 */
import * as Comlink from 'comlink';
import { fromWire } from '../src/core/specWire.ts';
import type { ComputeProgress, HistoryThinning, WireSpec, WorkerApi } from '../src/core/workerApi.ts';

// The HiGHS-free preview (previewRuns.ts) loads in a fraction of the time: the first computation
// draws its trajectories from it while HiGHS still compiles. The service (with HiGHS) is imported
// once the preview module is in, so the two do not compete for this thread at the start.
const light = import('../src/core/previewRuns.ts');
const ready = light
  .catch(() => null)
  .then(() => import('../src/core/simulationService.ts'))
  .then((m) => ({ service: m.createSimulationService(), transferables: m.transferables, progressTransferables: m.progressTransferables }));
let heavyLoaded = false;
void ready.then(() => {
  heavyLoaded = true;
});

type Async<T> = { [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<R> : never };

const api: Async<WorkerApi> = {
  async compute(version: number, wire: WireSpec, steps: number, thinning?: HistoryThinning, onProgress?: (progress: ComputeProgress) => void) {
    const scenario = fromWire(wire);
    if (!heavyLoaded && onProgress && scenario.reference.length <= (await light).EARLY_PREVIEW_MAX_N) {
      const { previewRuns, progressTransferables } = await light;
      const preview = heavyLoaded ? null : previewRuns(scenario, steps, thinning);
      if (preview) {
        const p: ComputeProgress = { version, stage: 'solver', fraction: 0, preview };
        void onProgress(Comlink.transfer(p, progressTransferables(p)));
      }
    }
    const { service, transferables, progressTransferables } = await ready;
    // onProgress is a comlink proxy: each call posts a message at once, while the computation
    // goes on; a preview's arrays are transferred like a response's.
    const report = onProgress && ((p: ComputeProgress) => void onProgress(Comlink.transfer(p, progressTransferables(p))));
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
    const { service } = await ready;
    const r = service.field(version, fromWire(wire), algorithm, grid);
    return r.ok ? Comlink.transfer(r, [r.points.buffer as ArrayBuffer, r.next.buffer as ArrayBuffer]) : r;
  },
  async extend(version: number, steps: number) {
    const { service, transferables } = await ready;
    const r = service.extend(version, steps);
    return Comlink.transfer(r, transferables(r));
  },
};

Comlink.expose(api);
