/**
 * The reward model of RLHF (§3): a Bradley–Terry fit P(y_i ≻ y_j) ≈ σ(r_i − r_j).
 */
import { InvalidInputError } from './errors.ts';
import { choleskyFactor, choleskySolve, matVec } from './linalg.ts';
import { progressReporter, type SolverOptions } from './solverOptions.ts';
import { logSigmoid, sigmoid } from './logspace.ts';
import type { Matrix, Vector } from './types.ts';
import { validateDistribution, validateFinite, validatePreferences, validateTau, validateWeights } from './validate.ts';

/**
 * Entries of P are clamped to [BT_CLAMP, 1 − BT_CLAMP] before fitting. Where no response is
 * ever beaten by (or ever beats) another, the exact maximum-likelihood rewards are infinite; with
 * the clamp they exist and are finite, each reward gap is at most log((1 − c)/c) ≈ 27.6 per
 * comparison, and the fit moves by less than 1e-11 wherever the exact maximum exists.
 */
export const BT_CLAMP = 1e-12;

const MAX_NEWTON_ITERATIONS = 200;
/** Conjugate-gradient steps per Newton step before falling back to Cholesky. */
const CG_MAX_ITERATIONS = 80;

/**
 * Maximum-likelihood Bradley–Terry rewards (§3; Theorem 2 for the dependence on the weights):
 *   r = argmax Σ_{i≠j} W[i][j] ( P[i][j] log σ(r_i − r_j) + P[j][i] log σ(r_j − r_i) ),
 * shifted to mean zero. W defaults to 1 on every pair (uniform comparisons); W[i][j] = μ_i μ_j
 * gives pairs drawn from μ. The objective is concave, so damped Newton steps (Armijo line search)
 * solve it to machine precision in a few iterations, started from averaged log-odds (exact for a
 * Bradley–Terry P) and each solved by preconditioned conjugate gradients (Cholesky as the
 * fallback); see BT_CLAMP for entries of exactly 0 or 1.
 * Never returns NaN or Infinity.
 */
export function fitBradleyTerry(P: Matrix, weights?: Matrix, options?: SolverOptions): Float64Array {
  const p = validatePreferences(P);
  const n = P.length;
  // w_ij = W_ij + W_ji: the ordered pairs (i, j) and (j, i) contribute the same term.
  const w = new Float64Array(n * n);
  if (weights === undefined) {
    w.fill(2);
  } else {
    const W = validateWeights(weights, n);
    let max = 0;
    for (let k = 0; k < n * n; k++) max = Math.max(max, W[k]);
    // The maximiser does not change when W is scaled; scaling to O(1) keeps tolerances meaningful.
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) w[i * n + j] = (W[i * n + j] + W[j * n + i]) / max;
  }
  const q = new Float64Array(n * n);
  for (let k = 0; k < n * n; k++) q[k] = Math.min(1 - BT_CLAMP, Math.max(BT_CLAMP, p[k]));
  const report = progressReporter(options);
  report(0);
  const r = newtonBradleyTerry(q, w, n, report);
  report(1);
  return r;
}

/** Σ_{i<j} w_ij (q_ij log σ(r_i − r_j) + q_ji log σ(r_j − r_i)). */
function logLikelihood(q: Float64Array, w: Float64Array, n: number, r: Float64Array): number {
  let s = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const wij = w[i * n + j];
      if (wij === 0) continue;
      const d = r[i] - r[j];
      s += wij * (q[i * n + j] * logSigmoid(d) + q[j * n + i] * logSigmoid(-d));
    }
  }
  return s;
}

/**
 * Starting point: r_i = Σ_j w_ij logit(q̃_ij) / Σ_j w_ij with q̃ = q clipped to [0.01, 0.99]. For
 * an exact Bradley–Terry P and uniform weights, logit q_ij = r_i − r_j and this is the answer
 * (up to the shift); otherwise it is close enough that Newton needs only a few steps.
 */
