/**
 * The policy-gradient engine shared by Nash-MD-PG, Nash-EMA-PG and RLHF-PG (Munos et al., "Nash
 * Learning from Human Feedback", ICML 2024, §7): a log-linear policy π_θ(y) ∝ exp(θ·φ(y))
 * (parametricPolicy.ts) trained by θ ← θ + lr·g with
 *
 *   preference (Nash-MD-PG, Nash-EMA-PG), opponent π′:
 *     g = E_{y∼π_θ, y′∼π′}[ ∇log π_θ(y) · (P(y ≻ y′) − ½ − τ log(π_θ(y)/μ(y))) ]
 *   reward (RLHF-PG), r the fitted Bradley–Terry reward:
 *     g = E_{y∼π_θ}[ ∇log π_θ(y) · (r(y) − τ log(π_θ(y)/μ(y))) ]
 *
 * with ∇log π_θ(y) = φ(y) − φ̄, φ̄ = Σ_z π_θ(z) φ(z). Writing A(y) for the bracket averaged over y′,
 * A(y) = (Pπ′)(y) − ½ − τ log(π_θ(y)/μ(y)) (or r(y) − τ log(π_θ(y)/μ(y))), the exact gradient is
 *
 *   g = Φᵀ w,   w(y) = π_θ(y) (A(y) − Σ_z π_θ(z) A(z)).
 *
 * Sampled mode draws B responses y_i ∼ π_θ (and y′_i ∼ π′) per step from the run's seeded
 * mulberry32 generator (rng.ts), with the label P(y_i ≻ y′_i) or a Bernoulli draw from it, and uses
 * the unbiased estimate g = (1/B) Σ_i (φ(y_i) − φ̄) c_i, c_i the bracket at the sample: again
 * g = Φᵀ w with w(y) = (1/B) Σ_{i: y_i = y} c_i − π_θ(y) (1/B) Σ_i c_i. Every step draws the same
 * number of uniforms (B, 2B or 3B), so a run continued in chunks equals one long run, and the same
 * seed gives the same run.
 *
 * Row 0 of a run is π_θ0, the policy of the class closest to π_0 (π_0 itself for tabular features).
 */
import { InvalidInputError, show } from '../errors.ts';
import {
  PG_DEFAULTS,
  featureDim,
  featureMap,
  featureSumInto,
  fitTheta0,
  policyInto,
  type PolicyGradientSpec,
} from '../parametricPolicy.ts';
import { createRng } from '../rng.ts';
import type { AlgorithmState, RunContext } from './types.ts';

/** Whose responses y′ the policy is compared with (or the reward, for RLHF-PG). */
export type PgOpponent = 'mixture' | 'ema' | 'reward';

export interface PgState extends AlgorithmState {
  opponent: PgOpponent;
  spec: PolicyGradientSpec;
  /** Φ (n × d) or null for tabular features. */
  phi: Float64Array | null;
  d: number;
  theta: Float64Array;
  /** Nash-EMA-PG's θ̄ (unused otherwise). */
  thetaBar: Float64Array;
  logPi: Float64Array;
  pi: Float64Array;
  logOpp: Float64Array;
  opp: Float64Array;
  win: Float64Array;
  /** w of g = Φᵀw; cumulative distributions for sampling. */
  w: Float64Array;
  grad: Float64Array;
  cdfPi: Float64Array;
  cdfOpp: Float64Array;
  rng: () => number;
}

