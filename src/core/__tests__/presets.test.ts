/**
 * Presets must be valid inputs for the core (a preset that throws would greet a visitor with an
 * error), and their matrices must be the paper's, computed from dice faces, rankings and formulas.
 */
import { describe, expect, it } from 'vitest';
import { ALGORITHMS, fitBradleyTerry, rlhfOptimum, simulate } from '../index.ts';
import { createRng } from '../rng.ts';
import { EPSILON_MAX, EPSILON_MIN, epsilonFromRaterTypes, PRESETS, presetById, type PresetParams } from '../presets.ts';

function expectValidScenario(id: string, params: PresetParams = {}) {
  const s = presetById(id)!.build(params);
  const n = s.preferences.length;
  expect(s.labels).toHaveLength(n);
  expect(new Set(s.labels).size).toBe(n);
  for (const label of s.labels) expect(label.length).toBeGreaterThan(0);
  for (const label of s.labels) expect(label.length).toBeLessThanOrEqual(24);
  expect(s.eta * s.tau).toBeLessThanOrEqual(1);
  expect(Number.isInteger(s.steps) && s.steps > 0).toBe(true);
  // simulate validates P (P + Pᵀ = 1 within 1e-9), μ, π0 (positive, Σ = 1), τ, η and steps.
  for (const algorithm of ALGORITHMS) {
    const eta = s.schedule === 'theorem' ? 'theorem' : s.eta;
    const t = simulate({
      algorithm,
      preferences: s.preferences,
      reference: s.reference,
      initial: s.initial,
      tau: s.tau,
      eta,
      steps: 5,
    });
    expect(t.policies.every(Number.isFinite)).toBe(true);
  }
  return s;
}

describe('every preset', () => {
  it('has a unique id, a name and a one-sentence caption', () => {
    expect(new Set(PRESETS.map((p) => p.id)).size).toBe(PRESETS.length);
    for (const p of PRESETS) {
      expect(p.name.length).toBeGreaterThan(0);
      expect(p.caption).toMatch(/^[^.!?]+(\.|\?|!)$/u);
      expect(presetById(p.id)).toBe(p);
    }
    expect(presetById('nope')).toBeUndefined();
  });

  for (const p of PRESETS) {
    it(`${p.id} passes the core validators`, () => {
      expectValidScenario(p.id);
    });
  }

  it('build returns fresh arrays (callers may mutate them)', () => {
    const a = presetById('rps')!.build({});
    a.preferences[0][1] = 0.3;
    a.reference[0] = 9;
    expect(presetById('rps')!.build({}).preferences[0][1]).toBe(0.1);
    expect(presetById('rps')!.build({}).reference[0]).toBe(0.5);
  });
});

describe('rock-paper-scissors', () => {
  it('matches docs/ux.md', () => {
    const s = presetById('rps')!.build({});
    expect(s.labels).toEqual(['rock', 'paper', 'scissors']);
    expect(s.preferences[1][0]).toBe(0.9); // paper beats rock
    expect(s.preferences[2][1]).toBe(0.9); // scissors beat paper
    expect(s.preferences[0][2]).toBe(0.9); // rock beats scissors
    expect(s).toMatchObject({ reference: [0.5, 0.3, 0.2], initial: [0.7, 0.2, 0.1], tau: 0.05, eta: 2, steps: 300 });
  });
});

describe('non-transitive dice', () => {
  it('A beats B, B beats C, C beats A, each with probability 5/9', () => {
    const P = presetById('dice')!.build({}).preferences;
    expect(P[0][1]).toBeCloseTo(5 / 9, 15);
    expect(P[1][2]).toBeCloseTo(5 / 9, 15);
    expect(P[2][0]).toBeCloseTo(5 / 9, 15);
    expect(P[1][0]).toBeCloseTo(4 / 9, 15);
  });

  it('has a Bradley–Terry reward of zero, so the RLHF optimum is μ', () => {
    const s = presetById('dice')!.build({});
    const r = fitBradleyTerry(s.preferences);
    for (const x of r) expect(Math.abs(x)).toBeLessThan(1e-9);
    Array.from(rlhfOptimum(r, s.reference, s.tau)).forEach((x, i) => expect(x).toBeCloseTo(s.reference[i], 9));
  });
});

describe('Condorcet cycle', () => {
  it('each link of the cycle y1 → y2 → y3 → y1 has probability 2/3', () => {
    const P = presetById('condorcet')!.build({}).preferences;
    expect(P[0][1]).toBeCloseTo(2 / 3, 15);
    expect(P[1][2]).toBeCloseTo(2 / 3, 15);
    expect(P[2][0]).toBeCloseTo(2 / 3, 15);
  });
});

