import { simulate } from '../src/core/simulate.ts';
import { expect, iteration, readPolicies, test } from './fixtures.ts';

test.describe('live visualizer', () => {
  test('loads the default preset, runs it in a worker and draws every view', async ({ page, errors }) => {
    await page.goto('./');
    await expect(page.getByTestId('iteration')).toHaveText('300');
    expect(page.workers().length).toBeGreaterThanOrEqual(1);
    const policies = await readPolicies(page);
    expect(Object.keys(policies)).toEqual(['Nash-MD', 'OMD', 'RLHF']);
    for (const row of Object.values(policies)) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    await expect(page.getByTestId('trajectories')).toHaveAttribute('data-drawn', 'nash-md:301 omd:301 rlhf:301');
    await expect(page.getByLabel('Reference policy μ, drag to move')).toBeVisible();
    await expect(page.getByTestId('convergence').locator('svg')).toBeVisible();
    await expect(page.getByTestId('winrates').locator('svg')).toBeVisible();
    expect(errors).toEqual([]);
  });

  test('editing a cell updates its mirror and the trajectory', async ({ page }) => {
    await page.goto('./');
    await expect(page.getByTestId('iteration')).toHaveText('300');
    const before = await readPolicies(page);
    const cell = page.getByLabel('P(rock ≻ paper)');
    await cell.fill('0.3');
    await cell.press('Enter');
    await expect(page.getByLabel('P(paper ≻ rock)')).toHaveValue(/^0\.7/);
    await expect.poll(async () => (await readPolicies(page))['Nash-MD'][0]).not.toBe(before['Nash-MD'][0]);
    await expect(page.getByTestId('iteration')).toHaveText('300');
  });

  test('a preset loads its matrix', async ({ page }) => {
    await page.goto('./');
    await page.getByLabel('Preset', { exact: true }).selectOption({ label: 'Non-transitive dice' });
    // A beats B, B beats C, C beats A, each with probability 5/9.
    await expect(page.getByLabel(/^P\(A \{.*\} ≻ B \{.*\}\)$/)).toHaveValue('0.556');
    await expect(page.getByLabel(/^P\(B \{.*\} ≻ C \{.*\}\)$/)).toHaveValue('0.556');
    await expect(page.getByLabel(/^P\(C \{.*\} ≻ A \{.*\}\)$/)).toHaveValue('0.556');
    await expect(page.getByLabel(/^P\(B \{.*\} ≻ A \{.*\}\)$/)).toHaveValue('0.444');
    await expect(page.locator('.preset-caption')).not.toBeEmpty();
    await expect.poll(() => page.url()).toContain('preset=dice');
  });

  test('Play moves t and the paths grow; Pause stops them', async ({ page }) => {
    await page.goto('./#preset=rps&t=0');
    await expect(page.getByTestId('iteration')).toHaveText('0');
    await page.getByRole('button', { name: /Play/ }).click();
    await expect.poll(() => iteration(page)).toBeGreaterThan(20);
    await page.getByRole('button', { name: /Pause/ }).click();
    const paused = await iteration(page);
    await page.waitForTimeout(400);
    expect(await iteration(page)).toBe(paused);
    // The trajectories are drawn on a canvas that records what it drew: rows 0..t of each run.
    await expect(page.getByTestId('trajectories')).toHaveAttribute(
      'data-drawn',
      `nash-md:${paused + 1} omd:${paused + 1} rlhf:${paused + 1}`,
    );
  });

  test('Step and Reset move t by one and back to 0', async ({ page }) => {
    await page.goto('./#preset=rps&t=5');
    await expect(page.getByTestId('iteration')).toHaveText('5');
    await page.getByRole('button', { name: 'Step forward' }).click();
    await expect(page.getByTestId('iteration')).toHaveText('6');
    await page.getByRole('button', { name: /Reset/ }).click();
    await expect(page.getByTestId('iteration')).toHaveText('0');
  });

  test('the URL round-trips: the table matches src/core run on the hash', async ({ page }) => {
    const P = [
      [0.5, 0.7, 0.2, 0.6],
      [0.3, 0.5, 0.9, 0.4],
      [0.8, 0.1, 0.5, 0.35],
      [0.4, 0.6, 0.65, 0.5],
    ];
    const mu = [0.4, 0.3, 0.2, 0.1];
    const pi0 = [0.1, 0.2, 0.3, 0.4];
    const hash = `#P=0.7,0.2,0.6,0.9,0.4,0.35&labels=a,b,c,d&mu=${mu}&pi0=${pi0}&tau=0.1&eta=theorem&t=137&algos=nash-md,rlhf&comparisons=reference`;
    await page.goto('./' + hash);
    await expect(page.getByTestId('iteration')).toHaveText('137');
    const table = await readPolicies(page);
    expect(Object.keys(table)).toEqual(['Nash-MD', 'RLHF']);
    for (const [name, algorithm] of [
      ['Nash-MD', 'nash-md'],
      ['RLHF', 'rlhf'],
    ] as const) {
      const { policies } = simulate({
        algorithm,
        preferences: P,
        reference: mu,
        initial: pi0,
        tau: 0.1,
        eta: 'theorem',
        steps: 137,
        comparisons: 'reference',
      });
      const expected = Array.from(policies.subarray(137 * 4, 138 * 4));
      table[name].forEach((x, i) => expect(x).toBeCloseTo(expected[i], 12));
    }
    // The app writes the same state back into the URL.
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('t=137');
    expect(await page.evaluate(() => location.hash)).toContain('eta=theorem');
  });

  test('a hash with bad values shows a message naming them and still renders', async ({ page }) => {
    await page.goto('./#preset=rps&tau=-3&mu=1,x,2&t=12');
    const alert = page.getByRole('alert').filter({ hasText: 'not valid' });
    await expect(alert).toContainText('tau');
    await expect(alert).toContainText('mu');
    await expect(page.getByTestId('iteration')).toHaveText('12');
    expect(Object.keys(await readPolicies(page))).toEqual(['Nash-MD', 'OMD', 'RLHF']);
  });
});

