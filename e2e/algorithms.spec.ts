/**
 * Issue 14, "Done when": a link naming the NLHF family's algorithms shows each one's row in
 * "Current policies" equal to its update (computed here with the core's simulate) to 1e-9, for
 * n = 3 and n = 5, with a constant and with the theorem's step; COMAL at τ = 0 shows its reason.
 */
import { ALGORITHM_CATALOG, ALGORITHM_IDS, algorithmInfo, type AlgorithmId } from '../src/core/algorithms/catalog.ts';
import { ALGORITHM_CITATIONS, ALGORITHM_TEX } from '../src/core/algorithms/explanations.gen.ts';
import { fromUpper } from '../src/core/presets.ts';
import { simulate } from '../src/core/simulate.ts';
import { expect, readPolicies, test } from './fixtures.ts';

const FAMILY: AlgorithmId[] = [
  'mwu',
  'omwu',
  'mmd',
  'mpo',
  'extragradient',
  'nash-mp',
  'comal',
  'fictitious-play',
  'replicator',
];

/** A cyclic game for n = 3 and a non-transitive one for n = 5 (not a preset: the link carries P). */
const CASES = [
  { n: 3, upper: [0.2, 0.7, 0.35], mu: [0.5, 0.3, 0.2], pi0: [0.6, 0.25, 0.15] },
  {
    n: 5,
    upper: [0.3, 0.65, 0.45, 0.8, 0.6, 0.25, 0.55, 0.4, 0.7, 0.35],
    mu: [0.3, 0.2, 0.2, 0.15, 0.15],
    pi0: [0.1, 0.4, 0.2, 0.2, 0.1],
  },
];
const STEPS = [
  { tau: 0.1, eta: 0.5 as number | 'theorem', t: 120 },
  { tau: 0.2, eta: 'theorem' as const, t: 80 },
];

for (const c of CASES) {
  for (const s of STEPS) {
    test(`n = ${c.n}, ${s.eta === 'theorem' ? 'theorem step' : 'constant step'}: every algorithm's row equals its update to 1e-9`, async ({
      page,
    }) => {
      const link = `./#P=${c.upper.join(',')}&mu=${c.mu.join(',')}&pi0=${c.pi0.join(',')}&tau=${s.tau}&eta=${s.eta}&algos=${FAMILY.join(',')}&t=${s.t}`;
      await page.goto(link);
      await expect(page.getByTestId('iteration')).toHaveText(String(s.t), { timeout: 20_000 });
      const P = fromUpper(
        c.n,
        (() => {
          let k = 0;
          return () => c.upper[k++];
        })(),
      );
      await expect
        .poll(async () => Object.keys(await readPolicies(page)).length, { timeout: 20_000 })
        .toBe(FAMILY.length);
      const table = await readPolicies(page);
      // One row per algorithm, headed by the registry's display name, in display order.
      expect(Object.keys(table)).toEqual(FAMILY.map((a) => algorithmInfo(a)!.displayName));
      for (const algorithm of FAMILY) {
        const run = simulate({
          algorithm,
          preferences: P,
          reference: c.mu,
          initial: c.pi0,
          tau: s.tau,
          eta: s.eta,
          steps: s.t,
          refresh: 50,
        });
        const want = Array.from(run.policies.subarray(s.t * c.n, (s.t + 1) * c.n));
        const got = table[algorithmInfo(algorithm)!.displayName];
        expect(got, algorithm).toHaveLength(c.n);
        got.forEach((x, i) => expect(Math.abs(x - want[i]), `${algorithm}[${i}]`).toBeLessThan(1e-9));
      }
    });
  }
}

test('refresh=K reaches MPO: its row follows the chosen magnet period', async ({ page }) => {
  const c = CASES[0];
  await page.goto(
    `./#P=${c.upper.join(',')}&mu=${c.mu.join(',')}&pi0=${c.pi0.join(',')}&tau=0.1&eta=0.5&algos=mpo&refresh=7&t=60`,
  );
  await expect(page.getByTestId('iteration')).toHaveText('60', { timeout: 20_000 });
  const P = fromUpper(
    3,
    (() => {
      let k = 0;
      return () => c.upper[k++];
    })(),
  );
  const want = simulate({
    algorithm: 'mpo',
    preferences: P,
    reference: c.mu,
    initial: c.pi0,
    tau: 0.1,
    eta: 0.5,
    steps: 60,
    refresh: 7,
  }).policies.subarray(180, 183);
  const other = simulate({
    algorithm: 'mpo',
    preferences: P,
    reference: c.mu,
    initial: c.pi0,
    tau: 0.1,
    eta: 0.5,
    steps: 60,
    refresh: 50,
  }).policies.subarray(180, 183);
  expect(Math.abs(want[0] - other[0])).toBeGreaterThan(1e-6); // the test can tell K = 7 from the default
  const row = (await readPolicies(page))['MMD + magnet refresh (MPO)'];
  row.forEach((x, i) => expect(Math.abs(x - want[i])).toBeLessThan(1e-9));
});

