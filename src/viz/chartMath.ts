/**
 * Pure helpers shared by the chart renderers (no DOM, no D3): row thinning, log-scale domains and
 * ticks, superscript labels, small layout arithmetic. Kept here so they can be unit-tested in Node.
 */

/** Values at or below this are drawn at the floor of a log axis (exact zeros are common). */
export const LOG_FLOOR = 1e-16;

/** Clamp a value for a log axis; NaN and ±∞ come back as NaN so a line can skip them. */
export function clampLog(value: number, floor = LOG_FLOOR): number {
  if (!Number.isFinite(value)) return Number.NaN;
  return value > floor ? value : floor;
}

/**
 * The smallest power-of-two stride s with `perBucket · ⌈count / s⌉ + 2 ≤ maxPoints`.
 * A power of two (rather than count / maxPoints) keeps the chosen rows fixed while t grows during
 * playback, so a thinned line does not shimmer frame to frame; it only changes when s doubles.
 */
function strideFor(count: number, maxPoints: number, perBucket: number): number {
  let stride = 1;
  while (perBucket * Math.ceil(count / stride) + 2 > maxPoints) stride *= 2;
  return stride;
}

/**
 * Evenly spaced rows among 0..count−1, at most `maxPoints` of them (maxPoints ≥ 2), always
 * including the first and the last (current) row.
 */
export function thinRows(count: number, maxPoints: number): number[] {
  if (count <= 0) return [];
  if (count <= maxPoints) return Array.from({ length: count }, (_, i) => i);
  const stride = strideFor(count, maxPoints, 1);
  const rows: number[] = [];
  for (let r = 0; r < count - 1; r += stride) rows.push(r);
  rows.push(count - 1);
  return rows;
}

/**
 * Like `thinRows`, but keeps each bucket's minimum and maximum (in row order) instead of one
 * sample. Plain subsampling of an oscillating series (OMD circling π*_τ) aliases into a slow fake
 * wave; the min/max envelope draws the true band. At most `maxPoints` rows, first and last kept.
 */
export function envelopeRows(count: number, maxPoints: number, data: ArrayLike<number>, probes = 16): number[] {
  return envelopeColumns(count, maxPoints, data, 1, probes)[0];
}

/**
 * `envelopeRows` for each column of a row-major count × columns matrix (the policies buffer).
 * This runs on every animation frame over the whole visible history, so within a bucket only
 * `probes` evenly spaced rows are read (fixed positions, so nothing shimmers): the cost is bounded
 * by maxPoints · probes whatever the length, and the band of a smooth oscillation is still found
 * to within a fraction of a pixel. An isolated one-row spike can be missed; pass Infinity to scan
 * every row.
 */
export function envelopeColumns(
  count: number,
  maxPoints: number,
  data: ArrayLike<number>,
  columns: number,
  probes = 16,
): number[][] {
  if (count <= 0) return Array.from({ length: columns }, () => []);
  if (count <= maxPoints) return Array.from({ length: columns }, () => Array.from({ length: count }, (_, i) => i));
  const stride = strideFor(count, maxPoints, 2);
  const hop = Math.max(1, Math.floor(stride / probes));
  const out: number[][] = Array.from({ length: columns }, () => [0]);
  const lo = new Int32Array(columns);
  const hi = new Int32Array(columns);
  const vLo = new Float64Array(columns);
  const vHi = new Float64Array(columns);
  const last = count - 1;
  for (let start = 1; start < last; start += stride) {
    const end = Math.min(start + stride, last);
    for (let c = 0; c < columns; c++) {
      lo[c] = hi[c] = start;
      vLo[c] = vHi[c] = data[start * columns + c];
    }
    for (let r = start + hop; r < end; r += hop) {
      const base = r * columns;
      for (let c = 0; c < columns; c++) {
        const v = data[base + c];
        if (v < vLo[c]) {
          lo[c] = r;
          vLo[c] = v;
        } else if (v > vHi[c]) {
          hi[c] = r;
          vHi[c] = v;
        }
      }
    }
    for (let c = 0; c < columns; c++) {
      if (lo[c] === hi[c]) out[c].push(lo[c]);
      else out[c].push(Math.min(lo[c], hi[c]), Math.max(lo[c], hi[c]));
    }
  }
  for (const rows of out) rows.push(last);
  return out;
}

/**
 * Log-axis domain as whole decades [10^lo, 10^hi] around positive data in [min, max]: a little
 * padding so lines never sit on the frame, at least `minDecades` tall (extended downwards first,
 * since the plotted quantities decay). Whole decades change in steps, not continuously, so the
 * axis does not creep while playing. Falls back to [1e-6, 1] without valid data.
 */
