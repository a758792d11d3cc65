/**
 * The controller with the real simulation service behind a scripted engine (no worker in Node):
 * after a long run, whose history is thinned, going back (timeline, Step, Reset) or pausing
 * recomputes, so the rows drawn at t are exactly those a fresh run to t holds — every step.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Engine } from '../worker-client/engines.ts';
import type { ComputeResponse, ScenarioSpec } from '../core/workerApi.ts';
import type { SeriesData } from '../shared/types.ts';

// The few browser globals the controller touches, on Node's globalThis.
const frames = new Map<number, FrameRequestCallback>();
let nextFrame = 1;
const listeners = new EventTarget();
Object.assign(globalThis, {
  window: Object.assign(globalThis, {
    location: { hash: '' },
    history: {
      replaceState: (_: unknown, __: string, hash: string) =>
        void ((globalThis as unknown as { location: { hash: string } }).location.hash = hash),
    },
    addEventListener: listeners.addEventListener.bind(listeners),
    removeEventListener: listeners.removeEventListener.bind(listeners),
    requestAnimationFrame: (f: FrameRequestCallback) => {
      frames.set(nextFrame, f);
      return nextFrame++;
    },
    cancelAnimationFrame: (id: number) => void frames.delete(id),
  }),
});

/** Runs the animation frames due, as the browser would at time `now`. */
function runFrames(now: number): void {
  const due = [...frames.entries()];
  frames.clear();
  for (const [, f] of due) f(now);
}

// The engine: the simulation service itself, answering asynchronously as the worker does.
const computed: { steps: number; thinned: boolean }[] = [];
vi.mock('../worker-client/engines.ts', async () => {
  const { createSimulationService } = await import('../core/simulationService.ts');
  return {
    createWorkerEngine: (): Engine => {
      const service = createSimulationService();
      return {
        kind: 'worker',
        compute: async (version, spec, steps, thinning) => {
          computed.push({ steps, thinned: thinning !== undefined });
          return service.compute(version, spec, steps, thinning);
        },
        extend: async (version, steps) => service.extend(version, steps),
        dispose: () => {},
      };
    },
    createMainThreadEngine: () => {
      throw new Error('not used');
    },
  };
});

const { SimulationController } = await import('./controller.ts');
const { createRunStore, MAX_ROWS } = await import('./runStore.ts');
const { createAppStore } = await import('./appStore.ts');
const { createAppView } = await import('./appView.ts');
const { createProgressStore } = await import('./progressStore.ts');
const { createUiStore } = await import('./uiStore.ts');
const { createViewStore } = await import('./viewOptions.ts');

// One explorer's stores, new for every page opened (see open).
let appStore = createAppStore();
let runStore = createRunStore();
let progressStore = createProgressStore();
const { createSimulationService } = await import('../core/simulationService.ts');
const { toSpec } = await import('./scenario.ts');
const { timeAt } = await import('../shared/seriesRows.ts');

let controller: InstanceType<typeof SimulationController> | null = null;
afterEach(() => {
  controller?.dispose();
  controller = null;
});

/** Waits until no computation or extension is running and `done` holds. */
async function settle(done: () => boolean = () => true): Promise<void> {
  await vi.waitFor(
    () => {
      if (progressStore.getState().busySince !== null || !done()) throw new Error('still computing');
    },
    { timeout: 30_000, interval: 5 },
  );
}

/** A page opened at this hash, once its run (and the lookahead) is in. */
async function open(hash: string, t: number): Promise<InstanceType<typeof SimulationController>> {
  appStore = createAppStore();
  runStore = createRunStore();
  progressStore = createProgressStore();
  const stores = {
    app: appStore,
    shown: createAppView(appStore),
    run: runStore,
    progress: progressStore,
    ui: createUiStore(),
    view: createViewStore(),
  };
  controller = new SimulationController(stores, { hash });
  await settle(() => runStore.getState().length > t);
  await new Promise((r) => setTimeout(r, 20)); // the lookahead extension
  return controller;
}

/** Rows 0…t of a fresh computation of the scenario shown, as a fresh page at t holds them. */
function freshRows(spec: ScenarioSpec, t: number): ComputeResponse {
  return createSimulationService().compute(1, spec, t);
}

