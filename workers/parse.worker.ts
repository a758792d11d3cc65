/**
 * The paste worker: reads a dropped or picked file (CSV, TSV, JSON, JSON lines; up to millions of
 * battles) off the main thread, so the page never freezes, and reports how far it got. A thin
 * adapter around the paste readers (src/state/pasteParser.ts); the result goes back with its
 * matrices as transferred Float64Arrays (pasteWire.ts). Plain messages (one request per worker),
 * no comlink: its client then stays out of the page's first chunk.
 *   in:  { input: Blob | string, mode }
 *   out: { progress: [stage, fraction] } now and then while reading, then { result: WirePasteResult }
 */
import { parsePastedMatrix, type PasteMode } from '../src/state/pasteParser.ts';
import { toWirePaste, wirePasteBuffers } from '../src/state/pasteWire.ts';

export type ParseStage = 'reading' | 'parsing';

self.onmessage = async (e: MessageEvent<{ input: Blob | string; mode: PasteMode }>) => {
  const { input, mode } = e.data;
  self.postMessage({ progress: ['reading', 0] });
  const text = typeof input === 'string' ? input : await input.text();
  let last = 0;
  const r = toWirePaste(
    parsePastedMatrix(text, mode, (fraction) => {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      self.postMessage({ progress: ['parsing', fraction] });
    }),
  );
  (self as unknown as Worker).postMessage({ result: r }, wirePasteBuffers(r));
};
