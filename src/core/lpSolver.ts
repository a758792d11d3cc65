/**
 * The linear-programming backend: HiGHS (University of Edinburgh), compiled to WebAssembly by the
 * `highs` npm package. It is loaded once: whatever solves awaits `highsReady` first (the worker and
 * the main-thread engine before the simulation service, the library's index.ts, the tests' setup),
 * and every solve afterwards is a plain synchronous call. Not a top-level await: one anywhere in
 * the app's module graph turns off the bundler's merging of shared chunks, and the first render
 * then loads thirty small chunks instead of a few (docs/benchmarks.md has the bytes).
 * The loader finds highs.wasm next to its own module in Node, and through Vite's
 * `new URL('highs.wasm', import.meta.url)` asset handling in the browser build.
 */
import highsLoader from 'highs';

type Highs = Awaited<ReturnType<typeof highsLoader>>;
let loadedHighs: Highs | null = null;

/** Resolves once HiGHS (its WebAssembly) is loaded; a solve before that throws. */
export const highsReady: Promise<void> = highsLoader().then((h) => {
  loadedHighs = h;
});

function loaded(): Highs {
  if (!loadedHighs) throw new Error('HiGHS is not loaded yet: await highsReady (lpSolver.ts) before solving');
  return loadedHighs;
}

export interface LpSolution {
  /** HiGHS reached a proven optimum. */
  optimal: boolean;
  /** Primal values of the n columns. */
  x: Float64Array;
  /** Columns in the final simplex basis. */
  basicCols: Uint8Array;
  /** Rows whose slack is basic (constraint not necessarily tight). */
  basicRows: Uint8Array;
}

/**
 * Solves further linear objectives over the optimal face of the LP just solved: `cost` is
 * maximised (or minimised) over { x ≥ 0 : M x ≤ 1, Σx ≥ (1 − 1e-12)·v* } (v* the optimal Σx),
 * warm-started from the previous basis. Returns the optimal x, or null when HiGHS did not prove
 * optimality (within the simplex iterations given to maximiseSumUnderOnes, or at all).
 */
export type FaceSolve = (cost: Float64Array, maximise: boolean) => Float64Array | null;

/**
 * Solves  maximise Σ_j x_j  subject to  M x ≤ 1,  x ≥ 0  for a dense row-major n×n matrix M with
 * non-negative entries and a positive diagonal (so the optimum is finite and x = 0 is feasible).
 * `explore`, when given, runs after that solve on the same (warm) model and may call FaceSolve
 * any number of times, each solve limited to `faceIterations` simplex iterations (a count, not a
 * time, so that the answer is the same on a busy machine); its answer is returned as `face`.
 */
export function maximiseSumUnderOnes(M: Float64Array, n: number): LpSolution;
export function maximiseSumUnderOnes<T>(
  M: Float64Array,
  n: number,
  explore: (solve: FaceSolve) => T,
  faceIterations: number,
): LpSolution & { face: T };
export function maximiseSumUnderOnes<T>(
  M: Float64Array,
  n: number,
  explore?: (solve: FaceSolve) => T,
  faceIterations = 2147483647,
): LpSolution & { face?: T } {
  const highs = loaded();
  const starts = new Int32Array(n + 1);
  let nnz = 0;
  for (let k = 0; k < n * n; k++) if (M[k] !== 0) nnz++;
  const indices = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  let k = 0;
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      const v = M[i * n + j];
      if (v !== 0) {
        indices[k] = i;
        values[k] = v;
        k++;
      }
    }
    starts[j + 1] = k;
  }
  const model = {
    numCols: n,
    numRows: n,
    sense: highs.constants.objectiveSense.maximize,
    colCost: new Float64Array(n).fill(1),
    colLower: new Float64Array(n),
    colUpper: new Float64Array(n).fill(highs.infinity),
    rowLower: new Float64Array(n).fill(-highs.infinity),
    rowUpper: new Float64Array(n).fill(1),
    matrix: { format: 'csc' as const, numRows: n, numCols: n, starts, indices, values },
  };
  return highs.withModel(model, (m) => {
    m.options.set({ primal_feasibility_tolerance: 1e-10, dual_feasibility_tolerance: 1e-10, presolve: 'off' });
    m.run();
    const optimal = m.getModelStatus() === highs.constants.modelStatus.optimal;
    const x = Float64Array.from(m.getSolution().colValue);
    const basis = m.getBasis();
    const basic = highs.constants.basisStatus.basic;
    const solution: LpSolution & { face?: T } = {
      optimal,
      x,
      basicCols: Uint8Array.from(basis.colStatus, (s) => (s === basic ? 1 : 0)),
      basicRows: Uint8Array.from(basis.rowStatus, (s) => (s === basic ? 1 : 0)),
    };
    if (!explore || !optimal) return solution;
    // The optimal face: one more row Σx ≥ (1 − 1e-12)·v*. With HiGHS's feasibility tolerance
    // (1e-10) the face is thickened by ~1e-10 in Σx: a point of it can sit up to ~1e-10/|d| away
    // from the true face along an edge d with a small reduced cost |d| (callers' tolerances
    // account for it).
    const best = m.getObjectiveValue();
    const all = Int32Array.from({ length: n }, (_, j) => j);
    m.addRow(best * (1 - 1e-12), highs.infinity, { indices: all, values: new Float64Array(n).fill(1) });
    m.options.set({ simplex_iteration_limit: faceIterations });
    const solve: FaceSolve = (cost, maximise) => {
      try {
        m.changeColsCost({ kind: 'range', from: 0, to: n - 1 }, cost);
        m.changeObjectiveSense(
          maximise ? highs.constants.objectiveSense.maximize : highs.constants.objectiveSense.minimize,
        );
        m.run();
        if (m.getModelStatus() !== highs.constants.modelStatus.optimal) return null;
        return Float64Array.from(m.getSolution().colValue);
      } catch {
        // HiGHS gives up on some degenerate inputs (entries like 1e-300): no answer, the
        // Nash found above stands.
        return null;
      }
    };
    solution.face = explore(solve);
    return solution;
  });
}

