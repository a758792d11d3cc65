/**
 * Connects the pieces: scenario changes → worker computations → runStore; the Play loop that
 * advances t (asking the worker to compute ahead); and the URL hash, kept in step with the state.
 * One per explorer instance (src/explorer), disposed with it. Nothing here touches the page
 * (location.hash, localStorage) unless its options ask for it.
 */
import type { InjectedFault } from '../worker-client/faultInjection.ts';
import { SimulationClient } from '../worker-client/simulationClient.ts';
import type { AppState, AppStore } from './appStore.ts';
import type { AppView } from './appView.ts';
import {
  FRESH_SLACK,
  RECENT_STEPS,
  appendRun,
  coarserThanFresh,
  fillFollowUp,
  replaceRun,
  setT,
  thinningFor,
  type RunStore,
} from './runStore.ts';
import { GRID_MAX_RESPONSES, MAX_STEPS, feedbackKey, toSpec, type Scenario } from './scenario.ts';
import { createHistory, type History } from './history.ts';
import { createAutosave, loadSaved } from './persistence.ts';
import { computationEnded, computationProgressed, computationStarted, type ProgressStore } from './progressStore.ts';
import { flowFieldBlocked, hashFlowField, hashWantsLecture, type UiStore } from './uiStore.ts';
import { decodeHash, encodeHash, type HashProblem } from './urlCodec.ts';
import { hashNashPick } from './nashPick.ts';
import { showsPg } from './betaSweepState.ts';
import { encodeViewOptions, parseViewOptions, type ViewStore } from './viewOptions.ts';

/** The stores of one explorer that the controller drives (see src/explorer/explorer.ts). */
export interface ControllerStores {
  app: AppStore;
  shown: AppView;
  run: RunStore;
  progress: ProgressStore;
  ui: UiStore;
  view: ViewStore;
}

/** The page-level couplings of an explorer, all off by default. */
export interface ControllerOptions {
  /** The starting scenario and view in the URL-hash vocabulary (used unless syncHash finds a hash). */
  hash?: string;
  /** Read the scenario from location.hash, follow its edits, and keep it in step with the state. */
  syncHash?: boolean;
  /** Autosave under this localStorage key (and restore from it when no hash is given). */
  autosave?: string | null;
  /** Test hooks: the engine is wrapped so that faults can be injected (debug hooks). */
  debug?: boolean;
  /** Compute the β sweep even when no policy-gradient algorithm is shown (the explorer shows its figure). */
  betaSweep?: boolean;
}

/**
 * Steps computed beyond t when a scenario changes, so Step and Play can start at once: 200 for
 * small n, fewer for large n, where each step costs O(n²) (n = 500: 10 steps, ~10 ms).
 */
export function lookahead(n: number): number {
  return Math.max(10, Math.round(200 * Math.min(1, (12 / n) ** 2)));
}
/**
 * The most steps one extension asks for: about 2·10⁷ multiply-adds, so that an edit made while
 * playing a large n waits for at most one short extension before the worker takes it up.
 */
function maxExtension(n: number): number {
  return Math.max(20, Math.floor(2e7 / (n * n)));
}
/**
 * The steps a refinement computes at least (see SimulationController.refine), so Reset and Play or
 * a drag back need not wait again soon: 20,000 at small n (cheap there), fewer at large
 * n, where a step costs O(n²) (about 2·10⁸ multiply-adds for the three algorithms).
 */
export function refineWindow(n: number): number {
  return Math.max(lookahead(n), Math.min(20_000, Math.floor(2e8 / (3 * n * n))));
}
/** While playing, keep at least this many seconds of steps computed ahead of t. */
const AHEAD_SECONDS = 1;
/** How often the URL hash follows t while playing (and the scenario while dragging). */
const HASH_INTERVAL_MS = 500;
/** The delay before the hash follows an isolated edit: after the edit's result is drawn. */
const HASH_SETTLE_MS = 100;

/**
 * The longest run whose edits are held: at n ≤ 12 the worker answers 10,000 steps of three
 * algorithms in ~15 ms, within the hold's limit (HOLD_MAX_MS); a longer run would only delay the
 * edit's echo.
 */
const HOLD_MAX_STEPS = 10_000;

/** The inputs whose edits the page may hold back (see holdsForResult). */
const HELD_FIELDS: ReadonlySet<string> = new Set(['preferences', 'preset', 'reference', 'initial']);

