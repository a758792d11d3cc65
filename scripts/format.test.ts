import { readFileSync } from 'node:fs';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';

/**
 * The formatter's settings and what it leaves alone. `npm test` runs `prettier --check .`; these
 * tests pin down the choices behind it, so a change to the config or the ignore file is deliberate.
 */
const ignorePath = '.prettierignore';
const ignored = async (file: string) => (await prettier.getFileInfo(file, { ignorePath })).ignored;

describe('formatter', () => {
  it('formats code the way the code is written, at most 120 columns wide', async () => {
    const options = await prettier.resolveConfig('src/core/simulate.ts', { editorconfig: false });
    expect(options).toMatchObject({ singleQuote: true, semi: true, trailingComma: 'all', tabWidth: 2 });
    expect(options?.printWidth).toBeLessThanOrEqual(120);
  });

  it('checks the sources, scripts and tests', async () => {
    for (const file of [
      'src/core/simulate.ts',
      'src/components/App.tsx',
      'workers/simulation.worker.ts',
      'e2e/smoke.spec.ts',
      'scripts/run-tests.mjs',
      'package.json',
    ]) {
      expect(await ignored(file), file).toBe(false);
    }
  });

  it('leaves generated files, build output, the lockfile, golden files and the stylesheets alone', async () => {
    for (const file of [
      'package-lock.json',
      'src/core/wasm/matVecModule.ts',
      'dist/index.html',
      'node_modules/d3/package.json',
      'test-results/x.json',
      'playwright-report/index.html',
      'src/viz/__goldens__/simplex.svg',
      'src/viz/__golden__/files/simplex.rps.golden',
      'src/styles.css',
      'README.md',
    ]) {
      expect(await ignored(file), file).toBe(true);
    }
  });

  it('is a stage of npm test and has npm scripts', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.format).toBe('prettier --write .');
    expect(pkg.scripts['format:check']).toBe('prettier --check .');
    expect(readFileSync('scripts/run-tests.mjs', 'utf8')).toMatch(
      /stage\('format', npx\(\['prettier', '--check', '\.'\]\)\)/,
    );
  });
});