test.describe('direct manipulation', () => {
  test('dragging μ on the simplex moves it, recomputes the runs and updates the link', async ({ page }) => {
    await page.goto('./');
    await expect(page.getByTestId('iteration')).toHaveText('300');
    const before = await readPolicies(page);
    const marker = page.getByLabel(/Reference policy μ, drag/);
    const box = (await marker.boundingBox())!;
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await page.mouse.move(x, y);
    await page.mouse.down();
    for (let k = 1; k <= 10; k++) await page.mouse.move(x + 8 * k, y - 6 * k);
    await page.mouse.up();
    await expect(page.getByLabel('μ(rock)')).not.toHaveValue('0.5');
    await expect.poll(async () => (await readPolicies(page))['RLHF'][0]).not.toBe(before['RLHF'][0]);
    await expect.poll(() => page.url()).not.toContain('mu=0.5,0.3,0.2');
    const mu = await Promise.all(
      ['rock', 'paper', 'scissors'].map(async (l) => Number(await page.getByLabel(`μ(${l})`).inputValue())),
    );
    expect(mu.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 3);
  });

  test('typed values out of range are refused with a message naming the field, nothing is lost', async ({ page }) => {
    await page.goto('./');
    const tau = page.getByTestId('tau');
    await tau.fill('-2');
    await tau.press('Enter');
    await expect(page.getByRole('alert').filter({ hasText: 'τ must be' })).toBeVisible();
    // Leaving the field keeps the refused text and its message (nothing typed is lost); Escape
    // shows the current value again.
    await tau.blur();
    await expect(tau).toHaveValue('-2');
    await expect(page.getByRole('alert').filter({ hasText: 'It stays 0.05.' })).toBeVisible();
    await tau.press('Escape');
    await expect(tau).toHaveValue('0.05');
    const cell = page.getByLabel('P(rock ≻ paper)');
    await cell.fill('1.7');
    await expect(page.getByText(/P\(rock ≻ paper\): 1\.7 is not a probability in \[0, 1\]/)).toBeVisible();
    await expect(cell).toHaveAttribute('aria-invalid', 'true');
    await cell.blur();
    await expect(cell).toHaveValue('1.7');
    await cell.press('Escape');
    await expect(cell).toHaveValue(/^0\.10*$/);
    await expect(page.getByTestId('iteration')).toHaveText('300');
  });

  test('with n > 3 the corners group responses and a small-multiples chart appears', async ({ page }) => {
    await page.goto('./#preset=random&seed=4&n=6&t=50');
    await expect(page.getByLabel('n', { exact: true })).toHaveValue('6');
    await expect(page.getByTestId('timeseries').locator('svg')).toBeVisible();
    await expect(page.getByRole('group', { name: /Simplex corners/ })).toBeVisible();
    await expect.poll(async () => (await readPolicies(page))['Nash-MD']?.length).toBe(6);
    // By default the third corner sums y3..y6, so every drawn point holds all the mass.
    await expect(page.getByTestId('simplex')).toContainText('y3');
    await page.getByLabel('Corner for y6').selectOption({ label: 'not shown' });
    await expect.poll(() => page.url()).toContain('corners=0|1|2.3.4');
  });
});

