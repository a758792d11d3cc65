/**
 * The whole scenario (and t) as readable keys in the URL hash, e.g.
 *   #preset=rps&P=0.1,0.9,0.1&labels=rock,paper,scissors&mu=0.5,0.3,0.2&pi0=0.7,0.2,0.1
 *    &tau=0.05&eta=2&t=300&algos=nash-md,omd,rlhf&comparisons=uniform (algos takes every id of the
 *    registry, src/core/algorithms/catalog.ts)
 * Keys (documented in the README): P (the n(n−1)/2 entries P[i][j], i < j, row by row), labels,
 * mu and pi0 (positive weights, normalised on load), tau, eta (a number or `theorem`), t, algos,
 * comparisons (uniform | reference | observed), counts (battle counts "wins-wins" per pair i < j, while
 * short: COUNTS_URL_MAX_CHARS), refresh (MPO's magnet period K, default 50), average (1: the average
 * iterates too), the policy-gradient settings lr, beta, ema, gradient, batch, pgLabels, pgSeed, features,
 * d (pgSettings.ts), feedback (N sampled comparisons, 10…10⁶; absent: the exact P), sampling (uniform |
 * reference | online), dataSeed, smoothing (a > 0), onlineRun and roundSteps (online feedback's run and R), preset, eps (three rater types), seed and n (random,
 * leaderboard), corners
 * (three groups of response indices for the simplex, e.g. 0|1|2.3.4).
 * decodeHash never throws: each key is parsed into a typed value and checked by the shared schema
 * layer (scenarioSchema.ts); an invalid value is replaced by its default and reported by key.
 */
import { fromUpper, presetById } from '../core/presets.ts';
import {
  MAX_RESPONSES,
  MIN_RESPONSES,
  DEFAULT,
  REFRESH_DEFAULT,
  FEEDBACK_DEFAULTS,
  FEEDBACK_KEYS,
  defaultCorners,
  scenarioFromPreset,
  type Scenario,
} from './scenario.ts';
import { checkField, validateScenario } from './scenarioSchema.ts';
import { decodePg, encodePg } from './pgSettings.ts';
import { LLMFAO_PRESET, encodeLlmfaoChoice } from './llmfaoChoice.ts';

export interface HashProblem {
  field: string;
  message: string;
}

export interface DecodedHash {
  scenario: Scenario;
  t: number;
  problems: HashProblem[];
  /**
   * A data preset's link (preset=llmfao): `scenario` is then a placeholder; the data is fetched,
   * its keys (rater, share, prompt) checked (llmfaoKeys.ts) and the rest read onto the data's
   * scenario (decodeOnto).
   */
  pending?: true;
}

/** Shortest decimal that reads back as the same double. */
const num = (x: number) => String(x);

/**
 * The scenario a preset builds from its parameters, remembered for the last parameters asked:
 * the hash is rewritten on every edit, and rebuilding a 500×500 preset each time would cost more
 * than the edit itself.
 */
let lastBase: { key: string; scenario: Scenario } | null = null;
function presetBase(preset: string, epsilon: number, seed: number, n: number): Scenario {
  const key = `${preset}|${epsilon}|${seed}|${n}`;
  if (lastBase?.key !== key) lastBase = { key, scenario: scenarioFromPreset(preset, { epsilon, seed, n }).scenario };
  return lastBase.scenario;
}

function sameMatrix(a: readonly (readonly number[])[], b: readonly (readonly number[])[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (x.length !== y.length) return false;
    for (let j = 0; j < x.length; j++) if (x[j] !== y[j]) return false;
  }
  return true;
}

/**
 * Battle counts go into a link only while their key stays this short (a 12-response log with
 * every pair played takes about 600 characters); longer counts are left out of links (the
 * scenario file and the autosave carry them; the share dialog says so).
 */
export const COUNTS_URL_MAX_CHARS = 4000;

/** The `counts` key's value: for each pair i < j, row by row, "c_ij-c_ji" (wins of each side). */
export function encodeCounts(counts: readonly (readonly number[])[]): string {
  const out: string[] = [];
  const n = counts.length;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) out.push(`${num(counts[i][j])}-${num(counts[j][i])}`);
  return out.join(',');
}

/** Whether a link of `s` carries its battle counts (they exist and are short enough). */
export function countsInLink(s: Pick<Scenario, 'counts'>): boolean {
  return s.counts !== null && encodeCounts(s.counts).length <= COUNTS_URL_MAX_CHARS;
}

/**
 * The scenario's hash. `allCounts`: write the battle counts whatever their length (the autosave,
 * which must not lose them); a link leaves long counts out.
 */
