/**
 * y = M x for a fixed square matrix M, the inner loop of every algorithm step (P π in Eqs. 3–5
 * and 7–8) and of the run metrics: n² multiply-adds per step against O(n) for the rest, so at
 * large n nearly all of a run's time.
 *
 * JavaScript has no SIMD, and its scalar loop (linalg.matVec, four accumulators) is several times
 * slower than the same loop in WebAssembly SIMD (two f64 lanes, wasm/matVec.wat; figures in
 * docs/benchmarks.md). So M is copied once into a WebAssembly memory and each product copies x in
 * and y out (2n doubles, negligible against n²).
 *
 * Results equal linalg.matVec's to rounding (the sums are associated differently). Where
 * WebAssembly SIMD is unavailable (an old engine, or a page whose Content-Security-Policy forbids
 * compiling WebAssembly) the JavaScript loop is used: same results, slower.
 */
import { matVec } from './linalg.ts';
import { matVecWasm } from './wasm/matVecModule.ts';

/** A product with one matrix: `apply(x, y)` writes M x into y (length n each). */
export interface MatVecOperator {
  readonly n: number;
  /** 'wasm' or 'js': which loop computes the products (for tests and benchmarks). */
  readonly engine: 'wasm' | 'js';
  apply(x: Float64Array, y: Float64Array): void;
}

/** Below this n the copies in and out cost as much as the product saves. */
export const WASM_MIN_N = 8;

interface MatVecExports {
  memory: WebAssembly.Memory;
  matVec(m: number, x: number, y: number, n: number): void;
}

let compiled: WebAssembly.Module | null | undefined;

/** The compiled module, or null where WebAssembly SIMD cannot run (compiled once, synchronously: 317 bytes). */
function wasmModule(): WebAssembly.Module | null {
  if (compiled !== undefined) return compiled;
  try {
    const bytes = Uint8Array.from(atob(matVecWasm), (c) => c.charCodeAt(0));
    compiled = typeof WebAssembly === 'object' && WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null;
  } catch {
    compiled = null; // CSP without 'wasm-unsafe-eval', or no WebAssembly at all
  }
  return compiled;
}

let forceJs = false;

/** Tests and benchmarks: compute every later operator's products with the JavaScript loop. */
export function useJavaScriptMatVec(on: boolean): void {
  forceJs = on;
  operators = new WeakMap(); // operators made before use the other loop
}

function jsOperator(M: Float64Array, n: number): MatVecOperator {
  return { n, engine: 'js', apply: (x, y) => matVec(M, x, y, n) };
}

function wasmOperator(module: WebAssembly.Module, M: Float64Array, n: number): MatVecOperator {
  const bytes = (n * n + 2 * n) * 8;
  const instance = new WebAssembly.Instance(module, {});
  const exports = instance.exports as unknown as MatVecExports;
  const missing = bytes - exports.memory.buffer.byteLength;
  if (missing > 0) exports.memory.grow(Math.ceil(missing / 65536));
  const memory = new Float64Array(exports.memory.buffer, 0, n * n + 2 * n);
  memory.set(M.subarray(0, n * n));
  const xIn = memory.subarray(n * n, n * n + n);
  const yOut = memory.subarray(n * n + n);
  const xOffset = n * n * 8;
  const yOffset = xOffset + n * 8;
  return {
    n,
    engine: 'wasm',
    apply(x, y) {
      xIn.set(x.length === n ? x : x.subarray(0, n));
      exports.matVec(0, xOffset, yOffset, n);
      y.set(yOut);
    },
  };
}

// One operator per matrix the core owns: the runners of several algorithms and their metrics
// share P's copy in WebAssembly memory.
let operators = new WeakMap<Float64Array, MatVecOperator>();

/**
 * The product with M (n×n, row-major), memoised per M. Only for matrices the core owns and never
 * writes to (the validated copies of P); a caller's array, which may change between calls, takes
 * createMatVecOperator.
 */
export function matVecOperator(M: Float64Array, n: number): MatVecOperator {
  const known = operators.get(M);
  if (known && known.n === n) return known;
  const op = createMatVecOperator(M, n);
  operators.set(M, op);
  return op;
}

/** A new, unshared product with M, for use while M stays as it is. */
export function createMatVecOperator(M: Float64Array, n: number): MatVecOperator {
  const module = forceJs || n < WASM_MIN_N ? null : wasmModule();
  let op: MatVecOperator | null = null;
  try {
    op = module ? wasmOperator(module, M, n) : null;
  } catch {
    op = null; // memory could not grow (a 4 GB address space is the limit, far above n = 500)
  }
  return op ?? jsOperator(M, n);
}
