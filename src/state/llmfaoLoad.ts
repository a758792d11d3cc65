/**
 * The LLMFAO presets' scenarios, built from public/data/llmfao.json, fetched on demand (never in
 * the first render) relative to the page, or to the library script for the <nash-md-explorer>
 * element (its `dataBase`). Loaded lazily by appStore.loadDataPreset.
 */
import { observedProblem } from '../core/observedProblem.ts';
import {
  LLMFAO_URL,
  denseCounts,
  llmfaoCounts,
  mixtureCounts,
  parseLlmfao,
  winRatesDense,
  type LlmfaoData,
} from './llmfao.ts';
import { LLMFAO_PRESET, type LlmfaoChoice } from './llmfaoChoice.ts';
import { defaultCorners, uniform, type Scenario } from './scenario.ts';

export { decodeHashOnto } from './urlCodec.ts';

const cache = new Map<string, Promise<LlmfaoData>>();

/** The data file (one fetch per URL; a failed fetch is forgotten so a retry fetches again). */
export function fetchLlmfao(base?: string): Promise<LlmfaoData> {
  const url = new URL(LLMFAO_URL, base ?? document.baseURI).href;
  let p = cache.get(url);
  if (!p) {
    p = fetch(url)
      .then((r) => {
        if (!r.ok) throw new Error(`the LLMFAO data could not be loaded (${url}: HTTP ${r.status})`);
        return r.json();
      })
      .then(parseLlmfao);
    p.catch(() => cache.delete(url));
    cache.set(url, p);
  }
  return p;
}

/** Battle counts (dense, ties ½) of a choice. */
export function choiceCounts(data: LlmfaoData, c: LlmfaoChoice): number[][] {
  const index = c.prompt === null ? null : data.prompts.findIndex((p) => p.slug === c.prompt);
  if (index === -1) throw new Error(`prompt "${c.prompt}" is not in the LLMFAO data file`);
  if (c.rater === 'mix')
    return mixtureCounts(llmfaoCounts(data, 'crowd', index), llmfaoCounts(data, 'gpt4', index), c.share);
  return denseCounts(llmfaoCounts(data, c.rater, index));
}

/**
 * The scenario of a choice: the 59 models, P and the counts kept, uniform μ and π0, the reward
 * fitted on the observed battles when they link every model (per prompt they often do not: then
 * uniform pairs, as after a paste). The previous scenario's algorithms and settings stay.
 */
export function llmfaoScenario(
  data: LlmfaoData,
  c: LlmfaoChoice,
  base: Scenario,
): { scenario: Scenario; steps: number } {
  const counts = choiceCounts(data, c);
  const n = counts.length;
  const comparisons =
    observedProblem(counts, n) === null ? 'observed' : base.comparisons === 'observed' ? 'uniform' : base.comparisons;
  return {
    scenario: {
      ...base,
      preferences: winRatesDense(counts),
      labels: data.models.map((m) => m.slice(0, 40)),
      reference: uniform(n),
      initial: uniform(n),
      tau: 0.02,
      eta: 5,
      schedule: 'constant',
      comparisons,
      counts,
      corners: defaultCorners(n),
      preset: LLMFAO_PRESET,
      llmfao: { ...c },
    },
    steps: 300,
  };
}