test.describe('inputs', () => {
  test('pasting win counts with names replaces the matrix; a bad paste is refused and keeps it', async ({ page }) => {
    await page.goto('./');
    await page.locator('summary', { hasText: 'Paste from a spreadsheet' }).click();
    const box = page.getByLabel(/Matrix \(tab- or comma-separated/);
    await box.fill('\tA\tB\tC\nA\t0\t30\t10\nB\t10\t0\t25\nC\t30\t15\t0');
    await page.getByRole('button', { name: 'Use pasted matrix' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'win counts' })).toBeVisible();
    await expect(page.getByLabel('P(A ≻ B)')).toHaveValue(/^0\.750*$/);
    await expect(page.getByLabel('P(B ≻ A)')).toHaveValue(/^0\.250*$/);
    await box.fill('0.5,0.75\n0.4,0.5');
    await page.getByRole('button', { name: 'Use pasted matrix' }).click();
    await expect(page.getByRole('alert').filter({ hasText: /[Rr]ow 1, column 2/ })).toBeVisible();
    await expect(page.getByLabel('P(A ≻ B)')).toHaveValue(/^0\.750*$/);
  });

  test('adding and renaming a response extends every input and the table', async ({ page }) => {
    await page.goto('./');
    await page.getByRole('button', { name: 'Add response' }).click();
    await expect(page.getByLabel('μ(y4)')).toBeVisible();
    await expect.poll(async () => (await readPolicies(page))['Nash-MD']?.length).toBe(4);
    await page.getByLabel('Name of response 4').fill('lizard');
    await page.getByLabel('Name of response 4').press('Enter');
    await expect(page.getByLabel('μ(lizard)')).toBeVisible();
    await expect(
      page.getByRole('table', { name: 'Current policies' }).getByRole('columnheader', { name: 'lizard' }),
    ).toBeVisible();
  });

  test('three rater types: as ε crosses 0 the RLHF policy jumps from y2 to y1, the Nash-MD policy barely moves', async ({
    page,
  }) => {
    await page.goto('./#preset=rater-types&eps=-0.05&t=400');
    await expect(page.getByTestId('iteration')).toHaveText('400');
    const below = await readPolicies(page);
    const slider = page.getByLabel('ε (rater mix)');
    await slider.fill('0.05');
    await expect.poll(async () => (await readPolicies(page))['RLHF'][0]).toBeGreaterThan(0.5);
    const above = await readPolicies(page);
    const argmax = (v: number[]) => v.indexOf(Math.max(...v));
    expect(argmax(below['RLHF'])).toBe(1);
    expect(argmax(above['RLHF'])).toBe(0);
    for (let i = 0; i < 3; i++) expect(Math.abs(above['Nash-MD'][i] - below['Nash-MD'][i])).toBeLessThan(0.1);
  });

  test('hovering a trajectory shows its policy and t in a tooltip', async ({ page }) => {
    await page.goto('./#preset=rps&t=300&algos=nash-md');
    await expect(page.getByTestId('iteration')).toHaveText('300');
    const svg = page.getByRole('group', { name: 'Markers on the simplex' });
    const box = (await svg.boundingBox())!;
    // Sweep across the figure until the tooltip appears over some point of the path.
    let shown = false;
    for (let k = 0; k < 60 && !shown; k++) {
      await page.mouse.move(
        box.x + box.width * (0.3 + (k % 10) * 0.04),
        box.y + box.height * (0.3 + Math.floor(k / 10) * 0.06),
      );
      shown = await page.getByRole('tooltip').isVisible();
    }
    expect(shown).toBe(true);
    await expect(page.getByRole('tooltip')).toContainText(/t = \d+|rock/);
  });
});