/**
 * A warm HiGHS model of the set of Nash equilibria of P in the policy itself (no rescaling):
 *   E_ε = { π ∈ ℝⁿ : π ≥ 0,  Σ_y π_y = 1,  ((M − ½)π)_y ≤ ε for every y }
 * (M = P, row-major n×n; ε ≥ 0 the slack, see nashSet.ts). Written with A = P − ½, which is the
 * same set on Σπ = 1 but keeps the LP sparse: every tie (and every pair never compared, entered
 * as ½) is a zero of A, where P has a dense ½ (on sparse leaderboard data this is most cells). `solve(cost, maximise)` optimises
 * cost·π over it, each call warm-started from the previous call's basis, limited to
 * `iterations` simplex iterations; it returns the optimal π, or null when HiGHS did not prove
 * optimality. The model holds WebAssembly memory until `dispose()` (a generator that owns it
 * disposes it in its `finally`, also when it is abandoned).
 */
export interface NashSetModel {
  solve(cost: Float64Array, maximise: boolean): Float64Array | null;
  dispose(): void;
}

export function createNashSetModel(M: Float64Array, n: number, slack: number, iterations: number): NashSetModel {
  const highs = loaded();
  // Column-major (CSC) copy of the rows (M − ½)π ≤ ε, then the row Σπ = 1.
  let nnz = 0;
  for (let k = 0; k < n * n; k++) if (M[k] !== 0.5) nnz++;
  const starts = new Int32Array(n + 1);
  const indices = new Int32Array(nnz + n);
  const values = new Float64Array(nnz + n);
  let k = 0;
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      const v = M[i * n + j] - 0.5;
      if (v !== 0) {
        indices[k] = i;
        values[k] = v;
        k++;
      }
    }
    indices[k] = n;
    values[k] = 1;
    k++;
    starts[j + 1] = k;
  }
  const rowUpper = new Float64Array(n + 1).fill(slack);
  rowUpper[n] = 1;
  const rowLower = new Float64Array(n + 1).fill(-highs.infinity);
  rowLower[n] = 1;
  const model = highs.createModel({
    numCols: n,
    numRows: n + 1,
    sense: highs.constants.objectiveSense.maximize,
    colCost: new Float64Array(n),
    colLower: new Float64Array(n),
    colUpper: new Float64Array(n).fill(1),
    rowLower,
    rowUpper,
    matrix: { format: 'csc' as const, numRows: n + 1, numCols: n, starts, indices, values },
  });
  model.options.set({
    primal_feasibility_tolerance: 1e-10,
    dual_feasibility_tolerance: 1e-10,
    presolve: 'off',
    simplex_iteration_limit: iterations,
  });
  return {
    solve(cost, maximise) {
      const run = () => {
        try {
          model.run();
          return model.getModelStatus() === highs.constants.modelStatus.optimal;
        } catch {
          return false; // HiGHS gave up (status −1, seen on degenerate warm starts)
        }
      };
      try {
        model.changeColsCost({ kind: 'range', from: 0, to: n - 1 }, cost);
        model.changeObjectiveSense(
          maximise ? highs.constants.objectiveSense.maximize : highs.constants.objectiveSense.minimize,
        );
      } catch {
        return null;
      }
      // A failed warm start is retried once from the logical basis (the previous basis can be
      // numerically poor after many degenerate pivots); if that fails too, the answer is null.
      if (!run()) {
        try {
          model.setLogicalBasis();
        } catch {
          return null;
        }
        if (!run()) return null;
      }
      return Float64Array.from(model.getSolution().colValue);
    },
    dispose() {
      if (!model.disposed) model.dispose();
    },
  };
}
