/**
 * src/core is a library of pure mathematics: it must run unchanged in Node, in the worker and in
 * the browser. This test reads every source file of src/core and rejects imports of UI, state,
 * worker-messaging or DOM-selection packages, imports that leave src/core, and DOM globals.
 * (oxlint's no-restricted-imports rule enforces the same at lint time.)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const coreDir = resolve(__dirname, '..');
/** Packages src/core may import at run time. Everything else needs a reason to be added here. */
const ALLOWED_PACKAGES = new Set(['highs', 'd3-array', 'd3-scale']);
/** Test files may additionally use the test tooling and Node built-ins. */
const ALLOWED_IN_TESTS = new Set(['vitest', 'fast-check']);
const DOM_GLOBALS = /\b(document|window|localStorage|navigator|HTMLElement|requestAnimationFrame)\b/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

function importsOf(source: string): string[] {
  const specs: string[] = [];
  const pattern =
    /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g;
  for (const m of source.matchAll(pattern)) specs.push(m[1] ?? m[2] ?? m[3]);
  return specs;
}

describe('src/core purity', () => {
  // This file quotes forbidden imports as test data for the checker, so it is not scanned itself.
  const files = sourceFiles(coreDir).filter((f) => !f.endsWith('purity.test.ts'));

  it('finds the core sources', () => {
    expect(files.some((f) => f.endsWith('index.ts'))).toBe(true);
    expect(files.length).toBeGreaterThan(8);
  });

  for (const file of files) {
    const name = relative(coreDir, file);
    const isTest = name.startsWith('__tests__');
    it(`${name} imports only pure modules`, () => {
      const source = readFileSync(file, 'utf8');
      for (const spec of importsOf(source)) {
        if (spec.startsWith('.')) {
          const target = resolve(file, '..', spec);
          expect(target.startsWith(coreDir), `${name} imports ${spec}, outside src/core`).toBe(true);
        } else if (isTest) {
          const ok = ALLOWED_PACKAGES.has(spec) || ALLOWED_IN_TESTS.has(spec) || spec.startsWith('node:');
          expect(ok, `${name} imports ${spec}`).toBe(true);
        } else {
          expect(
            ALLOWED_PACKAGES.has(spec),
            `${name} imports ${spec}; src/core may only import ${[...ALLOWED_PACKAGES].join(', ')}`,
          ).toBe(true);
        }
      }
      if (!isTest)
        expect(DOM_GLOBALS.test(source.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')), `${name} uses a DOM global`).toBe(
          false,
        );
    });
  }

  it('the checker itself catches a forbidden import', () => {
    expect(
      importsOf("import { create } from 'zustand';\nimport * as d3 from \"d3\";\nconst w = await import('comlink');"),
    ).toEqual(['zustand', 'd3', 'comlink']);
  });
});
