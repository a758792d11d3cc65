import type { Page } from '@playwright/test';
import { expect, iteration, test } from './fixtures.ts';

/**
 * Every visible HTML text node's computed font size, with where it is. Skipped: hidden elements
 * (display/visibility, zero size, the 1 px visually-hidden live regions), SVG internals (figure
 * text is sized by the renderers' LECTURE_THEME, checked separately) and KaTeX internals.
 */
async function smallTexts(page: Page, includeSvg: boolean): Promise<string[]> {
  return page.evaluate((svg) => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent || node.textContent.trim() === '') continue;
      const el = node.parentElement;
      if (!el || el.closest('.katex, option, script, style, title, desc')) continue;
      if (!svg && el.closest('svg')) continue;
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const rect = range.getBoundingClientRect();
      if (rect.width <= 1 || rect.height <= 1) continue;
      if (el.closest('.visually-hidden')) continue;
      const size = parseFloat(style.fontSize);
      if (size < 23.95)
        out.push(
          `${size}px "${node.textContent.trim().slice(0, 40)}" in <${el.tagName.toLowerCase()} class="${el.getAttribute('class') ?? ''}">`,
        );
    }
    return out;
  }, includeSvg);
}

test.describe('lecture mode', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('the button turns it on: every HTML text is at least 24 px, and the link keeps lecture=1', async ({ page }) => {
    await page.goto('./#preset=rps');
    await expect(page.getByTestId('iteration')).toHaveText('300');
    expect((await smallTexts(page, false)).length).toBeGreaterThan(0);
    const toggle = page.getByRole('button', { name: 'Lecture mode' });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('.app')).toHaveClass(/\blecture\b/);
    expect(await smallTexts(page, false)).toEqual([]);
    await expect.poll(() => page.url(), { timeout: 4000 }).toMatch(/[#&]lecture=1(&|$)/);
    expect(page.url()).toContain('preset=rps');
    // The inputs start folded away (the room needs the figure); both side panels toggle.
    await expect(page.getByRole('complementary', { name: 'Inputs' })).toBeHidden();
    await page.getByRole('button', { name: 'Inputs', exact: true }).click();
    await expect(page.getByRole('complementary', { name: 'Inputs' })).toBeVisible();
    await page.getByRole('button', { name: 'Inputs', exact: true }).click();
    await expect(page.getByRole('complementary', { name: 'Inputs' })).toBeHidden();
    await page.getByRole('button', { name: 'Measurements', exact: true }).click();
    await expect(page.getByRole('complementary', { name: 'Measurements' })).toBeHidden();
    await expect(page.getByTestId('trajectories')).toBeVisible();
    await toggle.click();
    await expect(page.locator('.app')).not.toHaveClass(/\blecture\b/);
    await expect(page.getByRole('complementary', { name: 'Inputs' })).toBeVisible();
    await expect.poll(() => page.url()).not.toContain('lecture=1');
  });

  test('lecture=1 in the link turns it on at load', async ({ page }) => {
    await page.goto('./#preset=dice&lecture=1');
    await expect(page.getByTestId('iteration')).toHaveText('300');
    await expect(page.getByRole('button', { name: 'Lecture mode' })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('.app')).toHaveClass(/\blecture\b/);
    expect(await smallTexts(page, false)).toEqual([]);
    await expect.poll(() => page.url(), { timeout: 4000 }).toMatch(/[#&]lecture=1(&|$)/);
    await expect(page.getByLabel('Preset', { exact: true })).toHaveValue('dice');
  });

  test('the figures follow: their SVG text is at least 24 px too', async ({ page }) => {
    await page.goto('./#preset=rps&lecture=1');
    await expect(page.getByTestId('iteration')).toHaveText('300');
    await expect.poll(() => smallTexts(page, true)).toEqual([]);
  });
});

test.describe('keyboard shortcuts', () => {
  test('Space, arrows, Page Up/Down, R, digits, L and ? do what the help says', async ({ page }) => {
    await page.goto('./#preset=rps&t=5');
    await expect(page.getByTestId('iteration')).toHaveText('5');
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('iteration')).toHaveText('6');
    await page.keyboard.press('PageDown');
    await expect(page.getByTestId('iteration')).toHaveText('7');
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByTestId('iteration')).toHaveText('6');
    await page.keyboard.press('PageUp');
    await expect(page.getByTestId('iteration')).toHaveText('5');
    // The live region says where we are once stepping stops.
    await expect(page.getByTestId('announcer')).toContainText('Paused at t = 5.');
    await expect(page.getByTestId('announcer')).toContainText('Nash-MD: rock 0.');

    await page.keyboard.press('r');
    await expect(page.getByTestId('iteration')).toHaveText('0');

    await page.keyboard.press(' ');
    await expect(page.getByRole('button', { name: /Pause/ })).toBeVisible();
    await expect.poll(() => iteration(page)).toBeGreaterThan(10);
    await page.keyboard.press(' ');
    await expect(page.getByRole('button', { name: /Play/ })).toBeVisible();
    const paused = await iteration(page);
    await page.waitForTimeout(300);
    expect(await iteration(page)).toBe(paused);

    await page.keyboard.press('2');
    await expect(page.getByLabel('Preset', { exact: true })).toHaveValue('rater-types');
    await page.keyboard.press('3');
    await expect(page.getByLabel('Preset', { exact: true })).toHaveValue('dice');

    await page.keyboard.press('l');
    await expect(page.getByRole('button', { name: 'Lecture mode' })).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press('L');
    await expect(page.getByRole('button', { name: 'Lecture mode' })).toHaveAttribute('aria-pressed', 'false');

    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await page.keyboard.press('?');
    await expect(help).toBeVisible();
    // Header row + 11 shortcuts (. / , and Shift+arrows step time also with a story open).
    await expect(help.getByRole('row')).toHaveCount(12);
    // Other shortcuts are inert while the dialog is open.
    await page.keyboard.press('r');
    await expect(page.getByLabel('Preset', { exact: true })).toHaveValue('dice');
    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();
  });

  test('the help button opens the dialog; Close and Esc return focus to it', async ({ page }) => {
    await page.goto('./');
    const opener = page.getByRole('button', { name: /Keyboard shortcuts/ });
    await opener.click();
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(help).toBeVisible();
    await help.getByRole('button', { name: 'Close' }).click();
    await expect(help).toBeHidden();
    await expect(opener).toBeFocused();
    await opener.press('Enter');
    await expect(help).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();
    await expect(opener).toBeFocused();
  });

  test('shortcuts do not fire while typing in a field', async ({ page }) => {
    await page.goto('./#preset=rps&t=5');
    await expect(page.getByTestId('iteration')).toHaveText('5');
    const cell = page.getByLabel('P(rock ≻ paper)');
    await cell.focus();
    for (const key of ['2', 'r', '?', 'PageDown']) await page.keyboard.press(key);
    const label = page.getByRole('textbox').first();
    await label.focus();
    for (const key of ['ArrowRight', 'PageDown', 'r', '2', '?', 'l', ' ']) await page.keyboard.press(key);
    await page.waitForTimeout(300);
    await expect(page.getByTestId('iteration')).toHaveText('5');
    await expect(page.getByRole('dialog')).toBeHidden();
    await expect(page.getByRole('button', { name: 'Lecture mode' })).toHaveAttribute('aria-pressed', 'false');
    await expect(page.getByRole('button', { name: /Play/ })).toBeVisible();
  });

  test('modified keys are left to the browser', async ({ page }) => {
    await page.goto('./#preset=rps&t=5');
    await expect(page.getByTestId('iteration')).toHaveText('5');
    await page.keyboard.press('Control+ArrowRight');
    await page.keyboard.press('Alt+2');
    await page.waitForTimeout(200);
    await expect(page.getByTestId('iteration')).toHaveText('5');
    await expect(page.getByLabel('Preset', { exact: true })).toHaveValue('rps');
  });

  test('keyboard only: from load to a finished run', async ({ page }) => {
    await page.goto('./#preset=rps&t=0');
    await expect(page.getByTestId('iteration')).toHaveText('0');
    const play = page.getByRole('button', { name: /▶ Play/ });
    let reached = false;
    for (let k = 0; k < 120 && !reached; k++) {
      await page.keyboard.press('Tab');
      reached = await play.evaluate((el) => el === document.activeElement);
    }
    expect(reached, 'Tab reaches Play').toBe(true);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: /Pause/ })).toBeFocused();
    await expect.poll(() => iteration(page)).toBeGreaterThan(30);
    // Space on the focused button is the button's own click (it must not toggle twice).
    await page.keyboard.press('Space');
    await expect(page.getByRole('button', { name: /▶ Play/ })).toBeFocused();
    const t = await iteration(page);
    await page.waitForTimeout(300);
    expect(await iteration(page)).toBe(t);
    await expect(page.getByTestId('announcer')).toContainText(`Paused at t = ${t}.`);
  });
});

