import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isUnfinishedNumber, judgeTyped, parseTypedNumber, type FieldRule } from './numberInput.ts';

const ok = (value: number) => ({ ok: true, value });
const bad = (problem: string) => ({ ok: false, problem });

describe('parseTypedNumber', () => {
  it('reads points, decimal commas, exponents and spaces', () => {
    expect(parseTypedNumber('0.4')).toEqual(ok(0.4));
    expect(parseTypedNumber('0,4')).toEqual(ok(0.4));
    expect(parseTypedNumber('1e-3')).toEqual(ok(0.001));
    expect(parseTypedNumber('1,5e-3')).toEqual(ok(0.0015));
    expect(parseTypedNumber(' 0.5 ')).toEqual(ok(0.5));
    expect(parseTypedNumber('\u00a00,5\t')).toEqual(ok(0.5));
    expect(parseTypedNumber('1.')).toEqual(ok(1));
    expect(parseTypedNumber('.5')).toEqual(ok(0.5));
    expect(parseTypedNumber(',5')).toEqual(ok(0.5));
    expect(parseTypedNumber('+2')).toEqual(ok(2));
    expect(parseTypedNumber('300', { integer: true })).toEqual(ok(300));
  });

  it('reads negatives only where they are allowed, with any minus sign', () => {
    expect(parseTypedNumber('-0,1', { allowNegative: true })).toEqual(ok(-0.1));
    expect(parseTypedNumber('\u22120.1', { allowNegative: true })).toEqual(ok(-0.1));
    expect(parseTypedNumber('-0,1')).toEqual(bad('negative'));
    expect(parseTypedNumber('-0')).toEqual(ok(0));
    expect(Object.is((parseTypedNumber('-0') as { value: number }).value, -0)).toBe(false);
  });

  it('refuses thousands separators mixed with a decimal separator as ambiguous', () => {
    expect(parseTypedNumber('1,000.5')).toEqual(bad('ambiguous'));
    expect(parseTypedNumber('1.000,5')).toEqual(bad('ambiguous'));
    expect(parseTypedNumber('1,000,000')).toEqual(bad('ambiguous'));
    // A whole-number field has no decimal comma to mean: "1,000" could be 1 or 1000.
    expect(parseTypedNumber('1,000', { integer: true })).toEqual(bad('ambiguous'));
  });

  it('refuses what is not a number', () => {
    expect(parseTypedNumber('')).toEqual(bad('empty'));
    expect(parseTypedNumber('   ')).toEqual(bad('empty'));
    expect(parseTypedNumber('abc')).toEqual(bad('not-a-number'));
    expect(parseTypedNumber('0.5.5')).toEqual(bad('not-a-number'));
    expect(parseTypedNumber('1e999')).toEqual(bad('not-a-number'));
    expect(parseTypedNumber('0x10')).toEqual(bad('not-a-number'));
    expect(parseTypedNumber('1, 2')).toEqual(bad('not-a-number'));
    expect(parseTypedNumber('2.5', { integer: true })).toEqual(bad('not-whole'));
  });

  it('never throws and never returns a non-finite value', () => {
    fc.assert(
      fc.property(fc.string(), fc.boolean(), fc.boolean(), (text, allowNegative, integer) => {
        const r = parseTypedNumber(text, { allowNegative, integer });
        if (r.ok) {
          expect(Number.isFinite(r.value)).toBe(true);
          if (!allowNegative) expect(r.value >= 0).toBe(true);
          if (integer) expect(Number.isInteger(r.value)).toBe(true);
        }
      }),
      { numRuns: 2000, seed: 3 },
    );
  });
});

describe('isUnfinishedNumber', () => {
  it('is true for what typing passes through on the way to a number', () => {
    for (const t of ['', '-', '0,', '1.', '.', '1e', '1e-', '0,5e']) expect(isUnfinishedNumber(t), t).toBe(true);
    for (const t of ['1', '0,4', '1.7', 'abc', '1e-3']) expect(isUnfinishedNumber(t), t).toBe(false);
  });
});

describe('judgeTyped', () => {
  const n: FieldRule = { name: 'n', min: 2, max: 500, integer: true, kept: '300' };
  it('applies a complete number in range, waits for an unfinished one while typing', () => {
    expect(judgeTyped('300', false, n)).toEqual({ kind: 'apply', value: 300 });
    expect(judgeTyped('', false, n)).toEqual({ kind: 'wait' });
    expect(judgeTyped('', true, n)).toEqual({ kind: 'revert' });
  });

  it('refuses with a message naming the field and its limits, and says the value stays', () => {
    const r = judgeTyped('1000', true, n);
    expect(r).toEqual({
      kind: 'refuse',
      message: 'n: 1000 is out of range; n must be between 2 and 500. It stays 300.',
    });
    expect(judgeTyped('3.5', true, n)).toMatchObject({
      kind: 'refuse',
      message: expect.stringMatching(/^n: "3\.5" is not a whole number/),
    });
    expect(judgeTyped('1.', true, { ...n, min: 0, integer: false })).toEqual({ kind: 'apply', value: 1 });
    expect(judgeTyped('1.', false, { ...n, min: 0, integer: false })).toEqual({ kind: 'wait' });
  });

  it('accepts 0 only where allowed, and runs the extra check', () => {
    const tau: FieldRule = {
      name: 'τ',
      min: 0.001,
      max: 10,
      allowZero: true,
      kept: '0.05',
      check: (v) => (v === 5 ? 'not five' : null),
    };
    expect(judgeTyped('0', true, tau)).toEqual({ kind: 'apply', value: 0 });
    expect(judgeTyped('0,0005', true, tau)).toMatchObject({
      kind: 'refuse',
      message: expect.stringContaining('τ must be 0 or between 0.001 and 10'),
    });
    expect(judgeTyped('5', true, tau)).toEqual({ kind: 'refuse', message: 'τ: not five. It stays 0.05.' });
  });
});
