/**
 * Adding an algorithm touches four places (issue 14; CONTRIBUTING.md, "Add an algorithm"): its
 * folder src/core/algorithms/<id>/ (description, update, explanation), its test file
 * src/core/__tests__/algorithms/<id>.test.ts, its style entry in src/shared/palette.ts, and the
 * lists scripts/gen-algorithms.mjs writes from the folders (which nobody edits by hand). This
 * checks that it stays so: the lists are derived and current, a new folder alone reaches them, and
 * no other source file holds a hand-written list of every algorithm.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ALGORITHM_IDS } from '../src/core/algorithms/catalog.ts';
import { ALGORITHMS_DIR, GENERATED, generate, scanAlgorithms } from './gen-algorithms.mjs';

const camel = (id: string) => id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
/** Whether `text` names `word` as a whole token (not inside a longer identifier or id: nash-md ≠ nash-md-pg). */
const names = (text: string, word: string) =>
  new RegExp(`(?<![\\w-])${word.replace(/[-]/g, '\\-')}(?![\\w-])`).test(text);

/** The places an algorithm may be named in without being one more file to edit when one is added. */
function allowed(file: string): boolean {
  return (
    /^src\/core\/algorithms\/[a-z0-9-]+\//.test(file) || // an algorithm's folder
    /^src\/core\/algorithms\/\w+\.gen\.ts$/.test(file) || // the generated lists
    /^src\/core\/__tests__\/algorithms\/[a-z0-9-]+\.test\.ts$/.test(file) || // an algorithm's tests
    file === 'src/shared/palette.ts' || // its style entry
    file === 'scripts/gen-algorithms.mjs' || // what writes the lists (it names no algorithm)
    file === 'scripts/algorithmSeam.test.ts' // this test
  );
}

const SOURCE = /\.(ts|tsx|mjs|js)$/;
const sources = execFileSync('git', ['ls-files', 'src', 'workers', 'e2e', 'bench', 'scripts'], { encoding: 'utf8' })
  .split('\n')
  .filter((f) => SOURCE.test(f) && existsSync(f));

describe('the algorithm lists', () => {
  it('are one folder per algorithm of the catalog, in the catalog’s order', () => {
    expect(scanAlgorithms().map((a: { id: string }) => a.id)).toEqual([...ALGORITHM_IDS]);
    for (const id of ALGORITHM_IDS)
      for (const file of ['info.ts', 'update.ts', 'explain.ts'])
        expect(existsSync(join(ALGORITHMS_DIR, id, file)), `${id}/${file}`).toBe(true);
  });

  it('are what scripts/gen-algorithms.mjs writes from the folders now (run `npm run gen:algorithms`)', async () => {
    const files: { path: string; content: string }[] = await generate();
    expect(files.map((f) => f.path.slice(ALGORITHMS_DIR.length + 1))).toEqual(GENERATED);
    for (const { path, content } of files)
      expect(existsSync(path) ? readFileSync(path, 'utf8') : null, `${path} is stale`).toBe(content);
  });

  it('every algorithm has its test file, which checks it against its formula', () => {
    for (const id of ALGORITHM_IDS) {
      const path = `src/core/__tests__/algorithms/${id}.test.ts`;
      expect(existsSync(path), path).toBe(true);
      expect(readFileSync(path, 'utf8')).toMatch(new RegExp(`describeReference\\(\\s*'${id}'`));
    }
  });
});

describe('adding an algorithm', () => {
  const temp = mkdtempSync(join(tmpdir(), 'algorithms-'));
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  it('is a folder: the generated lists take a new one in at its order, without any other edit', async () => {
    for (const id of readdirSync(ALGORITHMS_DIR))
      if (existsSync(join(ALGORITHMS_DIR, id, 'info.ts')))
        cpSync(join(ALGORITHMS_DIR, id), join(temp, id), { recursive: true });
    // A copy of MWU under a new id, placed between MWU (40) and OMWU (50).
    cpSync(join(temp, 'mwu'), join(temp, 'zz-demo'), { recursive: true });
    const info = join(temp, 'zz-demo', 'info.ts');
    writeFileSync(
      info,
      readFileSync(info, 'utf8')
        .replace("id: 'mwu' as const", "id: 'zz-demo' as const")
        .replace(/export const order = \d+;/, 'export const order = 45;'),
    );
    const [catalog, registry, explanations] = (await generate(temp)).map((f: { content: string }) => f.content);
    const order = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((m) => m[1]);
    expect(order(catalog, /from '\.\/([\w-]+)\/info\.ts'/g)).toEqual([
      ...ALGORITHM_IDS.slice(0, 4),
      'zz-demo',
      ...ALGORITHM_IDS.slice(4),
    ]);
    expect(registry).toContain('defineAlgorithm(zzDemoInfo, zzDemo)');
    expect(explanations).toContain("'zz-demo': zzDemo.tex");
    expect(explanations).toContain("'zz-demo': zzDemo.citation");
  });

  it('names its folder when something is missing or wrong', () => {
    rmSync(join(temp, 'zz-demo', 'explain.ts'));
    expect(() => scanAlgorithms(temp)).toThrow(/zz-demo\/ has no explain\.ts/);
  });

  it('touches no other source file: none outside the four places names every algorithm or types a record of them all', () => {
    expect(sources.length).toBeGreaterThan(100);
    const lists: string[] = [];
    for (const file of sources.filter((f) => !allowed(f))) {
      const text = readFileSync(file, 'utf8');
      // A hand-written list (a switch, a map, an import per algorithm…): adding one means editing it.
      if (ALGORITHM_IDS.every((id) => names(text, id) || names(text, camel(id))))
        lists.push(`${file}: names every algorithm`);
      // `Record<AlgorithmId, …>` without Partial is a type error until the new id has its entry.
      if (/(?<!Partial<)Record<AlgorithmId\b/.test(text)) lists.push(`${file}: a Record<AlgorithmId, …>`);
    }
    expect(lists).toEqual([]);
  });
});
