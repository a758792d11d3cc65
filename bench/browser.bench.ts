/**
 * Browser benchmark of the built app in headless Chromium (Debian's, via Playwright):
 *  - time to the first drawn trajectory after navigation;
 *  - edit-to-redraw latency: a preference-cell edit (ArrowUp on a focused cell) and a μ move
 *    (arrow key on the focused μ marker, the same path as a drag), from the keydown to the
 *    redraw that shows the new result, and to the end of the frame that paints it (median and
 *    95th percentile of 40 edits), at n = 3 and n = 12, with t = 1000 (a burst every 30 ms, and
 *    isolated edits), and at n = 500;
 *  - while playing three algorithms at 1,000 steps/s for 5 s: frame intervals (median, p95),
 *    main-thread long tasks (> 50 ms), and the JS heap afterwards; from t = 0 and from
 *    t = 100,000 (trajectories of 100,000 steps each: the cost of drawing long runs);
 *  - bytes of JavaScript and CSS (gzip) needed before the first render;
 *  - the <nash-md-explorer> element (library build): gzipped JavaScript requested, page and
 *    workers, before the first figure of examples/blog.html; main-thread time per frame with six
 *    instances on one page, two of them playing.
 * Prints a Markdown section for docs/benchmarks.md.   Run: npm run bench
 */
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from '@playwright/test';
import { elementFirstFigureBytes } from './elementBytes.ts';

// BENCH_PORT / BENCH_OUTDIR: another port or build folder when 4179 or dist/ is in use.
const PORT = Number(process.env.BENCH_PORT ?? 4179);
const OUTDIR = process.env.BENCH_OUTDIR ?? 'dist';
/** --quick skips the long heap run; --play-only measures only the two playing scenarios. */
const QUICK = process.argv.includes('--quick');
const PLAY_ONLY = process.argv.includes('--play-only');
/** --edits-only: the first figure and the edit latencies, no playing (quick A/B comparisons). */
const EDITS_ONLY = process.argv.includes('--edits-only');
/** --bytes-only: only the first render's bytes (no browser; after a build). */
const BYTES_ONLY = process.argv.includes('--bytes-only');
/** --nine-only: only the nine-algorithm play (issue 14: the NLHF family at once on n = 3). */
const NINE_ONLY = process.argv.includes('--nine-only');
/** The algorithms that followed the paper (issue 14), played at once. */
const NINE = ['mwu', 'omwu', 'mmd', 'mpo', 'extragradient', 'nash-mp', 'comal', 'fictitious-play', 'replicator'];
/** --element-only: the <nash-md-explorer> measures (first figure's bytes, six instances). */
const ELEMENT_ONLY = process.argv.includes('--element-only');
const BASE = `http://127.0.0.1:${PORT}/`;

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}
const ms = (x: number) => `${x.toFixed(1)} ms`;

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

/**
 * Latencies from a keydown on `target`: to the redraw that shows the new result (the table's
 * values change in the DOM), and to the end of the frame that paints it (a task queued from that
 * frame's animation callbacks runs after its style, layout, paint and commit; rasterisation on
 * other threads is not included).
 */
interface EditLatencies {
  redraw: number[];
  painted: number[];
  /** The keydown's handlers (store update, the request to the worker), before React renders. */
  handled: number[];
}