test('COMAL at τ = 0: unavailable with its reason beside its box, in the table and the caption; the others run; no error', async ({
  page,
  errors,
}) => {
  await page.goto('./#preset=rps&tau=0&algos=nash-md,comal&t=50');
  await expect(page.getByTestId('iteration')).toHaveText('50', { timeout: 20_000 });
  const reason = algorithmInfo('comal')!.unavailable({ n: 3, tau: 0, eta: 1 })!;
  expect(reason).toBeTruthy();
  // Beside its box (with π_t typeset as a subscript), and in the caption under the figure.
  await expect(page.getByTestId('unavailable-comal')).toHaveText(`Unavailable: ${reason.replace(/_(\S)/g, '$1')}`);
  await expect(page.getByTestId('caption')).toContainText(reason);
  await expect(page.getByTestId('caption')).not.toContainText('NaN');
  const row = page.locator('.policy-table tbody tr', { has: page.locator('th', { hasText: 'Prox point (COMAL)' }) });
  await expect(row.locator('td')).toHaveText(`unavailable: ${reason}`);
  await expect(page.locator('.policy-table')).not.toContainText('NaN');
  expect(Object.keys(await readPolicies(page))).toContain('Nash-MD');
  expect((await readPolicies(page))['Nash-MD']).toHaveLength(3);
  // Raising τ makes it run: the reason goes, a row of numbers comes.
  await page.goto('./#preset=rps&tau=0.1&algos=nash-md,comal&t=50');
  await expect(page.getByTestId('iteration')).toHaveText('50', { timeout: 20_000 });
  await expect(page.getByTestId('unavailable-comal')).toHaveCount(0);
  await expect.poll(async () => (await readPolicies(page))['Prox point (COMAL)']?.length).toBe(3);
  expect(errors).toEqual([]);
});

test('the picker: a labelled check box per algorithm, grouped by family with legends, keyboard toggles', async ({
  page,
}) => {
  await page.goto('./#preset=rps&t=20');
  // The other families start folded (the panel fits at 1280×720); the summary opens them.
  await expect(page.getByRole('checkbox', { name: 'MWU (SPPO)', exact: true })).toBeHidden();
  await page.getByText(/^More algorithms/).click();
  for (const d of ALGORITHM_CATALOG)
    await expect(page.getByRole('checkbox', { name: d.displayName, exact: true })).toHaveCount(1);
  // Presets keep their default selection: the NLHF paper's three.
  await expect(page.getByRole('checkbox', { checked: true })).toHaveCount(3);
  for (const legend of ['NLHF paper', 'Mirror-descent variants', 'Extragradient and prox', 'Classical game dynamics'])
    await expect(page.getByRole('group', { name: legend })).toBeVisible();
  const mwu = page.getByRole('checkbox', { name: 'MWU (SPPO)', exact: true });
  await mwu.focus();
  await page.keyboard.press('Space');
  await expect(mwu).toBeChecked();
  await expect(page).toHaveURL(/algos=nash-md,omd,rlhf,mwu(&|$)/);
  await expect.poll(async () => Object.keys(await readPolicies(page))).toContain('MWU (SPPO)');
});

test('“What am I looking at?” gives every shown algorithm its formulas, typeset, and its source, from its folder', async ({
  page,
}) => {
  await page.goto(`./#preset=rps&tau=1&algos=${ALGORITHM_IDS.join(',')}&t=20`);
  await page.getByRole('button', { name: 'What am I looking at?' }).first().click();
  const list = page.locator('.formula-list', { has: page.locator('section[data-algorithm]') });
  await expect(list.locator('.katex').first()).toBeVisible({ timeout: 20_000 });
  // One section per algorithm, in display order, each with its explain.ts: a typeset display per
  // TeX entry and the source line written from its citation.
  await expect(list.locator('section[data-algorithm]')).toHaveCount(ALGORITHM_IDS.length);
  expect(
    await list.locator('section[data-algorithm]').evaluateAll((els) => els.map((e) => e.dataset.algorithm)),
  ).toEqual([...ALGORITHM_IDS]);
  for (const id of ALGORITHM_IDS) {
    const section = list.locator(`section[data-algorithm="${id}"]`);
    await expect(section.locator('h4')).toHaveText(algorithmInfo(id)!.displayName);
    await expect(section.locator('.formula-tex .katex-display')).toHaveCount(ALGORITHM_TEX[id].length);
    const c = ALGORITHM_CITATIONS[id];
    await expect(section.locator('.source')).toHaveText(
      `${c.paper}, ${c.venue}${c.arxiv ? `, arXiv:${c.arxiv}` : ''}${c.equation ? `, ${c.equation}` : ''}.`,
    );
  }
});
