/**
 * Thinning of drawn polylines to what the screen can show. Pure, no DOM.
 *
 * `PathThinner` is a streaming simplification of a polyline in screen coordinates: points are
 * pushed one at a time, and it keeps a vertex only when the segment from the previous vertex can
 * no longer pass within `tolerance` px of every point in between. Guarantee (checked exactly in
 * the tests): every pushed point lies within `tolerance` of the thinned polyline (one-way distance
 * from the full path to the thinned one), the first point is kept, and the last one too once
 * `commit()` is called. Each step is O(1), so a live run costs only its appended points.
 *
 * How a vertex is decided (a "cone" test, exact for segment distance): from the anchor A (the
 * last vertex) every intermediate point Q farther than tol from A allows only the directions
 * within asin(tol/|AQ|) of AQ; a candidate end P is valid when its direction lies in the
 * intersection of these cones and |AP| ≥ max |AQ| (so each Q's foot on AP falls inside the
 * segment). Points within tol of A constrain nothing. When a new point is not a valid end, the
 * previous point becomes a vertex. Between two vertices the path leaves the tol-disc around the
 * first, so the count is at most (path length)/tol + 2: never more than the screen can show.
 *
 * For charts against t the counterpart is `ColumnEnvelope` (columnEnvelope.ts).
 */

/** Default tolerance in CSS px: half a pixel, well below what a 1 px tolerance would allow. */
export const DEFAULT_TOLERANCE = 0.5;

/** Growable Int32 list of row indices. */
export class IndexList {
  data = new Int32Array(64);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  clear(): void {
    this.length = 0;
  }
  at(i: number): number {
    return this.data[i];
  }
  last(): number {
    return this.data[this.length - 1];
  }
  toArray(): number[] {
    return Array.from(this.data.subarray(0, this.length));
  }
}

/** Wraps an angle to (−π, π]. */
function wrap(a: number): number {
  if (a > Math.PI) return a - 2 * Math.PI;
  if (a <= -Math.PI) return a + 2 * Math.PI;
  return a;
}

export class PathThinner {
  /** Indices (as pushed) of the kept vertices, in order. */
  readonly vertices = new IndexList();
  private readonly tol: number;
  // Anchor (the last vertex).
  private ax = 0;
  private ay = 0;
  // The last pushed point, always a valid end for a segment from the anchor.
  private lx = 0;
  private ly = 0;
  private li = -1;
  /** Whether the last pushed point is the anchor itself (nothing pending). */
  private pendingFar = false;
  private pendingAny = false;
  // Cone of admissible directions, as angles relative to `ref`; `far` = some point left the tol-disc.
  private far = false;
  private ref = 0;
  private lo = 0;
  private hi = 0;
  private empty = false;
  private dMax = 0;

  constructor(tolerance = DEFAULT_TOLERANCE) {
    // A hair inside the tolerance, so rounding in the tests' exact distances never exceeds it.
    this.tol = Math.max(0, tolerance) * (1 - 1e-9);
  }

  /** Number of points pushed so far. */
  get count(): number {
    return this.li + 1;
  }

  reset(): void {
    this.vertices.clear();
    this.li = -1;
    this.pendingAny = false;
    this.pendingFar = false;
    this.resetCone();
  }

  private resetCone(): void {
    this.far = false;
    this.empty = false;
    this.dMax = 0;
  }

  private anchorAt(x: number, y: number, i: number): void {
    this.vertices.push(i);
    this.ax = x;
    this.ay = y;
    this.pendingAny = false;
    this.pendingFar = false;
    this.resetCone();
  }

  /** Adds point `i` (indices must be pushed in increasing order; non-finite points are skipped). */
  push(x: number, y: number, i: number): void {
    if (!Number.isFinite(x) || !Number.isFinite(y)) return;
    if (this.vertices.length === 0) {
      this.lx = x;
      this.ly = y;
      this.li = i;
      this.anchorAt(x, y, i);
      return;
    }
    if (!this.validEnd(x, y)) {
      // The previous point (a valid end) becomes a vertex; the new point starts the next span.
      this.anchorAt(this.lx, this.ly, this.li);
    }
    this.addIntermediate(x, y);
    this.lx = x;
    this.ly = y;
    this.li = i;
    this.pendingAny = true;
  }

