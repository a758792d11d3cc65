/**
 * Core benchmarks. (1) Throughput: steps/s of simulate() for Nash-MD at n = 3, 10, 100, 1000 (with its
 * WebAssembly mat-vec and with the JavaScript fallback), beside a
 * minimal allocation-free Float64Array loop doing the same arithmetic (log-space geometric
 * mixture, mat-vec with four accumulators, log-space normalisation) and storing the trajectory
 * into a preallocated buffer. (2) Solvers: wall time of regularizedNash (τ = 1, 0.01, 1e-3),
 * regularizedNashPath (the 48-point TAU_GRID), nashEquilibrium and fitBradleyTerry at n = 100 and
 * 500 on (a) a uniform random P (Nash support ≈ n/2, the hard case) and (b) a noisy Bradley–Terry
 * P (leaderboard-like, small support); median of 3 runs after a warm-up. Prints Markdown tables
 * for docs/benchmarks.md.
 *
 *   npm run bench            (or: npx tsx bench/core.bench.ts)
 */
import { cpus } from 'node:os';
import { fitBradleyTerry, nashEquilibrium, regularizedNash, regularizedNashPath, simulate } from '../src/core/index.ts';
import { useJavaScriptMatVec } from '../src/core/matVecOperator.ts';
import { TAU_GRID } from '../src/core/simulationService.ts';
import { lcg, randomGame } from '../src/core/__tests__/seededGame.ts';

/** Target seconds of work per measurement. */
const TARGET_SECONDS = 0.4;
const REPEATS = 7;

/** The baseline: the Nash-MD update written out by hand, no validation, no allocation per step. */
function baseline(
  P: Float64Array,
  n: number,
  logMu: Float64Array,
  pi0: Float64Array,
  tau: number,
  eta: number,
  steps: number,
  out: Float64Array,
): void {
  const lp = new Float64Array(n);
  const lm = new Float64Array(n);
  const m = new Float64Array(n);
  for (let i = 0; i < n; i++) lp[i] = Math.log(pi0[i]);
  out.set(pi0);
  const a = eta * tau;
  const b = 1 - a;
  for (let t = 0; t < steps; t++) {
    let mx = -Infinity;
    for (let i = 0; i < n; i++) {
      const v = b * lp[i] + a * logMu[i];
      lm[i] = v;
      if (v > mx) mx = v;
    }
    let s = 0;
    for (let i = 0; i < n; i++) {
      const e = Math.exp(lm[i] - mx);
      m[i] = e;
      s += e;
    }
    const inv = 1 / s;
    const ls = mx + Math.log(s);
    for (let i = 0; i < n; i++) {
      m[i] *= inv;
      lm[i] -= ls;
    }
    mx = -Infinity;
    for (let i = 0; i < n; i++) {
      const row = i * n;
      let a0 = 0,
        a1 = 0,
        a2 = 0,
        a3 = 0;
      let j = 0;
      for (; j + 3 < n; j += 4) {
        a0 += P[row + j] * m[j];
        a1 += P[row + j + 1] * m[j + 1];
        a2 += P[row + j + 2] * m[j + 2];
        a3 += P[row + j + 3] * m[j + 3];
      }
      for (; j < n; j++) a0 += P[row + j] * m[j];
      const z = lm[i] + eta * (a0 + a1 + (a2 + a3));
      lp[i] = z;
      if (z > mx) mx = z;
    }
    s = 0;
    const base = (t + 1) * n;
    for (let i = 0; i < n; i++) {
      const e = Math.exp(lp[i] - mx);
      out[base + i] = e;
      s += e;
    }
    const inv2 = 1 / s;
    const ls2 = mx + Math.log(s);
    for (let i = 0; i < n; i++) {
      out[base + i] *= inv2;
      lp[i] -= ls2;
    }
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Median steps/s of each runner, measured in turn so drifts in machine load hit all alike. */
function measureAll(runners: (() => void)[], steps: number): number[] {
  for (const f of runners) f(); // warm-up: let the JIT compile every loop
  const results: number[][] = runners.map(() => []);
  for (let r = 0; r < REPEATS; r++) {
    runners.forEach((f, k) => {
      const t0 = performance.now();
      f();
      results[k].push(steps / ((performance.now() - t0) / 1000));
    });
  }
  return results.map(median);
}

const fmt = (x: number) =>
  x >= 1e6 ? `${(x / 1e6).toFixed(2)} M` : x >= 1e3 ? `${(x / 1e3).toFixed(1)} k` : x.toFixed(0);

console.log(
  `Core benchmark, ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} cores)`,
);
console.log(
  'Nash-MD, constant η = 1, τ = 0.1; median of 7 alternating runs after a warm-up. The library computes P·π with',
);
console.log(
  'WebAssembly SIMD from n = 8 (matVecOperator.ts); "JS" is the same library with its JavaScript fallback loop.\n',
);
console.log(
  '| n | steps per run | library simulate() steps/s | library, JS fallback | baseline loop steps/s | baseline / library | baseline / JS fallback |',
);
console.log('|---:|---:|---:|---:|---:|---:|---:|');
let worst = 0;
for (const n of [3, 10, 100, 1000]) {
  const P = randomGame(n, 42 + n);
  const mu = new Array<number>(n).fill(1 / n);
  const pi0 = Array.from({ length: n }, (_, i) => (i + 1) / ((n * (n + 1)) / 2));
  const steps = Math.max(200, Math.round((TARGET_SECONDS * 2.5e8) / (n * n + 60 * n)));
  const flat = Float64Array.from(P.flat());
  const logMu = Float64Array.from(mu, Math.log);
  const out = new Float64Array((steps + 1) * n);
  const run = () =>
    void simulate({ algorithm: 'nash-md', preferences: P, reference: mu, initial: pi0, tau: 0.1, eta: 1, steps });
  const [lib, libJs, base] = measureAll(
    [
      run,
      () => {
        useJavaScriptMatVec(true);
        run();
        useJavaScriptMatVec(false);
      },
      () => baseline(flat, n, logMu, Float64Array.from(pi0), 0.1, 1, steps, out),
    ],
    steps,
  );
  worst = Math.max(worst, base / lib, base / libJs);
  console.log(
    `| ${n} | ${steps.toLocaleString('en')} | ${fmt(lib)} | ${fmt(libJs)} | ${fmt(base)} | ${(base / lib).toFixed(2)}× | ${(base / libJs).toFixed(2)}× |`,
  );
}
console.log(`\nWorst ratio ${worst.toFixed(2)}× (target ≤ 1.30×; below 1 the library is faster than the baseline).`);

/** (b): Bradley–Terry scores ~ U(0, 4) plus noise ±0.05, clamped to [0.01, 0.99]. */
function noisyBradleyTerry(n: number, seed: number): number[][] {
  const rand = lcg(seed);
  const scores = Array.from({ length: n }, () => 4 * rand());
  const P = Array.from({ length: n }, () => new Array<number>(n).fill(0.5));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const v = 1 / (1 + Math.exp(scores[j] - scores[i])) + 0.1 * (rand() - 0.5);
      P[i][j] = Math.min(0.99, Math.max(0.01, v));
      P[j][i] = 1 - P[i][j];
    }
  }
  return P;
}

