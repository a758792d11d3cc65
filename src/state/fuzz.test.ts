/**
 * Fuzz tests of every door a scenario comes in by: the URL hash, a pasted matrix and an imported
 * scenario file. 10,000 generated inputs each: random text, huge and tiny numbers, NaN, Infinity,
 * −0, exponent notation, wrong counts, n far above the limit, unicode and HTML in labels. No
 * exception may escape; every result is either a valid scenario or a list of named problems; valid
 * scenarios round-trip exactly.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromUpper } from '../core/__tests__/arbitraries.ts';
import { createRunner } from '../core/simulate.ts';
import { parsePastedMatrix } from './pasteParser.ts';
import { DEFAULT, defaultCorners, toSpec, type Scenario } from './scenario.ts';
import { importScenarioJson, exportScenarioJson } from './scenarioFile.ts';
import { checkPreferences, validateScenario } from './scenarioSchema.ts';
import { decodeHash, encodeHash } from './urlCodec.ts';

const RUNS = 10_000;

/** A scenario is valid when the schema finds nothing to fix and the core accepts every input. */
function expectValid(s: Scenario): void {
  expect(validateScenario(s, DEFAULT.scenario).problems).toEqual([]);
  const spec = toSpec(s);
  for (const algorithm of s.algorithms) {
    createRunner({ ...spec, algorithm, steps: 0 }).advance(1);
  }
}

function expectNamedProblems(problems: readonly { field: string; message: string }[]): void {
  for (const p of problems) {
    expect(p.field.length).toBeGreaterThan(0);
    expect(p.message.length).toBeGreaterThan(5);
  }
}

/** Awkward numbers as text. */
const nastyNumber = fc.oneof(
  fc.constantFrom(
    'NaN',
    'Infinity',
    '-Infinity',
    '-0',
    '0',
    '1e308',
    '1e-308',
    '5e-324',
    '1e999',
    '-1e-7',
    '0x10',
    '1_000',
    ' 0.5',
    '',
    '.',
    '1e',
    '½',
    '٣',
  ),
  fc.double().map(String),
  fc.integer().map(String),
);
const label = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constantFrom('<img src=x onerror=alert(1)>', '"]]></svg>', '&amp;', '%', '%E0%A4%A', 'a,b', '\u0000', 'rock'),
);

/** A random hash made of the app's keys with nasty values. */
const hashArb = fc
  .array(
    fc.oneof(
      fc.tuple(
        fc.constantFrom('P', 'mu', 'pi0', 'corners'),
        fc.array(nastyNumber, { maxLength: 80 }).map((xs) => xs.join(',')),
      ),
      fc.tuple(fc.constantFrom('tau', 'eta', 't', 'eps', 'seed', 'n'), nastyNumber),
      fc.tuple(fc.constant('eta'), fc.constant('theorem')),
      fc.tuple(
        fc.constant('labels'),
        fc.array(label, { maxLength: 14 }).map((ls) => ls.map(encodeURIComponent).join(',')),
      ),
      fc.tuple(
        fc.constant('labels'),
        fc.array(label, { maxLength: 14 }).map((ls) => ls.join(',')),
      ),
      fc.tuple(
        fc.constantFrom('algos', 'comparisons', 'preset'),
        fc.oneof(
          fc.string(),
          fc.constantFrom(
            'nash-md,omd',
            'rlhf,rlhf',
            'reference',
            'uniform',
            'rps',
            'dice',
            'random',
            'custom',
            '__proto__',
          ),
        ),
      ),
      fc.tuple(fc.string({ maxLength: 8 }), fc.string({ maxLength: 20 })),
    ),
    { maxLength: 12 },
  )
  .map((pairs) => '#' + pairs.map(([k, v]) => `${k}=${v}`).join('&'));

/** Valid scenarios, custom (any n up to 12, any labels) or from presets. */
const scenarioArb: fc.Arbitrary<{ scenario: Scenario; t: number }> = fc.integer({ min: 2, max: 12 }).chain((n) =>
  fc
    .record({
      upper: fc.array(fc.oneof(fc.constantFrom(0, 1, 0.5), fc.double({ min: 0, max: 1, noNaN: true })), {
        minLength: (n * (n - 1)) / 2,
        maxLength: (n * (n - 1)) / 2,
      }),
      mu: fc.array(fc.double({ min: 1e-12, max: 1e6, noNaN: true }), { minLength: n, maxLength: n }),
      pi0: fc.array(fc.double({ min: 1e-12, max: 1e6, noNaN: true }), { minLength: n, maxLength: n }),
      labels: fc.array(
        fc
          .string({ unit: 'grapheme', minLength: 1, maxLength: 24 })
          .filter(
            (l) =>
              l.trim() !== '' && l.length <= 24 && ![...l].some((c) => c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127),
          ),
        { minLength: n, maxLength: n },
      ),
      tau: fc.oneof(fc.constant(0), fc.double({ min: 1e-4, max: 100, noNaN: true })),
      etaTau: fc.double({ min: 1e-6, max: 1, noNaN: true }),
      theorem: fc.boolean(),
      algorithms: fc.subarray(['nash-md', 'omd', 'rlhf'] as const),
      comparisons: fc.constantFrom('uniform' as const, 'reference' as const),
      t: fc.integer({ min: 0, max: 100_000 }),
    })
    .map((r) => {
      const P = fromUpper(n, r.upper);
      const norm = (v: number[]) => {
        const s = v.reduce((a, b) => a + b, 0);
        return v.map((x) => x / s);
      };
      const tau = r.tau;
      const scenario: Scenario = {
        ...DEFAULT.scenario,
        preset: null,
        preferences: P,
        labels: r.labels,
        reference: norm(r.mu),
        initial: norm(r.pi0),
        tau,
        eta: tau > 0 ? r.etaTau / tau : r.etaTau * 10,
        schedule: r.theorem && tau > 0 ? 'theorem' : 'constant',
        algorithms: [...r.algorithms],
        comparisons: r.comparisons,
        corners: defaultCorners(n),
      };
      return { scenario, t: r.t };
    }),
);

