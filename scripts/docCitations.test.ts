import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every citation the code makes resolves: a `docs/….md` it names exists, and a section (§3.2),
 * equation (Eqs. 3–5) or theorem (Theorem 1) of the paper it names has a heading in docs/math.md
 * that carries it, so a reader of a doc comment can look the formula up.
 */
const CODE_DIRS = ['src', 'workers', 'e2e', 'scripts', 'bench'];

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.(ts|tsx|mjs)$/.test(name) && path !== 'scripts/docCitations.test.ts' ? [path] : [];
  });
}

/** Heading lines of a Markdown file (outside fenced code). */
function headings(markdown: string): string[] {
  let fenced = false;
  return markdown.split('\n').filter((line) => {
    if (line.startsWith('```')) fenced = !fenced;
    return !fenced && /^#{1,6} /.test(line);
  });
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
const slug = (heading: string) =>
  heading
    .replace(/^#+ /, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');

/** The numbers an equation citation covers: "3–5" → 3, 4, 5. */
function range(from: string, to?: string): number[] {
  const a = Number(from);
  const b = to === undefined ? a : Number(to);
  return Array.from({ length: Math.max(0, b - a + 1) }, (_, k) => a + k);
}

const DASH = '[–-]';
const SECTION = /§\s?(\d+(?:\.\d+)*)(?![\d.]*\d)/g;
const EQUATIONS = new RegExp(`\\bEqs?\\.\\s?(\\d+)(?:\\s?${DASH}\\s?(\\d+))?`, 'g');
const RESULT = /\b(Theorem|Lemma|Proposition|Corollary)\s(\d+)\b/g;
const DOC = /\bdocs\/([\w-]+\.md)(?:#([\w-]+))?/g;

function citationsIn(source: string) {
  return {
    sections: [...source.matchAll(SECTION)].map((m) => `§${m[1]}`),
    equations: [...source.matchAll(EQUATIONS)].flatMap((m) => range(m[1], m[2])),
    results: [...source.matchAll(RESULT)].map((m) => `${m[1]} ${m[2]}`),
    docs: [...source.matchAll(DOC)].map((m) => ({ file: m[1], anchor: m[2] })),
  };
}

const math = existsSync('docs/math.md') ? readFileSync('docs/math.md', 'utf8') : '';
const mathHeadings = headings(math);
const headingHas = (anchor: string) =>
  mathHeadings.some((h) => new RegExp(`${anchor.replace(/[.]/g, '\\.')}(?![\\d.]*\\d)`).test(h));
const equationsInHeadings = new Set(mathHeadings.flatMap((h) => citationsIn(h).equations));

describe('citations in the code', () => {
  it('reads citations the way the comments write them', () => {
    const c = citationsIn('(§5, Eqs. 3–5) and §3.2 (Theorem 2); see docs/math.md and docs/ux.md#the-look');
    expect(c.sections).toEqual(['§5', '§3.2']);
    expect(c.equations).toEqual([3, 4, 5]);
    expect(c.results).toEqual(['Theorem 2']);
    expect(c.docs).toEqual([
      { file: 'math.md', anchor: undefined },
      { file: 'ux.md', anchor: 'the-look' },
    ]);
  });

  for (const file of CODE_DIRS.flatMap(files)) {
    const c = citationsIn(readFileSync(file, 'utf8'));
    if (c.sections.length + c.equations.length + c.results.length + c.docs.length === 0) continue;
    it(file, () => {
      for (const { file: doc, anchor } of c.docs) {
        expect(existsSync(join('docs', doc)), `docs/${doc}`).toBe(true);
        if (anchor)
          expect(headings(readFileSync(join('docs', doc), 'utf8')).map(slug), `docs/${doc}#${anchor}`).toContain(
            anchor,
          );
      }
      for (const s of c.sections) expect(headingHas(s), `${s} has a heading in docs/math.md`).toBe(true);
      for (const r of c.results) expect(headingHas(r), `${r} has a heading in docs/math.md`).toBe(true);
      for (const e of c.equations)
        expect(equationsInHeadings.has(e), `Eq. ${e} has a heading in docs/math.md`).toBe(true);
    });
  }
});

describe('CONTRIBUTING.md', () => {
  const text = existsSync('CONTRIBUTING.md') ? readFileSync('CONTRIBUTING.md', 'utf8') : '';

  it('has the layout, the commands and the four checklists', () => {
    const h = headings(text).map((l) => l.replace(/^#+ /, ''));
    for (const title of [
      'Commands',
      'How the code is laid out',
      'Add a preset',
      'Add a URL key',
      'Add an algorithm',
      'Add a figure',
    ]) {
      expect(h, title).toContain(title);
    }
  });

  it('names only files and folders that exist', () => {
    const paths = [...text.matchAll(/`((?:src|workers|e2e|scripts|bench|docs)\/[\w./-]*)`/g)].map((m) => m[1]);
    expect(paths.length).toBeGreaterThan(10);
    expect(paths.filter((p) => !existsSync(p))).toEqual([]);
  });

  it('names only npm scripts that exist', () => {
    const scripts = Object.keys(
      (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts,
    );
    const named = [...text.matchAll(/`npm (?:run )?([\w:-]+)/g)].map((m) => m[1]).filter((s) => s !== 'run');
    expect(named.length).toBeGreaterThan(5);
    expect(named.filter((s) => !scripts.includes(s) && s !== 'start' && s !== 'test')).toEqual([]);
  });
});
