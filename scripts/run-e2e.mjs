#!/usr/bin/env node
/**
 * `npm run test:e2e [-- playwright args]`: the Playwright browser tests on a port of their own.
 * Without E2E_PORT the first free port from 4173 on is chosen and handed to playwright.config.ts
 * (whose webServer never reuses a server it did not start); a busy E2E_PORT is an error with a
 * hint. Exits with Playwright's status.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { findFreePort, isPortFree } from './freePort.mjs';

const HOST = '127.0.0.1';

/**
 * The environment for Playwright: E2E_PORT as given (checked free) or a free one; null with a
 * message printed when the given one is busy or malformed.
 * @param {Record<string, string | undefined>} env
 * @returns {Promise<Record<string, string> | null>}
 */
export async function e2eEnv(env) {
  if (env.E2E_PORT) {
    const port = Number(env.E2E_PORT);
    if (!/^\d+$/.test(env.E2E_PORT) || port < 1 || port > 65535) {
      console.error(`[e2e] E2E_PORT must be a port number from 1 to 65535, got ${JSON.stringify(env.E2E_PORT)}.`);
      return null;
    }
    if (!(await isPortFree(port, HOST))) {
      console.error(
        `[e2e] E2E_PORT=${port} is in use on ${HOST}; the tests never reuse a server they did not start. Stop that server, set another E2E_PORT, or unset it to pick a free port.`,
      );
      return null;
    }
    return { E2E_PORT: String(port) };
  }
  const port = await findFreePort(4173, { host: HOST, tries: 100 });
  console.log(`[e2e] serving the build for the browser tests on ${HOST}:${port} (set E2E_PORT to choose)`);
  return { E2E_PORT: String(port) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const env = await e2eEnv(process.env);
  if (!env) process.exit(1);
  const result = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  process.exit(result.status ?? 1);
}
