/** No merge-conflict markers are left in any tracked text file (a merge resolved by hand). */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const TEXT = /\.(ts|tsx|mjs|js|json|md|css|html|yml|yaml|wat)$/;
const MARKER = /^(<{7} |={7}$|>{7} )/m;

describe('merge-conflict markers', () => {
  it('none in the tracked text files', () => {
    const files = execFileSync('git', ['ls-files'], { encoding: 'utf8' })
      .split('\n')
      .filter((f) => TEXT.test(f));
    expect(files.length).toBeGreaterThan(50);
    const marked = files.filter((f) => MARKER.test(readFileSync(f, 'utf8')));
    expect(marked).toEqual([]);
  });
});
