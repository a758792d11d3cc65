/**
 * The policy-gradient settings of the scenario (Nash-MD-PG, Nash-EMA-PG, RLHF-PG, issue 17): their
 * checks (messages naming the URL key) and their URL keys: lr, beta, ema, gradient (exact |
 * sampled), batch, pgLabels (probability | bernoulli; `labels` already names the responses),
 * pgSeed, features (tabular | random | custom), d, phi (custom features' table), seeds (K of the sampled runs' seed bundle). Each is written only when it differs from PG_DEFAULTS,
 * so links without these algorithms stay as they were. Terse on purpose: links are read before
 * the first figure, so this module is in the first-render bundle (byte budget: CONTRIBUTING.md).
 */
import type { PolicyGradientSpec } from '../core/pgDefaults.ts';
import { MAX_RESPONSES, PG_DEFAULTS } from './scenario.ts';

export type PgSettings = PolicyGradientSpec;
type Key = keyof PgSettings;
export { PG_DEFAULTS };

/** A setting's URL key (also the `field` of its problems): labels → pgLabels, seed → pgSeed. */
export const pgKey = (k: Key): string => (k === 'labels' ? 'pgLabels' : k === 'seed' ? 'pgSeed' : k);

/** Numbers: [lower, upper, flags]; flag 1 excludes the lower bound, 2 the upper, 4 asks a whole number. */
const RANGES: Partial<Record<Key, [number, number, number]>> = {
  lr: [0, 100, 1],
  beta: [0, 1, 0],
  ema: [0, 1, 2],
  batch: [1, 4096, 4],
  seed: [0, 2 ** 32 - 1, 4],
  d: [1, MAX_RESPONSES - 1, 4],
  seeds: [1, 50, 4],
};
const CHOICES: Partial<Record<Key, string[]>> = {
  gradient: ['exact', 'sampled'],
  labels: ['probability', 'bernoulli'],
  features: ['tabular', 'random', 'custom'],
};

/** Checks one value of `key` (from a link, a file or a control); null when valid. */
export function checkPgField(key: Key, x: unknown): string | null {
  const c = CHOICES[key];
  if (c) return c.includes(x as string) ? null : `${pgKey(key)} must be ${c.join(' or ')}`;
  const [lo, hi, f] = RANGES[key]!;
  // NaN fails every comparison; ±Infinity fails a bound.
  return typeof x === 'number' && (f & 1 ? x > lo : x >= lo) && (f & 2 ? x < hi : x <= hi) && (!(f & 4) || x % 1 === 0)
    ? null
    : `${pgKey(key)} must be a ${f & 4 ? 'whole ' : ''}number in ${f & 1 ? '(' : '['}${lo}, ${hi}${f & 2 ? ')' : ']'}`;
}

/**
 * Checks an untrusted settings object field by field: a valid field is taken, an invalid one keeps
 * the fallback's value and is reported under its URL key. Returns `fallback` itself when nothing
 * changed. Never throws.
 */
export function validatePgSettings(
  input: unknown,
  fallback: PgSettings,
): { pg: PgSettings; problems: { field: string; message: string }[] } {
  const problems: { field: string; message: string }[] = [];
  const obj = (typeof input === 'object' && input) || {};
  if (obj !== input) problems.push({ field: 'pg', message: 'pg must be an object of settings' });
  const pg: Record<string, unknown> = { ...fallback };
  let changed = false;
  for (const [k, x] of Object.entries(obj)) {
    if (k === 'phi' && x !== undefined) {
      // Custom features' table: rows of 1 to 12 finite numbers, all as long (toSpec fits it to n).
      const d = Array.isArray(x) && Array.isArray(x[0]) ? x[0].length : 0;
      const ok =
        d > 0 && d <= 12 && x.every((r: unknown) => Array.isArray(r) && r.length === d && r.every(Number.isFinite));
      if (ok) {
        pg.phi = x;
        changed = true;
      } else
        problems.push({
          field: 'phi',
          message: `phi must be rows of 1 to 12 numbers, each as long, got ${JSON.stringify(x)}`,
        });
    }
    if (!(k in PG_DEFAULTS) || x === undefined) continue;
    const message = checkPgField(k as Key, x);
    if (message) problems.push({ field: pgKey(k as Key), message: `${message}, got ${JSON.stringify(x)}` });
    else if (pg[k] !== x) {
      pg[k] = x;
      changed = true;
    }
  }
  return { pg: changed ? (pg as unknown as PgSettings) : fallback, problems };
}

/** The URL pairs of the settings that differ from the defaults. */
export const encodePg = (pg: PgSettings): [string, string][] => [
  ...(Object.keys(PG_DEFAULTS) as Key[])
    .filter((k) => pg[k] !== PG_DEFAULTS[k])
    .map((k): [string, string] => [pgKey(k), String(pg[k])]),
  // φ of custom features: rows separated by ';', values by ','.
  ...(pg.features === 'custom' && pg.phi
    ? [['phi', pg.phi.map((r) => r.join(',')).join(';')] as [string, string]]
    : []),
];

/** The candidate settings a hash's pairs give (typed, not yet checked), or undefined when it has none. */
export function decodePg(pairs: Map<string, string>): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(PG_DEFAULTS) as Key[]) {
    const text = pairs.get(pgKey(k));
    if (text !== undefined) out[k] = RANGES[k] ? (text.trim() ? Number(text) : NaN) : text;
  }
  const phi = pairs.get('phi');
  if (phi !== undefined) out.phi = phi.split(';').map((r) => r.split(',').map((x) => (x.trim() ? Number(x) : NaN)));
  return Object.keys(out).length ? out : undefined;
}
