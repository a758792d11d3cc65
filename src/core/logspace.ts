/**
 * Log-space primitives. Policies are carried as log-probabilities and only exponentiated after
 * subtracting the maximum, so nothing overflows and nothing underflows while it still matters.
 */

/** log Σ_i exp(x_i), computed as m + log Σ exp(x_i − m) with m = max x. Returns −∞ for empty x. */
export function logSumExp(x: ArrayLike<number>): number {
  let m = -Infinity;
  for (let i = 0; i < x.length; i++) if (x[i] > m) m = x[i];
  if (m === -Infinity || m === Infinity) return m;
  let s = 0;
  for (let i = 0; i < x.length; i++) s += Math.exp(x[i] - m);
  return m + Math.log(s);
}

/**
 * Normalises log-weights in place to log-probabilities (x_i ← x_i − logsumexp(x)) and writes the
 * probabilities exp(x_i) into `out`. Returns `out`.
 */
export function normalizeLog(x: Float64Array, out: Float64Array = new Float64Array(x.length)): Float64Array {
  const n = x.length;
  let m = -Infinity;
  for (let i = 0; i < n; i++) if (x[i] > m) m = x[i];
  let s = 0;
  for (let i = 0; i < n; i++) {
    const e = Math.exp(x[i] - m);
    out[i] = e;
    s += e;
  }
  const inv = 1 / s;
  const ls = m + Math.log(s);
  for (let i = 0; i < n; i++) {
    out[i] *= inv;
    x[i] -= ls;
  }
  return out;
}

/** Element-wise natural logarithm into a new array (log 0 = −∞). */
export function logOf(v: ArrayLike<number>): Float64Array {
  const out = new Float64Array(v.length);
  for (let i = 0; i < v.length; i++) out[i] = Math.log(v[i]);
  return out;
}

/**
 * KL(p‖q) = Σ_i p_i log(p_i / q_i), with 0 log 0 = 0; +∞ if some q_i = 0 < p_i.
 * Computed as a difference of logarithms, never as a ratio of small numbers.
 */
export function kl(p: ArrayLike<number>, q: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < p.length; i++) {
    const pi = p[i];
    if (pi > 0) s += pi * (Math.log(pi) - Math.log(q[i]));
  }
  return s > 0 ? s : 0;
}

/** log σ(x) = −log(1 + e^(−x)), stable for every finite x. */
export function logSigmoid(x: number): number {
  return x >= 0 ? -Math.log1p(Math.exp(-x)) : x - Math.log1p(Math.exp(x));
}

/** σ(x) = 1/(1 + e^(−x)), stable for every finite x. */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/**
 * KL(p‖q) with q floored at the smallest positive double: where q_i underflowed to 0 (a
 * probability below ~1e-308), the divergence is large but finite (≈ p_i · 744) instead of +∞, so
 * plots and tables never see Infinity. Equal to kl(p, q) whenever every q_i with p_i > 0 is > 0.
 */
export function klFinite(p: ArrayLike<number>, q: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < p.length; i++) {
    const pi = p[i];
    if (pi > 0) s += pi * (Math.log(pi) - Math.log(Math.max(q[i], Number.MIN_VALUE)));
  }
  return s > 0 ? s : 0;
}
