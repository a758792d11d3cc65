/**
 * The policy-gradient settings in links (issue 17): every key round-trips, an invalid value is
 * replaced by its default and named by its key while the other keys still load, and the worker's
 * view caps d at n − 1.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT, toSpec, type Scenario } from './scenario.ts';
import { PG_DEFAULTS } from './pgSettings.ts';
import { decodeHash, encodeHash } from './urlCodec.ts';
import { validateScenario } from './scenarioSchema.ts';

const withPg = (pg: Partial<Scenario['pg']>): Scenario => ({
  ...DEFAULT.scenario,
  algorithms: ['nash-md-pg', 'nash-ema-pg', 'rlhf-pg'],
  pg: { ...PG_DEFAULTS, ...pg },
});

describe('policy-gradient URL keys', () => {
  it('a link without them has the defaults, and the default settings add no key', () => {
    const hash = encodeHash(withPg({}), 10);
    for (const k of [
      'lr=',
      'beta=',
      'ema=',
      'gradient=',
      'batch=',
      'pgLabels=',
      'pgSeed=',
      'features=',
      '&d=',
      'seeds=',
    ])
      expect(hash).not.toContain(k);
    expect(decodeHash(hash).scenario.pg).toEqual(PG_DEFAULTS);
  });

  it('round-trip every setting (property: any valid values)', () => {
    fc.assert(
      fc.property(
        fc.record({
          lr: fc.double({ min: 1e-6, max: 100, noNaN: true }),
          beta: fc.double({ min: 0, max: 1, noNaN: true }),
          ema: fc.double({ min: 0, max: 0.999999, noNaN: true }),
          gradient: fc.constantFrom('exact' as const, 'sampled' as const),
          batch: fc.integer({ min: 1, max: 4096 }),
          labels: fc.constantFrom('probability' as const, 'bernoulli' as const),
          seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
          features: fc.constantFrom('tabular' as const, 'random' as const),
          d: fc.integer({ min: 1, max: 499 }),
          seeds: fc.integer({ min: 1, max: 50 }),
        }),
        (pg) => {
          const s = withPg(pg);
          const d = decodeHash(encodeHash(s, 5));
          expect(d.problems).toEqual([]);
          expect(d.scenario).toEqual(s);
        },
      ),
      { numRuns: 200, seed: 17 },
    );
  });

  it('reads the keys of a hand-written link', () => {
    const d = decodeHash(
      '#preset=rps&algos=nash-md-pg,rlhf-pg&gradient=sampled&lr=0.3&beta=0.5&ema=0.9&batch=32&pgLabels=bernoulli&pgSeed=9&features=random&d=2&seeds=5',
    );
    expect(d.problems).toEqual([]);
    expect(d.scenario.pg).toEqual({
      lr: 0.3,
      beta: 0.5,
      ema: 0.9,
      gradient: 'sampled',
      batch: 32,
      labels: 'bernoulli',
      seed: 9,
      features: 'random',
      d: 2,
      seeds: 5,
    });
  });

  const bad: [string, string][] = [
    ['lr=0', 'lr'],
    ['lr=abc', 'lr'],
    ['beta=1.5', 'beta'],
    ['ema=1', 'ema'],
    ['gradient=approximate', 'gradient'],
    ['batch=2.5', 'batch'],
    ['batch=0', 'batch'],
    ['pgLabels=coin', 'pgLabels'],
    ['pgSeed=-3', 'pgSeed'],
    ['features=fourier', 'features'],
    ['d=0', 'd'],
    ['seeds=0', 'seeds'],
    ['seeds=51', 'seeds'],
    ['seeds=2.5', 'seeds'],
  ];
  for (const [pair, key] of bad)
    it(`${pair}: replaced by the default and named "${key}"; the other keys still load`, () => {
      const d = decodeHash(`#preset=rps&tau=0.2&lr=0.25&beta=0.5&${pair}`);
      expect(d.problems).toHaveLength(1);
      expect(d.problems[0].field).toBe(key);
      expect(d.problems[0].message).toContain(key);
      expect(d.scenario.tau).toBe(0.2);
      const field = Object.entries({ lr: 'lr', beta: 'beta' }).find(([, k]) => k === key)?.[0];
      if (field !== 'lr') expect(d.scenario.pg.lr).toBe(0.25);
      if (field !== 'beta') expect(d.scenario.pg.beta).toBe(0.5);
    });

  it('custom features: φ round-trips as phi=rows;…, is fitted to n for the worker, and a bad table is named', () => {
    const phi = [
      [1, -0.5],
      [0.25, 2],
      [0, 1e-3],
    ];
    const s = withPg({ features: 'custom', phi });
    const hash = encodeHash(s, 5);
    expect(hash).toContain('phi=1,-0.5;0.25,2;0,0.001');
    const d = decodeHash(hash);
    expect(d.problems).toEqual([]);
    expect(d.scenario.pg.phi).toEqual(phi);
    expect(d.scenario.pg.features).toBe('custom');
    // The worker gets n rows (cut or padded with zeros) of at most min(n, 12) columns.
    expect(toSpec(s).pg!.phi).toEqual(phi);
    expect(toSpec({ ...s, pg: { ...s.pg, phi: phi.slice(0, 2) } }).pg!.phi).toEqual([...phi.slice(0, 2), [0, 0]]);
    // No table yet: the identity's columns.
    expect(toSpec(withPg({ features: 'custom' })).pg!.phi).toEqual([
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ]);
    for (const bad of ['phi=1,2;3', 'phi=1,x;3,4', 'phi=;'])
      expect(decodeHash(`#preset=rps&features=custom&${bad}`).problems.map((p) => p.field)).toEqual(['phi']);
  });

  it('a scenario file with a bad pg field names it and keeps the rest', () => {
    const r = validateScenario({ pg: { lr: 2, batch: -1 } }, DEFAULT.scenario);
    expect(r.scenario.pg.lr).toBe(2);
    expect(r.scenario.pg.batch).toBe(PG_DEFAULTS.batch);
    expect(r.problems.map((p) => p.field)).toEqual(['batch']);
    expect(validateScenario({ pg: 'fast' }, DEFAULT.scenario).problems.map((p) => p.field)).toEqual(['pg']);
  });

  it('the defaults are the core’s (the same object, not a copy that could drift)', async () => {
    const core = await import('../core/pgDefaults.ts');
    expect(PG_DEFAULTS).toEqual(core.PG_DEFAULTS);
    expect(PG_DEFAULTS).toBe(core.PG_DEFAULTS);
  });

  it('the worker gets d capped at n − 1, and the settings themselves', () => {
    const s = withPg({ features: 'random', d: 7, lr: 0.2 });
    expect(toSpec(s).pg).toMatchObject({ features: 'random', d: 2, lr: 0.2 });
    expect(toSpec(withPg({ features: 'random', d: 2 })).pg?.d).toBe(2);
  });
});
