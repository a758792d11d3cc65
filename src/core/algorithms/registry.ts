/**
 * The algorithm registry: every algorithm the core can run, with its step function, in display
 * order (the same order as catalog.ts, which describes them without their numerics). The runner
 * (simulate.ts) dispatches through algorithmById. Adding an algorithm: its module (the `<name>Info`
 * description and the definition), one line here and one in catalog.ts, its tests, its style entry
 * and its explanation.
 */
import type { AlgorithmId } from './catalog.ts';
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
import { nashMdPg } from './nashMdPg.ts';
import { nashEmaPg } from './nashEmaPg.ts';
import { rlhfPg } from './rlhfPg.ts';
import type { AlgorithmDefinition, AlgorithmState } from './types.ts';

export {
  ALGORITHM_CATALOG,
  ALGORITHM_FAMILIES,
  ALGORITHM_IDS,
  algorithmInfo,
  isAlgorithmId,
  type AlgorithmId,
} from './catalog.ts';

/** Every algorithm with its numerics, in display order. */
export const ALGORITHM_DEFINITIONS = [
  nashMd,
  omd,
  rlhf,
  mwu,
  omwu,
  mmd,
  mpo,
  extragradient,
  nashMp,
  comal,
  fictitiousPlay,
  replicator,
  nashMdPg,
  nashEmaPg,
  rlhfPg,
] as const;

/** Compile-time check: the definitions name exactly the catalog's ids. */
export type RegistryMatchesCatalog = [(typeof ALGORITHM_DEFINITIONS)[number]['id']] extends [AlgorithmId]
  ? [AlgorithmId] extends [(typeof ALGORITHM_DEFINITIONS)[number]['id']]
    ? true
    : never
  : never;

/** A definition with its state type erased (what generic callers such as the runner hold). */
export type AnyAlgorithmDefinition = AlgorithmDefinition<AlgorithmState> & { readonly id: AlgorithmId };

const BY_ID = new Map<string, AnyAlgorithmDefinition>(
  ALGORITHM_DEFINITIONS.map((d) => [d.id, d as unknown as AnyAlgorithmDefinition]),
);

/** The definition of `id`, or undefined when `id` is not an algorithm of the registry. */
export function algorithmById(id: string): AnyAlgorithmDefinition | undefined {
  return BY_ID.get(id);
}
