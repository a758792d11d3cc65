/**
 * Every Nash, honestly: a P with many Nash equilibria shows each response's range over all of them
 * (whiskers on the equilibrium bars, a table of ranges), says it is not unique and which one is
 * drawn; the τ → 0 limit of π*_τ can be drawn instead; a unique Nash shows no interval.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

/** Rock-paper-scissors with scissors duplicated: the copies share 1/3 in any proportion. */
const RPS_DUP = './#P=0,1,1,0,0,0.5&labels=rock,paper,scissors,scissors2&mu=1,1,1,1';
/** A game whose first response dominates: the Nash is unique (pure). */
const DOMINANT = './#P=0.7,0.6,0.9,0.2,0.8,0.1';

async function nashBars(page: Page): Promise<number[]> {
  return page
    .getByTestId('equilibrium-bars')
    .locator('rect.bar[data-kind="nash"]')
    .evaluateAll((rects) => rects.map((r) => Number(r.getAttribute('data-value'))));
}

test('a P with many equilibria: the ranges on the bars and in the table, "not unique", which one is drawn', async ({
  page,
}) => {
  await page.goto(RPS_DUP);
  const note = page.getByTestId('nash-note');
  await expect(note).toContainText('The Nash of P is not unique: 4 of 4 responses carry weight in some equilibrium');
  await expect(note).toContainText('drawn: the LP’s vertex');
  const table = page.getByTestId('nash-set-table');
  for (const name of ['scissors', 'scissors2']) {
    await expect(
      table
        .getByRole('row', { name: new RegExp(`^${name} `) })
        .getByRole('cell')
        .last(),
    ).toHaveText('0–0.33');
  }
  await expect(
    table
      .getByRole('row', { name: /^rock / })
      .getByRole('cell')
      .last(),
  ).toHaveText('0.33 in every one');
  const whiskers = page.getByTestId('equilibrium-bars').locator('g.nash-range');
  await expect(whiskers).toHaveCount(2);
  for (const y of ['2', '3']) {
    const w = whiskers.and(page.locator(`[data-response="${y}"]`));
    expect(Number(await w.getAttribute('data-low'))).toBeCloseTo(0, 6);
    expect(Number(await w.getAttribute('data-high'))).toBeCloseTo(1 / 3, 6);
  }
  // The LP's vertex puts all of scissors' 1/3 on one copy.
  const vertex = await nashBars(page);
  expect(Math.min(vertex[2], vertex[3])).toBeCloseTo(0, 6);

  // The τ → 0 limit of π*_τ for μ uniform splits it evenly, and the link says so.
  await page.getByRole('radio', { name: /τ → 0 limit/ }).check();
  await expect(note).toContainText('drawn: the τ → 0 limit of π*_τ');
  await expect.poll(async () => (await nashBars(page))[2]).toBeCloseTo(1 / 6, 5);
  expect((await nashBars(page))[3]).toBeCloseTo(1 / 6, 5);
  await expect(page.getByTestId('equilibrium-bars').getByText(/τ → 0 limit\), one of many/)).toBeVisible();
  await expect.poll(() => page.url()).toContain('nash=limit');

  // Reloaded from the link, the limit is drawn again; back to the vertex.
  await page.reload();
  await expect.poll(async () => (await nashBars(page))[2]).toBeCloseTo(1 / 6, 5);
  await page.getByRole('radio', { name: /LP’s vertex/ }).check();
  await expect.poll(async () => Math.min(...(await nashBars(page)).slice(2))).toBeCloseTo(0, 6);
  await expect.poll(() => page.url()).not.toContain('nash=');
});

test('a unique Nash: no interval, no note, and "unique" for screen readers', async ({ page }) => {
  await page.goto(DOMINANT);
  await expect(page.getByTestId('nash-unique')).toHaveText('The Nash of P is unique.');
  await expect(page.getByTestId('nash-note')).toHaveCount(0);
  await expect(page.getByTestId('nash-set-table')).toHaveCount(0);
  await expect.poll(async () => (await nashBars(page)).length).toBe(4);
  await expect(page.getByTestId('equilibrium-bars').locator('g.nash-range')).toHaveCount(0);
});

test('axe: the note, the choice and the table of ranges have no serious or critical violations', async ({ page }) => {
  await page.goto(RPS_DUP);
  await expect(page.getByTestId('nash-set-table')).toBeVisible();
  const results = await new AxeBuilder({ page }).include('.nash-status').analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual(
    [],
  );
  // Keyboard: the choice is reachable and changes the drawn Nash.
  await page.getByRole('radio', { name: /LP’s vertex/ }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: /τ → 0 limit/ })).toBeChecked();
  await expect(page.getByTestId('nash-note')).toContainText('drawn: the τ → 0 limit of π*_τ');
});

test('nash=bogus is named in a message and the LP’s vertex is drawn', async ({ page }) => {
  await page.goto(`${RPS_DUP}&nash=bogus`);
  await expect(page.getByText(/nash: "bogus" is not a choice of the Nash drawn/).first()).toBeVisible();
  await expect(page.getByRole('radio', { name: /LP’s vertex/ })).toBeChecked();
});
