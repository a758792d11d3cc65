/**
 * The algorithm registry: every algorithm the core can run, in display order. The UI, the URL
 * codec, the validation layer and the exports derive their lists from ALGORITHM_IDS and
 * algorithmById; adding an algorithm means adding its module here (and its tests, style entry and
 * explanation), nothing else in the core.
 */
import { comal } from './comal.ts';
import { extragradient } from './extragradient.ts';
import { fictitiousPlay } from './fictitiousPlay.ts';
import { mmd } from './mmd.ts';
import { mpo } from './mpo.ts';
import { mwu } from './mwu.ts';
import { nashMd } from './nashMd.ts';
import { nashMp } from './nashMp.ts';
import { omd } from './omd.ts';
import { omwu } from './omwu.ts';
import { replicator } from './replicator.ts';
import { rlhf } from './rlhf.ts';
import type { AlgorithmDefinition, AlgorithmFamily, AlgorithmState } from './types.ts';

/** Every algorithm, in display order (the NLHF paper's three first). */
export const ALGORITHM_DEFINITIONS = [nashMd, omd, rlhf, mwu, omwu, mmd, mpo, extragradient, nashMp, comal, fictitiousPlay, replicator] as const;

/** The id of an algorithm of the registry. */
export type AlgorithmId = (typeof ALGORITHM_DEFINITIONS)[number]['id'];

/** The ids in display order. */
export const ALGORITHM_IDS: readonly AlgorithmId[] = ALGORITHM_DEFINITIONS.map((d) => d.id);

/** A definition with its state type erased (what generic callers such as the runner hold). */
export type AnyAlgorithmDefinition = AlgorithmDefinition<AlgorithmState> & { readonly id: AlgorithmId };

const BY_ID = new Map<string, AnyAlgorithmDefinition>(ALGORITHM_DEFINITIONS.map((d) => [d.id, d as unknown as AnyAlgorithmDefinition]));

/** The definition of `id`, or undefined when `id` is not an algorithm of the registry. */
export function algorithmById(id: string): AnyAlgorithmDefinition | undefined {
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
];
