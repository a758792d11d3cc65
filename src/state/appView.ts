/**
 * What the page shows of appStore. Normally the same state; but an edit whose result the worker
 * answers in a few milliseconds (a small matrix, not playing) is held back until that result
 * arrives, so the edit and its result reach the screen in one frame.
 *
 * Why: after a keydown that changes the DOM, the browser renders a frame before it takes up any
 * message. Drawing the edited cell alone costs a whole frame of style, paint and layerisation, and
 * the worker's answer, ready well within that frame, waited behind it (docs/benchmarks.md has the
 * measured frame times). Held, the keydown changes no pixel and the answer is drawn at once, together with
 * the cell; one frame instead of two.
 *
 * A hold never lasts longer than HOLD_MAX_MS (a slow answer shows the edit first, as before), and
 * any input event (a key, a pointer move, typing, a click) shows the held state before its
 * handlers run, so they never compute from a stale value. Components read this store (through
 * useAppStore); actions still write to appStore, which always has the newest state.
 *
 * One per explorer (src/explorer). React's flushSync is passed in (`flush`), so this layer does not
 * depend on react-dom.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppStore, AppStoreState } from './appStore.ts';

/** The longest a held edit waits for its result before it is shown anyway. */
export const HOLD_MAX_MS = 20;

/**
 * Events whose handlers may compute a new value from the shown one: the page shows the newest
 * state before they run. (Not focus events: they can fire inside React's commit, where a
 * synchronous render is not allowed, and the editors' focus handlers read no values.)
 */
const FLUSHING_EVENTS = [
  'keydown',
  'pointerdown',
  'pointermove',
  'wheel',
  'beforeinput',
  'input',
  'click',
  'paste',
  'drop',
] as const;

type State = AppStoreState;

export interface AppView {
  /** The shown state: subscribe to it to draw; never write to it. */
  readonly store: StoreApi<State>;
  /** Shows a held edit (its result has arrived, or failed, or the hold timed out). */
  showHeldEdit(): void;
  /**
   * Holds edits that `policy` accepts until showHeldEdit is called (or HOLD_MAX_MS pass). Returns
   * the function that stops holding (and shows anything held).
   */
  holdEdits(policy: (state: State, prev: State) => boolean): () => void;
  dispose(): void;
}

/**
 * The shown view of `app`. `flush` runs a state change synchronously through React (flushSync),
 * so an input event's handlers render from the newest state.
 */
export function createAppView(app: AppStore, flush: (fn: () => void) => void = (fn) => fn()): AppView {
  const store = createStore<State>()(() => app.getState());
  /** Which app changes are held (set by the controller, which knows when a result is fast). */
  let holdPolicy: ((state: State, prev: State) => boolean) | null = null;
  let holding = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const publish = () => {
    if (store.getState() !== app.getState()) store.setState(app.getState(), true);
  };
  const showHeldEdit = () => {
    if (!holding) return;
    holding = false;
    clearTimeout(timer);
    publish();
  };
  const unsubscribe = app.subscribe((state, prev) => {
    if (holdPolicy?.(state, prev)) {
      if (!holding) {
        holding = true;
        timer = setTimeout(showHeldEdit, HOLD_MAX_MS);
      }
      return;
    }
    // Any other change (play, a load, a message) is shown at once, with a held edit if there is one.
    holding = false;
    clearTimeout(timer);
    publish();
  });
  /** An input event is about to run handlers: they must see (and render from) the newest state. */
  const flushBeforeInput = () => {
    if (holding) flush(showHeldEdit);
  };
  let stopHolding: (() => void) | null = null;

  return {
    store,
    showHeldEdit,
    holdEdits(policy) {
      holdPolicy = policy;
      for (const type of FLUSHING_EVENTS) window.addEventListener(type, flushBeforeInput, { capture: true });
      stopHolding = () => {
        holdPolicy = null;
        for (const type of FLUSHING_EVENTS) window.removeEventListener(type, flushBeforeInput, { capture: true });
        showHeldEdit();
      };
      return stopHolding;
    },
    dispose() {
      stopHolding?.();
      clearTimeout(timer);
      unsubscribe();
    },
  };
}
