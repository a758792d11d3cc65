/**
 * What the figures show (issue 12): coincident markers stay visible (live and exported), numbers
 * in the caption do not break across lines, the convergence chart's notes sit where no line is
 * and say when Nash-MD has levelled off, n = 2 is a segment, tooltips set π*τ as math.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const MARKERS = ['regularized', 'nash'] as const;
const CURRENT = ['nash-md', 'omd'] as const;

/** Per marker: is the topmost painted element at the centre of its glyph part of that glyph? */
async function markerVisibility(page: Page): Promise<Record<string, { top: string; own: boolean }>> {
  return page.getByTestId('simplex').evaluate(
    (root, keys) => {
      const out: Record<string, { top: string; own: boolean }> = {};
      const check = (name: string, el: Element | null) => {
        if (!el) {
          out[name] = { top: 'missing', own: false };
          return;
        }
        const r = el.getBoundingClientRect();
        const hits = document.elementsFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        // Hit areas of the drag handles are transparent: not paint.
        const top = hits.find((h) => !h.classList.contains('hit'));
        out[name] = {
          top: top ? `${top.localName}.${top.getAttribute('class') ?? ''}` : 'none',
          own: !!top && (el === top || el.contains(top)),
        };
      };
      for (const k of keys.markers) check(k, root.querySelector(`g.marker[data-marker="${k}"]`));
      for (const a of keys.current) check(a, root.querySelector(`path[data-algorithm="${a}"]`));
      return out;
    },
    { markers: MARKERS, current: CURRENT },
  );
}

for (const [name, url, viewport] of [
  ['at 1440×900', './#preset=rater-types', { width: 1440, height: 900 }],
  ['in lecture mode at 1280×720', './#preset=rater-types&lecture=1', { width: 1280, height: 720 }],
] as const) {
  test(`three rater types ${name}: π*τ, the Nash, Nash-MD and OMD all stay visible where they coincide`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    await page.goto(url);
    await expect(page.getByTestId('iteration')).toHaveText('400');
    await expect(page.getByTestId('simplex').locator('g.marker[data-marker="regularized"]')).toHaveCount(1);
    await expect.poll(async () => Object.values(await markerVisibility(page)).every((v) => v.own)).toBe(true);
    // Each is really beside the others, and the figure says why.
    await expect(page.getByTestId('simplex').locator('svg').first()).toHaveAttribute(
      'aria-label',
      /OMD drawn beside .*, where they coincide/,
    );
  });
}

test('the exported simplex SVG fans the coincident markers out exactly as on screen', async ({ page }) => {
  await page.goto('./#preset=rater-types');
  await expect(page.getByTestId('iteration')).toHaveText('400');
  await expect.poll(async () => Object.values(await markerVisibility(page)).every((v) => v.own)).toBe(true);
  const live = await page.getByTestId('simplex').evaluate((root) => {
    const out: Record<string, string> = {};
    for (const k of ['regularized', 'nash'])
      out[k] = root.querySelector(`g.marker[data-marker="${k}"]`)?.getAttribute('transform') ?? '';
    for (const a of ['nash-md', 'omd'])
      out[a] = root.querySelector(`path[data-algorithm="${a}"]`)?.getAttribute('transform') ?? '';
    return out;
  });
  const summary = page.locator('.export-menu summary');
  if (!(await page.locator('.export-menu details').evaluate((d: HTMLDetailsElement) => d.open))) await summary.click();
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Simplex SVG' }).click(),
  ]);
  const text = await readFile(await file.path(), 'utf8');
  const exported = await page.evaluate((svgText) => {
    const doc = new DOMParser().parseFromString(svgText, 'image/svg+xml');
    const out: Record<string, string> = {};
    for (const k of ['regularized', 'nash'])
      out[k] = doc.querySelector(`[data-layer=markers] g.marker[data-marker="${k}"]`)?.getAttribute('transform') ?? '';
    for (const a of ['nash-md', 'omd'])
      out[a] = doc.querySelector(`[data-layer=current] path[data-algorithm="${a}"]`)?.getAttribute('transform') ?? '';
    return { out, leaders: doc.querySelectorAll('[data-layer=markers] g.leader').length };
  }, text);
  expect(exported.out).toEqual(live);
  for (const v of Object.values(live)) expect(v).toMatch(/^translate/);
  // Pairwise apart by at least a glyph radius (8 px).
  const xy = Object.values(live).map((v) => v.match(/-?[\d.]+/g)!.map(Number));
  for (let i = 0; i < xy.length; i++)
    for (let j = i + 1; j < xy.length; j++)
      expect(Math.hypot(xy[i][0] - xy[j][0], xy[i][1] - xy[j][1])).toBeGreaterThanOrEqual(8);
  expect(exported.leaders).toBeGreaterThanOrEqual(4);
});

