/**
 * Presenting (issue 12, items 3, 4, 5, 11 and two small ones): lecture mode on a 1280×720
 * projector, a clicker stepping a story, Space after a presentation toggle, the app's one line of
 * purpose at every width, one "What am I looking at?" button, and the policy table's scroll cue.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, iteration, test } from './fixtures.ts';

type Box = { x: number; y: number; width: number; height: number };

async function box(locator: Locator): Promise<Box> {
  const b = await locator.boundingBox();
  expect(b, 'element has a box').not.toBeNull();
  return b!;
}

/** The viewport's band between the header's bottom and the sticky transport bar's top. */
async function stageBand(page: Page): Promise<{ top: number; bottom: number }> {
  const header = await box(page.locator('.app-header'));
  const footer = await box(page.locator('.transport-bar'));
  return { top: header.y + header.height, bottom: footer.y };
}

/** The simplex triangle (its grid's box) and every legend entry's box, in page coordinates. */
async function simplexParts(page: Page): Promise<{ triangle: Box; legend: Box[] }> {
  return page.locator('[data-testid="simplex"]').evaluate((el) => {
    const rect = (e: Element) => {
      const r = e.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    };
    return {
      triangle: rect(el.querySelector('.simplex-grid')!),
      legend: [...el.querySelectorAll('.simplex-legend > g')].map(rect),
    };
  });
}

/** The legend is under the triangle or in its empty upper corners, never a column beside it. */
async function expectLegendInsideOrBelow(page: Page) {
  const { triangle, legend } = await simplexParts(page);
  expect(legend.length).toBeGreaterThan(0);
  const figure = await box(page.getByTestId('simplex'));
  const midY = triangle.y + triangle.height / 2;
  const baseY = triangle.y + triangle.height;
  for (const item of legend) {
    const cy = item.y + item.height / 2;
    // Beside the lower half of the triangle is where a legend column takes the triangle's width.
    expect(cy < midY || cy > baseY, `legend entry at y = ${cy} is beside the triangle (${midY}…${baseY})`).toBe(true);
    expect(item.x).toBeGreaterThanOrEqual(figure.x - 1);
    expect(item.x + item.width).toBeLessThanOrEqual(figure.x + figure.width + 1);
  }
}

