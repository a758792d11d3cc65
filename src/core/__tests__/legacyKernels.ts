/**
 * TEST FIXTURE: the run loops of Nash-MD, OMD and RLHF exactly as they were before the algorithm
 * registry (src/core/kernels.ts until issue 14), kept so that a test can check the registry's
 * modules reproduce them bit for bit. Not used by the app.
 *
 * The per-step update loops of the three algorithms, allocation-free and in log space.
 *
 * All three share one shape. With ℓ_t = log π_t (normalised) and a = η_t τ ∈ [0, 1]:
 *   - Nash-MD (§5, Eqs. 3–5):  log π_t^μ = (1 − a) ℓ_t + a log μ − c,
 *                              ℓ_{t+1} = log π_t^μ + η_t P π_t^μ − c'.
 *   - OMD (Eqs. 7–8):          ℓ_{t+1} = (1 − a) ℓ_t + a log μ + η P π_t − c'.
 *   - RLHF mirror ascent (§3): ℓ_{t+1} = (1 − a) ℓ_t + a log μ + η r − c'.
 * The constants c, c' are log-normalisers (log-sum-exp). Only win rates P·π (convex combinations
 * of entries of P) are formed from raw probabilities; no product of probabilities is ever taken.
 *
 * These functions trust their inputs (validated by the caller) and write into `out`, which they
 * own for the duration of the call: row k of `out` holds π_{t0+k}; row 0 must hold the starting
 * policy and rows 1..steps receive the new ones. `t0` is the absolute iteration of row 0, which
 * the theorem's schedule η_t = 2/(τ(t+2)) needs when a run is continued in chunks.
 *
 * The products P·π go through matVecOperator (WebAssembly SIMD where available): they are n² of
 * the step's O(n² + n) work. P must not change once a run has started (it is copied there once).
 */
import { matVecOperator } from '../matVecOperator.ts';

/** Step size at iteration t: the constant η, or η_t = 2/(τ(t+2)) (Theorem 1) when eta < 0. */
export interface StepRule {
  /** Constant η > 0, or −1 for the theorem's schedule. */
  eta: number;
  tau: number;
}

/**
 * Writes exp(z − logsumexp z) into out[base..base+n) and normalises z in place
 * (z ← z − logsumexp z). Inlined by hand in spirit: no allocation, one pass for the max.
 */
function normalizeInto(z: Float64Array, out: Float64Array, base: number, n: number): void {
  let m = z[0];
  for (let i = 1; i < n; i++) if (z[i] > m) m = z[i];
  let s = 0;
  for (let i = 0; i < n; i++) {
    const e = Math.exp(z[i] - m);
    out[base + i] = e;
    s += e;
  }
  const inv = 1 / s;
  const ls = m + Math.log(s);
  for (let i = 0; i < n; i++) {
    out[base + i] *= inv;
    z[i] -= ls;
  }
}

/**
 * Nash-MD: π_{t+1} ∝ π_t^μ exp(η_t P π_t^μ), π_t^μ ∝ π_t^(1−η_t τ) μ^(η_t τ) (Eqs. 3–5).
 * `logPi` holds log π_0 on entry (normalised) and log π_T on exit.
 */
export function runNashMd(
  P: Float64Array,
  n: number,
  logMu: Float64Array,
  logPi: Float64Array,
  rule: StepRule,
  steps: number,
  out: Float64Array,
  t0 = 0,
): void {
  const mix = new Float64Array(n); // π_t^μ
  const logMix = new Float64Array(n);
  const win = new Float64Array(n); // P π_t^μ
  const product = matVecOperator(P, n);
  const { tau } = rule;
  const theorem = rule.eta < 0;
  for (let t = 0; t < steps; t++) {
    const eta = theorem ? 2 / (tau * (t0 + t + 2)) : rule.eta;
    const a = eta * tau;
    const b = 1 - a;
    for (let i = 0; i < n; i++) logMix[i] = b * logPi[i] + a * logMu[i];
    normalizeInto(logMix, mix, 0, n);
    // ℓ_{t+1,i} = log π_t^μ(i) + η (P π_t^μ)_i
    product.apply(mix, win);
    for (let i = 0; i < n; i++) logPi[i] = logMix[i] + eta * win[i];
    normalizeInto(logPi, out, (t + 1) * n, n);
  }
}

/**
 * OMD (`reward` null): π_{t+1} ∝ π_t^(1−ητ) μ^(ητ) exp(η P π_t)  (Eqs. 7–8), or
 * RLHF mirror ascent (`reward` r): π_{t+1} ∝ π_t^(1−ητ) μ^(ητ) exp(η r)  (§3).
 * `logPi` holds log π_0 on entry and log π_T on exit; row 0 of `out` must already hold π_0.
 */
export function runMirror(
  P: Float64Array,
  n: number,
  logMu: Float64Array,
  logPi: Float64Array,
  rule: StepRule,
  steps: number,
  out: Float64Array,
  reward: Float64Array | null,
  t0 = 0,
): void {
  const win = new Float64Array(n);
  const cur = new Float64Array(n); // π_t, contiguous for the mat-vec
  const product = reward ? null : matVecOperator(P, n);
  const { tau } = rule;
  const theorem = rule.eta < 0;
  if (reward) win.set(reward);
  for (let t = 0; t < steps; t++) {
    const eta = theorem ? 2 / (tau * (t0 + t + 2)) : rule.eta;
    const a = eta * tau;
    const b = 1 - a;
    if (product) {
      for (let i = 0; i < n; i++) cur[i] = out[t * n + i];
      product.apply(cur, win);
    }
    for (let i = 0; i < n; i++) logPi[i] = b * logPi[i] + a * logMu[i] + eta * win[i];
    normalizeInto(logPi, out, (t + 1) * n, n);
  }
}