/** Checks the policy-gradient settings for n responses; throws an InvalidInputError naming the URL key. */
export function validatePolicyGradient(spec: Partial<PolicyGradientSpec> | undefined, n: number): PolicyGradientSpec {
  const s = { ...PG_DEFAULTS, ...spec };
  const num = (x: unknown) => typeof x === 'number' && Number.isFinite(x);
  if (!num(s.lr) || s.lr <= 0) throw new InvalidInputError('lr', `lr must be a finite number > 0, got ${show(s.lr)}`);
  if (!num(s.beta) || s.beta < 0 || s.beta > 1)
    throw new InvalidInputError('beta', `beta must be a number in [0, 1], got ${show(s.beta)}`);
  if (!num(s.ema) || s.ema < 0 || s.ema >= 1)
    throw new InvalidInputError('ema', `ema (λ) must be a number in [0, 1), got ${show(s.ema)}`);
  if (s.gradient !== 'exact' && s.gradient !== 'sampled')
    throw new InvalidInputError('gradient', `gradient must be 'exact' or 'sampled', got ${show(s.gradient)}`);
  if (!Number.isInteger(s.batch) || s.batch < 1 || s.batch > 100_000)
    throw new InvalidInputError('batch', `batch must be a whole number from 1 to 100000, got ${show(s.batch)}`);
  if (s.labels !== 'probability' && s.labels !== 'bernoulli')
    throw new InvalidInputError('pgLabels', `pgLabels must be 'probability' or 'bernoulli', got ${show(s.labels)}`);
  if (!Number.isInteger(s.seed) || s.seed < 0 || s.seed >= 2 ** 32)
    throw new InvalidInputError('pgSeed', `pgSeed must be a whole number in [0, 2³²), got ${show(s.seed)}`);
  if (s.features !== 'tabular' && s.features !== 'random' && s.features !== 'custom')
    throw new InvalidInputError(
      'features',
      `features must be 'tabular', 'random' or 'custom', got ${show(s.features)}`,
    );
  if (s.features === 'custom') {
    const problem = phiProblem(s.phi, n);
    if (problem) throw new InvalidInputError('phi', problem);
  }
  if (s.features === 'random' && (!Number.isInteger(s.d) || s.d < 1 || s.d > n - 1))
    throw new InvalidInputError('d', `d must be a whole number from 1 to n − 1 = ${n - 1}, got ${show(s.d)}`);
  if (!Number.isInteger(s.seeds) || s.seeds < 1 || s.seeds > 50)
    throw new InvalidInputError('seeds', `seeds must be a whole number from 1 to 50, got ${show(s.seeds)}`);
  return s;
}

/**
 * Why `phi` is not a custom feature table for n responses (n rows of d finite numbers, 1 ≤ d ≤
 * min(n, 12)), naming the row and column of a bad entry; null when it is one.
 */
export function phiProblem(phi: unknown, n: number): string | null {
  if (!Array.isArray(phi) || phi.length !== n)
    return `phi must have one row per response (${n}), got ${Array.isArray(phi) ? `${phi.length} rows` : show(phi)}`;
  const d = Array.isArray(phi[0]) ? phi[0].length : 0;
  if (d < 1 || d > Math.min(n, 12)) return `phi must have 1 to ${Math.min(n, 12)} columns, got ${d}`;
  for (let y = 0; y < n; y++) {
    const row: unknown = phi[y];
    if (!Array.isArray(row) || row.length !== d) return `phi row ${y + 1} must have ${d} numbers`;
    for (let k = 0; k < d; k++)
      if (typeof row[k] !== 'number' || !Number.isFinite(row[k]))
        return `phi row ${y + 1}, column ${k + 1} must be a finite number, got ${show(row[k])}`;
  }
  return null;
}

/** Allocates a run's state (the features are drawn here, once). */
export function initPg(ctx: RunContext, opponent: PgOpponent): PgState {
  const { n } = ctx;
  const spec = validatePolicyGradient(ctx.pg, n);
  if (opponent === 'reward' && (!ctx.reward || ctx.reward.length !== n))
    throw new Error('rlhf-pg: the run needs the fitted reward (RunContext.reward)');
  const d = featureDim(n, spec);
  const v = (k: number) => new Float64Array(k);
  return {
    ctx,
    opponent,
    spec,
    phi: featureMap(n, spec),
    d,
    theta: v(d),
    thetaBar: v(d),
    logPi: v(n),
    pi: v(n),
    logOpp: v(n),
    opp: v(n),
    win: v(n),
    w: v(n),
    grad: v(d),
    cdfPi: v(n),
    cdfOpp: v(n),
    rng: createRng(spec.seed),
  };
}

/** θ_0 fitted to π_0 (θ̄_0 = θ_0) and a fresh generator: the run restarts at t = 0. */
export function resetPg(state: PgState, pi0: Float64Array): void {
  const { n } = state.ctx;
  state.theta.set(fitTheta0(state.phi, pi0, n, state.d));
  state.thetaBar.set(state.theta);
  state.rng = createRng(state.spec.seed);
}

/** Cumulative sums of p (the last entry forced to 1, so a draw u ∈ [0, 1) always lands). */
function cumulate(p: Float64Array, cdf: Float64Array, n: number): void {
  let s = 0;
  for (let i = 0; i < n; i++) cdf[i] = s += p[i];
  cdf[n - 1] = Infinity;
}

