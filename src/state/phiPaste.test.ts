/** The paste box of custom features: separators, and refusals that name the row and the column. */
import { describe, expect, it } from 'vitest';
import { parsePhi } from './phiPaste.ts';

describe('parsePhi', () => {
  it('reads tab-, comma-, semicolon- and space-separated rows (blank lines ignored)', () => {
    expect(parsePhi('1\t0.5\n-2, 3\n\n4 ;  5e-1\n', 3)).toEqual({
      phi: [
        [1, 0.5],
        [-2, 3],
        [4, 0.5],
      ],
    });
  });
  it('names the row and column of what is not a number', () => {
    expect(parsePhi('1,2\n3,abc\n5,6', 3)).toEqual({ error: 'Row 2, column 2: “abc” is not a number.' });
  });
  it('needs one row per response, rows as long as each other, at most min(n, 12) columns', () => {
    expect(parsePhi('1\n2', 3)).toMatchObject({
      error: expect.stringContaining('2 rows: it needs one per response (3)'),
    });
    expect(parsePhi('1,2\n3\n4,5', 3)).toMatchObject({
      error: expect.stringContaining('Row 2 has 1 numbers, row 1 has 2'),
    });
    expect(parsePhi('1,2,3\n4,5,6', 2)).toMatchObject({ error: expect.stringContaining('at most 2 columns') });
  });
});
