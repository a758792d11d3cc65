/**
 * Hosts a D3 renderer in a React component: creates it in an effect (and destroys it, so React
 * StrictMode's double effects are harmless), feeds it its size through a ResizeObserver, and
 * feeds it data from the stores through subscriptions: run data right after it changes (a
 * microtask), input edits at most once per animation frame. Data never pass through React state,
 * so playing does not re-render React.
 */
import { useEffect, useRef } from 'react';
import type { AppState } from '../state/appStore.ts';
import type { RunState } from '../state/runStore.ts';
import type { Renderer } from '../viz/types.ts';
import { useExplorer } from '../explorer/context.tsx';
import type { Views } from './views.ts';

/** A props selector: the renderer's props from the run and the shown inputs (null: keep what is drawn). */
export type PropsSelector<Props> = (run: RunState, app: AppState) => Props | null;

export function useRendererHost<Props, Options>(
  create: (element: HTMLElement, options: Options) => Renderer<Props>,
  options: Options,
  /** Picks the selector from this explorer's views (views.ts). */
  pick: (views: Views) => PropsSelector<Props>,
  /** Registers the renderer under this name in the explorer's figure registry (for exporters). */
  name?: string,
  /**
   * 'secondary' views draw new run data right after the next frame is painted rather than at
   * once, so that after an edit the main figure (simplex and table) reaches the screen in a frame
   * of its own (in software rendering the secondary charts' style, layout and paint would double
   * that frame); while playing they trail by one frame, which is not visible.
   */
  priority: 'primary' | 'secondary' = 'primary',
) {
  const ref = useRef<HTMLDivElement>(null);
  const explorer = useExplorer();
  const select = pick(explorer.views);
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
    const { run: runStore, shown, progress: progressStore, ui: uiStore, views, figures } = explorer;
    const appView = shown.store;
    const renderer = create(element, optionsRef.current);
    if (name) figures.register(name, renderer as Renderer<never>);
    let pending = false;
    let frame = 0;
    let alive = true;
    let drawn: Props | null = null;
    let forced = true;
    const draw = () => {
      pending = false;
      cancelAnimationFrame(frame);
      frame = 0;
      if (!alive) return;
      const props = selectRef.current(runStore.getState(), appView.getState());
      // Renderers are functions of their props: the same props (field by field) need no redraw.
      // A cell edit changes nothing most figures show until its result arrives; skipping those
      // redraws halves the main-thread work of an edit.
      if (!props || (!forced && sameProps(props, drawn))) return;
      forced = false;
      drawn = props;
      renderer.update(props);
      if (name) explorer.figureDrawn(name);
    };
    // New run data (a result, or t while playing) is drawn in a microtask right after the change:
    // same frame, no extra latency. Input edits only change what the next result will show, and
    // can arrive hundreds of times a second (a slider drag): those redraw at most once a frame.
    const schedule = () => {
      if (pending) return;
      pending = true;
      queueMicrotask(draw);
    };
    const scheduleFrame = () => {
      if (!frame && !pending) frame = requestAnimationFrame(draw);
    };
    // A task queued from an animation callback runs once that frame is painted. The flag drops
    // as soon as the task is queued, so that while playing a change of t in the next frame's
    // callbacks is drawn after that frame: every frame, one frame behind.
    let afterPaint = 0;
    const channel = new MessageChannel();
    channel.port1.onmessage = draw;
    const scheduleAfterPaint = () => {
      if (frame || pending || afterPaint) return;
      afterPaint = requestAnimationFrame(() => {
        afterPaint = 0;
        channel.port2.postMessage(null);
      });
    };
    const scheduleRun = priority === 'primary' ? schedule : scheduleAfterPaint;
    const observer = new ResizeObserver((entries) => {
      const box = entries[0].contentRect;
      if (box.width > 0 && box.height > 0) {
        renderer.resize(box.width, box.height);
        forced = true;
        schedule();
      }
    });
    observer.observe(element);
    const unsubRun = runStore.subscribe(scheduleRun);
    // An input edit starts a computation (the controller hears of it first); a secondary view
    // would only redraw the old run against the new inputs for a frame, so it waits for the result.
    const onAppChange =
      priority === 'primary'
        ? scheduleFrame
        : () => progressStore.getState().busySince === null && scheduleAfterPaint();
    const unsubApp = appView.subscribe(onAppChange);
    const unsubUi = uiStore.subscribe(scheduleFrame);
    // The top-k choice is a view setting of its own (views.ts), shown by the large-n views.
    const unsubTopK = views.topKStore.subscribe(schedule);
    schedule();
    return () => {
      alive = false;
      cancelAnimationFrame(frame);
      cancelAnimationFrame(afterPaint);
      channel.port1.close();
      observer.disconnect();
      unsubRun();
      unsubApp();
      unsubUi();
      unsubTopK();
      if (name) figures.unregister(name, renderer as Renderer<never>);
      renderer.destroy();
    };
  }, [create, name, priority, explorer]);

  return ref;
}

/** Whether two props objects have identical (===) fields. */
function sameProps<Props>(a: Props, b: Props | null): boolean {
  if (b === null || typeof a !== 'object' || a === null) return a === b;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  if (keys.length !== Object.keys(y).length) return false;
  return keys.every((k) => Object.is(x[k], y[k]));
}
