/**
 * Every Nash equilibrium of P, honestly: the range of each response's weight over the set of
 * Nash equilibria, with an equilibrium attaining each end, and one equilibrium singled out by a
 * rule that can be explained (the end of the τ-path of π*_τ). docs/math.md, "The set of Nash
 * equilibria and each weight's range" and "The τ → 0 limit of π*_τ".
 */
import { exploitabilityFlat } from './exploitability.ts';
import { createNashSetModel } from './lpSolver.ts';
import { logOf } from './logspace.ts';
import { Continuation } from './regularizedNash.ts';
import { createRng } from './rng.ts';

/**
 * The slack ε of the LPs: they optimise over E_ε = { π ∈ Δ : (Pπ)_y ≤ ½ + ε ∀y } instead of E
 * (ε = 0). Without it the floating-point Nash constraints of a tie (a cell of exactly ½ in the
 * data, entered as 0.5000000000000001 after a round trip) can cut E down to the drawn point.
 * A witness is therefore a Nash equilibrium up to exploitability ε (plus HiGHS's feasibility
 * tolerance, 1e-10).
 */
export const NASH_SET_SLACK = 1e-9;
/**
 * A response y with (Pπ)_y < ½ − OFF_SUPPORT_GAP at the drawn Nash π has weight 0 in every
 * equilibrium, so it needs no LP (see nashWeightRanges). Well above the slack: a witness in E_ε
 * can give such a y at most ε / OFF_SUPPORT_GAP = 0.01 of weight, and it is never asked to.
 */
export const OFF_SUPPORT_GAP = 1e-7;
/** A weight at most this is at the bound 0 (or 1, from above): its LP is not run. */
const AT_BOUND = 1e-12;
/** Responses whose largest weight over E exceeds this "carry weight in some equilibrium". */
export const WEIGHT_SHOWN = 1e-6;
/** A range wider than this (in every reading of it) makes the Nash not unique; see NASH_UNIQUE_TOL. */
export const RANGE_TOL = 1e-4;
/** Simplex iterations allowed per LP (a count, so the answer is the same on a busy machine). */
export function rangeIterations(n: number): number {
  return 2000 + 40 * n;
}

export interface NashRanges {
  /** E is one point (every range narrower than RANGE_TOL): low = high = the drawn Nash. */
  unique: boolean;
  /** min and max of π_y over the set of equilibria, per response; each attained by a witness. */
  low: Float64Array;
  high: Float64Array;
  /** How many responses carry weight (> WEIGHT_SHOWN) in some equilibrium. */
  inSome: number;
  /** Distinct equilibria found (witnesses[0] is the drawn Nash). */
  witnesses: Float64Array[];
  /** witnesses[lowWitness[y]][y] = low[y]; likewise for high. */
  lowWitness: Int32Array;
  highWitness: Int32Array;
  /** Every LP proved its optimum; false: some range may be narrower than the truth (never wider). */
  complete: boolean;
  /** LPs solved. */
  lps: number;
}

/**
 * The ranges of the weights over the set of Nash equilibria of the symmetric zero-sum game with
 * payoff A = P − ½ (value 0, since P + Pᵀ = 1):
 *   E = { π ∈ Δ : Σ_y π(y) P(y ≻ y') ≥ ½ for every y' } = { π ∈ Δ : (Pπ)_{y'} ≤ ½ ∀y' },
 * the optimal face of the LP of nashEquilibrium, a convex polytope; for each y,
 *   low_y = min_{π∈E_ε} π_y,   high_y = max_{π∈E_ε} π_y   (two LPs per response, ε: NASH_SET_SLACK).
 *
 * `nash` (a Nash equilibrium of P, the drawn one) saves most of the LPs:
 *  - interchangeability: for any two equilibria π, π', π'ᵀAπ = 0 and (Aπ)_y ≤ 0, so
 *    Σ_y π'_y (Aπ)_y = 0 forces π'_y = 0 wherever (Pπ)_y < ½. Responses with
 *    (Pπ)_y < ½ − OFF_SUPPORT_GAP get high_y = 0 without an LP;
 *  - every LP answer is a point of E_ε, and the ranges are kept as the extremes over all points
 *    found (the witnesses), so an LP whose bound is already attained (a weight at 0 or 1) is
 *    skipped, and every end of every range is attained by a returned witness;
 *  - first the direction test of nashEquilibriumSet: max and min of c·π for one seeded random c;
 *    if the two optimisers and `nash` agree within RANGE_TOL, E is a point (except for c
 *    orthogonal to E's affine hull, a probability-zero event) and no more LPs run.
 * One warm HiGHS model serves every LP (only the objective changes). A generator: it yields the
 * fraction done after each LP, so a worker can answer other messages between them and abandon
 * a stale request (the model is freed in `finally`).
 */
