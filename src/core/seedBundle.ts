/**
 * The seed bundle of a sampled policy-gradient run (issue 17): how much of a sampled run is luck.
 * With `gradient = 'sampled'` and K = pg.seeds, each shown policy-gradient algorithm also runs
 *
 * - seeds s + 1, …, s + K − 1 (s = pgSeed; the run itself stays seed s's, so its rows do not
 *   change; seeds wrap modulo 2³²): π_t^(k), k = 0…K−1, π^(0) the run itself;
 * - their mean policy, step by step: π̄_t^K(y) = (1/K) Σ_k π_t^(k)(y) (the mean of the policies,
 *   not the policy of the mean θ);
 * - the same algorithm with exact gradients (the expectation the samples estimate), for contrast.
 *
 * The companions are sent as series after the run's own (SeriesChunk.bundle): the mean and the
 * exact path are rows of their own; the seeds are drawn faintly on the simplex. Nothing of this
 * runs when no policy-gradient algorithm is shown or gradients are exact.
 */
import type { PolicyGradientSpec } from './pgDefaults.ts';
import type { AlgorithmId } from './algorithms/catalog.ts';
import type { Rows } from './runRows.ts';
import type { Runner } from './simulate.ts';

/**
 * K and the seed when the settings leave them out: PG_DEFAULTS' (a test checks they agree). Not
 * imported from pgDefaults.ts: that would split it into a chunk of its own, shared with the
 * policy-gradient code that loads on demand, one more file before the first figure.
 */
export const BUNDLE_DEFAULTS = { seeds: 10, seed: 1 } as const;

/** The companion runners of one sampled run. */
export interface SeedBundle {
  /** K, the number of seeds (the run itself included). */
  K: number;
  /** The runs of seeds s + 1 … s + K − 1, in order. */
  seeds: Runner[];
  /** The same algorithm with exact gradients. */
  exact: Runner;
}

/** Whether a run of an algorithm with these parameters gets a bundle: a policy-gradient one, sampled. */
export function bundleApplies(params: readonly string[], pg: Partial<PolicyGradientSpec> | undefined): boolean {
  return params.includes('pg') && pg?.gradient === 'sampled';
}

/** The seed of bundle member k: s + k modulo 2³² (pgSeed is a whole number in [0, 2³²)). */
export function bundleSeed(seed: number, k: number): number {
  return (seed + k) % 2 ** 32;
}

/**
 * The bundle's runners, made by `make` from the run's settings with another seed or exact
 * gradients (the caller builds them as it builds the run itself, without average iterates).
 */
export function createSeedBundle(
  make: (pg: Partial<PolicyGradientSpec>) => Runner,
  pg: Partial<PolicyGradientSpec>,
): SeedBundle {
  const K = pg.seeds ?? BUNDLE_DEFAULTS.seeds;
  const seed = pg.seed ?? BUNDLE_DEFAULTS.seed;
  return {
    K,
    seeds: Array.from({ length: K - 1 }, (_, i) => make({ ...pg, seed: bundleSeed(seed, i + 1) })),
    exact: make({ ...pg, gradient: 'exact' }),
  };
}

/**
 * The companions' rows for the run's rows `main`: `advance` takes each companion runner as far as
 * the run went (the same steps and thinning, hence the same times). Returned in the order sent:
 * the mean (when K ≥ 2), the exact path, then the seeds k = 1…K−1.
 */
export function bundleRows<A extends AlgorithmId>(
  main: Rows<A>,
  bundle: SeedBundle,
  advance: (runner: Runner) => Rows<A>,
): Rows<A>[] {
  const { K } = bundle;
  const seeds = bundle.seeds.map((runner, i): Rows<A> => ({ ...advance(runner), bundle: 'seed', seeds: i + 1 }));
  const exact: Rows<A> = { ...advance(bundle.exact), bundle: 'exact' };
  if (K < 2) return [exact];
  const mean = Float64Array.from(main.policies);
  for (const r of seeds) {
    const q = r.policies;
    for (let i = 0; i < mean.length; i++) mean[i] += q[i];
  }
  for (let i = 0; i < mean.length; i++) mean[i] /= K;
  // Its own copy of the times: every chunk's buffers are transferred separately.
  const meanRows: Rows<A> = { ...main, times: main.times?.slice(), policies: mean, bundle: 'mean', seeds: K };
  return [meanRows, exact, ...seeds];
}