function expectFresh(t: number): void {
  const run = runStore.getState();
  expect(run.t).toBe(t);
  const fresh = freshRows(toSpec(appStore.getState().scenario), t);
  if (!fresh.ok) throw new Error('fresh run failed');
  for (const c of fresh.chunks) {
    const s = run.series.find((x) => x.algorithm === c.algorithm) as SeriesData;
    // Every step up to t is stored (stride 1), and each is the fresh run's row (the first
    // iteration that is not, if any: -1 when all are).
    let firstOff = -1;
    for (let r = 0; r <= t && firstOff < 0; r++) {
      if (timeAt(s, r) !== r) firstOff = r;
      for (let i = 0; i < run.n; i++)
        if (!Object.is(s.policies[r * run.n + i], c.policies[r * run.n + i])) firstOff = r;
    }
    expect(firstOff, `${c.algorithm}: the first row that differs from a fresh run's`).toBe(-1);
  }
}

describe('going back after a long run', () => {
  beforeAll(() => {
    appStore.getState().setPlaying(false);
  });

  it('a drag back to t = 300 after a run whose history was compacted recomputes it at full resolution', async () => {
    const c = await open('#preset=rps&t=140000', 140_000);
    // Steps ahead as Play computes them: the run grows past MAX_ROWS and its history is thinned.
    c.goTo(185_000);
    await settle(() => runStore.getState().t === 185_000);
    const long = runStore.getState();
    expect(long.series[0].length).toBeLessThan(MAX_ROWS);
    expect(long.series[0].times).toBeDefined();
    computed.length = 0;
    c.goTo(10_000); // past the head the history keeps at full resolution
    await settle();
    expectFresh(10_000);
    c.goTo(300);
    expectFresh(300);
    // One fresh computation, unthinned; the timeline still reaches the long run's end.
    expect(computed).toEqual([{ steps: 20_000, thinned: false }]);
    expect(runStore.getState().reach).toBeGreaterThanOrEqual(185_000);
    // Forward again within the recomputed stretch: nothing to recompute.
    c.step(1);
    c.goTo(5000);
    expect(computed.length).toBe(1);
  });

  it('Reset after a thinned run (a link to t = 400,000) recomputes, and Play then draws every step', async () => {
    const c = await open('#preset=rps&t=400000', 400_000);
    expect(runStore.getState().series[0].times).toBeDefined();
    c.goTo(0);
    await settle();
    expect(runStore.getState().series[0].times).toBeUndefined();
    expect(runStore.getState().length).toBeGreaterThan(10_000);
    // Play from 0 walks through rows that are all there.
    c.goTo(300);
    expectFresh(300);
  });

  it('a step back in a thinned run recomputes only when the full-resolution part would move noticeably', async () => {
    const c = await open('#preset=rps&t=400000', 400_000);
    computed.length = 0;
    c.step(-1);
    c.step(-1);
    expect(computed).toEqual([]);
    c.goTo(300_000);
    await settle(() => runStore.getState().t === 300_000);
    expect(computed).toEqual([{ steps: 300_000, thinned: true }]);
  });

  it('pausing after a long play shows what a fresh run at that t holds', async () => {
    const c = await open('#preset=rps&t=140000', 140_000);
    c.goTo(185_000);
    await settle(() => runStore.getState().t === 185_000);
    c.goTo(130_000); // refines: a fresh run to 130,000 is not thinned
    await settle();
    expect(runStore.getState().series[0].times).toBeUndefined();
    // Play at full speed until the lookahead compacts the history behind t, then pause.
    appStore.getState().setSpeed(20_000);
    appStore.getState().setPlaying(true);
    let now = 1000;
    while (runStore.getState().series[0].times === undefined && now < 60_000) {
      runFrames((now += 100));
      await new Promise((r) => setTimeout(r, 1));
    }
    expect(runStore.getState().series[0].times).toBeDefined();
    const t = runStore.getState().t;
    expect(t).toBeLessThan(150_000);
    appStore.getState().setPlaying(false);
    await settle();
    expectFresh(t);
  });
});