async function editLatencies(
  page: Page,
  target: string,
  key: string,
  count: number,
  back = key === 'ArrowUp' ? 'ArrowDown' : 'ArrowLeft',
  settle = false,
  gapMs = 30,
): Promise<EditLatencies> {
  const out: EditLatencies = { redraw: [], painted: [], handled: [] };
  for (let k = 0; k < count; k++) {
    const [redraw, painted, handled] = await page.evaluate(
      ({ target, key, back, k }) =>
        new Promise<[number, number, number]>((resolve, reject) => {
          // A redraw that never comes is a failure, reported with what the page shows.
          const timer = setTimeout(
            () =>
              reject(
                new Error(
                  `no redraw after ${key} on ${target}: value ${(el as HTMLInputElement).value}, drawn ${path.getAttribute('data-drawn')}, t ${document.querySelector('[data-testid="iteration"]')?.textContent}`,
                ),
              ),
            5000,
          );
          const el = document.querySelector<HTMLElement | SVGElement>(target)!;
          // The redraw with the new result: a policy value in the table changes (an input edit
          // alone redraws too, but with the old run's values).
          const table = document.querySelector('.policy-table tbody')!;
          const path = document.querySelector('[data-testid="trajectories"]')!;
          let t0 = 0;
          let redrawn = -1;
          let handled = -1;
          const observer = new MutationObserver((records) => {
            if (!records.some((m) => m.oldValue !== (m.target as Element).getAttribute('data-value'))) return;
            observer.disconnect();
            clearTimeout(timer);
            redrawn = performance.now() - t0;
          });
          // An animation callback in every frame from the keydown on, registered before any the
          // app registers in reaction to the result: in the first frame after the redraw it
          // queues a task, which runs once that frame is rendered, before the app's own tasks.
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve([redrawn, performance.now() - t0, handled]);
          const watch = () => (redrawn >= 0 ? channel.port2.postMessage(0) : requestAnimationFrame(watch));
          requestAnimationFrame(watch);
          observer.observe(table, {
            attributes: true,
            attributeFilter: ['data-value'],
            attributeOldValue: true,
            subtree: true,
          });
          el.focus();
          t0 = performance.now();
          const k2 = k % 2 === 0 ? key : back;
          el.dispatchEvent(new KeyboardEvent('keydown', { key: k2, bubbles: true, cancelable: true }));
          handled = performance.now() - t0;
        }),
      { target, key, back, k },
    );
    out.redraw.push(redraw);
    out.painted.push(painted);
    out.handled.push(handled);
    await page.waitForTimeout(gapMs);
    // Large n: the next edit waits until this one's equilibria are solved (else it would queue).
    if (settle)
      await page.waitForFunction(
        () => !(window as unknown as { nashmdDebug: { computing(): boolean } }).nashmdDebug.computing(),
        undefined,
        { timeout: 60_000 },
      );
  }
  return out;
}

/** "median …, p95 …; painted: median …, p95 …" for a table row. */
function latencyCell(l: EditLatencies): string {
  return `median ${ms(quantile(l.redraw, 0.5))}, p95 ${ms(quantile(l.redraw, 0.95))}; frame painted: median ${ms(quantile(l.painted, 0.5))}, p95 ${ms(quantile(l.painted, 0.95))}`;
}

/**
 * Plays three algorithms at ≈1,000 steps/s for 5 s from iteration `from` and records frame
 * intervals, long tasks, heap. From t = 100,000 every trajectory has 100,000+ steps.
 */
async function playing(page: Page, lines: string[], from: number, algos?: readonly string[]): Promise<void> {
  await page.goto(BASE + `#preset=rps&t=${from}${algos ? `&algos=${algos.join(',')}` : ''}`);
  const first = algos?.[0] ?? 'nash-md';
  await page.waitForFunction(
    (from) => document.querySelector('[data-testid="iteration"]')?.textContent?.replace(/\D/g, '') === String(from),
    from,
    { timeout: 60_000 },
  );
  await page.waitForFunction(
    ([from, first]) =>
      (document.querySelector('[data-testid="trajectories"]')?.getAttribute('data-drawn') ?? '').includes(
        `${first}:${Number(from) + 1}`,
      ),
    [from, first] as const,
    { timeout: 60_000 },
  );
  await page.waitForTimeout(500);
  await page.evaluate(() => {
    const w = window as unknown as { benchFrames: number[]; benchLong: number[]; benchScript: number[] };
    w.benchFrames = [];
    w.benchLong = [];
    // Main-thread script time per animation frame: the app's rAF callbacks, timed.
    w.benchScript = [];
    const raf = window.requestAnimationFrame.bind(window);
    window.requestAnimationFrame = (cb) =>
      raf((now) => {
        const t0 = performance.now();
        cb(now);
        // Renderers draw in microtasks queued by cb; this one runs after them.
        queueMicrotask(() => w.benchScript.push(performance.now() - t0));
      });
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.benchLong.push(e.duration))).observe({
      type: 'longtask',
      buffered: false,
    });
  });
  const speed = page.getByLabel('Speed');
  await speed.fill('70'); // log slider position for ≈1,000 steps/s (20,000^0.70 ≈ 1,030)
  await page.getByRole('button', { name: /Play/ }).click();
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const w = window as unknown as { benchFrames: number[] };
        let last = performance.now();
        const end = last + 5000;
        const tick = (now: number) => {
          w.benchFrames.push(now - last);
          last = now;
          if (now < end) requestAnimationFrame(tick);
          else resolve();
        };
        requestAnimationFrame(tick);
      }),
  );
  const { frames, script, long, t, heap, speedText } = await page.evaluate(() => {
    const w = window as unknown as { benchFrames: number[]; benchLong: number[]; benchScript: number[] };
    const perf = performance as unknown as { memory?: { usedJSHeapSize: number } };
    return {
      frames: w.benchFrames.slice(5),
      script: w.benchScript,
      long: w.benchLong,
      t: document.querySelector('[data-testid="iteration"]')?.textContent,
      heap: perf.memory?.usedJSHeapSize ?? NaN,
      speedText: document.querySelector('.speed-value')?.textContent,
    };
  });
  const what = from
    ? `from t = ${from.toLocaleString('en')} (trajectories of ${from.toLocaleString('en')}+ steps)`
    : 'from t = 0';
  lines.push(
    `| playing ${algos ? `${algos.length} algorithms (${algos.join(', ')})` : '3 algorithms'} at ${speedText} for 5 s ${what} (reached t = ${t}) | frame interval median ${ms(quantile(frames, 0.5))}, p95 ${ms(quantile(frames, 0.95))}, max ${ms(Math.max(...frames))}; ${long.length} main-thread tasks over 50 ms${long.length ? ` (longest ${ms(Math.max(...long))})` : ''} |`,
  );
  lines.push(
    `| main-thread script time per animation frame while playing ${algos ? `${algos.length} algorithms ` : ''}${what} (animation callbacks: the state update, the simplex and the table; the secondary charts draw in a task right after each frame) | median ${ms(quantile(script, 0.5))}, p95 ${ms(quantile(script, 0.95))}, max ${ms(Math.max(...script))} |`,
  );
  if (!algos) lines.push(`| JS heap after playing ${what} | ${(heap / 2 ** 20).toFixed(1)} MB |`);
}