export function encodeHash(s: Scenario, t: number, allCounts = false): string {
  const n = s.preferences.length;
  const parts: [string, string][] = [];
  const data = s.preset === LLMFAO_PRESET && s.llmfao ? s.llmfao : null;
  if (s.preset && (data || presetById(s.preset))) parts.push(['preset', s.preset]);
  if (data) parts.push(...encodeLlmfaoChoice(data));
  if (s.preset === 'rater-types') parts.push(['eps', num(s.epsilon)]);
  if (s.preset && presetById(s.preset)?.params.includes('seed')) parts.push(['seed', num(s.seed)], ['n', String(n)]);
  // A preset's own matrix (and labels) follow from its name and parameters: short links. A data
  // preset's link (and the autosave) fetch the data again: it is the app's own file.
  const base = s.preset && !data ? presetBase(s.preset, s.epsilon, s.seed, n) : null;
  const fromData = data !== null;
  if (!fromData && (!base || !sameMatrix(base.preferences, s.preferences))) {
    const upper: string[] = [];
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) upper.push(num(s.preferences[i][j]));
    parts.push(['P', upper.join(',')]);
  }
  if (s.counts && !fromData) {
    const counts = encodeCounts(s.counts);
    if (allCounts || counts.length <= COUNTS_URL_MAX_CHARS) parts.push(['counts', counts]);
  }
  if (!fromData && (!base || base.labels.length !== n || base.labels.some((l, i) => l !== s.labels[i])))
    parts.push(['labels', s.labels.map(encodeURIComponent).join(',')]);
  parts.push(
    ['mu', s.reference.map(num).join(',')],
    ['pi0', s.initial.map(num).join(',')],
    ['tau', num(s.tau)],
    ['eta', s.schedule === 'theorem' ? 'theorem' : num(s.eta)],
    ['t', String(t)],
    ['algos', s.algorithms.join(',')],
    ['comparisons', s.comparisons],
  );
  // Only MPO reads the refresh period: links without MPO, or with the default K, stay short.
  if (s.refresh !== REFRESH_DEFAULT) parts.push(['refresh', String(s.refresh)]);
  if (s.average) parts.push(['average', '1']);
  parts.push(...encodePg(s.pg));
  // Feedback (issue 16): absent = the exact P; the other settings only when set and not their defaults.
  for (const k of FEEDBACK_KEYS)
    if ((s[k] ?? null) !== null && s[k] !== (FEEDBACK_DEFAULTS as Record<string, unknown>)[k])
      parts.push([k, String(s[k])]);
  const corners = s.corners.map((g) => g.join('.')).join('|');
  if (
    corners !==
    defaultCorners(n)
      .map((g) => g.join('.'))
      .join('|')
  )
    parts.push(['corners', corners]);
  return '#' + parts.map(([k, v]) => `${k}=${v}`).join('&');
}

/** The key=value pairs of a hash (the last value of a repeated key wins). */
export function readPairs(hash: string): Map<string, string> {
  const map = new Map<string, string>();
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  for (const part of body.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    const value = eq < 0 ? '' : part.slice(eq + 1);
    map.set(key, value);
  }
  return map;
}

/** Comma-separated numbers; empty or non-numeric tokens become NaN (the schema names them). */
function numbers(text: string): number[] {
  return text.split(',').map((x) => (x.trim() === '' ? NaN : Number(x)));
}

const toNumber = (text: string) => (text.trim() === '' ? NaN : Number(text));

