/**
 * The algorithm catalog: what every algorithm of the registry is (names, citation, parameters,
 * convergence claim, availability check), in display order, without any numerics. The UI, the
 * URL codec, the validation layer and the exports derive their lists from here; importing this
 * file does not pull the step code or COMAL's Newton solver into a bundle (each module exports
 * its `<name>Info` apart from its definition, and bundlers drop the unused definitions).
 * registry.ts holds the same algorithms with their steps, in the same order (a test checks it).
 */
import { comalInfo } from './info/comal.ts';
import { extragradientInfo } from './info/extragradient.ts';
import { fictitiousPlayInfo } from './info/fictitiousPlay.ts';
import { mmdInfo } from './info/mmd.ts';
import { mpoInfo } from './info/mpo.ts';
import { mwuInfo } from './info/mwu.ts';
import { nashMdInfo } from './info/nashMd.ts';
import { nashMpInfo } from './info/nashMp.ts';
import { omdInfo } from './info/omd.ts';
import { omwuInfo } from './info/omwu.ts';
import { replicatorInfo } from './info/replicator.ts';
import { rlhfInfo } from './info/rlhf.ts';
import { nashMdPgInfo } from './info/nashMdPg.ts';
import { nashEmaPgInfo } from './info/nashEmaPg.ts';
import { rlhfPgInfo } from './info/rlhfPg.ts';
import type { AlgorithmFamily, AlgorithmInfo } from './types.ts';

/** Every algorithm's description, in display order (the NLHF paper's three first). */
export const ALGORITHM_CATALOG = [
  nashMdInfo,
  omdInfo,
  rlhfInfo,
  mwuInfo,
  omwuInfo,
  mmdInfo,
  mpoInfo,
  extragradientInfo,
  nashMpInfo,
  comalInfo,
  fictitiousPlayInfo,
  replicatorInfo,
  nashMdPgInfo,
  nashEmaPgInfo,
  rlhfPgInfo,
] as const;

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
