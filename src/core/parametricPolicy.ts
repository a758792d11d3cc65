/**
 * Parametric (log-linear) policies for the sampled-gradient algorithms of the NLHF paper (Munos et
 * al., ICML 2024, §7: Nash-MD-PG and Nash-EMA-PG), small enough to watch:
 *
 *   π_θ(y) = exp(θ·φ(y)) / Σ_z exp(θ·φ(z)),   θ ∈ ℝ^d,  φ(y) ∈ ℝ^d,
 *   ∇_θ log π_θ(y) = φ(y) − Σ_z π_θ(z) φ(z).
 *
 * Features: 'tabular' (φ(y) = e_y, d = n: every positive distribution is some π_θ) or 'random'
 * (d < n, φ(y)_k i.i.d. standard normal from a fixed seed: the class cannot represent every
 * distribution) or 'custom' (φ given as an n × d table, 1 ≤ d ≤ min(n, 12)). θ_0 is the M-projection of π_0 onto the class, argmin_θ KL(π_0 ‖ π_θ), i.e. the
 * θ whose feature mean matches π_0's, Σ π_θ(y) φ(y) = Σ π_0(y) φ(y); for tabular features it is
 * log π_0 and π_θ0 = π_0 exactly. Pure math, no DOM; the main thread loads this to export φ and θ_0.
 */
import { createRng } from './rng.ts';

export {
  PG_DEFAULTS,
  type FeatureKind,
  type GradientMode,
  type LabelMode,
  type PolicyGradientSpec,
} from './pgDefaults.ts';
import type { PolicyGradientSpec } from './pgDefaults.ts';

/**
 * The seed of the random feature map. Fixed (not the sampling seed pgSeed): the policy class stays
 * the same while the samples change, so runs with different seeds are comparable.
 */
export const FEATURE_SEED = 20240;

/** The feature dimension actually used: n for tabular features. */
export function featureDim(n: number, spec: Pick<PolicyGradientSpec, 'features' | 'd' | 'phi'>): number {
  return spec.features === 'tabular' ? n : spec.features === 'custom' ? (spec.phi?.[0]?.length ?? 0) : spec.d;
}

/**
 * The feature map Φ (n × d, row-major, row y = φ(y)), or null for tabular features (Φ = I, never
 * stored). Random features: φ(y)_k standard normal by the Box–Muller transform of the core's
 * mulberry32 generator (rng.ts) seeded with FEATURE_SEED, drawn row by row; both Box–Muller outputs
 * are used. The same (n, d) always give the same Φ; Φ for d is not a prefix of Φ for d + 1.
 * Custom features: the given table φ, row y = φ(y).
 */
export function featureMap(n: number, spec: Pick<PolicyGradientSpec, 'features' | 'd' | 'phi'>): Float64Array | null {
  if (spec.features === 'tabular') return null;
  // Custom: the table as given, row-major (validatePolicyGradient checked its shape).
  if (spec.features === 'custom') return Float64Array.from((spec.phi ?? []).slice(0, n).flat());
  const d = spec.d;
  const rng = createRng(FEATURE_SEED);
  const phi = new Float64Array(n * d);
  for (let k = 0; k < phi.length; k += 2) {
    // 1 − u ∈ (0, 1]: log never sees 0.
    const r = Math.sqrt(-2 * Math.log(1 - rng()));
    const a = 2 * Math.PI * rng();
    phi[k] = r * Math.cos(a);
    if (k + 1 < phi.length) phi[k + 1] = r * Math.sin(a);
  }
  return phi;
}

/** s = Φθ (scores θ·φ(y)); Φ = null means the identity. */
export function scoresInto(phi: Float64Array | null, theta: Float64Array, n: number, d: number, s: Float64Array): void {
  if (phi === null) {
    s.set(theta);
    return;
  }
  for (let y = 0; y < n; y++) {
    let acc = 0;
    const b = y * d;
    for (let k = 0; k < d; k++) acc += phi[b + k] * theta[k];
    s[y] = acc;
  }
}

/** g = Φᵀw (Σ_y w(y) φ(y)); Φ = null means the identity. */
export function featureSumInto(phi: Float64Array | null, w: Float64Array, n: number, d: number, g: Float64Array): void {
  if (phi === null) {
    g.set(w);
    return;
  }
  g.fill(0);
  for (let y = 0; y < n; y++) {
    const wy = w[y];
    if (wy === 0) continue;
    const b = y * d;
    for (let k = 0; k < d; k++) g[k] += wy * phi[b + k];
  }
}

/** log π_θ into `logPi` and π_θ into `pi` (log-sum-exp normalised; `logPi` may hold the scores). */
export function policyInto(
  phi: Float64Array | null,
  theta: Float64Array,
  n: number,
  d: number,
  logPi: Float64Array,
  pi: Float64Array,
): void {
  scoresInto(phi, theta, n, d, logPi);
  let m = -Infinity;
  for (let y = 0; y < n; y++) if (logPi[y] > m) m = logPi[y];
  let z = 0;
  for (let y = 0; y < n; y++) z += Math.exp(logPi[y] - m);
  const lse = m + Math.log(z);
  for (let y = 0; y < n; y++) {
    logPi[y] -= lse;
    pi[y] = Math.exp(logPi[y]);
  }
}

