/**
 * The LLMFAO data presets' choice (which raters, which prompt) and its URL keys, without the data:
 * this module is in the first render, so it is kept tiny: reading and checking the keys is in
 * llmfaoKeys.ts, loaded with the data (llmfaoLoad.ts fetches public/data/llmfao.json on demand).
 *   preset=llmfao&rater=crowd|gpt4|gpt3|mix&share=0.5&prompt=<slug>
 * `share` (the crowd's share w of the mixture, 0..1) is read only with rater=mix; `prompt` absent
 * means all thirteen prompts.
 */

export const LLMFAO_PRESET = 'llmfao';

/** crowd, GPT-4, GPT-3.5, or the mixture w · crowd + (1 − w) · GPT-4. */
export type LlmfaoRaterChoice = 'crowd' | 'gpt4' | 'gpt3' | 'mix';

/** The data a scenario came from: the choice, its name and the attribution its licence asks for. */
export interface LlmfaoSource extends LlmfaoChoice {
  /** "LLMFAO (mix 0.3, prompt qft)": captions and exports. */
  name: string;
  /** Shown under the figure and written into exports while the data is shown (CC BY 4.0). */
  attribution: string;
}

export interface LlmfaoChoice {
  rater: LlmfaoRaterChoice;
  /** The crowd's share w of the mixture (rater 'mix' only), in [0, 1]. */
  share: number;
  /** The prompt's slug (one of LLMFAO_PROMPTS), or null for all prompts. */
  prompt: string | null;
}

/** The choice's URL keys (after preset=llmfao). */
export function encodeLlmfaoChoice(c: LlmfaoChoice): [string, string][] {
  const parts: [string, string][] = [['rater', c.rater]];
  if (c.rater === 'mix') parts.push(['share', String(c.share)]);
  if (c.prompt !== null) parts.push(['prompt', c.prompt]);
  return parts;
}
