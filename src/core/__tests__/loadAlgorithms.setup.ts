/**
 * Vitest setup (vite.config.ts, test.setupFiles): the tests run every algorithm synchronously, so
 * the ones whose step code loads on demand (registry.ts, loadAlgorithms) are loaded first.
 */
import { ALGORITHM_IDS } from '../algorithms/catalog.ts';
import { loadAlgorithms } from '../algorithms/registry.ts';

await loadAlgorithms(ALGORITHM_IDS);