/**
 * The flow field's grid: m(m+1)/2 points strictly inside the triangle (core/simplexGrid.ts, made in
 * the worker); m = 20 gives 210 points, about 25 px apart on a 500 px triangle.
 */
const FIELD_GRID_SIZE = 20;

/**
 * Whether the page holds this change back until its result arrives (see appView.ts): an edit of
 * a grid-sized matrix or of μ or π0 while paused, which the worker answers in a few milliseconds.
 * Not a load (t or n changes) and not a control that commits on each change event (sliders,
 * check boxes, menus): React resets such a control to the value it last rendered, so its own
 * value must render at once.
 */
export function holdsForResult(state: AppState, prev: AppState): boolean {
  const s = state.scenario;
  const p = prev.scenario;
  if (s === p || state.playing || state.requestedT !== prev.requestedT) return false;
  if (s.preferences.length !== p.preferences.length || s.preferences.length > GRID_MAX_RESPONSES) return false;
  return (Object.keys(s) as (keyof Scenario)[]).every((k) => HELD_FIELDS.has(k) || s[k] === p[k]);
}

export class SimulationController {
  private readonly client: SimulationClient;
  private readonly unsubscribers: (() => void)[] = [];
  private readonly stopHolding: () => void;
  private raf = 0;
  private lastFrame = 0;
  private carry = 0;
  private lastHash = 0;
  private hashTimer = 0;

  /** Undo/redo of scenario edits (Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z, and the header buttons). */
  readonly history: History;

  private readonly app: AppStore;
  private readonly shown: AppView;
  private readonly run: RunStore;
  private readonly progress: ProgressStore;
  private readonly ui: UiStore;
  private readonly view: ViewStore;
  private readonly syncHash: boolean;
  private readonly autosave: ReturnType<typeof createAutosave> | null;

