/** The JavaScript a page with <nash-md-explorer> elements needs before its first figure. */
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';

/**
 * The JavaScript (gzip) the page and its workers ask for from navigation to the first figure of a
 * <nash-md-explorer> drawn with its content (its `ready` event and trajectories on its simplex):
 * the requests started before that moment. Each file counted once (the instances' workers import
 * the same chunks, from the cache after the first). Used by the browser bench and by e2e/element.spec.ts.
 */
export async function elementFirstFigureBytes(
  page: Page,
  url: string,
): Promise<{ total: number; worker: number; files: [string, number][] }> {
  const requested: { url: string; started: number; body: Promise<Buffer | null> }[] = [];
  page.on('response', (r) => {
    if (/\.m?js(\?|$)/.test(r.url()))
      requested.push({ url: r.url(), started: r.request().timing().startTime, body: r.body().catch(() => null) });
  });
  // The moment the first figure has its content, taken where it happens: a mutation observer on
  // every shadow root sees the simplex's `data-drawn` change in the task that draws it, so a chunk
  // the page asks for a frame later (keyboard shortcuts, secondary figures) is not counted, however
  // slow the machine. Only an element's `ready` (its first figure drawn) and trajectories drawn past
  // t = 0 (the worker has answered) count.
  await page.addInitScript(() => {
    const w = window as unknown as { benchReady: boolean; figureAt?: number };
    document.addEventListener('ready', () => (w.benchReady = true), { capture: true, once: true });
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init: ShadowRootInit) {
      const root = attach.call(this, init);
      new MutationObserver(() => {
        const drawn = root.querySelector('[data-testid="trajectories"]')?.getAttribute('data-drawn') ?? '';
        if (w.figureAt === undefined && /:[1-9]/.test(drawn)) w.figureAt = Date.now();
      }).observe(root, { subtree: true, attributes: true, attributeFilter: ['data-drawn'] });
      return root;
    };
  });
  await page.goto(url);
  await page.waitForFunction(
    () => {
      const w = window as unknown as { benchReady?: boolean; figureAt?: number };
      return w.benchReady === true && w.figureAt !== undefined;
    },
    undefined,
    { timeout: 30_000, polling: 'raf' },
  );
  const figureAt = await page.evaluate(() => (window as unknown as { figureAt: number }).figureAt);
  const seen = new Set<string>();
  const files: [string, number][] = [];
  for (const r of requested) {
    if (r.started > figureAt || seen.has(r.url)) continue;
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