/**
 * Plays Nash-MD, OMD and RLHF at the top speed until Play stops at t = 1,000,000, sampling the JS
 * heap every 2 s (Chromium's performance.memory with --enable-precise-memory-info).
 */
async function longPlay(page: Page, lines: string[]): Promise<void> {
  await page.goto(BASE + '#preset=rps&t=0');
  await page.waitForFunction(() => document.querySelector('[data-testid="iteration"]')?.textContent === '0');
  await page.getByLabel('Speed').fill('100');
  const speedText = await page.locator('.speed-value').textContent();
  await page.getByRole('button', { name: /Play/ }).click();
  const started = Date.now();
  const heaps: number[] = [];
  let t = 0;
  while (Date.now() - started < 240_000) {
    await page.waitForTimeout(2000);
    const sample = await page.evaluate(() => ({
      heap: (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? NaN,
      t: Number(document.querySelector('[data-testid="iteration"]')?.textContent),
      playing: document.querySelector('button[aria-pressed="true"]') !== null,
    }));
    heaps.push(sample.heap);
    t = sample.t;
    if (!sample.playing) break;
  }
  const seconds = (Date.now() - started) / 1000;
  lines.push(
    `| endless Play at ${speedText} (3 algorithms, n = 3) until it stops at t = ${t.toLocaleString('en')} (${seconds.toFixed(0)} s) | JS heap max ${(Math.max(...heaps) / 2 ** 20).toFixed(1)} MB, at the end ${(heaps[heaps.length - 1] / 2 ** 20).toFixed(1)} MB (${heaps.length} samples) |`,
  );
}

async function main(): Promise<void> {
  if (BYTES_ONLY) {
    const lines: string[] = [];
    firstRenderBytes(lines);
    console.log(
      `First-render bytes, ${new Date().toISOString().slice(0, 10)}\n\n| measure | result |\n|---|---|\n${lines.join('\n')}`,
    );
    return;
  }
  // vite itself (not through npx), so that kill() stops the server and not just a wrapper.
  const server = spawn(
    process.execPath,
    [
      'node_modules/vite/bin/vite.js',
      'preview',
      '--outDir',
      OUTDIR,
      '--host',
      '127.0.0.1',
      '--port',
      String(PORT),
      '--strictPort',
    ],
    { stdio: 'ignore' },
  );
  try {
    await waitForServer();
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--disable-gpu', '--no-first-run', '--disable-background-networking', '--enable-precise-memory-info'],
    });
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    // tsx (esbuild) wraps named functions in __name(); functions sent to the page need it too.
    await page.addInitScript('window.__name = (f) => f;');
    const lines: string[] = [];
    const log = (m: string) => process.stderr.write(`[bench] ${m}\n`);

    if (ELEMENT_ONLY) {
      await elementBenches(browser, lines, log);
      await browser.close();
      console.log(
        `Element benchmark, ${new Date().toISOString().slice(0, 10)}, headless Chromium (Debian)\n\n| measure | result |\n|---|---|\n${lines.join('\n')}`,
      );
      return;
    }
    if (NINE_ONLY) {
      const p = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await p.addInitScript('window.__name = (f) => f;');
      log('playing nine algorithms from t = 0');
      await playing(p, lines, 0, NINE);
      await browser.close();
      console.log(
        `Nine algorithms, ${new Date().toISOString().slice(0, 10)}, headless Chromium (Debian), viewport 1440×900\n`,
      );
      console.log('| measure | result |\n|---|---|');
      for (const l of lines) console.log(l);
      return;
    }
    if (!PLAY_ONLY) await firstAndEdits(page, lines, log);

    // Playing, in fresh pages: frame times also measure how the run is drawn, not what ran before.
    await page.close();
    for (const from of EDITS_ONLY ? [] : [0, 100_000]) {
      const p = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await p.addInitScript('window.__name = (f) => f;');
      log(`playing from t = ${from}`);
      await playing(p, lines, from);
      await p.close();
    }
    if (!EDITS_ONLY) {
      const p = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await p.addInitScript('window.__name = (f) => f;');
      log('playing nine algorithms from t = 0');
      await playing(p, lines, 0, NINE);
      await p.close();
    }
    if (!PLAY_ONLY && !EDITS_ONLY) await elementBenches(browser, lines, log);
    if (!QUICK && !PLAY_ONLY && !EDITS_ONLY) {
      const page3 = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await page3.addInitScript('window.__name = (f) => f;');
      await longPlay(page3, lines);
    }
    await browser.close();
    if (!PLAY_ONLY) firstRenderBytes(lines);

    console.log(
      `Browser benchmark, ${new Date().toISOString().slice(0, 10)}, headless Chromium (Debian), viewport 1440×900\n`,
    );
    console.log('| measure | result |\n|---|---|');
    for (const l of lines) console.log(l);
  } finally {
    server.kill();
  }
}

