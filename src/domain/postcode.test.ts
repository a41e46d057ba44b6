import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { areaForPostcode, normalisePostcode, type PostcodeRange } from './postcode.ts';

const letters = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRTUVWXYZ'.split(''));

describe('postcode → area', () => {
  const ranges: PostcodeRange[] = [
    { areaId: 'overvecht', from: 3561, to: 3564 },
    { areaId: 'zuilen', from: 3551, to: 3555 },
  ];

  it('normalises spacing and case, and rejects invalid postcodes', () => {
    expect(normalisePostcode('3562 ab')).toBe('3562AB');
    expect(normalisePostcode('0562AB')).toBeNull();
    expect(normalisePostcode('3562A')).toBeNull();
    expect(normalisePostcode('3562SS')).toBeNull();
  });

  it('assigns a postcode inside a range to that area, including the bounds', () => {
    expect(areaForPostcode('3561 AA', ranges)).toBe('overvecht');
    expect(areaForPostcode('3564ZZ', ranges)).toBe('overvecht');
    expect(areaForPostcode('3553BC', ranges)).toBe('zuilen');
    expect(areaForPostcode('3565AA', ranges)).toBeNull();
    expect(areaForPostcode('not a postcode', ranges)).toBeNull();
  });

  it('for disjoint ranges, a postcode maps to the one range containing its four digits, or to none', () => {
    const disjoint = fc
      .uniqueArray(fc.integer({ min: 1000, max: 9999 }), { minLength: 2, maxLength: 20 })
      .map((bounds) => {
        const sorted = [...bounds].sort((a, b) => a - b);
        const out: PostcodeRange[] = [];
        for (let i = 0; i + 1 < sorted.length; i += 2) out.push({ areaId: `a${i}`, from: sorted[i]!, to: sorted[i + 1]! });
        return out;
      });
    fc.assert(
      fc.property(disjoint, fc.integer({ min: 1000, max: 9999 }), letters, letters, (rs, pc4, l1, l2) => {
        const postcode = `${pc4}${l1}${l2}`;
        fc.pre(normalisePostcode(postcode) !== null);
        const containing = rs.filter((r) => pc4 >= r.from && pc4 <= r.to);
        expect(areaForPostcode(postcode, rs)).toBe(containing[0]?.areaId ?? null);
        // The letters never matter.
        expect(areaForPostcode(`${pc4}AB`, rs)).toBe(areaForPostcode(postcode, rs));
      }),
    );
  });
});
