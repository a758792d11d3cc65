/**
 * Thinning of lines in charts against t (x = t), the counterpart of `PathThinner` (thinPath.ts).
 * Pure, no DOM.
 *
 * `ColumnEnvelope`: per bucket of a power-of-two number of rows it keeps the rows of the minimum
 * and maximum, built incrementally (every row is read once, ever); with at most ~2 buckets per
 * pixel column the line looks as the full one.
 */

/**
 * Incremental min/max envelope of a column of a row-major matrix (value of row r at
 * data[r·stride + offset]), for a line drawn against the row's x position. Rows are grouped in
 * buckets of `bucket` rows (a power of two, doubled as the count grows past `maxBuckets`); each
 * complete bucket's min and max rows are computed once. `rows(count)` returns, in row order, row 0,
 * each bucket's min and max, and the last row: at most 2·maxBuckets + 2 rows.
 *
 * The cache is valid while rows below the scanned count do not change; `reset()` otherwise.
 */
export class ColumnEnvelope {
  private bucket = 1;
  /** Min and max row of each complete bucket, interleaved. */
  private ext = new Int32Array(256);
  private buckets = 0;
  constructor(
    private readonly maxBuckets: number,
    private data: ArrayLike<number>,
    private readonly stride = 1,
    private readonly offset = 0,
  ) {}

  reset(data: ArrayLike<number>): void {
    this.data = data;
    this.bucket = 1;
    this.buckets = 0;
  }

  /** Points the cache at a new buffer holding the same rows (a grown copy). */
  rebind(data: ArrayLike<number>): void {
    this.data = data;
  }

  private value(r: number): number {
    return this.data[r * this.stride + this.offset];
  }

  /** Min/max rows of [start, end) (a NaN loses to any number). */
  private scan(start: number, end: number, out: number): void {
    let lo = start;
    let hi = start;
    for (let r = start + 1; r < end; r++) {
      if (this.below(r, lo)) lo = r;
      if (this.above(r, hi)) hi = r;
    }
    this.ext[2 * out] = lo;
    this.ext[2 * out + 1] = hi;
  }

  /** Whether row a's value is below row b's (a NaN is never the minimum). */
  private below(a: number, b: number): boolean {
    const va = this.value(a);
    const vb = this.value(b);
    return va < vb || (vb !== vb && va === va);
  }

  /** Whether row a's value is above row b's (a NaN is never the maximum). */
  private above(a: number, b: number): boolean {
    const va = this.value(a);
    const vb = this.value(b);
    return va > vb || (vb !== vb && va === va);
  }

  /** Halves the number of buckets by merging neighbours (bucket size doubles). */
  private coarsen(): void {
    const merged = Math.floor(this.buckets / 2);
    for (let b = 0; b < merged; b++) {
      const l0 = this.ext[4 * b];
      const h0 = this.ext[4 * b + 1];
      const l1 = this.ext[4 * b + 2];
      const h1 = this.ext[4 * b + 3];
      this.ext[2 * b] = this.below(l1, l0) ? l1 : l0;
      this.ext[2 * b + 1] = this.above(h1, h0) ? h1 : h0;
    }
    this.buckets = merged;
    this.bucket *= 2;
  }

  /** Rows to draw for the first `count` rows (count ≥ 0). */
  rows(count: number): number[] {
    if (count <= 0) return [];
    // Rows 1..count−2 are bucketed (row 0 and the last row are always drawn as they are).
    const inner = Math.max(0, count - 2);
    const complete = () => Math.floor(inner / this.bucket);
    if (this.buckets > complete()) this.reset(this.data);
    while (complete() > this.maxBuckets) this.coarsen();
    const want = complete();
    if (2 * want > this.ext.length) {
      const next = new Int32Array(Math.max(2 * want, this.ext.length * 2));
      next.set(this.ext);
      this.ext = next;
    }
    for (let b = this.buckets; b < want; b++) this.scan(1 + b * this.bucket, 1 + (b + 1) * this.bucket, b);
    this.buckets = want;
    const out: number[] = [0];
    for (let b = 0; b < want; b++) {
      const lo = this.ext[2 * b];
      const hi = this.ext[2 * b + 1];
      if (lo === hi) out.push(lo);
      else out.push(Math.min(lo, hi), Math.max(lo, hi));
    }
    // The incomplete last bucket: its min and max, scanned now (fewer than `bucket` rows).
    const tailStart = 1 + want * this.bucket;
    const tailEnd = count - 1;
    if (tailEnd > tailStart) {
      let lo = tailStart;
      let hi = tailStart;
      for (let r = tailStart + 1; r < tailEnd; r++) {
        if (this.below(r, lo)) lo = r;
        if (this.above(r, hi)) hi = r;
      }
      if (lo === hi) out.push(lo);
      else out.push(Math.min(lo, hi), Math.max(lo, hi));
    }
    if (count > 1) out.push(count - 1);
    return out;
  }
}
