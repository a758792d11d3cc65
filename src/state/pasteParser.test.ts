import { preferenceMatrix } from '../core/__tests__/arbitraries.ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validatePreferences } from '../core/validate.ts';
import { parsePastedMatrix, type PasteResult } from './pasteParser.ts';

function ok(r: PasteResult) {
  if (!r.ok) throw new Error(`expected ok, got error: ${r.error}`);
  return r;
}
function expectClose(actual: number[][], expected: number[][]) {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((row, i) => row.forEach((x, j) => expect(x).toBeCloseTo(expected[i][j], 15)));
}
function err(r: PasteResult) {
  if (r.ok) throw new Error(`expected an error, got ${JSON.stringify(r.preferences)}`);
  return r.error;
}

const RPS = [
  [0.5, 0.1, 0.9],
  [0.9, 0.5, 0.1],
  [0.1, 0.9, 0.5],
];

describe('realistic pastes', () => {
  it('Excel TSV with a header row, a name column, Windows line endings and a trailing tab', () => {
    const text =
      '\trock\tpaper\tscissors\r\nrock\t0.5\t0.1\t0.9\t\r\npaper\t0.9\t0.5\t0.1\r\nscissors\t0.1\t0.9\t0.5\r\n\r\n';
    const r = ok(parsePastedMatrix(text, 'auto'));
    expect(r.kind).toBe('probabilities');
    expect(r.labels).toEqual(['rock', 'paper', 'scissors']);
    expectClose(r.preferences, RPS);
    expect(r.notes).toEqual([]);
  });

  it('CSV without header or names, blank diagonal', () => {
    const r = ok(parsePastedMatrix(',0.3,0.8\n0.7,,0.6\n0.2,0.4,\n', 'auto'));
    expect(r.labels).toBeNull();
    expect(r.preferences[0][1]).toBeCloseTo(0.3, 15);
    expect(r.preferences[1][0]).toBeCloseTo(0.7, 15);
    expect(r.preferences[2][2]).toBe(0.5);
    expect(() => validatePreferences(r.preferences)).not.toThrow();
  });

  it('header without a corner cell, names column, semicolons and decimal commas', () => {
    const r = ok(parsePastedMatrix('A;B\nA;0,5;0,25\nB;0,75;0,5', 'auto'));
    expect(r.labels).toEqual(['A', 'B']);
    expect(r.preferences).toEqual([
      [0.5, 0.25],
      [0.75, 0.5],
    ]);
  });

  it('header only (no name column), quoted CSV names', () => {
    const r = ok(parsePastedMatrix('"x, first","y"\n0.5,0.6\n0.4,0.5', 'auto'));
    expect(r.labels).toEqual(['x, first', 'y']);
    expect(r.preferences[0][1]).toBeCloseTo(0.6, 15);
  });

  it('names column only (no header)', () => {
    const r = ok(parsePastedMatrix('rock\t0.5\t0.1\t0.9\npaper\t0.9\t0.5\t0.1\nscissors\t0.1\t0.9\t0.5', 'auto'));
    expect(r.labels).toEqual(['rock', 'paper', 'scissors']);
    expectClose(r.preferences, RPS);
  });

  it('percentages, diagonal dashes and whitespace-separated text', () => {
    expect(ok(parsePastedMatrix('-\t30%\n70%\t-', 'auto')).preferences).toEqual([
      [0.5, 0.3],
      [1 - 0.3, 0.5],
    ]);
    expect(ok(parsePastedMatrix('0.5 0.2\n0.8 0.5', 'auto')).preferences[1][0]).toBeCloseTo(0.8, 15);
  });

  it('rounded spreadsheet values (sum off by < 1e-6) are normalised exactly', () => {
    const r = ok(parsePastedMatrix('0.5\t0.3333333\n0.6666667\t0.5', 'probabilities'));
    expect(r.preferences[0][1] + r.preferences[1][0]).toBe(1);
    expect(r.preferences[0][1]).toBeCloseTo(1 / 3, 6);
  });

  it('an odd diagonal is set to ½ with a note', () => {
    const r = ok(parsePastedMatrix('1\t0.3\n0.7\tfoo', 'auto'));
    expect(r.preferences[0][0]).toBe(0.5);
    expect(r.preferences[1][1]).toBe(0.5);
    expect(r.notes.join(' ')).toMatch(/diagonal/);
  });

  it('one blank of a pair is filled from its mirror, with a note', () => {
    const r = ok(parsePastedMatrix('\t0.2\t0.6\n\t\t0.9\n\t\t-', 'auto'));
    expect(r.preferences[1][0]).toBeCloseTo(0.8, 15);
    expect(r.preferences[2][1]).toBeCloseTo(0.1, 15);
    expect(r.notes.join(' ')).toMatch(/3 empty cells were filled/);
  });

  it('ignores a byte-order mark and leading blank lines', () => {
    expect(ok(parsePastedMatrix('\uFEFF\n\n  0.5, 0.4 \n 0.6 , 0.5', 'auto')).preferences[0][1]).toBeCloseTo(0.4, 15);
  });
});

