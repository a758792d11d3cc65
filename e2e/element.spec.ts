/**
 * The <nash-md-explorer> web component and the library build (issue 13, section 2): the blog
 * example with three instances, a host page on another origin, a hostile host stylesheet, an
 * invalid attribute, and the JavaScript needed before the first figure.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Locator, Page } from '@playwright/test';
import { elementFirstFigureBytes } from '../bench/elementBytes.ts';
import { expect, readPolicies, test } from './fixtures.ts';

type El = HTMLElement & {
  state: Record<string, string>;
  set(p: Record<string, unknown>): void;
  play(): void;
  pause(): void;
  seek(t: number): void;
  reset(): void;
  exportSvg(id: string): Promise<string>;
};

/** Records every element's `ready` event from the first line of the page (they do not bubble). */
async function recordReady(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { readyIds: string[]; readyAt: number };
    w.readyIds = [];
    document.addEventListener(
      'ready',
      (e) => {
        if ((e.target as Element).localName !== 'nash-md-explorer') return;
        w.readyAt ??= performance.now();
        w.readyIds.push((e.target as Element).id);
      },
      true,
    );
  });
}

async function waitReady(page: Page, ids: string[]): Promise<void> {
  await page.waitForFunction(
    (ids) => ids.every((id) => (window as unknown as { readyIds: string[] }).readyIds.includes(id)),
    ids,
    { timeout: 20_000 },
  );
}

const state = (page: Page, id: string) => page.evaluate((id) => ({ ...(document.getElementById(id) as El).state }), id);

/** The "Current policies" table inside one element: algorithm → full-precision values. */
async function tableOf(root: Locator): Promise<Record<string, number[]>> {
  const table = root.getByRole('table', { name: 'Current policies' });
  const out: Record<string, number[]> = {};
  for (const row of await table.locator('tbody tr').all()) {
    const name = (await row.locator('th[scope="row"]').textContent()) ?? '';
    out[name] = await row.locator('td').evaluateAll((tds) => tds.map((td) => Number(td.getAttribute('data-value'))));
  }
  return out;
}

/** t as the transport bar shows it (every layout has it, the figure-only ones too). */
const tShown = async (root: Locator) => Number((await root.locator('.t-readout').innerText()).replace(/\D/g, ''));

