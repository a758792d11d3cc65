import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The paste readers (matrix, pair list, battle log) share types and helpers. They must share them
 * through modules of their own, not by importing each other: a cycle makes the evaluation order of
 * the modules matter and stops either from being loaded or tested alone.
 */
const here = dirname(fileURLToPath(import.meta.url));
const pasteModules = readdirSync(here).filter((f) => /^paste\w*\.ts$/.test(f) && !f.endsWith('.test.ts'));

/** Relative imports (value and type) of one module, as file names in this folder. */
function localImports(file: string): string[] {
  const source = readFileSync(join(here, file), 'utf8');
  const specifiers = [...source.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+'(\.\/[^']+)'/gms)].map((m) => m[1]);
  return specifiers
    .map((s) => resolve(here, s))
    .filter((p) => dirname(p) === here)
    .map((p) => p.slice(here.length + 1));
}

/** The first import cycle found among `files`, as a path a → b → … → a, or null. */
function findCycle(files: readonly string[]): string[] | null {
  const graph = new Map(files.map((f) => [f, localImports(f).filter((g) => files.includes(g))]));
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (f: string): string[] | null => {
    if (state.get(f) === 'done') return null;
    if (state.get(f) === 'open') return [...stack.slice(stack.indexOf(f)), f];
    state.set(f, 'open');
    stack.push(f);
    for (const g of graph.get(f) ?? []) {
      const cycle = visit(g);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(f, 'done');
    return null;
  };
  for (const f of files) {
    const cycle = visit(f);
    if (cycle) return cycle;
  }
  return null;
}

describe('paste modules', () => {
  it('finds the paste readers and what they import', () => {
    expect(pasteModules).toEqual(expect.arrayContaining(['pasteParser.ts', 'pastePairs.ts', 'pasteCells.ts']));
    expect(localImports('pastePairs.ts')).toContain('pasteCells.ts');
  });

  it('import one another without a cycle', () => {
    expect(findCycle(pasteModules)?.join(' → ') ?? null).toBeNull();
  });
});
