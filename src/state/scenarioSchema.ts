/**
 * The one validation layer for every way a scenario reaches the app: the URL hash, an imported
 * scenario file, pasted matrices and typed numbers all end up here. Each field has a valibot
 * schema (some depend on n or τ); `validateScenario` checks an untrusted object field by field,
 * replaces each invalid field by its previous (or default) value and names it, and never throws.
 */
import * as v from 'valibot';
import { ALGORITHM_IDS, isAlgorithmId, type AlgorithmId } from '../core/algorithms/catalog.ts';
import { presetById } from '../core/presets.ts';
import { observedProblem } from '../core/observedProblem.ts';
import type { Corners } from '../shared/types.ts';
import { validatePgSettings } from './pgSettings.ts';
import {
  MAX_LABEL_LENGTH,
  MAX_RESPONSES,
  MAX_STEPS,
  MIN_RESPONSES,
  FEEDBACK_RANGE,
  defaultCorners,
  defaultLabels,
  uniform,
  type Scenario,
} from './scenario.ts';

export interface Problem {
  field: string;
  message: string;
}

export { MAX_LABEL_LENGTH };
/** P[i][j] + P[j][i] = 1 is accepted within this tolerance (as in the core). */
const SUM_TOLERANCE = 1e-9;
/** Every id of the registry, in display order (the catalog is light: no step code). */
const ALGORITHMS = ALGORITHM_IDS as readonly [AlgorithmId, ...AlgorithmId[]];

const show = (x: unknown) =>
  typeof x === 'number'
    ? String(x)
    : typeof x === 'string'
      ? JSON.stringify(x.length > 40 ? x.slice(0, 40) + '…' : x)
      : Array.isArray(x)
        ? `a list of ${x.length}`
        : x === null
          ? 'null'
          : typeof x;

/** A finite number (NaN and ±Infinity are refused). */
const finite = (what: string) =>
  v.pipe(v.number(`${what} must be a number`), v.finite(`${what} must be a finite number`));

/** A whole number from min to max; one message names the field and the range. */
const wholeIn = (name: string, min: number, max: number) =>
  v.pipe(
    finite(name),
    v.check((x) => Number.isInteger(x) && x >= min && x <= max, `${name} must be a whole number from ${min} to ${max}`),
  );

const preferencesSchema = (name = 'preferences') =>
  v.pipe(
    v.array(v.array(v.unknown()), `${name} must be a square matrix (a list of rows)`),
    v.rawCheck(({ dataset, addIssue }) => {
      if (!dataset.typed) return;
      const P = dataset.value;
      const n = P.length;
      if (n < MIN_RESPONSES || n > MAX_RESPONSES)
        return addIssue({ message: `${name} must describe ${MIN_RESPONSES} to ${MAX_RESPONSES} responses, got ${n}` });
      for (let i = 0; i < n; i++) {
        if (P[i].length !== n)
          return addIssue({ message: `${name} row ${i + 1} has ${P[i].length} entries, expected ${n}` });
        for (let j = 0; j < n; j++) {
          const x = P[i][j];
          if (typeof x !== 'number' || !Number.isFinite(x) || x < 0 || x > 1)
            return addIssue({ message: `P[${i + 1}][${j + 1}] must be a number between 0 and 1, got ${show(x)}` });
        }
      }
      for (let i = 0; i < n; i++) {
        for (let j = i; j < n; j++) {
          const s = (P[i][j] as number) + (P[j][i] as number);
          if (Math.abs(s - 1) > SUM_TOLERANCE) {
            return addIssue({
              message:
                i === j
                  ? `P[${i + 1}][${i + 1}] must be 1/2, got ${P[i][i]}`
                  : `P[${i + 1}][${j + 1}] + P[${j + 1}][${i + 1}] must be 1, got ${s}`,
            });
          }
        }
      }
    }),
  );

const labelsSchema = (n: number) =>
  v.pipe(
    v.array(v.string('each label must be text'), 'labels must be a list of names'),
    v.length(n, `labels must have ${n} names, one per response`),
    v.check(
      (ls) => ls.every((l) => l.trim().length > 0 && l.length <= MAX_LABEL_LENGTH),
      `every label must be 1 to ${MAX_LABEL_LENGTH} characters`,
    ),
    v.check(
      (ls) => ls.every((l) => ![...l].some((c) => c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127)),
      'labels must not contain control characters',
    ),
  );

