/**
 * Keeps coincident markers visible: markers whose centres lie closer than `near` px are drawn
 * fanned out on a small ring around one of them (the anchor), each with a leader line back to its
 * true position. Pure and deterministic (same input, same placement: no jitter while playing).
 *
 * Which marker stays put: a fixed one (the draggable μ and π0, which must stay under the pointer),
 * else the first of the cluster in input order (callers list the equilibria first, then the
 * current points). Clusters are single-linkage: a chain of markers each near the next is one.
 */

export interface FanInput {
  key: string;
  x: number;
  y: number;
  /** Visual radius of the glyph in px (halo included). */
  r: number;
  /** Never moved (drag handles). */
  fixed?: boolean;
}

export interface FanPlacement {
  key: string;
  /** True position. */
  x: number;
  y: number;
  /** Where the glyph is drawn (equal to x, y unless it was fanned out). */
  dx: number;
  dy: number;
  moved: boolean;
  /** Key of the marker it was fanned out around (null when not moved). */
  anchor: string | null;
}

/** Ring radius for k markers of largest radius rMax around an anchor of radius rAnchor. */
export function fanRadius(k: number, rAnchor: number, rMax: number): number {
  // Clear of the anchor's centre (its glyph shows), and neighbours on the ring ≥ ~2 rMax apart.
  const clearAnchor = Math.max(rAnchor, rMax) + 0.5 * rMax;
  const apart = k >= 2 ? (1.05 * rMax) / Math.sin(Math.PI / k) : 0;
  return Math.max(clearAnchor, apart);
}

export function fanMarkers(items: readonly FanInput[], near: number): FanPlacement[] {
  const m = items.length;
  const parent = Array.from({ length: m }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  const near2 = near * near;
  for (let i = 0; i < m; i++) {
    for (let j = i + 1; j < m; j++) {
      const d2 = (items[i].x - items[j].x) ** 2 + (items[i].y - items[j].y) ** 2;
      // NaN positions (not drawn) never join a cluster.
      if (d2 < near2) parent[find(j)] = find(i);
    }
  }
  const out: FanPlacement[] = items.map((it) => ({
    key: it.key,
    x: it.x,
    y: it.y,
    dx: it.x,
    dy: it.y,
    moved: false,
    anchor: null,
  }));
  const clusters = new Map<number, number[]>();
  for (let i = 0; i < m; i++) {
    const root = find(i);
    const list = clusters.get(root);
    if (list) list.push(i);
    else clusters.set(root, [i]);
  }
  for (const members of clusters.values()) {
    if (members.length < 2) continue;
    const anchor = members.find((i) => items[i].fixed) ?? members[0];
    const fanned = members.filter((i) => i !== anchor && !items[i].fixed);
    if (fanned.length === 0) continue;
    const rMax = Math.max(...fanned.map((i) => items[i].r));
    const R = fanRadius(fanned.length, items[anchor].r, rMax);
    // Start up-right (inside most figures' free space), then evenly round the ring.
    fanned.forEach((i, k) => {
      const theta = -Math.PI / 4 + (2 * Math.PI * k) / fanned.length;
      out[i].dx = items[anchor].x + R * Math.cos(theta);
      out[i].dy = items[anchor].y + R * Math.sin(theta);
      out[i].moved = true;
      out[i].anchor = items[anchor].key;
    });
  }
  return out;
}
