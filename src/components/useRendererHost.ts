/**
 * Hosts a D3 renderer in a React component: creates it in an effect (and destroys it, so React
 * StrictMode's double effects are harmless), feeds it its size through a ResizeObserver, and
 * feeds it data from the stores through subscriptions. Store changes made in one task are drawn
 * once, in a microtask right after it: in the same frame as the change (the Play loop runs in
 * requestAnimationFrame), and without waiting a frame after a worker result. Data never pass
 * through React state, so playing does not re-render React.
 */
import { useEffect, useRef } from 'react';
import { appStore, type AppState } from '../state/appStore.ts';
import { runStore, type RunState } from '../state/runStore.ts';
import { uiStore } from '../state/uiStore.ts';
import { registerFigure, unregisterFigure } from '../viz/figureRegistry.ts';
import type { Renderer } from '../viz/types.ts';

export function useRendererHost<Props, Options>(
  create: (element: HTMLElement, options: Options) => Renderer<Props>,
  options: Options,
  select: (run: RunState, app: AppState) => Props | null,
  /** Registers the renderer under this name in the figure registry (for exporters). */
  name?: string,
) {
  const ref = useRef<HTMLDivElement>(null);
  // The latest selector and options, without re-creating the renderer on every render.
  const selectRef = useRef(select);
  const optionsRef = useRef(options);
  useEffect(() => {
    selectRef.current = select;
    optionsRef.current = options;
  });

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const renderer = create(element, optionsRef.current);
    if (name) registerFigure(name, renderer as Renderer<never>);
    let pending = false;
    let alive = true;
    const draw = () => {
      pending = false;
      if (!alive) return;
      const props = selectRef.current(runStore.getState(), appStore.getState());
      if (props) renderer.update(props);
    };
    const schedule = () => {
      if (pending) return;
      pending = true;
      queueMicrotask(draw);
    };
    const observer = new ResizeObserver((entries) => {
      const box = entries[0].contentRect;
      if (box.width > 0 && box.height > 0) {
        renderer.resize(box.width, box.height);
        schedule();
      }
    });
    observer.observe(element);
    const unsubRun = runStore.subscribe(schedule);
    const unsubApp = appStore.subscribe(schedule);
    const unsubUi = uiStore.subscribe(schedule);
    schedule();
    return () => {
      alive = false;
      observer.disconnect();
      unsubRun();
      unsubApp();
      unsubUi();
      if (name) unregisterFigure(name, renderer as Renderer<never>);
      renderer.destroy();
    };
  }, [create, name]);

  return ref;
}
