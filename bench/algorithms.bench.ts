/**
 * Throughput of every algorithm of the registry (src/core/algorithms/): steps/s of the library
 * (createRunner + advance, validation and the output array included) beside a hand-written,
 * allocation-free Float64Array loop of the same update (mat-vec with four accumulators in
 * JavaScript, log-space normalisation, the trajectory stored into a preallocated buffer), at
 * n = 3 and n = 100. The library computes P·π with WebAssembly SIMD from n = 8. COMAL solves a
 * regularised game per step (a Newton solve): its time per step is reported, with no baseline.
 * Issue 14's target: the library within 1.5× of the loop. Prints a Markdown table.
 *
 *   npm run bench:algorithms     (or: npx tsx bench/algorithms.bench.ts; part of npm run bench)
 */
import { cpus } from 'node:os';
import { ALGORITHM_DEFINITIONS, type AlgorithmId } from '../src/core/algorithms/index.ts';
import { fitBradleyTerry } from '../src/core/bradleyTerry.ts';
import { useJavaScriptMatVec } from '../src/core/matVecOperator.ts';
import { createRunner } from '../src/core/simulate.ts';
import { randomGame } from '../src/core/__tests__/seededGame.ts';

const TARGET_SECONDS = 0.15;
const REPEATS = 5;
const TAU = 0.1;
const ETA = 1;
const REFRESH = 50;

function mv(P: Float64Array, x: Float64Array, y: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) {
    const row = i * n;
    let a0 = 0,
      a1 = 0,
      a2 = 0,
      a3 = 0;
    let j = 0;
    for (; j + 3 < n; j += 4) {
      a0 += P[row + j] * x[j];
      a1 += P[row + j + 1] * x[j + 1];
      a2 += P[row + j + 2] * x[j + 2];
      a3 += P[row + j + 3] * x[j + 3];
    }
    for (; j < n; j++) a0 += P[row + j] * x[j];
    y[i] = a0 + a1 + (a2 + a3);
  }
}

