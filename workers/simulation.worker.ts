/**
 * The simulation worker: a thin comlink adapter around src/core's simulation service. No math
 * here. Every response's typed arrays are transferred, not copied.
 */
import * as Comlink from 'comlink';
import { createSimulationService, transferables } from '../src/core/simulationService.ts';
import type { ScenarioSpec, SimulationApi } from '../src/core/workerApi.ts';

const service = createSimulationService();

const api: SimulationApi = {
  compute(version: number, scenario: ScenarioSpec, steps: number) {
    const r = service.compute(version, scenario, steps);
    return Comlink.transfer(r, transferables(r));
  },
  extend(version: number, steps: number) {
    const r = service.extend(version, steps);
    return Comlink.transfer(r, transferables(r));
  },
};

Comlink.expose(api);
