import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bsnCheckDigit, isValidBsn, maskBsn, normaliseBsn } from './bsn.ts';

const eightDigits = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 8, maxLength: 8 }).map((d) => d.join(''));

describe('BSN 11-check', () => {
  it('accepts known valid test numbers and rejects known invalid ones', () => {
    expect(isValidBsn('111222333')).toBe(true);
    expect(isValidBsn('123456782')).toBe(true);
    expect(isValidBsn('999993653')).toBe(true);
    expect(isValidBsn('123456789')).toBe(false);
    expect(isValidBsn('000000000')).toBe(false);
    expect(isValidBsn('12345678')).toBe(false);
    expect(isValidBsn('1234567820')).toBe(false);
    expect(isValidBsn('12345678a')).toBe(false);
  });

  it('a number completed with its check digit is valid', () => {
    fc.assert(
      fc.property(eightDigits, (first) => {
        const d = bsnCheckDigit(first);
        fc.pre(d !== null && first !== '00000000');
        expect(isValidBsn(first + String(d))).toBe(true);
      }),
    );
  });

  it('changing any single digit of a valid BSN makes it invalid', () => {
    fc.assert(
      fc.property(eightDigits, fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 9 }), (first, pos, delta) => {
        const d = bsnCheckDigit(first);
        fc.pre(d !== null);
        const valid = first + String(d);
        const digits = valid.split('').map(Number);
        digits[pos] = (digits[pos]! + delta) % 10;
        const changed = digits.join('');
        fc.pre(changed !== '000000000');
        expect(isValidBsn(changed)).toBe(false);
      }),
    );
  });

  it('exactly one check digit (or none) completes eight digits', () => {
    fc.assert(
      fc.property(eightDigits, (first) => {
        fc.pre(first !== '00000000');
        const valid = [...Array(10).keys()].filter((d) => isValidBsn(first + String(d)));
        const d = bsnCheckDigit(first);
        expect(valid).toEqual(d === null ? [] : [d]);
      }),
    );
  });

  it('normalises typed separators and masks all but the last three digits', () => {
    expect(normaliseBsn('1234.56.782')).toBe('123456782');
    expect(normaliseBsn(' 123 456 782 ')).toBe('123456782');
    expect(maskBsn('123456782')).toBe('******782');
  });
});
