import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeSmallCells, OTHER_LEVEL } from './small-cells.ts';

describe('mergeSmallCells', () => {
  it('merges levels under k into overig and keeps the rest', () => {
    const values = [...Array(12).fill('laag'), ...Array(11).fill('midden'), ...Array(3).fill('hoog'), ...Array(8).fill('onbekend')];
    const m = mergeSmallCells(values, 10);
    expect(Object.fromEntries(m)).toEqual({ laag: 'laag', midden: 'midden', hoog: OTHER_LEVEL, onbekend: OTHER_LEVEL });
  });

  it('suppresses the merged level when it stays under k, and keeps the rest', () => {
    const values = [...Array(4).fill('a'), ...Array(3).fill('b'), ...Array(30).fill('c')];
    const m = mergeSmallCells(values, 10);
    expect(Object.fromEntries(m)).toEqual({ a: null, b: null, c: 'c' });
  });

  it('property: every level that remains occurs at least k times; big levels are kept', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'overig'), { maxLength: 200 }), fc.integer({ min: 1, max: 15 }), (values, k) => {
        const m = mergeSmallCells(values, k);
        const out = values.map((v) => m.get(v));
        const counts = new Map<string, number>();
        for (const v of out) if (v !== null) counts.set(v!, (counts.get(v!) ?? 0) + 1);
        for (const n of counts.values()) expect(n).toBeGreaterThanOrEqual(k);
        // A level that was not merged keeps its name; a level with at least k values is never suppressed or merged.
        for (const [level, to] of m) if (to !== OTHER_LEVEL && to !== null) expect(to).toBe(level);
        for (const v of values) if (v !== OTHER_LEVEL && values.filter((x) => x === v).length >= k) expect(m.get(v)).toBe(v);
        expect(out.length).toBe(values.length);
      }),
    );
  });
});
