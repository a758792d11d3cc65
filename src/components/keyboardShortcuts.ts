/**
 * Keyboard shortcuts for lecturers and keyboard users (listed in SHORTCUTS, shown by the
 * help overlay). They act only when focus is not in a text field, ignore Ctrl/Meta/Alt chords,
 * leave keys to the focused control that owns them (Space on a button, arrows on a slider), and
 * only act in the document that has focus (an embed in an iframe reacts only when focused).
 *
 * With a story open, → / ← and Page Down / Page Up (what presenter clickers send) move the
 * story's steps; time then steps with . and , (or Shift+→ / Shift+←), which always step time.
 * Presentation toggles (Lecture mode, Fullscreen, the panel toggles) carry `data-space-plays`:
 * Space on them plays / pauses instead of toggling the mode again; Enter still activates them.
 */
import { PRESETS } from '../core/presets.ts';
import type { History } from '../state/history.ts';
import type { Explorer } from '../explorer/explorer.ts';

export interface Shortcut {
  keys: string[];
  action: string;
  /** Further lines (the presets' names). */
  detail?: string[];
}

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: ['Space'], action: 'Play / pause' },
  {
    keys: ['→', 'Page Down'],
    action: 'Step forward one iteration; with a story open, its next step (clickers send Page Down)',
  },
  { keys: ['←', 'Page Up'], action: 'Step back one iteration; with a story open, its previous step' },
  { keys: ['.', 'Shift+→'], action: 'Step forward one iteration (also with a story open)' },
  { keys: [',', 'Shift+←'], action: 'Step back one iteration (also with a story open)' },
  { keys: ['R'], action: 'Reset to t = 0' },
  { keys: ['F'], action: 'Fullscreen on / off' },
  {
    keys: ['1', '…', String(Math.min(9, PRESETS.length))],
    action: 'Load a preset, in the order of the Preset menu:',
    detail: PRESETS.slice(0, 9).map((p, k) => `${k + 1} ${p.name}`),
  },
  { keys: ['L'], action: 'Lecture mode on / off' },
  { keys: ['?'], action: 'Show / hide this list' },
  { keys: ['Esc'], action: 'Close this list' },
];

const TEXT_INPUT_TYPES = new Set([
  'text',
  'search',
  'email',
  'url',
  'tel',
  'password',
  'number',
  'date',
  'datetime-local',
  'month',
  'week',
  'time',
]);

/** Focus is somewhere typing happens: every key belongs to it. */
export function isTextEntry(el: Element | null): boolean {
  if (!el) return false;
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true;
  if (el instanceof HTMLInputElement) return TEXT_INPUT_TYPES.has(el.type);
  return el instanceof HTMLElement && el.isContentEditable;
}

/**
 * Space activates these itself (a second action from us would double-fire). Not the presentation
 * toggles marked `data-space-plays`: after clicking "Lecture mode", Space must play, not undo it.
 */