export function* nashWeightRanges(
  p: Float64Array,
  n: number,
  nash: Float64Array,
  slack = NASH_SET_SLACK,
): Generator<number, NashRanges, void> {
  const witnesses: Float64Array[] = [Float64Array.from(nash)];
  const low = Float64Array.from(nash);
  const high = Float64Array.from(nash);
  const lowWitness = new Int32Array(n);
  const highWitness = new Int32Array(n);
  let complete = true;
  let lps = 0;
  const model = createNashSetModel(p, n, slack, rangeIterations(n));
  const add = (pi: Float64Array | null) => {
    lps++;
    if (!pi) {
      complete = false;
      return;
    }
    let s = 0;
    for (let y = 0; y < n; y++) s += pi[y] = Math.max(0, pi[y]);
    for (let y = 0; y < n; y++) pi[y] /= s;
    const k = witnesses.push(pi) - 1;
    for (let y = 0; y < n; y++) {
      if (pi[y] < low[y]) {
        low[y] = pi[y];
        lowWitness[y] = k;
      }
      if (pi[y] > high[y]) {
        high[y] = pi[y];
        highWitness[y] = k;
      }
    }
  };
  const spread = () => {
    let w = 0;
    for (let y = 0; y < n; y++) w = Math.max(w, high[y] - low[y]);
    return w;
  };
  try {
    const rng = createRng(0x5eed);
    const c = Float64Array.from({ length: n }, () => 2 * rng() - 1);
    add(model.solve(c, true));
    yield 0;
    add(model.solve(c, false));
    if (complete && spread() <= RANGE_TOL) {
      return finish(true);
    }
    // Which responses can carry weight in some equilibrium (interchangeability, above).
    const win = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += p[i * n + j] * nash[j];
      win[i] = s;
    }
    const candidates: number[] = [];
    for (let y = 0; y < n; y++) if (win[y] >= 0.5 - OFF_SUPPORT_GAP) candidates.push(y);
    const cost = new Float64Array(n);
    const total = 2 * candidates.length;
    let done = 0;
    for (const y of candidates) {
      for (const maximise of [true, false]) {
        done++;
        if (maximise ? high[y] >= 1 - AT_BOUND : low[y] <= AT_BOUND) continue;
        cost.fill(0);
        cost[y] = 1;
        add(model.solve(cost, maximise));
        yield done / total;
      }
    }
    return finish(spread() <= RANGE_TOL);
  } finally {
    model.dispose();
  }

  function finish(unique: boolean): NashRanges {
    if (unique) {
      low.set(nash);
      high.set(nash);
      lowWitness.fill(0);
      highWitness.fill(0);
    }
    let inSome = 0;
    for (let y = 0; y < n; y++) if (high[y] > WEIGHT_SHOWN) inSome++;
    return { unique, low, high, inSome, witnesses, lowWitness, highWitness, complete, lps };
  }
}

