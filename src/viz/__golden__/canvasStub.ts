/**
 * A recording 2D canvas context for the golden tests. happy-dom has no canvas (getContext returns
 * null), so the renderers' canvas layers would draw nothing; this stand-in records every call and
 * property write, in order, so a golden file can show what a canvas was asked to draw.
 *
 * Deterministic stand-ins for what a real canvas measures: measureText is 0.6 em per character
 * (the renderers' own fallback without a canvas), at the px size of the current `font`.
 */

/** Numbers in canvas calls, to 2 decimals (sub-pixel noise is not a change of the figure). */
export function num(x: number): string {
  const r = Math.round(x * 100) / 100;
  return Object.is(r, -0) ? '0' : String(r);
}

function show(v: unknown): string {
  if (typeof v === 'number') return num(v);
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(show).join(',')}]`;
  if (v && typeof v === 'object' && 'tagName' in v) {
    const el = v as HTMLCanvasElement;
    return `<${el.tagName.toLowerCase()} ${el.width}x${el.height}${el.isConnected ? '' : ' offscreen'}>`;
  }
  if (v instanceof StubImageData) return `<image ${v.width}x${v.height}>`;
  return String(v);
}

class StubImageData {
  readonly data: Uint8ClampedArray;
  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.data = new Uint8ClampedArray(Math.max(0, width * height * 4));
  }
}

/** Pixels of a small image as rows of hex colours (alpha left out when opaque). */
function pixelRows(img: StubImageData): string[] {
  if (img.width * img.height > 32 * 32) return [`(${img.width}x${img.height} pixels, not listed)`];
  const rows: string[] = [];
  for (let y = 0; y < img.height; y++) {
    const row: string[] = [];
    for (let x = 0; x < img.width; x++) {
      const k = (y * img.width + x) * 4;
      const hex = (i: number) => img.data[k + i].toString(16).padStart(2, '0');
      row.push(hex(0) + hex(1) + hex(2) + (img.data[k + 3] === 255 ? '' : `/${hex(3)}`));
    }
    rows.push(row.join(' '));
  }
  return rows;
}

/** Calls merged into one entry when they follow each other (a path's vertices). */
const MERGED = new Set(['lineTo']);
const PER_LINE = 8;

export class CanvasRecording {
  readonly ops: string[] = [];
  private last: { name: string; count: number } | null = null;

  call(name: string, args: readonly unknown[]): void {
    const text = args.map(show).join(',');
    if (MERGED.has(name) && this.last?.name === name && this.last.count < PER_LINE) {
      this.ops[this.ops.length - 1] += ` ${text}`;
      this.last.count++;
      return;
    }
    this.ops.push(MERGED.has(name) ? `${name} ${text}` : `${name}(${text})`);
    this.last = { name, count: 1 };
  }

  set(name: string, value: unknown): void {
    this.ops.push(`${name} = ${show(value)}`);
    this.last = null;
  }

  lines(extra: string[]): void {
    for (const l of extra) this.ops.push(`  ${l}`);
    this.last = null;
  }
}

const DEFAULTS: Record<string, unknown> = {
  font: '10px sans-serif',
  fillStyle: '#000000',
  strokeStyle: '#000000',
  lineWidth: 1,
  lineCap: 'butt',
  lineJoin: 'miter',
  lineDashOffset: 0,
  textAlign: 'start',
  textBaseline: 'alphabetic',
  globalAlpha: 1,
  globalCompositeOperation: 'source-over',
  imageSmoothingEnabled: true,
};

const recordings = new WeakMap<HTMLCanvasElement, CanvasRecording>();
/** Every canvas given a context, in order (offscreen ones too: they feed drawImage). */
let canvases: HTMLCanvasElement[] = [];

function createContext(canvas: HTMLCanvasElement): CanvasRenderingContext2D {
  const rec = new CanvasRecording();
  recordings.set(canvas, rec);
  canvases.push(canvas);
  const state: Record<string, unknown> = { ...DEFAULTS };
  let dash: number[] = [];
  const methods: Record<string, (...args: never[]) => unknown> = {
    measureText(text: string) {
      const size = /(\d+(?:\.\d+)?)px/.exec(String(state.font));
      const fs = size ? Number(size[1]) : 10;
      return {
        width: [...String(text)].length * fs * 0.6,
        actualBoundingBoxAscent: fs * 0.8,
        actualBoundingBoxDescent: fs * 0.2,
      };
    },
    createImageData(w: number | StubImageData, h?: number) {
      return typeof w === 'number' ? new StubImageData(w, h ?? 0) : new StubImageData(w.width, w.height);
    },
    getImageData(_x: number, _y: number, w: number, h: number) {
      return new StubImageData(w, h);
    },
    putImageData(img: StubImageData, ...rest: number[]) {
      rec.call('putImageData', [img, ...rest]);
      rec.lines(pixelRows(img));
    },
    setLineDash(d: number[]) {
      dash = [...d];
      rec.call('setLineDash', [dash]);
    },
    getLineDash() {
      return [...dash];
    },
    isPointInPath() {
      return false;
    },
    createLinearGradient(...args: number[]) {
      rec.call('createLinearGradient', args);
      return {
        addColorStop: (offset: number, color: string) => rec.call('addColorStop', [offset, color]),
      };
    },
  };
  return new Proxy({} as CanvasRenderingContext2D, {
    get(_target, key) {
      if (key === 'canvas') return canvas;
      if (typeof key !== 'string') return undefined;
      if (key in methods) return methods[key];
      if (key in state) return state[key];
      return (...args: unknown[]) => rec.call(key, args);
    },
    set(_target, key, value) {
      if (typeof key !== 'string') return false;
      state[key] = value;
      rec.set(key, value);
      return true;
    },
  });
}

let installed = false;

/** Makes every canvas's getContext('2d') a recording context (the same one per canvas). */
export function installCanvasStub(): void {
  if (installed) return;
  installed = true;
  const contexts = new WeakMap<HTMLCanvasElement, CanvasRenderingContext2D>();
  HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string) {
    if (type !== '2d') return null;
    let ctx = contexts.get(this);
    if (!ctx) contexts.set(this, (ctx = createContext(this)));
    return ctx;
  } as HTMLCanvasElement['getContext'];
}

/** What was drawn on `canvas` since its context was created, or null (never given a context). */
export function canvasOps(canvas: HTMLCanvasElement): readonly string[] | null {
  return recordings.get(canvas)?.ops ?? null;
}

/** The canvases given a context since the last reset that are not in the document. */
export function offscreenCanvases(): HTMLCanvasElement[] {
  return canvases.filter((c) => !c.isConnected);
}

/** Forgets the canvases listed so far (call before rendering each figure). */
export function resetCanvasList(): void {
  canvases = [];
}
