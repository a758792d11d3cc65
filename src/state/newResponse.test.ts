/**
 * "Add response" (appStore.addResponse → matrixEdit.withNewResponse): the new response must not
 * be a tie with everything, which is a Nash equilibrium of its own and made the Nash star jump.
 */
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { nashEquilibriumSet } from '../core/nashEquilibrium.ts';
import { preferenceMatrix } from '../core/__tests__/arbitraries.ts';
import { createAppStore } from './appStore.ts';

const appStore = createAppStore();
const actions = appStore.getState();
import { NEW_RESPONSE_GAP, withNewResponse } from './matrixEdit.ts';
import { DEFAULT } from './scenario.ts';

const scenario = () => appStore.getState().scenario;

describe('Add response', () => {
  beforeEach(() => actions.loadScenario(DEFAULT.scenario, DEFAULT.steps));

  it('on rock-paper-scissors keeps the Nash where it was, unique, with weight 0 on the new response', () => {
    const before = nashEquilibriumSet(scenario().preferences);
    actions.addResponse();
    const P = scenario().preferences;
    expect(P.length).toBe(4);
    const after = nashEquilibriumSet(P);
    expect(after.unique).toBe(true);
    expect(after.nash[3]).toBeLessThan(1e-9);
    for (let y = 0; y < 3; y++) expect(after.nash[y]).toBeCloseTo(before.nash[y], 9);
    // Not a row of ½: the new response is a slightly weaker scissors.
    expect(P[3].slice(0, 3)).not.toEqual([0.5, 0.5, 0.5]);
  });

  it('the new row is the last one minus δ (clamped at 0, ½ − δ against it), and the matrix stays a valid preference matrix', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 9 }).chain((n) => preferenceMatrix(n, true)),
        (P) => {
          const Q = withNewResponse(P);
          const n = P.length;
          expect(Q.length).toBe(n + 1);
          for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) expect(Q[i][j]).toBe(P[i][j]);
          for (let j = 0; j <= n; j++) {
            expect(Q[n][j]).toBeGreaterThanOrEqual(0);
            expect(Q[n][j]).toBeLessThanOrEqual(1);
            expect(Q[n][j] + Q[j][n]).toBeCloseTo(1, 14);
          }
          expect(Q[n][n]).toBe(0.5);
          expect(Q[n][n - 1]).toBeCloseTo(0.5 - NEW_RESPONSE_GAP, 14);
          for (let j = 0; j < n - 1; j++) expect(Q[n][j]).toBeCloseTo(Math.max(0, P[n - 1][j] - NEW_RESPONSE_GAP), 3);
        },
      ),
      { numRuns: 200, seed: 21 },
    );
  });

  it('never makes a unique Nash non-unique, and never moves it (random games)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 10 }).chain((n) => preferenceMatrix(n, false)),
        (P) => {
          const before = nashEquilibriumSet(P);
          const after = nashEquilibriumSet(withNewResponse(P));
          expect(before.unique).toBe(true);
          expect(after.unique).toBe(true);
          expect(after.nash[P.length]).toBeLessThan(1e-9);
          for (let y = 0; y < P.length; y++) expect(Math.abs(after.nash[y] - before.nash[y])).toBeLessThan(1e-7);
        },
      ),
      { numRuns: 150, seed: 22 },
    );
  });
});
