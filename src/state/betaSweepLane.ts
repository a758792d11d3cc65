/**
 * The β sweep's request (core betaSweep.ts, in the worker), loaded on demand by the controller
 * when a policy-gradient algorithm is shown: the first-render bundle does without it. Like the
 * Nash set's lane: sent at once (the worker abandons an older request when it hears of a newer
 * one), only the newest request's progress and answer are taken, and after a worker restart the
 * newest unanswered request is sent again (SimulationClient.lane).
 */
import type { BetaSweepResponse, ScenarioSpec } from '../core/workerApi.ts';
import type { SimulationService } from '../core/simulationService.ts';
import type { Engine } from '../worker-client/engines.ts';
import type { SimulationClient } from '../worker-client/simulationClient.ts';
import type { BetaSweepState } from './betaSweepState.ts';
import type { Scenario } from './scenario.ts';
import type { UiStore } from './uiStore.ts';

let mainThread: Promise<SimulationService> | null = null;

/**
 * The engine's sweep, or the service's on the main thread where the engine has none (the
 * main-thread engine and the debug wrapper leave it out: fewer first-render bytes). The service
 * works in slices with a task between them there too.
 */
function sweepOf(engine: Engine): NonNullable<Engine['betaSweep']> {
  if (engine.betaSweep) return engine.betaSweep.bind(engine);
  return async (version, spec, steps, onProgress): Promise<BetaSweepResponse> => {
    mainThread ??= import('../core/simulationService.ts').then(async (m) => {
      await m.highsReady; // as every service user does before its first call (lpSolver.ts)
      return m.createSimulationService();
    });
    return (await mainThread).betaSweep(version, spec, steps, onProgress);
  };
}

/** Versions of the requests (one sequence for every client: each worker compares them for equality). */
let latest = 0;
const newest = new WeakMap<SimulationClient, number>();

/**
 * Asks for the sweep of `s` for `asked` steps (the t asked for; the worker caps it) unless the
 * newest request is for the same; the previous answer stays (drawn as out of date) until the new
 * one comes.
 */
export function requestBetaSweep(
  client: SimulationClient,
  ui: UiStore,
  s: Scenario,
  spec: ScenarioSpec,
  asked: number,
): void {
  const now = ui.getState().betaSweep;
  if (now && now.scenario === s && now.asked === asked) return;
  const version = ++latest;
  newest.set(client, version);
  const mine = () => newest.get(client) === version;
  // Progress comes through its own message port: it may arrive after the answer, which it must not undo.
  const update = (part: Partial<BetaSweepState>) => {
    const cur = ui.getState().betaSweep;
    if (mine() && cur && cur.fraction < 1) ui.setState({ betaSweep: { ...cur, ...part } });
  };
  ui.setState({ betaSweep: { scenario: s, asked, fraction: 0, result: now?.result ?? null, problem: null } });
  client.lane((engine, live) =>
    sweepOf(engine)(version, spec, asked, (f) => live() && update({ fraction: Math.min(f, 0.99) })).then(
      (r) => {
        if (!live() || !mine() || !(r.ok || r.problem)) return;
        client.lane(null);
        update(r.ok ? { fraction: 1, result: r, problem: null } : { fraction: 1, problem: r.problem!.message });
      },
      () => {
        // A failure is reported by the runs' requests (the same worker).
      },
    ),
  );
}
