/**
 * MWU, the exact-information update of SPPO (Wu et al., ICLR 2025, Eq. 4.1), against its formula,
 * π_{t+1} ∝ π_t exp(η_t P π_t) (τ and μ unused); and its claim: the last iterate cycles outwards on
 * rock-paper-scissors while the average converges to the Nash of P.
 */
import { describe, expect, it } from 'vitest';
import { exploitability } from '../../exploitability.ts';
import { simulate } from '../../simulate.ts';
import { fromUpper } from '../arbitraries.ts';
import { iterate, norm } from './naive.ts';
import { describeReference } from './reference.ts';

describeReference('mwu', (s) =>
  iterate(
    s,
    () =>
      ({ pi, h, r }) =>
        norm(pi.map((x, i) => x * Math.exp(h * r[i]))),
  ),
);

describe('convergence to the Nash of P (unique, interior)', () => {
  it('MWU: the last iterate does not converge on rock-paper-scissors (it spirals out) but its average does', () => {
    const P = fromUpper(3, [0.9, 0.1, 0.9]);
    const steps = 20_000;
    const { policies } = simulate({
      algorithm: 'mwu',
      preferences: P,
      reference: [1 / 3, 1 / 3, 1 / 3],
      initial: [0.5, 0.3, 0.2],
      tau: 0,
      eta: 0.05,
      steps,
    });
    const last = policies.subarray(steps * 3);
    const avg = [0, 0, 0];
    for (let t = 0; t <= steps; t++) for (let i = 0; i < 3; i++) avg[i] += policies[t * 3 + i] / (steps + 1);
    expect(exploitability(P, [1 / 3, 1 / 3, 1 / 3], 0, last)).toBeGreaterThan(0.1);
    expect(exploitability(P, [1 / 3, 1 / 3, 1 / 3], 0, avg)).toBeLessThan(0.02);
  });
});