/** out[base..] ← softmax(z); z ← z − logsumexp z. */
function norm(z: Float64Array, out: Float64Array, base: number, n: number): void {
  let m = -Infinity;
  for (let i = 0; i < n; i++) if (z[i] > m) m = z[i];
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

type Loop = (steps: number, out: Float64Array) => void;

/** The hand-written loops, constant η = ETA, τ = TAU (ητ = 0.1). */
function baselines(
  P: Float64Array,
  n: number,
  logMu: Float64Array,
  pi0: Float64Array,
  reward: Float64Array,
): Partial<Record<AlgorithmId, Loop>> {
  const v = () => new Float64Array(n);
  const lp = v(),
    z = v(),
    x = v(),
    w = v(),
    prev = v(),
    k = v(),
    acc = v(),
    mag = v();
  const a = ETA * TAU;
  const b = 1 - a;
  const start = (out: Float64Array) => {
    out.set(pi0);
    for (let i = 0; i < n; i++) lp[i] = Math.log(pi0[i]);
  };
  const row = (out: Float64Array, t: number) => {
    for (let i = 0; i < n; i++) x[i] = out[t * n + i];
  };
  return {
    'nash-md': (steps, out) => {
      start(out);
      for (let t = 0; t < steps; t++) {
        for (let i = 0; i < n; i++) z[i] = b * lp[i] + a * logMu[i];
        norm(z, x, 0, n);
        mv(P, x, w, n);
        for (let i = 0; i < n; i++) lp[i] = z[i] + ETA * w[i];
        norm(lp, out, (t + 1) * n, n);
      }
    },
    omd: (steps, out) => {
      start(out);
      for (let t = 0; t < steps; t++) {
        row(out, t);
        mv(P, x, w, n);
        for (let i = 0; i < n; i++) lp[i] = b * lp[i] + a * logMu[i] + ETA * w[i];
        norm(lp, out, (t + 1) * n, n);
      }
    },
    rlhf: (steps, out) => {
      start(out);
      for (let t = 0; t < steps; t++) {
        for (let i = 0; i < n; i++) lp[i] = b * lp[i] + a * logMu[i] + ETA * reward[i];
        norm(lp, out, (t + 1) * n, n);
      }
    },
    mwu: (steps, out) => {
      start(out);
      for (let t = 0; t < steps; t++) {
        row(out, t);
        mv(P, x, w, n);
        for (let i = 0; i < n; i++) lp[i] += ETA * w[i];
        norm(lp, out, (t + 1) * n, n);
      }
    },
    omwu: (steps, out) => {
      start(out);
      for (let t = 0; t < steps; t++) {
        row(out, t);
        mv(P, x, w, n);
        if (t === 0) prev.set(w);
        for (let i = 0; i < n; i++) {
          lp[i] += ETA * (2 * w[i] - prev[i]);
          prev[i] = w[i];
        }
        norm(lp, out, (t + 1) * n, n);
      }
    },
    mmd: (steps, out) => {
      start(out);
      const inv = 1 / (1 + a);
      for (let t = 0; t < steps; t++) {
        row(out, t);
        mv(P, x, w, n);
        for (let i = 0; i < n; i++) lp[i] = (lp[i] + a * logMu[i] + ETA * w[i]) * inv;
        norm(lp, out, (t + 1) * n, n);
      }
    },
    mpo: (steps, out) => {
      start(out);
      mag.set(logMu);
      const inv = 1 / (1 + a);
      for (let t = 0; t < steps; t++) {
        row(out, t);
        mv(P, x, w, n);
        for (let i = 0; i < n; i++) lp[i] = (lp[i] + a * mag[i] + ETA * w[i]) * inv;
        norm(lp, out, (t + 1) * n, n);
        if ((t + 1) % REFRESH === 0) mag.set(lp);
      }
    },
    extragradient: (steps, out) => {
      start(out);
      for (let t = 0; t < steps; t++) {
        row(out, t);
        mv(P, x, w, n);
        for (let i = 0; i < n; i++) z[i] = b * lp[i] + a * logMu[i] + ETA * w[i];
        norm(z, x, 0, n);
        mv(P, x, w, n);
        for (let i = 0; i < n; i++) lp[i] = b * lp[i] + a * logMu[i] + ETA * w[i];
        norm(lp, out, (t + 1) * n, n);
      }
    },
    'nash-mp': (steps, out) => {
      start(out);
      const inv = 1 / (1 + a);
      for (let t = 0; t < steps; t++) {
        row(out, t);
        mv(P, x, w, n);
        for (let i = 0; i < n; i++) z[i] = (lp[i] + a * logMu[i] + ETA * w[i]) * inv;
        norm(z, x, 0, n);
        mv(P, x, w, n);
        for (let i = 0; i < n; i++) lp[i] = (lp[i] + a * logMu[i] + ETA * w[i]) * inv;
        norm(lp, out, (t + 1) * n, n);
      }
    },
    'fictitious-play': (steps, out) => {
      start(out);
      for (let t = 0; t < steps; t++) {
        row(out, t);
        mv(P, x, w, n);
        for (let i = 0; i < n; i++) z[i] = logMu[i] + w[i] / TAU;
        norm(z, k, 0, n);
        const c = 1 / (t + 2);
        for (let i = 0; i < n; i++) out[(t + 1) * n + i] = x[i] + (k[i] - x[i]) * c;
      }
    },
    replicator: (steps, out) => {
      start(out);
      const h = ETA;
      const f = () => {
        norm(z, x, 0, n);
        mv(P, x, w, n);
        for (let i = 0; i < n; i++) k[i] = w[i] - TAU * (z[i] - logMu[i]);
      };
      for (let t = 0; t < steps; t++) {
        z.set(lp);
        f();
        for (let i = 0; i < n; i++) {
          acc[i] = k[i];
          z[i] = lp[i] + 0.5 * h * k[i];
        }
        f();
        for (let i = 0; i < n; i++) {
          acc[i] += 2 * k[i];
          z[i] = lp[i] + 0.5 * h * k[i];
        }
        f();
        for (let i = 0; i < n; i++) {
          acc[i] += 2 * k[i];
          z[i] = lp[i] + h * k[i];
        }
        f();
        for (let i = 0; i < n; i++) lp[i] += (h / 6) * (acc[i] + k[i]);
        norm(lp, out, (t + 1) * n, n);
      }
    },
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((p, q) => p - q);
  return s[Math.floor(s.length / 2)];
}

/** Median steps/s of each runner, measured in turn so drifts in machine load hit all alike. */
function measureAll(runners: (() => void)[], steps: number): number[] {
  for (const f of runners) f();
  const results: number[][] = runners.map(() => []);
  for (let r = 0; r < REPEATS; r++) {
    runners.forEach((f, i) => {
      const t0 = performance.now();
      f();
      results[i].push(steps / ((performance.now() - t0) / 1000));
    });
  }
  return results.map(median);
}

const fmt = (x: number) =>
  x >= 1e6 ? `${(x / 1e6).toFixed(2)} M` : x >= 1e3 ? `${(x / 1e3).toFixed(1)} k` : x.toFixed(0);

console.log(
  `Algorithm throughput, ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} cores)`,
);
console.log(
  `Constant η = ${ETA}, τ = ${TAU}, MPO's K = ${REFRESH}, a uniform random P; median of ${REPEATS} alternating runs after a warm-up.\n`,
);
console.log(
  '| algorithm | n | steps per run | library steps/s | library, JS fallback | hand-written loop steps/s | loop / library | loop / JS fallback |',
);
console.log('|:---|---:|---:|---:|---:|---:|---:|---:|');
let worst = 0;
for (const n of [3, 100]) {
  const Pm = randomGame(n, 42 + n);
  const P = Float64Array.from(Pm.flat());
  const mu = new Array<number>(n).fill(1 / n);
  const pi0 = Array.from({ length: n }, (_, i) => (i + 1) / ((n * (n + 1)) / 2));
  const logMu = Float64Array.from(mu, Math.log);
  const reward = fitBradleyTerry(Pm);
  const loops = baselines(P, n, logMu, Float64Array.from(pi0), reward);
  for (const def of ALGORITHM_DEFINITIONS) {
    const spec = {
      algorithm: def.id,
      preferences: Pm,
      reference: mu,
      initial: pi0,
      tau: TAU,
      eta: ETA,
      steps: 0,
      refresh: REFRESH,
    };
    if (def.id === 'comal') {
      const steps = n === 3 ? 2000 : 40;
      const times: number[] = [];
      for (let r = 0; r < 3; r++) {
        const t0 = performance.now();
        createRunner(spec).advance(steps);
        times.push((performance.now() - t0) / steps);
      }
      console.log(
        `| ${def.displayName} | ${n} | ${steps.toLocaleString('en')} | ${fmt(1000 / median(times))} (${median(times).toFixed(3)} ms per step) | — | — | — | — |`,
      );
      continue;
    }
    const products = typeof def.stepCost === 'number' ? def.stepCost : 1;
    const steps = Math.max(200, Math.round((TARGET_SECONDS * 2.5e8) / (Math.max(products, 0.3) * n * n + 60 * n)));
    const out = new Float64Array((steps + 1) * n);
    const loop = loops[def.id]!;
    const reward0 = def.rewardModel ? reward : undefined;
    const run = () => void createRunner(spec, reward0).advance(steps);
    // Below n = 8 the library's products are the JavaScript loop anyway (matVecOperator.ts).
    const js = n >= 8 ? () => (useJavaScriptMatVec(true), run(), useJavaScriptMatVec(false)) : null;
    const [lib, base, libJs] = measureAll(
      js ? [run, () => loop(steps, out), js] : [run, () => loop(steps, out)],
      steps,
    );
    worst = Math.max(worst, base / lib, libJs ? base / libJs : 0);
    const jsCells = libJs ? `${fmt(libJs)} | ` : '(same) | ';
    const jsRatio = libJs ? `${(base / libJs).toFixed(2)}×` : '(same)';
    console.log(
      `| ${def.displayName} | ${n} | ${steps.toLocaleString('en')} | ${fmt(lib)} | ${jsCells}${fmt(base)} | ${(base / lib).toFixed(2)}× | ${jsRatio} |`,
    );
  }
}
console.log(
  `\nWorst ratio ${worst.toFixed(2)}× (issue 14's target ≤ 1.5×; below 1 the library is faster than the loop).`,
);
