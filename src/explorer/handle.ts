/**
 * The JavaScript handle of one explorer (ExplorerHandle in types.ts): the page reads and changes
 * the scenario in the URL-hash vocabulary, drives time, exports figures, and hears `change` and
 * `ready` events. Everything goes through the explorer's own stores and controller.
 */
import { exportInfo } from '../export/exportInfo.ts';
import { hashViewProblems } from '../state/controller.ts';
import { decodeHash, encodeHash, readPairs } from '../state/urlCodec.ts';
import type { Explorer } from './explorer.ts';
import { figureEntry, type FigureId } from './figureManifest.ts';
import type { ExplorerHandle, HashPatch, HashState } from './types.ts';

/** Keys that pick a preset's matrix: with any of them and no P, the old matrix does not carry over. */
const PRESET_KEYS = ['preset', 'eps', 'seed', 'n'];

/** The explorer's scenario, t and view as a hash (without '#'). */
export function currentHash(explorer: Explorer): string {
  return (
    encodeHash(explorer.app.getState().scenario, explorer.controller.targetT) + explorer.controller.viewHash()
  ).replace(/^#/, '');
}

function toText(v: string | number | boolean): string {
  if (typeof v === 'boolean') return v ? '1' : '0';
  return String(v);
}

/** Applies a patch in the hash vocabulary; returns the hash with the patch merged in. */
export function mergePatch(hash: string, patch: HashPatch): string {
  const pairs = readPairs(hash);
  const keys = Object.keys(patch);
  if (keys.some((k) => PRESET_KEYS.includes(k)) && !keys.includes('P')) {
    pairs.delete('P');
    pairs.delete('labels');
  }
  // A new preset starts from its own defaults (its μ, π0, τ, …), like choosing it in the menu.
  if (keys.includes('preset'))
    for (const k of ['mu', 'pi0', 'tau', 'eta', 'corners', 'algos', 'comparisons', 't']) pairs.delete(k);
  if (keys.includes('P') && !keys.includes('preset')) pairs.delete('preset');
  for (const [k, v] of Object.entries(patch)) {
    if (v === null || v === undefined || v === false) pairs.delete(k);
    else pairs.set(k, k === 'P' || k === 'labels' ? toText(v) : encodeURIComponent(toText(v)).replace(/%2C/gi, ','));
  }
  return [...pairs].map(([k, v]) => `${k}=${v}`).join('&');
}

export class Handle extends EventTarget implements ExplorerHandle {
  private readonly unsubscribe: () => void;
  private disposed = false;

  constructor(
    private readonly explorer: Explorer,
    private readonly unmount: () => void,
  ) {
    super();
    this.unsubscribe = explorer.app.subscribe((s, prev) => {
      if (s.scenario !== prev.scenario || s.requestedT !== prev.requestedT)
        this.dispatchEvent(new CustomEvent('change', { detail: this.state }));
    });
    void explorer.ready.then(() => {
      if (this.disposed) return;
      if (explorer.options.autoplay) explorer.actions.setPlaying(true);
      this.dispatchEvent(new Event('ready'));
    });
  }

  get state(): HashState {
    return Object.fromEntries(readPairs(currentHash(this.explorer)));
  }

  set(patch: HashPatch): void {
    const keys = Object.keys(patch);
    if (keys.length === 0) return;
    if (keys.length === 1 && keys[0] === 't' && patch.t !== null && patch.t !== undefined) {
      this.seek(Number(patch.t));
      return;
    }
    let hash = mergePatch(currentHash(this.explorer), patch);
    const { problems } = decodeHash(hash);
    const viewProblems = hashViewProblems(hash);
    // A value that does not parse keeps the explorer's current value (and is reported by name).
    const refused = new Set([...problems, ...viewProblems].map((p) => p.field).filter((f) => keys.includes(f)));
    if (refused.size)
      hash = mergePatch(
        currentHash(this.explorer),
        Object.fromEntries(Object.entries(patch).filter(([k]) => !refused.has(k))),
      );
    const decoded = decodeHash(hash);
    const reported = [...problems, ...viewProblems].filter((p) => refused.has(p.field));
    this.explorer.controller.loadView(hash);
    const app = this.explorer.app;
    if (keys.includes('t') || keys.includes('preset') || decoded.pending)
      app.getState().loadScenario(decoded.scenario, decoded.t, reported);
    else app.setState({ scenario: decoded.scenario, hashProblems: reported });
    if (decoded.pending) void app.getState().loadDataPreset(null, hash);
  }

  play(): void {
    this.explorer.actions.setPlaying(true);
  }

  pause(): void {
    this.explorer.actions.setPlaying(false);
  }

  seek(t: number): void {
    if (!Number.isFinite(t)) return;
    this.explorer.controller.goTo(t);
  }

  reset(): void {
    this.pause();
    this.explorer.controller.goTo(0);
  }

  async exportSvg(figure: FigureId): Promise<string> {
    const entry = figureEntry(figure);
    if (!entry?.exports) throw new Error(`the ${figure} figure has no SVG export`);
    // The figure as drawn now (taken before the module loads, so a later frame does not change it).
    const svg = this.explorer.figures.get(figure)?.snapshot?.();
    if (!svg) throw new Error(`the ${figure} figure is not shown`);
    // The exporter loads when first used: no first figure waits for it.
    const { composeSvg, serializeSvg } = await import('../export/svgExport.ts');
    // With the same metadata (app version, the scenario's link) as the Export menu's files.
    return serializeSvg(
      composeSvg(
        svg,
        exportInfo(this.explorer.app.getState().scenario, this.explorer.run.getState().t, __APP_VERSION__),
      ),
    );
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.unsubscribe();
    this.unmount();
    this.explorer.dispose();
  }
}
