/**
 * How the page is shown, as opposed to what it shows: embed mode and which controls an author
 * hid or locked. They come from the URL hash (`embed=1`, `hide=…`, `lock=…`) and stay in it when
 * the app rewrites the scenario keys. Unknown control names are reported, not fatal.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { readPairs } from './urlCodec.ts';

/** Controls an author can hide or lock, by the names used in `hide=` and `lock=` (their labels: controlLabels.ts). */
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
  'sweep',
  'feedback',
] as const;
export type ControlName = (typeof CONTROL_NAMES)[number];

export interface ViewOptions {
  embed: boolean;
  hide: ReadonlySet<ControlName>;
  lock: ReadonlySet<ControlName>;
  /**
   * `frame=`: the id of the host page's iframe, echoed in the height messages the embed posts
   * (src/embed/frameFit.ts), so a page with several embeds can tell them apart.
   */
  frame?: string;
  /**
   * `poster=`: an image file next to the app (a plain file name, resolved against the page's URL)
   * shown in place of the figure until the reader clicks it or scrolls to it (src/embed/Poster.tsx).
   */
  poster?: string;
}

/** A frame id: letters, digits, `-` and `_`, at most 40 (it is echoed into the host's script). */
export const FRAME_ID = /^[A-Za-z][\w-]{0,39}$/;
/** A poster file: a plain file name (no folders, no scheme) of a PNG, JPEG, WebP or SVG image. */
export const POSTER_FILE = /^[\w][\w.-]{0,99}\.(png|jpe?g|webp|svg)$/i;

/** One explorer's view options. */
export type ViewStore = StoreApi<ViewOptions>;

export function createViewStore(initial: ViewOptions = { embed: false, hide: new Set(), lock: new Set() }): ViewStore {
  return createStore<ViewOptions>(() => initial);
}

/** Reads the view keys of a hash; unknown control names are listed in `problems`. */
export function parseViewOptions(hash: string): {
  options: ViewOptions;
  problems: { field: string; message: string }[];
} {
  const p = readPairs(hash);
  const problems: { field: string; message: string }[] = [];
  const list = (key: 'hide' | 'lock') => {
    const out = new Set<ControlName>();
    const raw = p.get(key);
    if (!raw) return out;
    for (const name of raw.split(',')) {
      if ((CONTROL_NAMES as readonly string[]).includes(name)) out.add(name as ControlName);
      else if (name)
        problems.push({
          field: key,
          message: `"${name.slice(0, 30)}" is not a control name (${CONTROL_NAMES.join(', ')})`,
        });
    }
    return out;
  };
  const options: ViewOptions = { embed: p.get('embed') === '1', hide: list('hide'), lock: list('lock') };
  const frame = p.get('frame');
  if (frame && FRAME_ID.test(frame)) options.frame = frame;
  else if (frame)
    problems.push({
      field: 'frame',
      message: 'an iframe id is a letter followed by up to 39 letters, digits, "-" or "_"',
    });
  const poster = p.get('poster');
  if (poster && POSTER_FILE.test(poster)) options.poster = poster;
  else if (poster)
    problems.push({
      field: 'poster',
      message: 'a poster is a file name next to the app, ending in .png, .jpg, .webp or .svg',
    });
  return { options, problems };
}

/** The view keys to append to a hash (empty string when there are none). */
export function encodeViewOptions(v: ViewOptions): string {
  const parts: string[] = [];
  if (v.embed) parts.push('embed=1');
  if (v.hide.size) parts.push(`hide=${CONTROL_NAMES.filter((c) => v.hide.has(c)).join(',')}`);
  if (v.lock.size) parts.push(`lock=${CONTROL_NAMES.filter((c) => v.lock.has(c)).join(',')}`);
  if (v.frame) parts.push(`frame=${v.frame}`);
  if (v.poster) parts.push(`poster=${v.poster}`);
  return parts.length ? '&' + parts.join('&') : '';
}
