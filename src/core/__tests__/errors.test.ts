/**
 * Every invalid input throws an InvalidInputError that names the field and says what is wrong.
 */
import { describe, expect, it } from 'vitest';
import {
  exploitability,
  fitBradleyTerry,
  InvalidInputError,
  nashEquilibrium,
  regularizedNash,
  rlhfOptimum,
  simulate,
  type SimulationSpec,
} from '../index.ts';

const P = [
  [0.5, 0.7, 0.2],
  [0.3, 0.5, 0.6],
  [0.8, 0.4, 0.5],
];
const mu = [0.5, 0.3, 0.2];
const good: SimulationSpec = {
  algorithm: 'nash-md',
  preferences: P,
  reference: mu,
  initial: [0.2, 0.3, 0.5],
  tau: 0.1,
  eta: 1,
  steps: 10,
};

function caught(f: () => unknown): InvalidInputError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidInputError);
    expect((e as Error).name).toBe('InvalidInputError');
    return e as InvalidInputError;
  }
  throw new Error('expected an InvalidInputError, nothing was thrown');
}

function expectInvalid(f: () => unknown, field: string, message: RegExp | string): void {
  const e = caught(f);
  expect(e.field).toBe(field);
  if (typeof message === 'string') expect(e.message).toBe(message);
  else expect(e.message).toMatch(message);
}

const withP = (preferences: unknown) => () => simulate({ ...good, preferences: preferences as number[][] });

describe('preferences', () => {
  it('not square, or fewer than 2 responses', () => {
    expectInvalid(withP([[0.5]]), 'preferences', 'preferences must be a square matrix with at least 2 rows, got 1 row');
    expectInvalid(withP([]), 'preferences', /at least 2 rows, got 0 rows/);
    expectInvalid(withP('abc'), 'preferences', /square matrix/);
    expectInvalid(
      withP([
        [0.5, 0.5, 0.5],
        [0.5, 0.5],
      ]),
      'preferences',
      'preferences[0] has 3 entries, expected 2 (the matrix must be square)',
    );
  });
  it('non-finite or outside [0, 1]', () => {
    expectInvalid(
      withP([
        [0.5, NaN],
        [0.5, 0.5],
      ]),
      'preferences',
      'preferences[0][1] must be a number between 0 and 1, got NaN',
    );
    expectInvalid(
      withP([
        [0.5, Infinity],
        [0, 0.5],
      ]),
      'preferences',
      /got Infinity/,
    );
    expectInvalid(
      withP([
        [0.5, 1.3],
        [-0.3, 0.5],
      ]),
      'preferences',
      'preferences[0][1] must be a number between 0 and 1, got 1.3',
    );
    expectInvalid(
      withP([
        [0.5, '0.3'],
        [0.7, 0.5],
      ]),
      'preferences',
      /preferences\[0\]\[1\] must be a number/,
    );
  });
  it('P + Pᵀ ≠ 1 beyond 1e-9, including the diagonal', () => {
    expectInvalid(
      withP([
        [0.5, 0.7, 0.2],
        [0.3, 0.5, 0.6],
        [1, 0.4, 0.5],
      ]),
      'preferences',
      'preferences[0][2] + preferences[2][0] must be 1, got 1.2',
    );
    expectInvalid(
      withP([
        [0.4, 0.5],
        [0.5, 0.5],
      ]),
      'preferences',
      /preferences\[0\]\[0\] must be 1\/2/,
    );
    // Within tolerance is accepted.
    expect(() =>
      fitBradleyTerry([
        [0.5, 0.3 + 1e-10],
        [0.7, 0.5],
      ]),
    ).not.toThrow();
  });
  it('every function that takes P checks it', () => {
    const bad = [
      [0.5, 2],
      [-1, 0.5],
    ];
    for (const f of [
      () => nashEquilibrium(bad),
      () => regularizedNash(bad, [0.5, 0.5], 1),
      () => fitBradleyTerry(bad),
      () => exploitability(bad, [0.5, 0.5], 1, [0.5, 0.5]),
    ]) {
      expect(caught(f).field).toBe('preferences');
    }
  });
});

describe('reference and initial', () => {
  for (const field of ['reference', 'initial'] as const) {
    it(`${field}: wrong length, non-positive, non-finite, not normalised`, () => {
      const run = (v: unknown) => () => simulate({ ...good, [field]: v as number[] });
      expectInvalid(run([0.5, 0.5]), field, `${field} has 2 entries, expected 3`);
      expectInvalid(run([0.5, 0.5, 0]), field, `${field}[2] must be positive, got 0`);
      expectInvalid(run([1.5, -0.5, 0]), field, `${field}[1] must be positive, got -0.5`);
      expectInvalid(run([0.5, NaN, 0.5]), field, `${field}[1] must be a finite number, got NaN`);
      expectInvalid(run([0.5, 0.3, 0.3]), field, `${field} must sum to 1, got 1.1`);
      expect(() => run([0.5, 0.3, 0.2 + 5e-10])()).not.toThrow();
    });
  }
  it('regularizedNash and rlhfOptimum check μ', () => {
    expectInvalid(() => regularizedNash(P, [0.5, 0.5, 0], 1), 'reference', /reference\[2\] must be positive/);
    expectInvalid(() => rlhfOptimum([0, 0, 0], [0.5, 0.6, 0.1], 1), 'reference', /must sum to 1/);
    expectInvalid(() => rlhfOptimum([0], [1], 1), 'reference', /at least 2 entries/);
  });
});

