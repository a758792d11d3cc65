import { describe, expect, it } from 'vitest';
import { ALGORITHM_CATALOG, ALGORITHM_IDS } from '../core/algorithms/catalog.ts';
import { unavailableShown } from './availability.ts';
import { DEFAULT, REFRESH_DEFAULT, toSpec } from './scenario.ts';
import { checkField, validateScenario } from './scenarioSchema.ts';
import { decodeHash, encodeHash } from './urlCodec.ts';

const base = DEFAULT.scenario;

describe('algorithms in links and scenarios (every id of the registry)', () => {
  it('round-trips each id alone and all twelve together, in display order', () => {
    for (const id of ALGORITHM_IDS) {
      const d = decodeHash(encodeHash({ ...base, algorithms: [id] }, 10));
      expect(d.problems).toEqual([]);
      expect(d.scenario.algorithms).toEqual([id]);
    }
    const all = decodeHash(`#preset=rps&algos=${[...ALGORITHM_IDS].reverse().join(',')}`);
    expect(all.problems).toEqual([]);
    expect(all.scenario.algorithms).toEqual(ALGORITHM_IDS);
    expect(decodeHash(encodeHash(all.scenario, 5)).scenario.algorithms).toEqual(ALGORITHM_IDS);
  });

  it('names an unknown id in its message and keeps the other keys', () => {
    const d = decodeHash('#preset=rps&tau=0.2&algos=mwu,sppo-x,omwu');
    expect(d.problems).toHaveLength(1);
    expect(d.problems[0].field).toBe('algos');
    expect(d.problems[0].message).toContain('"sppo-x"');
    expect(d.scenario.algorithms).toEqual(base.algorithms);
    expect(d.scenario.tau).toBe(0.2);
  });

  it('refuses a repeated id', () => {
    const d = decodeHash('#algos=mwu,mwu');
    expect(d.problems.map((p) => p.field)).toEqual(['algos']);
  });

  it('the picklist is the catalog: every id validates, nothing else', () => {
    const r = validateScenario({ algorithms: ALGORITHM_CATALOG.map((d) => d.id) }, base);
    expect(r.problems).toEqual([]);
    expect(validateScenario({ algorithms: ['rlhf', 42] }, base).problems[0].field).toBe('algorithms');
  });
});

describe('refresh=K (MPO magnet period)', () => {
  it('defaults to 50, is left out of links at the default and carried in the spec', () => {
    expect(base.refresh).toBe(REFRESH_DEFAULT);
    expect(REFRESH_DEFAULT).toBe(50);
    expect(encodeHash(base, 3)).not.toContain('refresh=');
    expect(toSpec(base).refresh).toBe(50);
  });

  it('round-trips a chosen K', () => {
    const s = { ...base, algorithms: ['mpo' as const], refresh: 7 };
    const hash = encodeHash(s, 3);
    expect(hash).toContain('refresh=7');
    const d = decodeHash(hash);
    expect(d.problems).toEqual([]);
    expect(d.scenario.refresh).toBe(7);
    expect(toSpec(d.scenario).refresh).toBe(7);
  });

  it.each([
    ['0', 'refresh must be ≥ 1'],
    ['2.5', 'refresh must be a whole number of steps'],
    ['abc', 'refresh must be a number'],
    ['1e9', 'refresh must be at most 1000000'],
  ])('refuses refresh=%s by name and keeps the default', (value, message) => {
    const d = decodeHash(`#preset=rps&tau=0.3&refresh=${value}`);
    expect(d.problems).toEqual([{ field: 'refresh', message: expect.stringContaining(message) }]);
    expect(d.scenario.refresh).toBe(50);
    expect(d.scenario.tau).toBe(0.3);
  });

  it('checkField validates a typed K', () => {
    expect(checkField('refresh', 10)).toBeNull();
    expect(checkField('refresh', 0)).toMatch(/refresh/);
  });
});

describe('availability', () => {
  it('COMAL at τ = 0 is unavailable with the catalog reason and is not sent to the worker', () => {
    const s = { ...base, tau: 0, algorithms: ['nash-md' as const, 'comal' as const] };
    const u = unavailableShown(s);
    expect(u.map((x) => x.algorithm)).toEqual(['comal']);
    expect(u[0].reason.length).toBeGreaterThan(5);
    expect(toSpec(s).algorithms).toEqual(['nash-md']);
    expect(unavailableShown({ ...s, tau: 0.1 })).toEqual([]);
    expect(toSpec({ ...s, tau: 0.1 }).algorithms).toEqual(['nash-md', 'comal']);
  });
});
