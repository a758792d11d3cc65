/**
 * A small seeded pseudo-random generator for reproducible presets (the "random" matrix must be
 * the same for the same seed on every machine, so Math.random is not an option).
 *
 * mulberry32 (Tommy Ettinger, public domain): 32 bits of state, period 2^32, passes PractRand to
 * a few GB. Far from cryptographic, plenty for drawing a handful of matrix entries.
 */

/**
 * Returns a generator of numbers in [0, 1) determined entirely by `seed`. The seed is reduced to
 * an unsigned 32-bit integer (fractions are truncated; non-finite seeds count as 0), so seeds that
 * differ only above 2^32 coincide.
 */
export function createRng(seed: number): () => number {
  let state = (Number.isFinite(seed) ? Math.trunc(seed) : 0) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    // 2^32: the unsigned 32-bit output scaled into [0, 1).
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
