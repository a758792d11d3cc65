/**
 * Export menu: downloads are checked for their content (figures as SVG and PNG, trajectories as
 * CSV and JSON, the scenario file and its import, the WebM and MP4 animations with their
 * duration and seek index).
 */
import { readFile } from 'node:fs/promises';
import type { Download, Page } from '@playwright/test';
import { expect, readPolicies, test } from './fixtures.ts';

const START = './#preset=rps&t=300';

async function ready(page: Page, t = 300): Promise<string> {
  await page.goto(START);
  await expect(page.getByTestId('iteration')).toHaveText(String(t));
  await expect(page.getByTestId('trajectories')).toHaveAttribute('data-drawn', /nash-md:301/);
  await expect.poll(() => page.evaluate(() => location.hash)).toContain(`t=${t}`);
  return page.evaluate(() => location.hash);
}

async function openMenu(page: Page) {
  const summary = page.locator('.export-menu summary');
  if (!(await page.locator('.export-menu details').evaluate((d: HTMLDetailsElement) => d.open))) await summary.click();
  await expect(page.getByRole('group', { name: 'Export and import' })).toBeVisible();
}

async function download(page: Page, button: string, timeout = 10_000): Promise<{ file: Download; bytes: Buffer }> {
  await openMenu(page);
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout }),
    page.getByRole('button', { name: button }).click(),
  ]);
  const path = await file.path();
  return { file, bytes: await readFile(path) };
}