  constructor(stores: ControllerStores, options: ControllerOptions = {}) {
    ({
      app: this.app,
      shown: this.shown,
      run: this.run,
      progress: this.progress,
      ui: this.ui,
      view: this.view,
    } = stores);
    const { app } = stores;
    this.syncHash = options.syncHash === true;
    this.sweepAlways = options.betaSweep === true;
    // A link's hash wins over the autosaved state; without a hash the saved state comes back, and
    // without either the starting hash of the options.
    const saved =
      options.autosave && !(this.syncHash && window.location.hash.length > 1) ? loadSaved(options.autosave) : null;
    if (this.syncHash && window.location.hash.length > 1) this.loadHash(window.location.hash);
    else if (saved) {
      if (options.hash) this.loadView(options.hash);
      app.getState().loadScenario(saved.scenario, saved.t);
    } else if (options.hash) this.loadHash(options.hash);
    this.history = createHistory(app);
    this.autosave = options.autosave
      ? createAutosave(
          options.autosave,
          () => ({ scenario: app.getState().scenario, t: this.wantedT }),
          (message) => app.getState().setStorageNote(message),
        )
      : null;
    if (this.syncHash) window.addEventListener('hashchange', this.onHashChange);
    if (this.autosave) window.addEventListener('pagehide', this.autosave.flush);
    this.client = new SimulationClient(
      {
        onCompute: (r) => {
          computationEnded(this.progress);
          // The held edit is drawn with its result, in the same task (one frame).
          this.shown.showHeldEdit();
          const app = this.app.getState();
          // The newest computation answered (older answers never reach here).
          const moved = this.moved?.version === r.version ? this.moved : null;
          this.moved = null;
          if (!r.ok) {
            app.setInputProblem(r.problem);
            return;
          }
          app.setInputProblem(null);
          app.setFailure(null);
          // A deferred answer has no equilibria yet: the previous ones stay (same n) until the
          // follow-up brings the new ones, so the markers and curves do not blink.
          replaceRun(this.run, r.n, r.equilibria, r.chunks, this.wantedT, [], moved?.reach);
          // The sampled counts and learned models, with feedback (issue 16); null without.
          if (r.feedback || this.run.getState().feedback) this.run.setState({ feedback: r.feedback ?? null });
          // The steps beyond t (for Step, Play and the timeline) come in a second request, after the
          // edit's figure is drawn (unless a newer computation is already waiting).
          const { length } = this.run.getState();
          const ahead = Math.min(MAX_STEPS, this.wantedT + lookahead(r.n)) - (length - 1);
          if (ahead > 0 && !this.client.busy) this.client.extend(ahead);
        },
        onExtend: (r) => {
          if (!r.ok) return;
          appendRun(this.run, r.chunks);
          // A Step or a timeline move past the computed end waited for these rows.
          if (this.run.getState().t < this.wantedT) setT(this.run, this.wantedT);
        },
        onProgress: (p) => {
          computationProgressed(this.progress, p.stage, p.fraction);
          if (p.preview) {
            const { chunks } = p.preview;
            const computing = this.app
              .getState()
              .scenario.algorithms.filter((a) => !chunks.some((c) => c.algorithm === a));
            replaceRun(
              this.run,
              p.preview.n,
              null,
              chunks,
              this.wantedT,
              computing,
              this.moved?.version === p.version ? this.moved.reach : 0,
            );
          }
          if (p.followUp) fillFollowUp(this.run, p.followUp);
        },
        onFailure: (message) => {
          this.moved = null;
          computationEnded(this.progress);
          this.shown.showHeldEdit();
          this.app.getState().setFailure(message);
        },
        onField: (r) => {
          const algorithm = this.fieldAsked;
          if (!algorithm || algorithm !== this.ui.getState().field) return;
          this.ui.setState({
            flow: r.ok
              ? { algorithm, name: r.displayName, points: r.points, next: r.next }
              : { algorithm, problem: r.problem.message },
          });
        },
        onNashSetProgress: (version, fraction) => {
          const set = this.ui.getState().nashSet;
          if (set && version === this.nashSetVersion && set.fraction < 1)
            this.ui.setState({ nashSet: { ...set, fraction: Math.min(fraction, 0.99) } });
        },
        onNashSet: (r) => {
          const set = this.ui.getState().nashSet;
          if (!set || r.version !== this.nashSetVersion) return;
          // Bad input is the runs' to report; the note then simply says nothing.
          this.ui.setState({ nashSet: { ...set, fraction: 1, result: r.ok ? r : null } });
        },
        onMainThread: (reason) =>
          this.app
            .getState()
            .setEngineNote(
              `Computing on the main thread: this page could not start a Web Worker (${reason}). Long runs may be slower.`,
            ),
      },
      { faults: options.debug === true },
    );

    this.stopHolding = this.shown.holdEdits(
      (state, prev) => this.wantedT <= HOLD_MAX_STEPS && holdsForResult(state, prev),
    );
    this.unsubscribers.push(
      this.app.subscribe((state, prev) => {
        if (state.requestedT !== prev.requestedT) this.wantedT = state.requestedT.t;
        if (state.scenario !== prev.scenario || state.requestedT !== prev.requestedT) {
          // A new scenario or a load: a fresh run, and the timeline reaches as far as it goes.
          this.moved = null;
          // The field first: at n = 3 it costs the worker well under a millisecond, while the
          // run's answer is followed by its equilibria (a follow-up) that a field queued behind
          // it would wait for.
          if (state.scenario !== prev.scenario) this.requestField();
          this.recompute(state.scenario);
          if (state.scenario !== prev.scenario) this.requestNashSet();
          if (state.scenario !== prev.scenario) this.requestSampleSize();
          this.requestBetaSweep();
          this.scheduleSave();
        }
        if (state.playing !== prev.playing) this.setPlaying(state.playing);
      }),
      // Lecture mode lives in the link too (lecture=1).
      this.ui.subscribe((state, prev) => {
        if (state.lecture !== prev.lecture || state.field !== prev.field || state.nashPick !== prev.nashPick)
          this.writeHash();
        if (state.field !== prev.field) this.requestField();
        if (state.nashPick !== prev.nashPick) this.requestNashSet();
      }),
      this.run.subscribe((state, prev) => {
        if (state.t !== prev.t) {
          this.scheduleHash();
          // While playing t changes every frame; the debounce saves once it stops.
          this.scheduleSave();
        }
      }),
    );
    this.wantedT = this.app.getState().requestedT.t;
    this.recompute(this.app.getState().scenario);
    this.requestField();
    this.requestNashSet();
    this.requestSampleSize();
    this.requestBetaSweep();
  }

  /**
   * With feedback: asks for the sample-size curve (issue 16; sampleSizeRequest.ts, loaded when
   * feedback is first on); without, forgets the last one.
   */
  private requestSampleSize(): void {
    if (feedbackKey(this.app.getState().scenario) === '' && !this.ui.getState().sampleSize) return;
    void import('./sampleSizeRequest.ts').then((m) => m.requestSampleSize(this.app, this.ui, this.client));
  }

  private readonly sweepAlways: boolean;

