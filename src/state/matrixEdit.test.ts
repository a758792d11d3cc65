import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validatePreferences } from '../core/validate.ts';
import {
  cellName,
  cellRangeMessage,
  dragValue,
  formatCell,
  judgeCellText,
  mirrorUpdate,
  normalizeLabel,
  parseCellText,
  renameLabel,
  roundProbability,
  stepValue,
} from './matrixEdit.ts';

const RPS = [
  [0.5, 0.1, 0.9],
  [0.9, 0.5, 0.1],
  [0.1, 0.9, 0.5],
];

describe('mirrorUpdate', () => {
  it('sets the cell and its mirror, leaves the rest and the input alone', () => {
    const next = mirrorUpdate(RPS, 1, 2, 0.7);
    expect(next[1][2]).toBe(0.7);
    expect(next[2][1]).toBe(0.3);
    expect(next[0]).toEqual(RPS[0]);
    expect(RPS[1][2]).toBe(0.1);
    expect(next).not.toBe(RPS);
  });

  it('clamps and rounds to 3 decimals', () => {
    expect(mirrorUpdate(RPS, 0, 1, 1.7)[0][1]).toBe(1);
    expect(mirrorUpdate(RPS, 0, 1, 1.7)[1][0]).toBe(0);
    expect(mirrorUpdate(RPS, 0, 1, -3)[0][1]).toBe(0);
    expect(mirrorUpdate(RPS, 0, 1, 0.12345)[0][1]).toBe(0.123);
    expect(mirrorUpdate(RPS, 0, 1, 0.12345)[1][0]).toBe(0.877);
    expect(mirrorUpdate(RPS, 0, 1, Number.NaN)[0][1]).toBe(0.5);
  });

  it('ignores the diagonal and indices out of range', () => {
    expect(mirrorUpdate(RPS, 1, 1, 0.9)).toEqual(RPS);
    expect(mirrorUpdate(RPS, 0, 3, 0.9)).toEqual(RPS);
    expect(mirrorUpdate(RPS, -1, 0, 0.9)).toEqual(RPS);
  });

  it('always yields a valid preference matrix', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 }), fc.double(), (i, j, v) => {
        expect(() => validatePreferences(mirrorUpdate(RPS, i, j, v))).not.toThrow();
      }),
      { numRuns: 500, seed: 1 },
    );
  });
});

describe('roundProbability', () => {
  it('clamps, rounds, and never returns NaN or −0', () => {
    expect(roundProbability(0.4567)).toBe(0.457);
    expect(roundProbability(-0.0001)).toBe(0);
    expect(Object.is(roundProbability(-0.0001), -0)).toBe(false);
    expect(roundProbability(Infinity)).toBe(1);
    expect(roundProbability(Number.NaN)).toBe(0.5);
  });
});

describe('parseCellText', () => {
  it('reads numbers, decimal commas and percentages', () => {
    expect(parseCellText('0.7')).toEqual({ ok: true, value: 0.7 });
    expect(parseCellText(' .25 ')).toEqual({ ok: true, value: 0.25 });
    expect(parseCellText('0,4')).toEqual({ ok: true, value: 0.4 });
    expect(parseCellText('70%')).toEqual({ ok: true, value: 0.7 });
    expect(parseCellText('1')).toEqual({ ok: true, value: 1 });
    expect(parseCellText('0')).toEqual({ ok: true, value: 0 });
    expect(parseCellText('0.12345')).toEqual({ ok: true, value: 0.123 });
    expect(parseCellText('5e-1')).toEqual({ ok: true, value: 0.5 });
  });

  it('refuses empty, non-numbers and values outside [0, 1]', () => {
    expect(parseCellText('')).toEqual({ ok: false, reason: 'empty' });
    expect(parseCellText('   ')).toEqual({ ok: false, reason: 'empty' });
    expect(parseCellText('abc')).toEqual({ ok: false, reason: 'not-a-number' });
    expect(parseCellText('0.5.5')).toEqual({ ok: false, reason: 'not-a-number' });
    expect(parseCellText('1e999')).toEqual({ ok: false, reason: 'not-a-number' });
    expect(parseCellText('1.5')).toEqual({ ok: false, reason: 'out-of-range' });
    expect(parseCellText('-0.2')).toEqual({ ok: false, reason: 'out-of-range' });
    expect(parseCellText('\u22120.2')).toEqual({ ok: false, reason: 'out-of-range' });
  });

  it('never throws and any ok value is in [0, 1] with at most 3 decimals', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.double().map(String)), (text) => {
        const r = parseCellText(text);
        if (r.ok) {
          expect(r.value >= 0 && r.value <= 1).toBe(true);
          expect(Math.round(r.value * 1000) / 1000).toBe(r.value);
        }
      }),
      { numRuns: 1000, seed: 1 },
    );
  });
});

