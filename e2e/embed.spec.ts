/** Embedding: embed=1 fits any iframe size, hide=/lock= make focused exercises, Share builds the snippet. */
import type { FrameLocator, Locator, Page } from '@playwright/test';
import { snippetHeight } from '../src/embed/embedHeight.ts';
import { CONTROL_LABELS } from '../src/state/controlLabels.ts';
import { CONTROL_NAMES } from '../src/state/viewOptions.ts';
import { expect, test } from './fixtures.ts';

for (const [w, h] of [
  [360, 300],
  [480, 640],
  [800, 600],
  [1280, 720],
] as const) {
  test(`embed=1 at ${w}×${h}: the figure is drawn, nothing overflows sideways`, async ({ page }) => {
    await page.setViewportSize({ width: w, height: h });
    await page.goto('./#preset=rps&t=300&embed=1');
    await expect(page.getByTestId('iteration')).toHaveText('300');
    await expect(page.getByTestId('trajectories')).toHaveAttribute('data-drawn', /nash-md:301/);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    // The figure comes first and fits in the width.
    const box = (await page.getByTestId('simplex').boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(w + 0.5);
    expect(box.y).toBeLessThan(h / 2);
    await page.screenshot({ path: `test-results/embed-${w}x${h}.png` });
  });
}

test('hide= removes controls and lock= shows them read-only; unknown names are reported', async ({ page }) => {
  await page.goto('./#preset=rps&t=50&embed=1&hide=matrix,paste,tools&lock=tau,play&lock2=x');
  await expect(page.getByRole('table', { name: /Preference matrix/ })).toHaveCount(0);
  await expect(page.getByText('Paste from a spreadsheet')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Share / Embed' })).toHaveCount(0);
  await expect(page.getByTestId('tau')).toBeDisabled();
  await expect(page.getByRole('button', { name: /Play/ })).toBeDisabled();
  await expect(page.getByTestId('eta')).toBeEnabled();
  // The view keys survive the app rewriting the hash.
  await page.getByTestId('eta').fill('1.5');
  await page.getByTestId('eta').press('Enter');
  await expect.poll(() => page.evaluate(() => location.hash)).toContain('eta=1.5');
  const hash = await page.evaluate(() => location.hash);
  expect(hash).toContain('embed=1');
  expect(hash).toContain('hide=matrix,paste,tools');
  expect(hash).toContain('lock=tau,play');
  await page.goto('./#preset=rps&hide=matrix,bogus');
  await expect(page.getByRole('alert').filter({ hasText: 'bogus' })).toBeVisible();
});

test('Share / Embed builds the link and an iframe snippet with the chosen hidden and locked controls', async ({
  page,
}) => {
  await page.goto('./#preset=dice&t=120');
  await expect(page.getByTestId('iteration')).toHaveText('120');
  await page.getByRole('button', { name: 'Share / Embed' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share or embed this state' });
  await expect(dialog.getByLabel('Link to exactly this state')).toHaveValue(/#preset=dice.*t=120/);
  await dialog.getByLabel('Preference matrix: hide').check();
  await dialog.getByLabel('τ slider: read-only').check();
  const snippet = await dialog.getByLabel('Embed code').inputValue();
  expect(snippet).toMatch(
    /^<iframe id="(nashmd-\w+)" src="[^"]*#preset=dice[^"]*&amp;embed=1&amp;hide=matrix&amp;lock=tau&amp;frame=\1" title="Nash-MD explorer/,
  );
  // The snippet's URL reproduces the state in embed mode.
  const src = snippet.match(/src="([^"]+)"/)![1].replace(/&amp;/g, '&');
  await page.goto(src);
  await expect(page.getByTestId('iteration')).toHaveText('120');
  await expect(page.getByRole('table', { name: /Preference matrix/ })).toHaveCount(0);
  await expect(page.getByTestId('tau')).toBeDisabled();
});

test('Play pauses while the figure is scrolled out of view and resumes after', async ({ page }) => {
  await page.setContent('<div style="height:10px"></div>');
  await page.goto('./#preset=rps&t=0&embed=1');
  await page.setViewportSize({ width: 420, height: 420 });
  await page.getByRole('button', { name: /Play/ }).click();
  await expect.poll(async () => Number(await page.getByTestId('iteration').textContent())).toBeGreaterThan(5);
  // Scroll the figure out of view (the measurements sit below it in embed mode).
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect
    .poll(async () =>
      page.evaluate(() => document.querySelector('[data-testid="simplex"]')!.getBoundingClientRect().bottom),
    )
    .toBeLessThan(0);
  // The intersection observer reports a frame or so after the scroll: wait until t has stopped.
  const iteration = async () => Number(await page.getByTestId('iteration').textContent());
  let t1 = await iteration();
  await expect
    .poll(
      async () => {
        const before = t1;
        t1 = await iteration();
        return t1 === before;
      },
      { intervals: [200], timeout: 5_000 },
    )
    .toBe(true);
  await page.waitForTimeout(500);
  expect(Number(await page.getByTestId('iteration').textContent())).toBe(t1);
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect.poll(async () => Number(await page.getByTestId('iteration').textContent())).toBeGreaterThan(t1);
});

// ---- The embed keeps its controls in view and nothing covers the figure (issue 12, item 1) ----

/** Everything hidden except the preset picker (with its ε slider): the post's one exercise. */
const PRESET_ONLY = CONTROL_NAMES.filter((c) => c !== 'preset');
const PRESET_ONLY_HASH = `#preset=rater-types&eps=0.1&t=400&embed=1&hide=${PRESET_ONLY.join(',')}`;
/** The height the Share dialog writes into the snippet for it (used when the host runs no script). */
const PRESET_ONLY_HEIGHT = snippetHeight({ hide: new Set(PRESET_ONLY), n: 3, presetRows: 1 });

type Box = { x: number; y: number; width: number; height: number };
const intersects = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Boxes of the simplex's texts (corner labels, legend) and markers drawn in its SVG layers. */
async function simplexTextBoxes(scope: Page | FrameLocator): Promise<Box[]> {
  return (scope as Page).locator('[data-testid="simplex"] svg text').evaluateAll((els) =>
    els
      .map((e) => e.getBoundingClientRect())
      .filter((r) => r.width > 0)
      .map((r) => ({ x: r.x, y: r.y, width: r.width, height: r.height })),
  );
}

async function expectInside(control: Locator, width: number, height: number) {
  const box = (await control.boundingBox())!;
  expect(box.y, 'top inside the frame').toBeGreaterThanOrEqual(0);
  expect(box.y + box.height, 'bottom inside the frame').toBeLessThanOrEqual(height);
  expect(box.x + box.width).toBeLessThanOrEqual(width);
}

for (const w of [320, 360, 760, 1000]) {
  test(`embed at ${w} px in a frame of the snippet's height: the kept ε slider is in view, no scrolling, nothing covers the figure`, async ({
    page,
    errors,
  }) => {
    await page.setViewportSize({ width: w, height: PRESET_ONLY_HEIGHT });
    await page.goto(`./${PRESET_ONLY_HASH}`);
    await expect(page.getByTestId('trajectories')).toHaveAttribute('data-drawn', /nash-md:401/);
    const eps = page.getByLabel('ε (rater mix)');
    await expect(eps).toBeVisible();
    // The fit runs in the frame after a size change, and lazily loaded parts may still arrive: the
    // layout is checked once it has settled (retried for a few seconds on a busy machine).
    await expect(async () => {
      await expectInside(eps, w, PRESET_ONLY_HEIGHT);
      await expectInside(page.getByLabel('Preset'), w, PRESET_ONLY_HEIGHT);
      const scroll = await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
      expect(scroll, 'no scrolling inside the frame').toBeLessThanOrEqual(1);
      // The time bar (t read-out and caption) is under the figure, not over it.
      const bar = (await page.locator('.transport-bar').boundingBox())!;
      const figure = (await page.getByTestId('simplex').boundingBox())!;
      expect(intersects(bar, figure), 'transport bar over the figure').toBe(false);
      const texts = await simplexTextBoxes(page);
      expect(texts.length).toBeGreaterThan(5);
      for (const t of texts) expect(intersects(bar, t), 'transport bar over a label or the legend').toBe(false);
      // Every label and legend entry of the figure is inside the frame.
      for (const t of texts) expect(t.y + t.height).toBeLessThanOrEqual(PRESET_ONLY_HEIGHT);
    }).toPass({ timeout: 5000 });
    expect(errors).toEqual([]);
  });
}

test('embed with every control at 360 and 760 px, scrolled: the transport bar never covers the figure', async ({
  page,
}) => {
  for (const w of [360, 760]) {
    await page.setViewportSize({ width: w, height: 560 });
    await page.goto('./#preset=rater-types&eps=0.1&t=400&embed=1');
    await expect(page.getByTestId('iteration')).toHaveText('400');
    for (const y of [0, 120, 300]) {
      await page.evaluate((top) => window.scrollTo(0, top), y);
      // Once the layout has settled (lazily loaded parts may still arrive on a busy machine).
      await expect(async () => {
        const bar = (await page.locator('.transport-bar').boundingBox())!;
        for (const t of await simplexTextBoxes(page))
          expect(intersects(bar, t), `at ${w} px, scrolled ${y}`).toBe(false);
      }).toPass({ timeout: 5000 });
    }
  }
});

/**
 * A host page on the preview server's origin: `body` is the blog post's HTML. Each call has its
 * own address, so the browser does not restore the previous page's scroll position.
 */
let hostPages = 0;
async function hostPage(page: Page, baseURL: string, body: string) {
  const url = `${baseURL}host-post-${++hostPages}.html`;
  await page.route(url, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><title>A post</title></head><body style="margin:0;font:16px sans-serif"><p>Before the figure.</p>${body}<p id="after">After the figure.</p></body></html>`,
    }),
  );
  await page.goto(url);
}

/** Builds the snippet in the Share dialog: every control hidden except `keep`. */
async function snippetFromDialog(page: Page, hash: string, keep: string[], poster = false): Promise<string> {
  await page.goto(`./${hash}`);
  await page.getByRole('button', { name: 'Share / Embed' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share or embed this state' });
  // The dialog keeps its choices between openings: set every control.
  for (const c of CONTROL_NAMES)
    await dialog.getByLabel(`${CONTROL_LABELS[c]}: ${keep.includes(c) ? 'show' : 'hide'}`).check();
  if (poster) await dialog.getByLabel(/Show a still until the reader clicks/).check();
  const snippet = await dialog.getByLabel('Embed code').inputValue();
  await dialog.getByRole('button', { name: 'Close' }).click();
  return snippet;
}

test('the snippet sizes its iframe to the embed (two embeds on one page, each its own height)', async ({
  page,
  baseURL,
  errors,
}) => {
  test.setTimeout(90_000);
  const small = await snippetFromDialog(page, '#preset=rater-types&eps=0.1&t=400', ['preset']);
  const tall = await snippetFromDialog(page, '#preset=rps&t=200', [
    'preset',
    'reference',
    'initial',
    'tau',
    'eta',
    'play',
    'timeline',
  ]);
  // Each opening of the dialog names its iframe anew.
  expect(small.match(/id="([\w-]+)"/)![1]).not.toBe(tall.match(/id="([\w-]+)"/)![1]);
  const fallback = Number(small.match(/height="(\d+)"/)![1]);
  expect(fallback).toBe(PRESET_ONLY_HEIGHT);
  for (const w of [360, 1000]) {
    await page.setViewportSize({ width: w, height: 700 });
    await hostPage(page, baseURL!, `${small}<p>Between.</p>${tall}`);
    const frames = page.locator('iframe');
    await expect(frames).toHaveCount(2);
    for (const i of [0, 1]) {
      const frame = frames.nth(i);
      const inner = page.frameLocator('iframe').nth(i);
      await expect(inner.getByTestId('trajectories')).toHaveAttribute(
        'data-drawn',
        i === 0 ? /nash-md:401/ : /nash-md:201/,
        { timeout: 15_000 },
      );
      // The frame takes the height its document reports: no scrolling inside it, no gap under it.
      await expect
        .poll(
          async () => {
            const outer = (await frame.boundingBox())!.height;
            // The app's own height (it does not stretch to the frame in embed mode).
            const content = await frame.evaluate(
              (f: HTMLIFrameElement) => f.contentDocument!.querySelector('.app')!.getBoundingClientRect().height,
            );
            return Math.abs(outer - content);
          },
          { message: `frame ${i} at ${w} px`, timeout: 15_000 },
        )
        .toBeLessThanOrEqual(1);
      const scroll = await frame.evaluate(
        (f: HTMLIFrameElement) => f.contentDocument!.documentElement.scrollHeight - f.contentWindow!.innerHeight,
      );
      expect(scroll).toBeLessThanOrEqual(1);
    }
    // The caption takes a second line when the run's metrics arrive, after the trajectories: compare
    // the frames once both have followed their documents' final heights.
    const heights = async () => Promise.all([0, 1].map(async (i) => (await frames.nth(i).boundingBox())!.height));
    // In one column the embed with more controls is taller; wide, they sit beside the figure.
    if (w < 900)
      await expect
        .poll(
          async () => {
            const [a, b] = await heights();
            return b - a;
          },
          { message: 'the embed with more controls is taller' },
        )
        .toBeGreaterThan(100);
    else
      await expect
        .poll(async () => {
          const [a, b] = await heights();
          return b - a;
        })
        .toBeGreaterThanOrEqual(0);
    const [h0] = await heights();
    // The ε slider of the first embed is inside its frame.
    const epsBottom = await page
      .frameLocator('iframe')
      .first()
      .getByLabel('ε (rater mix)')
      .evaluate((e) => e.getBoundingClientRect().bottom);
    expect(epsBottom).toBeLessThanOrEqual(h0);
  }
  expect(errors).toEqual([]);
});

test('the Share dialog previews the embed at its real size, at a phone’s, a column’s and a wide width', async ({
  page,
}) => {
  test.setTimeout(60_000);
  await page.goto('./#preset=rater-types&eps=0.1&t=400');
  await page.getByRole('button', { name: 'Share / Embed' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share or embed this state' });
  for (const c of PRESET_ONLY) await dialog.getByLabel(`${CONTROL_LABELS[c]}: hide`).check();
  const preview = dialog.locator('iframe[title="Preview of the embed"]');
  const inner = dialog.frameLocator('iframe[title="Preview of the embed"]');
  for (const [label, width] of [
    ['Phone (360 px)', 360],
    ['Column (700 px)', 700],
    ['Wide (1000 px)', 1000],
  ] as const) {
    await dialog.getByLabel(label).check();
    await expect(inner.getByTestId('trajectories')).toHaveAttribute('data-drawn', /nash-md:401/, { timeout: 15_000 });
    await expect.poll(async () => (await preview.boundingBox())!.width).toBe(width);
    // At its real size: the frame is as tall as the embed's page, which does not scroll inside.
    await expect
      .poll(async () =>
        preview.evaluate((f: HTMLIFrameElement) =>
          Math.abs(
            f.getBoundingClientRect().height - f.contentDocument!.querySelector('.app')!.getBoundingClientRect().height,
          ),
        ),
      )
      .toBeLessThanOrEqual(1);
    await expect(inner.getByLabel('ε (rater mix)')).toBeVisible();
    await expect(inner.getByRole('table', { name: /Preference matrix/ })).toHaveCount(0);
  }
});

test('the published address: the link and the snippet use it; an invalid one is named and changes nothing', async ({
  page,
}) => {
  await page.goto('./#preset=dice&t=120');
  await page.getByRole('button', { name: 'Share / Embed' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share or embed this state' });
  const field = dialog.getByLabel(/Published at/);
  await field.fill('https://blog.example.org/figures/nash-md');
  await expect(dialog.getByLabel('Link to exactly this state')).toHaveValue(
    /^https:\/\/blog\.example\.org\/figures\/nash-md\/#preset=dice/,
  );
  const snippet = await dialog.getByLabel('Embed code').inputValue();
  expect(snippet).toContain('src="https://blog.example.org/figures/nash-md/#preset=dice');
  await field.fill('blog.example.org/x y');
  await expect(dialog.getByRole('alert')).toContainText('Published at');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  // The previous snippet stays.
  await expect(dialog.getByLabel('Embed code')).toHaveValue(snippet);
});

/** A 2×2 PNG (grey). */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAAAAABX3VL4AAAADklEQVR4nGPY2cnAwAAACS8BsdVnqgUAAAAASUVORK5CYII=',
  'base64',
);

test('poster: the embed shows the still until scrolled into view or clicked; the snippet’s fallback image is for readers without scripts', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const snippet = await snippetFromDialog(page, '#preset=rater-types&eps=0.1&t=400', ['preset'], true);
  await page.getByRole('button', { name: 'Share / Embed' }).click();
  expect(snippet).toMatch(/poster=nash-md-poster\.png/);
  expect(snippet).toMatch(/<img src="[^"]*\/nash-md-poster\.png" alt="[^"]+"/);
  // The dialog downloads the poster under the name the snippet uses.
  const dialog = page.getByRole('dialog', { name: 'Share or embed this state' });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Download poster image' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('nash-md-poster.png');
  await dialog.getByRole('button', { name: 'Close' }).click();

  await page.route(`${baseURL}nash-md-poster.png`, (route) => route.fulfill({ contentType: 'image/png', body: PNG }));
  await page.setViewportSize({ width: 760, height: 600 });
  // Below a tall paragraph: out of view at first.
  await hostPage(page, baseURL!, `<div style="height:1400px"></div>${snippet}`);
  // With the host script the fallback image is gone (the frame shows the figure).
  await expect(page.locator('a[id$="-fallback"]')).toHaveCount(0);
  const inner = page.frameLocator('iframe');
  await expect(inner.getByRole('button', { name: /Interactive figure: click to start/ })).toBeVisible();
  await expect(inner.getByTestId('simplex')).toHaveCount(0);
  await page.locator('iframe').scrollIntoViewIfNeeded();
  await expect(inner.getByTestId('trajectories')).toHaveAttribute('data-drawn', /nash-md:401/, { timeout: 15_000 });

  // Clicking starts it too: a frame whose top is in view (less than 60 % of it) waits for a click.
  await hostPage(page, baseURL!, `<div style="height:420px"></div>${snippet}`);
  await expect(inner.getByRole('button', { name: /click to start/ })).toBeAttached();
  await page.waitForTimeout(300);
  await expect(inner.getByTestId('simplex')).toHaveCount(0);
  // A mouse click where the still shows (a locator's click would scroll it into view first).
  await page.mouse.click(380, 500);
  await expect(inner.getByTestId('trajectories')).toHaveAttribute('data-drawn', /nash-md:401/, { timeout: 15_000 });

  // A feed reader strips iframes and scripts: what is left is the linked image.
  const stripped = snippet.replace(/<iframe[\s\S]*?<\/iframe>/g, '').replace(/<script>[\s\S]*?<\/script>/g, '');
  await hostPage(page, baseURL!, stripped);
  await expect(page.getByRole('link', { name: /Nash-MD explorer's simplex/ })).toBeVisible();
});

// ---- A sandboxed embed's note is one line (issue 12, item 7) ----

test('in a sandbox="allow-scripts" embed at 360 px the main-thread note is one short line, details folded', async ({
  page,
  baseURL,
}) => {
  await page.setViewportSize({ width: 400, height: 900 });
  await page.setContent(
    `<iframe title="embed" sandbox="allow-scripts" src="${baseURL}#preset=rps&t=120&embed=1" style="width:360px;height:800px;border:0"></iframe>`,
  );
  const frame = page.frameLocator('iframe[title="embed"]');
  await expect(frame.getByTestId('iteration')).toHaveText('120', { timeout: 15_000 });
  const note = frame.getByRole('status').filter({ hasText: 'main thread' });
  await expect(note).toBeVisible();
  const lines = await note.evaluate((el) => {
    const line = parseFloat(getComputedStyle(el.querySelector('summary') ?? el).lineHeight);
    const style = getComputedStyle(el);
    return (el.getBoundingClientRect().height - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom)) / line;
  });
  expect(lines).toBeLessThan(1.5);
  // The reason is there for whoever opens it.
  await note.getByText('Computing on the main thread').click();
  await expect(note).toContainText('Web Worker');
});
