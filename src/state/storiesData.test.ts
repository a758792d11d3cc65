/**
 * "Does the leaderboard's winner win?" (a story on the LLMFAO crowd data): every name and number in
 * its text is computed here from public/data/llmfao.json, so the text cannot drift from the data;
 * its steps load the data preset with their changes as a link's keys.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { eloScores, fitCounts, strongestCycles } from '../core/leaderboard.ts';
import { nashEquilibriumSet } from '../core/nashEquilibrium.ts';
import { nashWeightRangesSync } from '../core/nashSet.ts';
import { totalComparisons } from '../core/feedback.ts';
import { llmfaoCounts, parseLlmfao, winRates } from './llmfao.ts';
import { decodeDataHash } from './llmfaoLoad.ts';
import { DEFAULT } from './scenario.ts';
import { storyById, storyHash } from './stories.ts';

const data = parseLlmfao(JSON.parse(readFileSync(new URL('../../public/data/llmfao.json', import.meta.url), 'utf8')));
const story = storyById('leaderboard-winner')!;
const text = (k: number) => story.steps[k].text;
const counts = llmfaoCounts(data, 'crowd', null);
const name = (i: number) => data.models[i];
const pct = (x: number) => `${Math.round(100 * x)} %`;

describe('story: does the leaderboard’s winner win?', () => {
  it('its steps load the crowd data with their changes', () => {
    expect(story.preset).toBe('llmfao');
    for (let k = 0; k < story.steps.length; k++) {
      const d = decodeDataHash(data, storyHash(story, k), DEFAULT.scenario);
      expect(d.problems).toEqual([]);
      expect(d.scenario.llmfao).toMatchObject({ rater: 'crowd', prompt: null });
      expect(d.scenario.comparisons).toBe('observed');
      expect(d.t).toBe(300);
    }
  });

  it('the leaderboard: the Bradley–Terry top two and their Elo', () => {
    expect(totalComparisons(counts)).toBe(8931);
    expect(text(0)).toContain(`${(8931).toLocaleString('en')} crowd judgements of ${data.models.length} LLMs`);
    const elo = Array.from(eloScores(fitCounts(counts)));
    const [a, b] = elo.map((_, i) => i).sort((x, y) => elo[y] - elo[x]);
    expect(text(0)).toContain(
      `ranks ${name(a)} first (Elo ${elo[a].toFixed(0)}), ahead of ${name(b)} (Elo ${elo[b].toFixed(0)})`,
    );
  });

  it('the Nash drawn: its support, its largest weights, and the winner’s tie with it', () => {
    const P = winRates(counts);
    const nash = Array.from(nashEquilibriumSet(P).nash);
    const support = nash
      .map((x, i) => [x, i])
      .filter(([x]) => x > 1e-6)
      .sort((p, q) => q[0] - p[0]);
    expect(text(1)).toContain(`mixes ${support.length} models`);
    const [first, second, third] = support;
    expect(text(1)).toContain(
      `${name(first[1])} ${first[0].toFixed(2)}, ${name(second[1])} ${second[0].toFixed(2)} and ${name(third[1])} ${third[0].toFixed(2)} the largest`,
    );
    const elo = Array.from(eloScores(fitCounts(counts)));
    const top = elo.indexOf(Math.max(...elo));
    expect(nash[top]).toBe(0);
    expect(text(1)).toContain(`gives ${name(top)} nothing`);
    // Exactly half, and never compared with any model of the support.
    expect(nash.reduce((s, x, j) => s + x * P[top][j], 0)).toBeCloseTo(0.5, 12);
    for (const [, j] of support)
      for (let k = 0; k < counts.i.length; k++)
        expect([counts.i[k], counts.j[k]].sort().join()).not.toBe([top, j].sort().join());
  });

  it('many equilibria: how many models, and the widest ranges', () => {
    const P = winRates(counts);
    const set = nashEquilibriumSet(P);
    const r = nashWeightRangesSync(Float64Array.from(P.flat()), P.length, set.nash);
    expect(r.complete).toBe(true);
    expect(text(2)).toContain(`${r.inSome} of the ${P.length} models carry weight in some equilibrium`);
    const widest = Array.from(r.high).indexOf(Math.max(...r.high));
    expect(text(2)).toContain(
      `${name(widest)} anywhere from ${r.low[widest].toFixed(0)} to ${r.high[widest].toFixed(2)}`,
    );
    const gpt4 = data.models.indexOf('GPT 4');
    expect(text(2)).toContain(`GPT 4 from ${r.low[gpt4].toFixed(0)} to ${r.high[gpt4].toFixed(2)}`);
    expect(text(2)).toContain(`${counts.i.length} of the ${((59 * 58) / 2).toLocaleString('en')} pairs judged`);
  });

  it('cycles: the two strongest with at least 5 battles a step, with their win rates and battles', () => {
    const [c1, c2] = strongestCycles(counts, 2, 5);
    for (const c of [c1, c2]) {
      const [x, y, z] = c.members.map(name);
      expect(text(3)).toContain(
        `${x} ≻ ${y} ≻ ${z} ≻ ${x}, won ${pct(c.rates[0])}, ${pct(c.rates[1])} and ${pct(c.rates[2])} of ${c.battles[0]}, ${c.battles[1]} and ${c.battles[2]}`,
      );
    }
  });
});
