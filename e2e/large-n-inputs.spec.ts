/**
 * The inputs panel for large n (n > 12): the canvas heatmap editor (hover read-out, selection,
 * editing with the mirror, keyboard, ordering by Nash probability), μ as a list of weights, and
 * the simplex corners as text fields. Matrices come from the preset code itself, the Nash
 * equilibrium from src/core, so the page is checked against an independent computation.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { presetById } from '../src/core/presets.ts';
import { expect, test } from './fixtures.ts';
import { nashEquilibrium } from '../src/core/nashEquilibrium.ts';
import { highsReady } from '../src/core/lpSolver.ts';

// The Nash equilibria computed here for comparison solve LPs with HiGHS, loaded asynchronously.
test.beforeAll(async () => {
  await highsReady;
});

const N = 60;
const URL = `./#preset=leaderboard&n=${N}&seed=1`;
const leaderboard = () => presetById('leaderboard')!.build({ seed: 1, n: N });

/** Moves the mouse over display position (r, c) of the heatmap. */
async function hoverCell(page: Page, r: number, c: number) {
  const canvas = page.getByTestId('heatmap-canvas');
  // The whole heatmap above the transport bar (which grows with a two-line caption), as a person scrolls it.
  await canvas.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  const [left, top, side] = ((await canvas.getAttribute('data-plot')) ?? '').split(',').map(Number);
  const box = (await canvas.boundingBox())!;
  const cell = side / N;
  await page.mouse.move(box.x + left + (c + 0.5) * cell, box.y + top + (r + 0.5) * cell);
}

const readout = (page: Page) => page.getByTestId('heatmap-readout');