/**
 * θ_0 = argmin_θ KL(π_0 ‖ π_θ) = argmin_θ log Σ_y exp(θ·φ(y)) − θ·Φᵀπ_0 (convex; gradient
 * Φᵀπ_θ − Φᵀπ_0, Hessian Cov_{π_θ}(φ)). Tabular: log π_0. Random: damped Newton from θ = 0 (each
 * Hessian system by Cholesky, a tiny ridge if it is not numerically positive definite) until the
 * moment mismatch is below 1e-13 or 200 iterations.
 */
export function fitTheta0(phi: Float64Array | null, pi0: ArrayLike<number>, n: number, d: number): Float64Array {
  if (phi === null) return Float64Array.from(pi0, Math.log);
  const theta = new Float64Array(d);
  const target = new Float64Array(d);
  for (let y = 0; y < n; y++) for (let k = 0; k < d; k++) target[k] += pi0[y] * phi[y * d + k];
  const logPi = new Float64Array(n);
  const pi = new Float64Array(n);
  const mean = new Float64Array(d);
  const grad = new Float64Array(d);
  const hess = new Float64Array(d * d);
  const trial = new Float64Array(d);
  const objective = (th: Float64Array): number => {
    scoresInto(phi, th, n, d, logPi);
    let m = -Infinity;
    for (let y = 0; y < n; y++) if (logPi[y] > m) m = logPi[y];
    let z = 0;
    for (let y = 0; y < n; y++) z += Math.exp(logPi[y] - m);
    let dot = 0;
    for (let k = 0; k < d; k++) dot += th[k] * target[k];
    return m + Math.log(z) - dot;
  };
  for (let iter = 0; iter < 200; iter++) {
    policyInto(phi, theta, n, d, logPi, pi);
    featureSumInto(phi, pi, n, d, mean);
    let worst = 0;
    for (let k = 0; k < d; k++) {
      grad[k] = mean[k] - target[k];
      worst = Math.max(worst, Math.abs(grad[k]));
    }
    if (worst < 1e-13) break;
    // Hessian Σ_y π(y)(φ(y) − φ̄)(φ(y) − φ̄)ᵀ (lower triangle is all Cholesky reads).
    hess.fill(0);
    for (let y = 0; y < n; y++) {
      const b = y * d;
      for (let i = 0; i < d; i++) {
        const ci = pi[y] * (phi[b + i] - mean[i]);
        for (let j = 0; j <= i; j++) hess[i * d + j] += ci * (phi[b + j] - mean[j]);
      }
    }
    const step = Float64Array.from(grad);
    let ridge = 0;
    const base = Float64Array.from(hess);
    while (!choleskySolveSmall(hess, d, step)) {
      ridge = ridge === 0 ? 1e-12 : ridge * 100;
      hess.set(base);
      for (let i = 0; i < d; i++) hess[i * d + i] += ridge;
      step.set(grad);
      if (ridge > 1e6) break;
    }
    // Backtracking: the objective must not increase (Newton's full step is taken near the optimum).
    const f0 = objective(theta);
    let alpha = 1;
    for (let ls = 0; ls < 60; ls++) {
      for (let k = 0; k < d; k++) trial[k] = theta[k] - alpha * step[k];
      if (objective(trial) <= f0 + 1e-15 * Math.abs(f0)) break;
      alpha /= 2;
    }
    theta.set(trial);
  }
  return theta;
}

/**
 * Solves A x = b in place for a symmetric positive-definite d×d A (lower triangle read; A is
 * overwritten by its Cholesky factor); false if A is not numerically positive definite. A few
 * lines of its own rather than linalg.ts's: the main thread loads this module for the JSON export,
 * and importing linalg.ts here would move all of it into the first-render bundle (it shares a chunk
 * with the wire format's flatten).
 */
function choleskySolveSmall(A: Float64Array, d: number, b: Float64Array): boolean {
  for (let i = 0; i < d; i++)
    for (let j = 0; j <= i; j++) {
      let s = A[i * d + j];
      for (let k = 0; k < j; k++) s -= A[i * d + k] * A[j * d + k];
      if (i === j) {
        if (!(s > 0)) return false;
        A[i * d + i] = Math.sqrt(s);
      } else A[i * d + j] = s / A[j * d + j];
    }
  for (let i = 0; i < d; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= A[i * d + k] * b[k];
    b[i] = s / A[i * d + i];
  }
  for (let i = d - 1; i >= 0; i--) {
    let s = b[i];
    for (let k = i + 1; k < d; k++) s -= A[k * d + i] * b[k];
    b[i] = s / A[i * d + i];
  }
  return b.every(Number.isFinite);
}