/** Positive weights of length n (normalised by `normaliseWeights`). */
const weightsSchema = (field: string, n: number) =>
  v.pipe(
    v.array(finite(`every entry of ${field}`), `${field} must be a list of ${n} numbers`),
    v.length(n, `${field} must have ${n} entries`),
    v.check((w) => w.every((x) => x > 0), `every entry of ${field} must be positive`),
    v.check((w) => Number.isFinite(w.reduce((a, b) => a + b, 0)), `${field} is too large to normalise`),
    v.check((w) => {
      const s = w.reduce((a, b) => a + b, 0);
      return w.every((x) => x / s > 0);
    }, `an entry of ${field} is so small next to the others that it vanishes when normalised`),
  );

const tauSchema = v.pipe(finite('tau'), v.minValue(0, 'tau must be ≥ 0'), v.maxValue(100, 'tau must be at most 100'));
/** η > 0; runs cap it at 1/τ (effectiveEta), so any positive value is a valid choice. */
const etaSchema = v.pipe(finite('eta'), v.gtValue(0, 'eta must be > 0'), v.maxValue(1e6, 'eta must be at most 1e6'));
const scheduleSchema = (tau: number) =>
  v.pipe(
    v.picklist(['constant', 'theorem'] as const, 'schedule must be "constant" or "theorem"'),
    v.check((s) => s === 'constant' || tau > 0, "the theorem's step η_t = 2/(τ(t+2)) needs tau > 0"),
  );
const algorithmsSchema = v.pipe(
  v.array(v.string('algorithms must be a list of names'), 'algorithms must be a list'),
  // The unknown id is named, so a typo in a link (or a newer link's algorithm) is easy to find.
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const bad = dataset.value.find((a) => !isAlgorithmId(a));
    if (bad !== undefined)
      addIssue({ message: `algorithms: ${show(bad)} is not an algorithm; the ids are ${ALGORITHMS.join(', ')}` });
  }),
  v.transform((a) => a as AlgorithmId[]),
  v.check((a) => new Set(a).size === a.length, 'algorithms must not repeat'),
);
const refreshSchema = v.pipe(
  finite('refresh'),
  v.integer('refresh must be a whole number of steps'),
  v.minValue(1, 'refresh must be ≥ 1'),
  v.maxValue(1e6, 'refresh must be at most 1000000'),
);
const averageSchema = v.boolean('average must be true or false');
const comparisonsSchema = v.picklist(
  ['uniform', 'reference', 'observed'] as const,
  'comparisons must be "uniform", "reference" or "observed"',
);

/**
 * Battle counts: null, or an n×n matrix of finite numbers ≥ 0 (wins of row over column, ties ½),
 * whose observed pairs give back P: P[i][j] = c_ij / (c_ij + c_ji) within 1e-9.
 */
const countsSchema = (P: readonly (readonly number[])[], name = 'counts') =>
  v.nullable(
    v.pipe(
      v.array(v.array(v.unknown()), `${name} must be null or a square matrix of battle counts`),
      v.rawCheck(({ dataset, addIssue }) => {
        if (!dataset.typed) return;
        const C = dataset.value;
        const n = P.length;
        if (C.length !== n)
          return addIssue({ message: `${name} must have ${n} rows, one per response, got ${C.length}` });
        for (let i = 0; i < n; i++) {
          if (C[i].length !== n)
            return addIssue({ message: `${name} row ${i + 1} has ${C[i].length} entries, expected ${n}` });
          for (let j = 0; j < n; j++) {
            const x = C[i][j];
            if (typeof x !== 'number' || !Number.isFinite(x) || x < 0)
              return addIssue({ message: `${name}[${i + 1}][${j + 1}] must be a number ≥ 0, got ${show(x)}` });
          }
        }
        for (let i = 0; i < n; i++) {
          for (let j = i + 1; j < n; j++) {
            const a = C[i][j] as number;
            const b = C[j][i] as number;
            if (a + b > 0 && Math.abs(a / (a + b) - P[i][j]) > COUNTS_TOLERANCE)
              return addIssue({ message: `${name}[${i + 1}][${j + 1}] and [${j + 1}][${i + 1}] do not give P` });
          }
        }
      }),
      v.transform((C) => C.map((row, i) => row.map((x, j) => (i === j ? 0 : (x as number))))),
    ),
  );
