/**
 * The policy-gradient settings of the scenario (Nash-MD-PG, Nash-EMA-PG, RLHF-PG, issue 17): their
 * validation (messages naming the URL key), their URL keys and the worker's view. URL
 * keys: lr, beta, ema, gradient (exact | sampled), batch, pgLabels (probability | bernoulli; `labels`
 * already names the responses), pgSeed, features (tabular | random), d. Each is written only when
 * it differs from PG_DEFAULTS, so links without these algorithms stay as they were.
 */
import { PG_DEFAULTS, type PolicyGradientSpec } from '../core/pgDefaults.ts';
import { MAX_RESPONSES } from './scenario.ts';

export type PgSettings = PolicyGradientSpec;
export { PG_DEFAULTS };

/** Each setting's URL key (also the `field` of its problems). */
export const PG_KEYS = {
  lr: 'lr',
  beta: 'beta',
  ema: 'ema',
  gradient: 'gradient',
  batch: 'batch',
  labels: 'pgLabels',
  seed: 'pgSeed',
  features: 'features',
  d: 'd',
} as const satisfies Record<keyof PgSettings, string>;

/**
 * What each setting accepts: a number in [min, max] (whole when `whole`; `open` excludes min or max),
 * or one of `choices`. Plain checks rather than valibot schemas: this module is in the first-render
 * bundle (links are read before the first figure), and a table is a few hundred bytes smaller.
 */
type Rule = { min: number; max: number; whole?: boolean; open?: 'min' | 'max' } | { choices: readonly string[] };
const RULES: Record<keyof PgSettings, Rule> = {
  lr: { min: 0, max: 100, open: 'min' },
  beta: { min: 0, max: 1 },
  ema: { min: 0, max: 1, open: 'max' },
  gradient: { choices: ['exact', 'sampled'] },
  batch: { min: 1, max: 4096, whole: true },
  labels: { choices: ['probability', 'bernoulli'] },
  seed: { min: 0, max: 2 ** 32 - 1, whole: true },
  features: { choices: ['tabular', 'random'] },
  d: { min: 1, max: MAX_RESPONSES - 1, whole: true },
};

const show = (x: unknown) => (typeof x === 'string' ? JSON.stringify(x) : String(x));

/** Checks one value of `key` (as a link, a file or a control gives it); null when valid. */
export function checkPgField(key: keyof PgSettings, value: unknown): string | null {
  const rule = RULES[key];
  const name = PG_KEYS[key];
  if ('choices' in rule)
    return rule.choices.includes(value as string)
      ? null
      : `${name} must be ${rule.choices.map((c) => `"${c}"`).join(' or ')}`;
  const x = value as number;
  const ok =
    typeof x === 'number' &&
    Number.isFinite(x) &&
    (rule.open === 'min' ? x > rule.min : x >= rule.min) &&
    (rule.open === 'max' ? x < rule.max : x <= rule.max) &&
    (!rule.whole || Number.isInteger(x));
  if (ok) return null;
  const lo = rule.open === 'min' ? `> ${rule.min}` : `≥ ${rule.min}`;
  const hi = rule.open === 'max' ? `< ${rule.max}` : `≤ ${rule.max}`;
  return `${name} must be a ${rule.whole ? 'whole number' : 'number'} ${lo} and ${hi}`;
}

/**
 * Checks an untrusted settings object field by field: a valid field is taken, an invalid one keeps
 * the fallback's value and is reported under its URL key. Never throws.
 */
export function validatePgSettings(
  input: unknown,
  fallback: PgSettings,
): { pg: PgSettings; problems: { field: string; message: string }[] } {
  const problems: { field: string; message: string }[] = [];
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    problems.push({ field: 'pg', message: 'pg must be an object of policy-gradient settings' });
    return { pg: fallback, problems };
  }
  const obj = input as Record<string, unknown>;
  const pg = { ...fallback } as Record<keyof PgSettings, unknown>;
  let changed = false;
  for (const key of Object.keys(RULES) as (keyof PgSettings)[]) {
    if (obj[key] === undefined) continue;
    const message = checkPgField(key, obj[key]);
    if (message !== null) problems.push({ field: PG_KEYS[key], message: `${message}, got ${show(obj[key])}` });
    else if (pg[key] !== obj[key]) {
      pg[key] = obj[key];
      changed = true;
    }
  }
  // Nothing changed: the fallback itself, so callers can tell.
  return { pg: changed ? (pg as PgSettings) : fallback, problems };
}

/** The URL pairs of the settings that differ from the defaults. */
export function encodePg(pg: PgSettings): [string, string][] {
  const parts: [string, string][] = [];
  for (const key of Object.keys(PG_KEYS) as (keyof PgSettings)[])
    if (pg[key] !== PG_DEFAULTS[key]) parts.push([PG_KEYS[key], String(pg[key])]);
  return parts;
}

const NUMERIC = new Set<keyof PgSettings>(['lr', 'beta', 'ema', 'batch', 'seed', 'd']);

/** The candidate settings a hash's pairs give (typed, not yet validated), or undefined when it has none. */
export function decodePg(pairs: Map<string, string>): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  let any = false;
  for (const key of Object.keys(PG_KEYS) as (keyof PgSettings)[]) {
    const text = pairs.get(PG_KEYS[key]);
    if (text === undefined) continue;
    any = true;
    out[key] = NUMERIC.has(key) ? (text.trim() === '' ? NaN : Number(text)) : text;
  }
  return any ? out : undefined;
}