  /**
   * Asks for the β sweep (its lane, betaSweepLane.ts, loads on demand) when a policy-gradient
   * algorithm is shown or the explorer shows the sweep's figure; clears it otherwise.
   */
  private requestBetaSweep(): void {
    const s = this.app.getState().scenario;
    if (this.sweepAlways || showsPg(s))
      void import('./betaSweepLane.ts').then(
        // An edit made while the lane loaded asks again itself.
        (m) =>
          this.app.getState().scenario === s && m.requestBetaSweep(this.client, this.ui, s, toSpec(s), this.wantedT),
      );
    else if (this.ui.getState().betaSweep) this.ui.setState({ betaSweep: null });
  }

  /** The version of the newest Nash-set request. */
  private nashSetVersion = 0;

  /**
   * Asks for every Nash equilibrium of the scenario's P (core nashSet.ts, in the worker, apart
   * from the runs), and for the τ → 0 limit when it is the one drawn; only when P (or, for the
   * limit, μ) changed since the last request: τ, η or t edits ask nothing.
   */
  private requestNashSet(): void {
    const s = this.app.getState().scenario;
    const { nashSet: set, nashPick } = this.ui.getState();
    const limit = nashPick === 'limit';
    // With feedback the set is the learned P̂'s, which changes with the feedback settings too.
    const feedback = feedbackKey(s);
    const sameP = set && set.preferences === s.preferences && (set.feedback ?? '') === feedback;
    if (sameP && (!limit || (set.limitAsked && set.reference === s.reference))) return;
    this.nashSetVersion = this.client.nashSet(toSpec(s), limit);
    // The previous answer stays while only the limit is added (same P): the ranges do not move.
    const keep = sameP ? set.result : null;
    this.ui.setState({
      nashSet: {
        preferences: s.preferences,
        reference: s.reference,
        limitAsked: limit,
        feedback,
        fraction: 0,
        result: keep,
      },
    });
  }

  /** The algorithm of the newest flow-field request. */
  private fieldAsked: string | null = null;

  /**
   * Asks for the flow field of the chosen algorithm, or clears it when none is chosen or the scenario is not drawn as a triangle of
   * single responses (flowFieldBlocked).
   */
  private requestField(): void {
    const { field, flow } = this.ui.getState();
    const s = this.app.getState().scenario;
    if (!field || flowFieldBlocked(s) !== null) {
      this.fieldAsked = null;
      this.client.cancelField();
      if (flow) this.ui.setState({ flow: null });
      return;
    }
    this.fieldAsked = field;
    this.client.field(toSpec(s), field, FIELD_GRID_SIZE);
  }

  /**
   * The t we want to show. Every change of t goes through goTo or the Play loop, which keep this
   * up to date, so an edit recomputes the run up to the same t at once.
   */
  private wantedT: number;

  /**
   * A computation of the scenario shown, asked for by a move of t rather than by an edit (a jump
   * ahead, or a refinement): the timeline keeps its reach. `refine`: Play waits for it. Null once
   * answered, and when an edit asks for a new run.
   */
  private moved: { version: number; steps: number; reach: number; refine: boolean } | null = null;

  /** Computes the scenario up to `steps` (default: up to t, plus the lookahead while playing). */
  private recompute(s: Scenario, steps?: number): number {
    // Up to t only: the redraw after an edit waits for nothing it does not show. Playing asks for
    // steps ahead at once; otherwise they follow the result (see onCompute).
    const ahead = this.app.getState().playing ? lookahead(s.preferences.length) : 0;
    const upTo = steps ?? Math.min(MAX_STEPS, this.wantedT + ahead);
    computationStarted(this.progress);
    const version = this.client.compute(toSpec(s), upTo, thinningFor(upTo));
    this.scheduleHash();
    return version;
  }

  /** Recomputes the scenario shown (not an edit) up to `steps`, keeping the timeline's reach. */
  private recomputeShown(steps: number, refine: boolean): void {
    const { reach } = this.run.getState();
    const version = this.recompute(this.app.getState().scenario, steps);
    this.moved = { version, steps, reach, refine };
  }

  /**
   * Replaces a run whose rows are coarser than a fresh run at t would hold (coarserThanFresh: the
   * thinned history of a long run, seen again after a drag back, a Reset or a pause) by a fresh
   * computation, so that what is drawn at t is exactly what a fresh page at t draws. Up to
   * t + lookahead, or further (refineWindow, at most the old reach) while that stays unthinned, so
   * Play from a Reset has room; when t itself is in thinned territory, up to t exactly, as a
   * fresh page computes it. The timeline keeps its reach: moving t beyond the new run computes
   * those steps again, at the resolution a fresh run has.
   */
  private refine(t: number): void {
    const { n, reach } = this.run.getState();
    const wide = Math.min(MAX_STEPS, Math.max(t + lookahead(n), Math.min(reach, refineWindow(n))));
    this.recomputeShown(thinningFor(wide) ? t : wide, true);
  }

