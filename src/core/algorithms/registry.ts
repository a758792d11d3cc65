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
import { defineAlgorithm } from './common.ts';
import { nashMdPgInfo } from './info/nashMdPg.ts';
import { nashEmaPgInfo } from './info/nashEmaPg.ts';
import { rlhfPgInfo } from './info/rlhfPg.ts';
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
] as const;

/**
 * The algorithms whose step code is loaded on demand (loadAlgorithms), in catalog order: the
 * policy-gradient ones (issue 17) are not needed for the first figure, and their engine and feature
 * fit would otherwise be in every first computation's bytes (the worker's preview included).
 */
const ON_DEMAND = {
  'nash-md-pg': () => import('./nashMdPg.ts').then((m) => defineAlgorithm(nashMdPgInfo, m.nashMdPgNumerics)),
  'nash-ema-pg': () => import('./nashEmaPg.ts').then((m) => defineAlgorithm(nashEmaPgInfo, m.nashEmaPgNumerics)),
  'rlhf-pg': () => import('./rlhfPg.ts').then((m) => defineAlgorithm(rlhfPgInfo, m.rlhfPgNumerics)),
} as const;

type LoadedId = (typeof ALGORITHM_DEFINITIONS)[number]['id'] | keyof typeof ON_DEMAND;
/** Compile-time check: the definitions and the loaders name exactly the catalog's ids. */
export type RegistryMatchesCatalog = [LoadedId] extends [AlgorithmId]
  ? [AlgorithmId] extends [LoadedId]
    ? true
    : never
  : never;

/** A definition with its state type erased (what generic callers such as the runner hold). */
export type AnyAlgorithmDefinition = AlgorithmDefinition<AlgorithmState> & { readonly id: AlgorithmId };

const BY_ID = new Map<string, AnyAlgorithmDefinition>(
  ALGORITHM_DEFINITIONS.map((d) => [d.id, d as unknown as AnyAlgorithmDefinition]),
);

/**
 * The definition of `id`, or undefined when `id` is not an algorithm of the registry or is one
 * loaded on demand that loadAlgorithms has not loaded yet.
 */
export function algorithmById(id: string): AnyAlgorithmDefinition | undefined {
  return BY_ID.get(id);
}

/** Whether `id` is an algorithm of the registry whose step code is not loaded yet. */
export function needsLoading(id: string): boolean {
  return !BY_ID.has(id) && Object.prototype.hasOwnProperty.call(ON_DEMAND, id);
}

/**
 * Loads the step code of the on-demand algorithms among `ids` (the others are always there), so
 * that algorithmById, createRunner and the simulation service find them. Callers that run
 * algorithms (the worker, the main-thread engine, the library's index.ts) await it first.
 */
export async function loadAlgorithms(ids: readonly string[]): Promise<void> {
  await Promise.all(
    ids.filter(needsLoading).map(async (id) => {
      const def = await ON_DEMAND[id as keyof typeof ON_DEMAND]();
      BY_ID.set(id, def as unknown as AnyAlgorithmDefinition);
    }),
  );
}
