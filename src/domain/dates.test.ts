import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageBand, monthsBetween, yearsBetween } from './dates.ts';

const isoDate = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('calendar rules', () => {
  it('computes age on a birthday and the day before', () => {
    expect(yearsBetween('2000-03-15', '2026-03-14')).toBe(25);
    expect(yearsBetween('2000-03-15', '2026-03-15')).toBe(26);
    expect(monthsBetween('2023-11-22', '2026-11-22')).toBe(36);
    expect(monthsBetween('2023-11-23', '2026-11-22')).toBe(35);
    expect(monthsBetween('2027-01-01', '2026-11-22')).toBe(0);
  });

  it('age and months never decrease as time passes', () => {
    fc.assert(
      fc.property(isoDate, isoDate, isoDate, (from, a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        expect(monthsBetween(from, late)).toBeGreaterThanOrEqual(monthsBetween(from, early));
        expect(yearsBetween(from, late)).toBeGreaterThanOrEqual(yearsBetween(from, early));
      }),
    );
  });

  it('age bands follow the CBS split at 27 and 45', () => {
    expect([26, 27, 44, 45].map(ageBand)).toEqual(['<27', '27-44', '27-44', '45+']);
    const order = ['<27', '27-44', '45+'];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 120 }), (a, b) => {
        const [young, old] = a <= b ? [a, b] : [b, a];
        // Older never lands in a younger band, and the band matches its thresholds.
        expect(order.indexOf(ageBand(old))).toBeGreaterThanOrEqual(order.indexOf(ageBand(young)));
        expect(ageBand(young)).toBe(young < 27 ? '<27' : young < 45 ? '27-44' : '45+');
      }),
    );
  });
});
