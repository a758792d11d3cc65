/**
 * Explorer instances (src/explorer): several on one page, each with its own scenario, worker,
 * keys and table; and creating and disposing many leaves no worker, listener, timer or animation
 * frame behind. Uses the library build's mount (dist/nash-md-explorer.js) on the app's own page.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, readPolicies, test } from './fixtures.ts';

interface Counters {
  workers: number;
  listeners: number;
  timers: number;
  frames: number;
}

/** Counts live workers, window/document listeners, pending timeouts and animation frames. */
function instrument(): void {
  const w = window as unknown as { nashmdCounts: () => Counters };
  let workers = 0;
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      workers++;
    }
    terminate() {
      workers--;
      super.terminate();
    }
  };
  const listeners = new Set<string>();
  const ids = new WeakMap<object, number>();
  let nextId = 1;
  const key = (target: string, type: string, fn: unknown, options?: boolean | EventListenerOptions) => {
    if (typeof fn !== 'function' && (typeof fn !== 'object' || fn === null)) return '';
    if (!ids.has(fn as object)) ids.set(fn as object, nextId++);
    const capture = typeof options === 'boolean' ? options : (options?.capture ?? false);
    return `${target}|${type}|${ids.get(fn as object)}|${capture}`;
  };
  for (const [name, target] of [
    ['window', window],
    ['document', document],
  ] as const) {
    const add = target.addEventListener.bind(target);
    const remove = target.removeEventListener.bind(target);
    target.addEventListener = (
      type: string,
      fn: EventListenerOrEventListenerObject | null,
      options?: boolean | AddEventListenerOptions,
    ) => {
      // Listeners with an AbortSignal end with it: count only those removed by hand.
      if (!(typeof options === 'object' && options.signal)) listeners.add(key(name, type, fn, options));
      add(type, fn as EventListenerOrEventListenerObject, options);
    };
    target.removeEventListener = (
      type: string,
      fn: EventListenerOrEventListenerObject | null,
      options?: boolean | EventListenerOptions,
    ) => {
      listeners.delete(key(name, type, fn, options));
      remove(type, fn as EventListenerOrEventListenerObject, options);
    };
  }
  const timers = new Set<number>();
  const nativeSet = window.setTimeout.bind(window);
  const nativeClear = window.clearTimeout.bind(window);
  window.setTimeout = ((fn: TimerHandler, ms?: number, ...args: unknown[]) => {
    const id = nativeSet(
      (...a: unknown[]) => {
        timers.delete(id);
        if (typeof fn === 'function') fn(...a);
      },
      ms,
      ...args,
    );
    timers.add(id);
    return id;
  }) as typeof window.setTimeout;
  window.clearTimeout = ((id?: number) => {
    if (id !== undefined) timers.delete(id);
    nativeClear(id);
  }) as typeof window.clearTimeout;
  const frames = new Set<number>();
  const nativeRaf = window.requestAnimationFrame.bind(window);
  const nativeCancel = window.cancelAnimationFrame.bind(window);
  window.requestAnimationFrame = (fn: FrameRequestCallback) => {
    const id = nativeRaf((t) => {
      frames.delete(id);
      fn(t);
    });
    frames.add(id);
    return id;
  };
  window.cancelAnimationFrame = (id: number) => {
    frames.delete(id);
    nativeCancel(id);
  };
  w.nashmdCounts = () => ({ workers, listeners: listeners.size, timers: timers.size, frames: frames.size });
}

type Handles = Record<string, import('../src/explorer/types.ts').ExplorerHandle>;

/** Mounts an explorer into a new element `id` with `options`; its handle is window.nashmdHandles[id]. */
async function mountInto(
  page: Page,
  id: string,
  options: import('../src/explorer/types.ts').ExplorerOptions,
): Promise<Locator> {
  await page.evaluate(
    async ({ id, options }) => {
      const w = window as unknown as { nashmdHandles?: Record<string, unknown> };
      const { mount } = (await import(new URL('nash-md-explorer.js', location.href).href)) as {
        mount: (el: Element, o: unknown) => unknown;
      };
      const el = document.createElement('section');
      el.id = id;
      document.body.append(el);
      const handle = mount(el, options) as EventTarget;
      w.nashmdHandles = { ...w.nashmdHandles, [id]: handle };
      await new Promise((resolve) => handle.addEventListener('ready', resolve, { once: true }));
    },
    { id, options },
  );
  return page.locator(`#${id}`);
}

const stateOf = (page: Page, id: string) =>
  page.evaluate((id) => (window as unknown as { nashmdHandles: Handles }).nashmdHandles[id].state, id);

