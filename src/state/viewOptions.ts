/**
 * How the page is shown, as opposed to what it shows: embed mode and which controls an author
 * hid or locked. They come from the URL hash (`embed=1`, `hide=…`, `lock=…`) and stay in it when
 * the app rewrites the scenario keys. Unknown control names are reported, not fatal.
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { readPairs } from './urlCodec.ts';

/** Controls an author can hide or lock, by the names used in `hide=` and `lock=`. */
export const CONTROL_NAMES = [
  'preset',
  'matrix',
  'paste',
  'reference',
  'initial',
  'tau',
  'eta',
  'schedule',
  'algorithms',
  'comparisons',
  'corners',
  'play',
  'speed',
  'timeline',
  'measurements',
  'tools',
] as const;
export type ControlName = (typeof CONTROL_NAMES)[number];

export const CONTROL_LABELS: Record<ControlName, string> = {
  preset: 'Preset picker',
  matrix: 'Preference matrix',
  paste: 'Paste from a spreadsheet',
  reference: 'Reference policy μ',
  initial: 'Start π₀',
  tau: 'τ slider',
  eta: 'η slider',
  schedule: 'Step-size schedule',
  algorithms: 'Algorithm toggles',
  comparisons: 'RLHF comparison pairs',
  corners: 'Simplex corners (n > 3)',
  play: 'Play, step and reset',
  speed: 'Speed',
  timeline: 'Timeline',
  measurements: 'Convergence, win rates and table',
  tools: 'Header tools (undo, export, share, lecture)',
};

export interface ViewOptions {
  embed: boolean;
  hide: ReadonlySet<ControlName>;
  lock: ReadonlySet<ControlName>;
}

export const viewStore = createStore<ViewOptions>(() => ({ embed: false, hide: new Set(), lock: new Set() }));

export function useView<T>(selector: (v: ViewOptions) => T): T {
  return useStore(viewStore, selector);
}

/** Is control `name` shown, and is it editable? */
export function useControl(name: ControlName): { hidden: boolean; locked: boolean } {
  const hidden = useView((v) => v.hide.has(name));
  const locked = useView((v) => v.lock.has(name));
  return { hidden, locked };
}

/** Reads the view keys of a hash; unknown control names are listed in `problems`. */
export function parseViewOptions(hash: string): { options: ViewOptions; problems: { field: string; message: string }[] } {
  const p = readPairs(hash);
  const problems: { field: string; message: string }[] = [];
  const list = (key: 'hide' | 'lock') => {
    const out = new Set<ControlName>();
    const raw = p.get(key);
    if (!raw) return out;
    for (const name of raw.split(',')) {
      if ((CONTROL_NAMES as readonly string[]).includes(name)) out.add(name as ControlName);
      else if (name) problems.push({ field: key, message: `"${name.slice(0, 30)}" is not a control name (${CONTROL_NAMES.join(', ')})` });
    }
    return out;
  };
  return { options: { embed: p.get('embed') === '1', hide: list('hide'), lock: list('lock') }, problems };
}

/** The view keys to append to a hash (empty string when there are none). */
export function encodeViewOptions(v: ViewOptions): string {
  const parts: string[] = [];
  if (v.embed) parts.push('embed=1');
  if (v.hide.size) parts.push(`hide=${CONTROL_NAMES.filter((c) => v.hide.has(c)).join(',')}`);
  if (v.lock.size) parts.push(`lock=${CONTROL_NAMES.filter((c) => v.lock.has(c)).join(',')}`);
  return parts.length ? '&' + parts.join('&') : '';
}
