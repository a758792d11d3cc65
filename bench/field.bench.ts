/**
 * Edit-to-flow-field latency in the built app (headless Chromium): from a keydown that edits P (a
 * preference cell, ArrowUp) or μ (the μ marker, ArrowRight) with the flow field of Nash-MD shown
 * (n = 3, 210 grid points), to the redraw of the arrows, and to the end of the frame that paints
 * them (median and 95th percentile of 40 edits, 200 ms apart). Prints Markdown rows for
 * docs/benchmarks.md.   Run: npx vite build && npx tsx bench/field.bench.ts (BENCH_PORT to choose the port)
 */
import { spawn } from 'node:child_process';
import { chromium, type Page } from '@playwright/test';

const PORT = Number(process.env.BENCH_PORT ?? 4180);
const BASE = `http://127.0.0.1:${PORT}/`;

async function waitForServer(): Promise<void> {
  for (let k = 0; k < 100; k++) {
    try {
      if ((await fetch(BASE)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('vite preview did not start');
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}

/** [to the arrows' redraw, to the end of the frame that paints it] in ms, one per edit. */
async function fieldLatencies(
  page: Page,
  target: string,
  key: string,
  back: string,
  count: number,
): Promise<[number, number][]> {
  const out: [number, number][] = [];
  for (let k = 0; k < count; k++) {
    out.push(
      await page.evaluate(
        ({ target, key }) =>
          new Promise<[number, number]>((resolve, reject) => {
            const timer = setTimeout(
              () => reject(new Error(`the flow field was not redrawn after ${key} on ${target}`)),
              5000,
            );
            const layer = document.querySelector('[data-testid="simplex"] .simplex-field')!;
            let t0 = 0;
            let redrawn = -1;
            // The layer is cleared and redrawn on each new field: its children change.
            const observer = new MutationObserver(() => {
              observer.disconnect();
              clearTimeout(timer);
              redrawn = performance.now() - t0;
            });
            const channel = new MessageChannel();
            channel.port1.onmessage = () => resolve([redrawn, performance.now() - t0]);
            const watch = () => (redrawn >= 0 ? channel.port2.postMessage(0) : requestAnimationFrame(watch));
            requestAnimationFrame(watch);
            observer.observe(layer, { childList: true });
            const el = document.querySelector<HTMLElement>(target)!;
            el.focus();
            t0 = performance.now();
            el.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
          }),
        { target, key: k % 2 === 0 ? key : back },
      ),
    );
    await page.waitForTimeout(200);
  }
  return out;
}

function row(what: string, l: [number, number][]): string {
  const f = (i: 0 | 1) =>
    `median ${quantile(
      l.map((x) => x[i]),
      0.5,
    ).toFixed(1)} ms, p95 ${quantile(
      l.map((x) => x[i]),
      0.95,
    ).toFixed(1)} ms`;
  return `| ${what} → flow field redrawn | ${f(0)}; frame painted: ${f(1)} |`;
}

async function main(): Promise<void> {
  const server = spawn(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'],
    { stdio: 'ignore' },
  );
  try {
    await waitForServer();
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.addInitScript('window.__name = (f) => f;');
    await page.goto(BASE + '#preset=rps&t=1000&field=nash-md');
    await page.waitForSelector('[data-testid="simplex"] .simplex-field path.field-arrow', { timeout: 30_000 });
    await page.waitForTimeout(1000);
    const lines = [
      row(
        'P cell edit (ArrowUp), n = 3, t = 1,000, field of Nash-MD (210 points)',
        await fieldLatencies(page, 'input[data-i="0"][data-j="1"]', 'ArrowUp', 'ArrowDown', 40),
      ),
      row(
        'μ move (ArrowRight on the μ marker), same',
        await fieldLatencies(page, 'g[aria-label^="Reference policy μ, drag"]', 'ArrowRight', 'ArrowLeft', 40),
      ),
    ];
    console.log(
      `Flow field, ${new Date().toISOString().slice(0, 10)}\n\n| measure | result |\n|---|---|\n${lines.join('\n')}`,
    );
    await browser.close();
  } finally {
    server.kill();
  }
}

void main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