test('two explorers on one page: own scenario, own table; set, seek, play and pause act on one only; the page hash stays', async ({
  page,
  errors,
}) => {
  await page.goto('/?debug#preset=rps&t=0');
  await expect(page.getByTestId('simplex').first()).toBeVisible();
  const pageHash = await page.evaluate(() => location.hash);
  const a = await mountInto(page, 'ex-a', { hash: 'preset=rater-types&eps=0.1&t=40' });
  const b = await mountInto(page, 'ex-b', { hash: 'preset=dice&tau=0.05&t=25' });
  expect((await stateOf(page, 'ex-a')).preset).toBe('rater-types');
  expect((await stateOf(page, 'ex-b')).preset).toBe('dice');
  await expect(a.getByRole('table', { name: 'Current policies' }).getByRole('columnheader').nth(1)).toBeVisible();

  // Each table holds its own scenario's values, equal to the app's at the same hash.
  const rowsA = await readPolicies(a as unknown as Page);
  const rowsB = await readPolicies(b as unknown as Page);
  expect(rowsA).not.toEqual(rowsB);

  // set on A changes A only.
  await page.evaluate(() => (window as unknown as { nashmdHandles: Handles }).nashmdHandles['ex-a'].set({ tau: 0.2 }));
  await expect.poll(async () => (await stateOf(page, 'ex-a')).tau).toBe('0.2');
  expect((await stateOf(page, 'ex-b')).tau).toBe('0.05');
  // seek on B moves B only.
  await page.evaluate(() => (window as unknown as { nashmdHandles: Handles }).nashmdHandles['ex-b'].seek(60));
  await expect.poll(async () => (await stateOf(page, 'ex-b')).t).toBe('60');
  expect((await stateOf(page, 'ex-a')).t).toBe('40');
  // play / pause on A only (an explorer plays while its figure is in view).
  await a.getByTestId('simplex').scrollIntoViewIfNeeded();
  await page.evaluate(() => (window as unknown as { nashmdHandles: Handles }).nashmdHandles['ex-a'].play());
  await expect.poll(async () => Number((await stateOf(page, 'ex-a')).t)).toBeGreaterThan(45);
  expect((await stateOf(page, 'ex-b')).t).toBe('60');
  await page.evaluate(() => (window as unknown as { nashmdHandles: Handles }).nashmdHandles['ex-a'].pause());
  const paused = (await stateOf(page, 'ex-a')).t;
  await page.waitForTimeout(300);
  expect((await stateOf(page, 'ex-a')).t).toBe(paused);

  // Keys act on the explorer that has focus: '.' steps B, not A (nor the page's own explorer).
  await b.getByRole('button', { name: 'Lecture mode' }).focus();
  await page.keyboard.press('.');
  await expect.poll(async () => (await stateOf(page, 'ex-b')).t).toBe('61');
  expect((await stateOf(page, 'ex-a')).t).toBe(paused);

  // The page's hash is the page's own explorer's: embedded explorers never write it.
  expect(await page.evaluate(() => location.hash)).toBe(pageHash);

  // An invalid value is refused by name and the explorer keeps its value.
  await page.evaluate(() => (window as unknown as { nashmdHandles: Handles }).nashmdHandles['ex-b'].set({ tau: -1 }));
  await expect(b.getByRole('alert').filter({ hasText: 'tau' }).first()).toBeVisible();
  expect((await stateOf(page, 'ex-b')).tau).toBe('0.05');
  expect(errors).toEqual([]);
});

test('an explorer shows the same table as the app at the same hash', async ({ page, browser }) => {
  const hash = 'preset=rater-types&eps=0.1&tau=0.05&eta=0.5&t=120';
  await page.goto('/?debug#preset=rps');
  const el = await mountInto(page, 'ex', { hash });
  const other = await browser.newPage();
  await other.goto(`/#${hash}`);
  await expect(other.getByRole('table', { name: 'Current policies' }).locator('tbody tr')).toHaveCount(3);
  // Both once their follow-ups (metrics, RLHF's refit) are in: compared until they agree.
  await expect
    .poll(
      async () =>
        JSON.stringify(await readPolicies(other)) === JSON.stringify(await readPolicies(el as unknown as Page)),
    )
    .toBe(true);
  await other.close();
});

test('creating and disposing 50 explorers leaves no worker, listener, timer or animation frame', async ({ page }) => {
  test.setTimeout(120_000);
  await page.addInitScript(instrument);
  await page.goto('/?debug#preset=rps&t=0');
  await expect(page.getByTestId('simplex')).toBeVisible();
  await page.waitForTimeout(800); // the page's own explorer settles (its hash write, its lookahead)
  const counts = () => page.evaluate(() => (window as unknown as { nashmdCounts: () => Counters }).nashmdCounts());
  // The library's module and its React first: that React copy adds one document listener on its
  // first root, once per page (selectionchange), which no explorer owns.
  await page.evaluate(async () => {
    const { mount } = (await import(new URL('nash-md-explorer.js', location.href).href)) as {
      mount: (el: Element, o: unknown) => { dispose(): void };
    };
    const el = document.createElement('div');
    document.body.append(el);
    mount(el, { hash: 'preset=rps&t=0' }).dispose();
    el.remove();
  });
  await page.waitForTimeout(300);
  const before = await counts();
  expect(before.workers).toBe(1);
  await page.evaluate(async () => {
    const { mount } = (await import(new URL('nash-md-explorer.js', location.href).href)) as {
      mount: (el: Element, o: unknown) => { dispose(): void } & EventTarget;
    };
    for (let k = 0; k < 50; k++) {
      const el = document.createElement('div');
      document.body.append(el);
      const handle = mount(el, { hash: `preset=random&seed=${k}&n=4&t=30` });
      // Every other one is disposed before its first figure, the rest after.
      if (k % 2 === 1) await new Promise((resolve) => handle.addEventListener('ready', resolve, { once: true }));
      handle.dispose();
      el.remove();
    }
  });
  await page.waitForTimeout(1500);
  const after = await counts();
  expect(after.workers).toBe(before.workers);
  expect(after.listeners).toBe(before.listeners);
  expect(after.timers).toBeLessThanOrEqual(before.timers);
  expect(after.frames).toBeLessThanOrEqual(before.frames);
});
