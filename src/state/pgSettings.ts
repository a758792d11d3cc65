/**
 * The policy-gradient settings of the scenario (Nash-MD-PG, Nash-EMA-PG, RLHF-PG, issue 17): their
 * validation (valibot, messages naming the URL key), their URL keys and the worker's view. URL
 * keys: lr, beta, ema, gradient (exact | sampled), batch, pgLabels (probability | bernoulli; `labels`
 * already names the responses), pgSeed, features (tabular | random), d. Each is written only when
 * it differs from PG_DEFAULTS, so links without these algorithms stay as they were.
 */
import * as v from 'valibot';
import { PG_DEFAULTS, type PolicyGradientSpec } from '../core/parametricPolicy.ts';
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

const finite = (what: string) =>
  v.pipe(v.number(`${what} must be a number`), v.finite(`${what} must be a finite number`));
const whole = (what: string, min: number, max: number) =>
  v.pipe(
    finite(what),
    v.integer(`${what} must be a whole number`),
    v.minValue(min, `${what} must be ≥ ${min}`),
    v.maxValue(max, `${what} must be at most ${max}`),
  );

const SCHEMAS: { [K in keyof PgSettings]: v.GenericSchema<unknown, PgSettings[K]> } = {
  lr: v.pipe(finite('lr'), v.gtValue(0, 'lr must be > 0'), v.maxValue(100, 'lr must be at most 100')),
  beta: v.pipe(finite('beta'), v.minValue(0, 'beta must be ≥ 0'), v.maxValue(1, 'beta must be ≤ 1')),
  ema: v.pipe(finite('ema'), v.minValue(0, 'ema (λ) must be ≥ 0'), v.ltValue(1, 'ema (λ) must be < 1')),
  gradient: v.picklist(['exact', 'sampled'] as const, 'gradient must be "exact" or "sampled"'),
  batch: whole('batch', 1, 4096),
  labels: v.picklist(['probability', 'bernoulli'] as const, 'pgLabels must be "probability" or "bernoulli"'),
  seed: whole('pgSeed', 0, 2 ** 32 - 1),
  features: v.picklist(['tabular', 'random'] as const, 'features must be "tabular" or "random"'),
  d: whole('d', 1, MAX_RESPONSES - 1),
};

const show = (x: unknown) => (typeof x === 'string' ? JSON.stringify(x) : String(x));

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
  for (const key of Object.keys(SCHEMAS) as (keyof PgSettings)[]) {
    if (obj[key] === undefined) continue;
    const r = v.safeParse(SCHEMAS[key], obj[key]);
    if (r.success) pg[key] = r.output;
    else problems.push({ field: PG_KEYS[key], message: `${r.issues[0].message}, got ${show(obj[key])}` });
  }
  return { pg: pg as PgSettings, problems };
}

/** Checks one typed value as a control sets it; null when valid. */
export function checkPgField<K extends keyof PgSettings>(key: K, value: unknown): string | null {
  const r = v.safeParse(SCHEMAS[key], value);
  return r.success ? null : r.issues[0].message;
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
