/**
 * The RLHF reward model fitted on the observed battles (comparisons 'observed') is the
 * maximum-likelihood Bradley–Terry fit of those battles, as leaderboards compute it. The reference
 * values here come from Hunter's MM iteration written from the likelihood in this file (it does
 * not call the app's fit), on a battle log checked in next to this test.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fitBradleyTerry } from '../bradleyTerry.ts';
import { battleWeights, comparisonWeights, observedProblem } from '../observedWeights.ts';
import { createRunner } from '../simulate.ts';

/** The log's counts, read here by hand: c[i][j] = wins of i over j, a tie ½ to each. */
function readLog(): { names: string[]; c: number[][] } {
  const lines = readFileSync(new URL('./data/battles.csv', import.meta.url), 'utf8')
    .trim()
    .split('\n');
  const names: string[] = [];
  const id = (s: string) => (names.includes(s) ? names.indexOf(s) : names.push(s) - 1);
  const rows = lines.slice(1).map((l) => l.split(','));
  for (const [a, b] of rows) {
    id(a);
    id(b);
  }
  const n = names.length;
  const c = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (const [a, b, w] of rows) {
    const i = id(a);
    const j = id(b);
    if (w === 'model_a') c[i][j] += 1;
    else if (w === 'model_b') c[j][i] += 1;
    else {
      c[i][j] += 0.5;
      c[j][i] += 0.5;
    }
  }
  return { names, c };
}

/**
 * Maximum likelihood of Π σ(r_i − r_j)^c_ij by the MM iteration (Hunter 2004): with γ = e^r,
 * γ_i ← W_i / Σ_j n_ij / (γ_i + γ_j), W_i = Σ_j c_ij, n_ij = c_ij + c_ji; then r = log γ centred.
 */
function mmFit(c: number[][]): number[] {
  const n = c.length;
  let g = new Array<number>(n).fill(1);
  for (let it = 0; it < 200000; it++) {
    const next = g.map((gi, i) => {
      let w = 0;
      let d = 0;
      for (let j = 0; j < n; j++) {
        if (j === i) continue;
        w += c[i][j];
        d += (c[i][j] + c[j][i]) / (gi + g[j]);
      }
      return w / d;
    });
    const s = next.reduce((a, b) => a + b, 0) / n;
    const moved = Math.max(...next.map((x, i) => Math.abs(Math.log(x / s) - Math.log(g[i]))));
    g = next.map((x) => x / s);
    if (moved < 1e-15) break;
  }
  const r = g.map(Math.log);
  const mean = r.reduce((a, b) => a + b, 0) / n;
  return r.map((x) => x - mean);
}

const { c } = readLog();
const n = c.length;
const P = c.map((row, i) => row.map((x, j) => (i === j ? 0.5 : x + c[j][i] > 0 ? x / (x + c[j][i]) : 0.5)));

describe('observed-weights Bradley–Terry fit', () => {
  it('the log has unobserved pairs and is connected', () => {
    let unobserved = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (c[i][j] + c[j][i] === 0) unobserved++;
    expect(unobserved).toBeGreaterThan(0);
    expect(observedProblem(c, n)).toBeNull();
  });

  it('equals the maximum-likelihood fit of the battles to 1e-6', () => {
    const expected = mmFit(c);
    const fitted = fitBradleyTerry(P, battleWeights(c));
    for (let i = 0; i < n; i++) expect(Math.abs(fitted[i] - expected[i])).toBeLessThan(1e-6);
    // The same through the weights RLHF uses for comparisons 'observed'.
    const viaSpec = fitBradleyTerry(P, comparisonWeights({ comparisons: 'observed', reference: P[0], counts: c }));
    for (let i = 0; i < n; i++) expect(Math.abs(viaSpec[i] - expected[i])).toBeLessThan(1e-6);
  });

  it('differs from the uniform fit on this data', () => {
    const uniform = fitBradleyTerry(P);
    const expected = mmFit(c);
    expect(Math.max(...expected.map((x, i) => Math.abs(x - uniform[i])))).toBeGreaterThan(0.05);
  });

  it('is refused with a reason, never NaN, without counts or with disconnected battles', () => {
    const spec = {
      algorithm: 'rlhf' as const,
      preferences: P,
      reference: new Array(n).fill(1 / n),
      initial: new Array(n).fill(1 / n),
      tau: 0.1,
      eta: 0.5,
      steps: 0,
      comparisons: 'observed' as const,
    };
    expect(() => createRunner(spec)).toThrow(/no battle counts/);
    const split = c.map((row, i) => row.map((x, j) => (i < 3 === j < 3 ? x : 0)));
    expect(observedProblem(split, n)).toMatch(/do not connect/);
    expect(() => createRunner({ ...spec, counts: split })).toThrow(/do not connect/);
    const run = createRunner({ ...spec, counts: c }).advance(3);
    expect(Array.from(run).every(Number.isFinite)).toBe(true);
  });
});
