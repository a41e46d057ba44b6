import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fitsSchoolHours,
  fitsWithin,
  hoursOf,
  maskOf,
  MASK_BITS,
  normaliseWindows,
  schoolHours,
  slotOf,
  timeOfSlot,
  windowProblem,
  type IsoWeekday,
  type TimeWindow,
} from './schedule.ts';

const windowArb: fc.Arbitrary<TimeWindow> = fc
  .record({ day: fc.integer({ min: 1, max: 7 }), a: fc.integer({ min: 0, max: 47 }), len: fc.integer({ min: 1, max: 48 }) })
  .map(({ day, a, len }) => ({ day: day as IsoWeekday, from: timeOfSlot(a), to: timeOfSlot(Math.min(48, a + len)) }));
const windowsArb = fc.array(windowArb, { maxLength: 8 });

describe('schedule windows', () => {
  it('reads half-hour times and refuses others', () => {
    expect(slotOf('09:00')).toBe(18);
    expect(slotOf('14:30')).toBe(29);
    expect(slotOf('24:00')).toBe(48);
    expect(slotOf('24:30')).toBeNull();
    expect(slotOf('09:15')).toBeNull();
    expect(slotOf('9:00')).toBeNull();
    expect(windowProblem({ day: 1, from: '14:30', to: '09:00' })).toMatch(/na de begintijd/);
    expect(windowProblem({ day: 8 as IsoWeekday, from: '09:00', to: '10:00' })).toMatch(/dag/);
  });

  it('school hours are 27.5 hours on weekdays and a 09:00–14:30 job fits them, a 09:00–17:00 job does not', () => {
    expect(hoursOf(schoolHours())).toBe(27.5);
    expect(fitsSchoolHours([{ day: 2, from: '09:00', to: '14:30' }])).toBe(true);
    expect(fitsSchoolHours([{ day: 2, from: '09:00', to: '17:00' }])).toBe(false);
    expect(fitsSchoolHours([{ day: 6, from: '10:00', to: '12:00' }])).toBe(false);
  });

  it('a mask has 336 bits', () => {
    fc.assert(fc.property(windowsArb, (ws) => maskOf(ws).length === MASK_BITS && /^[01]+$/.test(maskOf(ws))));
  });

  it('every schedule fits within itself and within any superset', () => {
    fc.assert(fc.property(windowsArb, windowsArb, (a, b) => fitsWithin(a, a) && fitsWithin(a, [...a, ...b])));
  });

  it('fitting agrees with the bit rule the SQL uses (schedule & ~availability = 0)', () => {
    fc.assert(
      fc.property(windowsArb, windowsArb, (s, a) => {
        const ms = maskOf(s);
        const ma = maskOf(a);
        const bitRule = [...ms].every((c, i) => c === '0' || ma[i] === '1');
        return fitsWithin(s, a) === bitRule;
      }),
    );
  });

  it('normalising keeps the same hours and is idempotent', () => {
    fc.assert(
      fc.property(windowsArb, (ws) => {
        const n = normaliseWindows(ws);
        return hoursOf(n) === hoursOf(ws) && JSON.stringify(normaliseWindows(n)) === JSON.stringify(n);
      }),
    );
  });
});
