/**
 * Every Nash equilibrium of P (src/core/nashSet.ts), in Node: the LP Nash, then the weight ranges
 * over the set of equilibria (nashWeightRanges: the number of LPs solved and the time), then the
 * τ → 0 limit of π*_τ (tauLimitNash), for a dense random game (unique Nash) and sparse,
 * leaderboard-like data (about 10 observed opponents per response, the rest ½: many equilibria).
 * One run each (the n = 500 sparse case takes tens of seconds). Prints Markdown rows for
 * docs/benchmarks.md.   Run: npx tsx bench/nashSet.bench.ts [--quick]
 */
import { nashEquilibrium } from '../src/core/nashEquilibrium.ts';
import { nashWeightRangesSync, tauLimitNash } from '../src/core/nashSet.ts';
import { highsReady } from '../src/core/lpSolver.ts';
import { lcg, randomGame } from '../src/core/__tests__/seededGame.ts';

// Nash equilibria solve LPs with HiGHS, loaded asynchronously.
await highsReady;

/** About `opponents` observed pairs per response, win rates of 10 battles; the rest ½. */
function sparseGame(n: number, seed: number, opponents = 10): number[][] {
  const rand = lcg(seed);
  const P = Array.from({ length: n }, () => new Array<number>(n).fill(0.5));
  const fill = Math.min(1, opponents / (n - 1));
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++)
      if (rand() < fill) {
        P[i][j] = Math.round(rand() * 10) / 10;
        P[j][i] = 1 - P[i][j];
      }
  return P;
}

const quick = process.argv.includes('--quick');
const sizes = quick ? [59, 100] : [59, 100, 200, 500];
const ms = (t: number) => `${Math.round(t).toLocaleString('en')} ms`;

console.log(`Nash set, ${new Date().toISOString().slice(0, 10)}\n`);
console.log('| n | P | LP Nash | ranges (LPs) | unique | carry weight in some | τ → 0 limit (stopped at τ) |');
console.log('|---:|---|---:|---:|---|---:|---:|');
for (const n of sizes) {
  for (const kind of ['dense random', 'sparse, ~10 opponents each'] as const) {
    const P = kind === 'dense random' ? randomGame(n, 3) : sparseGame(n, 7);
    const p = Float64Array.from(P.flat());
    let t = performance.now();
    const nash = nashEquilibrium(P);
    const tNash = performance.now() - t;
    t = performance.now();
    const r = nashWeightRangesSync(p, n, nash);
    const tRanges = performance.now() - t;
    t = performance.now();
    const limit = tauLimitNash(p, n, new Float64Array(n).fill(1 / n));
    const tLimit = performance.now() - t;
    console.log(
      `| ${n} | ${kind} | ${ms(tNash)} | ${ms(tRanges)} (${r.lps}) | ${r.unique ? 'yes' : 'no'} | ${r.inSome} | ${ms(tLimit)} (${limit.tau.toExponential(0)}) |`,
    );
  }
}
