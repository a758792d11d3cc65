/**
 * src/viz draws; it does not know the app around it. Its modules import src/core, src/shared, other src/viz
 * modules and d3 only: never src/state, src/components, React or zustand (so a renderer can be
 * rendered on its own, as the golden tests do, and reused by other hosts), and the viz modules
 * import each other without cycles. (The linter's import rules say the same at lint time.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const vizDir = resolve(__dirname);
const srcDir = resolve(__dirname, '..');
/** Packages the renderers may import at run time. */
const ALLOWED_PACKAGES = new Set(['d3']);
/** Test files may additionally use the test tooling and Node built-ins. */
const ALLOWED_IN_TESTS = new Set(['vitest', 'fast-check']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(e.name) ? [path] : [];
  });
}

function importsOf(source: string): string[] {
  const specs: string[] = [];
  const pattern =
    /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g;
  for (const m of source.matchAll(pattern)) specs.push(m[1] ?? m[2] ?? m[3]);
  return specs;
}

const isTest = (file: string) => /\.test\.tsx?$/.test(file) || file.includes('__golden__');
const files = sourceFiles(vizDir);

describe('src/viz import boundary', () => {
  it('finds the viz sources', () => {
    expect(files.some((f) => f.endsWith('simplexPlot.ts'))).toBe(true);
  });

  for (const file of files) {
    const name = relative(vizDir, file);
    it(`${name} imports only src/core, src/shared, src/viz and d3`, () => {
      for (const spec of importsOf(readFileSync(file, 'utf8'))) {
        if (spec.startsWith('.')) {
          const where = relative(srcDir, resolve(file, '..', spec)).split(/[\\/]/)[0];
          expect(['viz', 'core', 'shared'].includes(where), `${name} imports ${spec} (src/${where})`).toBe(true);
        } else {
          const ok =
            ALLOWED_PACKAGES.has(spec) || (isTest(file) && (ALLOWED_IN_TESTS.has(spec) || spec.startsWith('node:')));
          expect(ok, `${name} imports the package ${spec}`).toBe(true);
        }
      }
    });
  }

  it('has no import cycle among its modules', () => {
    const graph = new Map<string, string[]>();
    for (const file of files.filter((f) => !isTest(f))) {
      const deps = importsOf(readFileSync(file, 'utf8'))
        .filter((s) => s.startsWith('./'))
        .map((s) => resolve(file, '..', s));
      graph.set(file, deps);
    }
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...path.slice(path.indexOf(file)), file].map((f) => relative(vizDir, f)).join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const dep of graph.get(file) ?? []) visit(dep, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of graph.keys()) visit(file, []);
    expect(cycles, 'import cycles in src/viz').toEqual([]);
  });
});
