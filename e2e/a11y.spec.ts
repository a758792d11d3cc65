/**
 * Automated accessibility checks (axe-core) on the main page, embed mode and lecture mode, with
 * the open panels people use: zero serious or critical violations. Plus keyboard-only use.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { expect, iteration, test } from './fixtures.ts';

async function seriousViolations(page: import('@playwright/test').Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
}

for (const [name, hash, viewport] of [
  ['main page', '#preset=rps&t=300', { width: 1440, height: 900 }],
  ['main page with n = 6', '#preset=random&seed=3&n=6&t=100', { width: 1440, height: 900 }],
  ['embed mode', '#preset=rps&t=300&embed=1', { width: 480, height: 640 }],
  ['lecture mode', '#preset=rps&t=300&lecture=1', { width: 1280, height: 720 }],
  ['phone width', '#preset=rater-types&t=100', { width: 375, height: 800 }],
] as const) {
  test(`axe: no serious or critical violations on the ${name}`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.goto('./' + hash);
    await expect(page.getByTestId('iteration')).not.toHaveText('0');
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test('axe: the open dialogs and panels too (share, help, explanations, paste)', async ({ page }) => {
  // Three full scans, one of them with the Share dialog's preview (a second explorer in an iframe).
  test.setTimeout(90_000);
  await page.goto('./#preset=rps&t=300');
  await expect(page.getByTestId('iteration')).toHaveText('300');
  await page.locator('summary', { hasText: 'Paste from a spreadsheet' }).click();
  await page.getByRole('button', { name: 'What am I looking at?' }).first().click();
  await expect(page.locator('.katex').first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Share / Embed' }).click();
  // The dialog loads on first click: scan it once it is there.
  await expect(page.getByRole('dialog', { name: 'Share or embed this state' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Keyboard shortcuts (?)' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('keyboard only: from load to a finished run and back', async ({ page }) => {
  await page.goto('./#preset=dice&t=0');
  await expect(page.getByTestId('iteration')).toHaveText('0');
  // Tab until the Play button has focus, with a visible focus ring on the way.
  let found = false;
  for (let k = 0; k < 200 && !found; k++) {
    await page.keyboard.press('Tab');
    found = await page.evaluate(() => document.activeElement?.textContent?.includes('Play') ?? false);
  }
  expect(found).toBe(true);
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(outline).not.toBe('none');
  await page.keyboard.press('Enter');
  await expect.poll(() => iteration(page)).toBeGreaterThan(20);
  await page.keyboard.press('Enter');
  const stopped = await iteration(page);
  await page.waitForTimeout(300);
  expect(await iteration(page)).toBe(stopped);
  // Step back with the keyboard shortcut once focus leaves the button.
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => iteration(page)).toBeLessThan(stopped + 1);
});