  private validEnd(x: number, y: number): boolean {
    if (!this.far) return true;
    if (this.empty) return false;
    const dx = x - this.ax;
    const dy = y - this.ay;
    if (Math.hypot(dx, dy) < this.dMax) return false;
    const rel = wrap(Math.atan2(dy, dx) - this.ref);
    return rel >= this.lo && rel <= this.hi;
  }

  /** Narrows the cone by point (x, y) as an intermediate point of the span from the anchor. */
  private addIntermediate(x: number, y: number): void {
    const dx = x - this.ax;
    const dy = y - this.ay;
    const d = Math.hypot(dx, dy);
    if (d <= this.tol) return;
    this.pendingFar = true;
    const half = Math.asin(this.tol / d);
    if (d > this.dMax) this.dMax = d;
    const phi = Math.atan2(dy, dx);
    if (!this.far) {
      this.far = true;
      this.ref = phi;
      this.lo = -half;
      this.hi = half;
      return;
    }
    if (this.empty) return;
    // The cone lies within (−π/2, π/2) of ref, so wrapping rel to (−π, π] cannot miss an overlap.
    const rel = wrap(phi - this.ref);
    this.lo = Math.max(this.lo, rel - half);
    this.hi = Math.min(this.hi, rel + half);
    if (this.lo > this.hi) this.empty = true;
  }

  /**
   * Makes the last pushed point a vertex (the end of the thinned path so far). With `soft`, it is
   * skipped while every point since the last vertex is within tol of it (a converged run then
   * adds no vertex per frame; the drawn end is within tol of the true end).
   */
  commit(soft = false): void {
    if (!this.pendingAny) return;
    if (soft && !this.pendingFar) return;
    this.anchorAt(this.lx, this.ly, this.li);
  }
}

/**
 * Indices of a thinned polyline through points (xs[i], ys[i]), i < count: first and last kept,
 * every point within `tolerance` px of the result. Non-finite points are skipped.
 */
export function thinPath(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  tolerance = DEFAULT_TOLERANCE,
  count = Math.min(xs.length, ys.length),
): number[] {
  const thinner = new PathThinner(tolerance);
  for (let i = 0; i < count; i++) thinner.push(xs[i], ys[i], i);
  thinner.commit();
  return thinner.vertices.toArray();
}

/** `thinPath` for interleaved coordinates [x0, y0, x1, y1, …]. */
export function thinInterleaved(xy: ArrayLike<number>, tolerance = DEFAULT_TOLERANCE): number[] {
  const thinner = new PathThinner(tolerance);
  const count = Math.floor(xy.length / 2);
  for (let i = 0; i < count; i++) thinner.push(xy[2 * i], xy[2 * i + 1], i);
  thinner.commit();
  return thinner.vertices.toArray();
}

/** Distance from point p to segment [a, b]. */
export function pointSegmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const vx = bx - ax;
  const vy = by - ay;
  const len2 = vx * vx + vy * vy;
  let u = len2 > 0 ? ((px - ax) * vx + (py - ay) * vy) / len2 : 0;
  u = Math.max(0, Math.min(1, u));
  return Math.hypot(px - (ax + u * vx), py - (ay + u * vy));
}

/**
 * The largest distance from a point of the full path to the thinned polyline given by `kept`
 * (for point i between kept[j] and kept[j+1], its distance to that segment, which bounds the
 * distance to the polyline). Used by tests and as a debugging aid.
 */
export function maxDeviation(xs: ArrayLike<number>, ys: ArrayLike<number>, kept: readonly number[]): number {
  let worst = 0;
  for (let j = 0; j + 1 < kept.length; j++) {
    const a = kept[j];
    const b = kept[j + 1];
    for (let i = a + 1; i < b; i++) {
      if (!Number.isFinite(xs[i]) || !Number.isFinite(ys[i])) continue;
      worst = Math.max(worst, pointSegmentDistance(xs[i], ys[i], xs[a], ys[a], xs[b], ys[b]));
    }
  }
  return worst;
}
