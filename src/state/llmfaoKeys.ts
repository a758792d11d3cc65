/**
 * Reading and describing the LLMFAO choice's URL keys (rater, share, prompt): loaded with the data
 * (never in the first render), so a link's values are checked, and named when invalid, once the
 * data preset is being loaded.
 */
import type { LlmfaoChoice, LlmfaoRaterChoice } from './llmfaoChoice.ts';

/** Shown wherever the data is shown (PROVENANCE.md of shared/data/llmfao; CC BY 4.0). */
export const LLMFAO_ATTRIBUTION =
  'LLMFAO by Dmitry Ustalov, built on the Crowdsourced LLM Benchmark by llmonitor.com; CC BY 4.0.';
export const LLMFAO_LINK = 'https://github.com/dustalov/llmfao';

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

/** A short name of the choice (captions, exports): "LLMFAO (mix 0.3, prompt qft)". */
export function llmfaoName(c: LlmfaoChoice): string {
  return `LLMFAO (${c.rater === 'mix' ? `mix ${c.share}` : c.rater}${c.prompt ? `, prompt ${c.prompt}` : ''})`;
}