/** Bounding boxes (page px) of the convergence chart's notes and of each panel's plot area. */
async function convergenceBoxes(page: Page) {
  return page.getByTestId('convergence').evaluate((root) => {
    const box = (el: Element | null) => {
      if (!el || el.getAttribute('display') === 'none') return null;
      const r = el.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    };
    const panels = ['kl', 'exploitability'].map((m) => {
      const g = root.querySelector(`g.panel-${m}`)!;
      // The plot area: the y axis' extent vertically, the grid horizontally.
      const axis = g.querySelector('.y-axis .domain')!.getBoundingClientRect();
      const x = g.querySelector('.x-axis .domain')!.getBoundingClientRect();
      return {
        floor: box(g.querySelector('text.floor-note')),
        plot: { left: x.left, right: x.right, top: axis.top, bottom: axis.bottom },
      };
    });
    return {
      panels,
      level: box(root.querySelector('text.level-note')),
      levelText: [...root.querySelectorAll('text.level-note tspan')].map((t) => t.textContent).join(' '),
    };
  });
}

test('the convergence chart says where values sit at the floor outside the plot area, and why Nash-MD levelled off', async ({
  page,
}) => {
  // Condorcet at its defaults: OMD reaches π*_τ to rounding (drawn at the floor), Nash-MD stops at its O(η) bias.
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('./#preset=condorcet');
  await expect(page.getByTestId('iteration')).toHaveText('300');
  await expect(page.getByTestId('convergence').locator('text.level-note')).toBeVisible();
  const boxes = await convergenceBoxes(page);
  for (const panel of boxes.panels) {
    expect(panel.floor, 'floor note shown').not.toBeNull();
    // Entirely above the plot area (in the title row): no line can pass under it.
    expect(panel.floor!.bottom).toBeLessThanOrEqual(panel.plot.top + 1);
  }
  expect(boxes.levelText).toMatch(
    /Nash-MD has levelled off at KL ≈ 5\.4×10⁻⁴: a constant step η leaves an O\(η\) bias; set Step size to Theorem 1 to remove it\./,
  );
  expect(boxes.level!.bottom).toBeLessThanOrEqual(boxes.panels[0].plot.top);
  await expect(page.getByTestId('convergence').locator('svg')).toHaveAttribute(
    'aria-label',
    /Nash-MD has levelled off/,
  );
  // Theorem 1's step removes the bias: no note.
  await page.getByLabel('Step size', { exact: true }).selectOption('theorem');
  await expect(page.getByTestId('convergence').locator('text.level-note')).toBeHidden();
});

test('no levelled-off note while Nash-MD still spirals in (rock-paper-scissors, t = 300)', async ({ page }) => {
  await page.goto('./#preset=rps');
  await expect(page.getByTestId('iteration')).toHaveText('300');
  await expect(page.getByTestId('convergence').locator('path.series')).not.toHaveCount(0);
  await expect(page.getByTestId('convergence').locator('text.level-note')).toBeHidden();
});