export function logDomainExponents(min: number, max: number, minDecades = 2, floor = LOG_FLOOR): [number, number] {
  if (!(min > 0) || !(max > 0) || !Number.isFinite(min) || !Number.isFinite(max)) return [-6, 0];
  const lmin = Math.log10(Math.max(min, floor));
  const lmax = Math.log10(Math.max(max, min, floor));
  let lo = Math.floor(lmin - 0.1);
  let hi = Math.ceil(lmax + 0.1);
  while (hi - lo < minDecades) {
    if (hi - lo === minDecades - 1) lo -= 1;
    else {
      lo -= 1;
      hi += 1;
    }
  }
  return [lo + 0, hi + 0]; // + 0 turns Math.ceil's −0 into 0
}

/** Tick exponents lo..hi, skipping decades evenly so there are at most `maxTicks` of them. */
export function logTickExponents(lo: number, hi: number, maxTicks: number): number[] {
  const span = hi - lo;
  const step = Math.max(1, Math.ceil(span / Math.max(1, maxTicks - 1)));
  const ticks: number[] = [];
  // Anchor on multiples of the step so the labels stay put as the domain moves by a decade.
  for (let e = Math.ceil(lo / step) * step; e <= hi; e += step) ticks.push(e);
  return ticks;
}

import { formatPowerOfTen, formatScientific, superscript } from '../shared/formatNumber.ts';

export { formatPowerOfTen, formatScientific, superscript };

/** Greedy word wrap of `text` into lines no wider than maxWidth (a longer word gets its own line). */
export function wrapWords(text: string, maxWidth: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (line && measure(next) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * A "nice" upper bound ≥ max for a probability axis [0, bound]: one of a few round values, so
 * the small multiples share a readable scale that only changes in visible steps.
 */
export function niceProbabilityMax(max: number): number {
  const candidates = [0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8, 1];
  if (!(max > 0)) return candidates[0];
  return candidates.find((c) => c >= max * 1.02) ?? 1;
}

/** Columns of a small-multiples grid: about one per `minPanelWidth` px, between 1 and maxColumns. */
export function gridColumns(width: number, count: number, minPanelWidth = 140, maxColumns = 4): number {
  const fit = Math.floor(width / minPanelWidth);
  return Math.max(1, Math.min(maxColumns, count, fit));
}

/** Rough width of a short label in px (no DOM measuring in a 60 fps update path). */
export function estimateTextWidth(text: string, fontSize: number): number {
  return [...text].length * fontSize * 0.6;
}

export interface LegendSlot {
  x: number;
  row: number;
}

/** Left-to-right legend layout that wraps to new rows when an entry would overflow `maxWidth`. */
export function layoutLegend(
  widths: readonly number[],
  maxWidth: number,
  gap: number,
): { slots: LegendSlot[]; rows: number } {
  const slots: LegendSlot[] = [];
  let x = 0;
  let row = 0;
  for (const w of widths) {
    if (x > 0 && x + w > maxWidth) {
      x = 0;
      row += 1;
    }
    slots.push({ x, row });
    x += w + gap;
  }
  return { slots, rows: widths.length === 0 ? 0 : row + 1 };
}

/** Theorem 1's bound on KL(π*_τ‖π_t) with η_t = 2/(τ(t+2)): 8/(τ²(t+1)); ∞ for τ ≤ 0. */
export function theoremBound(t: number, tau: number): number {
  return tau > 0 ? 8 / (tau * tau * (t + 1)) : Number.POSITIVE_INFINITY;
}

/**
 * Integer sample points of 0..tMax for drawing a smooth 1/t-like curve: dense near 0
 * (geometric in t+1) and even further right (linear), sorted without duplicates.
 */
export function curveSamples(tMax: number, perKind = 80): number[] {
  const set = new Set<number>([0, tMax]);
  const logEnd = Math.log1p(tMax);
  for (let k = 0; k <= perKind; k++) {
    set.add(Math.round(Math.expm1((logEnd * k) / perKind)));
    set.add(Math.round((tMax * k) / perKind));
  }
  return [...set].filter((v) => v >= 0 && v <= tMax).sort((a, b) => a - b);
}

/** A stroke-dasharray scaled for a thicker line ('' stays solid): '7 4' × 2 → '14 8'. */
export function scaleDash(dash: string, scale: number): string {
  if (!dash || scale === 1) return dash;
  return dash
    .split(/[ ,]+/)
    .filter(Boolean)
    .map((v) => String(Math.round(Number(v) * scale * 100) / 100))
    .join(' ');
}
