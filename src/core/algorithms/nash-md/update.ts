/**
 * Nash-MD (Munos et al., "Nash Learning from Human Feedback", ICML 2024, §5, Eqs. 3–5):
 *   π_t^μ ∝ π_t^(1−η_t τ) μ^(η_t τ)             (the geometric mixture with the reference)
 *   π_{t+1} ∝ π_t^μ exp(η_t P π_t^μ)
 * In log space, with ℓ_t = log π_t and a = η_t τ ∈ [0, 1]:
 *   log π_t^μ = (1 − a) ℓ_t + a log μ − c,  ℓ_{t+1} = log π_t^μ + η_t P π_t^μ − c′.
 * With Theorem 1's step η_t = 2/(τ(t+2)) the last iterate converges to π*_τ,
 * KL(π*_τ‖π_T) ≤ 8/(τ²(T+1)); with a constant η it converges to a biased fixed point
 * (see nashMdFixedPoint).
 */
import { InvalidInputError } from '../../errors.ts';
import { exploitabilityFromWin } from '../../exploitability.ts';
import { matVec } from '../../linalg.ts';
import { regularizedNash } from '../../regularizedNash.ts';
import type { Matrix, Vector } from '../../types.ts';
import { validateDistribution, validateEta, validatePreferences, validateTau } from '../../validate.ts';
import { normalizeInto, setLog, type AlgorithmNumerics } from '../common.ts';
import type { AlgorithmState, RunContext } from '../types.ts';

interface NashMdState extends AlgorithmState {
  /** log π_t, normalised (logsumexp = 0). */
  logPi: Float64Array;
  /** π_t^μ and its logarithm, and P π_t^μ. */
  mix: Float64Array;
  logMix: Float64Array;
  win: Float64Array;
}

export const numerics: AlgorithmNumerics<NashMdState> = {
  init(ctx: RunContext): NashMdState {
    const { n } = ctx;
    return {
      ctx,
      logPi: new Float64Array(n),
      mix: new Float64Array(n),
      logMix: new Float64Array(n),
      win: new Float64Array(n),
    };
  },
  reset(state: NashMdState, pi0: Float64Array): void {
    setLog(state.logPi, pi0);
  },
  advance(state: NashMdState, out: Float64Array, t0: number, steps: number): void {
    const { ctx, logPi, mix, logMix, win } = state;
    const { n, logMu, tau, product } = ctx;
    const theorem = ctx.eta < 0;
    for (let t = 0; t < steps; t++) {
      // stepSize(ctx, t0 + t), written out: this loop is the app's hottest at small n.
      const eta = theorem ? 2 / (tau * (t0 + t + 2)) : ctx.eta;
      const a = eta * tau;
      const b = 1 - a;
      for (let i = 0; i < n; i++) logMix[i] = b * logPi[i] + a * logMu[i];
      normalizeInto(logMix, mix, 0, n);
      // ℓ_{t+1,i} = log π_t^μ(i) + η (P π_t^μ)_i
      product.apply(mix, win);
      for (let i = 0; i < n; i++) logPi[i] = logMix[i] + eta * win[i];
      normalizeInto(logPi, out, (t + 1) * n, n);
    }
  },
};

/**
 * The point constant-step Nash-MD converges to (issue 14, §3 "Biased fixed points"):
 *   π = BR_τ(π^μ),  π^μ ∝ π^(1−ητ) μ^(ητ),  BR_τ(π′) ∝ μ exp(Pπ′/τ).
 * Solved in closed form through π*: substituting log π = log μ + Pσ/τ + c into
 * log σ = (1 − ητ) log π + ητ log μ + c′ gives log σ = log μ + (1 − ητ) Pσ/τ + c″, so the mixture
 * σ = π^μ is the regularised Nash equilibrium at the larger strength τ′ = τ/(1 − ητ) (σ = μ when
 * ητ = 1), and π = BR_τ(σ). It differs from π*_τ by O(η); Theorem 1's schedule η_t → 0 removes
 * the bias. Needs τ > 0 (at τ = 0 every Nash equilibrium of P is a fixed point).
 */
export function nashMdFixedPoint(P: Matrix, mu: Vector, tau: number, eta: number): Float64Array {
  const p = validatePreferences(P);
  const n = P.length;
  const m = validateDistribution(mu, n, 'reference');
  validateTau(tau, true, ' (at τ = 0 every Nash equilibrium of P is a fixed point of Nash-MD)');
  if (validateEta(eta, tau) === 'theorem')
    throw new InvalidInputError(
      'eta',
      'the biased fixed point is that of a constant step η; the theorem’s schedule has none',
    );
  const a = eta * tau;
  const sigma = a >= 1 ? m : regularizedNash(P, m, tau / (1 - a));
  const win = new Float64Array(n);
  matVec(p, sigma, win, n);
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) z[i] = Math.log(m[i]) + win[i] / tau;
  const out = new Float64Array(n);
  normalizeInto(z, out, 0, n);
  return out;
}

/**
 * How far π is from being Nash-MD's constant-step fixed point: τ·KL(π ‖ BR_τ(π^μ)), zero exactly
 * at the fixed point (the same log-space form as exploitability, with the opponent π^μ).
 */
export function nashMdFixedPointResidual(P: Matrix, mu: Vector, tau: number, eta: number, pi: Vector): number {
  const p = validatePreferences(P);
  const n = P.length;
  const m = validateDistribution(mu, n, 'reference');
  const x = validateDistribution(pi, n, 'policy');
  const logMu = Float64Array.from(m, Math.log);
  const a = eta * tau;
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) z[i] = (1 - a) * Math.log(x[i]) + a * logMu[i];
  const sigma = new Float64Array(n);
  normalizeInto(z, sigma, 0, n);
  const win = new Float64Array(n);
  matVec(p, sigma, win, n);
  return exploitabilityFromWin(win, n, logMu, tau, x, null);
}