/** A static server on a port of its own: the host page's origin, not the app's. */
async function otherOrigin(pages: Record<string, string>): Promise<{ origin: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    const body = pages[(req.url ?? '/').split('?')[0]];
    if (body === undefined) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const hostPage = (script: string, body: string, head = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title><link rel="icon" href="data:,"><script type="module" src="${script}"></script>${head}</head><body>${body}</body></html>`;

// ---- (a) the blog example ----------------------------------------------------------------------

test('blog example: three explorers, each with its own scenario; set/seek/play/pause act on one only; the page hash never changes', async ({
  page,
  errors,
}) => {
  test.setTimeout(60_000);
  await recordReady(page);
  await page.goto('./examples/blog.html#intro');
  const href = page.url();
  await waitReady(page, ['inline', 'full-explorer', 'driven']);
  const inline = page.locator('#inline');
  const full = page.locator('#full-explorer');
  const driven = page.locator('#driven');

  // Each its own scenario, from its attributes.
  expect((await state(page, 'inline')).preset).toBe('rps');
  expect(await state(page, 'full-explorer')).toMatchObject({ preset: 'rater-types', eps: '0.1', t: '400' });
  expect(await state(page, 'driven')).toMatchObject({ preset: 'rps', tau: '1', t: '400' });
  // The inline figure is the simplex alone (with its transport bar); the others have their tables.
  await expect(inline.getByRole('table', { name: 'Current policies' })).toHaveCount(0);
  await expect(inline.getByRole('button', { name: /Play/ })).toBeVisible();
  await expect(driven.getByRole('table', { name: 'Current policies' })).toHaveCount(0);
  await expect(full.getByTestId('iteration')).toHaveText('400');
  await expect.poll(() => tShown(driven)).toBe(400);
  await expect.poll(async () => Object.keys(await tableOf(full)).length).toBe(3);
  const fullTable = await tableOf(full);
  // The figure-only instances: what they show is in their captions.
  const caption = (root: Locator) => root.locator('.transport-bar').innerText();
  await expect.poll(() => caption(driven)).toContain('τ = 1,');
  await expect.poll(() => caption(inline)).toContain('τ = 0.05,');
  const drivenCaption = await caption(driven);
  const inlineState = await state(page, 'inline');

  // set() on one instance changes that one only.
  await page.evaluate(() => (document.getElementById('full-explorer') as El).set({ tau: 0.2 }));
  await expect.poll(() => state(page, 'full-explorer').then((s) => s.tau)).toBe('0.2');
  await expect.poll(() => tableOf(full)).not.toEqual(fullTable);
  expect((await state(page, 'driven')).tau).toBe('1');
  expect(await caption(driven)).toBe(drivenCaption);
  expect(await state(page, 'inline')).toEqual(inlineState);

  // seek() too.
  await page.evaluate(() => (document.getElementById('full-explorer') as El).seek(120));
  await expect(full.getByTestId('iteration')).toHaveText('120');
  expect(await tShown(driven)).toBe(400);

  // play() and pause(): only the one asked moves (the full explorer, in view: off screen Play waits).
  await full.locator('.stage').first().scrollIntoViewIfNeeded();
  const inlineT = await tShown(inline);
  const drivenT = await tShown(driven);
  await page.evaluate(() => (document.getElementById('full-explorer') as El).play());
  await expect.poll(() => tShown(full)).toBeGreaterThan(130);
  await page.evaluate(() => (document.getElementById('full-explorer') as El).pause());
  await page.waitForTimeout(100);
  const stopped = await tShown(full);
  await page.waitForTimeout(300);
  expect(await tShown(full)).toBe(stopped);
  expect(await tShown(inline)).toBe(inlineT);
  expect(await tShown(driven)).toBe(drivenT);
  // Each instance pauses while scrolled out of view (its own IntersectionObserver, in its shadow root).
  await page.evaluate(() => (document.getElementById('full-explorer') as El).play());
  await expect.poll(() => tShown(full)).toBeGreaterThan(stopped + 5);
  await page.locator('body > footer').scrollIntoViewIfNeeded();
  await page.waitForTimeout(200);
  const away = await tShown(full);
  await page.waitForTimeout(400);
  expect(await tShown(full)).toBe(away);
  await full.locator('.stage').first().scrollIntoViewIfNeeded();
  await expect.poll(() => tShown(full)).toBeGreaterThan(away);
  await page.evaluate(() => (document.getElementById('full-explorer') as El).pause());

  // The prose drives the third figure: the last step sets τ = 0.02, η = 0.5, t = 3000.
  await page.locator('.step').last().scrollIntoViewIfNeeded();
  await expect.poll(() => state(page, 'driven')).toMatchObject({ tau: '0.02', eta: '0.5', t: '3000' });
  await expect.poll(() => tShown(driven)).toBe(3000);
  await expect.poll(() => caption(driven)).toContain('τ = 0.02');
  expect((await state(page, 'full-explorer')).tau).toBe('0.2');

  // exportSvg(): a standalone SVG of the figure as drawn, with the export's metadata (the exporter
  // loads on first use); a figure without an SVG export is refused.
  const svg = await page.evaluate(() => (document.getElementById('driven') as El).exportSvg('simplex'));
  expect(svg).toMatch(/^<\?xml[^>]*>\s*<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(svg).toMatch(/Reproduce: [^<]*tau=0\.02/);
  expect(svg).toContain('class="trajectory"');
  const refused = await page.evaluate(() =>
    (document.getElementById('driven') as El).exportSvg('policy-table').then(
      () => 'exported',
      (e: Error) => e.message,
    ),
  );
  expect(refused).toMatch(/no SVG export|not shown/);

  expect(page.url()).toBe(href);
  expect(errors).toEqual([]);
});

// ---- (b) another origin ------------------------------------------------------------------------

const SCENARIOS = [
  ['a', 'preset="rps" t="300"', 'preset=rps&t=300'],
  ['b', 'preset="rater-types" eps="0.1" t="400"', 'preset=rater-types&eps=0.1&t=400'],
  ['c', 'preset="dice" tau="0.05" eta="5" t="200"', 'preset=dice&tau=0.05&eta=5&t=200'],
] as const;

test('from another origin: three explorers load the script, worker and wasm from the app’s origin and show the app’s tables', async ({
  page,
  browser,
  baseURL,
  errors,
}) => {
  test.setTimeout(90_000);
  const app = new URL(baseURL!);
  const host = await otherOrigin({
    '/post.html': hostPage(
      new URL('nash-md-explorer.js', app).href,
      SCENARIOS.map(([id, attrs]) => `<nash-md-explorer id="${id}" ${attrs}></nash-md-explorer>`).join('\n'),
    ),
  });
  try {
    await recordReady(page);
    await page.goto(`${host.origin}/post.html`);
    const href = page.url();
    await waitReady(
      page,
      SCENARIOS.map(([id]) => id),
    );
    // The worker was started through a same-origin blob (not the main-thread fallback).
    expect(page.workers().some((w) => w.url().startsWith('blob:'))).toBe(true);
    await expect(page.getByText('Computing on the main thread')).toHaveCount(0);

    const appPage = await browser.newPage();
    for (const [id, , hash] of SCENARIOS) {
      const el = page.locator(`#${id}`);
      const t = Number(new URLSearchParams(hash).get('t'));
      await expect(el.getByTestId('iteration')).toHaveText(t.toLocaleString('en-US'));
      await appPage.goto(new URL(`./#${hash}`, app).href);
      await expect(appPage.getByTestId('iteration')).toHaveText(t.toLocaleString('en-US'));
      await expect.poll(async () => Object.keys(await readPolicies(appPage)).length).toBe(3);
      const want = await readPolicies(appPage);
      await expect.poll(() => tableOf(el)).toEqual(want);
      // And the rows as the reader sees them.
      const text = (root: Page | Locator) =>
        root.getByRole('table', { name: 'Current policies' }).locator('tbody').innerText();
      expect(await text(el)).toBe(await text(appPage));
    }
    await appPage.close();
    expect(page.url()).toBe(href);
    expect(errors).toEqual([]);
  } finally {
    await host.close();
  }
});

