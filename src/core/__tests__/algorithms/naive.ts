/**
 * Naive reference implementations of the updates of issue 14, written from the formulas
 * in probability space with plain arrays (Math.pow, Math.exp, explicit sums): no code of
 * src/core/algorithms is used, so agreement checks the modules against the formulas.
 */

import { PG_DEFAULTS } from '../../parametricPolicy.ts';
import { naivePgRun } from './naivePg.ts';

export type Vec = number[];

export const mat = (P: number[][], x: Vec): Vec => P.map((row) => row.reduce((s, p, j) => s + p * x[j], 0));
export const norm = (v: Vec): Vec => {
  const s = v.reduce((a, b) => a + b, 0);
  return v.map((x) => x / s);
};
const eta = (e: number | 'theorem', tau: number, t: number) => (e === 'theorem' ? 2 / (tau * (t + 2)) : e);

export interface NaiveSpec {
  P: number[][];
  mu: Vec;
  pi0: Vec;
  tau: number;
  eta: number | 'theorem';
  steps: number;
  refresh?: number;
  reward?: Vec;
}

/** π_0..π_T of `algorithm`, straight from the table. */
export function naiveRun(algorithm: string, s: NaiveSpec): Vec[] {
  const { P, mu, tau } = s;
  const n = mu.length;
  const rows: Vec[] = [norm(s.pi0)];
  let prevR: Vec | null = null;
  let magnet = mu.slice();
  for (let t = 0; t < s.steps; t++) {
    const pi = rows[t];
    const h = eta(s.eta, tau, t);
    const a = h * tau;
    const r = mat(P, pi);
    let next: Vec;
    switch (algorithm) {
      case 'nash-md': {
        const mix = norm(pi.map((x, i) => Math.pow(x, 1 - a) * Math.pow(mu[i], a)));
        const w = mat(P, mix);
        next = norm(mix.map((x, i) => x * Math.exp(h * w[i])));
        break;
      }
      case 'omd':
        next = norm(pi.map((x, i) => Math.pow(x, 1 - a) * Math.pow(mu[i], a) * Math.exp(h * r[i])));
        break;
      case 'rlhf':
        next = norm(pi.map((x, i) => Math.pow(x, 1 - a) * Math.pow(mu[i], a) * Math.exp(h * s.reward![i])));
        break;
      case 'mwu':
        next = norm(pi.map((x, i) => x * Math.exp(h * r[i])));
        break;
      case 'omwu': {
        const prev = prevR ?? r;
        next = norm(pi.map((x, i) => x * Math.exp(h * (2 * r[i] - prev[i]))));
        prevR = r;
        break;
      }
      case 'mmd':
      case 'mpo': {
        const m = algorithm === 'mmd' ? mu : magnet;
        next = norm(pi.map((x, i) => Math.pow(x * Math.pow(m[i], a) * Math.exp(h * r[i]), 1 / (1 + a))));
        if (algorithm === 'mpo' && (t + 1) % (s.refresh ?? 50) === 0) magnet = next.slice();
        break;
      }
      case 'extragradient': {
        const half = norm(pi.map((x, i) => Math.pow(x, 1 - a) * Math.pow(mu[i], a) * Math.exp(h * r[i])));
        const w = mat(P, half);
        next = norm(pi.map((x, i) => Math.pow(x, 1 - a) * Math.pow(mu[i], a) * Math.exp(h * w[i])));
        break;
      }
      case 'nash-mp': {
        const half = norm(pi.map((x, i) => Math.pow(x * Math.pow(mu[i], a) * Math.exp(h * r[i]), 1 / (1 + a))));
        const w = mat(P, half);
        next = norm(pi.map((x, i) => Math.pow(x * Math.pow(mu[i], a) * Math.exp(h * w[i]), 1 / (1 + a))));
        break;
      }
      case 'comal':
        next = proxPoint(P, pi, tau);
        break;
      case 'fictitious-play': {
        let br: Vec;
        if (tau > 0) br = norm(mu.map((m, i) => m * Math.exp(r[i] / tau)));
        else {
          const best = Math.max(...r);
          br = norm(r.map((x) => (x >= best - 1e-12 ? 1 : 0)));
        }
        next = pi.map((x, i) => x + (br[i] - x) / (t + 2));
        break;
      }
      case 'replicator': {
        // d/ds log π = Pπ − τ log(π/μ) − c: RK4 on log π, each stage carried as a policy.
        const f = (q: Vec) => {
          const w = mat(P, q);
          return q.map((x, i) => w[i] - tau * Math.log(x / mu[i]));
        };
        const shift = (q: Vec, k: Vec, c: number) => norm(q.map((x, i) => x * Math.exp(c * k[i])));
        const k1 = f(pi);
        const k2 = f(shift(pi, k1, h / 2));
        const k3 = f(shift(pi, k2, h / 2));
        const k4 = f(shift(pi, k3, h));
        next = norm(pi.map((x, i) => x * Math.exp((h / 6) * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]))));
        break;
      }
      case 'nash-md-pg':
      case 'nash-ema-pg':
      case 'rlhf-pg':
        // Tabular features, exact gradients, the default settings: naivePg.ts from θ_0 = log π_0.
        return naivePgRun(algorithm, {
          P,
          mu,
          tau,
          phi: mu.map((_, i) => mu.map((__, k) => (k === i ? 1 : 0))),
          theta0: rows[0].map(Math.log),
          lr: PG_DEFAULTS.lr,
          beta: PG_DEFAULTS.beta,
          ema: PG_DEFAULTS.ema,
          steps: s.steps,
          reward: s.reward,
        });
      default:
        throw new Error(`no reference for ${algorithm}`);
    }
    if (next.length !== n) throw new Error('bad length');
    rows.push(next);
  }
  return rows;
}

/**
 * The regularised Nash equilibrium with reference `ref`: π ∝ ref · exp(Pπ/τ), by the plain
 * fixed-point iteration (a contraction for τ ≥ 1 since |P_ij − P_kj| ≤ 1), to machine precision.
 */
export function proxPoint(P: number[][], ref: Vec, tau: number): Vec {
  if (tau < 1) throw new Error('the naive prox point needs τ ≥ 1 to contract');
  let pi = ref.slice();
  for (let k = 0; k < 5000; k++) {
    const w = mat(P, pi);
    const next = norm(ref.map((x, i) => x * Math.exp(w[i] / tau)));
    const d = Math.max(...next.map((x, i) => Math.abs(x - pi[i])));
    pi = next;
    if (d < 1e-15) return pi;
  }
  throw new Error('the naive prox point did not converge');
}
