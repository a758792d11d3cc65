#!/usr/bin/env node
/**
 * The whole health check behind `npm test`: typecheck, lint, formatting (Prettier names each file
 * that differs; `npm run format` rewrites them), unit tests (Vitest), production build, browser
 * tests (Playwright against the built app in Debian's Chromium, served on a free port: see
 * run-e2e.mjs). Every stage runs even when an earlier one failed (except e2e without a
 * build), and the last line printed is the plain summary CI reads: `N passed, N failed[, N
 * skipped]`, summed over Vitest and Playwright, with each failed non-test stage counted as one
 * failure. Exits non-zero if anything failed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { e2eEnv } from './run-e2e.mjs';

mkdirSync('reports', { recursive: true });
const npx = (args, env = {}) =>
  spawnSync('npx', args, { stdio: 'inherit', env: { ...process.env, ...env } }).status === 0;
const readJson = (path) => (existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null);

let passed = 0;
let failed = 0;
let skipped = 0;
const stageFailures = [];
const stage = (name, ok) => {
  console.log(`\n[test] ${name}: ${ok ? 'ok' : 'FAILED'}`);
  if (!ok) {
    failed += 1;
    stageFailures.push(name);
  }
  return ok;
};

stage('typecheck', npx(['tsc', '-p', 'tsconfig.json']));
stage('lint', npx(['oxlint', '-c', '.oxlintrc.json', '--deny-warnings', 'src', 'workers', 'e2e', 'scripts', 'bench']));
stage('format', npx(['prettier', '--check', '.']));

rmSync('reports/vitest.json', { force: true });
const unitOk = npx(['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=reports/vitest.json']);
const vitest = readJson('reports/vitest.json');
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  skipped += vitest.numPendingTests + vitest.numTodoTests;
  if (!unitOk && vitest.numFailedTests === 0) stage('unit tests (runner error)', false);
} else {
  stage('unit tests (no report)', false);
}

// The app, then the library (<nash-md-explorer>) into the same dist/.
const built = stage('build', npx(['vite', 'build']) && npx(['vite', 'build', '-c', 'vite.lib.config.ts']));
if (built) {
  rmSync('reports/playwright.json', { force: true });
  // A port of the tests' own (E2E_PORT, or the first free one from 4173 on).
  const port = await e2eEnv(process.env);
  const e2eOk =
    port !== null &&
    npx(['playwright', 'test'], { ...port, PLAYWRIGHT_JSON_OUTPUT_NAME: 'reports/playwright.json', E2E_PREBUILT: '1' });
  const pw = port === null ? null : readJson('reports/playwright.json');
  if (pw) {
    passed += pw.stats.expected + pw.stats.flaky;
    failed += pw.stats.unexpected;
    skipped += pw.stats.skipped;
    if (!e2eOk && pw.stats.unexpected === 0) stage('e2e (runner error)', false);
  } else {
    stage('e2e (no report)', false);
  }
} else {
  stage('e2e (skipped: no build)', false);
}

if (stageFailures.length > 0) console.log(`\n[test] failed stages: ${stageFailures.join(', ')}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
