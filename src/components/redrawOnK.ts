import type { AppState } from '../state/appStore.ts';
import { appView } from '../state/appView.ts';
import { runStore, type RunState } from '../state/runStore.ts';
import type { Renderer } from '../viz/types.ts';
import { topKStore } from './views.ts';

/**
 * A renderer factory that also redraws when k changes: useRendererHost watches the run, app and
 * ui stores only, and k lives in its own store (views.ts topKStore). Module-level, so the factory
 * keeps its identity and the host does not re-create the renderer.
 */
export function redrawOnK<Props, Options>(create: (element: HTMLElement, options: Options) => Renderer<Props>, select: (run: RunState, app: AppState) => Props | null) {
  return (element: HTMLElement, options: Options): Renderer<Props> => {
    const renderer = create(element, options);
    const unsubscribe = topKStore.subscribe(() => {
      const props = select(runStore.getState(), appView.getState());
      if (props) renderer.update(props);
    });
    return {
      ...renderer,
      destroy() {
        unsubscribe();
        renderer.destroy();
      },
    };
  };
}
