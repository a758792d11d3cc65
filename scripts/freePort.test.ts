import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { findFreePort, isPortFree, requestedPort } from './freePort.mjs';
import { e2eEnv } from './run-e2e.mjs';

const open: Server[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

/** Listens on a port the system chooses, as another program would, and returns that port. */
async function occupy(host = '127.0.0.1', port = 0): Promise<number> {
  const server = createServer();
  open.push(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return (server.address() as { port: number }).port;
}

describe('findFreePort', () => {
  it('skips a port another server listens on and returns the next free one', async () => {
    const busy = await occupy();
    expect(await isPortFree(busy)).toBe(false);
    const port = await findFreePort(busy);
    expect(port).toBeGreaterThan(busy);
    expect(await isPortFree(port)).toBe(true);
  });

  it('returns the first port when it is free', async () => {
    const busy = await occupy();
    // Free it again: the port is now known to be bindable.
    await new Promise((resolve) => open.pop()!.close(resolve));
    expect(await findFreePort(busy)).toBe(busy);
  });

  it('skips a port taken on all interfaces too (a server on 0.0.0.0 blocks 127.0.0.1)', async () => {
    const busy = await occupy('0.0.0.0');
    expect(await findFreePort(busy)).not.toBe(busy);
  });

  it('says which range was full when no port is free', async () => {
    const busy = await occupy();
    await expect(findFreePort(busy, { tries: 1 })).rejects.toThrow(`no free port in ${busy}–${busy}`);
  });
});

describe('requestedPort', () => {
  it('reads --port N, --port=N and PORT, the flag first', () => {
    expect(requestedPort(['--port', '5000'], {})).toBe(5000);
    expect(requestedPort(['--port=5001'], { PORT: '6000' })).toBe(5001);
    expect(requestedPort([], { PORT: '6000' })).toBe(6000);
    expect(requestedPort([], {})).toBeNull();
    expect(requestedPort([], { PORT: '' })).toBeNull();
  });

  it('names the option when the value is not a port', () => {
    expect(() => requestedPort(['--port'], {})).toThrow('--port must be a port number');
    expect(() => requestedPort(['--port', 'abc'], {})).toThrow(
      '--port must be a port number from 1 to 65535, got "abc"',
    );
    expect(() => requestedPort([], { PORT: '70000' })).toThrow('PORT must be a port number');
  });
});

describe('the browser tests’ port', () => {
  it('is a free one when E2E_PORT is not set, and a busy E2E_PORT is refused, not reused', async () => {
    const chosen = await e2eEnv({});
    expect(await isPortFree(Number(chosen!.E2E_PORT))).toBe(true);
    const busy = await occupy();
    expect(await e2eEnv({ E2E_PORT: String(busy) })).toBeNull();
    expect(await e2eEnv({ E2E_PORT: 'x' })).toBeNull();
  });

  it('Playwright never reuses a server it did not start, with or without CI', async () => {
    const saved = process.env.CI;
    try {
      for (const ci of [undefined, '1']) {
        if (ci === undefined) delete process.env.CI;
        else process.env.CI = ci;
        vi.resetModules();
        const config = (await import('../playwright.config.ts')).default;
        const server = Array.isArray(config.webServer) ? config.webServer[0] : config.webServer;
        expect(server?.reuseExistingServer).toBe(false);
      }
    } finally {
      if (saved === undefined) delete process.env.CI;
      else process.env.CI = saved;
    }
  });
});
