/**
 * Seeded scenarios for the golden tests, computed by the core itself (the simulation service the
 * worker wraps, called directly: no worker, no stores): rock-paper-scissors (also with a copy of
 * rock, for a Nash that is not unique), three rater types, and random matrices with n = 8 and 20. The props are built the way the app's selectors build
 * them (src/components/views.ts), from the core's results only.
 */
import type { Algorithm } from '../../core/types.ts';
import { presetById, type PresetParams, type PresetScenario } from '../../core/presets.ts';
import { createSimulationService } from '../../core/simulationService.ts';
import type { EquilibriaResult, ScenarioSpec, SeriesChunk } from '../../core/workerApi.ts';
import { loadAlgorithms } from '../../core/algorithms/registry.ts';
import { winProbability } from '../../core/winProbability.ts';
import { rowAt } from '../../shared/seriesRows.ts';
import type { Corners, SeriesData, WinRateRow } from '../types.ts';

export interface GoldenScenario {
  name: string;
  n: number;
  labels: string[];
  preferences: number[][];
  reference: number[];
  initial: number[];
  tau: number;
  theorem: boolean;
  steps: number;
  corners: Corners;
  series: SeriesData[];
  equilibria: EquilibriaResult;
}

const ALL: Algorithm[] = ['nash-md', 'omd', 'rlhf'];

function seriesOf(c: SeriesChunk): SeriesData {
  return {
    algorithm: c.algorithm,
    ...(c.average ? { average: true } : {}),
    ...(c.bundle ? { bundle: c.bundle, seeds: c.seeds } : {}),
    policies: c.policies,
    kl: c.kl,
    exploitability: c.exploitability,
    length: c.rows,
    ...(c.times ? { times: c.times } : {}),
  };
}

/**
 * Runs preset `id` for `steps` steps with every algorithm. `theorem`: the step schedule of
 * Theorem 1 (η_t = 2/(τ(t+2))) instead of the preset's constant η.
 */
export function goldenScenario(
  name: string,
  id: string,
  params: PresetParams,
  steps: number,
  theorem = false,
): GoldenScenario {
  return scenarioOf(name, presetById(id)!.build(params), steps, theorem);
}

/**
 * Rock-paper-scissors with a fourth response that is an exact copy of rock: the Nash of P is not
 * unique (rock's weight can be split between the two in any way), so the bars draw whiskers.
 */
export function rpsWithCopy(steps: number): GoldenScenario {
  const rps = presetById('rps')!.build({});
  const copy = (i: number) => (i === 3 ? 0 : i);
  const preferences = Array.from({ length: 4 }, (_, i) =>
    Array.from({ length: 4 }, (_, j) => (copy(i) === copy(j) ? 0.5 : rps.preferences[copy(i)][copy(j)])),
  );
  return scenarioOf(
    'rps-copy',
    {
      ...rps,
      preferences,
      labels: [...rps.labels, 'rock 2'],
      reference: [0.4, 0.3, 0.2, 0.1],
      initial: [0.6, 0.2, 0.1, 0.1],
    },
    steps,
    false,
  );
}

/**
 * Rock-paper-scissors with MWU (which cycles) and Nash-MD, each with its average iterate
 * (scenario `average`): the companion paths, dotted with hollow markers.
 */
export function rpsWithAverages(steps: number): GoldenScenario {
  return scenarioOf('rps-average', presetById('rps')!.build({}), steps, false, {
    algorithms: ['nash-md', 'mwu'],
    average: true,
  });
}

/**
 * Rock-paper-scissors with Nash-MD-PG on sampled gradients (B = 4, five seeds): the run, the
 * faint paths of its other four seeds, their mean and the exact-gradient run.
 */
export async function rpsWithSeedBundle(steps: number): Promise<GoldenScenario> {
  await loadAlgorithms(['nash-md-pg']);
  return scenarioOf('rps-bundle', presetById('rps')!.build({}), steps, false, {
    algorithms: ['nash-md-pg' as Algorithm],
    pg: { gradient: 'sampled', batch: 4, seeds: 5, lr: 0.5 },
  });
}

function scenarioOf(
  name: string,
  built: PresetScenario,
  steps: number,
  theorem: boolean,
  options: { algorithms?: Algorithm[]; average?: boolean; pg?: ScenarioSpec['pg'] } = {},
): GoldenScenario {
  const n = built.preferences.length;
  const service = createSimulationService();
  const spec = {
    preferences: built.preferences,
    reference: built.reference,
    initial: built.initial,
    tau: built.tau,
    eta: theorem ? ('theorem' as const) : built.eta,
    comparisons: 'uniform' as const,
    algorithms: options.algorithms ?? ALL,
    average: options.average,
    pg: options.pg,
  };
  const response = service.compute(1, spec, steps);
  if (!response.ok || !response.equilibria) throw new Error(`scenario ${name} did not compute`);
  return {
    name,
    n,
    labels: built.labels,
    preferences: built.preferences,
    reference: built.reference,
    initial: built.initial,
    tau: built.tau,
    theorem,
    steps,
    corners: [[0], [1], Array.from({ length: n - 2 }, (_, k) => k + 2)],
    series: response.chunks.map(seriesOf),
    equilibria: response.equilibria,
  };
}

/** The win-rate rows at t, as the app's selector computes them. */
export function winRateRows(s: GoldenScenario, t: number): WinRateRow[] {
  const p = s.preferences.flat();
  const eq = s.equilibria;
  return s.series.map((series) => {
    const row = rowAt(series, t);
    const pi = series.policies.subarray(row * s.n, (row + 1) * s.n);
    return {
      algorithm: series.algorithm,
      vsReference: winProbability(p, s.n, pi, s.reference),
      vsRlhf: winProbability(p, s.n, pi, eq.rlhfOptimum),
      vsRegularized: winProbability(p, s.n, pi, eq.regularized),
      vsNash: winProbability(p, s.n, pi, eq.nash),
    };
  });
}

/** Each algorithm's policy at t. */
export function policiesAt(s: GoldenScenario, t: number): { algorithm: Algorithm; policy: Float64Array }[] {
  return s.series.map((series) => {
    const row = rowAt(series, t);
    return {
      algorithm: series.algorithm,
      policy: series.policies.slice(row * s.n, (row + 1) * s.n),
    };
  });
}

let cache: Record<string, GoldenScenario> | null = null;

type ScenarioName = 'rps' | 'raterTypes' | 'random2' | 'random8' | 'random8Theorem' | 'random20' | 'rpsCopy';

/** The scenarios, computed once per test file (a few milliseconds each). */
export function scenarios(): Record<ScenarioName, GoldenScenario> {
  cache ??= {
    rps: goldenScenario('rps', 'rps', {}, 300),
    raterTypes: goldenScenario('rater-types', 'rater-types', { epsilon: 0.1 }, 400),
    random2: goldenScenario('random-2', 'random', { seed: 2, n: 2 }, 200),
    random8: goldenScenario('random-8', 'random', { seed: 3, n: 8 }, 300),
    random8Theorem: goldenScenario('random-8-theorem', 'random', { seed: 3, n: 8 }, 300, true),
    random20: goldenScenario('random-20', 'random', { seed: 5, n: 20 }, 300),
    rpsCopy: rpsWithCopy(300),
  };
  return cache as Record<ScenarioName, GoldenScenario>;
}
