/**
 * Leaderboard readings of battle counts (issue 15): the fit on the observed battles against a
 * maximum-likelihood fit written here, Elo's win-probability identity and the bootstrap's
 * intervals (the non-transitive triples are tested on real data in src/state/llmfao.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { countsFromDense } from '../feedback.ts';
import { bootstrapElo, eloScores, fitCounts } from '../leaderboard.ts';

// A 4-model battle log as counts: wins[i][j] = wins of i over j (a tie ½ each); 2 and 3 never met.
const WINS = [
  [0, 12, 5, 3.5],
  [8, 0, 9, 4],
  [2, 6, 0, 0],
  [1.5, 1, 0, 0],
];
const counts = countsFromDense(WINS.flat(), 4);

/** Gradient ascent on Σ_{i≠j} w_ij log σ(r_i − r_j), from the definition. */
function maximumLikelihood(w: number[][]): number[] {
  const n = w.length;
  const r = new Array<number>(n).fill(0);
  for (let it = 0; it < 50000; it++) {
    const g = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        if (i === j) continue;
        const s = 1 / (1 + Math.exp(-(r[i] - r[j])));
        g[i] += w[i][j] * (1 - s) - w[j][i] * s;
      }
    for (let i = 0; i < n; i++) r[i] += 0.01 * g[i];
  }
  const mean = r.reduce((a, b) => a + b, 0) / n;
  return r.map((x) => x - mean);
}

describe('the fit on observed battles and its Elo', () => {
  it('equals the maximum-likelihood fit of the battles (unobserved pairs weigh nothing)', () => {
    const want = maximumLikelihood(WINS);
    const got = fitCounts(counts);
    for (let i = 0; i < 4; i++) expect(got[i]).toBeCloseTo(want[i], 6);
  });

  it('Elo differences give the fitted win probabilities: 1/(1 + 10^(−ΔElo/400)) = σ(Δr)', () => {
    const r = fitCounts(counts);
    const elo = eloScores(r);
    expect(elo.reduce((a, b) => a + b, 0) / 4).toBeCloseTo(1000, 9);
    for (let i = 0; i < 4; i++)
      for (let j = 0; j < 4; j++)
        expect(1 / (1 + 10 ** (-(elo[i] - elo[j]) / 400))).toBeCloseTo(1 / (1 + Math.exp(-(r[i] - r[j]))), 12);
  });
});

describe('bootstrap intervals', () => {
  it('contain the fit, repeat with the seed, and narrow with ten times the battles', () => {
    const a = bootstrapElo(counts, 200, 5);
    const b = bootstrapElo(counts, 200, 5);
    expect(Array.from(a.low)).toEqual(Array.from(b.low));
    for (let i = 0; i < 4; i++) {
      expect(a.low[i]).toBeLessThanOrEqual(a.elo[i]);
      expect(a.high[i]).toBeGreaterThanOrEqual(a.elo[i]);
    }
    const more = bootstrapElo(
      countsFromDense(
        WINS.flat().map((x) => 10 * x),
        4,
      ),
      200,
      5,
    );
    for (let i = 0; i < 4; i++) {
      expect(more.elo[i]).toBeCloseTo(a.elo[i], 6); // the same win rates: the same fit
      expect(more.high[i] - more.low[i]).toBeLessThan((a.high[i] - a.low[i]) / 2);
    }
  });
});
