/** The flow field: one step from each grid point equals the registry run's row 1 from π₀ = that point. */
import { describe, expect, it } from 'vitest';
import { ALGORITHM_IDS } from '../algorithms/registry.ts';
import { InvalidInputError } from '../errors.ts';
import { flowField } from '../flowField.ts';
import { simplexGrid } from '../simplexGrid.ts';
import { simulate } from '../simulate.ts';

const RPS = [
  [0.5, 0.1, 0.8],
  [0.9, 0.5, 0.25],
  [0.2, 0.75, 0.5],
];
const MU = [0.5, 0.3, 0.2];

describe('simplexGrid', () => {
  it('m(m+1)/2 distributions strictly inside the triangle', () => {
    const g = simplexGrid(20);
    expect(g.length).toBe(210 * 3);
    for (let k = 0; k < 210; k++) {
      const [a, b, c] = g.subarray(3 * k, 3 * k + 3);
      expect(a + b + c).toBeCloseTo(1, 12);
      expect(Math.min(a, b, c)).toBeGreaterThan(0.01);
    }
  });
});

describe('flowField', () => {
  const points = simplexGrid(6);
  for (const id of ALGORITHM_IDS) {
    for (const eta of [0.4, 'theorem'] as const) {
      it(`${id}, η = ${eta}: row k is the run's π₁ from π₀ = point k`, () => {
        const spec = { preferences: RPS, reference: MU, tau: 0.3, eta, comparisons: 'uniform' as const };
        const field = flowField(spec, id, points);
        for (let k = 0; k < points.length / 3; k++) {
          const pi0 = Array.from(points.subarray(3 * k, 3 * k + 3));
          const run = simulate({ algorithm: id, ...spec, initial: pi0, steps: 1 }).policies;
          for (let i = 0; i < 3; i++) expect(field[3 * k + i]).toBeCloseTo(run[3 + i], 12);
        }
        // The step moves something (a field of zeros would pass the comparison above vacuously).
        let moved = 0;
        for (let i = 0; i < field.length; i++) moved = Math.max(moved, Math.abs(field[i] - points[i]));
        expect(moved).toBeGreaterThan(1e-4);
      });
    }
  }

  it('names the algorithm for an unknown id or one that cannot run', () => {
    const spec = { preferences: RPS, reference: MU, tau: 0, eta: 0.4 };
    expect(() => flowField(spec, 'bogus', points)).toThrow(InvalidInputError);
    expect(() => flowField(spec, 'bogus', points)).toThrow(/flow field's algorithm.*bogus/);
    try {
      flowField(spec, 'comal', points);
      expect.unreachable();
    } catch (e) {
      expect((e as InvalidInputError).field).toBe('algorithm');
    }
  });
});
