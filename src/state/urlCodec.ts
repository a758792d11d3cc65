/**
 * The whole scenario (and t) as readable keys in the URL hash, e.g.
 *   #preset=rps&P=0.1,0.9,0.1&labels=rock,paper,scissors&mu=0.5,0.3,0.2&pi0=0.7,0.2,0.1
 *    &tau=0.05&eta=2&t=300&algos=nash-md,omd,rlhf&comparisons=uniform
 * Keys (documented in the README): P (the n(n−1)/2 entries P[i][j], i < j, row by row), labels,
 * mu and pi0 (positive weights, normalised on load), tau, eta (a number or `theorem`), t, algos,
 * comparisons (uniform | reference), preset, eps (three rater types), seed and n (random), corners
 * (three groups of response indices for the simplex, e.g. 0|1|2.3.4).
 * decodeHash never throws: an invalid value is replaced by its default and reported by field.
 */
import { MAX_RESPONSES, MAX_STEPS, MIN_RESPONSES, DEFAULT, defaultCorners, defaultLabels, scenarioFromPreset, uniform, type Scenario } from './scenario.ts';
import { presetById } from '../core/presets.ts';
import type { Algorithm } from '../core/types.ts';
import type { Corners } from '../viz/types.ts';

export interface HashProblem {
  field: string;
  message: string;
}

export interface DecodedHash {
  scenario: Scenario;
  t: number;
  problems: HashProblem[];
}

const ALGOS: readonly Algorithm[] = ['nash-md', 'omd', 'rlhf'];
const MAX_LABEL_LENGTH = 24;

/** Shortest decimal that reads back as the same double. */
const num = (x: number) => String(x);

export function encodeHash(s: Scenario, t: number): string {
  const n = s.preferences.length;
  const upper: string[] = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) upper.push(num(s.preferences[i][j]));
  const parts: [string, string][] = [];
  if (s.preset) parts.push(['preset', s.preset]);
  if (s.preset === 'rater-types') parts.push(['eps', num(s.epsilon)]);
  if (s.preset === 'random') parts.push(['seed', num(s.seed)], ['n', String(s.preferences.length)]);
  parts.push(
    ['P', upper.join(',')],
    ['labels', s.labels.map(encodeURIComponent).join(',')],
    ['mu', s.reference.map(num).join(',')],
    ['pi0', s.initial.map(num).join(',')],
    ['tau', num(s.tau)],
    ['eta', s.schedule === 'theorem' ? 'theorem' : num(s.eta)],
    ['t', String(t)],
    ['algos', s.algorithms.join(',')],
    ['comparisons', s.comparisons],
  );
  const corners = s.corners.map((g) => g.join('.')).join('|');
  if (corners !== defaultCorners(n).map((g) => g.join('.')).join('|')) parts.push(['corners', corners]);
  return '#' + parts.map(([k, v]) => `${k}=${v}`).join('&');
}

