/**
 * Issue 17, the β sweep: with a policy-gradient algorithm shown, the sweep's table holds the core's
 * sweep computed here for the same link (entries P(π_row ≻ π_col) = π_rowᵀ P π_col of the
 * policies the core reports), rows by average win rate, the best row marked in the table and
 * starred in the figure; the figure exports as SVG; it is absent without a PG algorithm and with
 * hide=sweep.
 */
import { readFile } from 'node:fs/promises';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { loadAlgorithms } from '../src/core/algorithms/registry.ts';
import { betaSweep, SWEEP_ALGORITHMS } from '../src/core/betaSweep.ts';
import { fromUpper } from '../src/core/presets.ts';
import { validatePreferences } from '../src/core/validate.ts';
import { sweepSummary } from '../src/shared/betaSweepSummary.ts';
import { expect, test } from './fixtures.ts';

const C = { upper: [0.2, 0.7, 0.35], mu: [0.5, 0.3, 0.2], pi0: [0.6, 0.25, 0.15], tau: 0.1, lr: 0.8, t: 200 };
const LINK = `./#P=${C.upper.join(',')}&mu=${C.mu.join(',')}&pi0=${C.pi0.join(',')}&tau=${C.tau}&eta=1&algos=nash-md-pg&gradient=exact&lr=${C.lr}&t=${C.t}`;

async function coreSweep() {
  await loadAlgorithms(SWEEP_ALGORITHMS);
  let k = 0;
  const P = fromUpper(3, () => C.upper[k++]).map((row) => Array.from(row));
  const r = betaSweep(
    {
      preferences: P,
      reference: C.mu,
      initial: C.pi0,
      tau: C.tau,
      eta: 1,
      comparisons: 'uniform',
      algorithms: ['nash-md-pg'],
      pg: { gradient: 'exact', lr: C.lr },
    },
    validatePreferences(P),
    C.t,
  );
  return { P, r };
}

/** The sweep table: row label → { column label → value }, in the row order shown, and the marked rows. */
async function readSweep(page: Page) {
  const table = page.getByTestId('beta-sweep-table');
  await expect(table.locator('tbody tr')).toHaveCount(11, { timeout: 20_000 });
  return table.evaluate((t) => {
    const rows = [...t.querySelectorAll('tbody tr')].map((tr) => ({
      label: tr.getAttribute('data-label')!,
      best: tr.getAttribute('data-best') === 'true',
      head: tr.querySelector('th')!.textContent!,
      cells: Object.fromEntries(
        [...tr.querySelectorAll('td')].map((td) => [
          td.getAttribute('data-col')!,
          Number(td.getAttribute('data-value')),
        ]),
      ),
    }));
    return rows;
  });
}

test('the table equals the core’s sweep for the link: P(π_row ≻ π_col), sorted by average, the best row marked', async ({
  page,
  errors,
}) => {
  const { P, r } = await coreSweep();
  await page.goto(LINK);
  const rows = await readSweep(page);
  const m = r.entries.length;
  const labels = r.entries.map((e) => e.label);
  // Rows in the core's order (by average win rate, largest first).
  expect(rows.map((x) => x.label)).toEqual(r.order.map((a) => labels[a]));
  for (const row of rows) {
    const a = labels.indexOf(row.label);
    for (let b = 0; b < m; b++) {
      // The core's matrix, and the same entry summed out from its reported policies.
      const direct = P.reduce(
        (s, Py, y) => s + r.policies[a * 3 + y] * Py.reduce((t, p, z) => t + p * r.policies[b * 3 + z], 0),
        0,
      );
      expect(Math.abs(row.cells[labels[b]] - r.matrix[a * m + b]), `${row.label} vs ${labels[b]}`).toBeLessThan(1e-12);
      expect(Math.abs(row.cells[labels[b]] - direct)).toBeLessThan(1e-12);
    }
    expect(Math.abs(row.cells.average - r.average[a])).toBeLessThan(1e-12);
  }
  // The trained policies moved: the comparison means something.
  expect(Math.max(...Array.from(r.matrix, (x) => Math.abs(x - 0.5)))).toBeGreaterThan(0.01);
  // Exactly the core's best row is marked in the table, and starred and outlined in the figure.
  expect(r.best).not.toBeNull();
  expect(rows.filter((x) => x.best).map((x) => x.label)).toEqual([labels[r.best!]]);
  expect(rows[0].head).toBe(`${labels[r.best!]} (best)`);
  const figure = page.getByTestId('beta-sweep-chart');
  await expect(figure.locator('g.sweep-row[data-best="true"] text.row-label')).toHaveText(/^★ /);
  await expect(figure.locator('rect.best-outline')).toHaveCount(1);
  // The caption says what this sweep shows (computed here), not what the paper says.
  await expect(page.getByTestId('beta-sweep-caption')).toHaveText(
    `The paper’s Table 1 in miniature. ${sweepSummary({ ...r, labels, betas: r.entries.map((e) => e.beta) })}`,
  );
  // Its screen-reader table is hidden without widening the page (it once added a scrollbar).
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(
    0,
  );
  expect(errors).toEqual([]);
});