test.describe('presenter layout at 1280×720', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('the header is one row, the figure fills the screen and the legend is inside or under the triangle', async ({
    page,
  }) => {
    await page.goto('./#preset=rps&lecture=1');
    await expect(page.getByTestId('iteration')).toHaveText('300');
    const header = await box(page.locator('.app-header'));
    const stories = await box(page.getByRole('button', { name: 'Stories' }));
    // One row of buttons (plus the header's padding and borders), not two.
    expect(header.height).toBeLessThanOrEqual(stories.height + 16);
    await expect(page.getByTestId('tagline')).toBeVisible();

    // Against a settled layout (under load the transport bar and the figure may still be sizing).
    await expect(async () => {
      const band = await stageBand(page);
      const figure = await box(page.getByTestId('simplex'));
      expect(figure.height).toBeGreaterThanOrEqual(0.6 * 720);
      expect(figure.y).toBeGreaterThanOrEqual(band.top);
      expect(figure.y + figure.height).toBeLessThanOrEqual(band.bottom + 1);
    }).toPass();
    await expectLegendInsideOrBelow(page);
    // The triangle takes the room the legend column took (it was ~355 px wide).
    expect((await simplexParts(page)).triangle.width).toBeGreaterThanOrEqual(420);

    // With the inputs open the figure still fills the height.
    await page.getByRole('button', { name: 'Inputs', exact: true }).click();
    await expect(page.getByRole('complementary', { name: 'Inputs' })).toBeVisible();
    await expect(async () => {
      const band = await stageBand(page);
      const withInputs = await box(page.getByTestId('simplex'));
      expect(withInputs.height).toBeGreaterThanOrEqual(0.6 * 720);
      expect(withInputs.y + withInputs.height).toBeLessThanOrEqual(band.bottom + 1);
    }).toPass();
    await expectLegendInsideOrBelow(page);
  });

  test('a story sits beside a large figure, its text whole and above the transport bar', async ({ page }) => {
    await page.goto('./#preset=rps&lecture=1');
    await expect(page.getByTestId('iteration')).toHaveText('300');
    await page.getByRole('button', { name: 'Stories' }).click();
    await page.getByRole('button', { name: /RLHF jumps/ }).click();
    await expect(page.locator('.story-progress')).toHaveText('1 / 4');
    for (let step = 1; step <= 4; step++) {
      await expect(page.locator('.story-progress')).toHaveText(`${step} / 4`);
      // Each step's caption has its own length (and so the transport bar its own height): the
      // figure follows it once the caption is written (at most a few frames later).
      await expect
        .poll(async () => {
          const [b, f] = [await stageBand(page), await box(page.getByTestId('simplex'))];
          return f.y + f.height - b.bottom;
        })
        .toBeLessThanOrEqual(1);
      const band = await stageBand(page);
      const figure = await box(page.getByTestId('simplex'));
      expect(figure.height).toBeGreaterThanOrEqual(0.6 * 720);
      // The triangle stays large (it shrank to ~175 px).
      await expect.poll(async () => (await simplexParts(page)).triangle.width).toBeGreaterThanOrEqual(250);
      await expectLegendInsideOrBelow(page);
      // The whole text is on screen: not cut by the panel (no inner scrolling) nor by the bar.
      const panel = page.locator('.stories-panel');
      expect(await panel.evaluate((el) => el.scrollHeight <= el.clientHeight + 1)).toBe(true);
      const text = await box(page.getByTestId('story-text'));
      expect(text.y).toBeGreaterThanOrEqual(band.top);
      expect(text.y + text.height).toBeLessThanOrEqual(band.bottom);
      expect(text.x + text.width).toBeLessThanOrEqual(figure.x);
      if (step < 4) await page.getByRole('button', { name: 'Next →' }).click();
    }
  });

  test('n > 12: the top-k view is the main figure, large and above the fold', async ({ page }) => {
    await page.goto('./#preset=leaderboard&n=40&lecture=1');
    const topk = page.getByTestId('topk');
    await expect(topk.locator('svg')).toBeVisible();
    const band = await stageBand(page);
    await expect.poll(async () => (await box(topk)).height).toBeGreaterThanOrEqual(0.6 * 720);
    const b = await box(topk);
    expect(b.y).toBeGreaterThanOrEqual(band.top);
    expect(b.y + b.height).toBeLessThanOrEqual(band.bottom + 1);
    // The drawing fills its box (it does not run on below the fold).
    const svg = await box(topk.locator('svg').first());
    expect(svg.y + svg.height).toBeLessThanOrEqual(band.bottom + 1);
    // The simplex of summed corners comes after it.
    expect((await box(page.getByTestId('simplex'))).y).toBeGreaterThan(b.y);
  });

  test('the tools a presenter rarely needs are in "More"', async ({ page }) => {
    await page.goto('./#preset=rps&lecture=1');
    await expect(page.getByRole('button', { name: /Undo/ })).toBeHidden();
    const more = page.getByRole('button', { name: 'More' });
    await more.click();
    await expect(more).toHaveAttribute('aria-expanded', 'true');
    const group = page.getByRole('group', { name: 'More tools' });
    for (const name of [/Undo/, /Redo/, /Share/, /Fullscreen/])
      await expect(group.getByRole('button', { name })).toBeVisible();
    await expect(group.getByText('Export', { exact: true })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(more).toHaveAttribute('aria-expanded', 'false');
    await expect(more).toBeFocused();
    await expect(page.getByRole('button', { name: /Undo/ })).toBeHidden();
  });
});

test.describe('lecture mode at other screen sizes', () => {
  for (const [width, height] of [
    [1920, 1080],
    [1024, 768],
  ]) {
    test(`${width}×${height}: the figure fills the screen, the legend is inside or under it`, async ({ page }) => {
      await page.setViewportSize({ width, height });
      await page.goto('./#preset=rps&lecture=1');
      await expect(page.getByTestId('iteration')).toHaveText('300');
      await expect(page.getByTestId('tagline')).toBeVisible();
      // Measured once the layout has settled (lazily loaded parts may still arrive on a busy machine).
      await expect(async () => {
        const band = await stageBand(page);
        const figure = await box(page.getByTestId('simplex'));
        expect(figure.height).toBeGreaterThanOrEqual(0.55 * height);
        expect(figure.y + figure.height).toBeLessThanOrEqual(band.bottom + 1);
        await expectLegendInsideOrBelow(page);
      }).toPass({ timeout: 5000 });
    });
  }
});

