/**
 * Owns the computation engine (normally the simulation worker): creates it, sends it requests,
 * and makes sure the newest request wins. At most one request is in flight and at most one waits;
 * a new compute replaces whatever was waiting, so a burst of edits (dragging a slider) never
 * queues up work, and any response older than the newest compute is dropped before it reaches the
 * store.
 *
 * Faults: an exception in the worker is reported and the worker keeps serving. A worker that
 * crashes or does not answer within `timeoutMs` is terminated and replaced by a fresh one; the
 * newest scenario is then recomputed once (not after a hang, which the same input would repeat).
 * Where no worker can be started at all, the engine falls back to the main thread.
 */
import type {
  ComputeProgress,
  ComputeResponse,
  ExtendResponse,
  FieldResponse,
  HistoryThinning,
  NashSetResponse,
  SampleSizeResponse,
  ScenarioSpec,
} from '../core/workerApi.ts';
import { createMainThreadEngine, createWorkerEngine, type Engine } from './engines.ts';
import { withFaults, type FaultyEngine, type InjectedFault } from './faultInjection.ts';

/** A computation that takes longer than this is taken for a hung worker. */
export const WORKER_TIMEOUT_MS = 15_000;

type Job =
  | { kind: 'compute'; version: number; spec: ScenarioSpec; steps: number; thinning?: HistoryThinning }
  | { kind: 'extend'; version: number; steps: number };

export interface ClientHandlers {
  onCompute(response: ComputeResponse): void;
  onExtend(response: ExtendResponse): void;
  /** Progress of the newest computation (large n only), possibly with a preview to draw. */
  onProgress?(progress: ComputeProgress): void;
  /** The computation failed (an exception, a crash or a hang); the message says what happened. */
  onFailure(message: string): void;
  /** Computing on the main thread because no worker could be started (shown as a note). */
  onMainThread?(reason: string): void;
  /** The newest flow-field request's answer (older answers are dropped). */
  onField?(response: FieldResponse): void;
  /** The newest Nash-set request's answer (older ones are abandoned by the worker or dropped). */
  onNashSet?(response: NashSetResponse): void;
  /** How far the newest Nash-set request got (0…1). */
  onNashSetProgress?(version: number, fraction: number): void;
}

/** A flow-field request (see SimulationClient.field). */
interface FieldJob {
  version: number;
  spec: ScenarioSpec;
  algorithm: string;
  grid: number;
}

class Timeout extends Error {}

export class SimulationClient {
  private engine: Engine;
  /** The request being answered (null: none). */
  private inFlight: Job | null = null;
  private pending: Job | null = null;
  private latest = 0;
  private latestCompute: Job | null = null;
  private disposed = false;
  /** Bumped on every restart; a response from an older engine is ignored. */
  private generation = 0;
  timeoutMs = WORKER_TIMEOUT_MS;

  /** `faults`: wrap the engine so tests can inject faults (the page's ?debug hooks only). */
  constructor(
    private readonly handlers: ClientHandlers,
    private readonly options: { faults?: boolean } = {},
  ) {
    this.engine = this.startEngine();
  }

  private startEngine(): Engine {
    const engine = this.startPlainEngine();
    return this.options.faults ? withFaults(engine) : engine;
  }

  private startPlainEngine(): Engine {
    try {
      const generation = this.generation;
      return createWorkerEngine(
        (message) => {
          if (generation === this.generation)
            this.restart(`the simulation worker failed (${message}); it was restarted`, true);
        },
        (reason) => this.handlers.onMainThread?.(reason),
      );
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      this.handlers.onMainThread?.(reason);
      return createMainThreadEngine();
    }
  }

  /** Replaces the engine after a crash or hang; optionally recomputes the newest scenario. */
  private restart(message: string, recompute: boolean): void {
    if (this.disposed) return;
    this.generation += 1;
    this.engine.dispose();
    this.engine = this.startEngine();
    this.inFlight = null;
    this.handlers.onFailure(message);
    if (recompute && this.latestCompute && !this.pending) this.pending = { ...this.latestCompute };
    void this.pump();
    this.sendNashSet();
    this.sendSampleSize();
    this.sendLane();
  }