test.describe('explanations', () => {
  test('KaTeX is fetched only when the panel opens, then the formulas are typeset', async ({ page }) => {
    const katexRequests: string[] = [];
    page.on('request', (r) => {
      if (/katex/i.test(r.url())) katexRequests.push(r.url());
    });
    await page.goto('./');
    await expect(page.getByTestId('iteration')).toHaveText('300');
    await page.waitForTimeout(300);
    expect(katexRequests).toEqual([]);
    await expect(page.locator('.katex')).toHaveCount(0);

    const disclosure = page.locator('.explanations').getByRole('button', { name: 'What am I looking at?' });
    await expect(disclosure).toHaveAttribute('aria-expanded', 'false');
    await disclosure.click();
    await expect(disclosure).toHaveAttribute('aria-expanded', 'true');
    await expect(page.locator('.explanations .katex').first()).toBeVisible();
    expect(await page.locator('.explanations .katex').count()).toBeGreaterThanOrEqual(5);
    expect(katexRequests.some((u) => /katex.*\.js/.test(u))).toBe(true);
    expect(katexRequests.every((u) => u.startsWith('http://127.0.0.1'))).toBe(true);
    await expect.poll(() => katexRequests.some((u) => /KaTeX_[A-Za-z]+-[A-Za-z]+.*\.woff2/.test(u))).toBe(true);
    // KaTeX's own fonts are used (bundled, not a CDN).
    await expect.poll(() => page.evaluate(() => document.fonts.check('16px KaTeX_Main'))).toBe(true);
    // The legend names every marker.
    const legend = page.locator('.legend-list');
    for (const text of [
      'Nash-MD',
      'OMD',
      'RLHF',
      'regularised Nash',
      'Nash of P',
      'RLHF optimum',
      'μ (reference)',
      'π₀ (start)',
    ])
      await expect(legend).toContainText(text);
    await disclosure.click();
    await expect(page.locator('.katex')).toHaveCount(0);
  });

  test('the disclosure under the figure is the only "What am I looking at?" button', async ({ page }) => {
    await page.goto('./');
    // The header's duplicate button is gone (issue 12: two identical buttons).
    await expect(page.locator('.lecture-tools').getByRole('button', { name: 'What am I looking at?' })).toHaveCount(0);
    const disclosure = page.locator('.explanations').getByRole('button', { name: 'What am I looking at?' });
    await disclosure.press('Enter');
    await expect(disclosure).toHaveAttribute('aria-expanded', 'true');
    await expect(disclosure).toBeFocused();
    await expect(page.locator('.explanations .katex').first()).toBeVisible();
  });
});

