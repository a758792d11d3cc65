import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * No top-level await in the code the app and the element bundle: one anywhere in the module graph
 * (even in a chunk that loads on demand) turns off the bundler's merging of shared chunks, and the
 * first render then loads many small chunks, several kB more (docs/benchmarks.md). The core's
 * library entry (src/core/index.ts), which no bundle imports, may wait for HiGHS that way.
 */
const ALLOWED = new Set(['src/core/index.ts']);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === '__tests__' || name === '__golden__' ? [] : sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Lines that start at column 0 and await (a statement or a declaration's initialiser). */
function topLevelAwaits(text: string): string[] {
  return text.split('\n').filter((line) => /^(?:export\s+)?(?:(?:const|let|var)\s[^=]*=\s*)?await\b/.test(line));
}

describe('no top-level await in bundled code', () => {
  it('finds the one in the library entry (the check works)', () => {
    expect(topLevelAwaits(readFileSync('src/core/index.ts', 'utf8'))).not.toEqual([]);
  });
  it('has none in src/ and workers/ outside the library entry', () => {
    const found = [...sources('src'), ...sources('workers')]
      .filter((f) => !ALLOWED.has(f))
      .flatMap((f) => topLevelAwaits(readFileSync(f, 'utf8')).map((line) => `${f}: ${line}`));
    expect(found).toEqual([]);
  });
});
