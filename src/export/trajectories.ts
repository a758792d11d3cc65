/**
 * Trajectories as CSV and JSON: one row per t = 0…current t and per shown algorithm, with
 * π_t(y) for every response, KL(π*_τ‖π_t) and the exploitability. Numbers are written with full
 * precision (shortest round-trip decimal). Pure (no DOM).
 */
import { algorithmInfo } from '../core/algorithms/catalog.ts';
import { featureDim, featureMap, fitTheta0 } from '../core/parametricPolicy.ts';
import { rowAt, seriesDisplayName, timeAt } from '../shared/seriesRows.ts';
import { toSpec, type Scenario } from '../state/scenario.ts';
import type { SeriesData } from '../viz/types.ts';
import type { ExportInfo } from './exportInfo.ts';

/** The registry's display name (the table's row header), or the id for an unknown one. */

export interface TrajectoryInput {
  info: ExportInfo;
  scenario: Scenario;
  /** Number of responses of the run (row length of the policies buffers). */
  n: number;
  series: readonly SeriesData[];
  /** Current t: rows 0..t are exported (fewer if a series is shorter). */
  t: number;
}

/** One CSV field, quoted when it holds a comma, quote, or line break (RFC 4180). */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A comment line: line breaks in the text would end the comment, so they become spaces. */
const comment = (text: string) => `# ${text.replace(/[\r\n]+/g, ' ')}`;

/** Rows up to iteration t (long runs keep a thinned history: rows are then not iterations). */
const rowsOf = (s: SeriesData, t: number) => (s.length > 0 ? rowAt(s, t) + 1 : 0);
const labelOf = (labels: readonly string[], i: number) => labels[i] ?? `y${i + 1}`;

export function trajectoryHeader(labels: readonly string[], n: number): string[] {
  return [
    't',
    'algorithm',
    ...Array.from({ length: n }, (_, i) => `π_t(${labelOf(labels, i)})`),
    'KL',
    'exploitability',
  ];
}

export function buildTrajectoryCsv(input: TrajectoryInput): string {
  const { info, scenario, n, series, t } = input;
  const lines = [
    comment(`app: ${info.app}`),
    comment(`link: ${info.link}`),
    comment(`columns: π_t(y) per response, KL = KL(π*_τ‖π_t), exploitability = e_τ(π_t)`),
  ];
  lines.push(trajectoryHeader(scenario.labels, n).map(csvField).join(','));
  const maxRows = Math.max(0, ...series.map((s) => rowsOf(s, t)));
  for (let r = 0; r < maxRows; r++) {
    for (const s of series) {
      if (r >= rowsOf(s, t)) continue;
      const cells = [String(timeAt(s, r)), seriesDisplayName(s)];
      for (let i = 0; i < n; i++) cells.push(String(s.policies[r * n + i]));
      cells.push(String(s.kl[r]), String(s.exploitability[r]));
      lines.push(cells.join(','));
    }
  }
  return lines.join('\n') + '\n';
}

/** JSON has no NaN or ∞: those become null. */
const finite = (v: number) => (Number.isFinite(v) ? v : null);

export function buildTrajectoryJson(input: TrajectoryInput): string {
  const { info, scenario, n, series, t } = input;
  const doc = {
    format: 'nash-md-explorer/trajectories',
    app: info.app,
    link: info.link,
    t: info.t,
    labels: Array.from({ length: n }, (_, i) => labelOf(scenario.labels, i)),
    scenario,
    ...parametric(scenario, n, series),
    series: series.map((s) => {
      const count = rowsOf(s, t);
      return {
        algorithm: s.algorithm,
        ...(s.average ? { average: true } : {}),
        ...(s.bundle ? { bundle: s.bundle, seeds: s.seeds } : {}),
        label: seriesDisplayName(s),
        t: Array.from({ length: count }, (_, r) => timeAt(s, r)),
        policies: Array.from({ length: count }, (_, r) => Array.from(s.policies.subarray(r * n, r * n + n), finite)),
        kl: Array.from(s.kl.subarray(0, count), finite),
        exploitability: Array.from(s.exploitability.subarray(0, count), finite),
      };
    }),
  };
  return JSON.stringify(doc, null, 1);
}

/**
 * With random or custom features and a policy-gradient run shown: the feature map φ (one row per response)
 * and θ_0 the runs started from (parametricPolicy.ts), so a reader can replay the formulas.
 */
function parametric(scenario: Scenario, n: number, series: readonly SeriesData[]) {
  const pg = toSpec(scenario).pg;
  if (
    !pg ||
    (pg.features !== 'random' && pg.features !== 'custom') ||
    !series.some((s) => algorithmInfo(s.algorithm)?.family === 'parametric')
  )
    return {};
  const features = pg.features;
  const spec = { features, d: pg.d!, phi: pg.phi };
  const d = featureDim(n, spec);
  const phi = featureMap(n, spec)!;
  return {
    parametric: {
      features,
      d,
      phi: Array.from({ length: n }, (_, y) => Array.from(phi.subarray(y * d, (y + 1) * d))),
      theta0: Array.from(fitTheta0(phi, scenario.initial, n, d)),
    },
  };
}