/** The first index i with cdf[i] > u (binary search). */
function draw(cdf: Float64Array, n: number, u: number): number {
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cdf[mid] > u) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The opponent π′ into state.opp (log in logOpp): π^β ∝ π_θ^(1−β) μ^β, or π_θ̄. */
function opponentInto(state: PgState): void {
  const { ctx, spec, logPi, logOpp, opp, phi, thetaBar, d } = state;
  const { n, logMu } = ctx;
  if (state.opponent === 'ema') {
    policyInto(phi, thetaBar, n, d, logOpp, opp);
    return;
  }
  const b = spec.beta;
  let m = -Infinity;
  for (let y = 0; y < n; y++) {
    logOpp[y] = (1 - b) * logPi[y] + b * logMu[y];
    if (logOpp[y] > m) m = logOpp[y];
  }
  let z = 0;
  for (let y = 0; y < n; y++) z += Math.exp(logOpp[y] - m);
  const lse = m + Math.log(z);
  for (let y = 0; y < n; y++) {
    logOpp[y] -= lse;
    opp[y] = Math.exp(logOpp[y]);
  }
}

/** w of the exact gradient: w(y) = π_θ(y)(A(y) − Σ π_θ A). */
function exactWeights(state: PgState): void {
  const { ctx, pi, logPi, win, w } = state;
  const { n, tau, logMu } = ctx;
  const reward = state.opponent === 'reward';
  if (reward) win.set(ctx.reward!);
  else ctx.product.apply(state.opp, win);
  let mean = 0;
  for (let y = 0; y < n; y++) {
    const a = (reward ? win[y] : win[y] - 0.5) - tau * (logPi[y] - logMu[y]);
    w[y] = a;
    mean += pi[y] * a;
  }
  for (let y = 0; y < n; y++) w[y] = pi[y] * (w[y] - mean);
}

/** w of the sampled estimate from B draws (see the module comment). */
function sampledWeights(state: PgState): void {
  const { ctx, spec, pi, logPi, w, cdfPi, cdfOpp, opp, rng } = state;
  const { n, tau, logMu, p } = ctx;
  const reward = state.opponent === 'reward' ? ctx.reward! : null;
  const bernoulli = spec.labels === 'bernoulli';
  const B = spec.batch;
  cumulate(pi, cdfPi, n);
  if (!reward) cumulate(opp, cdfOpp, n);
  w.fill(0);
  let total = 0;
  for (let i = 0; i < B; i++) {
    const y = draw(cdfPi, n, rng());
    let c: number;
    if (reward) c = reward[y];
    else {
      const pr = p[y * n + draw(cdfOpp, n, rng())];
      c = (bernoulli ? (rng() < pr ? 1 : 0) : pr) - 0.5;
    }
    c = (c - tau * (logPi[y] - logMu[y])) / B;
    w[y] += c;
    total += c;
  }
  for (let y = 0; y < n; y++) w[y] -= pi[y] * total;
}

/**
 * Takes `steps` steps from t0 (rows 1..steps of `out` get π_θ after each step). At t0 = 0 with
 * random features row 0 is overwritten with π_θ0 (the runner wrote π_0 there; they differ when the
 * class cannot represent π_0).
 */
export function advancePg(state: PgState, out: Float64Array, t0: number, steps: number): void {
  const { ctx, spec, phi, theta, thetaBar, logPi, pi, w, grad, d } = state;
  const { n } = ctx;
  policyInto(phi, theta, n, d, logPi, pi);
  // Tabular: π_θ0 is π_0 up to rounding; row 0 keeps the π_0 the reader chose, bit for bit.
  if (t0 === 0 && phi !== null) out.set(pi, 0);
  const { lr, ema } = spec;
  const sampled = spec.gradient === 'sampled';
  for (let t = 0; t < steps; t++) {
    if (state.opponent !== 'reward') opponentInto(state);
    if (sampled) sampledWeights(state);
    else exactWeights(state);
    featureSumInto(phi, w, n, d, grad);
    for (let k = 0; k < d; k++) theta[k] += lr * grad[k];
    if (state.opponent === 'ema') for (let k = 0; k < d; k++) thetaBar[k] = ema * thetaBar[k] + (1 - ema) * theta[k];
    policyInto(phi, theta, n, d, logPi, pi);
    out.set(pi, (t + 1) * n);
  }
}
