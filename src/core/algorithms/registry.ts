/**
 * The algorithm registry: every algorithm the core can run, with its step function, in display
 * order (the same order as catalog.ts, which describes them without their numerics). The runner
 * (simulate.ts) dispatches through algorithmById. The lists are generated from the algorithm
 * folders (registry.gen.ts, scripts/gen-algorithms.mjs): adding an algorithm is adding its folder
 * src/core/algorithms/<id>/, its tests and its style entry (CONTRIBUTING.md, "Add an algorithm").
 */
import type { AlgorithmId } from './catalog.ts';
import { EAGER_DEFINITIONS, ON_DEMAND_LOADERS } from './registry.gen.ts';
import type { AlgorithmDefinition, AlgorithmState } from './types.ts';

export {
  ALGORITHM_CATALOG,
  ALGORITHM_FAMILIES,
  ALGORITHM_IDS,
  algorithmInfo,
  isAlgorithmId,
  type AlgorithmId,
} from './catalog.ts';

/** Every algorithm whose step code is always loaded, with its numerics, in display order. */
export const ALGORITHM_DEFINITIONS = EAGER_DEFINITIONS;

/**
 * The algorithms whose step code is loaded on demand (loadAlgorithms), in catalog order (info.ts:
 * `loadOnDemand = true`): the policy-gradient ones (issue 17) are not needed for the first figure, and their engine and feature
 * fit would otherwise be in every first computation's bytes (the worker's preview included).
 */
const ON_DEMAND = ON_DEMAND_LOADERS;

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