describe('win counts', () => {
  it('auto detects counts and converts wins_ij / (wins_ij + wins_ji)', () => {
    const text = 'model\tA\tB\tC\nA\t0\t30\t12\nB\t10\t0\t8\nC\t4\t24\t0';
    const r = ok(parsePastedMatrix(text, 'auto'));
    expect(r.kind).toBe('counts');
    expect(r.preferences[0][1]).toBeCloseTo(0.75, 15);
    expect(r.preferences[1][0]).toBeCloseTo(0.25, 15);
    expect(r.preferences[0][2]).toBeCloseTo(0.75, 15);
    expect(r.preferences[2][1]).toBeCloseTo(0.75, 15);
    expect(() => validatePreferences(r.preferences)).not.toThrow();
  });

  it('a pair with no games becomes ½ with a note naming it', () => {
    const r = ok(parsePastedMatrix(',A,B,C\nA,,5,0\nB,3,,7\nC,0,2,', 'auto'));
    expect(r.kind).toBe('counts');
    expect(r.preferences[0][2]).toBe(0.5);
    expect(r.preferences[2][0]).toBe(0.5);
    expect(r.missing).toEqual([[0, 2]]);
    expect(r.notes.join(' ')).toContain('1 of 3 pairs had no data and was set to ½');
  });

  it('one game per pair (0/1 counts that are not probabilities) falls back to counts in auto', () => {
    const r = ok(parsePastedMatrix('0\t1\n1\t0', 'auto'));
    expect(r.kind).toBe('counts');
    expect(r.preferences).toEqual([
      [0.5, 0.5],
      [0.5, 0.5],
    ]);
    expect(err(parsePastedMatrix('0\t1\n1\t0', 'probabilities'))).toMatch(/must be 1/);
  });

  it('huge counts do not overflow', () => {
    expect(ok(parsePastedMatrix('0\t1e308\n1e308\t0', 'auto')).preferences[0][1]).toBe(0.5);
  });

  it('counts mode reads small numbers as counts too', () => {
    const r = ok(parsePastedMatrix('0\t0.3\n0.1\t0', 'counts'));
    expect(r.preferences[0][1]).toBeCloseTo(0.75, 15);
  });

  it('reads an empty count opposite a count as 0 wins; refuses percentages in counts mode', () => {
    const r = ok(parsePastedMatrix('0\t4\t\n3\t0\t2\n1\t5\t0', 'counts'));
    expect(r.preferences[0][2]).toBe(0); // y1 never beat y3, y3 beat y1 once
    expect(r.missing).toEqual([]);
    expect(r.notes.join(' ')).toMatch(/1 empty count cell was read as 0 wins/);
    expect(err(parsePastedMatrix('0\t40%\n60%\t0', 'counts'))).toMatch(/Percentages/);
  });
});