test.describe('a clicker steps a story', () => {
  test('with a story open, Page Down / Page Up and → / ← move its steps; . and , step time', async ({ page }) => {
    await page.goto('./#preset=rps');
    await expect(page.getByTestId('iteration')).toHaveText('300');
    await page.getByRole('button', { name: 'Stories' }).click();
    await page.getByRole('button', { name: /RLHF jumps/ }).click();
    const progress = page.locator('.story-progress');
    const text = page.getByTestId('story-text');
    await expect(progress).toHaveText('1 / 4');
    await expect(page.getByTestId('iteration')).toHaveText('400');
    await expect(text).toContainText('Three groups of raters');

    await page.keyboard.press('PageDown');
    await expect(progress).toHaveText('2 / 4');
    await expect(text).toContainText('At ε = 0 the fitted reward');
    // The step keeps the story's t (Page Down did not step time instead).
    await expect(page.getByTestId('iteration')).toHaveText('400');
    await page.keyboard.press('ArrowRight');
    await expect(progress).toHaveText('3 / 4');
    await page.keyboard.press('PageUp');
    await expect(progress).toHaveText('2 / 4');
    await page.keyboard.press('ArrowLeft');
    await expect(progress).toHaveText('1 / 4');
    // Before the first step and after the last nothing happens (the story stays open).
    await page.keyboard.press('PageUp');
    await expect(progress).toHaveText('1 / 4');

    // Time steps with . and , (and Shift+arrows) while the story stays where it is.
    await page.keyboard.press('.');
    await expect(page.getByTestId('iteration')).toHaveText('401');
    await page.keyboard.press('Shift+ArrowRight');
    await expect(page.getByTestId('iteration')).toHaveText('402');
    await page.keyboard.press(',');
    await expect(page.getByTestId('iteration')).toHaveText('401');
    await page.keyboard.press('Shift+ArrowLeft');
    await expect(page.getByTestId('iteration')).toHaveText('400');
    await expect(progress).toHaveText('1 / 4');

    // Closed, the same keys step time again.
    await page.getByRole('button', { name: 'Close' }).click();
    await page.keyboard.press('PageDown');
    await expect(page.getByTestId('iteration')).toHaveText('401');
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByTestId('iteration')).toHaveText('400');
  });

  test('without a story, Page Down steps time and . and , do too', async ({ page }) => {
    await page.goto('./#preset=rps&t=5');
    await expect(page.getByTestId('iteration')).toHaveText('5');
    await expect(page.locator('.app[data-keys="on"]')).toHaveCount(1); // the keys have loaded
    await page.keyboard.press('PageDown');
    await expect(page.getByTestId('iteration')).toHaveText('6');
    await page.keyboard.press('.');
    await expect(page.getByTestId('iteration')).toHaveText('7');
    await page.keyboard.press(',');
    await expect(page.getByTestId('iteration')).toHaveText('6');
  });
});

