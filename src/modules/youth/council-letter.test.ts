import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { councilTables, councilText, type CouncilFigure } from './council-letter.ts';

// The council letter's tables (PA-032): whatever the counts, no shown cell is under 10 and no hidden cell follows
// from a shown total by subtraction (one hidden cell alone in a row or column whose total is shown).

const MEASURES: Array<[string, string[]]> = [
  ['youngPeople', ['']],
  ['searchPeriods', ['']],
  ['exemptions', ['vulnerableSituation', 'ongoingCare', 'statusHolder', 'specialEducationLeaver', 'medicallyLimited', 'other']],
  ['outflow', ['work', 'education']],
  ['provisions', ['laptop', 'books', 'schoolFees', 'travel', 'workClothing', 'other']],
];
const figures = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: MEASURES.length - 1 }), fc.nat(5), fc.integer({ min: 1, max: 60 })), { maxLength: 60 })
  .map((xs) => {
    const seen = new Map<string, CouncilFigure>();
    for (const [a, m, c, n] of xs) {
      const [measure, cats] = MEASURES[m]!;
      const category = cats[c % cats.length]!;
      seen.set(`${a}|${measure}|${category}`, { areaId: `area-${a}`, areaName: `Wijk ${a}`, measure, category, n });
    }
    return [...seen.values()];
  });

describe('council letter tables', () => {
  it('shows no count under 10 and leaves no hidden cell to subtraction', () => {
    fc.assert(
      fc.property(figures, (f) => {
        for (const t of councilTables(f)) {
          const grid = [...t.rows.map((r) => [...r.cells, r.total]), [...t.totals, t.grandTotal]];
          for (const row of grid) for (const v of row) if (v !== null) expect(v).toBeGreaterThanOrEqual(10);
          // A line (row or column, with its total) never has exactly one hidden number.
          const lines = [...grid, ...grid[0]!.map((_, c) => grid.map((row) => row[c]!))].filter((l) => l.length >= 2);
          for (const line of lines) expect(line.filter((v) => v === null).length).not.toBe(1);
        }
      }),
    );
  });

  it('shown numbers are the true counts; the text uses the shown totals only', () => {
    const f: CouncilFigure[] = [
      { areaId: 'a', areaName: 'Overvecht', measure: 'searchPeriods', category: '', n: 30 },
      { areaId: 'b', areaName: 'Zuilen', measure: 'searchPeriods', category: '', n: 12 },
      { areaId: 'a', areaName: 'Overvecht', measure: 'youngPeople', category: '', n: 28 },
      { areaId: 'b', areaName: 'Zuilen', measure: 'youngPeople', category: '', n: 4 },
    ];
    const tables = councilTables(f);
    const periods = tables.find((t) => t.id === 'searchPeriods')!;
    expect(periods.rows.map((r) => [r.label, r.cells[0]])).toEqual([['Overvecht', 30], ['Zuilen', 12]]);
    expect(periods.grandTotal).toBe(42);
    // Zuilen's 4 is hidden, and then Overvecht's 28 too (else 32 − 28 gives the 4).
    const young = tables.find((t) => t.id === 'youngPeople')!;
    expect(young.rows.map((r) => r.cells[0])).toEqual([null, null]);
    expect(young.grandTotal).toBe(32);
    const text = councilText(2026, 'Utrecht', tables);
    expect(text).toContain('meldden zich 32 jongeren');
    expect(text).toContain('liepen 42 zoektermijnen');
    expect(text).not.toContain('Zuilen');
    expect(text).not.toMatch(/\b(4|28) jongeren/);
  });
});
