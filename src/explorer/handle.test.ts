/** The handle's `set`: a patch in the URL-hash vocabulary merged into the explorer's hash. */
import { describe, expect, it } from 'vitest';
import { readPairs } from '../state/urlCodec.ts';
import { mergePatch } from './handle.ts';

const pairs = (hash: string) => Object.fromEntries(readPairs(hash));

describe('mergePatch', () => {
  it('changes the keys given and keeps the others', () => {
    expect(pairs(mergePatch('preset=rps&tau=0.05&eta=2&t=300', { tau: 0.1 }))).toEqual({
      preset: 'rps',
      tau: '0.1',
      eta: '2',
      t: '300',
    });
  });

  it('a new preset starts from its own defaults: the old matrix, μ, π0, τ, η and t go', () => {
    const merged = pairs(
      mergePatch('P=0.1,0.9,0.1&labels=a,b,c&mu=0.5,0.3,0.2&tau=0.05&eta=2&t=300&hide=paste', { preset: 'dice' }),
    );
    expect(merged).toEqual({ preset: 'dice', hide: 'paste' });
  });

  it('a preset parameter drops a custom matrix (the preset builds it), a matrix drops the preset', () => {
    expect(pairs(mergePatch('preset=rater-types&eps=0.1&P=0.2,0.3,0.4', { eps: 0.2 }))).toEqual({
      preset: 'rater-types',
      eps: '0.2',
    });
    expect(pairs(mergePatch('preset=rps&tau=0.05', { P: '0.2,0.3,0.4' }))).toEqual({ tau: '0.05', P: '0.2,0.3,0.4' });
  });

  it('null, undefined and false remove a key; true writes 1', () => {
    expect(pairs(mergePatch('preset=rps&lecture=1&tau=0.05', { lecture: false, tau: null }))).toEqual({
      preset: 'rps',
    });
    expect(pairs(mergePatch('preset=rps', { lecture: true }))).toEqual({ preset: 'rps', lecture: '1' });
  });

  it('escapes text values but keeps list commas readable', () => {
    expect(mergePatch('preset=rps', { labels: 'a b,c' })).toBe('preset=rps&labels=a b,c');
    expect(mergePatch('preset=rps', { algos: 'nash-md,omd' })).toBe('preset=rps&algos=nash-md,omd');
    expect(mergePatch('', { hide: 'paste&x=1' })).toBe('hide=paste%26x%3D1');
  });
});
