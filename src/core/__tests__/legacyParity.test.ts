/**
 * The registry's Nash-MD, OMD and RLHF (src/core/algorithms/) against the loops they replaced
 * (legacyKernels.ts, the former src/core/kernels.ts): bit-identical rows, in one run and in chunks.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitBradleyTerry } from '../bradleyTerry.ts';
import { createRunner, simulate } from '../simulate.ts';
import { flatten } from '../linalg.ts';
import { sizedGame } from './arbitraries.ts';
import { runMirror, runNashMd } from './legacyKernels.ts';
import { randomGame } from './seededGame.ts';

function legacy(
  algorithm: 'nash-md' | 'omd' | 'rlhf',
  P: number[][],
  mu: number[],
  pi0: number[],
  tau: number,
  eta: number | 'theorem',
  steps: number,
): Float64Array {
  const n = P.length;
  const sum = (v: number[]) => v.reduce((a, b) => a + b, 0);
  // validateDistribution renormalises: the same division here.
  const m = Float64Array.from(mu, (x) => x / sum(mu));
  const start = Float64Array.from(pi0, (x) => x / sum(pi0));
  const logMu = Float64Array.from(m, Math.log);
  const logPi = Float64Array.from(start, Math.log);
  const out = new Float64Array((steps + 1) * n);
  out.set(start);
  const rule = { eta: eta === 'theorem' ? -1 : eta, tau };
  const p = flatten(P);
  if (algorithm === 'nash-md') runNashMd(p, n, logMu, logPi, rule, steps, out, 0);
  else runMirror(p, n, logMu, logPi, rule, steps, out, algorithm === 'rlhf' ? fitBradleyTerry(P) : null, 0);
  return out;
}

describe('registry vs the previous kernels', () => {
  it('Nash-MD, OMD and RLHF give bit-identical trajectories (random P, both schedules, n = 2…12)', () => {
    fc.assert(
      fc.property(
        sizedGame(12),
        fc.constantFrom('nash-md' as const, 'omd' as const, 'rlhf' as const),
        fc.boolean(),
        fc.constantFrom(0, 0.05, 0.3, 1),
        ({ P, mu, pi0 }, algorithm, theorem, tau) => {
          const eta = theorem && tau > 0 ? ('theorem' as const) : tau > 0 ? 0.9 / tau : 0.7;
          const now = simulate({
            algorithm,
            preferences: P,
            reference: mu,
            initial: pi0,
            tau,
            eta,
            steps: 60,
          }).policies;
          expect(Array.from(now)).toEqual(Array.from(legacy(algorithm, P, mu, pi0, tau, eta, 60)));
        },
      ),
      { numRuns: 120, seed: 14 },
    );
  });

  it('bit-identical at n = 100 (WebAssembly products), continued in chunks', () => {
    const P = randomGame(100, 3);
    const mu = new Array<number>(100).fill(0.01);
    const pi0 = Array.from({ length: 100 }, (_, i) => (i + 1) / 5050);
    for (const algorithm of ['nash-md', 'omd', 'rlhf'] as const) {
      const runner = createRunner({
        algorithm,
        preferences: P,
        reference: mu,
        initial: pi0,
        tau: 0.1,
        eta: 'theorem',
        steps: 0,
      });
      const a = runner.advance(7);
      const b = runner.advance(13);
      const old = legacy(algorithm, P, mu, pi0, 0.1, 'theorem', 20);
      expect(Array.from(a)).toEqual(Array.from(old.subarray(0, 8 * 100)));
      expect(Array.from(b)).toEqual(Array.from(old.subarray(7 * 100)));
    }
  });
});