/** Time to the first drawn trajectory, then edit-to-redraw latencies at n = 3 and n = 12. */
async function firstAndEdits(page: Page, lines: string[], log: (m: string) => void): Promise<void> {
  // First figure.
  const firsts: number[] = [];
  for (let k = 0; k < 5; k++) {
    await page.goto(BASE + '#preset=rps');
    await page.waitForFunction(() =>
      (document.querySelector('[data-testid="trajectories"]')?.getAttribute('data-drawn') ?? '').includes(
        'nash-md:301',
      ),
    );
    firsts.push(await page.evaluate(() => performance.now()));
  }
  lines.push(`| time from navigation to the first drawn trajectory | median ${ms(quantile(firsts, 0.5))} (5 loads) |`);

  log('first figure done');
  // Edit-to-redraw.
  for (const [label, hash] of [
    ['n = 3', '#preset=rps&t=1000'],
    ['n = 12', '#preset=random&seed=2&n=12&t=1000'],
  ] as const) {
    await page.goto(BASE + hash);
    if (label === 'n = 12') {
      await page.getByLabel('n', { exact: true }).fill('12');
    }
    await page.waitForFunction(() => document.querySelector('[data-testid="iteration"]')?.textContent === '1000');
    await page.waitForTimeout(300);
    log(`edits ${label}`);
    // A burst (an edit every 30 ms, like a held arrow key) and isolated edits (200 ms apart, each
    // after the previous one's follow-up work is done).
    const cell = await editLatencies(page, 'input[data-i="0"][data-j="1"]', 'ArrowUp', 40);
    lines.push(`| edit-to-redraw, cell edit, ${label}, t = 1000, an edit every 30 ms | ${latencyCell(cell)} |`);
    const single = await editLatencies(page, 'input[data-i="0"][data-j="1"]', 'ArrowUp', 30, undefined, false, 200);
    lines.push(
      `| edit-to-redraw, cell edit, ${label}, t = 1000, isolated edits (200 ms apart) | ${latencyCell(single)} |`,
    );
    if (label === 'n = 3') {
      const mu = await editLatencies(page, 'g[aria-label^="Reference policy μ, drag"]', 'ArrowRight', 40);
      lines.push(`| edit-to-redraw, μ moved on the simplex, ${label}, t = 1000 | ${latencyCell(mu)} |`);
    }
  }
  await largeEdits(page, lines, log);
}

