/**
 * The bootstrap worker: Elo scores with 95 % intervals (src/core/leaderboard.ts bootstrapElo:
 * battles resampled with replacement, the reward refitted each round) off the main thread, with
 * progress. One request per worker; its client terminates it when a newer request comes, so the
 * newest one wins without waiting for an older one to finish.
 *   in:  { counts: number[][] (wins of i over j, ties ½), rounds, seed }
 *   out: { progress: fraction } now and then, then { result: { elo, low, high } } or { error }
 */
import { bootstrapElo } from '../src/core/leaderboard.ts';
import { countsFromDense } from '../src/core/feedback.ts';

self.onmessage = (e: MessageEvent<{ counts: number[][]; rounds: number; seed: number }>) => {
  const { counts, rounds, seed } = e.data;
  let last = 0;
  try {
    const r = bootstrapElo(countsFromDense(counts.flat(), counts.length), rounds, seed, {
      onProgress: (fraction) => {
        const now = Date.now();
        if (now - last < 100) return;
        last = now;
        self.postMessage({ progress: fraction });
      },
    });
    self.postMessage({ result: { elo: r.elo, low: r.low, high: r.high } });
  } catch (err) {
    self.postMessage({ error: err instanceof Error ? err.message : String(err) });
  }
};