function decodeComponent(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/** The URL's names for the scenario's fields, so messages speak the link's language. */
const URL_NAMES = { preferences: 'P', reference: 'mu', initial: 'pi0', algorithms: 'algos', epsilon: 'eps' } as const;

export function decodeHash(hash: string): DecodedHash {
  const pairs = readPairs(hash);
  const problems: HashProblem[] = [];
  const has = (k: string) => pairs.has(k);
  const get = (k: string) => pairs.get(k) ?? '';

  // 1. The base: a preset (with its parameters) or the default scenario.
  let base = DEFAULT;
  // A data preset: its data is fetched first, and the rest read onto it (DecodedHash.pending).
  if (get('preset') === LLMFAO_PRESET) return { scenario: DEFAULT.scenario, t: DEFAULT.steps, problems, pending: true };
  if (has('preset') && get('preset') !== 'custom') {
    const id = decodeComponent(get('preset')) ?? get('preset');
    if (presetById(id)) {
      const param = (key: string, field: 'epsilon' | 'seed', extra: (x: number) => string | null = () => null) => {
        if (!has(key)) return undefined;
        const x = toNumber(get(key));
        const message = checkField(field, x) ?? extra(x);
        if (message) problems.push({ field: key, message });
        return message ? undefined : x;
      };
      const epsilon = param('eps', 'epsilon');
      const seed = param('seed', 'seed');
      const n = has('n') ? toNumber(get('n')) : undefined;
      const nOk = n === undefined || (Number.isInteger(n) && n >= MIN_RESPONSES && n <= MAX_RESPONSES);
      if (!nOk)
        problems.push({
          field: 'n',
          message: `n must be a whole number from ${MIN_RESPONSES} to ${MAX_RESPONSES}, got "${get('n')}"`,
        });
      base = scenarioFromPreset(id, { epsilon, seed, n: nOk ? n : undefined });
    } else {
      problems.push({ field: 'preset', message: `preset "${id}" is not one of the presets` });
    }
  }

  return decodeOnto(pairs, base, problems);
}

/** Step 2 of decodeHash: every key but the preset's, read onto `base` (also a data preset's scenario, llmfaoLoad.ts). */
export function decodeOnto(
  pairs: Map<string, string>,
  base: { scenario: Scenario; steps: number },
  problems: HashProblem[],
): DecodedHash {
  const has = (k: string) => pairs.has(k);
  const get = (k: string) => pairs.get(k) ?? '';
  // 2. Parse each key into a typed candidate; the schema layer validates the values.
  const candidate: Record<string, unknown> = {};
  if (has('P')) {
    const upper = numbers(get('P'));
    const n = (1 + Math.sqrt(1 + 8 * upper.length)) / 2;
    if (!Number.isInteger(n)) {
      problems.push({
        field: 'P',
        message: `P must list the n(n−1)/2 entries above the diagonal (3 for n = 3, 6 for n = 4, …), got ${upper.length} values`,
      });
    } else {
      // Row by row above the diagonal: the order fromUpper visits (i, j), i < j.
      let k = 0;
      candidate.preferences = fromUpper(n, () => upper[k++]);
    }
  }
  if (has('counts')) {
    const pairs = get('counts').split(',');
    const m = (1 + Math.sqrt(1 + 8 * pairs.length)) / 2;
    const values = pairs.map((x) => x.split('-'));
    if (!Number.isInteger(m) || values.some((v) => v.length !== 2)) {
      problems.push({
        field: 'counts',
        message: `counts must list "wins-wins" for each of the n(n−1)/2 pairs above the diagonal, got ${pairs.length} values`,
      });
    } else {
      // Row by row above the diagonal, as encodeCounts writes them.
      const C = Array.from({ length: m }, () => new Array<number>(m).fill(0));
      let k = 0;
      for (let i = 0; i < m; i++)
        for (let j = i + 1; j < m; j++, k++) {
          C[i][j] = toNumber(values[k][0]);
          C[j][i] = toNumber(values[k][1]);
        }
      candidate.counts = C;
    }
  }
  if (has('labels')) {
    const labels = get('labels').split(',').map(decodeComponent);
    if (labels.every((l) => l !== null)) candidate.labels = labels;
    else
      problems.push({
        field: 'labels',
        message: 'labels contain a broken %-escape; each label must be URL-encoded text',
      });
  }
  if (has('mu')) candidate.reference = numbers(get('mu'));
  if (has('pi0')) candidate.initial = numbers(get('pi0'));
  if (has('tau')) candidate.tau = toNumber(get('tau'));
  if (has('eta')) {
    if (get('eta') === 'theorem') candidate.schedule = 'theorem';
    else {
      candidate.eta = toNumber(get('eta'));
      candidate.schedule = 'constant';
    }
  }
  if (has('algos')) candidate.algorithms = get('algos') === '' ? [] : get('algos').split(',');
  if (has('comparisons')) candidate.comparisons = get('comparisons');
  if (has('refresh')) candidate.refresh = toNumber(get('refresh'));
  if (has('average')) {
    const flag = { '1': true, true: true, '0': false, false: false }[get('average')];
    if (flag !== undefined) candidate.average = flag;
    else
      problems.push({
        field: 'average',
        message: `average must be 1 (show the average iterates) or 0, got "${get('average')}"`,
      });
  }
  candidate.pg = decodePg(pairs);
  // Feedback (issue 16): numbers, but for the sampling mode and online feedback's run.
  for (const k of FEEDBACK_KEYS)
    if (has(k)) candidate[k] = k === 'sampling' || k === 'onlineRun' ? get(k) : toNumber(get(k));
  if (has('corners'))
    candidate.corners = get('corners')
      .split('|')
      .map((g) => (g === '' ? [] : g.split('.').map(toNumber)));

  const { scenario, problems: fieldProblems } = validateScenario(candidate, base.scenario, URL_NAMES);
  problems.push(...fieldProblems);
  // A link whose matrix differs from its preset's is a custom scenario.
  if (JSON.stringify(scenario.preferences) !== JSON.stringify(base.scenario.preferences)) scenario.preset = null;

  let t = base.steps;
  if (has('t')) {
    const x = toNumber(get('t'));
    const message = checkField('t', x);
    if (message) problems.push({ field: 't', message: `${message}, got "${get('t')}"` });
    else t = x;
  }
  return { scenario, t, problems };
}
