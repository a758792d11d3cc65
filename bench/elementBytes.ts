/** The JavaScript a page with <nash-md-explorer> elements needs before its first figure. */
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';

/**
 * The JavaScript (gzip) the page and its workers request from navigation to the first figure of a
 * <nash-md-explorer> drawn with its content (its `ready` event and trajectories on its simplex). Each file counted once (the instances'
 * workers import the same chunks, from the cache after the first). Used by the browser bench and by e2e/element.spec.ts.
 */
export async function elementFirstFigureBytes(
  page: Page,
  url: string,
): Promise<{ total: number; worker: number; files: [string, number][] }> {
  const requested: { url: string; at: number; body: Promise<Buffer | null> }[] = [];
  page.on('response', (r) => {
    if (/\.m?js(\?|$)/.test(r.url()))
      requested.push({ url: r.url(), at: Date.now(), body: r.body().catch(() => null) });
  });
  await page.addInitScript(() => {
    const w = window as unknown as { benchReady: boolean };
    document.addEventListener('ready', () => (w.benchReady = true), { capture: true, once: true });
  });
  await page.goto(url);
  // The first figure with its content: an element's `ready` (its first figure drawn) and, in some
  // element, the simplex's trajectories drawn (past t = 0: the worker has answered).
  await page.waitForFunction(
    () =>
      (window as unknown as { benchReady?: boolean }).benchReady === true &&
      [...document.querySelectorAll('nash-md-explorer')].some((el) =>
        /:[1-9]/.test(el.shadowRoot?.querySelector('[data-testid="trajectories"]')?.getAttribute('data-drawn') ?? ''),
      ),
    undefined,
    { timeout: 30_000, polling: 'raf' },
  );
  const readyAt = Date.now();
  const seen = new Set<string>();
  const files: [string, number][] = [];
  for (const r of requested) {
    if (r.at > readyAt || seen.has(r.url)) continue;
    seen.add(r.url);
    const body = await r.body;
    if (body) files.push([new URL(r.url).pathname, gzipSync(body).length]);
  }
  const total = files.reduce((a, [, b]) => a + b, 0);
  const worker = files
    .filter(([f]) => /simulation\.worker|previewRuns|simulate-|simulationService/.test(f))
    .reduce((a, [, b]) => a + b, 0);
  return { total, worker, files };
}
