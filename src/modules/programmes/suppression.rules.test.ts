import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MINIMUM_CELL_SIZE, suppressCumulative, suppressGrid, suppressList, withMargins } from './suppression.rules.ts';

// Property tests: whatever the counts, no hidden cell can be worked out from what is shown. For each hidden cell the
// test itself searches a witness — another table with counts ≥ 0 whose every sum is right and whose every shown
// number is the same, but in which that cell differs — and checks it cell by cell, independently of the algorithm.

const count = fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 300 }));
const tableArb = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 5 }))
  .chain(([r, c]) => fc.array(fc.array(count, { minLength: c, maxLength: c }), { minLength: r, maxLength: r }));

/** Is `alt` (a full grid with margins) consistent: ≥ 0, right sums, equal to `values` where shown? */
function consistent(values: number[][], hidden: boolean[][], alt: number[][]): boolean {
  const R = values.length - 1;
  const C = values[0]!.length - 1;
  for (let r = 0; r <= R; r++) for (let c = 0; c <= C; c++) {
    if (alt[r]![c]! < 0) return false;
    if (!hidden[r]![c] && alt[r]![c] !== values[r]![c]) return false;
  }
  const interior = alt.slice(0, R).map((row) => row.slice(0, C));
  const recomputed = withMargins(interior);
  return recomputed.every((row, r) => row.every((v, c) => v === alt[r]![c]));
}

/** A witness for hidden cell (r, c): any rectangle of hidden cells, either direction, δ = 1. */
function witness(values: number[][], hidden: boolean[][], r: number, c: number): number[][] | null {
  const R = values.length - 1;
  const C = values[0]!.length - 1;
  const s = (a: number, b: number) => ((a < R) === (b < C) ? 1 : -1);
  for (let r2 = 0; r2 <= R; r2++) for (let c2 = 0; c2 <= C; c2++) {
    if (r2 === r || c2 === c || !hidden[r2]![c] || !hidden[r]![c2] || !hidden[r2]![c2]) continue;
    for (const d of [1, -1]) {
      const alt = values.map((row) => [...row]);
      alt[r]![c]! += d * s(r, c);
      alt[r]![c2]! -= d * s(r, c2);
      alt[r2]![c]! -= d * s(r2, c);
      alt[r2]![c2]! += d * s(r2, c2);
      if (consistent(values, hidden, alt)) return alt;
    }
  }
  return null;
}

describe('suppression of a table with totals', () => {
  it('hides every count under 10 (0 included), in the cells and in the totals', () => {
    fc.assert(
      fc.property(tableArb, (t) => {
        const g = suppressGrid(t);
        g.values.forEach((row, r) => row.forEach((v, c) => v < MINIMUM_CELL_SIZE && expect(g.hidden[r]![c]).toBe(true)));
      }),
    );
  });

  it('no hidden cell is derivable: each has a witness table, consistent with all shown numbers and sums', () => {
    fc.assert(
      fc.property(tableArb, (t) => {
        const g = suppressGrid(t);
        g.values.forEach((row, r) =>
          row.forEach((v, c) => {
            if (!g.hidden[r]![c]) return;
            const alt = witness(g.values, g.hidden, r, c);
            expect(alt, `cell ${r},${c} of ${JSON.stringify(g.values)} is derivable`).not.toBeNull();
            expect(alt![r]![c]).not.toBe(v);
          }),
        );
      }),
      { numRuns: 400 },
    );
  });

  it('no line has exactly one hidden cell (total minus siblings)', () => {
    fc.assert(
      fc.property(tableArb, (t) => {
        const g = suppressGrid(t);
        for (const row of g.hidden) expect(row.filter(Boolean).length).not.toBe(1);
        for (let c = 0; c < g.hidden[0]!.length; c++) expect(g.hidden.filter((row) => row[c]).length).not.toBe(1);
      }),
    );
  });

  it('a classic case: one small cell in a row forces a second one, and a second row too', () => {
    const g = suppressGrid([
      [40, 5, 30],
      [25, 50, 60],
    ]);
    expect(g.hidden[0]![1]).toBe(true);
    expect(g.hidden[0]!.filter(Boolean).length).toBeGreaterThanOrEqual(2);
    expect(g.hidden[1]!.filter(Boolean).length).toBeGreaterThanOrEqual(2);
    expect(g.hidden[2]!.every((h) => !h)).toBe(true);
  });

  it('leaves a table of large counts alone', () => {
    const g = suppressGrid([
      [40, 15, 30],
      [25, 50, 60],
    ]);
    expect(g.hidden.flat().some(Boolean)).toBe(false);
  });
});

describe('suppression of a list with its total', () => {
  it('no hidden value follows from the total and the shown values', () => {
    fc.assert(
      fc.property(fc.array(count, { minLength: 1, maxLength: 8 }), (values) => {
        const { values: shownValues, total } = suppressList(values);
        const hiddenIdx = shownValues.flatMap((v, i) => (v === null ? [i] : []));
        shownValues.forEach((v, i) => {
          if (v !== null) expect(v).toBe(values[i]);
          if (v !== null) expect(v).toBeGreaterThanOrEqual(MINIMUM_CELL_SIZE);
        });
        if (total !== null && hiddenIdx.length > 0) {
          const rest = total - shownValues.reduce<number>((a, v) => a + (v ?? 0), 0);
          // Derivable exactly when one value is hidden, or the hidden ones add up to 0 (all 0).
          expect(hiddenIdx.length).toBeGreaterThanOrEqual(2);
          expect(rest).toBeGreaterThan(0);
        }
        if (total !== null) expect(total).toBeGreaterThanOrEqual(MINIMUM_CELL_SIZE);
      }),
    );
  });
});

describe('a cumulative series', () => {
  it('shown points rise by at least 10 from the one before (and from 0), and end at the total', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 30 }), (monthly) => {
        const total = monthly.reduce((a, b) => a + b, 0);
        const series = suppressCumulative(monthly, total >= MINIMUM_CELL_SIZE ? total : null);
        let last = 0;
        for (const v of series) {
          if (v === null) continue;
          expect(v - last).toBeGreaterThanOrEqual(MINIMUM_CELL_SIZE);
          last = v;
        }
        if (total >= MINIMUM_CELL_SIZE) expect(series[series.length - 1]).toBe(total);
        else expect(series.every((v) => v === null)).toBe(true);
      }),
    );
  });
});
