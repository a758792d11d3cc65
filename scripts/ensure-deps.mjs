#!/usr/bin/env node
/**
 * Installs what this project needs and is missing, so that `npm start` and `npm test` work on a
 * fresh clone of the repo on a fresh machine:
 *  - npm packages: `npm ci` when node_modules is absent or older than package-lock.json;
 *  - with --browser: Debian's Chromium and fonts for the Playwright tests (Playwright cannot
 *    download its own browser here), via apt-get when /usr/bin/chromium is absent.
 */
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const run = (cmd) => {
  console.log(`[ensure-deps] ${cmd}`);
  execSync(cmd, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
};

const marker = 'node_modules/.package-lock.json';
if (!existsSync(marker) || statSync(marker).mtimeMs < statSync('package-lock.json').mtimeMs) {
  run('npm ci --no-audit --no-fund');
}

if (process.argv.includes('--browser')) {
  const haveChromium = existsSync('/usr/bin/chromium');
  const haveFonts = existsSync('/usr/share/fonts/truetype/liberation');
  if (!haveChromium || !haveFonts) {
    const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
    const sudo = isRoot ? '' : 'sudo ';
    if (!isRoot && !existsSync('/usr/bin/sudo')) {
      console.error(
        '[ensure-deps] Chromium is missing and this user cannot install it. Run as root:\n  apt-get update && apt-get install -y --no-install-recommends chromium fonts-liberation fonts-dejavu-core',
      );
      process.exit(1);
    }
    run(`${sudo}apt-get update -qq`);
    run(`${sudo}apt-get install -y -qq --no-install-recommends chromium fonts-liberation fonts-dejavu-core`);
  }
}