function ownsSpace(el: Element | null): boolean {
  if (!el) return false;
  if (el instanceof HTMLElement && el.dataset.spacePlays !== undefined) return false;
  if (el instanceof HTMLButtonElement || el instanceof HTMLAnchorElement || el.tagName === 'SUMMARY') return true;
  if (el instanceof HTMLInputElement)
    return ['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'color'].includes(el.type);
  return ['button', 'checkbox', 'radio', 'switch', 'menuitem', 'tab', 'option'].includes(el.getAttribute('role') ?? '');
}

/** Arrow keys move these (a slider's value, a radio group's choice). */
function ownsArrows(el: Element | null): boolean {
  if (!el) return false;
  if (el instanceof HTMLInputElement) return el.type === 'range' || el.type === 'radio';
  return ['slider', 'radio', 'tab', 'menuitem', 'option', 'spinbutton'].includes(el.getAttribute('role') ?? '');
}

export interface ShortcutHandlers {
  toggleFullscreen(): void;
}

/**
 * Ctrl/Cmd+Z undoes, Ctrl/Cmd+Shift+Z or Ctrl+Y redoes, except inside text fields (they have their
 * own undo). Returns whether the key was one of these.
 */
function undoRedo(e: KeyboardEvent, target: Element | null, history: History): boolean {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return false;
  if (
    target instanceof HTMLElement &&
    (target.isContentEditable ||
      target.tagName === 'TEXTAREA' ||
      (target instanceof HTMLInputElement && !['range', 'checkbox', 'radio', 'button'].includes(target.type)))
  )
    return false;
  const key = e.key.toLowerCase();
  if (key !== 'z' && key !== 'y') return false;
  e.preventDefault();
  if ((key === 'z' && e.shiftKey) || key === 'y') history.redo();
  else history.undo();
  return true;
}

/**
 * Installs the explorer's keys (useKeyboardShortcuts.ts loads this module after the first render
 * and calls it); returns the uninstaller, or null when there is no scope. With the `globalKeys` option (the main app) they work anywhere on the page;
 * otherwise only while focus is inside the explorer (`anchor` is any element inside it), so
 * several explorers on one page never act together.
 */
export function installShortcuts(
  explorer: Explorer,
  handlers: ShortcutHandlers,
  anchor: HTMLElement | null,
): (() => void) | null {
  {
    const { controller, actions, app: appStore, ui: uiStore } = explorer;
    const step = (delta: number) => {
      if (appStore.getState().playing) actions.setPlaying(false);
      controller.step(delta);
    };
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      // The element that has focus, also inside a shadow root (an embedded explorer).
      const origin = e.composedPath()[0];
      const target = origin instanceof Element ? origin : document.activeElement;
      if (undoRedo(e, target, controller.history)) return;
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (!document.hasFocus()) return;
      if (isTextEntry(target)) return;
      const ui = uiStore.getState();
      // While the help overlay is open only its own keys work (Esc is the dialog's).
      if (ui.helpOpen && e.key !== '?') return;
      // A story shown in its open panel takes the arrows and the clicker's Page Down / Page Up.
      const story = ui.storiesOpen && ui.story ? explorer.storyStepper.get() : null;
      let handled = true;
      switch (e.key) {
        case ' ':
        case 'Spacebar':
          if (ownsSpace(target) || e.repeat) return;
          actions.setPlaying(!appStore.getState().playing);
          break;
        case 'ArrowRight':
        case 'ArrowLeft': {
          if (ownsArrows(target)) return;
          const forward = e.key === 'ArrowRight';
          if (story && !e.shiftKey) {
            if (forward) story.next();
            else story.previous();
          } else step(forward ? 1 : -1);
          break;
        }
        case 'PageDown':
          if (story) story.next();
          else step(1);
          break;
        case 'PageUp':
          if (story) story.previous();
          else step(-1);
          break;
        case '.':
        case '>':
          step(1);
          break;
        case ',':
        case '<':
          step(-1);
          break;
        case 'r':
        case 'R':
          controller.goTo(0);
          break;
        case 'f':
        case 'F':
          handlers.toggleFullscreen();
          break;
        case 'l':
        case 'L':
          ui.setLecture(!ui.lecture);
          break;
        case '?':
          ui.setHelpOpen(!ui.helpOpen);
          break;
        default: {
          const k = e.key.length === 1 ? '123456789'.indexOf(e.key) : -1;
          if (k >= 0 && k < PRESETS.length) actions.loadPreset(PRESETS[k].id);
          else handled = false;
        }
      }
      if (handled) e.preventDefault();
    };
    const scope: EventTarget | null | undefined = explorer.options.globalKeys ? window : anchor?.closest('.app');
    if (!scope) return null;
    scope.addEventListener('keydown', onKeyDown as EventListener);
    // The keys work from now on (they load after the first figure): said on the explorer's root,
    // for tests and tools that drive it from the keyboard.
    const root = anchor?.closest('.app');
    root?.setAttribute('data-keys', 'on');
    return () => {
      scope.removeEventListener('keydown', onKeyDown as EventListener);
      root?.removeAttribute('data-keys');
    };
  }
}
