import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysInMonth } from './date-rules.ts';
import { todayInNl } from './dates.ts';
import {
  addDaysIso,
  countdownText,
  daysBetweenIso,
  REMINDER_DAYS_BEFORE,
  reportDateProblem,
  SEARCH_PERIOD_DAYS,
  searchPeriodApplies,
  searchPeriodDates,
  searchPeriodState,
} from './search-period.ts';

const isoDate = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2999-12-01T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

/** An independent oracle: step one calendar day at a time with the month lengths (leap years included). */
function stepDays(iso: string, n: number): string {
  let [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  for (let i = 0; i < n; i += 1) {
    d += 1;
    if (d > daysInMonth(y, m)) {
      d = 1;
      m += 1;
      if (m > 12) {
        m = 1;
        y += 1;
      }
    }
  }
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

describe('search period dates (zoektermijn, art. 41 lid 4)', () => {
  it('starts on the report date and ends 28 days later, for any report date', () => {
    fc.assert(
      fc.property(isoDate, (report) => {
        const { startDate, endDate } = searchPeriodDates(report);
        expect(startDate).toBe(report);
        expect(endDate > startDate).toBe(true);
        expect(daysBetweenIso(startDate, endDate)).toBe(SEARCH_PERIOD_DAYS);
        expect(endDate).toBe(stepDays(report, SEARCH_PERIOD_DAYS));
      }),
      { numRuns: 2000 },
    );
  });

  it('handles leap years and month ends', () => {
    expect(searchPeriodDates('2028-02-01').endDate).toBe('2028-02-29');
    expect(searchPeriodDates('2027-02-01').endDate).toBe('2027-03-01');
    expect(searchPeriodDates('2100-02-01').endDate).toBe('2100-03-01');
    expect(searchPeriodDates('2000-02-01').endDate).toBe('2000-02-29');
    expect(searchPeriodDates('2026-12-10').endDate).toBe('2027-01-07');
  });

  it('is not moved by daylight saving time: the report day in Amsterdam at any hour gives the same end', () => {
    // Reports made at any instant: the day is taken in Europe/Amsterdam, the arithmetic on calendar days.
    const instant = fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true });
    fc.assert(
      fc.property(instant, (at) => {
        const report = todayInNl(at);
        const { endDate } = searchPeriodDates(report);
        expect(daysBetweenIso(report, endDate)).toBe(28);
        expect(endDate).toBe(stepDays(report, 28));
      }),
      { numRuns: 1000 },
    );
    // Across the spring and autumn changes of 2026 (29 March, 25 October).
    expect(searchPeriodDates('2026-03-15').endDate).toBe('2026-04-12');
    expect(searchPeriodDates('2026-10-10').endDate).toBe('2026-11-07');
  });

  it('addDays and daysBetween are inverse', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -2000, max: 2000 }), (d, n) => {
        expect(daysBetweenIso(d, addDaysIso(d, n))).toBe(n);
      }),
    );
  });
});

describe('search period state', () => {
  it('counts down while running and ends on the end date', () => {
    const base = { status: 'running' as const, ...searchPeriodDates('2026-12-01'), handledEarlyOn: null };
    expect(searchPeriodState(base, '2026-12-01')).toMatchObject({ status: 'running', daysLeft: 28, dayOfPeriod: 0, reminderDue: false });
    expect(searchPeriodState(base, '2026-12-26')).toMatchObject({ status: 'running', daysLeft: 3, reminderDue: true });
    expect(searchPeriodState(base, '2026-12-29')).toMatchObject({ status: 'ended', daysLeft: null, dayOfPeriod: 28 });
    expect(searchPeriodState({ ...base, handledEarlyOn: '2026-12-10' }, '2026-12-10').status).toBe('ended');
    expect(searchPeriodState({ ...base, handledEarlyOn: '2026-12-10' }, '2026-12-09').status).toBe('running');
    expect(searchPeriodState({ ...base, status: 'exempted' }, '2026-12-02')).toMatchObject({ status: 'exempted', daysLeft: null });
    expect(searchPeriodState({ ...base, status: 'withdrawn' }, '2026-12-02').status).toBe('withdrawn');
  });

  it('for any report date and day: days left between 1 and 28 while running, the reminder only in the last days', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -10, max: 60 }), (report, offset) => {
        const dates = searchPeriodDates(report);
        const today = addDaysIso(report, offset);
        const s = searchPeriodState({ status: 'running', ...dates, handledEarlyOn: null }, today);
        if (offset < SEARCH_PERIOD_DAYS) {
          expect(s.status).toBe('running');
          expect(s.daysLeft).toBe(SEARCH_PERIOD_DAYS - offset);
          expect(s.daysLeft! >= 1 && s.daysLeft! <= SEARCH_PERIOD_DAYS + 10).toBe(true);
          expect(s.reminderDue).toBe(s.daysLeft! <= REMINDER_DAYS_BEFORE);
        } else {
          expect(s.status).toBe('ended');
          expect(s.daysLeft).toBeNull();
        }
        expect(s.dayOfPeriod >= 0 && s.dayOfPeriod <= SEARCH_PERIOD_DAYS).toBe(true);
      }),
    );
  });

  it('speaks Dutch in the countdown', () => {
    expect(countdownText(3)).toBe('Zoektermijn eindigt over 3 dagen');
    expect(countdownText(1)).toBe('Zoektermijn eindigt morgen');
  });
});

describe('who and when', () => {
  it('applies from 18 to under 27 on the report date', () => {
    expect(searchPeriodApplies('2000-03-15', '2027-03-14')).toBe(true);
    expect(searchPeriodApplies('2000-03-15', '2027-03-15')).toBe(false);
    expect(searchPeriodApplies('2008-12-05', '2026-12-04')).toBe(false);
    expect(searchPeriodApplies('2008-12-04', '2026-12-04')).toBe(true);
  });

  it('refuses a report date in the future, and one of more than a year ago', () => {
    expect(reportDateProblem('2026-12-05', '2026-12-04')?.code).toBe('future');
    expect(reportDateProblem('2026-12-04', '2026-12-04')).toBeNull();
    expect(reportDateProblem('2025-11-01', '2026-12-04')?.code).toBe('tooOld');
    expect(reportDateProblem('2026-02-30', '2026-12-04')?.code).toBe('format');
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 1, max: 5000 }), (today, ahead) => {
        expect(reportDateProblem(addDaysIso(today, ahead), today)?.code).toBe('future');
      }),
    );
  });
});