describe('three rater types', () => {
  const formula = (eps: number) => ({ p21: 2 / 3 - eps / 2, p13: 2 / 3 + eps / 4, p32: 2 / 3 + eps / 4 });

  for (const eps of [-1 / 3, -0.2, 0, 0.1, 0.25, 1 / 3]) {
    it(`ε = ${eps.toFixed(3)} reproduces §3.2 and round-trips through epsilonFromRaterTypes`, () => {
      const s = expectValidScenario('rater-types', { epsilon: eps });
      const f = formula(eps);
      expect(s.preferences[1][0]).toBeCloseTo(f.p21, 15);
      expect(s.preferences[0][2]).toBeCloseTo(f.p13, 15);
      expect(s.preferences[2][1]).toBeCloseTo(f.p32, 15);
      expect(epsilonFromRaterTypes(s.preferences)).toBeCloseTo(eps, 12);
    });
  }

  it('round-trips slider values exactly', () => {
    for (const eps of [0.1, -0.05, 0.3, 0.01]) {
      expect(epsilonFromRaterTypes(presetById('rater-types')!.build({ epsilon: eps }).preferences)).toBe(eps);
    }
  });

  it('defaults to ε = 0.1 and clamps ε to [−1/3, 1/3]', () => {
    const build = presetById('rater-types')!.build;
    expect(epsilonFromRaterTypes(build({}).preferences)).toBe(0.1);
    expect(epsilonFromRaterTypes(build({ epsilon: 5 }).preferences)).toBeCloseTo(EPSILON_MAX, 12);
    expect(epsilonFromRaterTypes(build({ epsilon: -5 }).preferences)).toBeCloseTo(EPSILON_MIN, 12);
    expect(epsilonFromRaterTypes(build({ epsilon: Number.NaN }).preferences)).toBe(0.1);
  });

  it('has the reference and start of docs/ux.md', () => {
    expect(presetById('rater-types')!.build({})).toMatchObject({
      reference: [0.4, 0.35, 0.25],
      initial: [0.08, 0.12, 0.8],
      tau: 0.05,
      eta: 0.5,
      steps: 400,
    });
  });

  it('epsilonFromRaterTypes returns null for other matrices', () => {
    for (const id of ['rps', 'dice', 'condorcet', 'bradley-terry', 'elo', 'random']) {
      expect(epsilonFromRaterTypes(presetById(id)!.build({ n: 3 }).preferences)).toBeNull();
    }
    const P = presetById('rater-types')!
      .build({})
      .preferences.map((r) => [...r]);
    P[0][2] += 1e-6;
    P[2][0] -= 1e-6;
    expect(epsilonFromRaterTypes(P)).toBeNull();
    expect(
      epsilonFromRaterTypes([
        [0.5, 0.5],
        [0.5, 0.5],
      ]),
    ).toBeNull();
    expect(epsilonFromRaterTypes([])).toBeNull();
    // ε = 0.5 has the structure but lies outside [−1/3, 1/3].
    const outside = [
      [0.5, 1 - (2 / 3 - 0.25), 2 / 3 + 0.125],
      [2 / 3 - 0.25, 0.5, 1 - (2 / 3 + 0.125)],
      [1 - (2 / 3 + 0.125), 2 / 3 + 0.125, 0.5],
    ];
    expect(epsilonFromRaterTypes(outside)).toBeNull();
  });

  it('tolerates rounding within 1e-9', () => {
    const P = presetById('rater-types')!
      .build({ epsilon: 0.2 })
      .preferences.map((r) => r.map((x) => x + 1e-12));
    expect(epsilonFromRaterTypes(P)).toBeCloseTo(0.2, 9);
  });
});

describe('Bradley–Terry presets', () => {
  it('bradley-terry is σ(s_i − s_j) with scores (1, 0, −1)', () => {
    const P = presetById('bradley-terry')!.build({}).preferences;
    const sigma = (x: number) => 1 / (1 + Math.exp(-x));
    expect(P[0][1]).toBeCloseTo(sigma(1), 15);
    expect(P[0][2]).toBeCloseTo(sigma(2), 15);
    expect(P[1][2]).toBeCloseTo(sigma(1), 15);
  });

  it('elo has scores (0, log 9, log 2): P(y2 ≻ y1) = 9/10, P(y3 ≻ y1) = 2/3, P(y2 ≻ y3) = 9/11', () => {
    const P = presetById('elo')!.build({}).preferences;
    expect(P[1][0]).toBeCloseTo(9 / 10, 14);
    expect(P[2][0]).toBeCloseTo(2 / 3, 14);
    expect(P[1][2]).toBeCloseTo(9 / 11, 14);
  });
});

describe('random', () => {
  const build = presetById('random')!.build;

  it('defaults to seed 1 and n = 5', () => {
    expect(build({}).preferences).toHaveLength(5);
    expect(build({})).toEqual(build({ seed: 1, n: 5 }));
  });

  it('is deterministic per seed and differs across seeds', () => {
    expect(build({ seed: 42 })).toEqual(build({ seed: 42 }));
    expect(build({ seed: 42 }).preferences).not.toEqual(build({ seed: 43 }).preferences);
    expect(build({ seed: 42 }).initial).not.toEqual(build({ seed: 43 }).initial);
  });

  it('is valid for every n in 2..12 (and 500) and clamps n outside 2..500', () => {
    for (let n = 2; n <= 12; n++) {
      const s = expectValidScenario('random', { n, seed: n * 7 });
      expect(s.preferences).toHaveLength(n);
      for (const x of s.reference) expect(x).toBeCloseTo(1 / n, 15);
    }
    expect(build({ n: 1 }).preferences).toHaveLength(2);
    expect(build({ n: 500 }).preferences).toHaveLength(500);
    expect(build({ n: 501 }).preferences).toHaveLength(500);
  });

  it('draws the upper triangle from createRng(seed)', () => {
    const rng = createRng(9);
    const P = build({ seed: 9, n: 3 }).preferences;
    expect(P[0][1]).toBe(rng());
    expect(P[0][2]).toBe(rng());
    expect(P[1][2]).toBe(rng());
  });
});

describe('createRng', () => {
  it('yields numbers in [0, 1), the same sequence per seed', () => {
    const a = createRng(123);
    const b = createRng(123);
    for (let k = 0; k < 1000; k++) {
      const x = a();
      expect(x).toBe(b());
      expect(x >= 0 && x < 1).toBe(true);
    }
    expect(createRng(1)()).not.toBe(createRng(2)());
  });

  it('is roughly uniform', () => {
    const rng = createRng(7);
    let sum = 0;
    for (let k = 0; k < 10000; k++) sum += rng();
    expect(sum / 10000).toBeCloseTo(0.5, 1);
  });
});
