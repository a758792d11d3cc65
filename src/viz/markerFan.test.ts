import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fanMarkers, type FanInput } from './markerFan.ts';

const dist = (a: { dx: number; dy: number }, b: { dx: number; dy: number }) => Math.hypot(a.dx - b.dx, a.dy - b.dy);

describe('fanMarkers', () => {
  // "Three rater types" at t = 400: μ, π*_τ, Nash-MD and OMD within ~2 px of each other.
  const raterTypes: FanInput[] = [
    { key: 'regularized', x: 100.4, y: 80.2, r: 13 },
    { key: 'nash', x: 101, y: 82, r: 13 },
    { key: 'current:nash-md', x: 100.5, y: 80.3, r: 10 },
    { key: 'current:omd', x: 100.5, y: 80.2, r: 10 },
    { key: 'reference', x: 99.8, y: 81.5, r: 8, fixed: true },
    { key: 'initial', x: 20, y: 150, r: 8, fixed: true },
  ];

  it('separates coincident markers so no glyph covers another one’s centre', () => {
    const placed = fanMarkers(raterTypes, 8);
    for (let i = 0; i < placed.length; i++) {
      for (let j = i + 1; j < placed.length; j++) {
        expect(dist(placed[i], placed[j]), `${placed[i].key} vs ${placed[j].key}`).toBeGreaterThanOrEqual(
          Math.max(raterTypes[i].r, raterTypes[j].r),
        );
      }
    }
  });

  it('keeps the drag handles and lone markers where they are, and says around what it fanned', () => {
    const placed = fanMarkers(raterTypes, 8);
    const byKey = Object.fromEntries(placed.map((p) => [p.key, p]));
    expect(byKey.reference).toMatchObject({ dx: 99.8, dy: 81.5, moved: false });
    expect(byKey.initial).toMatchObject({ dx: 20, dy: 150, moved: false });
    for (const key of ['regularized', 'nash', 'current:nash-md', 'current:omd']) {
      expect(byKey[key].moved).toBe(true);
      expect(byKey[key].anchor).toBe('reference');
      // A small fan: the true position stays within a glyph or two.
      expect(Math.hypot(byKey[key].dx - byKey[key].x, byKey[key].dy - byKey[key].y)).toBeLessThan(40);
    }
  });

  it('moves nothing when the markers are apart, and is deterministic', () => {
    const apart: FanInput[] = [
      { key: 'a', x: 0, y: 0, r: 10 },
      { key: 'b', x: 30, y: 0, r: 10 },
      { key: 'c', x: Number.NaN, y: Number.NaN, r: 10 },
    ];
    expect(fanMarkers(apart, 8).every((p) => !p.moved)).toBe(true);
    expect(fanMarkers(raterTypes, 8)).toEqual(fanMarkers(raterTypes, 8));
  });

  it('any pile of up to 7 markers within a few px (one fixed or none) ends with every centre uncovered', () => {
    const marker = fc.record({
      x: fc.double({ min: 0, max: 5, noNaN: true }),
      y: fc.double({ min: 0, max: 5, noNaN: true }),
      r: fc.double({ min: 4, max: 16, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(marker, { minLength: 2, maxLength: 7 }), fc.boolean(), (ms, withFixed) => {
        const items = ms.map((m, i) => ({ key: `m${i}`, ...m, fixed: withFixed && i === ms.length - 1 }));
        const placed = fanMarkers(items, 8);
        for (let i = 0; i < placed.length; i++) {
          for (let j = i + 1; j < placed.length; j++) {
            if (dist(placed[i], placed[j]) < Math.max(items[i].r, items[j].r) - 1e-9) return false;
          }
        }
        return true;
      }),
    );
  });
});
