/**
 * Per-iteration measurements of a run (the worker's), and win rates between policies (re-exported
 * from winProbability.ts, which the main thread imports on its own).
 */
import { exploitabilityFromWin } from './exploitability.ts';
import { createMatVecOperator, type MatVecOperator } from './matVecOperator.ts';

export { winProbability } from './winProbability.ts';

/**
 * For rows `from..to-1` of `policies` (row-major, n per row) writes
 *   kl[k] = KL(target ‖ π_k)          (target = π*_τ, or the Nash of P when τ = 0; finite even
 *                                     where π_k underflowed, see klFinite), and
 *   expl[k] = e_τ(π_k)                (exploitability, see exploitability()).
 * `p` is P flattened, `logMu` = log μ. Writes into `klOut` / `explOut` at the same row indices.
 * `product`: the core passes its shared product with its own copy of P (matVecOperator).
 */
export function trajectoryMetrics(
  p: Float64Array,
  n: number,
  logMu: Float64Array,
  tau: number,
  target: Float64Array,
  policies: Float64Array,
  from: number,
  to: number,
  klOut: Float64Array,
  explOut: Float64Array,
  product: MatVecOperator = createMatVecOperator(p, n),
): void {
  // The same arithmetic as klFinite(target, π_k) and exploitabilityFlat(…, π_k), fused so that
  // each row's n logarithms are taken once for both (and log target once for all rows): a run's
  // metrics cost as much as the run itself, and they are on the path from an edit to its redraw.
  const row = new Float64Array(n);
  const logRow = new Float64Array(n);
  const win = new Float64Array(n);
  const logTarget = Float64Array.from(target, (x) => (x > 0 ? Math.log(x) : 0));
  for (let k = from; k < to; k++) {
    let kl = 0;
    for (let i = 0; i < n; i++) {
      const x = policies[k * n + i];
      row[i] = x;
      logRow[i] = Math.log(Math.max(x, Number.MIN_VALUE));
      if (target[i] > 0) kl += target[i] * (logTarget[i] - logRow[i]);
    }
    klOut[k] = kl > 0 ? kl : 0;
    product.apply(row, win);
    explOut[k] = exploitabilityFromWin(win, n, logMu, tau, row, logRow);
  }
}