/** Runs nashWeightRanges to the end (tests, benchmarks, the main-thread engine). */
export function nashWeightRangesSync(p: Float64Array, n: number, nash: Float64Array, slack?: number): NashRanges {
  const it = nashWeightRanges(p, n, nash, slack);
  for (;;) {
    const r = it.next();
    if (r.done) return r.value;
  }
}

/** Where the τ-path starts, and how fast τ falls along it: τ_k = TAU_START · TAU_RATIO^k. */
export const TAU_START = 0.1;
export const TAU_RATIO = 1 / Math.sqrt(10);
/** The path has stabilised when one level moves π by at most this (max norm) ... */
export const LIMIT_STEP = 1e-7;
/** ... and its exploitability e_0(π) = max_y (Pπ)_y − ½ is at most this. */
export const LIMIT_EXPLOIT = 1e-7;
/** The smallest τ tried; the last π*_τ is returned if the rule has not stopped before. */
export const TAU_FLOOR = 1e-10;

export interface TauLimit {
  /** π*_τ at the τ where the rule stopped. */
  policy: Float64Array;
  tau: number;
  /** max_y |π*_τ(y) − π*_{τ·√10}(y)| at that τ. */
  step: number;
  /** e_0 of `policy`: how far it is from being a Nash equilibrium of P. */
  exploitability: number;
  /** Whether both tests passed (false: stopped at TAU_FLOOR). */
  stable: boolean;
}

/**
 * The Nash equilibrium selected by τ → 0 of π*_τ (the end of the τ-path): π*_τ is unique for
 * every τ > 0 and converges, as τ → 0, to one Nash equilibrium of P — for this Tikhonov-type
 * (KL) regularisation of a monotone game, the one closest to μ in KL, argmin_{π∈E} KL(π‖μ)
 * (checked in the tests on a game whose E is a segment). It depends on μ and on nothing else
 * (not on the order of the responses or on the LP's pivots), which makes it a unique,
 * explainable choice.
 *
 * Rule: τ_k = TAU_START · 10^(−k/2), each π*_τk by the Newton continuation of regularizedNash
 * warm-started from the previous level; stop at the first k ≥ 1 with
 * max_y |π*_τk(y) − π*_τk−1(y)| ≤ LIMIT_STEP and e_0(π*_τk) ≤ LIMIT_EXPLOIT, or at τ ≤ TAU_FLOOR.
 * A generator like nashWeightRanges: it yields each τ solved (for progress and cancellation);
 * tauLimitNash runs it to the end.
 */
export function* tauLimitSteps(p: Float64Array, n: number, mu: Float64Array): Generator<number, TauLimit, void> {
  const walk = new Continuation(p, n, logOf(mu));
  const zeros = new Float64Array(n);
  const scratch = new Float64Array(n);
  let tau = TAU_START;
  walk.moveTo(tau);
  let prev = walk.solver.policy();
  for (;;) {
    const next = tau * TAU_RATIO;
    walk.moveTo(next);
    tau = next;
    yield tau;
    const pi = walk.solver.policy();
    let step = 0;
    for (let y = 0; y < n; y++) step = Math.max(step, Math.abs(pi[y] - prev[y]));
    const e0 = exploitabilityFlat(p, n, zeros, 0, pi, scratch);
    const stable = step <= LIMIT_STEP && e0 <= LIMIT_EXPLOIT;
    if (stable || tau <= TAU_FLOOR) return { policy: pi, tau, step, exploitability: e0, stable };
    prev = pi;
  }
}

/** tauLimitSteps run to the end. */
export function tauLimitNash(p: Float64Array, n: number, mu: Float64Array): TauLimit {
  const it = tauLimitSteps(p, n, mu);
  for (;;) {
    const r = it.next();
    if (r.done) return r.value;
  }
}

/** Progress of tauLimitSteps at level τ: the fraction of the way from TAU_START to TAU_FLOOR in log τ. */
export function tauLimitFraction(tau: number): number {
  return Math.min(1, Math.log(TAU_START / tau) / Math.log(TAU_START / TAU_FLOOR));
}
