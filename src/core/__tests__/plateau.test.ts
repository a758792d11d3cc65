import { describe, expect, it } from 'vitest';
import { plateauOf } from '../plateau.ts';

const series = (T: number, f: (t: number) => number) => Float64Array.from({ length: T + 1 }, (_, t) => f(t));

describe('plateauOf', () => {
  it('finds a level held over the second half of the run', () => {
    const kl = series(300, (t) => 5e-4 + 1e-2 * Math.exp(-t / 20));
    expect(plateauOf(kl, 300)?.level).toBeCloseTo(5e-4, 8);
  });

  it('is null while still converging (1/t, linear), at rounding level, early, or with unknown values', () => {
    expect(
      plateauOf(
        series(2000, (t) => 8 / (t + 1)),
        2000,
      ),
    ).toBeNull();
    expect(
      plateauOf(
        series(300, (t) => Math.exp(-t / 10)),
        300,
      ),
    ).toBeNull();
    expect(
      plateauOf(
        series(300, () => 1e-16),
        300,
      ),
    ).toBeNull();
    expect(
      plateauOf(
        series(30, () => 1e-3),
        30,
      ),
    ).toBeNull();
    const pending = series(300, () => 1e-3);
    pending[250] = Number.NaN;
    expect(plateauOf(pending, 300)).toBeNull();
  });

  it('reads thinned histories through timeOf, and tells circling (flat KL, moving policy) from rest', () => {
    const times = Float64Array.from({ length: 101 }, (_, r) => r * 100);
    expect(
      plateauOf(
        series(100, () => 1e-3),
        100,
        (r) => times[r],
      )?.level,
    ).toBe(1e-3);
    const circling = (r: number) => [
      1 / 3 + 0.1 * Math.cos(r / 5),
      1 / 3 + 0.1 * Math.sin(r / 5),
      1 / 3 - 0.1 * Math.cos(r / 5) - 0.1 * Math.sin(r / 5),
    ];
    expect(
      plateauOf(
        series(300, () => 0.07),
        300,
        undefined,
        {},
        circling,
      ),
    ).toBeNull();
    expect(
      plateauOf(
        series(300, () => 0.07),
        300,
        undefined,
        {},
        () => [0.2, 0.3, 0.5],
      ),
    ).not.toBeNull();
  });
});