function initialRewards(q: Float64Array, w: Float64Array, n: number): Float64Array {
  const r = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    let ws = 0;
    for (let j = 0; j < n; j++) {
      const wij = w[i * n + j];
      if (j === i || wij === 0) continue;
      const x = Math.min(0.99, Math.max(0.01, q[i * n + j]));
      s += wij * Math.log(x / (1 - x));
      ws += wij;
    }
    r[i] = ws > 0 ? s / ws : 0;
  }
  return r;
}

/**
 * Solves (−H) d = g for the Newton step. −H = L + 11ᵀ/n (L a weighted graph Laplacian) is
 * symmetric positive definite: first by conjugate gradients preconditioned with its diagonal
 * (each step one O(n²) product; a few dozen steps on well-conditioned problems), to a relative
 * residual min(10⁻², ‖g‖) so Newton keeps its fast local convergence; if CG stalls, by a
 * Cholesky factorisation (n³/3 flops). Returns false if neither works.
 */
function newtonDirection(H: Float64Array, g: Float64Array, d: Float64Array, n: number, work: Float64Array[]): boolean {
  const [res, z, pdir, Hp] = work;
  let gg = 0;
  for (let i = 0; i < n; i++) gg += g[i] * g[i];
  const gnorm = Math.sqrt(gg);
  const tol = gnorm * Math.min(1e-2, Math.max(gnorm, 1e-14));
  d.fill(0);
  res.set(g);
  let rz = 0;
  for (let i = 0; i < n; i++) {
    z[i] = res[i] / H[i * n + i];
    pdir[i] = z[i];
    rz += res[i] * z[i];
  }
  for (let it = 0; it < CG_MAX_ITERATIONS; it++) {
    matVec(H, pdir, Hp, n);
    let pHp = 0;
    for (let i = 0; i < n; i++) pHp += pdir[i] * Hp[i];
    if (!(pHp > 0)) break;
    const alpha = rz / pHp;
    let rr = 0;
    for (let i = 0; i < n; i++) {
      d[i] += alpha * pdir[i];
      res[i] -= alpha * Hp[i];
      rr += res[i] * res[i];
    }
    if (Math.sqrt(rr) <= tol) return true;
    let rzNew = 0;
    for (let i = 0; i < n; i++) {
      z[i] = res[i] / H[i * n + i];
      rzNew += res[i] * z[i];
    }
    const beta = rzNew / rz;
    rz = rzNew;
    for (let i = 0; i < n; i++) pdir[i] = z[i] + beta * pdir[i];
  }
  d.set(g);
  return choleskyFactor(H, n) && choleskySolve(H, n, d);
}

