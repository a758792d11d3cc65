/**
 * `<nash-md-explorer>`: one explorer instance in an open shadow root. Its attributes are the URL
 * hash's keys (src/element/attributes.ts) plus `figures`, `autoplay`, `theme`, `sync-hash` and
 * `autosave`; its methods and events are those of the instance's handle (ExplorerHandle).
 *
 * Lifecycle: the instance is mounted when the element is connected AND rendered (a `display: none`
 * element starts no worker and computes nothing until it is shown), and disposed when it is
 * disconnected. Calls made before the instance exists (set, seek, play, …) are kept and applied
 * when it mounts, so a page may drive an element from its first line of script.
 */
import type { FigureId } from '../explorer/figureManifest.ts';
import type { ExplorerHandle, ExplorerOptions, HashPatch, HashState } from '../explorer/types.ts';
import {
  OBSERVED_ATTRIBUTES,
  hashFromAttributes,
  hashKeyOf,
  optionsFromAttributes,
  patchFromAttribute,
} from './attributes.ts';
import { ROOT_CLASS } from './styles.ts';

export type MountFn = (container: HTMLElement, options: ExplorerOptions) => ExplorerHandle;
export type SheetFn = () => Promise<CSSStyleSheet>;

/** What the element needs from the library: kept as parameters so the entry decides the bundling. */
export interface ElementDeps {
  mount: MountFn;
  sheet: SheetFn;
}

type Queued =
  | { kind: 'set'; patch: HashPatch }
  | { kind: 'play' }
  | { kind: 'pause' }
  | { kind: 'seek'; t: number }
  | { kind: 'reset' };

let baseSheet: CSSStyleSheet | null = null;
function hostSheet(): CSSStyleSheet {
  if (!baseSheet) {
    baseSheet = new CSSStyleSheet();
    baseSheet.replaceSync(':host { display: block; } :host([hidden]) { display: none; }');
  }
  return baseSheet;
}

