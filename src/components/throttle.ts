/**
 * Runs `write` at most once per `intervalMs`: the first call after a quiet spell is delayed only
 * as long as needed to keep that spacing. For text that follows the stores (the caption, the live
 * region) without rewriting the DOM on every animation frame.
 */
export function throttle(write: () => void, intervalMs: number): { schedule(): void; now(): void; cancel(): void } {
  let timer = 0;
  let last = 0;
  const now = () => {
    window.clearTimeout(timer);
    timer = 0;
    last = performance.now();
    write();
  };
  return {
    schedule() {
      if (!timer) timer = window.setTimeout(now, Math.max(0, intervalMs - (performance.now() - last)));
    },
    now,
    cancel() {
      window.clearTimeout(timer);
      timer = 0;
    },
  };
}
