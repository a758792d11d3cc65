/**
 * Real preference data (issue 15): a battle log with an extra column keeps its counts, shows them
 * on each cell and hatches the pairs never compared; RLHF's reward is fitted on the observed
 * battles and listed as Elo (checked against a maximum-likelihood fit computed here); files are
 * read when picked or dropped, and a wrong file is refused with the matrix kept.
 */
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures.ts';

const LOG = readFileSync(new URL('../src/core/__tests__/data/battles.csv', import.meta.url), 'utf8');

/** The log's names (in order of first appearance) and counts c[i][j] = wins of i over j, ties ½. */
function countLog(text: string) {
  const names: string[] = [];
  const id = (s: string) => (names.includes(s) ? names.indexOf(s) : names.push(s) - 1);
  const rows = text
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(','));
  for (const [a, b] of rows) {
    id(a);
    id(b);
  }
  const c = names.map(() => names.map(() => 0));
  for (const [a, b, w] of rows) {
    const [i, j] = [id(a), id(b)];
    if (w === 'model_a') c[i][j]++;
    else if (w === 'model_b') c[j][i]++;
    else {
      c[i][j] += 0.5;
      c[j][i] += 0.5;
    }
  }
  return { names, c };
}

/** Maximum-likelihood Bradley–Terry rewards by Hunter's MM iteration, centred; then Elo. */
function eloOf(c: number[][]): number[] {
  const n = c.length;
  let g = c.map(() => 1);
  for (let it = 0; it < 100000; it++) {
    const next = g.map((gi, i) => {
      let w = 0;
      let d = 0;
      for (let j = 0; j < n; j++)
        if (j !== i) {
          w += c[i][j];
          d += (c[i][j] + c[j][i]) / (gi + g[j]);
        }
      return w / d;
    });
    const moved = Math.max(...next.map((x, i) => Math.abs(x / g[i] - 1)));
    g = next;
    if (moved < 1e-14) break;
  }
  const r = g.map(Math.log);
  const mean = r.reduce((a, b) => a + b, 0) / n;
  return r.map((x) => (400 / Math.LN10) * (x - mean) + 1000);
}

const { names, c } = countLog(LOG);

async function pasteLog(page: import('@playwright/test').Page) {
  await page.goto('./');
  await page.locator('summary', { hasText: 'Paste from a spreadsheet' }).click();
  await page.getByLabel(/Matrix \(tab- or comma-separated/).fill(LOG);
  await page.getByRole('button', { name: 'Use pasted matrix' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'a log of' })).toContainText('Column "judge" was ignored');
}

test('a battle log with an extra column keeps its counts: hover, hatching, the observed fit and Elo', async ({
  page,
}) => {
  await pasteLog(page);
  // Each cell names its battles; the pair never compared is hatched and says so.
  const [a, b] = [0, 1];
  const total = c[a][b] + c[b][a];
  const cell = page.getByLabel(`P(${names[a]} ≻ ${names[b]}), ${total} battles: ${c[a][b]}–${c[b][a]}`);
  await expect(cell).toBeVisible();
  await cell.hover();
  await expect(page.locator(`td[title="${total} battles: ${c[a][b]}–${c[b][a]}"]`).first()).toBeVisible();
  const un = names.findIndex((_, j) => j > 0 && c[0][j] + c[j][0] === 0);
  expect(un).toBeGreaterThan(0);
  const hatched = page.getByLabel(`P(${names[0]} ≻ ${names[un]}), no battles`);
  await expect(hatched).toBeVisible();
  await expect(hatched.locator('xpath=..')).toHaveClass(/is-unobserved/);
  const background = await hatched.locator('xpath=..').evaluate((td) => getComputedStyle(td).backgroundImage);
  expect(background).toContain('repeating-linear-gradient');

  // The reward model is fitted on the observed battles by default.
  const fitted = page.getByLabel('RLHF reward fitted on');
  await expect(fitted).toHaveValue('observed');
  await fitted.selectOption('uniform');
  await fitted.selectOption('observed');
  await expect.poll(() => page.url()).toContain('comparisons=observed');

  // Its leaderboard: Elo = 400/ln 10 · r + 1000, ranked, equal to the maximum-likelihood fit here.
  await page.locator('summary', { hasText: 'Reward scores' }).click();
  const table = page.getByRole('table', { name: 'Reward model leaderboard' });
  await expect(table).toContainText('Battles');
  const elo = eloOf(c);
  const order = names.map((_, i) => i).sort((x, y) => elo[y] - elo[x]);
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(names.length);
  for (let k = 0; k < order.length; k++) {
    const row = rows.nth(k);
    await expect(row.locator('th')).toHaveText(names[order[k]]);
    await expect(row.locator('td').nth(0)).toHaveText(String(k + 1));
    await expect(row.locator('td').nth(1)).toHaveText(elo[order[k]].toFixed(1));
  }
  // Uniform pairs give another fit (the log is not transitive and not every pair was played).
  await fitted.selectOption('uniform');
  await expect(page.locator('details.reward-scores')).toContainText('Fitted on every pair once');
  await expect(rows.nth(0).locator('td').nth(1)).not.toHaveText(elo[order[0]].toFixed(1));
});

test('files: a picked JSON-lines log and a dropped CSV load; a wrong file is refused and the matrix kept', async ({
  page,
}) => {
  await page.goto('./');
  await page.locator('summary', { hasText: 'Paste from a spreadsheet' }).click();
  const jsonl = LOG.trim()
    .split('\n')
    .slice(1)
    .map((l) => {
      const [model_a, model_b, winner, judge] = l.split(',');
      return JSON.stringify({ model_a, model_b, winner, judge });
    })
    .join('\n');
  const picker = page.getByLabel('Or load a file');
  await picker.setInputFiles({ name: 'battles.jsonl', mimeType: 'application/json', buffer: Buffer.from(jsonl) });
  await expect(page.getByRole('status').filter({ hasText: 'from battles.jsonl' })).toContainText(
    `a log of ${c.flat().reduce((s, x) => s + x, 0)} battles between ${names.length} responses`,
  );
  await expect(
    page.getByLabel(`P(${names[0]} ≻ ${names[1]}), ${c[0][1] + c[1][0]} battles`, { exact: false }),
  ).toBeVisible();

  // A wrong file: the message names the line, the column and the problem; nothing changes.
  const before = await page.getByLabel(/^P\(alpaca-13b ≻ vicuna-13b\)/).inputValue();
  const bad = 'model_a,model_b,winner,judge\nx,y,model_a,1\nx,y,draw,2\ny,x,perhaps,3\n';
  await picker.setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
  await expect(page.getByRole('alert')).toHaveText(
    'bad.csv: Line 4, column 3 ("winner"): "perhaps" is not a winner; write model_a, model_b (or a, b, left, right), tie, or one of the two names. Nothing was changed.',
  );
  await expect(page.getByLabel(/^P\(alpaca-13b ≻ vicuna-13b\)/)).toHaveValue(before);

  // A file dropped on the panel (a DataTransfer drop, as a browser sends it).
  const drop = await page.evaluateHandle(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['left,right,winner\np,q,left\nq,r,right\nr,p,tie\n'], 'drop.csv', { type: 'text/csv' }));
    return dt;
  });
  const panel = page.locator('details.paste-panel');
  await panel.dispatchEvent('dragover', { dataTransfer: drop });
  await panel.dispatchEvent('drop', { dataTransfer: drop });
  await expect(page.getByRole('status').filter({ hasText: 'from drop.csv' })).toBeVisible();
  await expect(page.getByLabel('P(p ≻ q), 1 battle: 1–0')).toBeVisible();
});
