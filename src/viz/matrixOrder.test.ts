import { describe, expect, it } from 'vitest';
import { identityOrder, inverseOrder, isPermutation, matrixOrder, orderByScore } from './matrixOrder.ts';

describe('matrixOrder', () => {
  it('original order is the identity', () => {
    expect(matrixOrder('original', 4, { nash: [0.1, 0.2, 0.3, 0.4], rewards: null })).toEqual([0, 1, 2, 3]);
    expect(identityOrder(0)).toEqual([]);
  });

  it('sorts by Nash probability, largest first', () => {
    const nash = new Float64Array([0.1, 0.5, 0, 0.4]);
    expect(matrixOrder('nash', 4, { nash, rewards: null })).toEqual([1, 3, 0, 2]);
  });

  it('sorts by Bradley–Terry reward, largest first, negative rewards last', () => {
    const rewards = new Float64Array([-1.5, 2, 0.25, -0.1]);
    expect(matrixOrder('reward', 4, { nash: null, rewards })).toEqual([1, 2, 3, 0]);
  });

  it('keeps the original order among ties, including LP noise around zero', () => {
    const nash = [0, 0.5, 3e-17, 0.5, -2e-16, 0];
    expect(orderByScore(nash, 6)).toEqual([1, 3, 0, 2, 4, 5]);
  });

  it('puts NaN last and falls back to the identity for missing or stale scores', () => {
    expect(orderByScore([NaN, 1, 2], 3)).toEqual([2, 1, 0]);
    expect(orderByScore(null, 3)).toEqual([0, 1, 2]);
    // Scores of a previous n (the run store may hold a result for another matrix).
    expect(matrixOrder('nash', 3, { nash: [0.2, 0.8], rewards: null })).toEqual([0, 1, 2]);
  });

  it('returns a permutation whose inverse maps back', () => {
    const scores = Array.from({ length: 500 }, (_, k) => Math.sin(k * 7.3) * (k % 5 === 0 ? 0 : 1));
    const order = orderByScore(scores, 500);
    expect(isPermutation(order, 500)).toBe(true);
    const inv = inverseOrder(order);
    for (let p = 0; p < 500; p++) expect(inv[order[p]]).toBe(p);
    for (let p = 1; p < 500; p++) expect(scores[order[p - 1]]).toBeGreaterThanOrEqual(scores[order[p]] - 1e-9);
  });

  it('does not modify its input and recognises non-permutations', () => {
    const scores = [3, 1, 2];
    orderByScore(scores, 3);
    expect(scores).toEqual([3, 1, 2]);
    expect(isPermutation([0, 0, 1], 3)).toBe(false);
    expect(isPermutation([0, 2], 3)).toBe(false);
  });
});