describe('URL hash', () => {
  it(`${RUNS} random hashes: never throws; a valid scenario plus named problems`, () => {
    fc.assert(
      fc.property(fc.oneof(hashArb, fc.string({ unit: 'grapheme', maxLength: 200 })), (hash) => {
        const d = decodeHash(hash);
        expectValid(d.scenario);
        expectNamedProblems(d.problems);
        expect(Number.isInteger(d.t) && d.t >= 0).toBe(true);
      }),
      { numRuns: RUNS, seed: 41 },
    );
  });

  it(`${RUNS} valid scenarios round-trip exactly through the hash`, () => {
    fc.assert(
      fc.property(scenarioArb, ({ scenario, t }) => {
        const d = decodeHash(encodeHash(scenario, t));
        expect(d.problems).toEqual([]);
        expect(d.t).toBe(t);
        // μ and π0 are stored as normalised weights: equal to rounding, exactly when already
        // normalised. Under the theorem's schedule the constant η is not part of the state.
        const comparable = (x: Scenario) => ({
          ...x,
          reference: null,
          initial: null,
          eta: x.schedule === 'theorem' ? null : x.eta,
        });
        expect(comparable(d.scenario)).toEqual(comparable(scenario));
        d.scenario.reference.forEach((x, i) => expect(Math.abs(x - scenario.reference[i])).toBeLessThan(1e-15));
        expect(decodeHash(encodeHash(d.scenario, t)).scenario).toEqual(d.scenario);
      }),
      { numRuns: RUNS, seed: 42 },
    );
  });
});

describe('pasted matrices', () => {
  const cell = fc.oneof(nastyNumber, fc.constantFrom('', '-', 'x', '½', '70%', '0,5', '"0.5"'), label);
  const table = fc
    .tuple(
      fc.integer({ min: 0, max: 30 }),
      fc.integer({ min: 0, max: 30 }),
      fc.constantFrom('\t', ',', ';', ' '),
      fc.boolean(),
    )
    .chain(([rows, cols, sep, crlf]) =>
      fc
        .array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows })
        .map((grid) => grid.map((r) => r.join(sep)).join(crlf ? '\r\n' : '\n')),
    );
  it(`${RUNS} random pastes: never throws; a valid matrix or a message`, () => {
    fc.assert(
      fc.property(
        fc.oneof(table, fc.string({ unit: 'grapheme', maxLength: 400 })),
        fc.constantFrom('auto' as const, 'probabilities' as const, 'counts' as const),
        (text, mode) => {
          const r = parsePastedMatrix(text, mode);
          if (r.ok) {
            expect(checkPreferences(r.preferences)).toBeNull();
            if (r.labels) expect(r.labels.length).toBe(r.preferences.length);
          } else {
            expect(r.error.length).toBeGreaterThan(5);
          }
        },
      ),
      { numRuns: RUNS, seed: 43 },
    );
  });
});

describe('scenario files', () => {
  it(`${RUNS} random files: never throws; all or nothing with named problems`, () => {
    const mutated = scenarioArb.chain(({ scenario, t }) =>
      fc
        .record({
          key: fc.constantFrom(
            'preferences',
            'labels',
            'reference',
            'initial',
            'tau',
            'eta',
            'schedule',
            'algorithms',
            'comparisons',
            'corners',
            'epsilon',
            'seed',
            'preset',
          ),
          value: fc.oneof(
            fc.anything(),
            fc.double(),
            fc.constantFrom(NaN, Infinity, -0, 1e308, -1, null, '0.5', [[0.5]], [0.5, 0.5]),
            fc.array(fc.double(), { maxLength: 14 }),
          ),
          drop: fc.boolean(),
        })
        .map(({ key, value, drop }) => {
          const file = JSON.parse(exportScenarioJson(scenario, t, 'test')) as { scenario: Record<string, unknown> };
          if (drop) delete file.scenario[key];
          else file.scenario[key] = value;
          return JSON.stringify(file);
        }),
    );
    fc.assert(
      fc.property(fc.oneof(mutated, fc.json(), fc.string({ maxLength: 300 })), (text) => {
        const r = importScenarioJson(text);
        if (r.ok) expectValid(r.scenario);
        else {
          expect(r.problems.length).toBeGreaterThan(0);
          expectNamedProblems(r.problems);
        }
      }),
      { numRuns: RUNS, seed: 44 },
    );
  });

  it(`${RUNS} valid scenarios round-trip exactly through a file`, () => {
    fc.assert(
      fc.property(scenarioArb, ({ scenario, t }) => {
        const r = importScenarioJson(exportScenarioJson(scenario, t, 'test'));
        expect(r.ok).toBe(true);
        if (r.ok) {
          expect(r.scenario).toEqual(scenario);
          expect(r.t).toBe(t);
        }
      }),
      { numRuns: RUNS, seed: 45 },
    );
  });
});
