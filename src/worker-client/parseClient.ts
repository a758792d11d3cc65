/**
 * The paste worker's client (workers/parse.worker.ts): a worker of its own per file, terminated
 * after, so reading a million battles neither freezes the page nor holds up the simulation worker.
 * Where no worker can start (a page of another origin, no workers), the text is read here.
 */
import type { PasteMode, PasteResult } from '../state/pasteParser.ts';
import { fromWirePaste, type WirePasteResult } from '../state/pasteWire.ts';
import type { ParseStage } from '../../workers/parse.worker.ts';
// oxlint-disable-next-line import/default
import parseWorkerScript from '../../workers/parse.worker.ts?worker&url';

/** Parses in a worker of its own (terminated after), or here when no worker can start. */
export async function parseInWorker(
  input: Blob | string,
  mode: PasteMode,
  onProgress: (stage: ParseStage, fraction: number) => void,
): Promise<PasteResult> {
  let worker: Worker | null = null;
  try {
    const url = new URL(parseWorkerScript, import.meta.url);
    if (typeof location !== 'undefined' && url.origin === location.origin)
      worker = new Worker(url, { type: 'module', name: 'paste' });
  } catch {
    worker = null;
  }
  if (!worker) {
    const { parsePastedMatrix } = await import('../state/pasteParser.ts');
    const text = typeof input === 'string' ? input : await input.text();
    return parsePastedMatrix(text, mode);
  }
  const w = worker;
  try {
    return await new Promise<PasteResult>((resolve) => {
      w.onmessage = (e: MessageEvent<{ progress?: [ParseStage, number]; result?: WirePasteResult }>) => {
        if (e.data.progress) onProgress(...e.data.progress);
        if (e.data.result) resolve(fromWirePaste(e.data.result));
      };
      w.onerror = (e) => {
        e.preventDefault();
        resolve({ ok: false, error: `The file could not be read: ${e.message || 'the reader stopped'}.` });
      };
      w.postMessage({ input, mode });
    });
  } finally {
    w.terminate();
  }
}