test.describe('export menu', () => {
  test('is a keyboard-reachable menu of labelled native buttons', async ({ page }) => {
    await ready(page);
    const summary = page.locator('.export-menu summary');
    await summary.focus();
    await page.keyboard.press('Enter');
    const menu = page.getByRole('group', { name: 'Export and import' });
    await expect(menu).toBeVisible();
    for (const name of [
      'Simplex SVG',
      'Simplex PNG (2×)',
      'Convergence SVG',
      'Convergence PNG (2×)',
      'Trajectories CSV',
      'Trajectories JSON',
      'Save scenario',
    ]) {
      await expect(menu.getByRole('button', { name, exact: true })).toBeVisible();
    }
    await expect(menu.getByLabel('Import scenario')).toHaveAttribute('type', 'file');
    await page.keyboard.press('Tab');
    await expect(menu.getByRole('button', { name: 'Simplex SVG' })).toBeFocused();
    // A visible focus ring on the focused item.
    const outline = await menu
      .getByRole('button', { name: 'Simplex SVG' })
      .evaluate((b) => getComputedStyle(b).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();
    await expect(summary).toBeFocused();
  });

  test('the simplex SVG is self-contained, names the app and the hash, and has vector trajectories', async ({
    page,
  }) => {
    const hash = await ready(page);
    const { file, bytes } = await download(page, 'Simplex SVG');
    expect(file.suggestedFilename()).toBe('nash-md-simplex-t300.svg');
    const result = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      const svg = doc.documentElement;
      const metadata = svg.querySelector('metadata');
      const paths = [...svg.querySelectorAll('path.trajectory')];
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        root: svg.localName,
        ns: svg.namespaceURI,
        width: Number(svg.getAttribute('width')),
        metadata: metadata?.textContent ?? '',
        link: metadata?.firstElementChild?.getAttribute('link') ?? '',
        algorithms: paths.map((p) => p.getAttribute('data-algorithm')),
        points: paths.map((p) => (p.getAttribute('d') ?? '').split(/[ML]/).length - 1),
        styles: svg.querySelectorAll('[style]').length,
        classesNeeded: svg.querySelectorAll('style').length,
        fonts: [...new Set([svg, ...svg.querySelectorAll('[font-family]')].map((e) => e.getAttribute('font-family')))],
        texts: [...svg.querySelectorAll('text')].map((t) => t.textContent),
      };
    }, bytes.toString('utf8'));
    expect(result.error).toBeNull();
    expect(result.root).toBe('svg');
    expect(result.ns).toBe('http://www.w3.org/2000/svg');
    expect(result.metadata).toContain('nash-md-explorer 0.1.0');
    expect(result.metadata).toContain(hash);
    expect(result.link).toBe(hash);
    expect(result.metadata).toContain('τ: 0.05');
    expect(result.algorithms.sort()).toEqual(['nash-md', 'omd', 'rlhf']);
    for (const count of result.points) expect(count).toBe(301);
    expect(result.styles).toBe(0);
    expect(result.classesNeeded).toBe(0);
    expect(result.fonts).toEqual(['sans-serif']);
    expect(result.texts).toEqual(expect.arrayContaining(['rock', 'paper', 'scissors']));
    const cssWidth = await page
      .getByTestId('simplex')
      .locator('svg')
      .first()
      .evaluate((s) => Number(s.getAttribute('width')));
    expect(result.width).toBe(cssWidth);
  });

  test('the convergence SVG has its lines, axes and metadata', async ({ page }) => {
    const hash = await ready(page);
    const { file, bytes } = await download(page, 'Convergence SVG');
    expect(file.suggestedFilename()).toBe('nash-md-convergence-t300.svg');
    const text = bytes.toString('utf8');
    const result = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        metadata: doc.querySelector('metadata')?.textContent ?? '',
        series: doc.querySelectorAll('path.series').length,
        currentColor: text.includes('currentColor'),
      };
    }, text);
    expect(result.error).toBeNull();
    expect(result.metadata).toContain('nash-md-explorer');
    expect(result.metadata).toContain(hash);
    expect(result.series).toBe(6);
    expect(result.currentColor).toBe(false);
  });

  test('the PNG is 2× the figure, not blank, and names the app and the hash', async ({ page }) => {
    const hash = await ready(page);
    const { file, bytes } = await download(page, 'Simplex PNG (2×)');
    expect(file.suggestedFilename()).toBe('nash-md-simplex-t300.png');
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const width = bytes.readUInt32BE(16);
    const height = bytes.readUInt32BE(20);
    const box = await page
      .getByTestId('simplex')
      .locator('svg')
      .first()
      .evaluate((s) => [Number(s.getAttribute('width')), Number(s.getAttribute('height'))]);
    expect(width).toBe(2 * box[0]);
    expect(height).toBe(2 * box[1]);
    expect(bytes.toString('latin1')).toContain('nash-md-explorer 0.1.0');
    expect(bytes.toString('latin1')).toContain(hash);
    // Not blank: many pixels are neither white nor transparent, in the trajectories' colours too.
    const pixels = await page.evaluate(async (b64) => {
      const image = new Image();
      image.src = `data:image/png;base64,${b64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(image, 0, 0);
      const data = ctx.getImageData(0, 0, image.width, image.height).data;
      let ink = 0;
      let blue = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (data[i] < 240 || data[i + 1] < 240 || data[i + 2] < 240) ink++;
        if (data[i] < 40 && data[i + 1] > 90 && data[i + 1] < 140 && data[i + 2] > 150) blue++;
      }
      return { ink, blue, total: data.length / 4 };
    }, bytes.toString('base64'));
    expect(pixels.ink).toBeGreaterThan(pixels.total * 0.05);
    expect(pixels.blue).toBeGreaterThan(500);
  });

  test('the CSV has the comment lines, every label and rows matching the policy table', async ({ page }) => {
    const hash = await ready(page);
    const table = await readPolicies(page);
    const { file, bytes } = await download(page, 'Trajectories CSV');
    expect(file.suggestedFilename()).toBe('nash-md-trajectories-t300.csv');
    const lines = bytes.toString('utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('# app: nash-md-explorer 0.1.0');
    expect(lines[1]).toBe(`# link: ${hash}`);
    const body = lines.filter((l) => !l.startsWith('#'));
    expect(body[0]).toBe('t,algorithm,π_t(rock),π_t(paper),π_t(scissors),KL,exploitability');
    const rows = body.slice(1).map((l) => l.split(','));
    expect(rows).toHaveLength(301 * 3);
    const lastNash = rows.filter((r) => r[1] === 'Nash-MD').at(-1)!;
    expect(lastNash[0]).toBe('300');
    const values = lastNash.slice(2, 5).map(Number);
    values.forEach((v, i) => expect(Math.abs(v - table['Nash-MD'][i])).toBeLessThan(1e-12));
    for (const r of rows) expect(r).toHaveLength(7);
  });

  test('the JSON holds the scenario and the same trajectories', async ({ page }) => {
    const hash = await ready(page);
    const table = await readPolicies(page);
    const { file, bytes } = await download(page, 'Trajectories JSON');
    expect(file.suggestedFilename()).toBe('nash-md-trajectories-t300.json');
    const doc = JSON.parse(bytes.toString('utf8'));
    expect(doc.app).toBe('nash-md-explorer 0.1.0');
    expect(doc.link).toBe(hash);
    expect(doc.t).toBe(300);
    expect(doc.labels).toEqual(['rock', 'paper', 'scissors']);
    expect(doc.scenario.tau).toBe(0.05);
    expect(doc.series.map((s: { algorithm: string }) => s.algorithm)).toEqual(['nash-md', 'omd', 'rlhf']);
    for (const s of doc.series) {
      expect(s.policies).toHaveLength(301);
      expect(s.kl).toHaveLength(301);
      expect(s.exploitability).toHaveLength(301);
    }
    const last: number[] = doc.series[0].policies[300];
    last.forEach((v, i) => expect(Math.abs(v - table['Nash-MD'][i])).toBeLessThan(1e-12));
  });

  test('a saved scenario imports back after an edit, restoring the state', async ({ page }) => {
    const hash = await ready(page);
    const table = await readPolicies(page);
    const { file, bytes } = await download(page, 'Save scenario');
    expect(file.suggestedFilename()).toBe('nash-md-scenario-t300.json');
    const saved = JSON.parse(bytes.toString('utf8'));
    expect(saved.link).toBe(hash);
    expect(saved.app).toContain('nash-md-explorer');

    // Edit: another preset at another t (through the link, which the app follows).
    await page.evaluate(() => (location.hash = '#preset=dice&t=40'));
    await expect(page.getByTestId('iteration')).toHaveText('40');
    expect(await readPolicies(page)).not.toEqual(table);

    await openMenu(page);
    await page
      .getByLabel('Import scenario')
      .setInputFiles({ name: file.suggestedFilename(), mimeType: 'application/json', buffer: bytes });
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(hash);
    await expect(page.getByTestId('iteration')).toHaveText('300');
    await expect.poll(() => readPolicies(page)).toEqual(table);
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test('a bad scenario file shows the problems by field and changes nothing', async ({ page }) => {
    const hash = await ready(page);
    const table = await readPolicies(page);
    const { bytes } = await download(page, 'Save scenario');
    const bad = JSON.parse(bytes.toString('utf8'));
    bad.scenario.tau = -1;
    delete bad.scenario.labels;
    await page
      .getByLabel('Import scenario')
      .setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
    const alert = page.getByRole('alert');
    await expect(alert).toBeVisible();
    await expect(alert).toContainText('scenario.tau');
    await expect(alert).toContainText('scenario.labels');
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => location.hash)).toBe(hash);
    expect(await readPolicies(page)).toEqual(table);
    await alert.getByRole('button', { name: 'Dismiss' }).click();
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test('the WebM animation is a real video of the run, with a duration and a seek index', async ({ page }) => {
    test.setTimeout(90_000);
    await ready(page);
    const support = await page.evaluate(() => typeof VideoEncoder === 'function');
    test.skip(!support, 'WebCodecs is not available in this Chromium');
    const { file, bytes } = await download(page, 'Animation WebM', 60_000);
    expect(file.suggestedFilename()).toBe('nash-md-simplex-t300.webm');
    expect([...bytes.subarray(0, 4)]).toEqual([0x1a, 0x45, 0xdf, 0xa3]);
    expect(bytes.length).toBeGreaterThan(1024);
    await expect(page.locator('.export-menu').getByRole('status')).toContainText('nash-md-simplex-t300.webm');
    await expectScrubbable(page, bytes, 'video/webm');
    // The file names the app and the link (Matroska tags), as every export does.
    expect(bytes.toString('utf8')).toContain(await page.evaluate(() => location.hash));
  });

  test('an MP4 animation is offered where the browser encodes H.264, and it scrubs too', async ({ page }) => {
    test.setTimeout(90_000);
    await ready(page);
    const h264 = await page.evaluate(async () => {
      if (typeof VideoEncoder !== 'function') return false;
      const config = { codec: 'avc1.640028', width: 1280, height: 1280, bitrate: 4_000_000, framerate: 30 };
      return (await VideoEncoder.isConfigSupported(config).catch(() => ({ supported: false }))).supported === true;
    });
    await openMenu(page);
    const mp4 = page.getByRole('button', { name: 'Animation MP4' });
    // Offered exactly where it can be made.
    await expect(mp4).toHaveCount(h264 ? 1 : 0);
    test.skip(!h264, 'this Chromium has no H.264 encoder');
    const playable = await page.evaluate(
      () => document.createElement('video').canPlayType('video/mp4; codecs="avc1.640028"') !== '',
    );
    const { file, bytes } = await download(page, 'Animation MP4', 60_000);
    expect(file.suggestedFilename()).toBe('nash-md-simplex-t300.mp4');
    expect(bytes.subarray(4, 8).toString('latin1')).toBe('ftyp');
    // Fast start: the index (moov) comes before the frames (mdat), so a browser can seek before
    // the whole file has arrived.
    expect(bytes.indexOf('moov')).toBeLessThan(bytes.indexOf('mdat'));
    if (playable) await expectScrubbable(page, bytes, 'video/mp4');
  });
});

/**
 * Loads the video into a <video> element from a blob URL, as a blog post's <video controls>
 * would, and checks that it knows its length (4 s of growth and 0.8 s held, at 30 fps), that all
 * of it is seekable, and that a seek to the middle lands and shows a picture.
 */
async function expectScrubbable(page: Page, bytes: Buffer, type: string) {
  const result = await page.evaluate(
    async ({ b64, type }) => {
      const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const video = document.createElement('video');
      video.muted = true;
      video.preload = 'auto';
      video.src = URL.createObjectURL(new Blob([data], { type }));
      document.body.append(video);
      const once = (name: string) =>
        new Promise<boolean>((resolve) => {
          video.addEventListener(name, () => resolve(true), { once: true });
          setTimeout(() => resolve(false), 10_000);
        });
      const loaded = await once('loadedmetadata');
      const duration = video.duration;
      const seekable = video.seekable.length > 0 ? [video.seekable.start(0), video.seekable.end(0)] : null;
      const seeked = once('seeked');
      const target = Number.isFinite(duration) ? duration / 2 : 2.4;
      video.currentTime = target;
      const didSeek = await seeked;
      // The frame at the middle is a picture of the figure, not a blank canvas.
      const canvas = document.createElement('canvas');
      canvas.width = video.videoWidth;
      canvas.height = video.videoHeight;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(video, 0, 0);
      const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      let ink = 0;
      for (let i = 0; i < pixels.length; i += 4)
        if (pixels[i] < 200 || pixels[i + 1] < 200 || pixels[i + 2] < 200) ink++;
      video.remove();
      return {
        loaded,
        duration,
        seekable,
        didSeek,
        currentTime: video.currentTime,
        target,
        ink,
        size: [video.videoWidth, video.videoHeight],
      };
    },
    { b64: bytes.toString('base64'), type },
  );
  expect(result.loaded).toBe(true);
  expect(Number.isFinite(result.duration), `duration ${result.duration}`).toBe(true);
  expect(Math.abs(result.duration - 4.8)).toBeLessThan(0.1);
  expect(result.seekable).not.toBeNull();
  expect(result.seekable![0]).toBe(0);
  expect(Math.abs(result.seekable![1] - result.duration)).toBeLessThan(0.05);
  expect(result.didSeek).toBe(true);
  expect(Math.abs(result.currentTime - result.target)).toBeLessThan(0.05);
  expect(result.size[0]).toBeGreaterThan(100);
  expect(result.ink).toBeGreaterThan(0.01 * result.size[0] * result.size[1]);
}

test('hostile labels stay text in the exported SVG and CSV', async ({ page }) => {
  const evil = ['<img src=x onerror=f()>', '"]]></svg>', 'a,"b"'];
  await page.goto(`./#preset=rps&t=20&labels=${evil.map(encodeURIComponent).join(',')}`);
  await expect(page.getByTestId('iteration')).toHaveText('20');
  const svg = (await download(page, 'Simplex SVG')).bytes.toString('utf8');
  // The file parses as XML with exactly one root, and the labels are character data.
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return {
      error: doc.querySelector('parsererror') !== null,
      images: doc.querySelectorAll('img, image, script').length,
      texts: Array.from(doc.querySelectorAll('text, title')).map((t) => t.textContent),
    };
  }, svg);
  expect(parsed.error).toBe(false);
  expect(parsed.images).toBe(0);
  expect(parsed.texts.join(' ')).toContain('"]]></svg>');
  expect(svg).not.toContain('<img src=x');
  const csv = (await download(page, 'Trajectories CSV')).bytes.toString('utf8');
  const header = csv.split('\n').find((l) => l.startsWith('t,'))!;
  expect(header).toContain('"π_t(a,""b"")"');
});

test('at n = 40 the top-responses and equilibria figures export as SVG with their legends', async ({ page }) => {
  await page.goto('./#preset=leaderboard&n=40&t=50');
  await expect(page.getByTestId('iteration')).toHaveText('50');
  await expect(page.getByTestId('compute-progress')).toHaveCount(0, { timeout: 20_000 });
  for (const [button, file] of [
    ['Top responses SVG', 'nash-md-topk-t50.svg'],
    ['Equilibria SVG', 'nash-md-equilibria-t50.svg'],
  ] as const) {
    const { file: f, bytes } = await download(page, button);
    expect(f.suggestedFilename()).toBe(file);
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        texts: [...doc.querySelectorAll('text')].map((t) => t.textContent ?? ''),
      };
    }, bytes.toString('utf8'));
    expect(parsed.error).toBeNull();
    // Both figures name responses of the leaderboard (model-01 … model-40).
    expect(parsed.texts.some((t) => /model-\d\d/.test(t))).toBe(true);
  }
  // At n = 3 neither figure exists, so neither is offered.
  await page.goto('./#preset=rps');
  await openMenu(page);
  await expect(page.getByRole('button', { name: 'Top responses SVG' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Equilibria SVG' })).toHaveCount(0);
});
