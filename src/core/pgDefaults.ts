/**
 * The policy-gradient settings' type and defaults (parametricPolicy.ts has the mathematics): a
 * module of its own, without code, so the scenario can name the defaults without putting the
 * feature map and θ_0's solver into the first-render bundle.
 */

export type FeatureKind = 'tabular' | 'random' | 'custom';
export type GradientMode = 'exact' | 'sampled';
export type LabelMode = 'probability' | 'bernoulli';

/** The policy-gradient settings of a run (URL keys lr, beta, ema, gradient, batch, pgLabels, pgSeed, features, d, seeds). */
export interface PolicyGradientSpec {
  /** Learning rate: θ ← θ + lr·g. */
  lr: number;
  /** Nash-MD-PG's mixture weight: the opponent is π^β ∝ π_θ^(1−β) μ^β, β ∈ [0, 1]. */
  beta: number;
  /** Nash-EMA-PG's λ ∈ [0, 1): θ̄ ← λ θ̄ + (1 − λ) θ after each step. */
  ema: number;
  gradient: GradientMode;
  /** Sampled mode: B pairs (y, y′) per step. */
  batch: number;
  /** Sampled mode: the label of a pair is P(y ≻ y′) itself or a Bernoulli draw from it. */
  labels: LabelMode;
  /** Seed of the sampled mode's generator (createRng, mulberry32). */
  seed: number;
  features: FeatureKind;
  /** Feature dimension for 'random' features, 1 ≤ d ≤ n − 1 (ignored for tabular: d = n; custom: φ's columns). */
  d: number;
  /**
   * 'custom' features: φ as n rows of d numbers (row y = φ(y)), 1 ≤ d ≤ min(n, 12) (URL key phi,
   * rows separated by ';', values by ','). Absent otherwise.
   */
  phi?: number[][];
  /**
   * Sampled mode: K, the seeds of the bundle drawn around the run (1 to 50): the runs with seeds
   * seed, seed + 1, …, seed + K − 1 and their mean (seedBundle.ts). The run itself is seed's.
   */
  seeds: number;
}

export const PG_DEFAULTS: Readonly<PolicyGradientSpec> = {
  lr: 0.5,
  beta: 0.125,
  ema: 0.99,
  gradient: 'exact',
  batch: 16,
  labels: 'probability',
  seed: 1,
  features: 'tabular',
  d: 2,
  seeds: 10,
};
