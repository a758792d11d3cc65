/**
 * Typed numbers: a cell keeps its value until a whole number is typed (a prefix is never applied),
 * a decimal comma is read everywhere, refusals name the field and keep the typed text, the random
 * presets' n applies once typing pauses; the jargon controls' ⓘ help; full row names; the note
 * when τ = 0 gives up the Theorem 1 schedule.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { expect, readPolicies, test } from './fixtures.ts';

test.describe('typing in a matrix cell', () => {
  test('"1.7" typed key by key is refused as a whole: the cell keeps its value, the message names it', async ({
    page,
  }) => {
    await page.goto('./#preset=rps&t=300');
    await expect(page.getByTestId('iteration')).toHaveText('300');
    const before = await readPolicies(page);
    const cell = page.getByLabel('P(rock ≻ paper)');
    await cell.click();
    await cell.press('Control+a');
    await page.keyboard.type('1.7', { delay: 60 });
    await expect(page.getByText('P(rock ≻ paper): 1.7 is not a probability in [0, 1]. It stays 0.10.')).toBeVisible();
    await expect(cell).toHaveAttribute('aria-invalid', 'true');
    await page.waitForTimeout(600); // longer than the typing pause: still nothing applied
    await expect(page.getByLabel('P(paper ≻ rock)')).toHaveValue('0.90');
    await cell.press('Enter');
    await page.getByLabel('P(rock ≻ scissors)').focus(); // leaving it keeps the typed text
    await expect(cell).toHaveValue('1.7');
    await expect(page.getByText(/P\(rock ≻ paper\): 1\.7 is not a probability/)).toBeVisible();
    expect(await readPolicies(page)).toEqual(before);
    await cell.focus();
    await cell.press('Escape'); // back to the value
    await expect(cell).toHaveValue('0.10');
    await expect(cell).not.toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText(/is not a probability/)).toHaveCount(0);
  });

  test('"0,4" is 0.4, on Enter or after a pause; the mirror follows', async ({ page }) => {
    await page.goto('./#preset=rps&t=300');
    const cell = page.getByLabel('P(rock ≻ paper)');
    await cell.click();
    await cell.press('Control+a');
    await page.keyboard.type('0,4', { delay: 60 });
    await cell.press('Enter');
    await expect(cell).toHaveValue('0.40');
    await expect(page.getByLabel('P(paper ≻ rock)')).toHaveValue('0.60');
    await expect.poll(() => page.url()).toContain('P=0.4,');
    // Without Enter: applied once typing pauses, and the typed text stays while typing.
    const other = page.getByLabel('P(paper ≻ scissors)');
    await other.click();
    await other.press('Control+a');
    await page.keyboard.type('0,25', { delay: 60 });
    await expect(page.getByLabel('P(scissors ≻ paper)')).toHaveValue('0.75');
    await expect(other).toHaveValue('0,25');
    await other.blur();
    await expect(other).toHaveValue('0.25');
  });

  test('the heatmap’s cell field reads a decimal comma and refuses 1.7 naming the cell (n > 12)', async ({ page }) => {
    await page.goto('./#preset=random&seed=3&n=20');
    const field = page.locator('.heatmap-editor__value input');
    const name = (await page.locator('.heatmap-editor__value span').textContent())!;
    await field.fill('0,25');
    await field.press('Enter');
    await expect(page.locator('.heatmap-editor__mirror')).toHaveText(/= 0\.75$/);
    await field.fill('1.7');
    await field.press('Enter');
    await expect(page.locator('.heatmap-editor__message')).toContainText(
      `${name}: 1.7 is not a probability in [0, 1]. It stays 0.25.`,
    );
    await expect(field).toHaveValue('1.7');
    await expect(page.locator('.heatmap-editor__mirror')).toHaveText(/= 0\.75$/);
  });
});

test('τ, η and μ read a decimal comma', async ({ page }) => {
  await page.goto('./#preset=rps&t=300');
  const tau = page.getByTestId('tau');
  await tau.fill('0,2');
  await tau.press('Enter');
  await expect.poll(() => page.url()).toContain('tau=0.2&');
  const mu = page.getByLabel('μ(rock)');
  await mu.fill('0,6');
  await mu.press('Enter');
  await expect(mu).toHaveValue('0.6');
  await mu.fill('5'); // said, not clamped silently
  await mu.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'μ(rock): 5 is too large' })).toBeVisible();
  await mu.press('Escape');
  await expect(mu).toHaveValue('0.6');
  await tau.fill('1,000.5');
  await tau.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'τ: "1,000.5" is ambiguous' })).toBeVisible();
});

test.describe('n of the random presets', () => {
  test('typing 1000 says that n is at most 500 and keeps n', async ({ page }) => {
    await page.goto('./#preset=random&seed=1&n=6');
    const n = page.getByLabel('n', { exact: true });
    await n.fill('1000');
    await n.press('Enter');
    await expect(
      page
        .getByRole('alert')
        .filter({ hasText: 'n: 1000 is too many responses; n must be between 2 and 500. It stays 6.' }),
    ).toBeVisible();
    await expect(n).toHaveValue('1000');
    await expect(n).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('.pref-editor__table tbody tr')).toHaveCount(6);
  });

  test('typing 300 builds one matrix of 300, not 3, then 30, then 300', async ({ page }) => {
    await page.goto('./#preset=random&seed=1&n=6');
    await expect(page.locator('.pref-editor__table tbody tr')).toHaveCount(6);
    // Every frame, the size of the matrix the page shows (grid rows, or the heatmap's title).
    await page.evaluate(() => {
      const seen = new Set<number>();
      (window as unknown as { seenN: Set<number> }).seenN = seen;
      const sample = () => {
        const title = document.querySelector('.heatmap-editor__title')?.textContent ?? '';
        const m = /(\d+) × \1/.exec(title);
        const size = m ? Number(m[1]) : document.querySelectorAll('.pref-editor__table tbody tr').length;
        if (size > 0) seen.add(size); // 0: between the grid and the (lazily loaded) heatmap
        requestAnimationFrame(sample);
      };
      requestAnimationFrame(sample);
    });
    const n = page.getByLabel('n', { exact: true });
    await n.click();
    await n.press('Control+a');
    // When each keystroke reached the field: on a loaded machine the 120 ms between keys can stretch
    // past the typing pause, and then the prefix typed so far is rightly applied.
    await n.evaluate((el) => {
      const typed: { text: string; at: number }[] = [];
      (window as unknown as { typed: typeof typed }).typed = typed;
      el.addEventListener('input', () => typed.push({ text: (el as HTMLInputElement).value, at: performance.now() }));
    });
    await page.keyboard.type('300', { delay: 120 });
    await expect(page.locator('.heatmap-editor__title')).toContainText('300 × 300', { timeout: 15_000 });
    const { seen, typed } = await page.evaluate(() => {
      const w = window as unknown as { seenN: Set<number>; typed: { text: string; at: number }[] };
      return { seen: [...w.seenN].sort((a, b) => a - b), typed: w.typed };
    });
    // A prefix may show only if the typist paused at least TYPING_PAUSE_MS (400 ms) after it.
    const paused = typed
      .filter((k, i) => i + 1 < typed.length && typed[i + 1].at - k.at >= 400 - 20)
      .map((k) => Number(k.text));
    expect(typed.map((k) => k.text)).toEqual(['3', '30', '300']);
    const allowed = new Set([6, 300, ...paused]);
    const message = `matrix sizes shown: ${seen.join(', ')}; paused after: ${paused.join(', ') || 'none'}`;
    expect(
      seen.filter((size) => !allowed.has(size)),
      message,
    ).toEqual([]);
    expect(seen, message).toEqual(expect.arrayContaining([6, 300]));
    await expect.poll(() => page.url()).toContain('n=300');
  });
});

test.describe('inline help', () => {
  test('each jargon control has an ⓘ that opens with the keyboard and closes with Escape', async ({ page }) => {
    await page.goto('./#preset=random&seed=1&n=6');
    for (const about of [
      'τ',
      'η',
      'the step size schedule',
      'Show (which algorithms)',
      'RLHF reward fitted on',
      'μ',
      'π₀',
      'Simplex corners',
    ]) {
      await expect(page.getByRole('button', { name: `About ${about}`, exact: true })).toBeVisible();
    }
    const tip = page.getByRole('button', { name: 'About RLHF reward fitted on' });
    await tip.focus();
    await expect(tip).toHaveAttribute('aria-expanded', 'false');
    await page.keyboard.press('Enter');
    await expect(tip).toHaveAttribute('aria-expanded', 'true');
    const text = page.locator(`[id="${await tip.getAttribute('aria-controls')}"]`);
    await expect(text).toContainText('Bradley–Terry reward');
    await expect(text).toBeVisible();
    await expect(tip).toHaveAccessibleDescription(/Bradley–Terry reward/);
    await page.keyboard.press('Escape');
    await expect(tip).toHaveAttribute('aria-expanded', 'false');
    await expect(text).toBeHidden();
    await page.keyboard.press('Space');
    await expect(text).toBeVisible();
    const results = await new AxeBuilder({ page }).include('aside.controls').analyze();
    expect(
      results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
    ).toEqual([]);
    await page.locator('body').click({ position: { x: 5, y: 5 } }); // a click elsewhere closes it
    await expect(text).toBeHidden();
  });
});

test('the convergence plot’s ⓘ explains its curves and the Theorem 1 bound', async ({ page }) => {
  await page.goto('./#preset=rps&eta=theorem');
  const tip = page.getByRole('button', { name: 'About the convergence plot', exact: true });
  await tip.click();
  const text = page.locator(`[id="${await tip.getAttribute('aria-controls')}"]`);
  await expect(text).toBeVisible();
  await expect(text).toContainText('Theorem 1 bound');
  await expect(
    page
      .getByRole('complementary', { name: 'Measurements' })
      .getByRole('heading', { name: 'Convergence', exact: true }),
  ).toBeVisible();
});

test('the dice preset’s row names show whole, like its column heads', async ({ page }) => {
  await page.goto('./#preset=dice');
  const rows = page.locator('.pref-editor__row-name');
  await expect(rows).toHaveCount(3);
  for (let k = 0; k < 3; k++) {
    const name = await page.getByLabel(`Name of response ${k + 1}`).inputValue();
    expect(name).toMatch(/^[ABC] \{\d,\d,\d\}$/);
    await expect(rows.nth(k)).toHaveText(name);
    const clipped = await rows
      .nth(k)
      .evaluate((el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1);
    expect(clipped, `row name ${name} is clipped`).toBe(false);
  }
});

test('τ = 0 with the Theorem 1 schedule says that a constant η is used', async ({ page }) => {
  await page.goto('./#preset=rps&tau=0.1&eta=theorem');
  const schedule = page.getByLabel('Step size', { exact: true });
  await expect(schedule).toHaveValue('theorem');
  const tau = page.getByTestId('tau');
  await tau.fill('0');
  await tau.press('Enter');
  await expect(schedule).toHaveValue('constant');
  await expect(page.getByTestId('schedule-note')).toHaveText(
    /^At τ = 0 the Theorem 1 schedule 2\/\(τ\(t\+2\)\) is undefined; using constant η = [\d.]+\.$/,
  );
  await tau.fill('0.1');
  await tau.press('Enter');
  await expect(page.getByTestId('schedule-note')).toHaveCount(0);
});