test('from another origin whose page forbids workers: the explorer computes on the main thread and says so', async ({
  page,
  baseURL,
  errors,
}) => {
  const app = new URL(baseURL!);
  const host = await otherOrigin({
    '/strict.html': hostPage(
      new URL('nash-md-explorer.js', app).href,
      '<nash-md-explorer id="x" preset="rps" t="300"></nash-md-explorer>',
      `<meta http-equiv="Content-Security-Policy" content="worker-src 'none'">`,
    ),
  });
  try {
    // The browser reports the refused worker itself (a CSP violation): that one is expected.
    page.on('console', (m) => {
      const i = errors.indexOf(m.text());
      if (m.type() === 'error' && /Content Security Policy/.test(m.text()) && i >= 0) errors.splice(i, 1);
    });
    await recordReady(page);
    await page.goto(`${host.origin}/strict.html`);
    await waitReady(page, ['x']);
    const el = page.locator('#x');
    await expect(el.getByTestId('iteration')).toHaveText('300');
    await expect(el.getByText('Computing on the main thread')).toBeVisible();
    expect(page.workers()).toHaveLength(0);
    const appPage = await page.context().newPage();
    await appPage.goto(new URL('./#preset=rps&t=300', app).href);
    await expect(appPage.getByTestId('iteration')).toHaveText('300');
    await expect.poll(async () => Object.keys(await readPolicies(appPage)).length).toBe(3);
    await expect.poll(() => tableOf(el)).toEqual(await readPolicies(appPage));
    await appPage.close();
  } finally {
    await host.close();
  }
});

// ---- (c) a hostile host stylesheet -------------------------------------------------------------

const HOSTILE =
  '<style>* { font-size: 40px; box-sizing: content-box } table { display: none } button { border-radius: 0 }</style>';

test('a hostile host stylesheet does not reach inside, and the element’s CSS does not leak out', async ({
  page,
  baseURL,
}) => {
  await page.route(`${baseURL}__host/hostile.html`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: hostPage(
        '../nash-md-explorer.js',
        '<p id="host-text">Host text</p><button id="host-button">Host button</button><nash-md-explorer id="x" preset="rps" t="50"></nash-md-explorer>',
        HOSTILE,
      ),
    }),
  );
  await recordReady(page);
  await page.goto('./__host/hostile.html');
  await waitReady(page, ['x']);
  const el = page.locator('#x');
  const table = el.getByRole('table', { name: 'Current policies' });
  await expect(table).toBeVisible();
  // Sizes as in the app itself.
  const sizes = async (root: Page | Locator) => {
    // The table's rows come with the run (its header may be there first).
    await expect(root.getByRole('table', { name: 'Current policies' }).locator('tbody td').first()).toBeVisible();
    return root.getByRole('table', { name: 'Current policies' }).evaluate((t) => ({
      table: getComputedStyle(t).fontSize,
      cell: getComputedStyle(t.querySelector('td')!).fontSize,
      sizing: getComputedStyle(t).boxSizing,
    }));
  };
  const inElement = await sizes(el);
  await page.goto('./#preset=rps&t=50');
  const inApp = await sizes(page);
  expect(inElement).toEqual(inApp);
  // Back on the host page: its own text keeps the host's rules, its button is not the app's.
  await page.goto('./__host/hostile.html');
  expect(await page.locator('#host-text').evaluate((p) => getComputedStyle(p).fontSize)).toBe('40px');
  expect(await page.locator('#host-button').evaluate((b) => getComputedStyle(b).borderRadius)).toBe('0px');
  expect(await page.evaluate(() => getComputedStyle(document.body).margin)).toBe('8px');
});

