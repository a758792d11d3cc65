// TEMPORARY stand-in for src/explorer/mount.tsx (the lead's instance refactor): renders the
// singleton app, good for one instance. Deleted once the real mount is merged.
import { createRoot } from 'react-dom/client';
import { App } from '../components/App.tsx';
import { SimulationController } from '../state/controller.ts';
import { appStore } from '../state/appStore.ts';
import '../styles.css';
import type { ExplorerHandle, ExplorerOptions, HashState } from '../explorer/types.ts';

export function mount(container: HTMLElement, options: ExplorerOptions): ExplorerHandle {
  void options;
  const controller = new SimulationController();
  const root = createRoot(container);
  root.render(<App controller={controller} />);
  const target = new EventTarget();
  setTimeout(() => target.dispatchEvent(new CustomEvent('ready')), 1000);
  return Object.assign(target, {
    get state(): HashState {
      return {};
    },
    set() {},
    play: () => appStore.getState().setPlaying?.(true),
    pause: () => appStore.getState().setPlaying?.(false),
    seek: (t: number) => controller.goTo(t),
    reset: () => controller.goTo(0),
    exportSvg: () => '',
    dispose() {
      root.unmount();
      controller.dispose();
    },
  }) as unknown as ExplorerHandle;
}
