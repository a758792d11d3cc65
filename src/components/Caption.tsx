/** The generated caption, refreshed from the stores at most 4 times a second while playing. */
import { useEffect, useRef } from 'react';
import { appView } from '../state/appView.ts';
import { describeState } from '../state/caption.ts';
import { runStore } from '../state/runStore.ts';
import { throttle } from './throttle.ts';

const INTERVAL_MS = 250;

export function Caption() {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    const writer = throttle(() => {
      if (ref.current) ref.current.textContent = describeState(appView.getState().scenario, runStore.getState());
    }, INTERVAL_MS);
    writer.now();
    const a = runStore.subscribe(writer.schedule);
    const b = appView.subscribe(writer.schedule);
    return () => {
      writer.cancel();
      a();
      b();
    };
  }, []);
  return <p ref={ref} className="caption" data-testid="caption" />;
}
