import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exemptionRateRows, MINIMUM_CELL_SIZE, REFERENCE_RANGE } from './exemption-rate.ts';

const counts = fc.record({
  teamId: fc.constantFrom('t1', 't2'),
  teamName: fc.constantFrom('Team Jongeren', 'Team Overvecht'),
  month: fc.constantFrom('2026-01', '2026-02', '2026-03'),
  periods: fc.integer({ min: 0, max: 200 }),
  exempted: fc.integer({ min: 0, max: 200 }),
  pending: fc.integer({ min: 0, max: 50 }),
}).filter((c) => c.exempted <= c.periods);

describe('exemption rate', () => {
  it('shows no number under 10, and a rate only from shown counts', () => {
    fc.assert(
      fc.property(fc.array(counts, { maxLength: 20 }), (input) => {
        for (const row of exemptionRateRows(input)) {
          for (const v of [row.searchPeriods, row.exempted, row.pending]) expect(v === null || v >= MINIMUM_CELL_SIZE).toBe(true);
          if (row.rate !== null) {
            expect(row.searchPeriods).not.toBeNull();
            expect(row.exempted).not.toBeNull();
            expect(Math.abs(row.rate - row.exempted! / row.searchPeriods!)).toBeLessThan(0.001);
          }
          expect(row.suppressed).toBe(row.searchPeriods === null || row.exempted === null || row.pending === null);
        }
      }),
    );
  });

  it('places the rate against the 20–30% range', () => {
    const row = (periods: number, exempted: number) =>
      exemptionRateRows([{ teamId: 't', teamName: 'T', month: '2026-01', periods, exempted, pending: 10 }])[0]!;
    expect(row(100, 19).position).toBe('below');
    expect(row(100, 19).rate).toBe(0.19);
    expect(row(100, 25).position).toBe('within');
    expect(row(100, 31).position).toBe('above');
    expect(row(50, 5).rate).toBeNull();
    expect(row(9, 9).searchPeriods).toBeNull();
    expect(REFERENCE_RANGE).toEqual({ from: 0.2, to: 0.3 });
  });
});