  /** Whether the computation already asked for will bring fresh rows for t (no need to ask again). */
  private covers(t: number): boolean {
    const m = this.moved;
    return m !== null && t <= m.steps && (thinningFor(m.steps) === undefined || m.steps - t <= FRESH_SLACK);
  }

  /** Whether an edit's computation is still waiting: it brings a fresh run at t anyway. */
  private awaitingEdit(): boolean {
    return this.moved === null && this.progress.getState().busySince !== null;
  }

  /** Moves t to `t`, computing more steps first if needed (Step, timeline, Reset). */
  goTo(t: number): void {
    const target = Math.max(0, Math.min(MAX_STEPS, Math.round(t)));
    this.wantedT = target;
    const run = this.run.getState();
    const { length } = run;
    if (this.awaitingEdit()) {
      // The edit's fresh run comes up to wantedT; a jump ahead of it is computed as before.
      if (
        target >= length &&
        (target - length > RECENT_STEPS || !this.client.extend(target - length + 1 + lookahead(run.n)))
      )
        this.recompute(this.app.getState().scenario);
    } else if (coarserThanFresh(run, target)) {
      // Back into a thinned history (or ahead of it): recompute at full resolution.
      if (!this.covers(target)) this.refine(target);
    } else if (
      target >= length &&
      (target - length > RECENT_STEPS || !this.client.extend(target - length + 1 + lookahead(run.n)))
    ) {
      // A long jump ahead is a fresh (thinned) computation rather than one huge extension; so is
      // any jump ahead while a computation is still waiting (an extension would be refused).
      this.recomputeShown(Math.min(MAX_STEPS, target + (this.app.getState().playing ? lookahead(run.n) : 0)), false);
    }
    setT(this.run, target);
  }

  /** The t asked for: t itself, or where a Step or a timeline move is going while its rows compute. */
  get targetT(): number {
    return this.wantedT;
  }

  /** Test hooks (exposed on window only with ?debug in the URL): fault injection and timeout. */
  readonly debug = {
    injectFault: (fault: InjectedFault) => this.client.injectFault(fault),
    setWorkerTimeout: (ms: number) => {
      this.client.timeoutMs = ms;
    },
    engine: () => this.client.engineKind,
    /** True while a computation (not an extension) is running or waiting. */
    computing: () => this.progress.getState().busySince !== null,
  };

  step(delta: number): void {
    this.goTo(this.run.getState().t + delta);
  }

  /** False while the figure is off screen (IntersectionObserver): Play waits, then resumes. */
  private visible = true;

  setVisible(visible: boolean): void {
    if (visible === this.visible) return;
    this.visible = visible;
    this.setPlaying(this.app.getState().playing);
  }

  private setPlaying(playing: boolean): void {
    cancelAnimationFrame(this.raf);
    if (!playing || !this.visible) {
      if (!playing) {
        this.writeHash();
        // A long play compacts the history ahead of t; paused, t shows what a fresh run would.
        const run = this.run.getState();
        if (!this.awaitingEdit() && coarserThanFresh(run, run.t) && !this.covers(run.t)) this.refine(run.t);
      }
      return;
    }
    this.lastFrame = performance.now();
    this.carry = 0;
    const tick = (now: number) => {
      if (this.moved?.refine) {
        // Play waits for a refinement (milliseconds; about a second for 10⁶ thinned steps) rather
        // than draw the coarse rows it replaces.
        this.lastFrame = now;
        this.raf = requestAnimationFrame(tick);
        return;
      }
      const { speed } = this.app.getState();
      const dt = Math.min(0.1, (now - this.lastFrame) / 1000);
      this.lastFrame = now;
      this.carry += speed * dt;
      const advance = Math.floor(this.carry);
      this.carry -= advance;
      const { t, length } = this.run.getState();
      if (length - 1 - t < speed * AHEAD_SECONDS && length - 1 < MAX_STEPS && !this.client.busy) {
        const n = this.run.getState().n;
        this.client.extend(
          Math.min(
            MAX_STEPS - (length - 1),
            maxExtension(n),
            Math.max(lookahead(n), Math.ceil(speed * AHEAD_SECONDS * 2)),
          ),
        );
      }
      if (advance > 0) {
        const next = Math.min(t + advance, length - 1);
        this.wantedT = next;
        setT(this.run, next);
        if (next >= MAX_STEPS) {
          this.app.getState().setPlaying(false);
          return;
        }
      }
      this.raf = requestAnimationFrame(tick);
    };
    this.raf = requestAnimationFrame(tick);
  }