// ---- (d) an invalid attribute ------------------------------------------------------------------

test('an invalid attribute is named inside the element and everything else loads', async ({ page, baseURL }) => {
  await page.route(`${baseURL}__host/invalid.html`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: hostPage(
        '../nash-md-explorer.js',
        '<nash-md-explorer id="x" preset="rater-types" eps="0.1" tau="-1" t="400"></nash-md-explorer>',
      ),
    }),
  );
  await recordReady(page);
  await page.goto('./__host/invalid.html');
  await waitReady(page, ['x']);
  const el = page.locator('#x');
  const alert = el.getByRole('alert').filter({ hasText: 'tau' });
  await expect(alert).toBeVisible();
  await expect(alert.locator('code', { hasText: 'tau' })).toBeVisible();
  // The rest: the preset, ε and t from the attributes.
  await expect(el.getByTestId('iteration')).toHaveText('400');
  expect(await state(page, 'x')).toMatchObject({ preset: 'rater-types', eps: '0.1' });
  await expect(el.getByRole('table', { name: 'Current policies' }).locator('tbody tr')).toHaveCount(3);
});

// ---- (e) bytes before the first figure ---------------------------------------------------------

test('the first figure of an element needs at most 150 kB of gzipped JavaScript, worker included', async ({ page }) => {
  // One inline figure on a page of its own: what its first figure (trajectories drawn, from the
  // worker's first answer) needs. (On the blog page the other two explorers load beside it: the
  // bench reports that page too, docs/benchmarks.md.)
  await page.route('**/__test/one.html', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>one</title><link rel="icon" href="data:,"><script type="module" src="../nash-md-explorer.js"></script></head><body><nash-md-explorer preset="rps" t="300" figures="simplex"></nash-md-explorer></body></html>',
    }),
  );
  const { total, files } = await elementFirstFigureBytes(page, './__test/one.html');
  // The worker's own script is among them (it is requested before the first figure).
  expect(files.some(([path]) => path.includes('simulation.worker'))).toBe(true);
  expect(total / 1024, files.map(([p, b]) => `${p} ${(b / 1024).toFixed(1)} kB`).join('\n')).toBeLessThanOrEqual(150);
});

// ---- theme, live attributes, visibility, disposal ----------------------------------------------

