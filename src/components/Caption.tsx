/** The generated caption, refreshed from the stores at most 4 times a second while playing. */
import { useEffect, useRef } from 'react';
import { appStore } from '../state/appStore.ts';
import { describeState } from '../state/caption.ts';
import { runStore } from '../state/runStore.ts';

const INTERVAL_MS = 250;

export function Caption() {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    let timer = 0;
    let last = 0;
    const write = () => {
      timer = 0;
      last = performance.now();
      if (ref.current) ref.current.textContent = describeState(appStore.getState().scenario, runStore.getState());
    };
    const schedule = () => {
      if (timer) return;
      timer = window.setTimeout(write, Math.max(0, INTERVAL_MS - (performance.now() - last)));
    };
    write();
    const a = runStore.subscribe(schedule);
    const b = appStore.subscribe(schedule);
    return () => {
      window.clearTimeout(timer);
      a();
      b();
    };
  }, []);
  return <p ref={ref} className="caption" data-testid="caption" />;
}