/** The value of P[i][j] (i < j) in the hash's P= list, or null when the hash has no matrix. */
function hashCell(url: string, n: number, i: number, j: number): number | null {
  const m = /[#&]P=([^&]*)/.exec(url);
  if (!m) return null;
  const upper = m[1].split(',').map(Number);
  return upper[i * n - (i * (i + 1)) / 2 + (j - i - 1)];
}

const hashValue = (url: string, key: string) => new RegExp(`[#&]${key}=([^&]*)`).exec(url)?.[1] ?? null;

test.describe('inputs for large n', () => {
  test('n = 60 shows a canvas heatmap, not a grid of fields, and the hover read-out gives P', async ({ page }) => {
    await page.goto(URL);
    await expect(page.getByTestId('iteration')).toHaveText('300');
    await expect(page.getByTestId('heatmap-canvas')).toBeVisible();
    await expect(page.locator('.pref-editor__table')).toHaveCount(0);
    // One number field for the selected cell, not 60 × 59.
    await expect(page.locator('.heatmap-editor input[inputmode="decimal"]')).toHaveCount(1);
    const { preferences: P, labels } = leaderboard();
    for (const [r, c] of [
      [4, 11],
      [37, 2],
      [59, 0],
    ]) {
      await hoverCell(page, r, c);
      await expect(readout(page)).toHaveText(`P(${labels[r]} ≻ ${labels[c]}) = ${P[r][c].toFixed(3)}`);
    }
  });

  test('editing the selected cell sets P[i][j] and its mirror, in the read-out and the link', async ({ page }) => {
    await page.goto(URL);
    await expect(page.getByTestId('iteration')).toHaveText('300');
    const { labels } = leaderboard();
    await hoverCell(page, 2, 7);
    await page.mouse.down();
    await page.mouse.up();
    const field = page.getByLabel(`P(${labels[2]} ≻ ${labels[7]})`, { exact: true });
    await field.fill('0.25');
    await expect(page.getByText(`mirror P(${labels[7]} ≻ ${labels[2]}) = 0.75`)).toBeVisible();
    await hoverCell(page, 7, 2);
    await expect(readout(page)).toHaveText(`P(${labels[7]} ≻ ${labels[2]}) = 0.750`);
    await expect.poll(() => hashCell(page.url(), N, 2, 7)).toBe(0.25);

    // Out of range: refused with a message naming the cell; the value stays, and so does the
    // typed text (nothing is lost) until Escape.
    await field.fill('1.5');
    await expect(page.locator('.heatmap-editor__message')).toContainText(
      `P(${labels[2]} ≻ ${labels[7]}): 1.5 is not a probability in [0, 1]. It stays 0.25.`,
    );
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await field.blur();
    await expect(field).toHaveValue('1.5');
    await field.press('Escape');
    await expect(field).toHaveValue('0.25');
    expect(hashCell(page.url(), N, 2, 7)).toBe(0.25);
  });

  test('keyboard: arrows move the selection, + nudges, Enter edits', async ({ page }) => {
    await page.goto(URL);
    await expect(page.getByTestId('iteration')).toHaveText('300');
    const { preferences: P, labels } = leaderboard();
    await page.getByTestId('heatmap-canvas').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    // From the first selection (row 1, column 2) to row 2, column 3.
    await expect(readout(page)).toHaveText(`Selected: P(${labels[1]} ≻ ${labels[2]}) = ${P[1][2].toFixed(3)}`);
    await page.keyboard.press('+');
    const nudged = Math.round((P[1][2] + 0.01) * 1000) / 1000;
    await expect(readout(page)).toHaveText(`Selected: P(${labels[1]} ≻ ${labels[2]}) = ${nudged.toFixed(3)}`);
    await expect(page.getByTestId('iteration')).toHaveText('300'); // + did not reach the page's shortcuts
    await page.keyboard.press('Enter');
    await expect(page.getByLabel(`P(${labels[1]} ≻ ${labels[2]})`, { exact: true })).toBeFocused();
  });

  test('ordering by Nash probability puts the Nash support first', async ({ page }) => {
    const { preferences: P, labels } = leaderboard();
    const nash = Array.from(nashEquilibrium(P));
    const support = nash
      .map((p, k) => [p, k])
      .filter(([p]) => p > 1e-6)
      .sort((a, b) => b[0] - a[0])
      .map(([, k]) => labels[k]);
    expect(support.length).toBeGreaterThan(1);
    await page.goto(URL);
    await expect(page.getByTestId('iteration')).toHaveText('300');
    await page.getByLabel('Order rows and columns by').selectOption({ label: 'Nash probability' });
    const rows: string[] = [];
    for (let r = 0; r < support.length; r++) {
      await hoverCell(page, r, r === 0 ? 1 : 0);
      await expect(readout(page)).toHaveText(/^P\(/);
      rows.push(/^P\((.*) ≻ /.exec((await readout(page).textContent()) ?? '')![1]);
    }
    expect(rows).toEqual(support);
  });

  test('μ for large n: a bad weight is refused with a message naming the field, a good list applies', async ({
    page,
  }) => {
    await page.goto(URL);
    await expect(page.getByTestId('iteration')).toHaveText('300');
    // A large scenario's link is written once edits pause (~0.5 s after the load).
    await expect.poll(() => hashValue(page.url(), 'mu')).not.toBeNull();
    const before = hashValue(page.url(), 'mu');
    const field = page.getByLabel(/^μ weights/);
    await field.fill('1, 2, abc');
    await page.getByRole('button', { name: 'Apply μ' }).click();
    await expect(page.getByRole('alert')).toContainText(`μ weights needs ${N} weights`);
    await field.fill(Array.from({ length: N }, (_, k) => (k === 3 ? '-1' : '1')).join('\n'));
    await page.getByRole('button', { name: 'Apply μ' }).click();
    await expect(page.getByRole('alert')).toContainText('μ weights: weight 4 (model-04) must be a positive number');
    await expect(page.getByRole('alert')).toContainText('The current μ is kept');
    expect(hashValue(page.url(), 'mu')).toBe(before);

    await field.fill(Array.from({ length: N }, (_, k) => String(k === 0 ? 41 : 1)).join(', '));
    await field.press('Control+Enter');
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect.poll(() => Number(hashValue(page.url(), 'mu')?.split(',')[0])).toBeCloseTo(0.41, 6);
    await expect(page.getByRole('list', { name: 'Largest entries of μ' }).locator('li').first()).toContainText(
      'model-01 0.41',
    );
    await page.getByRole('button', { name: 'Uniform' }).first().click();
    await expect.poll(() => Number(hashValue(page.url(), 'mu')?.split(',')[0])).toBeCloseTo(1 / N, 6);
  });

  test('simplex corners for large n: quick choice by Nash and a typed group', async ({ page }) => {
    const nash = Array.from(nashEquilibrium(leaderboard().preferences));
    const [a, b] = nash
      .map((p, k) => [p, k])
      .sort((x, y) => y[0] - x[0] || x[1] - y[1])
      .map(([, k]) => k);
    await page.goto(URL);
    await expect(page.getByTestId('iteration')).toHaveText('300');
    await page.getByRole('button', { name: 'Top 2 by Nash, rest' }).click();
    await expect.poll(() => hashValue(page.url(), 'corners')?.split('|').slice(0, 2)).toEqual([String(a), String(b)]);
    await page.getByLabel('Corner A').fill('1');
    await page.getByLabel('Corner B').fill('2, model-05, 7-9');
    await page.getByLabel('Corner C').fill('rest');
    await page.getByRole('button', { name: 'Apply corners' }).click();
    await expect.poll(() => hashValue(page.url(), 'corners')?.split('|')[1]).toBe('1.4.6.7.8');
    await page.getByLabel('Corner A').fill('3, nobody');
    await page.getByLabel('Corner A').press('Enter');
    await expect(page.getByRole('alert')).toContainText('Corner A: "nobody" is not a response');
    expect(hashValue(page.url(), 'corners')?.split('|')[1]).toBe('1.4.6.7.8');
  });

  test('adding and removing responses works past 12, and axe finds nothing serious in the inputs', async ({ page }) => {
    await page.goto('./#preset=random&n=12&seed=1');
    await expect(page.getByTestId('iteration')).toHaveText('300');
    await page.getByRole('button', { name: 'Add response' }).click();
    await expect(page.getByTestId('heatmap-canvas')).toBeVisible();
    await expect(page.getByText('13 of at most 500 responses')).toBeVisible();
    // Added from the heatmap editor, the new response is selected, ready to be renamed.
    await page.getByRole('button', { name: 'Add response' }).click();
    await expect(page.getByText('14 of at most 500 responses')).toBeVisible();
    await page.getByLabel('Name of response 14').fill('newcomer');
    await expect(page.getByRole('button', { name: 'Remove newcomer' })).toBeVisible();
    const results = await new AxeBuilder({ page }).include('aside.controls').analyze();
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((x) => x.target.join(' ')).join(' | ')}`);
    expect(serious).toEqual([]);
    await page.getByRole('button', { name: 'Remove newcomer' }).click();
    await expect(page.getByText('13 of at most 500 responses')).toBeVisible();
    await page
      .getByRole('button', { name: /^Remove / })
      .first()
      .click();
    await expect(page.locator('.pref-editor__table')).toBeVisible(); // back to the grid at n = 12
  });
});