test('at 360 px the caption never breaks inside a number (1.3×10⁻¹⁶ stays on one line at any caption width)', async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 740 });
  // Transitive preset at t = 200: OMD's KL is about 1e-16, the longest number a caption shows.
  await page.goto('./#preset=bradley-terry');
  await expect(page.getByTestId('iteration')).toHaveText('200');
  const caption = page.getByTestId('caption');
  // Wait for the final text: OMD's KL in scientific notation (before the fix: "1.3e-16").
  await expect(caption).toContainText(/OMD \d\.\d(\u2060×\u206010|e-)/);
  // The caption is rewritten as the run's metrics arrive: check the text it settles on.
  const check = () =>
    caption.evaluate((el: HTMLElement) => {
      const found: string[] = [];
      const text = el.firstChild as Text;
      const numbers = [...(text.textContent ?? '').matchAll(/\d[\d.\u2060×⁰¹²³⁴⁵⁶⁷⁸⁹⁻e-]*[\d⁰¹²³⁴⁵⁶⁷⁸⁹]/g)];
      const original = el.style.width;
      // Every caption width from 120 px to the page's: wherever a number falls at a line's end.
      for (let w = 120; w <= el.parentElement!.clientWidth; w += 2) {
        el.style.width = `${w}px`;
        for (const m of numbers) {
          const range = document.createRange();
          range.setStart(text, m.index);
          range.setEnd(text, m.index + m[0].length);
          const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (tops.size > 1) found.push(`${w}px: ${m[0]}`);
        }
      }
      el.style.width = original;
      if (!text.isConnected) found.push('the caption was rewritten during the check');
      return { found, exponent: numbers.some((m) => /×10⁻¹|e-1/.test(m[0].replaceAll('\u2060', ''))) };
    });
  await expect.poll(check).toEqual({ found: [], exponent: true });
});

test('the equilibrium bars’ tooltip sets π*τ with a real subscript, no raw "π*_τ"', async ({ page }) => {
  await page.goto('./#preset=leaderboard&n=40');
  await expect(page.getByTestId('iteration')).toHaveText('300', { timeout: 20_000 });
  const bar = page.locator('[data-testid=equilibrium-bars] rect.bar').first();
  await expect(bar).toBeAttached({ timeout: 20_000 });
  const svg = page.locator('[data-testid=equilibrium-bars] > svg');
  await svg.scrollIntoViewIfNeeded();
  const [s, b] = [(await svg.boundingBox())!, (await bar.boundingBox())!];
  await svg.hover({ position: { x: b.x - s.x + 1, y: b.y - s.y + b.height / 2 } });
  const tip = page.locator('[data-testid=equilibrium-bars] .large-tooltip');
  await expect(tip).toBeVisible();
  await expect(tip).not.toContainText('_');
  await expect(tip.locator('.large-tooltip-row .name').first()).toHaveText('π*τ');
  await expect(tip.locator('.large-tooltip-row .name sub').first()).toHaveText('τ');
});

test('n = 2 draws a segment from y1 to y2 with the trajectories on it, not a triangle with an empty "∅" corner', async ({
  page,
}) => {
  await page.goto('./#preset=random&n=2');
  await expect(page.getByTestId('iteration')).toHaveText('300');
  const simplex = page.getByTestId('simplex');
  await expect(simplex.locator('[data-shape]')).toHaveAttribute('data-shape', 'segment');
  await expect(simplex.locator('svg').first()).toHaveAttribute('aria-label', /^Simplex of a segment from y1 to y2/);
  const texts = await simplex.locator('svg text').allTextContents();
  expect(texts.join(' ')).not.toContain('∅');
  expect(texts).toEqual(expect.arrayContaining(['y1', 'y2']));
  // The exported figure: every trajectory point lies on the segment (one y), between its ends.
  const summary = page.locator('.export-menu summary');
  if (!(await page.locator('.export-menu details').evaluate((d: HTMLDetailsElement) => d.open))) await summary.click();
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Simplex SVG' }).click(),
  ]);
  const svgText = await readFile(await file.path(), 'utf8');
  const { ys, labels } = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return {
      ys: [...doc.querySelectorAll('path.trajectory')].flatMap((p) =>
        [...(p.getAttribute('d') ?? '').matchAll(/[ML]-?[\d.]+,(-?[\d.]+)/g)].map((m) => Number(m[1])),
      ),
      labels: [...doc.querySelectorAll('text')].map((t) => t.textContent ?? ''),
    };
  }, svgText);
  expect(ys.length).toBeGreaterThan(300);
  expect(new Set(ys).size).toBe(1);
  expect(labels.join(' ')).not.toContain('∅');
});

test('the preset caption sets π*τ with a subscript, no raw "π*_τ"', async ({ page }) => {
  await page.goto('./#preset=rater-types');
  const caption = page.locator('.preset-caption');
  await expect(caption).toContainText('converge to π*τ');
  await expect(caption).not.toContainText('_');
  await expect(caption.locator('sub')).toHaveText('τ');
});
