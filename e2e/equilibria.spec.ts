/**
 * Win rates against the Nash of P (and why a policy can beat π*_τ), the tie line under the value
 * labels, and the Nash of P when "Add response" adds a response or a response ties with all.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

/** The win rates the chart states (its accessible name): algorithm → opponent → value. */
async function winRates(page: Page): Promise<Record<string, Record<string, number>>> {
  const label = (await page.getByTestId('winrates').locator('svg').getAttribute('aria-label')) ?? '';
  const out: Record<string, Record<string, number>> = {};
  for (const group of label.split('. ').slice(1)) {
    const [name, list] = group.split(': ');
    if (!list) continue;
    out[name] = Object.fromEntries(
      list
        .replace(/\.$/, '')
        .split(', ')
        .map((item) => {
          const [value, ...opponent] = item.split(' ');
          return [opponent.join(' '), Number(value)];
        }),
    );
  }
  return out;
}

type Box = { x: number; y: number; width: number; height: number };
const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Every value label of the chart: none crosses a row label, another value or the note. */
async function expectReadable(chart: Locator) {
  const values = await chart
    .locator('text.value')
    .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as Box));
  const labels = await chart
    .locator('text.label')
    .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as Box));
  expect(values.length).toBe(12);
  for (const [i, v] of values.entries()) {
    for (const l of labels) expect(overlap(v, l)).toBe(false);
    for (const w of values.slice(i + 1)) expect(overlap(v, w)).toBe(false);
  }
  // The dashed tie line is painted before (under) every value label, and the labels carry a
  // white halo, so the line never crosses a number.
  const under = await chart.locator('svg').evaluate((svg) => {
    const tie = svg.querySelector('line.tie');
    const texts = [...svg.querySelectorAll('text.value')];
    return !!tie && texts.every((t) => tie.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING);
  });
  expect(under).toBe(true);
  const svgBox = (await chart.locator('svg').boundingBox())!;
  const note = chart.getByTestId('winrate-note');
  if (await note.isVisible())
    expect((await note.boundingBox())!.y).toBeGreaterThanOrEqual(svgBox.y + svgBox.height - 1);
}

test.describe('win rates against the Nash of P', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('every policy has a "vs Nash of P" bar, never above 0.5; a policy beating π*_τ gets the reason under the chart', async ({
    page,
  }) => {
    await page.goto('./#preset=bradley-terry');
    await expect(page.getByTestId('iteration')).toHaveText('200');
    const chart = page.getByTestId('winrates');
    await expect.poll(async () => Object.keys(await winRates(page))).toEqual(['Nash-MD', 'OMD', 'RLHF']);
    const rates = await winRates(page);
    for (const row of Object.values(rates)) expect(row['vs Nash of P']).toBeLessThanOrEqual(0.5);
    await expect(chart.locator('text.label', { hasText: 'vs Nash of P' })).toHaveCount(3);
    // RLHF (the reward maximiser) beats π*_τ here: the note says why, naming regularisation.
    expect(rates.RLHF['vs π*_τ']).toBeGreaterThan(0.5);
    await expect(chart.getByTestId('winrate-note')).toBeVisible();
    await expect(chart.getByTestId('winrate-note')).toContainText('close to μ');
    await expect(chart.getByTestId('winrate-note')).toContainText('Nothing beats the Nash of P');
    await expectReadable(chart);
  });

  test('the dashed tie line is drawn under the value labels, which carry a white halo', async ({ page }) => {
    await page.goto('./#preset=rps');
    await expect(page.getByTestId('iteration')).toHaveText('300');
    const svg = page.getByTestId('winrates').locator('svg');
    await expect(svg.locator('text.value')).not.toHaveCount(0);
    const order = await svg.evaluate((el) => {
      const tie = el.querySelector('line.tie');
      return [...el.querySelectorAll('text.value')].map((t) =>
        tie && tie.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING ? 'after' : 'before',
      );
    });
    expect(new Set(order)).toEqual(new Set(['after']));
    await expect(svg.locator('text.value').first()).toHaveAttribute('paint-order', 'stroke');
  });

  test('no note while no policy beats π*_τ (dice)', async ({ page }) => {
    await page.goto('./#preset=dice');
    await expect(page.getByTestId('iteration')).toHaveText('300');
    await expect.poll(async () => Object.keys(await winRates(page)).length).toBe(3);
    for (const row of Object.values(await winRates(page))) {
      expect(row['vs π*_τ']).toBeLessThanOrEqual(0.5);
      expect(row['vs Nash of P']).toBeLessThanOrEqual(0.5);
    }
    await expect(page.getByTestId('winrate-note')).toBeHidden();
  });

  test('lecture mode at 1280×720: the chart stays readable, labels apart, the tie line under them', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto('./#preset=bradley-terry&lecture=1');
    await expect(page.getByTestId('iteration')).toHaveText('200');
    const chart = page.getByTestId('winrates');
    await expect(chart.locator('text.label', { hasText: 'vs Nash of P' })).toHaveCount(3);
    await expect(chart.getByTestId('winrate-note')).toBeVisible();
    await expectReadable(chart);
  });
});

/** The Nash of P as the equilibria bars show it (n > 3), per response. */
async function nashBars(page: Page): Promise<number[]> {
  return page
    .getByTestId('equilibrium-bars')
    .locator('rect.bar[data-kind="nash"]')
    .evaluateAll((rects) => rects.map((r) => Number(r.getAttribute('data-value'))));
}

test.describe('Add response and the Nash of P', () => {
  test('on rock-paper-scissors the Nash stays where it was (unique, 0 on the new response); a response tied with all gets the note and the ranges', async ({
    page,
  }) => {
    await page.goto('./#preset=rps');
    await expect(page.getByTestId('iteration')).toHaveText('300');
    await page.getByRole('button', { name: 'Add response' }).click();
    await expect(page.getByLabel('P(y4 ≻ rock)')).toBeVisible();
    await expect.poll(async () => (await nashBars(page)).length).toBe(4);
    const nash = await nashBars(page);
    [1 / 3, 1 / 3, 1 / 3, 0].forEach((v, y) => expect(nash[y]).toBeCloseTo(v, 6));
    await expect(page.getByTestId('nash-note')).toBeHidden();
    await expect(page.getByTestId('equilibrium-bars').locator('g.nash-range')).toHaveCount(0);

    // Typed by hand: y4 tied (½) with everything, which is a Nash equilibrium of its own.
    for (const other of ['rock', 'paper', 'scissors']) {
      const cell = page.getByLabel(`P(y4 ≻ ${other})`);
      await cell.fill('0.5');
      await cell.press('Enter');
    }
    const note = page.getByTestId('nash-note');
    await expect(note).toBeVisible();
    await expect(note).toContainText('The Nash of P is not unique');
    await expect(note).toContainText('the weight of y4 can be anything from 0 to 1');
    const y4 = page.getByTestId('equilibrium-bars').locator('g.nash-range[data-response="3"]');
    await expect(y4).toHaveCount(1);
    expect(Number(await y4.getAttribute('data-low'))).toBeCloseTo(0, 6);
    expect(Number(await y4.getAttribute('data-high'))).toBeCloseTo(1, 6);
    await expect(page.getByTestId('equilibrium-bars').getByText(/one of many/)).toBeVisible();
  });
});
