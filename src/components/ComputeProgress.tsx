/**
 * "Computing…" with a progress bar, shown once the newest computation has run for 200 ms (large n,
 * or a jump to a million steps); quicker ones never flash it. It floats over the page, so showing
 * and hiding it does not move anything.
 */
import { useEffect, useState } from 'react';
import { STAGE_TEXT } from '../state/progressStore.ts';
import { useProgressStore } from '../explorer/context.tsx';

/** Computations quicker than this show no indicator. */
export const PROGRESS_DELAY_MS = 200;

export function ComputeProgress() {
  const busySince = useProgressStore((s) => s.busySince);
  const stage = useProgressStore((s) => s.stage);
  const fraction = useProgressStore((s) => s.fraction);
  const [shownFor, setShownFor] = useState<number | null>(null);
  useEffect(() => {
    if (busySince === null) return;
    const timer = window.setTimeout(
      () => setShownFor(busySince),
      Math.max(0, busySince + PROGRESS_DELAY_MS - performance.now()),
    );
    return () => window.clearTimeout(timer);
  }, [busySince]);
  if (busySince === null || shownFor !== busySince) return null;
  const text = stage ? STAGE_TEXT[stage] : 'Computing';
  return (
    <div className="compute-progress" role="status" data-testid="compute-progress">
      <span>{text}…</span>
      <progress
        max={1}
        value={stage ? fraction : undefined}
        aria-label={`${text}: ${stage ? `${Math.round(fraction * 100)} %` : 'working'}`}
      />
    </div>
  );
}
