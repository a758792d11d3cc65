/**
 * Real preference data (issue 15): counts kept, rounded win-rate matrices accepted, battle logs
 * with extra columns mapped by header or ignored, JSON and JSON lines, and errors that name the
 * line, the column and the real problem.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePastedMatrix, type PasteResult, type PasteSuccess } from './pasteParser.ts';

function ok(r: PasteResult): PasteSuccess {
  if (!r.ok) throw new Error(`expected success, got: ${r.error}`);
  return r;
}
function err(r: PasteResult): string {
  if (r.ok) throw new Error('expected an error');
  return r.error;
}

const LOG = readFileSync(new URL('../core/__tests__/data/battles.csv', import.meta.url), 'utf8');

describe('rounded win-rate matrices', () => {
  // Win rates of a 4-response matrix rounded to two decimals, as a spreadsheet shows them:
  // 0.38 + 0.63 = 1.01, 0.26 + 0.75 = 1.01 and 0.55 + 0.44 = 0.99 are off by the rounding.
  const rounded = [
    '\ta\tb\tc\td',
    'a\t\t0.38\t0.26\t0.5',
    'b\t0.63\t\t0.55\t0.7',
    'c\t0.75\t0.44\t\t0.12',
    'd\t0.5\t0.3\t0.88\t',
  ].join('\n');

  it('are accepted, made consistent by (P_ij + 1 − P_ji)/2, with the number of cells adjusted', () => {
    const r = ok(parsePastedMatrix(rounded, 'auto'));
    expect(r.preferences[0][1]).toBeCloseTo((0.38 + 1 - 0.63) / 2, 12);
    expect(r.preferences[1][0]).toBeCloseTo(1 - (0.38 + 1 - 0.63) / 2, 12);
    expect(r.preferences[1][2]).toBeCloseTo((0.55 + 1 - 0.44) / 2, 12);
    expect(r.preferences[0][3]).toBe(0.5);
    expect(r.notes.join(' ')).toMatch(/6 cells \(3 mirrored pairs\) did not sum to 1 exactly/);
    expect(r.counts).toBeNull();
  });

  it('a mirrored pair off by 0.03 is still refused, naming both cells', () => {
    const off = rounded.replace('b\t0.63', 'b\t0.65');
    expect(err(parsePastedMatrix(off, 'auto'))).toBe(
      'Row 1, column 2 ("a" vs "b") and row 2, column 1: 0.38 + 0.65 = 1.03, but P(a ≻ b) + P(b ≻ a) must be 1 (within ±0.01, the rounding of the digits shown).',
    );
  });
});

describe('counts are kept', () => {
  it('a win-count matrix keeps its counts; probabilities have none', () => {
    const r = ok(parsePastedMatrix(',A,B,C\nA,,5,0\nB,3,,7\nC,1,2,', 'auto'));
    expect(r.counts).toEqual([
      [0, 5, 0],
      [3, 0, 7],
      [1, 2, 0],
    ]);
    expect(ok(parsePastedMatrix('0.5,0.25\n0.75,0.5', 'auto')).counts).toBeNull();
  });

  it('pairs with two counts keep them, and a battle log counts ties ½ to each side', () => {
    expect(ok(parsePastedMatrix('a,b,3,1\nb,a,1,3\nb,c,2,2', 'auto')).counts).toEqual([
      [0, 6, 0],
      [2, 0, 2],
      [0, 2, 0],
    ]);
    const r = ok(parsePastedMatrix('x,y,model_a\nx,y,tie\ny,x,x', 'auto'));
    expect(r.counts).toEqual([
      [0, 2.5],
      [0.5, 0],
    ]);
  });
});

describe('battle logs with extra columns', () => {
  it('the checked-in log (model_a, model_b, winner, judge) is mapped by header; counts match a hand count', () => {
    const r = ok(parsePastedMatrix(LOG, 'auto'));
    expect(r.format).toBe('battles');
    expect(r.notes.join(' ')).toMatch(/Columns read by their headers: "model_a", "model_b", "winner"\./);
    expect(r.notes.join(' ')).toMatch(/Column "judge" was ignored\./);
    const lines = LOG.trim().split('\n').slice(1);
    const ix = (name: string) => r.labels!.indexOf(name);
    const c = r.labels!.map(() => new Array<number>(r.labels!.length).fill(0));
    for (const l of lines) {
      const [a, b, w] = l.split(',');
      const [i, j] = [ix(a), ix(b)];
      if (w === 'model_a') c[i][j]++;
      else if (w === 'model_b') c[j][i]++;
      else {
        c[i][j] += 0.5;
        c[j][i] += 0.5;
      }
    }
    expect(r.counts).toEqual(c);
  });

  it.each([
    ['judge,model_a,model_b,winner\nj1,x,y,model_a\nj2,y,x,model_b', [0, 2]],
    ['left,right,winner,tstamp\nx,y,left,1\ny,x,right,2', [0, 2]],
    ['model_x;model_y;winner\nx;y;model_x\nx;y;tie (bothbad)', [0, 1.5]],
    ['Model A\tModel B\tWinner\tPrompt\nx\ty\tboth_bad\thi\nx\ty\ty\tho', [0, 0.5]],
  ])('header variant %#', (text, [diag, xy]) => {
    const r = ok(parsePastedMatrix(text, 'auto'));
    expect(r.format).toBe('battles');
    expect(r.labels).toEqual(['x', 'y']);
    expect(r.counts![0][0]).toBe(diag);
    expect(r.counts![0][1]).toBe(xy);
  });

  it('without a header, extra columns are ignored with a note', () => {
    const r = ok(parsePastedMatrix('x,y,model_a,judge-7\ny,x,tie,judge-2\nx,y,y,judge-7', 'auto'));
    expect(r.counts).toEqual([
      [0, 1.5],
      [1.5, 0],
    ]);
    expect(r.notes.join(' ')).toMatch(/Column 4 was ignored\./);
  });

  it('an error names the line, the column (with its header) and the problem', () => {
    expect(err(parsePastedMatrix('model_a,model_b,winner,judge\nx,y,model_a,j\nx,y,maybe,j', 'auto'))).toBe(
      'Line 3, column 3 ("winner"): "maybe" is not a winner; write model_a, model_b (or a, b, left, right), tie, or one of the two names.',
    );
    expect(err(parsePastedMatrix('judge,model_a,model_b,winner\nj,x,,tie', 'auto'))).toMatch(
      /^Line 2, column 3 \("model_b"\): the name is missing/,
    );
  });
});

describe('JSON battle logs', () => {
  it('a JSON array of battle objects', () => {
    const text = JSON.stringify([
      { model_a: 'x', model_b: 'y', winner: 'model_a', judge: 'j1' },
      { model_a: 'y', model_b: 'z', winner: 'tie', judge: 'j1' },
      { model_a: 'z', model_b: 'x', winner: 'model_a', judge: 'j2' },
    ]);
    const r = ok(parsePastedMatrix(text, 'auto'));
    expect(r.labels).toEqual(['x', 'y', 'z']);
    expect(r.counts).toEqual([
      [0, 1, 0],
      [0, 0, 0.5],
      [1, 0.5, 0],
    ]);
  });

  it('JSON lines, and errors naming the line and the field', () => {
    const text = '{"model_a":"x","model_b":"y","winner":"model_b"}\n\n{"model_a":"y","model_b":"x","winner":"model_b"}';
    // y beat x in the first battle, x beat y in the second.
    expect(ok(parsePastedMatrix(text, 'auto')).counts).toEqual([
      [0, 1],
      [1, 0],
    ]);
    expect(err(parsePastedMatrix(text.replace(/model_b"}$/, 'nobody"}'), 'auto'))).toBe(
      'Line 3, field "winner" ("winner"): "nobody" is not a winner; write model_a, model_b (or a, b, left, right), tie, or one of the two names.',
    );
    expect(err(parsePastedMatrix('{"model_a":"x"}\n{oops', 'auto'))).toMatch(/^Line 2: not a JSON object/);
  });
});
