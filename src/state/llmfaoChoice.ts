/**
 * The LLMFAO data presets' choice (which raters, which prompt) and its URL keys, without the data:
 * this module is small and synchronous so links can be checked before the data is fetched
 * (llmfaoLoad.ts fetches public/data/llmfao.json on demand and builds the scenario).
 *   preset=llmfao&rater=crowd|gpt4|gpt3|mix&share=0.5&prompt=<slug>
 * `share` (the crowd's share w of the mixture, 0..1) is read only with rater=mix; `prompt` absent
 * means all thirteen prompts.
 */

export const LLMFAO_PRESET = 'llmfao';

/** Shown wherever the data is shown (PROVENANCE.md of shared/data/llmfao; CC BY 4.0). */
export const LLMFAO_ATTRIBUTION =
  'LLMFAO by Dmitry Ustalov, built on the Crowdsourced LLM Benchmark by llmonitor.com; CC BY 4.0.';
export const LLMFAO_LINK = 'https://github.com/dustalov/llmfao';

/** crowd, GPT-4, GPT-3.5, or the mixture w · crowd + (1 − w) · GPT-4. */
export type LlmfaoRaterChoice = 'crowd' | 'gpt4' | 'gpt3' | 'mix';

export interface LlmfaoChoice {
  rater: LlmfaoRaterChoice;
  /** The crowd's share w of the mixture (rater 'mix' only), in [0, 1]. */
  share: number;
  /** The prompt's slug (one of LLMFAO_PROMPTS), or null for all prompts. */
  prompt: string | null;
}

export const LLMFAO_RATER_CHOICES: readonly { id: LlmfaoRaterChoice; label: string }[] = [
  { id: 'crowd', label: 'crowd (people)' },
  { id: 'gpt4', label: 'GPT-4' },
  { id: 'gpt3', label: 'GPT-3.5' },
  { id: 'mix', label: 'mixture: crowd and GPT-4' },
];

/** The prompts' slugs in the data file's order (a test checks they match public/data/llmfao.json). */
export const LLMFAO_PROMPTS: readonly string[] = [
  'sally',
  'holidays',
  'qft',
  'bagel',
  'blue',
  'k8s',
  'cot-apple',
  'planets-json',
  'basic-sentiment',
  'product-description',
  'vendor-extract',
  'taiwan',
  'munchhausen',
];

/** The three entries of the preset menu (value → choice). */
export const LLMFAO_MENU: readonly { value: string; name: string; choice: LlmfaoChoice }[] = [
  {
    value: 'llmfao-crowd',
    name: 'LLM leaderboard (LLMFAO crowd)',
    choice: { rater: 'crowd', share: 1, prompt: null },
  },
  {
    value: 'llmfao-mix',
    name: 'Humans vs GPT-4 as raters (LLMFAO)',
    choice: { rater: 'mix', share: 0.5, prompt: null },
  },
  {
    value: 'llmfao-prompt',
    name: 'LLMFAO, one prompt at a time',
    choice: { rater: 'crowd', share: 1, prompt: LLMFAO_PROMPTS[0] },
  },
];

/** The menu entry a choice belongs to. */
export function llmfaoMenuValue(c: LlmfaoChoice): string {
  if (c.prompt !== null) return 'llmfao-prompt';
  return c.rater === 'mix' ? 'llmfao-mix' : 'llmfao-crowd';
}

/** The choice's URL keys (after preset=llmfao). */
export function encodeLlmfaoChoice(c: LlmfaoChoice): [string, string][] {
  const parts: [string, string][] = [['rater', c.rater]];
  if (c.rater === 'mix') parts.push(['share', String(c.share)]);
  if (c.prompt !== null) parts.push(['prompt', c.prompt]);
  return parts;
}

/**
 * Reads rater, share and prompt from a link's keys; an invalid value keeps its default
 * (crowd, ½, all prompts) and is named.
 */
export function decodeLlmfaoChoice(get: (key: string) => string | undefined): {
  choice: LlmfaoChoice;
  problems: { field: string; message: string }[];
} {
  const problems: { field: string; message: string }[] = [];
  const choice: LlmfaoChoice = { rater: 'crowd', share: 0.5, prompt: null };
  const rater = get('rater');
  if (rater !== undefined) {
    const ok = LLMFAO_RATER_CHOICES.find((r) => r.id === rater);
    if (ok) choice.rater = ok.id;
    else problems.push({ field: 'rater', message: `rater must be crowd, gpt4, gpt3 or mix, got "${rater}"` });
  }
  const share = get('share');
  if (share !== undefined) {
    const w = share.trim() === '' ? NaN : Number(share);
    if (Number.isFinite(w) && w >= 0 && w <= 1) choice.share = w;
    else problems.push({ field: 'share', message: `share (the crowd's share) must be from 0 to 1, got "${share}"` });
  }
  const prompt = get('prompt');
  if (prompt !== undefined && prompt !== '') {
    if (LLMFAO_PROMPTS.includes(prompt)) choice.prompt = prompt;
    else
      problems.push({
        field: 'prompt',
        message: `prompt "${prompt}" is not one of the LLMFAO prompts (${LLMFAO_PROMPTS.join(', ')})`,
      });
  }
  if (choice.rater !== 'mix') choice.share = 1;
  return { choice, problems };
}

/** A readable name of the choice, for exports and captions. */
export function describeLlmfaoChoice(c: LlmfaoChoice): string {
  const who =
    c.rater === 'mix'
      ? `mixture ${c.share} · crowd + ${Number((1 - c.share).toPrecision(12))} · GPT-4`
      : LLMFAO_RATER_CHOICES.find((r) => r.id === c.rater)!.label;
  return `LLMFAO, rater ${who}, ${c.prompt === null ? 'all 13 prompts' : `prompt "${c.prompt}"`}`;
}

/**
 * Where data/llmfao.json is resolved from: the page (undefined: document.baseURI), or, for the
 * <nash-md-explorer> element, the folder of the library script (the app's build copies public/
 * beside it; src/element/index.ts sets this).
 */
let dataBase: string | undefined;
export function setLlmfaoDataBase(base: string): void {
  dataBase = base;
}
export function llmfaoDataBase(): string | undefined {
  return dataBase;
}
