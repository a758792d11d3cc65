/**
 * The race panel: its values against the "Current policies" table (e_0 computed here from P and
 * the table's policies), the ε select, and Nash-MD's constant-step fixed point on the simplex.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { presetById } from '../src/core/presets.ts';
import { expect, iteration, readPolicies, test } from './fixtures.ts';

const P = presetById('rps')!.build({}).preferences;

/** e_0(π) = max_y (Pπ)_y − 1/2, written out. */
const e0 = (pi: number[]) => Math.max(...P.map((row) => row.reduce((a, p, j) => a + p * pi[j], 0))) - 0.5;

/** The race table: algorithm → { column → data-value or text }. */
async function readRace(page: Page): Promise<Record<string, Record<string, string>>> {
  const rows = await page.getByTestId('race-table').locator('tbody tr').all();
  const out: Record<string, Record<string, string>> = {};
  for (const row of rows) {
    const name = (await row.locator('th[scope="row"]').textContent()) ?? '';
    out[name] = Object.fromEntries(
      await row
        .locator('td')
        .evaluateAll((tds) =>
          tds.map((td) => [td.getAttribute('data-col')!, td.getAttribute('data-value') ?? td.textContent ?? '']),
        ),
    );
  }
  return out;
}

test.describe('the race', () => {
  test('e₀ of the last iterate is the policy table’s, first t below ε follows the ε select', async ({
    page,
    errors,
  }) => {
    await page.goto('/#preset=rps&eta=2&tau=0.05&t=300');
    const table = page.getByRole('table', { name: /The race at t = 300/ });
    await expect(table).toBeVisible();
    await expect(table.locator('th[scope="col"]')).toHaveText([
      'Algorithm',
      'e₀ last iterate',
      'e₀ average',
      'KL(π*τ‖πt)',
      'first t, e₀ < 10⁻³',
    ]);
    expect(await iteration(page)).toBe(300);
    await expect(async () => {
      const race = await readRace(page);
      const policies = await readPolicies(page);
      expect(Object.keys(race)).toEqual(['Nash-MD', 'OMD', 'RLHF']);
      for (const [name, pi] of Object.entries(policies)) expect(Number(race[name].last)).toBeCloseTo(e0(pi), 12);
    }).toPass();
    // Nash-MD with this constant step levels off above 10⁻³ (its fixed point is not a Nash of P).
    expect((await readRace(page))['Nash-MD'].first).toBe('not within the run');
    await page.getByTestId('race-epsilon').selectOption('0.01');
    await expect(table.locator('th[scope="col"]').last()).toHaveText('first t, e₀ < 10⁻²');
    const first = Number((await readRace(page))['Nash-MD'].first);
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThanOrEqual(300);
    // At that t the last iterate is below ε, one step before it is not.
    for (const [t, below] of [
      [first, true],
      [first - 1, false],
    ] as const) {
      await page.locator('input.timeline').fill(String(t));
      await expect.poll(() => iteration(page)).toBe(t);
      await expect(async () => {
        const pi = (await readPolicies(page))['Nash-MD'];
        expect(e0(pi) < 0.01).toBe(below);
        expect(Number((await readRace(page))['Nash-MD'].last)).toBeCloseTo(e0(pi), 12);
      }).toPass();
    }
    expect(errors).toEqual([]);
  });

  test('Nash-MD’s constant-step fixed point is marked, with a legend entry; not with Theorem 1’s step', async ({
    page,
  }) => {
    await page.goto('/#preset=rps&eta=2&tau=0.05&t=50');
    const simplex = page.getByTestId('simplex');
    await expect(simplex.locator('g.marker[data-marker="nashMdFixedPoint"]')).toHaveCount(1);
    await expect(simplex.locator('.simplex-legend title', { hasText: 'Nash-MD fixed point (constant η)' })).toHaveCount(
      1,
    );
    await expect(simplex.locator('svg[aria-label*="Nash-MD fixed point"]')).toHaveCount(1);
    await expect(page.getByTestId('caption')).toContainText('Nash-MD converges to its own fixed point');
    await expect(page.locator('.race-note', { hasText: 'own fixed point' })).toBeVisible();

    await page.goto('/#preset=rps&eta=theorem&tau=0.05&t=50');
    await expect(page.getByTestId('race-table')).toBeVisible();
    await expect(page.getByTestId('caption')).toContainText('η_t = 2/(τ(t+2))');
    await expect(simplex.locator('g.marker[data-marker="regularized"]')).toHaveCount(1);
    await expect(simplex.locator('[data-marker="nashMdFixedPoint"]')).toHaveCount(0);
    await expect(page.getByTestId('caption')).not.toContainText('fixed point');
  });

  for (const [name, size, hash] of [
    ['1280×800', { width: 1280, height: 800 }, 'preset=rps&eta=2&tau=0.05&t=300'],
    ['1280×720 lecture', { width: 1280, height: 720 }, 'preset=rps&eta=2&tau=0.05&t=300&lecture=1'],
    // Small values and "not within the run" in every row: the widest cells.
    ['1280×720, three rater types', { width: 1280, height: 720 }, 'preset=rater-types&eps=0.1&t=400'],
  ] as const) {
    test(`fits the side column at ${name}: no horizontal scrollbar, no clipped header`, async ({ page }) => {
      await page.setViewportSize(size);
      await page.goto(`/#${hash}`);
      await expect(page.getByTestId('race-table').locator('tbody tr')).toHaveCount(3);
      const overflow = await page.evaluate(() => {
        const over = (el: Element | null) => (el ? el.scrollWidth - el.clientWidth : 0);
        const cells = [...document.querySelectorAll('.race-table th, .race-table td, .race-chart')].filter(
          (el) => (el as HTMLElement).offsetParent !== null,
        );
        return {
          side: over(document.querySelector('aside.side')),
          wrap: over(document.querySelector('.race-table-wrap')),
          cells: Math.max(0, ...cells.map(over)),
        };
      });
      expect(overflow).toEqual({ side: 0, wrap: 0, cells: 0 });
    });
  }

  test('exports its chart as a standalone SVG from the Export menu', async ({ page }) => {
    await page.goto('/#preset=rps&t=300');
    await expect(page.getByTestId('race-table').locator('tbody tr')).toHaveCount(3);
    await page.locator('.export-menu summary').click();
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'The race SVG' }).click(),
    ]);
    expect(file.suggestedFilename()).toMatch(/race.*\.svg$/);
    const text = await readFile(await file.path(), 'utf8');
    const result = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        lines: doc.querySelectorAll('.race-lines path').length,
        title: doc.querySelector('title')?.textContent ?? '',
      };
    }, text);
    expect(result).toEqual({
      error: null,
      lines: 3,
      title: expect.stringContaining('Exploitability e₀ of the last iterate'),
    });
    expect(text).not.toContain('currentColor');
  });
});