  private scheduleHash(): void {
    // Never in the task of an edit: replaceState is not free, and the edit's redraw waits for the
    // main thread. A small scenario's link follows within HASH_SETTLE_MS (at most every
    // HASH_INTERVAL_MS while dragging); a large matrix's hash holds up to 124,750 numbers and is
    // written only once edits pause.
    const large = this.app.getState().scenario.preferences.length > GRID_MAX_RESPONSES;
    if (!large && this.hashTimer) return; // a write is already due and will see this change
    window.clearTimeout(this.hashTimer);
    const wait = large
      ? HASH_INTERVAL_MS
      : Math.max(HASH_SETTLE_MS, HASH_INTERVAL_MS - (performance.now() - this.lastHash));
    this.hashTimer = window.setTimeout(() => {
      this.hashTimer = 0;
      this.writeHash();
    }, wait);
  }

  private writeHash(): void {
    if (!this.syncHash) return;
    this.lastHash = performance.now();
    // The scenario keys, then how the page is shown (embed, hidden/locked controls, lecture mode).
    const hash = encodeHash(this.app.getState().scenario, this.wantedT) + this.viewHash();
    if (hash !== window.location.hash) history.replaceState(null, '', hash);
  }

  /** How the page is shown, as hash keys (`&embed=1&hide=…&lecture=1&field=…&nash=limit`). */
  viewHash(): string {
    const { lecture, field, nashPick } = this.ui.getState();
    return (
      encodeViewOptions(this.view.getState()) +
      (lecture ? '&lecture=1' : '') +
      (field ? `&field=${field}` : '') +
      (nashPick === 'limit' ? '&nash=limit' : '')
    );
  }

  /**
   * Autosave, except in an embed: a blog post's figures restore from their own links, and they
   * must not overwrite what the reader left in the full explorer on the same site.
   */
  private scheduleSave(): void {
    if (this.autosave && !this.view.getState().embed) this.autosave.schedule();
  }

  /** Applies the view keys of a hash (embed, hide, lock, lecture, field, nash); returns its bad values. */
  loadView(hash: string): HashProblem[] {
    const view = parseViewOptions(hash);
    this.view.setState(view.options, true);
    this.ui.getState().setLecture(hashWantsLecture(hash));
    this.ui.getState().setField(hashFlowField(hash).field);
    this.ui.getState().setNashPick(hashNashPick(hash).pick);
    return hashViewProblems(hash);
  }

  /** Loads the scenario, t and view from a hash; bad values are reported by name. */
  loadHash(hash: string): void {
    const viewProblems = this.loadView(hash);
    const { scenario, t, problems, pending } = decodeHash(hash);
    this.app.getState().loadScenario(scenario, t, [...problems, ...viewProblems]);
    if (pending) void this.app.getState().loadDataPreset(null, hash);
  }

  /** Our own replaceState fires no hashchange: this is a person editing the address bar. */
  /**
   * The hash the event navigated to, not `location.hash`: our own hash write (a timer of the
   * scenario before) may have replaced the address between the navigation and this event, and
   * reading the address then would load the old scenario back.
   */
  private readonly onHashChange = (e: HashChangeEvent) => {
    const hash = e.newURL ? new URL(e.newURL).hash : window.location.hash;
    if (hash.length > 1) this.loadHash(hash);
  };

  dispose(): void {
    window.removeEventListener('hashchange', this.onHashChange);
    if (this.autosave) {
      window.removeEventListener('pagehide', this.autosave.flush);
      this.autosave.dispose();
    }
    this.history.dispose();
    cancelAnimationFrame(this.raf);
    window.clearTimeout(this.hashTimer);
    this.unsubscribers.forEach((u) => u());
    this.stopHolding();
    this.client.dispose();
  }
}

/** The bad values among a hash's view keys (embed, hide, lock, field, nash), each named. */
export function hashViewProblems(hash: string): HashProblem[] {
  const flow = hashFlowField(hash).problem;
  const nash = hashNashPick(hash).problem;
  return [...parseViewOptions(hash).problems, ...(flow ? [flow] : []), ...(nash ? [nash] : [])];
}
