/**
 * One explorer instance: everything a figure, its controls and its worker need, created together
 * and freed together. Components reach it through React context (context.tsx), never through
 * module imports; no module holds state of an explorer. The page-level couplings (the URL hash,
 * autosave, global keys) are options, off by default; the main app turns all three on.
 */
import { createAppStore, type AppActions, type AppStore } from '../state/appStore.ts';
import { createAppView, type AppView } from '../state/appView.ts';
import { SimulationController } from '../state/controller.ts';
import { createProgressStore, type ProgressStore } from '../state/progressStore.ts';
import { createRunStore, type RunStore } from '../state/runStore.ts';
import { createUiStore, type UiStore } from '../state/uiStore.ts';
import { createViewStore, type ViewStore } from '../state/viewOptions.ts';
import { createFigureRegistry, type FigureRegistry } from '../viz/figureRegistry.ts';
import { createViews, type Views } from '../components/views.ts';
import { createStoryStepperSlot, type StoryStepperSlot } from '../components/storyStepper.ts';
import type { ExplorerOptions } from './types.ts';
import type { PasteMode, PasteResult } from '../state/pasteResult.ts';

export interface Explorer {
  readonly options: ExplorerOptions;
  /** The newest inputs; actions write here. */
  readonly app: AppStore;
  /** Its stable action functions, for event handlers. */
  readonly actions: AppActions;
  /** What the page shows of `app` (a fast edit may be held until its result; appView.ts). */
  readonly shown: AppView;
  readonly run: RunStore;
  readonly progress: ProgressStore;
  readonly ui: UiStore;
  readonly view: ViewStore;
  readonly views: Views;
  readonly figures: FigureRegistry;
  readonly controller: SimulationController;
  /** The open story's step keys (set by the Stories panel). */
  readonly storyStepper: StoryStepperSlot;
  /** Called by a renderer host after a figure's first draw (the `ready` event). */
  figureDrawn(name: string): void;
  /**
   * Reads pasted text or a data file (a matrix, pairs, a battle log) in a worker of its own, with
   * progress; the reader loads on first use (worker-client/parseClient.ts).
   */
  parseData(
    input: Blob | string,
    mode: PasteMode,
    onProgress: (stage: 'reading' | 'parsing', fraction: number) => void,
  ): Promise<PasteResult>;
  /** Resolves when the first figure has been drawn. */
  readonly ready: Promise<void>;
  dispose(): void;
}

/**
 * Creates an explorer. `flush` runs a state change synchronously through React (react-dom's
 * flushSync): the React layer passes it, so this module and the stores need no react-dom.
 */
export function createExplorer(
  options: ExplorerOptions = {},
  flush?: (fn: () => void) => void,
  debug = false,
): Explorer {
  const app = createAppStore();
  const shown = createAppView(app, flush);
  const run = createRunStore();
  const progress = createProgressStore();
  const ui = createUiStore();
  const view = createViewStore();
  const controller = new SimulationController(
    { app, shown, run, progress, ui, view },
    { hash: options.hash, syncHash: options.syncHash, autosave: options.autosave, debug },
  );
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  return {
    options,
    app,
    actions: app.getState(),
    shown,
    run,
    progress,
    ui,
    view,
    views: createViews(ui),
    figures: createFigureRegistry(),
    controller,
    storyStepper: createStoryStepperSlot(),
    figureDrawn: () => markReady(),
    parseData: (input, mode, onProgress) =>
      import('../worker-client/parseClient.ts').then((m) => m.parseInWorker(input, mode, onProgress)),
    ready,
    dispose() {
      controller.dispose();
      shown.dispose();
    },
  };
}