/**
 * n = 500 (the leaderboard preset): a cell edit on the heatmap ('+' / '−' on the selected cell).
 * Times the redraw with the new trajectories (the preview the worker sends before solving the
 * equilibria) and, separately, the end of the whole computation (equilibria and metrics).
 */
async function largeEdits(page: Page, lines: string[], log: (m: string) => void): Promise<void> {
  for (const t of [100, 300]) {
    await page.goto(BASE + `?debug#preset=leaderboard&n=500&seed=1&t=${t}`);
    await page.waitForFunction(
      (t) => document.querySelector('[data-testid="iteration"]')?.textContent === String(t),
      t,
      { timeout: 60_000 },
    );
    await page.waitForFunction(
      () => !(window as unknown as { nashmdDebug: { computing(): boolean } }).nashmdDebug.computing(),
      undefined,
      { timeout: 60_000 },
    );
    const canvas = page.getByTestId('heatmap-canvas');
    await canvas.focus();
    await page.keyboard.press('ArrowRight'); // selects a cell
    log(`edits n = 500, t = ${t}`);
    const redraw = await editLatencies(page, '[data-testid="heatmap-canvas"]', '+', 12, '-', true);
    const full: number[] = [];
    for (let k = 0; k < 6; k++) {
      await page.waitForFunction(
        () => !(window as unknown as { nashmdDebug: { computing(): boolean } }).nashmdDebug.computing(),
        undefined,
        { timeout: 60_000 },
      );
      const t0 = await page.evaluate(() => performance.now());
      await page.keyboard.press(k % 2 === 0 ? '+' : '-');
      await page.waitForFunction(
        () => !(window as unknown as { nashmdDebug: { computing(): boolean } }).nashmdDebug.computing(),
        undefined,
        { timeout: 60_000, polling: 'raf' },
      );
      full.push((await page.evaluate(() => performance.now())) - t0);
    }
    lines.push(
      `| edit-to-redraw of the trajectories, heatmap cell edit, n = 500, t = ${t} | ${latencyCell(redraw)}; keydown handlers: median ${ms(quantile(redraw.handled, 0.5))}, p95 ${ms(quantile(redraw.handled, 0.95))} |`,
    );
    lines.push(
      `| edit to the equilibria and metrics recomputed (Nash LP, π*_τ, Bradley–Terry, τ-paths), n = 500, t = ${t} | median ${ms(quantile(full, 0.5))}, max ${ms(Math.max(...full))} |`,
    );
  }
}

/** The element's measures, each in a fresh page. */
async function elementBenches(browser: Browser, lines: string[], log: (m: string) => void): Promise<void> {
  const fresh = async () => {
    const p = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await p.addInitScript('window.__name = (f) => f;');
    return p;
  };
  log('element: bytes before the first figure');
  let p = await fresh();
  const bytes = await elementFirstFigureBytes(p, BASE + 'examples/blog.html');
  lines.push(
    `| <nash-md-explorer>: JavaScript requested before the first figure of examples/blog.html (gzip; page and workers, each file once) | ${(bytes.total / 1024).toFixed(1)} kB in ${bytes.files.length} files (worker's own: ${(bytes.worker / 1024).toFixed(1)} kB); largest: ${bytes.files
      .sort((a, b) => b[1] - a[1])
      .slice(0, 4)
      .map(([f, b]) => `${f.replace(/^.*\//, '')} ${(b / 1024).toFixed(1)} kB`)
      .join(', ')} |`,
  );
  await p.close();
  // One inline simplex alone on a page (the blog's first figure without the other two).
  p = await fresh();
  await p.route(BASE + '__bench/one.html', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>one</title><link rel="icon" href="data:,"><script type="module" src="../nash-md-explorer.js"></script></head><body><nash-md-explorer preset="rps" t="300" figures="simplex"></nash-md-explorer></body></html>`,
    }),
  );
  const one = await elementFirstFigureBytes(p, BASE + '__bench/one.html');
  lines.push(
    `| … a page with one \`figures="simplex"\` element | ${(one.total / 1024).toFixed(1)} kB in ${one.files.length} files (worker's own: ${(one.worker / 1024).toFixed(1)} kB) |`,
  );
  await p.close();
  log('element: six instances, two playing');
  p = await fresh();
  await sixInstances(p, lines);
  await p.close();
}