/** P[i][j] and the share of wins c_ij / (c_ij + c_ji) may differ by this much (rounding in a file). */
const COUNTS_TOLERANCE = 1e-9;
const feedbackSchema = v.nullable(wholeIn('feedback', FEEDBACK_RANGE.min, FEEDBACK_RANGE.max));
const samplingSchema = v.picklist(
  ['uniform', 'reference', 'online'] as const,
  'sampling must be "uniform", "reference" or "online"',
);
const onlineRunSchema = v.picklist(ALGORITHMS, `onlineRun must be one of ${ALGORITHMS.join(', ')}`);
/** R, up to the core's MAX_ROUND_STEPS (onlineDefaults.ts). */
const roundStepsSchema = wholeIn('roundSteps', 1, 1e5);
const dataSeedSchema = wholeIn('dataSeed', 0, 2 ** 32 - 1);
const smoothingSchema = v.pipe(
  finite('smoothing'),
  v.check((x) => x > 0 && x <= 1e6, 'smoothing must be > 0 and at most 1000000'),
);
const presetSchema = v.nullable(
  v.pipe(
    v.string('preset must be a preset name'),
    v.check((id) => presetById(id) !== undefined, 'preset is not one of the presets'),
  ),
);
const epsilonSchema = v.pipe(
  finite('epsilon'),
  v.minValue(-1 / 3, 'epsilon must be ≥ −1/3'),
  v.maxValue(1 / 3, 'epsilon must be ≤ 1/3'),
);
const seedSchema = wholeIn('seed', 0, 2 ** 32 - 1);
const cornersSchema = (n: number) =>
  v.pipe(
    v.tuple(
      [v.array(finite('corner')), v.array(finite('corner')), v.array(finite('corner'))],
      'corners must be three lists of response numbers',
    ),
    v.check(
      (c) => c.flat().every((i) => Number.isInteger(i) && i >= 0 && i < n),
      `corners may only name responses 0 to ${n - 1}`,
    ),
    v.check((c) => new Set(c.flat()).size === c.flat().length, 'corners must not share a response'),
    v.check(
      (c) => c[0].length > 0 && c[1].length > 0 && (n === 2 || c[2].length > 0),
      'every corner needs at least one response',
    ),
  );
export const tSchema = wholeIn('t', 0, MAX_STEPS);

/** The first problem of `value` under `schema`, or null. */
function firstProblem(schema: v.GenericSchema, value: unknown): string | null {
  const r = v.safeParse(schema, value);
  return r.success ? null : r.issues[0].message;
}

/** Checks one typed field value as a control would set it (typed numbers); null when valid. */
export function checkField(
  field: 'tau' | 'eta' | 'epsilon' | 'seed' | 't' | 'refresh' | 'feedback' | 'dataSeed' | 'smoothing',
  value: unknown,
): string | null {
  switch (field) {
    case 'feedback':
      return firstProblem(feedbackSchema, value);
    case 'dataSeed':
      return firstProblem(dataSeedSchema, value);
    case 'smoothing':
      return firstProblem(smoothingSchema, value);
    case 'refresh':
      return firstProblem(refreshSchema, value);
    case 'tau':
      return firstProblem(tauSchema, value);
    case 'eta':
      return firstProblem(etaSchema, value);
    case 'epsilon':
      return firstProblem(epsilonSchema, value);
    case 'seed':
      return firstProblem(seedSchema, value);
    case 't':
      return firstProblem(tSchema, value);
  }
}

/** Checks battle counts against their matrix P; null when valid. */
export function checkCounts(counts: unknown, P: readonly (readonly number[])[]): string | null {
  return firstProblem(countsSchema(P), counts);
}

/** Checks a whole preference matrix (pasted, imported or edited); null when valid. */
export function checkPreferences(P: unknown): string | null {
  return firstProblem(preferencesSchema(), P);
}

function normaliseWeights(w: number[]): number[] {
  const s = w.reduce((a, b) => a + b, 0);
  // Already normalised to rounding: keep the values exactly, so links and files round-trip bit for bit.
  return Math.abs(s - 1) <= 1e-12 ? w : w.map((x) => x / s);
}

/**
 * Validates an untrusted scenario-like object field by field against `fallback`. A field that is
 * absent keeps the fallback's value; a field that is invalid keeps it too and is reported. Vectors
 * whose fallback has the wrong length for the (possibly new) n fall back to defaults for n.
 */
