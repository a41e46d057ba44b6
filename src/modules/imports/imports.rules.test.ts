import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAPPINGS } from './imports.mappings.ts';
import { DuplicateGuard, checkLine, exportBsn, headerIndex, type LineRules } from './imports.rules.ts';
import { sampleBsns, sampleHeader, sampleLine } from './imports.sample.ts';

const AREA = '00000000-0000-4000-8000-000000000001';
const rulesFor = (name: 'suite4sd' | 'gws4all' | 'socrates'): LineRules => {
  const mapping = MAPPINGS[name]!;
  return { mapping, index: headerIndex(mapping, sampleHeader(name)).index, ranges: [{ areaId: AREA, from: 3500, to: 3599 }], today: '2026-12-04', areaWord: 'wijk' };
};
const bsns = sampleBsns(500, 40_000_000);
const mappingArb = fc.constantFrom('suite4sd' as const, 'gws4all' as const, 'socrates' as const);

describe('import line rules', () => {
  it('every generated line of every mapping is a valid row with its area', () => {
    fc.assert(
      fc.property(mappingArb, fc.integer({ min: 0, max: 499 }), (name, i) => {
        const { row, problems } = checkLine(rulesFor(name), i + 2, sampleLine(i, bsns[i]!, { pc4: [3561], mapping: name }));
        expect(problems).toEqual([]);
        expect(row).toMatchObject({ bsn: bsns[i], areaId: AREA });
      }),
    );
  });

  it('one changed digit of a BSN always fails the 11-check, and the report never repeats the value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 499 }), fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 9 }), (i, pos, delta) => {
        const bsn = bsns[i]!;
        const digit = (Number(bsn[pos]) + delta) % 10;
        const wrong = `${bsn.slice(0, pos)}${digit}${bsn.slice(pos + 1)}`;
        const cells = sampleLine(i, bsn, { pc4: [3561] });
        cells[0] = wrong;
        const { row, problems } = checkLine(rulesFor('suite4sd'), 2, cells);
        expect(row).toBeNull();
        expect(problems.map((p) => p.code)).toContain('elfproef');
        expect(JSON.stringify(problems)).not.toContain(wrong);
      }),
    );
  });

  it('a day that does not exist is reported with the column as the export names it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2025 }), fc.constantFrom([2, 30], [2, 31], [4, 31], [6, 31], [9, 31], [11, 31]), (year, [month, day]) => {
        const cells = sampleLine(3, bsns[3]!, { pc4: [3561] });
        cells[14] = `${day}-${String(month).padStart(2, '0')}-${year}`;
        const { problems } = checkLine(rulesFor('suite4sd'), 5, cells);
        expect(problems).toEqual([expect.objectContaining({ line: 5, column: 'Ingangsdatum uitkering', code: 'notExist' })]);
      }),
    );
  });

  it('a spreadsheet BSN without its leading zero is read with it', () => {
    expect(exportBsn('12345672')).toBe('012345672');
    expect(exportBsn('1234.56.782')).toBe('123456782');
  });

  it('duplicates: the first line wins, later ones name it', () => {
    const guard = new DuplicateGuard();
    expect(guard.check(bsns[0]!, 2)).toBeNull();
    expect(guard.check(bsns[1]!, 3)).toBeNull();
    expect(guard.check(bsns[0]!, 9)).toMatchObject({ line: 9, code: 'duplicate', message: expect.stringContaining('regel 2') });
  });

  it('the duplicate check agrees with a Set over many BSNs (growing past its first size)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: 1, maxLength: 400 }), (picks) => {
        const many = sampleBsns(3001, 50_000_000);
        const guard = new DuplicateGuard();
        const seen = new Map<string, number>();
        picks.forEach((p, i) => {
          const got = guard.check(many[p]!, i + 2);
          const first = seen.get(many[p]!);
          if (first === undefined) seen.set(many[p]!, i + 2);
          expect(got === null ? null : got.message).toEqual(first === undefined ? null : expect.stringContaining(`regel ${first}:`));
        });
      }),
      { numRuns: 30 },
    );
    const big = new DuplicateGuard();
    const all = sampleBsns(100_000, 60_000_000);
    all.forEach((b, i) => expect(big.check(b, i + 2)).toBeNull());
    expect(big.check(all[99_999]!, 5)?.message).toContain('regel 100001');
  });

  it('a missing required column is named; a missing optional one is not', () => {
    const header = sampleHeader('gws4all').filter((h) => h !== 'postcode' && h !== 'email');
    const { problems } = headerIndex(MAPPINGS.gws4all!, header);
    expect(problems.map((p) => p.column)).toEqual(['postcode']);
  });
});