test.describe('Space after a presentation toggle', () => {
  test('after clicking "Lecture mode", Space plays and pauses; Enter still toggles the mode', async ({ page }) => {
    await page.goto('./#preset=rps&t=0');
    await expect(page.getByTestId('iteration')).toHaveText('0');
    await expect(page.locator('.app[data-keys="on"]')).toHaveCount(1); // the keys have loaded
    const toggle = page.getByRole('button', { name: 'Lecture mode' });
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect(toggle).toBeFocused();
    await page.keyboard.press('Space');
    await expect(page.getByRole('button', { name: /Pause/ })).toBeVisible();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(() => iteration(page)).toBeGreaterThan(5);
    await page.keyboard.press('Space');
    await expect(page.getByRole('button', { name: /▶ Play/ })).toBeVisible();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    // The keyboard still activates the button itself.
    await toggle.press('Enter');
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  });

  test('after clicking "Inputs" in lecture mode, Space plays', async ({ page }) => {
    await page.goto('./#preset=rps&t=0&lecture=1');
    await expect(page.getByTestId('iteration')).toHaveText('0');
    await expect(page.locator('.app[data-keys="on"]')).toHaveCount(1); // the keys have loaded
    const inputs = page.getByRole('button', { name: 'Inputs', exact: true });
    await inputs.click();
    await expect(inputs).toHaveAttribute('aria-expanded', 'true');
    await page.keyboard.press('Space');
    await expect(page.getByRole('button', { name: /Pause/ })).toBeVisible();
    await expect(inputs).toHaveAttribute('aria-expanded', 'true');
  });

  test('after clicking "Fullscreen", Space plays instead of leaving fullscreen', async ({ page }) => {
    await page.goto('./#preset=rps&t=0');
    await expect(page.getByTestId('iteration')).toHaveText('0');
    await expect(page.locator('.app[data-keys="on"]')).toHaveCount(1); // the keys have loaded
    const full = page.getByRole('button', { name: 'Fullscreen' });
    await full.click();
    await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
    await page.keyboard.press('Space');
    await expect(page.getByRole('button', { name: /Pause/ })).toBeVisible();
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
  });
});

test.describe('one line says what the app is', () => {
  for (const width of [320, 360, 1024, 1280, 1440, 1920]) {
    test(`at ${width} px the tagline is visible on one line`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      await page.goto('./');
      const tagline = page.getByTestId('tagline');
      await expect(tagline).toBeVisible();
      await expect(tagline).toHaveText(/\w{4,}/);
      const b = await box(tagline);
      const lineHeight = await tagline.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
      expect(b.height, 'one line').toBeLessThanOrEqual(lineHeight * 1.3);
      expect(b.x).toBeGreaterThanOrEqual(0);
      expect(b.x + b.width).toBeLessThanOrEqual(width);
    });
  }

  for (const width of [320, 360, 760]) {
    test(`in an embed at ${width} px too, without making the header taller`, async ({ page }) => {
      await page.setViewportSize({ width, height: 700 });
      await page.goto('./#preset=rater-types&embed=1&hide=matrix,paste');
      const tagline = page.getByTestId('tagline');
      await expect(tagline).toBeVisible();
      await expect(tagline).toContainText('Nash learning from human feedback');
      const b = await box(tagline);
      const lineHeight = await tagline.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
      expect(b.height, 'one line').toBeLessThanOrEqual(lineHeight * 1.3);
      expect(b.x + b.width).toBeLessThanOrEqual(width);
      // Fully shown, not cut by an ellipsis.
      expect(await tagline.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
      expect((await box(page.locator('.app-header'))).height).toBeLessThanOrEqual(40);
    });
  }

  test('in lecture mode at 1280×720 too', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto('./#lecture=1');
    const tagline = page.getByTestId('tagline');
    await expect(tagline).toBeVisible();
    const b = await box(tagline);
    expect(b.height).toBeLessThanOrEqual(40);
  });
});

test('one "What am I looking at?" button, under the figure', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByTestId('iteration')).toHaveText('300');
  await expect(page.getByRole('button', { name: 'What am I looking at?' })).toHaveCount(1);
  await expect(page.locator('.explanations').getByRole('button', { name: 'What am I looking at?' })).toBeVisible();
});

test.describe('the policy table', () => {
  test('says when it scrolls sideways, and shades the edge that hides columns', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('./#preset=leaderboard');
    const wrap = page.getByRole('region', { name: 'Current policies table' });
    await expect(page.getByRole('table', { name: 'Current policies' })).toBeVisible();
    // Once its rows and columns are in (the table is visible, empty, before the first answer).
    await expect.poll(() => wrap.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await expect(page.getByTestId('policy-table-hint')).toBeVisible();
    await expect(page.getByTestId('policy-table-hint')).toContainText('sideways');
    // Scroll shadows: background layers that stay with the box (scroll) under covers that move with the content (local).
    expect(await wrap.evaluate((el) => getComputedStyle(el).backgroundAttachment)).toContain('local');

    // A table that fits says nothing.
    await page.goto('./#preset=rps');
    await expect(page.getByRole('table', { name: 'Current policies' })).toBeVisible();
    await expect(page.getByTestId('policy-table-hint')).toBeHidden();
  });
});
