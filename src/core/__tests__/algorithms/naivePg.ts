/**
 * A naive reference for the policy-gradient algorithms (issue 17), written from the issue's
 * formulas with plain arrays: π_θ ∝ exp(θ·φ(y)) by Math.exp, the expectations as explicit double
 * sums over y and y′. No code of src/core/algorithms is used; φ and θ_0 are inputs.
 */
import { PG_DEFAULTS } from '../../parametricPolicy.ts';
import type { NaiveSpec } from './naive.ts';

type Vec = number[];
const norm = (v: Vec): Vec => {
  const s = v.reduce((a, b) => a + b, 0);
  return v.map((x) => x / s);
};

export interface NaivePgSpec {
  P: number[][];
  mu: Vec;
  tau: number;
  /** φ(y) for each response (rows). */
  phi: number[][];
  theta0: Vec;
  lr: number;
  beta: number;
  ema: number;
  steps: number;
  reward?: Vec;
}

export const softmaxPolicy = (phi: number[][], theta: Vec): Vec =>
  norm(phi.map((f) => Math.exp(f.reduce((s, x, k) => s + x * theta[k], 0))));

/** The exact gradient g of `algorithm` at θ against the opponent policy `opp` (unused for RLHF-PG). */
export function naiveGradient(algorithm: string, s: NaivePgSpec, theta: Vec, opp: Vec | null): Vec {
  const { P, mu, tau, phi } = s;
  const n = mu.length;
  const d = theta.length;
  const pi = softmaxPolicy(phi, theta);
  const phiBar = Array.from({ length: d }, (_, k) => pi.reduce((acc, p, z) => acc + p * phi[z][k], 0));
  const g = new Array<number>(d).fill(0);
  for (let y = 0; y < n; y++) {
    const score = phi[y].map((x, k) => x - phiBar[k]);
    const kl = tau * Math.log(pi[y] / mu[y]);
    if (algorithm === 'rlhf-pg') {
      for (let k = 0; k < d; k++) g[k] += pi[y] * score[k] * (s.reward![y] - kl);
      continue;
    }
    for (let y2 = 0; y2 < n; y2++) {
      const c = pi[y] * opp![y2] * (P[y][y2] - 0.5 - kl);
      for (let k = 0; k < d; k++) g[k] += c * score[k];
    }
  }
  return g;
}

/** π_θ0..π_θT of `algorithm` ('nash-md-pg', 'nash-ema-pg', 'rlhf-pg'), exact gradients. */
export function naivePgRun(algorithm: string, s: NaivePgSpec): Vec[] {
  let theta = s.theta0.slice();
  let bar = s.theta0.slice();
  const rows = [softmaxPolicy(s.phi, theta)];
  for (let t = 0; t < s.steps; t++) {
    const pi = softmaxPolicy(s.phi, theta);
    const opp =
      algorithm === 'nash-md-pg'
        ? norm(pi.map((x, i) => Math.pow(x, 1 - s.beta) * Math.pow(s.mu[i], s.beta)))
        : algorithm === 'nash-ema-pg'
          ? softmaxPolicy(s.phi, bar)
          : null;
    const g = naiveGradient(algorithm, s, theta, opp);
    theta = theta.map((x, k) => x + s.lr * g[k]);
    bar = bar.map((x, k) => s.ema * x + (1 - s.ema) * theta[k]);
    rows.push(softmaxPolicy(s.phi, theta));
  }
  return rows;
}

/**
 * π_0..π_T of `algorithm` on a naive.ts spec: tabular features (φ the identity), exact gradients,
 * the default settings, from θ_0 = log π_0 (what simulate() runs when no PG setting is given).
 */
export function naivePgTabular(algorithm: string, s: NaiveSpec): Vec[] {
  return naivePgRun(algorithm, {
    P: s.P,
    mu: s.mu,
    tau: s.tau,
    phi: s.mu.map((_, i) => s.mu.map((__, k) => (k === i ? 1 : 0))),
    theta0: norm(s.pi0).map(Math.log),
    lr: PG_DEFAULTS.lr,
    beta: PG_DEFAULTS.beta,
    ema: PG_DEFAULTS.ema,
    steps: s.steps,
    reward: s.reward,
  });
}
