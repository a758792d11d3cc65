/**
 * Port helpers for `npm start` and `npm test`: find a port nothing listens on, so that the app's
 * server never collides with (or, worse, silently reuses) another checkout's server.
 */
import { createServer } from 'node:net';

/**
 * Whether a TCP server could listen on host:port now (by opening and closing one).
 * @param {number} port
 * @param {string} [host]
 * @returns {Promise<boolean>}
 */
export function isPortFree(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/**
 * The first free port among start, start + 1, …, start + tries − 1 on host.
 * @param {number} start
 * @param {{ host?: string, tries?: number }} [options]
 * @returns {Promise<number>}
 * @throws {Error} naming the range when every port in it is taken.
 */
export async function findFreePort(start, { host = '127.0.0.1', tries = 20 } = {}) {
  for (let port = start; port < start + tries && port <= 65535; port++) {
    if (await isPortFree(port, host)) return port;
  }
  throw new Error(`no free port in ${start}–${Math.min(65535, start + tries - 1)} on ${host}`);
}

/**
 * A port number from `--port N`, `--port=N` or the PORT environment variable, or null when
 * neither is given. Throws on a value that is not a port number, naming where it came from.
 * @param {readonly string[]} argv
 * @param {Record<string, string | undefined>} env
 * @returns {number | null}
 */
export function requestedPort(argv, env) {
  let raw = null;
  let source = '';
  const i = argv.findIndex((a) => a === '--port' || a.startsWith('--port='));
  if (i >= 0) {
    raw = argv[i].startsWith('--port=') ? argv[i].slice('--port='.length) : argv[i + 1];
    source = '--port';
  } else if (env.PORT !== undefined && env.PORT !== '') {
    raw = env.PORT;
    source = 'PORT';
  }
  if (raw === null) return null;
  const port = Number(raw);
  if (!/^\d+$/.test(String(raw ?? '')) || port < 1 || port > 65535) {
    throw new Error(`${source} must be a port number from 1 to 65535, got ${JSON.stringify(raw ?? '')}`);
  }
  return port;
}