test.describe('an edit and its result', () => {
  test('reach the screen in the same frame: no frame shows an edited cell beside the old run', async ({
    page,
    errors,
  }) => {
    await page.goto('./#preset=rps&t=300');
    await expect(page.getByTestId('iteration')).toHaveText('300');
    const cell = page.locator('input[data-i="0"][data-j="1"]');
    const nashMd = page.locator('.policy-table tbody td').first();
    // Warm up: the first answers may wait for the worker's LP solver to load (longer than the hold
    // lasts, and then the edit is shown first, by design).
    const start = await nashMd.getAttribute('data-value');
    await cell.press('ArrowUp');
    await expect(nashMd).not.toHaveAttribute('data-value', start!, { timeout: 10_000 });
    await page.waitForTimeout(300);
    const torn: number[] = [];
    for (let k = 0; k < 8; k++) {
      // Every animation frame from the keydown until both have changed: the cell's text and the
      // table's Nash-MD value (rAF callbacks run before the frame is painted).
      const frames = await page.evaluate(
        (key) =>
          new Promise<{ cell: boolean; result: boolean }[]>((resolve) => {
            const input = document.querySelector<HTMLInputElement>('input[data-i="0"][data-j="1"]')!;
            const value = () => document.querySelector('.policy-table tbody td')!.getAttribute('data-value');
            const [text0, value0] = [input.value, value()];
            const seen: { cell: boolean; result: boolean }[] = [];
            const sample = () => {
              const now = { cell: input.value !== text0, result: value() !== value0 };
              seen.push(now);
              if ((now.cell && now.result) || seen.length > 300) resolve(seen);
              else requestAnimationFrame(sample);
            };
            input.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
            requestAnimationFrame(sample);
          }),
        k % 2 === 0 ? 'ArrowDown' : 'ArrowUp',
      );
      expect(frames.at(-1)).toEqual({ cell: true, result: true });
      if (frames.some((f) => f.cell !== f.result)) torn.push(k);
      await page.waitForTimeout(100);
    }
    // A worker answer slower than the hold (20 ms: a garbage collection, a busy machine) shows the
    // edit first, by design; before the hold, nearly every edit showed a frame of the cell alone.
    expect(torn.length, `edits with a frame of the cell alone: ${torn.join(', ')}`).toBeLessThanOrEqual(1);
    expect(errors).toEqual([]);
  });

  test('a typed μ entry never shows its old value after Enter, and the others follow with the result', async ({
    page,
  }) => {
    await page.goto('./#preset=rps&t=300');
    await expect(page.getByTestId('iteration')).toHaveText('300');
    const field = page.getByLabel('μ(rock)');
    const before = await page.getByLabel('μ(paper)').inputValue();
    await field.fill('0.6');
    const frames = await page.evaluate(
      () =>
        new Promise<string[][]>((resolve) => {
          const inputs = ['rock', 'paper', 'scissors'].map((l) =>
            document.querySelector<HTMLInputElement>(`input[aria-label="μ(${l})"]`)!,
          );
          const seen: string[][] = [];
          const sample = () => {
            seen.push(inputs.map((i) => i.value));
            if (seen.length < 20) requestAnimationFrame(sample);
            else resolve(seen);
          };
          inputs[0].dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
          requestAnimationFrame(sample);
        }),
    );
    expect(frames.map((f) => f[0])).toEqual(frames.map(() => '0.6'));
    expect(frames.at(-1)![1]).not.toBe(before);
    const last = frames.at(-1)!.map(Number);
    expect(last[0] + last[1] + last[2]).toBeCloseTo(1, 3);
  });

  test('an edit whose result does not come is still shown (the hold lasts a frame or so)', async ({ page }) => {
    await page.goto('./?debug#preset=rps&t=300');
    await expect(page.getByTestId('iteration')).toHaveText('300');
    await page.evaluate(async () => {
      const d = (
        window as unknown as {
          nashmdDebug: { injectFault(f: 'hang'): Promise<void>; setWorkerTimeout(ms: number): void };
        }
      ).nashmdDebug;
      d.setWorkerTimeout(10_000);
      await d.injectFault('hang');
    });
    const cell = page.locator('input[data-i="0"][data-j="1"]');
    const before = Number(await cell.inputValue());
    await cell.press('ArrowUp');
    // Well before the hung worker is restarted (10 s): the cell and its mirror show the edit.
    await expect.poll(async () => Number(await cell.inputValue()), { timeout: 1000 }).toBeCloseTo(before + 0.01, 9);
    await expect
      .poll(async () => Number(await page.locator('input[data-i="1"][data-j="0"]').inputValue()), { timeout: 1000 })
      .toBeCloseTo(1 - before - 0.01, 9);
  });
});
