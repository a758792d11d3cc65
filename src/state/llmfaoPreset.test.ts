/**
 * The LLMFAO data presets: the mixture of rater types and the per-prompt counts against sums
 * taken straight from public/data/llmfao.json's rows here (not through llmfao.ts), the URL keys
 * (round trip, bad values named), the attribution in exports, and the store's load (a failed
 * fetch keeps the scenario and says why).
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAppStore } from './appStore.ts';
import { exportInfo, metadataText } from '../export/exportInfo.ts';
import { exportScenarioJson, importScenarioJson } from './scenarioFile.ts';
import { parseLlmfao } from './llmfao.ts';
import type { LlmfaoChoice } from './llmfaoChoice.ts';
import { LLMFAO_ATTRIBUTION, LLMFAO_PROMPTS } from './llmfaoKeys.ts';
import { decodeDataHash, llmfaoScenario } from './llmfaoLoad.ts';
import { DEFAULT } from './scenario.ts';
import { decodeHash, encodeHash } from './urlCodec.ts';

const text = readFileSync(new URL('../../public/data/llmfao.json', import.meta.url), 'utf8');
const raw = JSON.parse(text) as {
  attribution: string;
  models: string[];
  prompts: { slug: string }[];
  raters: Record<string, { counts: number[][] }>;
};
const data = parseLlmfao(JSON.parse(text));
const build = (c: LlmfaoChoice) => llmfaoScenario(data, c, DEFAULT.scenario);

/** Σ over the file's rows of one rater for pair (i, j), i < j: [half-wins of i, half-wins of j]. */
function rowSums(rater: string, i: number, j: number, prompt: number | null): [number, number] {
  let a = 0;
  let b = 0;
  for (const [p, x, y, wx, wy] of raw.raters[rater].counts)
    if (x === i && y === j && (prompt === null || p === prompt)) [a, b] = [a + wx, b + wy];
  return [a, b];
}