export function defineNashMdExplorer(deps: ElementDeps, name = 'nash-md-explorer'): void {
  if (customElements.get(name)) return;

  class NashMdExplorerElement extends HTMLElement {
    static get observedAttributes(): readonly string[] {
      return OBSERVED_ATTRIBUTES;
    }

    #handle: ExplorerHandle | null = null;
    #container: HTMLDivElement | null = null;
    #problems: HTMLDivElement | null = null;
    #queue: Queued[] = [];
    #shown: ResizeObserver | null = null;
    #darkQuery: MediaQueryList | null = null;
    /** Bumped on every disconnect: a mount that finishes after it is dropped. */
    #generation = 0;
    #mounting = false;

    /** The instance's handle once mounted (null while hidden or loading). */
    get handle(): ExplorerHandle | null {
      return this.#handle;
    }

    connectedCallback(): void {
      const generation = this.#generation;
      const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
      if (!this.#container) {
        // A block from the start (before the app's stylesheet arrives): the ResizeObserver below
        // sees an element that is shown get a width (an empty inline element has none).
        shadow.adoptedStyleSheets = [hostSheet()];
        this.#problems = document.createElement('div');
        this.#problems.className = `${ROOT_CLASS} element-problems`;
        this.#container = document.createElement('div');
        this.#container.className = ROOT_CLASS;
        shadow.append(this.#problems, this.#container);
      }
      this.#applyTheme();
      // Mount once the element has a box: a hidden (display: none) element computes nothing.
      this.#shown = new ResizeObserver(() => {
        if (this.getClientRects().length === 0 || this.#handle || this.#mounting) return;
        this.#mounting = true;
        void deps
          .sheet()
          .catch((e: unknown) => {
            // Unstyled is better than nothing; the reason goes to the console.
            console.warn(
              `nash-md-explorer: its stylesheet did not load (${e instanceof Error ? e.message : String(e)})`,
            );
            return null;
          })
          .then((sheet) => {
            this.#mounting = false;
            if (generation !== this.#generation || !this.isConnected || this.#handle) return;
            if (sheet && !shadow.adoptedStyleSheets.includes(sheet))
              shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
            // Shown once is enough: hidden again later, the instance stays (and pauses off screen).
            this.#shown?.disconnect();
            this.#mount();
          });
      });
      this.#shown.observe(this);
    }

    disconnectedCallback(): void {
      this.#generation++;
      this.#shown?.disconnect();
      this.#shown = null;
      this.#darkQuery?.removeEventListener('change', this.#onScheme);
      this.#darkQuery = null;
      this.#unmount();
    }

    attributeChangedCallback(name: string, old: string | null, value: string | null): void {
      if (old === value) return;
      const key = hashKeyOf(name);
      if (key) {
        this.#handle?.set(patchFromAttribute(key, value));
        return;
      }
      if (name === 'theme') this.#applyTheme();
      else if (name === 'autoplay') {
        if (value !== null && value !== 'false' && value !== '0') this.#handle?.play();
      } else if (this.#handle) this.#remount(); // figures, sync-hash, autosave
    }

    // --- the handle's API, on the element ---------------------------------------------------

    /** The scenario and t in the URL-hash vocabulary (before mounting: from the attributes). */
    get state(): HashState {
      if (this.#handle) return this.#handle.state;
      const out: HashState = {};
      for (const part of hashFromAttributes((k) => this.getAttribute(k)).split('&')) {
        const eq = part.indexOf('=');
        if (eq > 0) out[part.slice(0, eq)] = decodeURIComponent(part.slice(eq + 1));
      }
      return out;
    }
    set(patch: HashPatch): void {
      this.#call({ kind: 'set', patch });
    }
    play(): void {
      this.#call({ kind: 'play' });
    }
    pause(): void {
      this.#call({ kind: 'pause' });
    }
    seek(t: number): void {
      this.#call({ kind: 'seek', t });
    }
    reset(): void {
      this.#call({ kind: 'reset' });
    }
    /** A standalone SVG of a figure as drawn now; rejects before the explorer is mounted. */
    async exportSvg(figure: FigureId): Promise<string> {
      if (!this.#handle) throw new Error('nash-md-explorer: exportSvg() needs the explorer to be shown and ready');
      return this.#handle.exportSvg(figure);
    }

    // --- internals ----------------------------------------------------------------------------

    #call(q: Queued): void {
      const h = this.#handle;
      if (!h) {
        this.#queue.push(q);
        return;
      }
      if (q.kind === 'set') h.set(q.patch);
      else if (q.kind === 'seek') h.seek(q.t);
      else h[q.kind]();
    }

    #options(hash: string): ExplorerOptions {
      const o = optionsFromAttributes((n) => this.getAttribute(n));
      this.#showProblems(o.problems);
      return {
        hash,
        figures: o.figures,
        autoplay: o.autoplay,
        theme: o.theme,
        syncHash: o.syncHash,
        autosave: o.autosave,
        globalKeys: false,
      };
    }

    #mount(hash = hashFromAttributes((k) => this.getAttribute(k))): void {
      const container = this.#container!;
      const handle = deps.mount(container, this.#options(hash));
      this.#handle = handle;
      handle.addEventListener('change', this.#onChange);
      handle.addEventListener('ready', this.#onReady);
      const queued = this.#queue;
      this.#queue = [];
      for (const q of queued) this.#call(q);
    }

    #unmount(): void {
      const h = this.#handle;
      if (!h) return;
      h.removeEventListener('change', this.#onChange);
      h.removeEventListener('ready', this.#onReady);
      h.dispose();
      this.#handle = null;
      this.#container?.replaceChildren();
    }

    /** figures / sync-hash / autosave: a new instance with the current scenario and t. */
    #remount(): void {
      const state = this.#handle!.state;
      const hash = Object.entries(state)
        .map(([k, v]) => `${k}=${k === 'labels' ? v.split(',').map(encodeURIComponent).join(',') : v}`)
        .join('&');
      this.#unmount();
      this.#mount(hash);
    }

    #onChange = (e: Event) => {
      this.dispatchEvent(new CustomEvent('change', { detail: (e as CustomEvent).detail }));
    };
    #onReady = () => {
      this.dispatchEvent(new CustomEvent('ready'));
    };
    #onScheme = () => this.#applyTheme();

    /** data-theme on the container: the CSS custom properties of src/styles.css switch on it. */
    #applyTheme(): void {
      const { theme } = optionsFromAttributes((n) => this.getAttribute(n));
      if (theme === 'auto' && !this.#darkQuery && typeof matchMedia === 'function') {
        this.#darkQuery = matchMedia('(prefers-color-scheme: dark)');
        this.#darkQuery.addEventListener('change', this.#onScheme);
      }
      const dark = theme === 'dark' || (theme === 'auto' && this.#darkQuery?.matches === true);
      for (const el of [this.#container, this.#problems]) if (el) el.dataset.theme = dark ? 'dark' : 'light';
    }

    #showProblems(problems: { field: string; message: string }[]): void {
      const box = this.#problems!;
      box.replaceChildren();
      if (!problems.length) return;
      const alert = document.createElement('div');
      alert.className = 'alert';
      alert.setAttribute('role', 'alert');
      for (const p of problems) {
        const line = document.createElement('p');
        const code = document.createElement('code');
        code.textContent = p.field;
        line.append(code, `: ${p.message}`);
        alert.append(line);
      }
      box.append(alert);
    }
  }

  customElements.define(name, NashMdExplorerElement);
}
