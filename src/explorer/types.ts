/**
 * The public face of one explorer instance: the options it is created with and the handle a page
 * drives it through. The main app (index.html) is one instance with the page-level couplings on;
 * the `<nash-md-explorer>` element and the library's `mount` create others with them off.
 */
import type { FigureId } from './figureManifest.ts';

export type { FigureId };

/** The scenario and t in the URL-hash vocabulary (`preset`, `P`, `tau`, `t`, … as strings). */
export type HashState = Record<string, string>;

/** A partial update in the same vocabulary; numbers and booleans are written as the hash writes them. */
export type HashPatch = Record<string, string | number | boolean | null | undefined>;

export type Theme = 'light' | 'dark' | 'auto';

export interface ExplorerOptions {
  /**
   * The starting scenario and view in the URL-hash vocabulary, with or without the leading `#`
   * (e.g. `preset=rater-types&eps=0.1&t=400&hide=paste`). Invalid values are reported by name in
   * the explorer's message area; everything else loads. Ignored when `syncHash` finds a hash.
   */
  hash?: string;
  /** Read the scenario from `location.hash` and keep the hash in step with it (the main app). */
  syncHash?: boolean;
  /** Autosave the scenario to localStorage under this key (null or absent: never). */
  autosave?: string | null;
  /** Keyboard shortcuts anywhere on the page (the main app); otherwise only with focus inside. */
  globalKeys?: boolean;
  /** Show only these figures (and the transport bar): an inline figure for a blog post. */
  figures?: readonly FigureId[];
  /** Start playing once the first figure is drawn (and the instance is in view). */
  autoplay?: boolean;
  /** Colour scheme; `auto` follows prefers-color-scheme. Default `light`. */
  theme?: Theme;
}

/**
 * The handle of one mounted explorer. Events: `change` (a CustomEvent whose detail is `state`,
 * after every scenario change) and `ready` (once, when the first figure is drawn).
 */
export interface ExplorerHandle extends EventTarget {
  /** The scenario and t now, in the URL-hash vocabulary. */
  readonly state: HashState;
  /** Changes some keys; the others keep their values. Invalid values are reported by name. */
  set(patch: HashPatch): void;
  play(): void;
  pause(): void;
  /** Moves to iteration t (computing the steps first if needed). */
  seek(t: number): void;
  /** Back to t = 0. */
  reset(): void;
  /** A standalone SVG document of a figure as it is drawn now (the exporter loads on first use). */
  exportSvg(figure: FigureId): Promise<string>;
  /** Stops the worker, timers, listeners and animation frames, and unmounts. */
  dispose(): void;
}