/** Median wall time in ms of 3 runs (after one warm-up run at the small size). */
function medianMs(f: () => void): number {
  const t: number[] = [];
  for (let r = 0; r < 3; r++) {
    const t0 = performance.now();
    f();
    t.push(performance.now() - t0);
  }
  return median(t);
}

console.log('\nSolvers: wall time in ms, median of 3 runs (targets at n = 500: < 1000 each, path < 1500).\n');
console.log('| n | P | regularizedNash τ=1 | τ=0.01 | τ=1e-3 | path (48 τ) | nashEquilibrium | fitBradleyTerry |');
console.log('|---:|:---|---:|---:|---:|---:|---:|---:|');
const grid = Array.from(TAU_GRID);
{
  const warm = randomGame(30, 1);
  const mu = new Array<number>(30).fill(1 / 30);
  regularizedNashPath(warm, mu, grid);
  nashEquilibrium(warm);
  fitBradleyTerry(warm);
}
for (const n of [100, 500]) {
  for (const [name, P] of [
    ['(a) random', randomGame(n, 7 + n)],
    ['(b) noisy BT', noisyBradleyTerry(n, 3 + n)],
  ] as const) {
    const mu = new Array<number>(n).fill(1 / n);
    const cells = [
      ...[1, 0.01, 1e-3].map((tau) => medianMs(() => regularizedNash(P, mu, tau))),
      medianMs(() => regularizedNashPath(P, mu, grid)),
      medianMs(() => nashEquilibrium(P)),
      medianMs(() => fitBradleyTerry(P)),
    ];
    console.log(`| ${n} | ${name} | ${cells.map((c) => c.toFixed(0)).join(' | ')} |`);
  }
}