function newtonBradleyTerry(q: Float64Array, w: Float64Array, n: number, report: (f: number) => void): Float64Array {
  const r = initialRewards(q, w, n);
  const trial = new Float64Array(n);
  const g = new Float64Array(n);
  const d = new Float64Array(n);
  const H = new Float64Array(n * n);
  const work = Array.from({ length: 4 }, () => new Float64Array(n));
  let f = logLikelihood(q, w, n, r);
  for (let iter = 0; iter < MAX_NEWTON_ITERATIONS; iter++) {
    report(Math.min(0.95, iter / 12));
    // Gradient g and the negated Hessian, a weighted graph Laplacian, plus 11ᵀ/n to pin the mean:
    //   g_i = Σ_j w_ij (q_ij − σ_ij),  (−H)_ij = −w_ij σ_ij (1 − σ_ij),  σ_ij = σ(r_i − r_j).
    g.fill(0);
    H.fill(1 / n);
    for (let i = 0; i < n; i++) {
      const ri = i * n;
      let gi = 0;
      let hii = 0;
      for (let j = i + 1; j < n; j++) {
        const wij = w[ri + j];
        if (wij === 0) continue;
        const s = sigmoid(r[i] - r[j]);
        const gij = wij * (q[ri + j] - s);
        gi += gij;
        g[j] -= gij;
        const h = wij * s * (1 - s);
        hii += h;
        H[j * n + j] += h;
        H[ri + j] -= h;
        H[j * n + i] -= h;
      }
      g[i] += gi;
      H[ri + i] += hii;
    }
    if (!newtonDirection(H, g, d, n, work)) break;
    let decrement = 0; // Newton decrement gᵀ(−H)⁻¹g ≥ 0: the predicted gain is half of it.
    let stepSize = 0;
    for (let i = 0; i < n; i++) {
      decrement += g[i] * d[i];
      stepSize = Math.max(stepSize, Math.abs(d[i]));
    }
    if (!(decrement > 1e-30)) break;
    // Converged to full precision: the Newton step no longer moves any reward (quadratic
    // convergence makes this the step after ~1e-6). Take it and stop; a likelihood change
    // this small is below the rounding of the sum, so the line search cannot judge it.
    if (stepSize < 1e-12) {
      for (let i = 0; i < n; i++) r[i] += d[i];
      break;
    }
    // Inside the region of quadratic convergence the predicted gain (decrement / 2) drops below
    // the rounding noise of the summed likelihood, which can then no longer judge a step: take
    // full Newton steps until the step itself vanishes.
    if (decrement < 1e-12 * Math.max(1, Math.abs(f))) {
      for (let i = 0; i < n; i++) r[i] += d[i];
      f = logLikelihood(q, w, n, r);
      continue;
    }
    let step = 1;
    let accepted = false;
    for (let k = 0; k < 60; k++, step /= 2) {
      for (let i = 0; i < n; i++) trial[i] = r[i] + step * d[i];
      const ft = logLikelihood(q, w, n, trial);
      if (ft >= f + 1e-4 * step * decrement) {
        r.set(trial);
        f = ft;
        accepted = true;
        break;
      }
    }
    // No sufficient increase at any step length: we are at the floating-point optimum.
    if (!accepted || decrement < 1e-26) break;
  }
  let mean = 0;
  for (let i = 0; i < n; i++) mean += r[i];
  mean /= n;
  for (let i = 0; i < n; i++) r[i] -= mean;
  return r;
}

/**
 * The RLHF optimum, argmax_π E_π[r] − τ KL(π‖μ):  π_RLHF(y) ∝ μ(y) exp(r(y)/τ)  (§3).
 * Computed as a softmax of log μ + r/τ. For τ = 0 it is the limit τ → 0: μ restricted to the
 * responses of maximal reward (ties within 1e-12), renormalised.
 */
export function rlhfOptimum(rewards: Vector, mu: Vector, tau: number): Float64Array {
  const n = mu.length;
  const r = validateFinite(rewards, n, 'rewards');
  const m = validateMu(mu);
  validateTau(tau);
  const z = new Float64Array(n);
  if (tau === 0) {
    let best = -Infinity;
    for (let i = 0; i < n; i++) best = Math.max(best, r[i]);
    for (let i = 0; i < n; i++) z[i] = r[i] >= best - 1e-12 ? Math.log(m[i]) : -Infinity;
  } else {
    for (let i = 0; i < n; i++) z[i] = Math.log(m[i]) + r[i] / tau;
  }
  let max = -Infinity;
  for (let i = 0; i < n; i++) max = Math.max(max, z[i]);
  let s = 0;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    out[i] = Math.exp(z[i] - max);
    s += out[i];
  }
  for (let i = 0; i < n; i++) out[i] /= s;
  return out;
}

/** Checks μ on its own (its length sets n): at least 2 entries, positive, summing to 1. */
function validateMu(mu: Vector): Float64Array {
  if (!mu || typeof mu.length !== 'number' || mu.length < 2) {
    throw new InvalidInputError('reference', `reference must have at least 2 entries, got ${mu?.length ?? 0}`);
  }
  return validateDistribution(mu, mu.length, 'reference');
}
