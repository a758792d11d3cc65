#!/usr/bin/env node
/**
 * `npm start` after ensure-deps: builds the app and serves dist/ with `vite preview` on
 * 127.0.0.1, on the first free port from 4173 on, or exactly on the port asked for with
 * `npm start -- --port N` or `PORT=N npm start` (a busy asked-for port is an error that says how
 * to choose another, before the build). Prints the URL.
 */
import { spawn, spawnSync } from 'node:child_process';
import { findFreePort, isPortFree, requestedPort } from './freePort.mjs';

const HOST = '127.0.0.1';
const DEFAULT_PORT = 4173;
const HINT = `Choose another port with \`npm start -- --port N\` or \`PORT=N npm start\`, or stop the program using it (\`ss -ltnp\` lists them).`;
const fail = (message) => {
  console.error(`\n[start] ${message}`);
  process.exit(1);
};

let asked;
try {
  asked = requestedPort(process.argv.slice(2), process.env);
} catch (e) {
  fail(e.message);
}
if (asked !== null && !(await isPortFree(asked, HOST))) fail(`Port ${asked} on ${HOST} is in use. ${HINT}`);

const vite = (args, options) =>
  spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', ...args], { stdio: 'inherit', ...options });
// The app, then the library (<nash-md-explorer>, examples/blog.html uses it) into the same dist/.
if (vite(['build']).status !== 0 || vite(['build', '-c', 'vite.lib.config.ts']).status !== 0)
  fail('The build failed (see above).');

let port = asked;
if (port === null) {
  try {
    port = await findFreePort(DEFAULT_PORT, { host: HOST });
  } catch (e) {
    fail(`${e.message}. ${HINT}`);
  }
  if (port !== DEFAULT_PORT) console.log(`\n[start] Port ${DEFAULT_PORT} is in use; serving on ${port} instead.`);
}

const url = `http://${HOST}:${port}/`;
console.log(`\n[start] The app: ${url}  (Ctrl+C stops the server)\n`);
const server = spawn(
  process.execPath,
  ['node_modules/vite/bin/vite.js', 'preview', '--host', HOST, '--port', String(port), '--strictPort'],
  { stdio: 'inherit' },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => {
  // The port was free a moment ago: another program took it in between.
  if (code !== 0 && signal === null)
    fail(`The server stopped (exit code ${code}). If port ${port} was taken meanwhile: ${HINT}`);
  process.exit(code ?? 0);
});