describe('stepping and dragging', () => {
  it('steps by 0.01, or 0.1 with Shift, clamped and without float drift', () => {
    expect(stepValue(0.5, +1)).toBe(0.51);
    expect(stepValue(0.5, -1)).toBe(0.49);
    expect(stepValue(0.5, +1, true)).toBe(0.6);
    expect(stepValue(0.995, +1)).toBe(1);
    expect(stepValue(0.05, -1, true)).toBe(0);
    let v = 0;
    for (let k = 0; k < 30; k++) v = stepValue(v, +1);
    expect(v).toBe(0.3);
  });

  it('drag has a 4 px dead zone, then 0.005 per px, up = more', () => {
    expect(dragValue(0.5, 0)).toBeNull();
    expect(dragValue(0.5, 3.9)).toBeNull();
    expect(dragValue(0.5, -3)).toBeNull();
    expect(dragValue(0.5, -4)).toBe(0.5);
    expect(dragValue(0.5, -24)).toBe(0.6);
    expect(dragValue(0.5, 24)).toBe(0.4);
    expect(dragValue(0.5, -1000)).toBe(1);
    expect(dragValue(0.5, 1000)).toBe(0);
    expect(dragValue(0.5, Number.NaN)).toBeNull();
  });
});

describe('formatting and names', () => {
  it('shows 2–3 decimals, 2 when n > 8', () => {
    expect(formatCell(0.9, 3)).toBe('0.90');
    expect(formatCell(0.905, 3)).toBe('0.905');
    expect(formatCell(1, 3)).toBe('1.00');
    expect(formatCell(0.905, 9)).toBe('0.91');
    expect(formatCell(0.1, 12)).toBe('0.10');
  });

  it('names cells and messages with labels', () => {
    expect(cellName(['rock', 'paper'], 0, 1)).toBe('P(rock ≻ paper)');
    expect(cellName([], 0, 1)).toBe('P(y1 ≻ y2)');
    expect(cellRangeMessage(['rock', 'paper'], 0, 1)).toBe('P(rock ≻ paper) must be between 0 and 1');
  });

  it('labels are trimmed, at most 40 characters, never empty', () => {
    expect(normalizeLabel('  rock ')).toBe('rock');
    expect(normalizeLabel('')).toBeNull();
    expect(normalizeLabel('   ')).toBeNull();
    expect(normalizeLabel('x'.repeat(50))).toHaveLength(40);
    expect(renameLabel(['a', 'b'], 1, ' c ')).toEqual(['a', 'c']);
    expect(renameLabel(['a', 'b'], 1, '')).toBeNull();
    expect(renameLabel(['a', 'b'], 2, 'c')).toBeNull();
  });
});

describe('judgeCellText: typing in a cell', () => {
  const labels = ['rock', 'paper', 'scissors'];
  const judge = (text: string, final: boolean) => judgeCellText(text, final, labels, 0, 1, 0.1, 3);

  it('never applies a prefix: "1.7" is refused as a whole, with the cell named, and the value stays', () => {
    // Typed one character at a time: "1" is complete but waits for the pause (the caller applies
    // 'apply' only after TYPING_PAUSE_MS or on commit); "1." waits; "1.7" is refused.
    expect(judge('1.', false)).toEqual({ kind: 'wait' });
    expect(judge('1.7', false)).toEqual({
      kind: 'refuse',
      message: 'P(rock ≻ paper): 1.7 is not a probability in [0, 1]. It stays 0.10.',
    });
    expect(judge('1.7', true)).toEqual({
      kind: 'refuse',
      message: 'P(rock ≻ paper): 1.7 is not a probability in [0, 1]. It stays 0.10.',
    });
  });

  it('reads a decimal comma, a percent and rounds to 3 decimals', () => {
    expect(judge('0,', false)).toEqual({ kind: 'wait' });
    expect(judge('0,4', false)).toEqual({ kind: 'apply', value: 0.4 });
    expect(judge('0,4', true)).toEqual({ kind: 'apply', value: 0.4 });
    expect(judge('70%', true)).toEqual({ kind: 'apply', value: 0.7 });
    expect(judge('0.12345', true)).toEqual({ kind: 'apply', value: 0.123 });
    expect(judge('1.0004', true)).toEqual({ kind: 'apply', value: 1 });
    expect(judge('-0,1', true)).toMatchObject({
      kind: 'refuse',
      message: expect.stringContaining('-0,1 is not a probability'),
    });
  });

  it('names the cell for text that is not a number; empty text on commit shows the value again', () => {
    expect(judge('abc', false)).toEqual({
      kind: 'refuse',
      message: 'P(rock ≻ paper): "abc" is not a number. It stays 0.10.',
    });
    expect(judge('1,000.5', true)).toMatchObject({ kind: 'refuse', message: expect.stringContaining('ambiguous') });
    expect(judge(' ', true)).toEqual({ kind: 'revert' });
  });
});
