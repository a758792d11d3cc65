/**
 * The bootstrap worker's client (workers/bootstrap.worker.ts): a worker of its own per request;
 * starting a new request terminates the previous one (the newest wins). Where no worker can start
 * (a page of another origin), the intervals are left out with a message.
 */
// oxlint-disable-next-line import/default
import bootstrapWorkerScript from '../../workers/bootstrap.worker.ts?worker&url';

export interface EloIntervalsWire {
  elo: Float64Array;
  low: Float64Array;
  high: Float64Array;
}

import { BOOTSTRAP_ROUNDS, BOOTSTRAP_SEED } from '../state/leaderboard.ts';

let running: Worker | null = null;

/** Bootstraps `counts` in a worker; rejects with a message when it cannot run or fails. */
export function bootstrapInWorker(
  counts: number[][],
  onProgress: (fraction: number) => void,
): Promise<EloIntervalsWire> {
  running?.terminate();
  running = null;
  let worker: Worker;
  try {
    const url = new URL(bootstrapWorkerScript, import.meta.url);
    if (typeof location === 'undefined' || url.origin !== location.origin)
      return Promise.reject(new Error('the bootstrap needs a worker, which this page cannot start'));
    worker = new Worker(url, { type: 'module', name: 'bootstrap' });
  } catch (e) {
    return Promise.reject(e instanceof Error ? e : new Error(String(e)));
  }
  running = worker;
  return new Promise<EloIntervalsWire>((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<{ progress?: number; result?: EloIntervalsWire; error?: string }>) => {
      if (e.data.progress !== undefined) onProgress(e.data.progress);
      if (e.data.result) resolve(e.data.result);
      if (e.data.error) reject(new Error(e.data.error));
      if (e.data.result || e.data.error) {
        worker.terminate();
        if (running === worker) running = null;
      }
    };
    worker.onerror = (e) => {
      e.preventDefault();
      reject(new Error(e.message || 'the bootstrap stopped'));
    };
    worker.postMessage({ counts, rounds: BOOTSTRAP_ROUNDS, seed: BOOTSTRAP_SEED });
  });
}
