/**
 * Pure geometry of the ternary (simplex) plot: no DOM, so it is unit-tested in Node.
 *
 * Screen frame (SVG, y grows downwards) for a triangle of side `side`:
 *   corner 0 = bottom-left (0, h), corner 1 = bottom-right (side, h), corner 2 = apex (side/2, 0),
 * with h = side·√3/2. A point with barycentric weights w sits at Σ_k w_k · corner_k.
 */
import type { Corners } from './types.ts';

export const SQRT3_2 = Math.sqrt(3) / 2;

/** Smallest weight `xyToBary` returns, so a dragged μ or π0 stays strictly positive. */
export const MIN_WEIGHT = 1e-4;

export type Bary = [number, number, number];

/**
 * Barycentric weights of policy `pi`: w_k = Σ_{i ∈ corners[k]} π_i, renormalised by their sum.
 * Responses in no corner are ignored; if the corners carry no mass the point is the centroid.
 * `offset` reads row-major buffers in place (π_t starts at t·n) without allocating a subarray.
 */
export function toBarycentric(pi: ArrayLike<number>, corners: Corners, offset = 0): Bary {
  const w: Bary = [0, 0, 0];
  for (let k = 0; k < 3; k++) {
    for (const i of corners[k]) {
      const v = pi[offset + i];
      // Ignore NaN / negative garbage rather than letting it poison the whole path.
      if (v > 0) w[k] += v;
    }
  }
  const sum = w[0] + w[1] + w[2];
  if (!(sum > 0) || !Number.isFinite(sum)) return [1 / 3, 1 / 3, 1 / 3];
  return [w[0] / sum, w[1] / sum, w[2] / sum];
}

/** Screen position of barycentric weights `w` (assumed to sum to 1). */
export function baryToXY(w: ArrayLike<number>, side: number): [number, number] {
  return [side * (w[1] + w[2] / 2), side * SQRT3_2 * (1 - w[2])];
}

/**
 * Barycentric weights of screen point (x, y), moved to the nearest point of the triangle (the map
 * bary → xy is a similarity for an equilateral triangle, so the Euclidean projection onto the
 * simplex in weight space is also the nearest point on screen), then shrunk slightly towards the
 * centroid so every entry is ≥ MIN_WEIGHT and they still sum to 1.
 */
export function xyToBary(x: number, y: number, side: number): Bary {
  if (!(side > 0)) return [1 / 3, 1 / 3, 1 / 3];
  const w2 = 1 - y / (side * SQRT3_2);
  const w1 = x / side - w2 / 2;
  const p = projectToSimplex([1 - w1 - w2, w1, w2]);
  const scale = 1 - 3 * MIN_WEIGHT;
  return [MIN_WEIGHT + scale * p[0], MIN_WEIGHT + scale * p[1], MIN_WEIGHT + scale * p[2]];
}

/** Euclidean projection of v onto {w ≥ 0, Σ w = 1} (sort-based, Held et al. / Duchi et al.). */
export function projectToSimplex(v: Bary): Bary {
  if (!v.every(Number.isFinite)) return [1 / 3, 1 / 3, 1 / 3];
  const u = [...v].sort((a, b) => b - a);
  let cumulative = 0;
  let theta = 0;
  for (let j = 0; j < u.length; j++) {
    cumulative += u[j];
    const candidate = (cumulative - 1) / (j + 1);
    if (u[j] - candidate > 0) theta = candidate;
  }
  return [Math.max(v[0] - theta, 0), Math.max(v[1] - theta, 0), Math.max(v[2] - theta, 0)];
}

/**
 * A policy over n responses from corner weights, for dragging: each corner's weight is shared
 * equally by the responses of its group (exactly "corners[k][0] gets w_k" when every group is a
 * single response, the only case in which dragging is enabled). Responses in no corner get 0.
 */
export function baryToPolicy(w: ArrayLike<number>, corners: Corners, n: number): number[] {
  const policy = new Array<number>(n).fill(0);
  for (let k = 0; k < 3; k++) {
    const group = corners[k];
    for (const i of group) if (i >= 0 && i < n) policy[i] = w[k] / group.length;
  }
  return policy;
}

/**
 * At most `maxPoints` increasing row indices out of 0..length−1, always the first and the last.
 * The stride is a power of two, so while a run grows the kept rows stay the same rows (the drawn
 * path does not shimmer from frame to frame); it only halves its density when length doubles.
 * With maxPoints < 2 only the last row is kept (the current point matters most).
 */
export function thinIndices(length: number, maxPoints: number): number[] {
  const len = Math.max(0, Math.floor(length));
  if (len === 0 || maxPoints < 1) return [];
  if (maxPoints < 2) return [len - 1];
  if (len <= maxPoints) return Array.from({ length: len }, (_, i) => i);
  let stride = 1;
  while (stride * (maxPoints - 1) < len - 1) stride *= 2;
  // Multiples of the stride strictly below the last row (< maxPoints − 1 of them), then the last.
  const out: number[] = [];
  for (let i = 0; i < len - 1; i += stride) out.push(i);
  out.push(len - 1);
  return out;
}
