import { describe, expect, it } from 'vitest';
import type { Algorithm } from '../core/types.ts';
import { describeState } from './caption.ts';
import type { RunState } from './runStore.ts';
import { scenarioFromPreset, type Scenario } from './scenario.ts';

/** A run at t = 2 whose KL values are `kl` (per algorithm, constant over the rows). */
function runWith(kl: Partial<Record<Algorithm, number>>): RunState {
  const series = Object.entries(kl).map(([algorithm, v]) => ({
    algorithm: algorithm as Algorithm,
    policies: new Float64Array(9).fill(1 / 3),
    kl: new Float64Array(3).fill(v),
    exploitability: new Float64Array(3),
    length: 3,
  }));
  return { n: 3, length: 3, series, equilibria: null, t: 2, frame: 0, reach: 3, metricsPending: false };
}

const rps = (patch: Partial<Scenario> = {}): Scenario => ({ ...scenarioFromPreset('rps').scenario, ...patch });

/** Characters inside a number that let a line break there (UAX #14: hyphens, spaces, slashes). */
const BREAKABLE = /[-\u2010-\u2014\s/]/;

describe('the caption', () => {
  it('writes small KL values as unbreakable 3.2×10⁻¹⁶, with word joiners, never 3.2e-16', () => {
    const text = describeState(rps(), runWith({ 'nash-md': 3.2e-16, omd: 5.44e-4, rlhf: 0.054 }));
    expect(text).not.toMatch(/\de[-+]?\d/);
    expect(text).toContain('Nash-MD 3.2\u2060×\u206010⁻¹⁶');
    expect(text).toContain('OMD 5.4\u2060×\u206010⁻⁴');
    expect(text).toContain('RLHF 0.054');
    // Every number token (digits with their decimal point, ×, joiners and superscripts) is one run
    // with no break opportunity inside.
    for (const token of text.match(/\d[\d.\u2060×⁰¹²³⁴⁵⁶⁷⁸⁹⁻]*/g) ?? []) {
      expect(token).not.toMatch(BREAKABLE);
      // The × never stands next to a breakable neighbour: joined on both sides.
      if (token.includes('×')) expect(token).toMatch(/\u2060×\u2060/);
    }
  });

  it('names π*τ as elsewhere (no raw "_τ")', () => {
    expect(describeState(rps(), runWith({ 'nash-md': 0.1 }))).toContain('KL from π*τ:');
  });

  it('at τ = 0 says Nash-MD and OMD coincide, as the same update, not "nearly"', () => {
    const text = describeState(rps({ tau: 0 }), runWith({ 'nash-md': 0.1, omd: 0.1 }));
    expect(text).toContain('Nash-MD and OMD coincide (at τ = 0 they are the same update).');
    expect(text).not.toContain('nearly');
    expect(describeState(rps({ tau: 0.01, eta: 1 }), runWith({ 'nash-md': 0.1, omd: 0.1 }))).toContain(
      'nearly coincide',
    );
    expect(describeState(rps({ tau: 0, algorithms: ['nash-md'] }), runWith({ 'nash-md': 0.1 }))).not.toContain(
      'coincide',
    );
  });
});

describe('the caption on Nash-MD’s constant-step fixed point', () => {
  const eq = (fixed: number[] | null) => ({
    regularized: Float64Array.from([0.3, 0.35, 0.35]),
    nash: new Float64Array(3).fill(1 / 3),
    rewards: new Float64Array(3),
    rlhfOptimum: new Float64Array(3).fill(1 / 3),
    tauGrid: new Float64Array(0),
    regularizedPath: new Float64Array(0),
    rlhfPath: new Float64Array(0),
    nashMdFixedPoint: fixed && Float64Array.from(fixed),
  });
  const withEq = (fixed: number[] | null): RunState => ({
    ...runWith({ 'nash-md': 0.1, omd: 0.1 }),
    equilibria: eq(fixed),
  });

  it('says where constant-step Nash-MD goes when its fixed point is apart from π*τ', () => {
    const text = describeState(rps(), withEq([0.32, 0.34, 0.34]));
    expect(text).toContain('Nash-MD converges to its own fixed point ✚, not π*τ');
    expect(text).not.toContain('_');
  });

  it('says nothing with the theorem’s step (no fixed point), when it is within a pixel, or without Nash-MD', () => {
    expect(describeState(rps({ schedule: 'theorem' }), withEq(null))).not.toContain('fixed point');
    expect(describeState(rps(), withEq([0.3005, 0.35, 0.3495]))).not.toContain('fixed point');
    expect(describeState(rps({ algorithms: ['omd'] }), withEq([0.32, 0.34, 0.34]))).not.toContain('fixed point');
  });
});
