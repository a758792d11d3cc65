/**
 * Orders of the responses for the heatmap editor's rows and columns (pure, no DOM): the original
 * order, by Nash probability or by Bradley–Terry reward, largest first. Ties keep the original
 * order (a stable sort), so the many responses with Nash probability 0 stay in a familiar order
 * and re-sorting after a small edit does not shuffle them.
 */

export type MatrixOrderKind = 'original' | 'nash' | 'reward';

export const MATRIX_ORDERS: readonly { value: MatrixOrderKind; label: string }[] = [
  { value: 'original', label: 'original order' },
  { value: 'nash', label: 'Nash probability' },
  { value: 'reward', label: 'Bradley–Terry reward' },
];

/**
 * Scores closer than this count as tied. LP and Newton outputs carry ~1e-12 noise (a "zero" Nash
 * probability may come back as 3e-17 or −2e-16); quantising before comparing keeps the sort a
 * strict weak order, which a tolerance inside the comparator would not be.
 */
const TIE_QUANTUM = 1e-9;

/** 0..n−1. */
export function identityOrder(n: number): number[] {
  return Array.from({ length: Math.max(0, n) }, (_, k) => k);
}

/**
 * Indices 0..n−1 sorted by `scores` from largest to smallest; ties (and NaN, which goes last) keep
 * the original order. Scores of the wrong length give the identity order.
 */
export function orderByScore(scores: ArrayLike<number> | null | undefined, n: number): number[] {
  const order = identityOrder(n);
  if (!scores || scores.length !== n) return order;
  const key = (k: number) => {
    const s = scores[k];
    return Number.isFinite(s) ? Math.round(s / TIE_QUANTUM) : -Infinity;
  };
  const keys = order.map(key);
  // Array.prototype.sort is stable (ES2019), and the index tie-break makes it explicit.
  return order.sort((a, b) => keys[b] - keys[a] || a - b);
}

export interface OrderSources {
  nash: ArrayLike<number> | null;
  rewards: ArrayLike<number> | null;
}

/** The display order for `kind`: display position → response index. */
export function matrixOrder(kind: MatrixOrderKind, n: number, sources: OrderSources | null): number[] {
  if (kind === 'nash') return orderByScore(sources?.nash, n);
  if (kind === 'reward') return orderByScore(sources?.rewards, n);
  return identityOrder(n);
}

/** The inverse permutation: response index → display position. */
export function inverseOrder(order: readonly number[]): number[] {
  const inv = new Array<number>(order.length);
  for (let p = 0; p < order.length; p++) inv[order[p]] = p;
  return inv;
}

/** True when `order` is a permutation of 0..n−1. */
export function isPermutation(order: readonly number[], n: number): boolean {
  if (order.length !== n) return false;
  const seen = new Uint8Array(n);
  for (const k of order) {
    if (!Number.isInteger(k) || k < 0 || k >= n || seen[k]) return false;
    seen[k] = 1;
  }
  return true;
}
