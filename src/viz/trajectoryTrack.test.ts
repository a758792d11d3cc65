/**
 * The simplex's per-algorithm drawing cache (Track) after the store replaces a thinned history by
 * a full-resolution run of the same scenario (a refinement): rows 0…k are other data, so the
 * cached projection, thinned path and canvas drawing are dropped and every row is drawn.
 */
import { describe, expect, it } from 'vitest';
import { Track } from './trajectoryTrack.ts';
import type { Corners, SeriesData } from './types.ts';

const n = 3;
const corners: Corners = [[0], [1], [2]];
/** A spiral on the simplex, iteration t at angle t/10, as a fresh run would hold it. */
function policy(t: number): number[] {
  const r = 0.3 * Math.exp(-t / 400);
  const a = t / 10;
  const x = r * Math.cos(a);
  const y = r * Math.sin(a);
  return [1 / 3 + x, 1 / 3 + y, 1 / 3 - x - y];
}
function series(times: number[], thinned: boolean): SeriesData {
  const policies = Float64Array.from(times.flatMap(policy));
  return {
    algorithm: 'omd',
    policies,
    kl: new Float64Array(times.length),
    exploitability: new Float64Array(times.length),
    length: times.length,
    times: thinned ? Float64Array.from(times) : undefined,
  };
}

describe('Track', () => {
  it('drops what it drew from a thinned history when the rows are replaced at full resolution', () => {
    const thinned = series(
      Array.from({ length: 100 }, (_, k) => 8 * k),
      true,
    );
    const track = new Track(thinned);
    track.sync(thinned, n, corners, 'c', 400, 37); // t = 296 … 303: row 37 is t = 296
    expect(track.iterations()).toBe(297);
    expect(track.exportRows().length).toBe(38);
    const full = series(
      Array.from({ length: 1001 }, (_, t) => t),
      false,
    );
    expect(track.sync(full, n, corners, 'c', 400, 300)).toBe(false);
    expect(track.iterations()).toBe(301);
    expect(track.exportRows()).toEqual(Array.from({ length: 301 }, (_, i) => i));
    expect(track.drawnVertices).toBe(0);
    // The same rows again (a later frame): the drawing stays valid.
    expect(track.sync(full, n, corners, 'c', 400, 300)).toBe(true);
  });
});
