/** The generated caption, refreshed from the stores at most 4 times a second while playing. */
import { useEffect, useRef } from 'react';

import { describeState } from '../state/caption.ts';

import { throttle } from './throttle.ts';
import { useExplorer } from '../explorer/context.tsx';

const INTERVAL_MS = 250;

export function Caption() {
  const ref = useRef<HTMLParagraphElement>(null);
  const { shown, run: runStore } = useExplorer();
  useEffect(() => {
    const appView = shown.store;
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
  }, [shown, runStore]);
  return <p ref={ref} className="caption" data-testid="caption" />;
}
