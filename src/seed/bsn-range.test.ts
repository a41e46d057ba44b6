import { describe, expect, it } from 'vitest';
import { isValidBsn } from '../domain/bsn.ts';
import { BsnAllocator, BSN_SPACE, bsnForIndex, indexForBsn } from './bsn-range.ts';
import { apportion, Rng } from './random.ts';
import { seedUuid } from './ids.ts';

describe('fictitious BSN range', () => {
  it('maps indices to valid, distinct 99xxxxxxx numbers outside 9999xxxxx and back', () => {
    const seen = new Set<string>();
    for (let k = 0; k < 50_000; k += 1) {
      const bsn = bsnForIndex(k);
      if (bsn === null) continue;
      expect(isValidBsn(bsn)).toBe(true);
      expect(bsn.startsWith('99') && !bsn.startsWith('9999')).toBe(true);
      expect(indexForBsn(bsn)).toBe(k);
      seen.add(bsn);
    }
    expect(seen.size).toBeGreaterThan(45_000);
    expect(indexForBsn(bsnForIndex(BSN_SPACE - 1) ?? '999999999') ?? BSN_SPACE - 1).toBe(BSN_SPACE - 1);
  });

  it('skips indices whose check digit would be 10', () => {
    const a = new BsnAllocator(0);
    const got = Array.from({ length: 100 }, () => a.next());
    expect(got.every((g) => bsnForIndex(g.index) === g.bsn)).toBe(true);
    expect(a.cursor).toBeGreaterThan(100);
  });
});

describe('seed randomness', () => {
  it('is reproducible', () => {
    const a = new Rng('x');
    const b = new Rng('x');
    expect(Array.from({ length: 5 }, () => a.int(0, 1000))).toEqual(
      Array.from({ length: 5 }, () => b.int(0, 1000)),
    );
    expect(seedUuid('resident', '0344', 1)).toBe(seedUuid('resident', '0344', 1));
    expect(seedUuid('resident', '0344', 1)).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('apportions exactly', () => {
    expect(apportion(9_320, [0.1, 0.34, 0.56])).toEqual([932, 3169, 5219]);
    expect(apportion(7, [1, 1, 1]).reduce((s, x) => s + x, 0)).toBe(7);
  });
});