test.describe('guided stories', () => {
  test('a story steps forward and back, changing the state', async ({ page }) => {
    await page.goto('./');
    await expect(page.getByTestId('iteration')).toHaveText('300');
    await page.getByRole('button', { name: 'Stories' }).click();
    await page.getByRole('button', { name: /reward model depends on who was sampled/ }).click();
    const comparisons = page.getByLabel('RLHF reward fitted on');
    await expect(page.getByLabel('Preset', { exact: true })).toHaveValue('condorcet');
    await expect(comparisons).toHaveValue('uniform');
    await expect(page.locator('.story-progress')).toHaveText('1 / 4');
    await page.getByRole('button', { name: 'Next →' }).click();
    await page.getByRole('button', { name: 'Next →' }).click();
    await expect(page.locator('.story-progress')).toHaveText('3 / 4');
    await expect(comparisons).toHaveValue('reference');
    await expect(page.getByTestId('story-text')).toContainText('pairs drawn from μ');
    await expect.poll(() => page.url()).toContain('comparisons=reference');
    await page.getByRole('button', { name: '← Back' }).click();
    await expect(comparisons).toHaveValue('uniform');
    await page.getByRole('button', { name: 'Next →' }).click();
    await page.getByRole('button', { name: 'Next →' }).click();
    await expect(page.getByRole('button', { name: 'Done' })).toBeVisible();
    await page.getByRole('button', { name: 'Done' }).click();
    await expect(page.getByRole('button', { name: /RLHF jumps/ })).toBeVisible();
  });

  test('the ε story moves ε across 0 and longer runs go to the step’s t', async ({ page }) => {
    await page.goto('./');
    await page.getByRole('button', { name: 'Stories' }).click();
    await page.getByRole('button', { name: /RLHF jumps/ }).click();
    const eps = page.getByLabel('ε (rater mix)');
    await expect(eps).toHaveAttribute('aria-valuetext', 'ε = -0.100');
    await expect(page.getByTestId('iteration')).toHaveText('400');
    await page.getByRole('button', { name: 'Next →' }).click();
    await expect(eps).toHaveAttribute('aria-valuetext', 'ε = 0.000');
    await page.getByRole('button', { name: 'Next →' }).click();
    await expect(eps).toHaveAttribute('aria-valuetext', 'ε = 0.100');
    // A story that runs longer: the step-size story's second step shows t = 3,000.
    await page.getByRole('button', { name: 'All stories' }).click();
    await page.getByRole('button', { name: /Constant step versus/ }).click();
    await expect(page.getByTestId('iteration')).toHaveText('300');
    await page.getByRole('button', { name: 'Next →' }).click();
    await expect(page.getByTestId('iteration')).toHaveText('3,000');
    await page.getByRole('button', { name: 'Next →' }).click();
    await expect(page.getByLabel('Step size', { exact: true })).toHaveValue('theorem');
    await expect(page.getByTestId('iteration')).toHaveText('300');
  });
});
