/**
 * The scenario as a JSON file: every input, t, the app version and the link that reproduces it.
 * Import is all or nothing: a file with any invalid or missing field is refused with messages that
 * name the fields, and nothing in the app changes.
 */
import { LLMFAO_PRESET } from './llmfaoChoice.ts';
import { LLMFAO_ATTRIBUTION, LLMFAO_LINK, decodeLlmfaoChoice, llmfaoName } from './llmfaoKeys.ts';
import { DEFAULT, type Scenario } from './scenario.ts';
import { checkField, validateScenario, type Problem } from './scenarioSchema.ts';
import { encodeHash } from './urlCodec.ts';

export const SCENARIO_FORMAT = 'nash-md-explorer/scenario';
export const SCENARIO_VERSION = 1;
/** Larger files are refused before parsing (a 12×12 scenario is about 3 kB). */
export const MAX_FILE_BYTES = 1_000_000;

const REQUIRED: readonly (keyof Scenario)[] = [
  'preferences',
  'labels',
  'reference',
  'initial',
  'tau',
  'eta',
  'schedule',
  'algorithms',
  'comparisons',
];

export interface ScenarioFile {
  format: typeof SCENARIO_FORMAT;
  version: typeof SCENARIO_VERSION;
  app: string;
  /** The URL hash that reproduces this scenario at this t. */
  link: string;
  t: number;
  scenario: Scenario;
  /** Data presets' licence terms (CC BY 4.0 asks for the attribution wherever the data goes). */
  attribution?: string;
}

export function exportScenarioJson(scenario: Scenario, t: number, appVersion: string): string {
  const file: ScenarioFile = {
    format: SCENARIO_FORMAT,
    version: SCENARIO_VERSION,
    app: appVersion,
    link: encodeHash(scenario, t),
    t,
    scenario,
    ...(scenario.llmfao ? { attribution: scenario.llmfao.attribution } : {}),
  };
  return JSON.stringify(file, null, 2);
}

export type ImportResult = { ok: true; scenario: Scenario; t: number } | { ok: false; problems: Problem[] };

export function importScenarioJson(text: string): ImportResult {
  if (typeof text !== 'string')
    return { ok: false, problems: [{ field: 'file', message: 'the file could not be read as text' }] };
  if (text.length > MAX_FILE_BYTES)
    return {
      ok: false,
      problems: [
        { field: 'file', message: `the file is larger than ${MAX_FILE_BYTES / 1e6} MB; a scenario file is a few kB` },
      ],
    };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return {
      ok: false,
      problems: [
        { field: 'file', message: `the file is not valid JSON (${e instanceof Error ? e.message : 'parse error'})` },
      ],
    };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return { ok: false, problems: [{ field: 'file', message: 'the file must hold a JSON object' }] };
  const file = data as Record<string, unknown>;
  const problems: Problem[] = [];
  if (file.format !== SCENARIO_FORMAT)
    problems.push({
      field: 'format',
      message: `format must be "${SCENARIO_FORMAT}"; this is not a scenario file of this app`,
    });
  if (file.version !== SCENARIO_VERSION)
    problems.push({
      field: 'version',
      message: `version must be ${SCENARIO_VERSION}, got ${JSON.stringify(file.version)}`,
    });
  const raw = file.scenario;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    problems.push({ field: 'scenario', message: 'scenario must be an object with the inputs' });
    return { ok: false, problems };
  }
  for (const key of REQUIRED)
    if ((raw as Record<string, unknown>)[key] === undefined)
      problems.push({ field: `scenario.${key}`, message: `scenario.${key} is missing` });
  const { scenario, problems: fieldProblems } = validateScenario(raw, DEFAULT.scenario);
  problems.push(...fieldProblems.map((p) => ({ field: `scenario.${p.field}`, message: p.message })));
  const t = file.t === undefined ? 0 : file.t;
  const tProblem = checkField('t', t);
  if (tProblem) problems.push({ field: 't', message: tProblem });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, scenario: withDataSource(scenario, raw as Record<string, unknown>), t: t as number };
}

/**
 * A file saved from the LLMFAO data preset loads as its matrix and counts (no fetch), still named
 * as that data with its attribution, which the licence asks for wherever the data is shown. The
 * choice is read as a link's keys are (a value that does not read drops the name, never the
 * data); the name and the attribution are the app's own, not the file's text.
 */
function withDataSource(scenario: Scenario, raw: Record<string, unknown>): Scenario {
  const c = raw.llmfao;
  if (raw.preset !== LLMFAO_PRESET || typeof c !== 'object' || c === null) return scenario;
  const fields = c as Record<string, unknown>;
  const get = (k: string) =>
    fields[k] === undefined || fields[k] === null
      ? undefined
      : typeof fields[k] === 'string'
        ? fields[k]
        : String(fields[k]);
  const { choice, problems } = decodeLlmfaoChoice(get);
  if (problems.length > 0) return scenario;
  return {
    ...scenario,
    llmfao: { ...choice, name: llmfaoName(choice), attribution: `${LLMFAO_ATTRIBUTION} ${LLMFAO_LINK}` },
  };
}