function readPairs(hash: string): Map<string, string> {
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

function parseNumbers(text: string): number[] | null {
  if (text.trim() === '') return null;
  const xs = text.split(',').map((x) => (x.trim() === '' ? NaN : Number(x)));
  return xs.every((x) => Number.isFinite(x)) ? xs : null;
}

function decodeComponent(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/** Parses positive weights of length n and normalises them; null if invalid. */
function weights(text: string, n: number): number[] | null {
  const xs = parseNumbers(text);
  if (!xs || xs.length !== n || xs.some((x) => !(x > 0))) return null;
  const s = xs.reduce((a, b) => a + b, 0);
  if (!Number.isFinite(s)) return null;
  // Already normalised (to rounding): keep the values exactly, so links round-trip bit for bit.
  return Math.abs(s - 1) <= 1e-12 ? xs : xs.map((x) => x / s);
}

export function decodeHash(hash: string): DecodedHash {
  const pairs = readPairs(hash);
  const problems: HashProblem[] = [];
  const bad = (field: string, message: string) => problems.push({ field, message });
  const has = (k: string) => pairs.has(k);
  const get = (k: string) => pairs.get(k) ?? '';

  // 1. The base: a preset (with its parameters) or the default scenario.
  let base = DEFAULT;
  if (has('preset') && get('preset') !== 'custom') {
    const id = get('preset');
    if (presetById(id)) {
      const eps = has('eps') ? Number(get('eps')) : undefined;
      const seed = has('seed') ? Number(get('seed')) : undefined;
      const size = has('n') ? Number(get('n')) : undefined;
      if (size !== undefined && !(Number.isInteger(size) && size >= MIN_RESPONSES && size <= MAX_RESPONSES)) bad('n', `n must be a whole number from ${MIN_RESPONSES} to ${MAX_RESPONSES}, got "${get('n')}"`);
      if (eps !== undefined && !(Math.abs(eps) <= 1 / 3)) bad('eps', `eps must be a number between −1/3 and 1/3, got "${get('eps')}"`);
      if (seed !== undefined && !(Number.isInteger(seed) && seed >= 0)) bad('seed', `seed must be a whole number ≥ 0, got "${get('seed')}"`);
      base = scenarioFromPreset(id, {
        epsilon: eps !== undefined && Math.abs(eps) <= 1 / 3 ? eps : undefined,
        seed: seed !== undefined && Number.isInteger(seed) && seed >= 0 ? seed : undefined,
        n: size !== undefined && Number.isInteger(size) && size >= MIN_RESPONSES && size <= MAX_RESPONSES ? size : undefined,
      });
    } else {
      bad('preset', `preset "${decodeComponent(get('preset')) ?? get('preset')}" is not one of the presets`);
    }
  }
  const s: Scenario = { ...base.scenario };
  let t = base.steps;
  let customised = false;

  // 2. The matrix decides n.
  if (has('P')) {
    const xs = parseNumbers(get('P'));
    const k = xs?.length ?? 0;
    const n = (1 + Math.sqrt(1 + 8 * k)) / 2;
    if (!xs || !Number.isInteger(n)) {
      bad('P', `P must list the n(n−1)/2 entries above the diagonal as numbers (3 for n = 3, 6 for n = 4, …), got ${xs ? `${k} numbers` : 'something that is not a list of numbers'}`);
    } else if (n < MIN_RESPONSES || n > MAX_RESPONSES) {
      bad('P', `P describes ${n} responses; the app supports ${MIN_RESPONSES} to ${MAX_RESPONSES}`);
    } else if (xs.some((x) => x < 0 || x > 1)) {
      bad('P', `every entry of P must be between 0 and 1, got ${xs.find((x) => x < 0 || x > 1)}`);
    } else {
      const P = Array.from({ length: n }, () => new Array<number>(n).fill(0.5));
      let c = 0;
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          P[i][j] = xs[c++];
          P[j][i] = 1 - P[i][j];
        }
      }
      if (n !== s.preferences.length) {
        s.labels = defaultLabels(n);
        s.reference = uniform(n);
        s.initial = uniform(n);
        s.corners = defaultCorners(n);
      }
      if (JSON.stringify(P) !== JSON.stringify(s.preferences)) customised = true;
      s.preferences = P;
    }
  }
  const n = s.preferences.length;

  if (has('labels')) {
    const labels = get('labels').split(',').map(decodeComponent);
    if (labels.length !== n || labels.some((l) => l === null || l.trim() === '' || l.length > MAX_LABEL_LENGTH)) {
      bad('labels', `labels must be ${n} comma-separated names of 1 to ${MAX_LABEL_LENGTH} characters`);
    } else {
      s.labels = labels as string[];
    }
  }
  for (const [key, field] of [['mu', 'reference'], ['pi0', 'initial']] as const) {
    if (!has(key)) continue;
    const w = weights(get(key), n);
    if (w) s[field] = w;
    else bad(key, `${key} must be ${n} positive numbers separated by commas`);
  }
  if (has('tau')) {
    const tau = Number(get('tau'));
    if (get('tau') !== '' && Number.isFinite(tau) && tau >= 0 && tau <= 100) s.tau = tau;
    else bad('tau', `tau must be a number between 0 and 100, got "${get('tau')}"`);
  }
  if (has('eta')) {
    if (get('eta') === 'theorem') {
      if (s.tau > 0) s.schedule = 'theorem';
      else bad('eta', "eta = theorem needs tau > 0");
    } else {
      const eta = Number(get('eta'));
      if (get('eta') !== '' && Number.isFinite(eta) && eta > 0 && eta * s.tau <= 1) {
        s.eta = eta;
        s.schedule = 'constant';
      } else {
        bad('eta', `eta must be a number > 0 with eta × tau ≤ 1, or "theorem", got "${get('eta')}"`);
      }
    }
  }
  if (s.schedule === 'constant' && s.eta * s.tau > 1) s.eta = 1 / s.tau; // keep the default consistent with a new τ
  if (has('t')) {
    const v = Number(get('t'));
    if (get('t') !== '' && Number.isInteger(v) && v >= 0 && v <= MAX_STEPS) t = v;
    else bad('t', `t must be a whole number from 0 to ${MAX_STEPS}, got "${get('t')}"`);
  }
  if (has('algos')) {
    const list = get('algos') === '' ? [] : get('algos').split(',');
    if (list.every((a) => (ALGOS as readonly string[]).includes(a))) s.algorithms = ALGOS.filter((a) => list.includes(a));
    else bad('algos', `algos must be a comma list of nash-md, omd, rlhf, got "${get('algos')}"`);
  }
  if (has('comparisons')) {
    const c = get('comparisons');
    if (c === 'uniform' || c === 'reference') s.comparisons = c;
    else bad('comparisons', `comparisons must be uniform or reference, got "${c}"`);
  }
  if (has('corners')) {
    const corners = parseCorners(get('corners'), n);
    if (corners) s.corners = corners;
    else bad('corners', `corners must be three non-empty, disjoint groups of response numbers 0–${n - 1}, like 0|1|2.3`);
  }
  if (customised) s.preset = null;
  return { scenario: s, t, problems };
}

function parseCorners(text: string, n: number): Corners | null {
  const groups = text.split('|');
  if (groups.length !== 3) return null;
  const parsed = groups.map((g) => g.split('.').map(Number));
  const all = parsed.flat();
  if (parsed.some((g) => g.length === 0) || all.some((i) => !Number.isInteger(i) || i < 0 || i >= n) || new Set(all).size !== all.length) return null;
  return [parsed[0], parsed[1], parsed[2]];
}
