/** A page fixture that fails the test on any console error or uncaught exception. */
import { test as base, expect } from '@playwright/test';

export const test = base.extend<{ errors: string[] }>({
  errors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await use(errors);
    expect(errors, 'console errors').toEqual([]);
  },
});

export { expect };

/** Reads the "Current policies" table: algorithm → full-precision values. */
export async function readPolicies(page: import('@playwright/test').Page): Promise<Record<string, number[]>> {
  const table = page.getByRole('table', { name: 'Current policies' });
  const rows = await table.locator('tbody tr').all();
  const out: Record<string, number[]> = {};
  for (const row of rows) {
    const name = (await row.locator('th[scope="row"]').textContent()) ?? '';
    out[name] = await row.locator('td').evaluateAll((tds) => tds.map((td) => Number(td.getAttribute('data-value'))));
  }
  return out;
}

export async function iteration(page: import('@playwright/test').Page): Promise<number> {
  // Shown grouped ("50,966"); the number itself is in data-value.
  return Number(await page.getByTestId('iteration').getAttribute('data-value'));
}