async function seriousViolations(page: Page): Promise<string[]> {
  const { AxeBuilder } = await import('@axe-core/playwright');
  const results = await new AxeBuilder({ page }).include('nash-md-explorer').analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => JSON.stringify(n.target))
          .join(' | ')}`,
    );
}

test('theme="dark": a dark explorer with readable contrast (axe), switched live; the light theme is the app’s', async ({
  page,
  baseURL,
}) => {
  await page.route(`${baseURL}__host/theme.html`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: hostPage(
        '../nash-md-explorer.js',
        '<nash-md-explorer id="x" preset="rps" t="300" theme="dark"></nash-md-explorer>',
      ),
    }),
  );
  await recordReady(page);
  await page.goto('./__host/theme.html');
  await waitReady(page, ['x']);
  const el = page.locator('#x');
  await expect(el.getByTestId('iteration')).toHaveText('300');
  const panel = () =>
    el
      .locator('.stage')
      .first()
      .evaluate((s) => getComputedStyle(s).backgroundColor);
  expect(await panel()).toBe('rgb(32, 35, 39)');
  expect(await seriousViolations(page)).toEqual([]);
  // Live: light again, without a new instance (t stays).
  await page.evaluate(() => (document.getElementById('x') as El).setAttribute('theme', 'light'));
  await expect.poll(panel).toBe('rgb(255, 255, 255)');
  await expect(el.getByTestId('iteration')).toHaveText('300');
  expect(await seriousViolations(page)).toEqual([]);
  // auto follows prefers-color-scheme.
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.evaluate(() => (document.getElementById('x') as El).setAttribute('theme', 'auto'));
  await expect.poll(panel).toBe('rgb(32, 35, 39)');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(panel).toBe('rgb(255, 255, 255)');
});

test('attributes apply live, a hidden element computes nothing until shown, and removing it stops its worker', async ({
  page,
  baseURL,
}) => {
  await page.route(`${baseURL}__host/live.html`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: hostPage(
        '../nash-md-explorer.js',
        '<nash-md-explorer id="x" preset="rps" t="100"></nash-md-explorer><nash-md-explorer id="h" preset="dice" t="50" style="display:none"></nash-md-explorer>',
      ),
    }),
  );
  await recordReady(page);
  await page.goto('./__host/live.html');
  await waitReady(page, ['x']);
  const el = page.locator('#x');
  await expect(el.getByTestId('iteration')).toHaveText('100');
  // One worker: the hidden element has none, and no figure.
  await page.waitForTimeout(500);
  expect(page.workers()).toHaveLength(1);
  expect(await page.evaluate(() => (window as unknown as { readyIds: string[] }).readyIds)).toEqual(['x']);

  // A changed attribute is applied to the running instance.
  const before = await tableOf(el);
  await page.evaluate(() => document.getElementById('x')!.setAttribute('tau', '0.3'));
  await expect.poll(() => state(page, 'x').then((s) => s.tau)).toBe('0.3');
  await expect.poll(() => tableOf(el)).not.toEqual(before);
  await page.evaluate(() => document.getElementById('x')!.setAttribute('t', '40'));
  await expect(el.getByTestId('iteration')).toHaveText('40');
  // Keys act on the element that has focus (inside its shadow root), and not outside it.
  await el.getByRole('button', { name: 'Lecture mode' }).focus();
  await page.keyboard.press('.');
  await expect(el.getByTestId('iteration')).toHaveText('41');
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('.');
  await page.waitForTimeout(200);
  await expect(el.getByTestId('iteration')).toHaveText('41');

  // Shown: it starts.
  await page.evaluate(() => (document.getElementById('h')!.style.display = ''));
  await waitReady(page, ['h']);
  await expect(page.locator('#h').getByTestId('iteration')).toHaveText('50');
  expect(page.workers()).toHaveLength(2);

  // Removed: its worker is terminated.
  const closed = page
    .workers()[0]
    .waitForEvent('close')
    .catch(() => null);
  await page.evaluate(() => {
    document.getElementById('x')!.remove();
    document.getElementById('h')!.remove();
  });
  await closed;
  await expect.poll(() => page.workers().length).toBe(0);
});

test('every link key is an attribute: average, field and nash apply at load and live, and a bad one is named', async ({
  page,
  baseURL,
}) => {
  await page.route(`${baseURL}__host/keys.html`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: hostPage(
        '../nash-md-explorer.js',
        '<nash-md-explorer id="k" preset="rps" t="60" average="1" field="nash-md" nash="limit"></nash-md-explorer>',
      ),
    }),
  );
  await recordReady(page);
  await page.goto('./__host/keys.html');
  await waitReady(page, ['k']);
  const el = page.locator('#k');
  // average=1: a companion row per algorithm; field: the flow field's arrows; both in the state.
  await expect(
    el.getByRole('table', { name: 'Current policies' }).getByRole('rowheader', { name: /\(average\)/ }),
  ).not.toHaveCount(0);
  await expect.poll(() => el.locator('.simplex-field path.field-arrow').count()).toBeGreaterThan(150);
  expect(await state(page, 'k')).toMatchObject({ average: '1', field: 'nash-md', nash: 'limit' });
  // Changed live, as an attribute and through set().
  await page.evaluate(() => document.getElementById('k')!.setAttribute('field', 'mwu'));
  await expect.poll(() => state(page, 'k').then((s) => s.field)).toBe('mwu');
  await expect(el.getByLabel('Flow field')).toHaveValue('mwu');
  await page.evaluate(() => (document.getElementById('k') as El).set({ field: null }));
  await expect(el.locator('.simplex-field path.field-arrow')).toHaveCount(0);
  // A bad value is named inside the element, and the explorer keeps what it had.
  await page.evaluate(() => document.getElementById('k')!.setAttribute('nash', 'bogus'));
  await expect(el.getByRole('alert')).toContainText('nash');
  expect((await state(page, 'k')).nash).toBe('limit');
});