test('the sweep exports as a standalone SVG from the Export menu', async ({ page }) => {
  await page.goto(LINK);
  await readSweep(page);
  await page.locator('.export-menu summary').click();
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'β sweep SVG' }).click(),
  ]);
  expect(file.suggestedFilename()).toMatch(/\.svg$/);
  const text = await readFile(await file.path(), 'utf8');
  const result = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      cells: doc.querySelectorAll('g.cell').length,
      best: doc.querySelectorAll('rect.best-outline').length,
      title: doc.querySelector('title')?.textContent ?? '',
    };
  }, text);
  expect(result).toEqual({ error: null, cells: 121, best: 1, title: expect.stringContaining('β sweep') });
});

test('no sweep without a policy-gradient algorithm, none with hide=sweep; ticking one shows it', async ({ page }) => {
  await page.goto('./#preset=rps&t=50');
  await expect(page.getByTestId('simplex')).toBeVisible();
  await expect(page.getByTestId('beta-sweep')).toHaveCount(0);
  await page.goto(`${LINK}&hide=sweep`);
  await expect(page.getByTestId('iteration')).toHaveText(String(C.t), { timeout: 20_000 });
  await expect(page.getByTestId('beta-sweep')).toHaveCount(0);
  // Ticking a PG algorithm brings it in.
  await page.goto('./#preset=rps&t=50');
  await page.getByText(/^More algorithms/).click();
  await page.getByRole('checkbox', { name: /^Nash-EMA-PG/ }).check();
  await expect(page.getByTestId('beta-sweep-table').locator('tbody tr')).toHaveCount(11, { timeout: 20_000 });
});

test('the story “What the paper trained” ends on the sweep’s computed winner, starred in the table', async ({
  page,
}) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Stories' }).click();
  await page.getByRole('button', { name: /What the paper trained/ }).click();
  await expect(page.getByTestId('iteration')).toHaveText('1,000', { timeout: 20_000 });
  await page.getByRole('button', { name: 'Next →' }).click();
  await page.getByRole('button', { name: 'Next →' }).click();
  await expect(page.getByTestId('story-text')).toContainText('β = 0.625 wins the sweep');
  const rows = await readSweep(page);
  expect(rows.filter((x) => x.best).map((x) => x.label)).toEqual(['Nash-MD-PG β=0.625']);
  await expect(page.getByTestId('beta-sweep-caption')).toContainText('Nash-MD-PG β=0.625 wins the sweep');
});

test('“What am I looking at?” says what β = 0 and β = 1 mean and that Nash-MD is the mirror-descent version', async ({
  page,
}) => {
  await page.goto(LINK);
  await page.getByRole('button', { name: 'What am I looking at?' }).first().click();
  const note = page.getByTestId('algo-note-nash-md-pg');
  await expect(note).toContainText('β = 0 is self-play');
  await expect(note).toContainText('β = 1 is a best response to μ');
  await expect(note).toContainText('Nash-MD is the exact mirror-descent version of Nash-MD-PG');
});

test('axe: the sweep’s figure and table have no serious or critical violations', async ({ page }) => {
  await page.goto(LINK);
  await readSweep(page);
  const axe = await new AxeBuilder({ page }).include('[data-testid="beta-sweep"]').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
});

test('figures="simplex,beta-sweep": an inline element shows the sweep without a PG algorithm', async ({ page }) => {
  await page.route('**/__test/sweep.html', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>sweep</title><link rel="icon" href="data:,"><script type="module" src="../nash-md-explorer.js"></script></head><body><nash-md-explorer preset="rps" t="300" figures="simplex,beta-sweep"></nash-md-explorer></body></html>',
    }),
  );
  await page.goto('./__test/sweep.html');
  await expect(page.getByTestId('beta-sweep-table').locator('tbody tr')).toHaveCount(11, { timeout: 20_000 });
  await expect(page.getByTestId('beta-sweep-caption')).toContainText('After T = 300 steps');
});

test('without a Web Worker the sweep is computed on the main thread', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'Worker', { value: undefined });
  });
  await page.goto('./#preset=rps&t=50&algos=nash-md-pg');
  await expect(page.getByText('Computing on the main thread').first()).toBeVisible();
  await expect(page.getByTestId('beta-sweep-table').locator('tbody tr')).toHaveCount(11, { timeout: 30_000 });
});
