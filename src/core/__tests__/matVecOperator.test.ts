/**
 * The WebAssembly SIMD mat-vec (wasm/matVec.wat) against the independent definition
 * y_i = Σ_j M_ij x_j, and the runs built on it against the same runs computed with the
 * JavaScript loop. Also checks that the committed bytes are the assembled .wat source.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { matVecOperator, useJavaScriptMatVec, WASM_MIN_N } from '../matVecOperator.ts';
import { regularizedNash } from '../regularizedNash.ts';
import { createRunner } from '../simulate.ts';
import { randomGame } from './seededGame.ts';

/** y = M x summed term by term: the definition, with no unrolling or lanes. */
function naive(M: Float64Array, x: Float64Array, n: number): Float64Array {
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) y[i] += M[i * n + j] * x[j];
  return y;
}

afterEach(() => useJavaScriptMatVec(false));

describe('matVecOperator', () => {
  it('uses WebAssembly SIMD in Node from n = WASM_MIN_N, the JavaScript loop below', () => {
    expect(matVecOperator(new Float64Array(WASM_MIN_N ** 2), WASM_MIN_N).engine).toBe('wasm');
    expect(matVecOperator(new Float64Array((WASM_MIN_N - 1) ** 2), WASM_MIN_N - 1).engine).toBe('js');
  });

  it('equals the definition for every n (each residue mod 4) and any entries', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 41 }), fc.integer(), (n, seed) => {
        let s = seed >>> 0;
        const next = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32) * 2 - 1;
        const M = Float64Array.from({ length: n * n }, next);
        const x = Float64Array.from({ length: n }, next);
        const y = new Float64Array(n);
        matVecOperator(M, n).apply(x, y);
        const want = naive(M, x, n);
        for (let i = 0; i < n; i++) expect(Math.abs(y[i] - want[i])).toBeLessThanOrEqual(1e-13 * n);
      }),
      { numRuns: 150 },
    );
  });

  it('at n = 500, repeated products with new vectors stay exact (x and y copied each time)', () => {
    const n = 500;
    const M = Float64Array.from({ length: n * n }, (_, k) => ((k * 7919) % 1000) / 1000);
    const op = matVecOperator(M, n);
    expect(op.engine).toBe('wasm');
    for (let r = 0; r < 3; r++) {
      const x = Float64Array.from({ length: n }, (_, j) => Math.sin(j + r));
      const y = new Float64Array(n);
      op.apply(x, y);
      const want = naive(M, x, n);
      for (let i = 0; i < n; i++) expect(y[i]).toBeCloseTo(want[i], 10);
    }
  });

  it('is one operator per matrix, and a new one when the JavaScript loop is forced', () => {
    const M = new Float64Array(100);
    expect(matVecOperator(M, 10)).toBe(matVecOperator(M, 10));
    useJavaScriptMatVec(true);
    expect(matVecOperator(M, 10).engine).toBe('js');
  });

  it('Nash-MD and OMD runs agree with the JavaScript loop to 1e-12 at n = 60', () => {
    const P = randomGame(60, 5);
    const n = P.length;
    const spec = {
      preferences: P,
      reference: new Array(n).fill(1 / n),
      initial: new Array(n).fill(1 / n),
      tau: 0.02,
      eta: 5,
      steps: 0,
    };
    for (const algorithm of ['nash-md', 'omd'] as const) {
      const fast = createRunner({ ...spec, algorithm }).advance(200);
      useJavaScriptMatVec(true);
      const slow = createRunner({ ...spec, algorithm }).advance(200);
      useJavaScriptMatVec(false);
      let worst = 0;
      for (let k = 0; k < fast.length; k++) worst = Math.max(worst, Math.abs(fast[k] - slow[k]));
      expect(worst).toBeLessThan(1e-12);
    }
  });

  it('π*_τ (Newton–GMRES, its Jacobian products through the operator) agrees with the JavaScript fallback', () => {
    const P = randomGame(80, 11);
    const mu = new Array(80).fill(1 / 80);
    for (const tau of [0.5, 0.01]) {
      const fast = regularizedNash(P, mu, tau);
      useJavaScriptMatVec(true);
      const slow = regularizedNash(P, mu, tau);
      useJavaScriptMatVec(false);
      for (let i = 0; i < 80; i++) expect(Math.abs(fast[i] - slow[i])).toBeLessThan(1e-10);
    }
  });

  it('the committed module is the assembled matVec.wat', () => {
    // Throws (non-zero exit) when src/core/wasm/matVecModule.ts differs from its source.
    expect(() =>
      execFileSync(process.execPath, [resolve(__dirname, '../../../scripts/build-wasm.mjs'), '--check'], {
        stdio: 'pipe',
      }),
    ).not.toThrow();
  });
});
