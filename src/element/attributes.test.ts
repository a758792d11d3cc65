import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeHash } from '../state/urlCodec.ts';
import {
  OBSERVED_ATTRIBUTES,
  hashFromAttributes,
  hashKeyOf,
  optionsFromAttributes,
  patchFromAttribute,
} from './attributes.ts';

const from = (attrs: Record<string, string>) => hashFromAttributes((k) => attrs[k] ?? attrs[k.toLowerCase()] ?? null);

/** The keys of the README's link-key table (the rows between its header and the next heading). */
function readmeLinkKeys(): string[] {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const start = readme.indexOf('| key |');
  const table = readme.slice(start, readme.indexOf('\n#', start));
  const keys: string[] = [];
  for (const row of table.split('\n').slice(2)) {
    const first = row.split(' | ')[0] ?? '';
    for (const m of first.matchAll(/`([A-Za-z0-9]+)`/g)) keys.push(m[1]);
  }
  return keys;
}

describe('element attributes → hash', () => {
  it('has an attribute for every key of the README’s link-key table (embed aside: the element is inline)', () => {
    const keys = readmeLinkKeys();
    expect(keys.length).toBeGreaterThan(30);
    for (const k of keys.filter((k) => k !== 'embed')) expect(hashKeyOf(k), k).toBe(k);
  });
  it('observes every hash key the app reads, lower-cased, and the element’s own options', () => {
    for (const k of [
      'preset',
      'p',
      'labels',
      'mu',
      'pi0',
      'tau',
      'eta',
      't',
      'algos',
      'comparisons',
      'eps',
      'seed',
      'n',
      'corners',
      'hide',
      'lock',
      'lecture',
      'figures',
      'autoplay',
      'theme',
      'sync-hash',
      'autosave',
    ]) {
      expect(OBSERVED_ATTRIBUTES).toContain(k);
    }
    expect(hashKeyOf('p')).toBe('P');
    expect(hashKeyOf('figures')).toBeNull();
  });
  it('writes the keys in the app’s order and the codec reads them back', () => {
    const hash = from({ t: '400', eps: '0.1', preset: 'rater-types' });
    expect(hash).toBe('preset=rater-types&eps=0.1&t=400');
    const d = decodeHash(hash);
    expect(d.problems).toEqual([]);
    expect(d.t).toBe(400);
    expect(d.scenario.epsilon).toBe(0.1);
  });
  it('encodes labels one by one and keeps P’s commas', () => {
    const hash = from({ p: '0.2, 0.7, 0.4', labels: 'a&b,c d,é' });
    expect(hash).toBe('P=0.2,0.7,0.4&labels=a%26b,c%20d,%C3%A9');
    const d = decodeHash(hash);
    expect(d.problems).toEqual([]);
    expect(d.scenario.labels).toEqual(['a&b', 'c d', 'é']);
    expect(d.scenario.preferences[0][1]).toBe(0.2);
  });
  it('keeps an invalid value for the validator to name', () => {
    const d = decodeHash(from({ preset: 'rps', tau: '-1' }));
    expect(d.problems.map((p) => p.field)).toEqual(['tau']);
  });
  it('cannot smuggle another key through a value', () => {
    const d = decodeHash(from({ tau: '0.1&t=5' }));
    expect(d.t).not.toBe(5);
    expect(d.problems.map((p) => p.field)).toEqual(['tau']);
  });
  it('reads lecture as a boolean attribute', () => {
    expect(from({ lecture: '' })).toBe('lecture=1');
    expect(from({ lecture: 'false' })).toBe('');
    expect(patchFromAttribute('lecture', '')).toEqual({ lecture: 1 });
    expect(patchFromAttribute('tau', ' 0.2 ')).toEqual({ tau: '0.2' });
    expect(patchFromAttribute('tau', null)).toEqual({ tau: null });
  });
});

describe('element options', () => {
  const opts = (attrs: Record<string, string>) => optionsFromAttributes((n) => attrs[n] ?? null);
  it('defaults: every page coupling off, light theme', () => {
    expect(opts({})).toEqual({
      figures: undefined,
      theme: 'light',
      autoplay: false,
      syncHash: false,
      autosave: null,
      problems: [],
    });
  });
  it('reads figures, theme, autoplay, sync-hash and autosave', () => {
    expect(
      opts({ figures: 'simplex, policy-table', theme: 'auto', autoplay: '', 'sync-hash': '', autosave: 'post-1' }),
    ).toEqual({
      figures: ['simplex', 'policy-table'],
      theme: 'auto',
      autoplay: true,
      syncHash: true,
      autosave: 'post-1',
      problems: [],
    });
  });
  it('names an unknown figure or theme and keeps the rest', () => {
    const o = opts({ figures: 'simplex,pie', theme: 'sepia' });
    expect(o.figures).toEqual(['simplex']);
    expect(o.theme).toBe('light');
    expect(o.problems.map((p) => p.field)).toEqual(['figures', 'theme']);
    expect(o.problems[0].message).toContain('"pie" is not a figure');
  });
});
