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
import type { AppStoreState } from './appStore.ts';
import { defaultCorners, uniform, type Scenario } from './scenario.ts';

import { decodeOnto, readPairs, type DecodedHash } from './urlCodec.ts';
import { LLMFAO_ATTRIBUTION, LLMFAO_LINK, decodeLlmfaoChoice, llmfaoName } from './llmfaoKeys.ts';

const cache = new Map<string, Promise<LlmfaoData>>();

/**
 * Where the data file is: built, this module is a chunk in assets/ (the app) or lib/ (the
 * <nash-md-explorer> library), and the app's build copies public/data/ beside both folders, so the
 * file is found relative to this chunk, from any page and any folder; in development (Vite's
 * server) relative to the page.
 */
export function llmfaoUrl(): string {
  if (import.meta.env.DEV) return new URL(LLMFAO_URL, document.baseURI).href;
  // Not a literal: Vite would try to resolve it at build time, as a file of the sources.
  const beside = `../${LLMFAO_URL}`;
  return new URL(beside, import.meta.url).href;
}

/** The data file (one fetch per URL; a failed fetch is forgotten so a retry fetches again). */
export function fetchLlmfao(url = llmfaoUrl()): Promise<LlmfaoData> {
  let p = cache.get(url);
  if (!p) {
    p = fetch(url)
      .catch((e: unknown) => {
        throw new Error(`the LLMFAO data could not be loaded (${url}: ${e instanceof Error ? e.message : String(e)})`);
      })
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
      llmfao: { ...c, name: llmfaoName(c), attribution: `${LLMFAO_ATTRIBUTION} ${LLMFAO_LINK}` },
    },
    steps: 300,
  };
}

/** A data preset's link read onto its data: the choice's keys checked (bad ones named), then the rest. */
export function decodeDataHash(data: LlmfaoData, hash: string, base: Scenario): DecodedHash {
  const pairs = readPairs(hash);
  const { choice, problems } = decodeLlmfaoChoice((k) => pairs.get(k));
  const built = llmfaoScenario(data, choice, base);
  pairs.delete('preset');
  const decoded = decodeOnto(pairs, built, problems);
  // The rest of the link is read onto the data's scenario, which stays the data preset.
  Object.assign(decoded.scenario, { preset: built.scenario.preset, llmfao: built.scenario.llmfao });
  return decoded;
}

/**
 * appStore.loadDataPreset's work: fetch, build and apply, if `current()` still holds (the newest
 * request wins); a failure keeps the scenario and says why in dataLoad.
 */
export async function loadInto(
  store: { getState(): AppStoreState; setState(patch: Partial<AppStoreState>): void },
  current: () => boolean,
  choice: LlmfaoChoice | null,
  hash: string | undefined,
): Promise<void> {
  const set = (patch: Partial<AppStoreState>) => store.setState(patch);
  set({ dataLoad: { status: 'loading', message: 'Loading the LLMFAO comparisons…' } });
  try {
    const data = await fetchLlmfao();
    if (!current()) return;
    const cur = store.getState().scenario;
    if (hash !== undefined || choice === null) {
      // A link: the choice and the other keys (μ, π0, τ, t, …) are read onto the data's scenario.
      const d = decodeDataHash(data, hash ?? '', cur);
      set({
        scenario: d.scenario,
        requestedT: { t: d.t },
        playing: false,
        dataLoad: null,
        hashProblems: [...store.getState().hashProblems, ...d.problems],
      });
      return;
    }
    const built = llmfaoScenario(data, choice, cur);
    // Moving the share or switching the prompt keeps μ, π0, τ, η, the corners and t.
    const same = cur.preset === built.scenario.preset && cur.preferences.length === built.scenario.preferences.length;
    const { reference, initial, tau, eta, schedule, corners } = cur;
    set({
      scenario: same ? { ...built.scenario, reference, initial, tau, eta, schedule, corners } : built.scenario,
      dataLoad: null,
      ...(same ? {} : { requestedT: { t: built.steps }, playing: false }),
    });
  } catch (e) {
    if (!current()) return;
    const reason = e instanceof Error ? e.message : String(e);
    set({ dataLoad: { status: 'error', message: `${reason}. The scenario shown is kept.` } });
  }
}
