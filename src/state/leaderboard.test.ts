import { describe, expect, it } from 'vitest';
import { eloScores, leaderboard } from './leaderboard.ts';

describe('the reward leaderboard', () => {
  it('Elo = 400/ln 10 · (r − mean r) + 1000: 400 apart is odds of 10 : 1', () => {
    const r = [Math.log(10), 0, 0.5];
    const elo = eloScores(r);
    expect(elo[0] - elo[1]).toBeCloseTo(400, 9);
    expect(elo.reduce((a, b) => a + b, 0) / 3).toBeCloseTo(1000, 9);
  });

  it('ranks best first, equal scores share a rank (1, 2, 2, 4), with each response’s battles', () => {
    const rows = leaderboard(
      [0.1, 0.5, 0.1, -0.7],
      ['a', 'b', 'c', 'd'],
      [
        [0, 1, 0, 2],
        [3, 0, 0, 0],
        [0, 0, 0, 1],
        [0, 0, 1.5, 0],
      ],
    );
    expect(rows.map((r) => [r.label, r.rank])).toEqual([
      ['b', 1],
      ['a', 2],
      ['c', 2],
      ['d', 4],
    ]);
    expect(rows.map((r) => r.battles)).toEqual([4, 6, 2.5, 4.5]);
    expect(leaderboard([0, 0], ['x', 'y'], null)[0].battles).toBeNull();
  });
});