/**
 * Six explorers (simplex figures in three columns at 1440×900), two of them playing for 5 s:
 * main-thread script time per animation frame (all rAF callbacks of a frame, summed, with the
 * microtasks they queue), frame intervals and long tasks.
 */
async function sixInstances(page: Page, lines: string[]): Promise<void> {
  const presets = ['rps', 'rater-types', 'dice', 'condorcet', 'bradley-terry', 'elo'];
  const body = presets
    .map((p, k) => `<nash-md-explorer id="e${k}" preset="${p}" t="100" figures="simplex"></nash-md-explorer>`)
    .join('');
  await page.route(BASE + '__bench/six.html', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>six</title><link rel="icon" href="data:,"><script type="module" src="../nash-md-explorer.js"></script><style>body{margin:0}main{display:grid;grid-template-columns:repeat(3,1fr);gap:8px;padding:8px}</style></head><body><main>${body}</main></body></html>`,
    }),
  );
  await page.addInitScript(() => {
    const w = window as unknown as { readyCount: number };
    w.readyCount = 0;
    document.addEventListener('ready', () => w.readyCount++, true);
  });
  await page.goto(BASE + '__bench/six.html');
  await page.waitForFunction((n) => (window as unknown as { readyCount: number }).readyCount >= n, presets.length, {
    timeout: 60_000,
  });
  await page.waitForTimeout(1000);
  const r = await page.evaluate(
    () =>
      new Promise<{ script: number[]; frames: number[]; long: number[]; t: number[] }>((resolve) => {
        const byFrame = new Map<number, number>();
        const raf = window.requestAnimationFrame.bind(window);
        window.requestAnimationFrame = (cb) =>
          raf((now) => {
            const t0 = performance.now();
            cb(now);
            queueMicrotask(() => byFrame.set(now, (byFrame.get(now) ?? 0) + performance.now() - t0));
          });
        const long: number[] = [];
        new PerformanceObserver((list) => list.getEntries().forEach((e) => long.push(e.duration))).observe({
          type: 'longtask',
          buffered: false,
        });
        const els = [...document.querySelectorAll('nash-md-explorer')] as (HTMLElement & {
          play(): void;
          pause(): void;
          state: Record<string, string>;
        })[];
        els[0].play();
        els[3].play();
        const frames: number[] = [];
        let last = performance.now();
        const end = last + 5000;
        const tick = (now: number) => {
          frames.push(now - last);
          last = now;
          if (now < end) raf(tick);
          else {
            els[0].pause();
            els[3].pause();
            resolve({ script: [...byFrame.values()], frames, long, t: els.map((e) => Number(e.state.t)) });
          }
        };
        raf(tick);
      }),
  );
  lines.push(
    `| six <nash-md-explorer> simplex figures on one page (1440×900, three columns; the two playing are in view), two playing for 5 s (60 steps/s) | main-thread script per frame: median ${ms(quantile(r.script, 0.5))}, p95 ${ms(quantile(r.script, 0.95))}, max ${ms(Math.max(...r.script))}; frame interval median ${ms(quantile(r.frames, 0.5))}, p95 ${ms(quantile(r.frames, 0.95))}; ${r.long.length} main-thread tasks over 50 ms${r.long.length ? ` (longest ${ms(Math.max(...r.long))})` : ''}; t afterwards ${r.t.join(', ')} |`,
  );
}

/** First-render bytes: the entry script, its static imports and the CSS referenced by index.html. */
function firstRenderBytes(lines: string[]): void {
  const html = readFileSync(`${OUTDIR}/index.html`, 'utf8');
  const assets = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  let gz = 0;
  for (const a of assets) gz += gzipSync(readFileSync(`${OUTDIR}/${a}`)).length;
  const all = readdirSync(`${OUTDIR}/assets`).filter((f) => f.endsWith('.js'));
  lines.push(
    `| JavaScript + CSS loaded before the first render (gzip) | ${(gz / 1024).toFixed(1)} kB (${assets.join(', ')}); the worker and HiGHS (wasm) load after, in the worker (${all.length} JS files in dist) |`,
  );
}

await main();