describe('tau, eta, steps', () => {
  it('τ < 0 or non-finite', () => {
    expectInvalid(() => simulate({ ...good, tau: -0.1 }), 'tau', 'tau must be a finite number ≥ 0, got -0.1');
    expectInvalid(() => simulate({ ...good, tau: NaN }), 'tau', /got NaN/);
    expectInvalid(
      () => regularizedNash(P, mu, 0),
      'tau',
      /tau must be a finite number > 0 \(for τ = 0 use nashEquilibrium\), got 0/,
    );
    expectInvalid(() => exploitability(P, mu, -1, mu), 'tau', /≥ 0, got -1/);
  });
  it('η ≤ 0, ητ > 1, theorem with τ = 0', () => {
    expectInvalid(() => simulate({ ...good, eta: 0 }), 'eta', "eta must be a finite number > 0 or 'theorem', got 0");
    expectInvalid(() => simulate({ ...good, eta: -2 }), 'eta', /got -2/);
    expectInvalid(() => simulate({ ...good, eta: Infinity }), 'eta', /got Infinity/);
    expectInvalid(
      () => simulate({ ...good, tau: 0.5, eta: 3 }),
      'eta',
      'eta × tau must be at most 1 (the mixture weight ητ lies in [0, 1]), got 3 × 0.5 = 1.5',
    );
    expectInvalid(() => simulate({ ...good, tau: 0, eta: 'theorem' }), 'eta', /needs tau > 0/);
    expect(() => simulate({ ...good, tau: 0.5, eta: 2 })).not.toThrow();
  });
  it('non-integer, negative or unstorably many steps', () => {
    expectInvalid(() => simulate({ ...good, steps: 1.5 }), 'steps', 'steps must be a whole number ≥ 0, got 1.5');
    expectInvalid(() => simulate({ ...good, steps: -1 }), 'steps', /got -1/);
    expectInvalid(() => simulate({ ...good, steps: NaN }), 'steps', /got NaN/);
    expectInvalid(() => simulate({ ...good, steps: 1e12 }), 'steps', /too large to store/);
  });
});

describe('rewards, weights, policy, algorithm', () => {
  it('rewards: wrong length or non-finite', () => {
    expectInvalid(() => rlhfOptimum([0, 1], mu, 1), 'rewards', 'rewards has 2 entries, expected 3');
    expectInvalid(
      () => rlhfOptimum([0, Infinity, 1], mu, 1),
      'rewards',
      'rewards[1] must be a finite number, got Infinity',
    );
  });
  it('weights: wrong shape, negative, disconnected', () => {
    expectInvalid(
      () =>
        fitBradleyTerry(P, [
          [0, 1],
          [1, 0],
        ]),
      'weights',
      /3×3 matrix/,
    );
    expectInvalid(
      () =>
        fitBradleyTerry(P, [
          [0, 1, 1],
          [1, 0, -1],
          [1, 1, 0],
        ]),
      'weights',
      'weights[1][2] must be a finite number ≥ 0, got -1',
    );
    expectInvalid(
      () =>
        fitBradleyTerry(P, [
          [0, 1, 0],
          [1, 0, 0],
          [0, 0, 0],
        ]),
      'weights',
      /response 2 no chain of compared pairs/,
    );
  });
  it('policy given to exploitability', () => {
    expectInvalid(() => exploitability(P, mu, 1, [0.5, 0.6, 0]), 'policy', /policy must sum to 1/);
    expect(exploitability(P, mu, 1, [1, 0, 0])).toBeGreaterThan(0);
  });
  it('algorithm and comparisons', () => {
    // Every id of the registry is accepted (issue 14); the message lists them.
    expectInvalid(
      () => simulate({ ...good, algorithm: 'ppo' as never }),
      'algorithm',
      /^algorithm must be one of 'nash-md', 'omd', 'rlhf', 'mwu', .*'replicator'.*, got "ppo"$/,
    );
    expectInvalid(
      () => simulate({ ...good, algorithm: 'comal', tau: 0 }),
      'algorithm',
      /Prox point \(COMAL\) needs τ > 0/,
    );
    expectInvalid(
      () => simulate({ ...good, algorithm: 'mpo', refresh: 0 }),
      'refresh',
      'refresh (the magnet refresh period K) must be a whole number ≥ 1, got 0',
    );
    expectInvalid(() => simulate({ ...good, algorithm: 'mpo', refresh: 2.5 }), 'refresh', /got 2.5/);
    expectInvalid(
      () => simulate({ ...good, algorithm: 'rlhf', comparisons: 'pairs' as never }),
      'comparisons',
      /got "pairs"/,
    );
  });
});
