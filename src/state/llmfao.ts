/**
 * The LLMFAO comparisons (public/data/llmfao.json, built by scripts/build-llmfao.mjs from
 * ../shared/data/llmfao; CC BY 4.0): 59 LLMs' answers to 13 prompts judged pairwise by a crowd of
 * people, and the same pairs judged by GPT-4 and by GPT-3.5. This module reads the file and turns a
 * choice of rater and prompt into battle counts (ties ½ to each side) and the win-rate matrix P
 * (P_ij = wins of i over j / battles of i and j; ½ for pairs never compared).
 */
import { InvalidInputError } from '../core/errors.ts';
import { countsFromDense, type PairCounts } from '../core/feedback.ts';

export const LLMFAO_URL = 'data/llmfao.json';

/** Who judged: the crowd of people, GPT-4 or GPT-3.5. */
export type LlmfaoRater = 'crowd' | 'gpt4' | 'gpt3';

export const LLMFAO_RATERS: readonly { id: LlmfaoRater; label: string }[] = [
  { id: 'crowd', label: 'crowd (people)' },
  { id: 'gpt4', label: 'GPT-4' },
  { id: 'gpt3', label: 'GPT-3.5' },
];

export interface LlmfaoData {
  attribution: string;
  source: string;
  license: string;
  models: string[];
  prompts: { id: number; slug: string; text: string }[];
  raters: Record<LlmfaoRater, { judgements: number; ties: number; counts: [number, number, number, number, number][] }>;
}

/** Checks the shape of the file (a wrong or truncated file is named, not half-used). */
export function parseLlmfao(json: unknown): LlmfaoData {
  const d = json as Partial<LlmfaoData> & { format?: string };
  const bad = (what: string) => new InvalidInputError('preferences', `the LLMFAO data file is damaged: ${what}`);
  if (!d || typeof d !== 'object' || d.format !== 'nash-md-explorer/llmfao-counts/1') throw bad('unknown format');
  if (!Array.isArray(d.models) || d.models.length < 2) throw bad('no models');
  if (!Array.isArray(d.prompts)) throw bad('no prompts');
  const n = d.models.length;
  for (const r of LLMFAO_RATERS) {
    const table = d.raters?.[r.id];
    if (!table || !Array.isArray(table.counts)) throw bad(`no ${r.label} judgements`);
    for (const c of table.counts) {
      const ok =
        Array.isArray(c) &&
        c.length === 5 &&
        c.every((x) => Number.isInteger(x) && x >= 0) &&
        c[0] < d.prompts.length &&
        c[1] < c[2] &&
        c[2] < n;
      if (!ok)
        throw bad(`a ${r.label} count ${JSON.stringify(c).slice(0, 40)} is not [prompt, i, j, wins of i, wins of j]`);
    }
  }
  return d as LlmfaoData;
}

/**
 * The battle counts of `rater` on one prompt (its index in data.prompts) or on all of them
 * (prompt null): wins of i over j with ties ½ (the file stores half units).
 */
export function llmfaoCounts(data: LlmfaoData, rater: LlmfaoRater, prompt: number | null): PairCounts {
  const n = data.models.length;
  const wins = new Float64Array(n * n);
  for (const [p, i, j, a, b] of data.raters[rater].counts) {
    if (prompt !== null && p !== prompt) continue;
    wins[i * n + j] += a / 2;
    wins[j * n + i] += b / 2;
  }
  return countsFromDense(wins, n);
}

/** P_ij = wins_ij / (wins_ij + wins_ji) for observed pairs, ½ otherwise (and on the diagonal). */
export function winRates(counts: PairCounts): number[][] {
  const P = Array.from({ length: counts.n }, () => new Array<number>(counts.n).fill(0.5));
  for (let k = 0; k < counts.i.length; k++) {
    const total = counts.winsI[k] + counts.winsJ[k];
    P[counts.i[k]][counts.j[k]] = counts.winsI[k] / total;
    P[counts.j[k]][counts.i[k]] = counts.winsJ[k] / total;
  }
  return P;
}

/** n×n dense counts: C[i][j] = wins of i over j (ties ½). */
export function denseCounts(counts: PairCounts): number[][] {
  const C = Array.from({ length: counts.n }, () => new Array<number>(counts.n).fill(0));
  for (let k = 0; k < counts.i.length; k++) {
    C[counts.i[k]][counts.j[k]] = counts.winsI[k];
    C[counts.j[k]][counts.i[k]] = counts.winsJ[k];
  }
  return C;
}

/**
 * The mixture of rater types (§3.2's model with two populations): a share w of the judgements
 * comes from the crowd, 1 − w from GPT-4, so on every pair both observed
 *   P_ij = w · P^crowd_ij + (1 − w) · P^GPT-4_ij.
 * Pairs that one of them never judged stay unobserved (P_ij = ½, no counts; in LLMFAO both judged
 * exactly the same pairs, so none are lost). The counts kept for the reward fit are the crowd's
 * battles per pair split by the mixed P, C_ij = N^crowd_ij · P_ij, so the observed fit weights the
 * pairs as the crowd's leaderboard does and C_ij / (C_ij + C_ji) = P_ij exactly.
 */
export function mixtureCounts(crowd: PairCounts, gpt4: PairCounts, w: number): number[][] {
  const n = crowd.n;
  const C = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const other = new Map<number, number>();
  for (let k = 0; k < gpt4.i.length; k++)
    other.set(gpt4.i[k] * n + gpt4.j[k], gpt4.winsI[k] / (gpt4.winsI[k] + gpt4.winsJ[k]));
  for (let k = 0; k < crowd.i.length; k++) {
    const [i, j] = [crowd.i[k], crowd.j[k]];
    const pg = other.get(i * n + j);
    if (pg === undefined) continue;
    const total = crowd.winsI[k] + crowd.winsJ[k];
    const p = w * (crowd.winsI[k] / total) + (1 - w) * pg;
    C[i][j] = total * p;
    C[j][i] = total * (1 - p);
  }
  return C;
}

/** P from dense counts: C_ij / (C_ij + C_ji) where observed (i < j; P_ji = 1 − P_ij exactly), ½ elsewhere. */
export function winRatesDense(C: readonly (readonly number[])[]): number[][] {
  const n = C.length;
  const P = Array.from({ length: n }, () => new Array<number>(n).fill(0.5));
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const total = C[i][j] + C[j][i];
      if (total <= 0) continue;
      P[i][j] = C[i][j] / total;
      P[j][i] = 1 - P[i][j];
    }
  return P;
}
