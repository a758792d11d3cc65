/**
 * The keyboard shortcuts as the help overlay lists them (useKeyboardShortcuts.ts handles the
 * keys). Loaded with the overlay, on first opening: text the first render does not need.
 */
import { PRESETS } from '../core/presets.ts';

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
