/**
 * Nothing the user made is lost, and nothing unsafe happens: autosave, undo/redo, the Content-
 * Security-Policy, text-only labels, a sandboxed iframe, and no network requests beyond the app.
 */
import { expect, readPolicies, test } from './fixtures.ts';

test('the scenario autosaves and comes back after a reload; a link takes precedence', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByTestId('iteration')).toHaveText('300');
  const cell = page.getByLabel('P(rock ≻ paper)');
  await cell.fill('0.35');
  await cell.press('Enter');
  await page.getByTestId('tau').fill('0.2');
  await page.getByTestId('tau').press('Enter');
  await page.waitForTimeout(700); // autosave is debounced
  await page.goto('about:blank');
  await page.goto('./'); // no hash: the saved state comes back
  await expect(page.getByLabel('P(rock ≻ paper)')).toHaveValue(/^0\.350*$/);
  await expect(page.getByTestId('tau')).toHaveValue('0.2');
  await page.goto('./#preset=dice'); // a hash wins over the saved state
  await expect(page.getByLabel('Preset', { exact: true })).toHaveValue('dice');
});

test('storage that is unavailable or full is handled without errors', async ({ page, errors }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  await page.goto('./');
  await page.getByTestId('tau').fill('0.2');
  await page.getByTestId('tau').press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Autosave is off' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('a full storage reports that autosave failed and the app goes on', async ({ page }) => {
  await page.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('quota', 'QuotaExceededError');
    };
  });
  await page.goto('./');
  await page.getByTestId('tau').fill('0.2');
  await page.getByTestId('tau').press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'storage is full' })).toBeVisible();
  await expect(page.getByTestId('iteration')).toHaveText('300');
});

test('undo and redo every edit with buttons and keys; a preset load is one step', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByTestId('iteration')).toHaveText('300');
  const original = await readPolicies(page);
  const cell = page.getByLabel('P(rock ≻ paper)');
  await cell.fill('0.4');
  await cell.press('Enter');
  await page.waitForTimeout(600);
  await page.getByLabel('Preset', { exact: true }).selectOption('dice');
  await expect(page.getByLabel('Preset', { exact: true })).toHaveValue('dice');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByLabel('P(rock ≻ paper)')).toHaveValue(/^0\.40*$/);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(page.getByLabel('P(rock ≻ paper)')).toHaveValue(/^0\.10*$/);
  await expect.poll(async () => (await readPolicies(page))['Nash-MD']).toEqual(original['Nash-MD']);
  await page.keyboard.press('Control+Shift+z');
  await expect(page.getByLabel('P(rock ≻ paper)')).toHaveValue(/^0\.40*$/);
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(page.getByLabel('Preset', { exact: true })).toHaveValue('dice');
  await expect(page.getByRole('button', { name: 'Redo' })).toBeDisabled();
});

test('labels are text, never HTML, and the page has a strict Content-Security-Policy', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs += 1;
    void d.dismiss();
  });
  // Labels are at most 24 characters; these fit.
  const evil = ['<img src=x onerror=f()>', '"]]></svg>', '<b>bold</b>'];
  await page.goto(`./#labels=${evil.map(encodeURIComponent).join(',')}&t=10`);
  await expect(
    page.getByRole('table', { name: 'Current policies' }).getByRole('columnheader', { name: evil[0] }),
  ).toBeVisible();
  await expect(page.getByTestId('simplex')).toContainText('"]]></svg>');
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(await page.locator('b', { hasText: 'bold' }).count()).toBe(0);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(csp).not.toContain("'unsafe-eval'");
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(await page.locator('script:not([src])').count()).toBe(0);
  expect(dialogs).toBe(0);
});

test('no network requests leave the app’s own origin', async ({ page, baseURL }) => {
  const foreign: string[] = [];
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(new URL(baseURL!).origin) && !url.startsWith('data:') && !url.startsWith('blob:'))
      foreign.push(url);
  });
  await page.goto('./#preset=rater-types&t=100');
  await expect(page.getByTestId('iteration')).toHaveText('100');
  await page.getByRole('button', { name: /Play/ }).click();
  await page.waitForTimeout(500);
  await page.getByRole('button', { name: /Pause/ }).click();
  expect(foreign).toEqual([]);
});

test('inside a sandbox="allow-scripts" iframe (no storage, no module worker) it computes on the main thread with a note', async ({
  page,
  baseURL,
}) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.setContent(
    `<iframe title="embed" sandbox="allow-scripts" src="${baseURL}#preset=rps&t=120" style="width:1200px;height:800px"></iframe>`,
  );
  const frame = page.frameLocator('iframe[title="embed"]');
  await expect(frame.getByTestId('iteration')).toHaveText('120', { timeout: 15_000 });
  await expect(frame.getByRole('status').filter({ hasText: 'main thread' })).toBeVisible();
  const rows = await frame.getByRole('table', { name: 'Current policies' }).locator('tbody tr').count();
  expect(rows).toBe(3);
  expect(pageErrors).toEqual([]);
});

test('a hash typed in the address bar wins even when the app rewrote the address before the event arrived', async ({
  page,
}) => {
  await page.goto('./#preset=rps&t=300');
  await expect(page.getByTestId('iteration')).toHaveText('300');
  // The race seen under load: the person navigates to a new hash, and the app's pending write of
  // the previous scenario replaces the address before the hashchange event is handled.
  await page.evaluate(() => {
    const typed = `${location.origin}${location.pathname}#preset=dice&t=40`;
    const before = location.href;
    history.replaceState(null, '', '#preset=rps&t=300');
    window.dispatchEvent(new HashChangeEvent('hashchange', { oldURL: before, newURL: typed }));
  });
  await expect(page.getByTestId('iteration')).toHaveText('40');
  await expect(page.getByLabel('Preset')).toHaveValue('dice');
});
