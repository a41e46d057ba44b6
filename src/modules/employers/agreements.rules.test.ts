import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countsForAgreement, realisedPlacements } from './agreements.rules.ts';

const iso = (d: Date) => d.toISOString().slice(0, 10);
const day = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map(iso);

describe('realised placements within the agreement period', () => {
  it('counts the first and the last day of the period, not the day before or after', () => {
    const p = { periodStart: '2026-01-01', periodEnd: '2026-12-31' };
    expect(countsForAgreement('2026-01-01', p)).toBe(true);
    expect(countsForAgreement('2026-12-31', p)).toBe(true);
    expect(countsForAgreement('2025-12-31', p)).toBe(false);
    expect(countsForAgreement('2027-01-01', p)).toBe(false);
    expect(realisedPlacements(['2025-12-31', '2026-03-01', '2026-12-31', '2027-01-01'], p)).toBe(2);
  });

  it('agrees with a comparison of calendar days (property)', () => {
    fc.assert(
      fc.property(day, day, day, (a, b, s) => {
        const [periodStart, periodEnd] = a <= b ? [a, b] : [b, a];
        const t = (x: string) => Date.parse(`${x}T00:00:00Z`);
        expect(countsForAgreement(s, { periodStart, periodEnd })).toBe(t(s) >= t(periodStart) && t(s) <= t(periodEnd));
      }),
    );
  });

  it('never counts more than the placements given, and a wider period counts at least as many (property)', () => {
    fc.assert(
      fc.property(fc.array(day, { maxLength: 30 }), day, day, fc.integer({ min: 0, max: 400 }), (starts, a, b, extra) => {
        const [periodStart, periodEnd] = a <= b ? [a, b] : [b, a];
        const n = realisedPlacements(starts, { periodStart, periodEnd });
        expect(n).toBeLessThanOrEqual(starts.length);
        const wider = iso(new Date(Date.parse(`${periodEnd}T00:00:00Z`) + extra * 86_400_000));
        expect(realisedPlacements(starts, { periodStart, periodEnd: wider })).toBeGreaterThanOrEqual(n);
      }),
    );
  });
});