  /** Recomputes from scratch for a changed scenario. Returns the request's version. */
  compute(spec: ScenarioSpec, steps: number, thinning?: HistoryThinning): number {
    this.latest += 1;
    this.pending = { kind: 'compute', version: this.latest, spec, steps, thinning };
    this.latestCompute = this.pending;
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

  /** The flow-field lane: apart from the runs', newest request wins there too. */
  private fieldLatest = 0;
  private fieldInFlight: FieldJob | null = null;
  private fieldPending: FieldJob | null = null;

  /**
   * Asks for the flow field (one step of `algorithm` from each point of a grid of size `grid`); the answer goes to
   * onField unless a newer field request was made meanwhile. A request waiting behind the one in
   * flight is replaced by a newer one, so a drag of τ never queues fields up. Returns its version.
   */
  field(spec: ScenarioSpec, algorithm: string, grid: number): number {
    this.fieldLatest += 1;
    this.fieldPending = { version: this.fieldLatest, spec, algorithm, grid };
    void this.pumpField();
    return this.fieldLatest;
  }

  /** Drops any field answer still to come (the layer was switched off). */
  cancelField(): void {
    this.fieldLatest += 1;
    this.fieldPending = null;
  }

  private async pumpField(): Promise<void> {
    // A test double without a field request: nothing to answer (the layer stays empty).
    if (this.fieldInFlight || !this.fieldPending || this.disposed || !this.engine.field) return;
    const job = this.fieldPending;
    this.fieldPending = null;
    this.fieldInFlight = job;
    const generation = this.generation;
    try {
      const r = await this.withTimeout(this.engine.field(job.version, job.spec, job.algorithm, job.grid));
      if (generation === this.generation && r.version === this.fieldLatest && !this.disposed)
        this.handlers.onField?.(r);
    } catch {
      // A failed or timed-out field is not worth a restart or a message: the runs' requests report
      // a broken worker; the next edit asks again.
    } finally {
      this.fieldInFlight = null;
    }
    void this.pumpField();
  }

  /**
   * The Nash-set lane. Unlike the runs' and the field's, a request is sent at once even while an
   * older one runs: the worker's service works in slices and abandons the older request when it
   * hears of the newer one (true cancellation of a computation that can take seconds at n = 500).
   * No time limit (a long answer is not a hung worker: the runs' requests would notice that);
   * after a restart the newest request is sent again.
   */
  private nashSetLatest = 0;
  private nashSetJob: { version: number; spec: ScenarioSpec; limit: boolean } | null = null;

  /** Asks for every Nash equilibrium of spec's P (and the τ → 0 limit when `limit`). Returns its version. */
  nashSet(spec: ScenarioSpec, limit: boolean): number {
    this.nashSetLatest += 1;
    this.nashSetJob = { version: this.nashSetLatest, spec, limit };
    this.sendNashSet();
    return this.nashSetLatest;
  }

  private sendNashSet(): void {
    const job = this.nashSetJob;
    if (!job || this.disposed || !this.engine.nashSet) return;
    const generation = this.generation;
    const current = () => generation === this.generation && job.version === this.nashSetLatest && !this.disposed;
    this.engine
      .nashSet(job.version, job.spec, job.limit, (f) => {
        if (current()) this.handlers.onNashSetProgress?.(job.version, f);
      })
      .then(
        (r) => {
          if (current() && (r.ok || r.problem)) {
            this.nashSetJob = null;
            this.handlers.onNashSet?.(r);
          }
        },
        () => {
          // A failure is reported by the runs' requests (the same worker); nothing to draw here.
        },
      );
  }

  private sampleSizeLatest = 0;
  /** The newest sample-size request until it is answered: sent again after a restart, as the Nash set's. */
  private sampleSizeJob: {
    version: number;
    spec: ScenarioSpec;
    onProgress: (fraction: number) => void;
    resolve: (r: SampleSizeResponse | null) => void;
  } | null = null;

  /**
   * The sample-size lane (issue 16), like the Nash set's: sent at once, the worker abandons an
   * older request when it hears of a newer one, and after a restart the newest request is sent
   * again. Resolves with the answer, or null when a newer request came first.
   */
  sampleSize(spec: ScenarioSpec, onProgress: (fraction: number) => void): Promise<SampleSizeResponse | null> {
    this.sampleSizeJob?.resolve(null);
    return new Promise((resolve) => {
      this.sampleSizeJob = { version: ++this.sampleSizeLatest, spec, onProgress, resolve };
      this.sendSampleSize();
    });
  }

  private sendSampleSize(): void {
    const job = this.sampleSizeJob;
    const generation = this.generation;
    const current = () => generation === this.generation && job === this.sampleSizeJob && !this.disposed;
    // A failure is reported by the runs' requests (the same worker); a restart sends it again.
    if (job && current())
      this.engine
        .sampleSize?.(job.version, job.spec, (f) => current() && job.onProgress(f))
        .then(
          (r) => {
            if (current()) {
              this.sampleSizeJob = null;
              job.resolve(r.ok || r.problem ? r : null);
            }
          },
          () => {},
        );
  }

  /**
   * A lane loaded on demand (the β sweep's, state/betaSweepLane.ts): `send(engine, live)` runs now
   * and again with the new engine after a restart, until it is replaced or cleared (null); `live`
   * tells whether that engine is still the current one.
   */
  private laneJob: ((engine: Engine, live: () => boolean) => void) | null = null;
  lane(send: ((engine: Engine, live: () => boolean) => void) | null): void {
    this.laneJob = send;
    this.sendLane();
  }
  private sendLane(): void {
    const g = this.generation;
    if (!this.disposed) this.laneJob?.(this.engine, () => g === this.generation && !this.disposed);
  }

  /** True while a request is running or waiting. */
  get busy(): boolean {
    return this.inFlight !== null || this.pending !== null;
  }

  get engineKind(): Engine['kind'] {
    return this.engine.kind;
  }

  /** Test hook: arms a fault in the engine for the next computation. */
  async injectFault(fault: InjectedFault): Promise<void> {
    const engine = this.engine as Partial<FaultyEngine>;
    if (!engine.arm) throw new Error('fault injection is available with ?debug only');
    engine.arm(fault);
  }

  /** The pending requests' time limits: dispose ends them (a terminated worker never answers). */
  private readonly limits = new Set<() => void>();

  private withTimeout<T>(p: Promise<T>): Promise<T> {
    let timer = 0;
    let end: () => void = () => {};
    const limit = new Promise<never>((_, reject) => {
      timer = window.setTimeout(() => reject(new Timeout()), this.timeoutMs);
      end = () => {
        window.clearTimeout(timer);
        reject(new Error('the explorer was closed'));
      };
    });
    this.limits.add(end);
    return Promise.race([p, limit]).finally(() => {
      window.clearTimeout(timer);
      this.limits.delete(end);
    });
  }

  private async pump(): Promise<void> {
    // A computation does not wait behind an extension: the extension's answer is stale the moment
    // a newer computation is asked for (its version is dropped), and if the worker died during it,
    // the computation's own timeout notices at once rather than the extension's.
    const overtake = this.inFlight?.kind === 'extend' && this.pending?.kind === 'compute';
    if ((this.inFlight && !overtake) || !this.pending || this.disposed) return;
    const job = this.pending;
    this.pending = null;
    this.inFlight = job;
    const generation = this.generation;
    const engine = this.engine;
    try {
      if (job.kind === 'compute') {
        const onProgress = (p: ComputeProgress) => {
          if (generation === this.generation && p.version === this.latest && !this.disposed)
            this.handlers.onProgress?.(p);
        };
        const r = await this.withTimeout(engine.compute(job.version, job.spec, job.steps, job.thinning, onProgress));
        if (generation === this.generation && r.version === this.latest && !this.disposed) this.handlers.onCompute(r);
      } else {
        const r = await this.withTimeout(engine.extend(job.version, job.steps));
        if (generation === this.generation && r.version === this.latest && !this.disposed) this.handlers.onExtend(r);
      }
    } catch (e) {
      if (generation !== this.generation || this.disposed) return; // the engine was replaced meanwhile
      if (e instanceof Timeout) {
        // A hang is not retried; but a computation that overtook this hung extension (now in
        // flight on the dead worker) is sent again to the new one.
        this.restart(
          `the computation did not answer within ${Math.round(this.timeoutMs / 1000)} s; the worker was restarted`,
          this.inFlight !== job,
        );
        return;
      }
      this.handlers.onFailure(e instanceof Error ? e.message : String(e));
    } finally {
      if (generation === this.generation && this.inFlight === job) this.inFlight = null;
    }
    void this.pump();
  }

  dispose(): void {
    this.disposed = true;
    this.pending = null;
    this.limits.forEach((end) => end());
    this.engine.dispose();
  }
}