describe('LLMFAO presets', () => {
  it('the prompts menu and the attribution match the data file', () => {
    expect(raw.prompts.map((p) => p.slug)).toEqual(LLMFAO_PROMPTS);
    expect(raw.attribution.startsWith(LLMFAO_ATTRIBUTION)).toBe(true);
  });

  it('the crowd preset keeps all 59 models with their counts and fits the reward on them', () => {
    const { scenario } = build({ rater: 'crowd', share: 1, prompt: null });
    expect(scenario.labels).toEqual(raw.models);
    expect(scenario.comparisons).toBe('observed');
    // Wins of model 0 over model 13 (ties ½): the file's half-units summed over the prompts.
    const [a, b] = rowSums('crowd', 0, 13, null);
    expect(scenario.counts![0][13]).toBe(a / 2);
    expect(scenario.counts![13][0]).toBe(b / 2);
    expect(scenario.preferences[0][13]).toBeCloseTo(a / (a + b), 14);
  });

  it('the mixture is w · P_crowd + (1 − w) · P_GPT-4 on every pair, ½ where neither judged', () => {
    const w = 0.3;
    const { scenario } = build({ rater: 'mix', share: w, prompt: null });
    const n = raw.models.length;
    let checked = 0;
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) {
        const [ca, cb] = rowSums('crowd', i, j, null);
        const [ga, gb] = rowSums('gpt4', i, j, null);
        if (ca + cb === 0 || ga + gb === 0) {
          expect(scenario.preferences[i][j]).toBe(0.5);
          expect(scenario.counts![i][j] + scenario.counts![j][i]).toBe(0);
          continue;
        }
        const p = w * (ca / (ca + cb)) + (1 - w) * (ga / (ga + gb));
        expect(scenario.preferences[i][j]).toBeCloseTo(p, 12);
        expect(scenario.preferences[j][i]).toBeCloseTo(1 - p, 12);
        // The crowd's number of battles per pair is kept.
        expect(scenario.counts![i][j] + scenario.counts![j][i]).toBeCloseTo((ca + cb) / 2, 9);
        checked++;
      }
    expect(checked).toBe(927);
  });

  it('one prompt: its own rows only, and far sparser', () => {
    const prompt = 2; // qft
    const { scenario } = build({ rater: 'crowd', share: 1, prompt: LLMFAO_PROMPTS[prompt] });
    const rows = raw.raters.crowd.counts.filter((r) => r[0] === prompt);
    const n = raw.models.length;
    let observed = 0;
    let total = 0;
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) {
        const c = scenario.counts![i][j] + scenario.counts![j][i];
        if (c > 0) observed++;
        total += c;
      }
    expect(observed).toBe(rows.length);
    expect(total).toBe(rows.reduce((s, r) => s + (r[3] + r[4]) / 2, 0));
    expect(observed).toBeLessThan(927 / 3);
  });

  it('a link (and the autosave) carries only the choice and reads back onto the data', () => {
    const choice: LlmfaoChoice = { rater: 'mix', share: 0.3, prompt: 'qft' };
    const built = build(choice);
    const hash = encodeHash(built.scenario, 120);
    expect(hash).toContain('preset=llmfao&rater=mix&share=0.3&prompt=qft');
    expect(hash).not.toMatch(/[#&](P|counts|labels)=/);
    const d = decodeHash(hash);
    expect(d.pending).toBe(true);
    expect(d.problems).toEqual([]);
    const onto = decodeDataHash(data, hash, DEFAULT.scenario);
    expect(onto.problems).toEqual([]);
    expect(onto.t).toBe(120);
    expect(onto.scenario).toEqual(built.scenario);
    expect(encodeHash(built.scenario, 120, true)).toBe(hash);
  });

  it('bad rater, share and prompt values are named and replaced by defaults', () => {
    const d = decodeDataHash(data, '#preset=llmfao&rater=robot&share=1.5&prompt=nope', DEFAULT.scenario);
    expect(d.problems.map((p) => p.field)).toEqual(['rater', 'share', 'prompt']);
    expect(d.problems[1].message).toMatch(/share .* from 0 to 1, got "1.5"/);
    expect(d.problems[2].message).toMatch(/prompt "nope" is not one of the LLMFAO prompts/);
    expect(d.scenario.llmfao).toMatchObject({ rater: 'crowd', share: 1, prompt: null });
  });

  it('exports (metadata, scenario file) carry the attribution; the file reads back as its data', () => {
    const { scenario } = build({ rater: 'crowd', share: 1, prompt: null });
    expect(metadataText(exportInfo(scenario, 300, '0.1.0'))).toContain(LLMFAO_ATTRIBUTION);
    const file = exportScenarioJson(scenario, 300, '0.1.0');
    expect(JSON.parse(file).attribution).toContain(LLMFAO_ATTRIBUTION);
    const back = importScenarioJson(file);
    expect(back.ok && back.scenario.counts).toEqual(scenario.counts);
    // Still named as the data, with the attribution (shown under the figure and in the caption).
    expect(back.ok && back.scenario.llmfao).toEqual(scenario.llmfao);
  });

  it('a file of one prompt and the mixture reads back with its choice; a choice that does not read drops only the name', () => {
    const { scenario } = build({ rater: 'mix', share: 0.3, prompt: 'qft' });
    const back = importScenarioJson(exportScenarioJson(scenario, 50, '0.1.0'));
    expect(back.ok && back.scenario.llmfao).toMatchObject({ rater: 'mix', share: 0.3, prompt: 'qft' });
    expect(back.ok && back.scenario.llmfao?.attribution).toContain(LLMFAO_ATTRIBUTION);
    const edited = JSON.parse(exportScenarioJson(scenario, 50, '0.1.0'));
    edited.scenario.llmfao.prompt = 'nope';
    const other = importScenarioJson(JSON.stringify(edited));
    expect(other.ok && other.scenario.llmfao).toBeUndefined();
    expect(other.ok && other.scenario.counts).toEqual(scenario.counts);
  });
});

describe('loading a data preset', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('a failed fetch keeps the scenario and says why; a later one loads', async () => {
    // Vitest runs as Vite's development mode: the file is found relative to the page.
    vi.stubGlobal('document', { baseURI: 'http://example.test/app/' });
    const store = createAppStore();
    const before = store.getState().scenario;
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('nope', { status: 404 })),
    );
    await store.getState().loadDataPreset({ rater: 'crowd', share: 1, prompt: null });
    expect(store.getState().scenario).toBe(before);
    expect(store.getState().dataLoad?.status).toBe('error');
    expect(store.getState().dataLoad?.message).toMatch(/HTTP 404.*kept/);
    const fetched = vi.fn(async (_url: string) => new Response(text, { status: 200 }));
    vi.stubGlobal('fetch', fetched);
    await store.getState().loadDataPreset({ rater: 'crowd', share: 1, prompt: null });
    expect(fetched.mock.calls[0][0]).toBe('http://example.test/app/data/llmfao.json');
    expect(store.getState().dataLoad).toBeNull();
    expect(store.getState().scenario.labels).toEqual(raw.models);
  });
});
