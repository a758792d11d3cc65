/**
 * The set of Nash equilibria of P (nashEquilibriumSet): whether the Nash is unique and, for small
 * n, the range of each response's weight over all equilibria.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nashEquilibrium, nashEquilibriumSet, NASH_RANGE_MAX_N } from '../nashEquilibrium.ts';
import { distribution, preferenceMatrix, winProb } from './arbitraries.ts';
import { randomGame } from './seededGame.ts';

const RPS = [
  [0.5, 0, 1],
  [1, 0.5, 0],
  [0, 1, 0.5],
];

/** P with one more response, tied (½) with every response. */
function withTiedResponse(P: number[][]): number[][] {
  return [...P.map((r) => [...r, 0.5]), new Array(P.length + 1).fill(0.5)];
}

/** max_y (Pπ)_y − ½: zero exactly at the Nash equilibria. */
function exploit(P: number[][], pi: ArrayLike<number>): number {
  return Math.max(...P.map((r) => r.reduce((s, v, j) => s + v * pi[j], 0))) - 0.5;
}

describe('nashEquilibriumSet', () => {
  it('rock-paper-scissors: the uniform Nash is unique (no ranges needed)', () => {
    const set = nashEquilibriumSet(RPS);
    expect(set.unique).toBe(true);
    expect(set.low).toBeNull();
    for (let y = 0; y < 3; y++) expect(set.nash[y]).toBeCloseTo(1 / 3, 12);
  });

  it('a response tied with everything makes the Nash not unique: the set is the segment from the old Nash to the new vertex', () => {
    const set = nashEquilibriumSet(withTiedResponse(RPS));
    expect(set.unique).toBe(false);
    expect(Array.from(set.low!)).toEqual([0, 0, 0, 0].map((v) => expect.closeTo(v, 7)));
    expect(Array.from(set.high!)).toEqual([1 / 3, 1 / 3, 1 / 3, 1].map((v) => expect.closeTo(v, 7)));
  });

  it('two identical responses (a clone) share the weight in any proportion', () => {
    const clone = [
      [0.5, 0, 1, 1],
      [1, 0.5, 0, 0],
      [0, 1, 0.5, 0.5],
      [0, 1, 0.5, 0.5],
    ];
    const set = nashEquilibriumSet(clone);
    expect(set.unique).toBe(false);
    expect(set.low![2]).toBeCloseTo(0, 7);
    expect(set.high![2]).toBeCloseTo(1 / 3, 7);
    expect(set.high![0] - set.low![0]).toBeLessThan(1e-7); // rock's weight is 1/3 in every Nash
  });

  it('the ranges contain the Nash found; a Nash called unique is also what the LP finds on the responses in reverse order', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 7 }).chain((n) => preferenceMatrix(n, true)),
        (P) => {
          const set = nashEquilibriumSet(P);
          expect(exploit(P, set.nash)).toBeLessThan(1e-9);
          expect(set.unique).not.toBeNull();
          if (set.unique) {
            expect(set.low).toBeNull();
            // Relabelling the responses changes which vertex the simplex method reaches, unless
            // there is only one.
            const reversed = nashEquilibrium(P.map((r) => [...r].reverse()).reverse()).reverse();
            for (let y = 0; y < P.length; y++) expect(Math.abs(reversed[y] - set.nash[y])).toBeLessThan(1e-4);
          } else {
            for (let y = 0; y < P.length; y++) {
              expect(set.low![y]).toBeLessThanOrEqual(set.nash[y]);
              expect(set.high![y]).toBeGreaterThanOrEqual(set.nash[y]);
            }
            expect(Math.max(...P.map((_, y) => set.high![y] - set.low![y]))).toBeGreaterThan(1e-4);
          }
        },
      ),
      { numRuns: 300, seed: 12 },
    );
  });

  it('a generic random P has a unique Nash (probability 1), and a tied response added to it does not', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 12 }).chain((n) => preferenceMatrix(n, false)),
        (P) => {
          expect(nashEquilibriumSet(P).unique).toBe(true);
          expect(nashEquilibriumSet(withTiedResponse(P)).unique).toBe(false);
        },
      ),
      { numRuns: 200, seed: 15 },
    );
  });

  it('above NASH_RANGE_MAX_N the test uses one seeded direction: random games unique, a tied response not', () => {
    const P = randomGame(NASH_RANGE_MAX_N + 20, 7); // still ≤ NASH_SET_MAX_N
    const set = nashEquilibriumSet(P);
    expect(set.unique).toBe(true);
    expect(set.low).toBeNull();
    expect(Array.from(set.nash)).toEqual(Array.from(nashEquilibrium(P)));
    expect(nashEquilibriumSet(withTiedResponse(P)).unique).toBe(false);
  });

  it('nothing beats the Nash of P: P(π ≻ Nash) ≤ 1/2 for every policy π (the win-rate chart\'s "vs Nash of P")', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: 10 })
          .chain((n) => fc.tuple(preferenceMatrix(n, true), distribution(n, 0), fc.integer({ min: 0, max: n - 1 }))),
        ([P, pi, y]) => {
          const { nash } = nashEquilibriumSet(P);
          expect(winProb(P, pi, nash)).toBeLessThanOrEqual(0.5 + 1e-9);
          // Pure responses too, and the Nash against itself is exactly a tie.
          expect(
            winProb(
              P,
              P.map((_, j) => (j === y ? 1 : 0)),
              nash,
            ),
          ).toBeLessThanOrEqual(0.5 + 1e-9);
          expect(winProb(P, nash, nash)).toBeCloseTo(0.5, 12);
        },
      ),
      { numRuns: 300, seed: 16 },
    );
  });
});
