/**
 * Whether a computation is running and how far it got: a few updates per computation (never per
 * frame), shown by the ComputeProgress indicator once a computation has run for 200 ms.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ComputeStage } from '../core/workerApi.ts';

export interface ProgressState {
  /** performance.now() when the newest computation was asked for; null when none is running. */
  busySince: number | null;
  /** What the worker reported it is doing (null until it reports; small runs never do). */
  stage: ComputeStage | null;
  /** Overall fraction done, 0…1. */
  fraction: number;
}

/** One explorer's computation progress. */
export type ProgressStore = StoreApi<ProgressState>;

export function createProgressStore(): ProgressStore {
  return createStore<ProgressState>(() => ({ busySince: null, stage: null, fraction: 0 }));
}

/** A new computation replaces the one running: the clock restarts. */
export function computationStarted(progressStore: ProgressStore): void {
  progressStore.setState({ busySince: performance.now(), stage: null, fraction: 0 });
}

export function computationProgressed(progressStore: ProgressStore, stage: ComputeStage, fraction: number): void {
  if (progressStore.getState().busySince !== null) progressStore.setState({ stage, fraction });
}

export function computationEnded(progressStore: ProgressStore): void {
  if (progressStore.getState().busySince !== null)
    progressStore.setState({ busySince: null, stage: null, fraction: 0 });
}

/** What each stage is doing, in words. */
export const STAGE_TEXT: Record<ComputeStage, string> = {
  solver: 'Loading the linear-programming solver',
  runs: 'Running the algorithms',
  rewards: 'Fitting the Bradley–Terry reward model',
  nash: 'Solving for the Nash equilibrium (linear program)',
  regularized: 'Solving for the regularised equilibrium π*_τ',
  path: 'Tracing the equilibria as τ changes',
  metrics: 'Measuring KL and exploitability',
};