export function validateScenario(
  input: unknown,
  fallback: Scenario,
  names: Partial<Record<keyof Scenario, string>> = {},
): { scenario: Scenario; problems: Problem[] } {
  const problems: Problem[] = [];
  /** The name a person used for a field (a URL key such as "mu", or the file's "reference"). */
  const nm = (k: keyof Scenario) => names[k] ?? k;
  const obj = (typeof input === 'object' && input !== null && !Array.isArray(input) ? input : {}) as Record<
    string,
    unknown
  >;
  if (obj !== input)
    problems.push({ field: 'scenario', message: `a scenario must be an object of fields, got ${show(input)}` });
  const has = (k: string) => Object.prototype.hasOwnProperty.call(obj, k) && obj[k] !== undefined;
  /** Validates obj[key] with `schema`; returns the value, or null after reporting a problem. */
  const take = <T>(key: keyof Scenario, schema: v.GenericSchema<unknown, T>): T | null => {
    if (!has(key)) return null;
    const r = v.safeParse(schema, obj[key]);
    if (r.success) return r.output;
    problems.push({ field: nm(key), message: r.issues[0].message });
    return null;
  };

  const preferences =
    (take('preferences', preferencesSchema(nm('preferences'))) as number[][] | null) ?? fallback.preferences;
  const n = preferences.length;
  const sameN = fallback.preferences.length === n;
  const s: Scenario = {
    preferences: preferences.map((row) => [...row]),
    labels: take('labels', labelsSchema(n)) ?? (sameN ? fallback.labels : defaultLabels(n)),
    reference: normaliseWeights(
      take('reference', weightsSchema(nm('reference'), n)) ?? (sameN ? fallback.reference : uniform(n)),
    ),
    initial: normaliseWeights(
      take('initial', weightsSchema(nm('initial'), n)) ?? (sameN ? fallback.initial : uniform(n)),
    ),
    tau: take('tau', tauSchema) ?? fallback.tau,
    eta: fallback.eta,
    schedule: fallback.schedule,
    algorithms: fallback.algorithms,
    comparisons: take('comparisons', comparisonsSchema) ?? fallback.comparisons,
    counts: has('counts') ? take('counts', countsSchema(preferences, nm('counts'))) : sameN ? fallback.counts : null,
    refresh: take('refresh', refreshSchema) ?? fallback.refresh,
    average: take('average', averageSchema) ?? fallback.average,
    pg: fallback.pg,
    preset: fallback.preset,
    epsilon: take('epsilon', epsilonSchema) ?? fallback.epsilon,
    seed: take('seed', seedSchema) ?? fallback.seed,
    corners: ((take('corners', cornersSchema(n)) as Corners | null) ??
      (sameN ? fallback.corners : defaultCorners(n))) as Corners,
  };
  // Feedback settings: kept only when set (a scenario without them reads the exact P).
  const feedback = has('feedback') ? take('feedback', feedbackSchema) : undefined;
  const chosen = {
    feedback: feedback === undefined || (feedback === null && obj.feedback !== null) ? fallback.feedback : feedback,
    sampling: take('sampling', samplingSchema) ?? fallback.sampling,
    dataSeed: take('dataSeed', dataSeedSchema) ?? fallback.dataSeed,
    smoothing: take('smoothing', smoothingSchema) ?? fallback.smoothing,
    onlineRun: take('onlineRun', onlineRunSchema) ?? fallback.onlineRun,
    roundSteps: take('roundSteps', roundStepsSchema) ?? fallback.roundSteps,
  };
  for (const [k, x] of Object.entries(chosen)) if (x !== undefined && x !== null) Object.assign(s, { [k]: x });
  s.eta = take('eta', etaSchema) ?? fallback.eta;
  s.schedule =
    take('schedule', scheduleSchema(s.tau)) ??
    (fallback.schedule === 'theorem' && s.tau === 0 ? 'constant' : fallback.schedule);
  // null is a valid preset (a custom scenario), so `take`'s null-means-invalid does not fit here.
  if (has('preset') && obj.preset === 'llmfao') {
    // A data preset's file carries its matrix and counts: they load as custom data (no fetch).
    s.preset = null;
  } else if (has('preset')) {
    const r = v.safeParse(presetSchema, obj.preset);
    if (r.success) s.preset = r.output;
    else problems.push({ field: nm('preset'), message: r.issues[0].message });
  }
  if (has('pg')) {
    const r = validatePgSettings(obj.pg, fallback.pg);
    s.pg = r.pg;
    problems.push(...r.problems);
  }
  // A fallback's counts belong to the fallback's matrix: with another matrix they no longer fit.
  if (!has('counts') && s.counts && checkCounts(s.counts, s.preferences)) s.counts = null;
  // The observed fit needs counts that link every response; otherwise uniform pairs, named.
  if (s.comparisons === 'observed') {
    const problem = observedProblem(s.counts, n);
    if (problem) {
      if (has('comparisons'))
        problems.push({ field: nm('comparisons'), message: `comparisons "observed" needs battle counts: ${problem}` });
      s.comparisons = 'uniform';
    }
  }
  const algorithms = take('algorithms', algorithmsSchema);
  if (algorithms) s.algorithms = ALGORITHMS.filter((a) => algorithms.includes(a));
  return { scenario: s, problems };
}
