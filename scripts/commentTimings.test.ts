import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Comments say why; timings live in docs/benchmarks.md. A figure such as "~15 ms" in a comment is
 * true on one machine on one day and then silently wrong, so this test keeps them out of the code
 * that states design reasons: the core, the worker and the state modules that do not render.
 */
const STATE_FILES = [
  'pasteParser',
  'pastePairs',
  'pasteCells',
  'matrixEdit',
  'scenario',
  'scenarioSchema',
  'urlCodec',
  'numberInput',
  'stories',
  'caption',
  'nashNote',
].map((f) => `src/state/${f}.ts`);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === '__tests__' ? [] : sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The text of a file's comments (line and block), with the line each starts on. */
function comments(source: string): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  const pattern = /\/\/[^\n]*|\/\*[\s\S]*?\*\/|'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|`(?:\\.|[^`\\])*`/g;
  for (const m of source.matchAll(pattern)) {
    if (m[0].startsWith('//') || m[0].startsWith('/*'))
      out.push({ line: source.slice(0, m.index).split('\n').length, text: m[0] });
  }
  return out;
}

/** A duration: a number with a unit of time, or words that state one ("a second or two"). */
const TIMING =
  /(\d[\d.,]*\s?(?:ms|µs|us|ns|s|sec|secs|seconds?|milliseconds?|minutes?)\b)|\b(?:a|one|half a|most of a|a fraction of a) (?:millisecond|second)s?\b|\b(?:a few|several|tens of|hundreds of) (?:ms|milliseconds|seconds)\b/i;

function timingsIn(source: string): string[] {
  return comments(source).flatMap(({ line, text }) => {
    const m = TIMING.exec(text);
    return m ? [`line ${line + text.slice(0, m.index).split('\n').length - 1}: …${m[0]}…`] : [];
  });
}

describe('comments without timings', () => {
  it('recognises timings in comments and nowhere else', () => {
    expect(timingsIn('// takes ~15 ms at n = 500\nconst a = 1;')).toHaveLength(1);
    expect(timingsIn('/**\n * 0.1 s of worker time\n */')).toHaveLength(1);
    expect(timingsIn('/* which at a million steps takes a second or two */')).toHaveLength(1);
    expect(timingsIn('// the follow-up comes a few milliseconds later')).toHaveLength(1);
    expect(timingsIn("const note = 'took 3 ms'; // why: the worker answers first")).toEqual([]);
    expect(timingsIn('// Play at 1 to 20,000 steps/s; n = 500; 2⁻⁶⁴; 12 responses')).toEqual([]);
  });

  for (const file of [...sources('src/core'), ...sources('workers'), ...STATE_FILES]) {
    it(file, () => {
      expect(timingsIn(readFileSync(file, 'utf8'))).toEqual([]);
    });
  }
});