describe('refusals name the row and column', () => {
  it('inconsistent pair, with labels', () => {
    const text = '\trock\tpaper\tscissors\nrock\t0.5\t0.1\t0.9\npaper\t0.9\t0.5\t0.70\nscissors\t0.1\t0.45\t0.5';
    expect(err(parsePastedMatrix(text, 'auto'))).toBe(
      'Row 2, column 3 ("paper" vs "scissors") and row 3, column 2: 0.7 + 0.45 = 1.15, but P(a ≻ b) + P(b ≻ a) must be 1 (within ±0.01, the rounding of the digits shown).',
    );
  });

  it('inconsistent pair, without labels', () => {
    expect(err(parsePastedMatrix('0.5,0.6\n0.6,0.5', 'auto'))).toBe(
      'Row 1, column 2 and row 2, column 1: 0.6 + 0.6 = 1.2, but P(a ≻ b) + P(b ≻ a) must be 1 (within ±0.1, the rounding of the digits shown).',
    );
  });

  it('non-numeric cell', () => {
    expect(err(parsePastedMatrix('\ta\tb\na\t0.5\tabc\nb\t0.5\t0.5', 'auto'))).toBe(
      'Row 1, column 2 ("a" vs "b"): "abc" is not a number.',
    );
  });

  it('negative value', () => {
    expect(err(parsePastedMatrix('0.5,-0.2\n1.2,0.5', 'auto'))).toMatch(/^Row 1, column 2: -0.2 is negative/);
  });

  it('value > 1 in probability mode', () => {
    expect(err(parsePastedMatrix('0.5,1.5\n0,0.5', 'probabilities'))).toMatch(/^Row 1, column 2: 1.5 is more than 1/);
  });

  it('ragged rows', () => {
    expect(err(parsePastedMatrix('0.5,0.4,0.3\n0.6,0.5\n0.7,0.5,0.5', 'auto'))).toMatch(
      /^Row 2 has 2 values.*column 3 is missing/,
    );
    expect(err(parsePastedMatrix('0.5,0.4,0.3\n0.6,0.5,0.5,0.1\n0.7,0.5,0.5', 'auto'))).toMatch(
      /^Row 2 has 4 values.*column 4 is extra/,
    );
  });

  it('non-square', () => {
    expect(err(parsePastedMatrix('0.5,0.4,0.3,0.2\n0.6,0.5,0.5,0.1', 'auto'))).toMatch(/2 rows but 4 columns.*square/);
  });

  it('both cells of a pair empty (or NA): the pair is ½ and listed', () => {
    const r = ok(parsePastedMatrix('0.5,,0.3\n,0.5,0.5\n0.7,0.5,0.5', 'probabilities'));
    expect(r.preferences[0][1]).toBe(0.5);
    expect(r.missing).toEqual([[0, 1]]);
    const na = ok(parsePastedMatrix('-,NA,0.3\nNA,-,0.5\n0.7,0.5,-', 'auto'));
    expect(na.missing).toEqual([[0, 1]]);
    expect(na.preferences[0][2]).toBeCloseTo(0.3, 15);
  });

  it('too few, too many, header mismatch, empty', () => {
    expect(err(parsePastedMatrix('0.5', 'auto'))).toMatch(/at least 2/);
    expect(err(parsePastedMatrix('', 'auto'))).toMatch(/Nothing to read/);
    expect(err(parsePastedMatrix(' \r\n\t\n', 'auto'))).toMatch(/Nothing to read/);
    const big = Array.from({ length: 501 }, () => new Array(501).fill('0.5').join('\t')).join('\n');
    expect(err(parsePastedMatrix(big, 'auto'))).toMatch(/Found 501 rows.*at most 500/);
    expect(err(parsePastedMatrix('\ta\tb\tc\n0.5\t0.5\n0.5\t0.5', 'auto'))).toMatch(
      /header row has 3 names, but there are 2 rows/,
    );
  });

  it('accepts 500×500 win counts with names, missing pairs filled with ½', () => {
    const n = 500;
    const names = Array.from({ length: n }, (_, k) => `model-${k}`);
    // wins[i][j] = i + 1 when i > j, 1 when i < j, except pairs (k, k+1) for even k: never played.
    const unplayed = (i: number, j: number) => Math.min(i, j) % 2 === 0 && Math.abs(i - j) === 1;
    const rows = names.map((name, i) =>
      [name, ...names.map((_, j) => (i === j ? '' : unplayed(i, j) ? 'NA' : String(i > j ? i + 1 : 1)))].join('\t'),
    );
    const r = ok(parsePastedMatrix(['', ...names].join('\t') + '\n' + rows.join('\n'), 'auto'));
    expect(r.kind).toBe('counts');
    expect(r.labels).toEqual(names);
    expect(r.preferences[10][3]).toBeCloseTo(11 / 12, 14);
    expect(r.missing).toHaveLength(n / 2);
    expect(r.missing[0]).toEqual([0, 1]);
    expect(r.preferences[0][1]).toBe(0.5);
    expect(() => validatePreferences(r.preferences)).not.toThrow();
  });
});

function expectValid(r: PasteResult) {
  if (!r.ok) {
    expect(typeof r.error).toBe('string');
    expect(r.error.length).toBeGreaterThan(0);
    return;
  }
  const n = r.preferences.length;
  expect(n >= 2 && n <= 500).toBe(true);
  expect(() => validatePreferences(r.preferences)).not.toThrow();
  for (const row of r.preferences) for (const x of row) expect(Number.isNaN(x)).toBe(false);
  if (r.labels) {
    expect(r.labels).toHaveLength(n);
    for (const l of r.labels) expect(l.length > 0 && l.length <= 40).toBe(true);
  }
}

describe('properties', () => {
  it('arbitrary strings never throw and any ok result is a valid matrix', () => {
    const cell = fc.oneof(
      fc.string({ maxLength: 6 }),
      fc.double({ noNaN: false }).map(String),
      fc.double({ min: 0, max: 1 }).map(String),
      fc.nat(50).map(String),
      fc.constantFrom('', '0.5', '-', '1e400', '½', '"a,b"', '50%', '0,3', 'NaN', 'Infinity', '"'),
    );
    const grid = fc
      .tuple(
        fc.array(fc.array(cell, { maxLength: 14 }), { maxLength: 14 }),
        fc.constantFrom('\t', ',', ';', ' '),
        fc.constantFrom('\n', '\r\n', '\r'),
      )
      .map(([rows, sep, eol]) => rows.map((r) => r.join(sep)).join(eol));
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 80 }), grid),
        fc.constantFrom('auto', 'probabilities', 'counts'),
        (text, mode) => {
          expectValid(parsePastedMatrix(text, mode as 'auto'));
        },
      ),
      { numRuns: 2000, seed: 1 },
    );
  });

  it('a valid matrix written as TSV parses back to itself', () => {
    const matrix = fc.integer({ min: 2, max: 12 }).chain((n) => preferenceMatrix(n));
    fc.assert(
      fc.property(matrix, (P) => {
        const r = ok(parsePastedMatrix(P.map((row) => row.join('\t')).join('\n'), 'probabilities'));
        r.preferences.forEach((row, i) => row.forEach((x, j) => expect(x).toBeCloseTo(P[i][j], 12)));
        expectValid(r);
      }),
      { numRuns: 300, seed: 1 },
    );
  });
});
