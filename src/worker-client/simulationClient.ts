/**
 * Owns the simulation worker: creates it, sends it requests, and makes sure the newest request
 * wins. At most one request is in flight and at most one waits; a new compute replaces whatever
 * was waiting, so a burst of edits (dragging a slider) never queues up work, and any response
 * older than the newest compute is dropped before it reaches the store.
 */
import * as Comlink from 'comlink';
import type { ComputeResponse, ExtendResponse, ScenarioSpec, SimulationApi } from '../core/workerApi.ts';

type Job = { kind: 'compute'; version: number; spec: ScenarioSpec; steps: number } | { kind: 'extend'; version: number; steps: number };

export interface ClientHandlers {
  onCompute(response: ComputeResponse): void;
  onExtend(response: ExtendResponse): void;
  /** The worker failed (crashed or threw something that is not an input problem). */
  onFailure(message: string): void;
}

export class SimulationClient {
  private worker: Worker | null = null;
  private api: Comlink.Remote<SimulationApi> | null = null;
  private inFlight = false;
  private pending: Job | null = null;
  private latest = 0;
  private disposed = false;

  constructor(private readonly handlers: ClientHandlers) {
    this.start();
  }

  private start(): void {
    this.worker = new Worker(new URL('../../workers/simulation.worker.ts', import.meta.url), { type: 'module', name: 'simulation' });
    this.worker.addEventListener('error', (e) => {
      e.preventDefault();
      this.handlers.onFailure(e.message || 'The simulation worker stopped unexpectedly.');
    });
    this.api = Comlink.wrap<SimulationApi>(this.worker);
  }

  /** Recomputes from scratch for a changed scenario. Returns the request's version. */
  compute(spec: ScenarioSpec, steps: number): number {
    this.latest += 1;
    this.pending = { kind: 'compute', version: this.latest, spec, steps };
    void this.pump();
    return this.latest;
  }

  /** Asks for `steps` more steps of the newest run, unless a compute or an extension is waiting. */
  extend(steps: number): boolean {
    if (this.pending) return false;
    this.pending = { kind: 'extend', version: this.latest, steps };
    void this.pump();
    return true;
  }

  /** True while a request is running or waiting. */
  get busy(): boolean {
    return this.inFlight || this.pending !== null;
  }

  private async pump(): Promise<void> {
    if (this.inFlight || !this.pending || !this.api || this.disposed) return;
    const job = this.pending;
    this.pending = null;
    this.inFlight = true;
    try {
      if (job.kind === 'compute') {
        const r = await this.api.compute(job.version, job.spec, job.steps);
        if (r.version === this.latest && !this.disposed) this.handlers.onCompute(r);
      } else {
        const r = await this.api.extend(job.version, job.steps);
        if (r.version === this.latest && !this.disposed) this.handlers.onExtend(r);
      }
    } catch (e) {
      if (!this.disposed) this.handlers.onFailure(e instanceof Error ? e.message : String(e));
    } finally {
      this.inFlight = false;
    }
    void this.pump();
  }

  dispose(): void {
    this.disposed = true;
    this.pending = null;
    this.api?.[Comlink.releaseProxy]();
    this.worker?.terminate();
    this.worker = null;
    this.api = null;
  }
}
