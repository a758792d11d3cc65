/**
 * Is a cached prefix of a series still the same data? Renderers keep work done on rows
 * 0..k−1 of a run (projected points, a thinned path, an envelope) across frames while the run
 * only grows. The store replaces buffers when they grow (same rows, copied) and when a new run
 * arrives (different rows); it rewrites rows in place only at the end of the computed part.
 * So: same buffers → valid; other buffers → valid only if sampled rows of the prefix (all
 * columns, and the row times) are equal.
 */
import type { SeriesData } from './types.ts';

const SAMPLES = 48;

export class SeriesPrefix {
  private policies: Float64Array | null = null;
  private kl: Float64Array | null = null;
  private exploitability: Float64Array | null = null;
  private times: Float64Array | undefined = undefined;
  private n = 0;
  /** Copies of sampled rows: row index, then n policy values, kl, exploitability, time. */
  private samples: number[] = [];
  private sampledRows = 0;

  /**
   * Whether rows 0..rows−1 of `s` equal what was recorded; records `s` as the reference either
   * way (call `forget` or start over when it returns false).
   */
  check(s: SeriesData, n: number, rows: number): boolean {
    const same =
      s.policies === this.policies &&
      s.kl === this.kl &&
      s.exploitability === this.exploitability &&
      s.times === this.times &&
      n === this.n;
    let ok = same;
    if (!same && this.policies && n === this.n && rows <= this.sampledRows) ok = this.matches(s, n);
    this.policies = s.policies;
    this.kl = s.kl;
    this.exploitability = s.exploitability;
    this.times = s.times;
    this.n = n;
    return ok;
  }

  /** Records sampled rows of 0..rows−1 for a later comparison (call when the prefix grew). */
  record(s: SeriesData, n: number, rows: number): void {
    if (rows === this.sampledRows && s.policies === this.policies) return;
    this.samples = [];
    const pick = new Set<number>();
    if (rows > 0) for (let k = 0; k < SAMPLES; k++) pick.add(Math.floor((k * (rows - 1)) / (SAMPLES - 1)));
    for (const r of pick) {
      this.samples.push(r);
      for (let i = 0; i < n; i++) this.samples.push(s.policies[r * n + i]);
      this.samples.push(s.kl[r], s.exploitability[r], s.times ? s.times[r] : r);
    }
    this.sampledRows = rows;
    this.policies = s.policies;
    this.kl = s.kl;
    this.exploitability = s.exploitability;
    this.times = s.times;
    this.n = n;
  }

  forget(): void {
    this.policies = null;
    this.kl = null;
    this.exploitability = null;
    this.times = undefined;
    this.samples = [];
    this.sampledRows = 0;
  }

  private matches(s: SeriesData, n: number): boolean {
    const a = this.samples;
    for (let k = 0; k < a.length; k += n + 4) {
      const r = a[k];
      if (r >= s.length) return false;
      for (let i = 0; i < n; i++) if (!Object.is(s.policies[r * n + i], a[k + 1 + i])) return false;
      if (!Object.is(s.kl[r], a[k + 1 + n])) return false;
      if (!Object.is(s.exploitability[r], a[k + 2 + n])) return false;
      if (!Object.is(s.times ? s.times[r] : r, a[k + 3 + n])) return false;
    }
    return true;
  }
}
