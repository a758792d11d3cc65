/**
 * The committed LLMFAO count file against the facts PROVENANCE.md states of the original CSVs
 * (59 models, 8,931 crowd judgements of which 3,471 ties, 927 of the 1,711 model pairs compared,
 * 13 prompts; GPT-4 and GPT-3.5 judged the same 2,139 pairs once each).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { totalComparisons } from '../core/feedback.ts';
import { strongestCycles } from '../core/leaderboard.ts';
import { llmfaoCounts, parseLlmfao, winRates } from './llmfao.ts';

const data = parseLlmfao(JSON.parse(readFileSync(new URL('../../public/data/llmfao.json', import.meta.url), 'utf8')));

describe('the LLMFAO count file', () => {
  it('holds what PROVENANCE.md says the CSVs hold', () => {
    expect(data.models).toHaveLength(59);
    expect(data.prompts).toHaveLength(13);
    expect(data.raters.crowd.judgements).toBe(8931);
    expect(data.raters.crowd.ties).toBe(3471);
    const crowd = llmfaoCounts(data, 'crowd', null);
    expect(totalComparisons(crowd)).toBe(8931);
    expect(crowd.i.length).toBe(927);
    expect((59 * 58) / 2).toBe(1711);
    for (const rater of ['gpt4', 'gpt3'] as const) {
      expect(data.raters[rater].judgements).toBe(2139);
      expect(totalComparisons(llmfaoCounts(data, rater, null))).toBe(2139);
      expect(llmfaoCounts(data, rater, null).i.length).toBe(927);
    }
    expect(data.attribution).toContain('CC BY 4.0');
    expect(data.attribution).toContain('Dmitry Ustalov');
  });

  it('one prompt is much sparser than all thirteen, and the prompts add up to the whole', () => {
    const all = llmfaoCounts(data, 'crowd', null);
    let sum = 0;
    for (let p = 0; p < data.prompts.length; p++) {
      const one = llmfaoCounts(data, 'crowd', p);
      expect(one.i.length).toBeLessThan(all.i.length / 3);
      sum += totalComparisons(one);
    }
    expect(sum).toBe(8931);
  });

  it('win rates: mirrored cells sum to 1, unobserved pairs ½', () => {
    const counts = llmfaoCounts(data, 'gpt4', null);
    const P = winRates(counts);
    for (let i = 0; i < 59; i++) for (let j = 0; j < 59; j++) expect(P[i][j] + P[j][i]).toBeCloseTo(1, 12);
    const observed = new Set(Array.from(counts.i, (i, k) => `${i},${counts.j[k]}`));
    let unobserved = 0;
    for (let i = 0; i < 59; i++)
      for (let j = i + 1; j < 59; j++) if (!observed.has(`${i},${j}`)) unobserved += P[i][j] === 0.5 ? 1 : 0;
    expect(unobserved).toBe(1711 - 927);
  });

  it('a damaged file is refused with a message', () => {
    expect(() => parseLlmfao({ format: 'other' })).toThrow(/damaged/);
    const broken = structuredClone(data) as unknown as { raters: { crowd: { counts: number[][] } } };
    broken.raters.crowd.counts[0] = [0, 5, 2, 1, 1];
    expect(() => parseLlmfao({ ...broken, format: 'nash-md-explorer/llmfao-counts/1' })).toThrow(/damaged/);
  });
});

describe('non-transitive triples in the crowd judgements', () => {
  const crowd = llmfaoCounts(data, 'crowd', null);

  it('finds exactly the cycles a search over every triple finds, strongest first', () => {
    const n = crowd.n;
    const p = new Map<string, { p: number; b: number }>();
    for (let k = 0; k < crowd.i.length; k++) {
      const t = crowd.winsI[k] + crowd.winsJ[k];
      p.set(`${crowd.i[k]},${crowd.j[k]}`, { p: crowd.winsI[k] / t, b: t });
      p.set(`${crowd.j[k]},${crowd.i[k]}`, { p: crowd.winsJ[k] / t, b: t });
    }
    const beats = (x: number, y: number) => (p.get(`${x},${y}`)?.p ?? 0) > 0.5;
    let cycles = 0;
    let best = 0;
    for (let a = 0; a < n; a++)
      for (let b = 0; b < n; b++)
        for (let c = 0; c < n; c++) {
          if (!(a < b && a < c && b !== c)) continue;
          if (beats(a, b) && beats(b, c) && beats(c, a)) {
            cycles++;
            best = Math.max(best, Math.min(p.get(`${a},${b}`)!.p, p.get(`${b},${c}`)!.p, p.get(`${c},${a}`)!.p) - 0.5);
          }
        }
    expect(cycles).toBeGreaterThan(0);
    const found = strongestCycles(crowd, 1e6);
    expect(found).toHaveLength(cycles);
    expect(found[0].strength).toBeCloseTo(best, 12);
    for (let k = 1; k < found.length; k++) expect(found[k].strength).toBeLessThanOrEqual(found[k - 1].strength);
    for (const c of found) {
      const [a, b, d] = c.members;
      expect(beats(a, b) && beats(b, d) && beats(d, a)).toBe(true);
    }
  });

  it('a minimum of battles per step keeps only well-supported cycles', () => {
    const strict = strongestCycles(crowd, 1e6, 10);
    for (const c of strict) for (const b of c.battles) expect(b).toBeGreaterThanOrEqual(10);
    expect(strict.length).toBeLessThan(strongestCycles(crowd, 1e6).length);
  });
});
