/**
 * The algorithm catalog: what every algorithm of the registry is (names, parameters, convergence
 * claim, availability check), in display order, without any numerics. The UI, the URL codec, the
 * validation layer and the exports derive their lists from here. The list itself is generated
 * (catalog.gen.ts, from each folder's info.ts: scripts/gen-algorithms.mjs), so importing this file
 * pulls neither the step code (update.ts) nor the explanations (explain.ts) into a bundle.
 * registry.ts holds the same algorithms with their steps, in the same order (a test checks it).
 */
import { ALGORITHM_INFOS } from './catalog.gen.ts';
import type { AlgorithmFamily, AlgorithmInfo } from './types.ts';

/** Every algorithm's description, in display order (the NLHF paper's three first: each info.ts's `order`). */
export const ALGORITHM_CATALOG = ALGORITHM_INFOS;

/** The id of an algorithm of the registry. */
export type AlgorithmId = (typeof ALGORITHM_CATALOG)[number]['id'];

/** The ids in display order. */
export const ALGORITHM_IDS: readonly AlgorithmId[] = ALGORITHM_CATALOG.map((d) => d.id);

const BY_ID = new Map<string, AlgorithmInfo & { readonly id: AlgorithmId }>(ALGORITHM_CATALOG.map((d) => [d.id, d]));

/** The description of `id`, or undefined when `id` is not an algorithm of the registry. */
export function algorithmInfo(id: string): (AlgorithmInfo & { readonly id: AlgorithmId }) | undefined {
  return BY_ID.get(id);
}

/** Whether `id` names an algorithm of the registry. */
export function isAlgorithmId(id: unknown): id is AlgorithmId {
  return typeof id === 'string' && BY_ID.has(id);
}

/** The picker's groups, in order, with their headings. */
export const ALGORITHM_FAMILIES: readonly { id: AlgorithmFamily; label: string }[] = [
  { id: 'nlhf', label: 'NLHF paper' },
  { id: 'mirror-descent', label: 'Mirror-descent variants' },
  { id: 'extragradient-prox', label: 'Extragradient and prox' },
  { id: 'game-dynamics', label: 'Classical game dynamics' },
  { id: 'parametric', label: 'Parametric (sampled gradients)' },
];
