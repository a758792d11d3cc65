/**
 * The scenario's wire form (specWire.ts): a spec survives the trip to the worker unchanged, and a
 * malformed matrix still reaches validation as an error that names the field.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromWire, toWire } from '../specWire.ts';
import { createSimulationService } from '../simulationService.ts';
import type { ScenarioSpec } from '../workerApi.ts';
import { sizedGame } from './arbitraries.ts';

const spec = (preferences: number[][]): ScenarioSpec => {
  const n = preferences.length;
  const uniform = new Array<number>(n).fill(1 / n);
  return {
    preferences,
    reference: uniform,
    initial: uniform,
    tau: 0.1,
    eta: 1,
    comparisons: 'uniform',
    algorithms: ['nash-md'],
  };
};

describe('specWire', () => {
  it('round-trips every spec exactly (structuredClone of the wire form, as postMessage does)', () => {
    fc.assert(
      fc.property(sizedGame(12), ({ P }) => {
        const wire = structuredClone(toWire(spec(P)));
        expect(wire.preferences).toBeInstanceOf(Float64Array);
        const back = fromWire(wire);
        expect({ ...back, preferences: back.preferences.map((r) => Array.from(r)) }).toEqual(spec(P));
      }),
    );
  });

  it('battle counts travel flat too and come back as rows', () => {
    const counts = [
      [0, 7, 0.5],
      [5, 0, 2],
      [1.5, 3, 0],
    ];
    const P = counts.map((row, i) => row.map((x, j) => (i === j ? 0.5 : x / (x + counts[j][i]))));
    const wire = structuredClone(toWire({ ...spec(P), comparisons: 'observed', counts }));
    expect(wire.counts).toBeInstanceOf(Float64Array);
    expect(fromWire(wire).counts!.map((r) => Array.from(r))).toEqual(counts);
  });

  it('keeps a 500 × 500 matrix bit for bit, row-major', () => {
    const n = 500;
    const P = Array.from({ length: n }, (_, i) =>
      Array.from({ length: n }, (_, j) => (i === j ? 0.5 : i < j ? ((i * 7 + j * 13) % 97) / 97 : 0)),
    );
    for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) P[i][j] = 1 - P[j][i];
    const wire = toWire(spec(P));
    expect(wire.preferences[1 * n + 2]).toBe(P[1][2]);
    expect(fromWire(wire).preferences.map((r) => Array.from(r))).toEqual(P);
  });

  it('a ragged matrix is refused by validation, naming the field', () => {
    const service = createSimulationService();
    const r = service.compute(
      1,
      fromWire(
        toWire(
          spec([
            [0.5, 0.4, 0.3],
            [0.6, 0.5],
            [0.7, 0.5, 0.5],
          ]),
        ),
      ),
      10,
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.field).toBe('preferences');
    expect(() =>
      fromWire({
        ...toWire(
          spec([
            [0.5, 0.5],
            [0.5, 0.5],
          ]),
        ),
        preferences: new Float64Array(3),
      }),
    ).toThrow(/not n²/);
    // Entries that are not numbers go as they are (a Float64Array would coerce null to 0).
    const odd = [
      [0.5, null],
      [0.5, 0.5],
    ] as unknown as number[][];
    const r2 = service.compute(2, fromWire(structuredClone(toWire(spec(odd)))), 10);
    expect(r2.ok).toBe(false);
    if (!r2.ok) expect(r2.problem.message).toMatch(/preferences\[0\]\[1\] must be a number/);
  });
});
