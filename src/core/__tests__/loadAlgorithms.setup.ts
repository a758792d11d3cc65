/**
 * Vitest setup (vite.config.ts, test.setupFiles): the tests run every algorithm synchronously, so
 * the ones whose step code loads on demand (registry.ts, loadAlgorithms) are loaded first, and
 * the LP solver (lpSolver.ts, highsReady).
 */
import { ALGORITHM_IDS } from '../algorithms/catalog.ts';
import { loadAlgorithms } from '../algorithms/registry.ts';
import { highsReady } from '../lpSolver.ts';

await Promise.all([loadAlgorithms(ALGORITHM_IDS), highsReady]);
