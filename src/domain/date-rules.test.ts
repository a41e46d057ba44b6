import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MIN_BENEFIT_AGE,
  addYears,
  agreedOnProblem,
  benefitStartProblem,
  closingDateProblem,
  dueDateProblem,
  followUpDoneProblem,
  placementStartProblem,
  calendarDateProblem,
  dateOfBirthProblem,
  daysInMonth,
  endBeforeStartProblem,
  nlClockOf,
  plannedMeetingProblems,
  toIsoDate,
  toTypedDate,
} from './date-rules.ts';

// The shared date rules: the API's services and the web forms call these same functions.

const TODAY = '2026-12-04';
const isoOf = (d: Date) => d.toISOString().slice(0, 10);
/** Any real calendar day between 1900 and 2100. */
const realDay = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }).map(isoOf);

describe('calendar dates', () => {
  it('31 February does not exist, and says so', () => {
    expect(calendarDateProblem('31-02-1990')).toEqual({ code: 'notExist', reason: '31 februari 1990 bestaat niet: februari 1990 heeft 28 dagen.' });
    expect(calendarDateProblem('1990-02-31')?.code).toBe('notExist');
    expect(calendarDateProblem('29-02-2024')).toBeNull();
    expect(calendarDateProblem('29-02-2100')?.code).toBe('notExist');
    expect(calendarDateProblem('14-13-1990')?.code).toBe('notExist');
    expect(calendarDateProblem('')?.code).toBe('required');
    expect(calendarDateProblem('gisteren')?.code).toBe('format');
  });

  it('every real day is accepted in every way of typing it and round-trips to the same ISO date', () => {
    fc.assert(
      fc.property(realDay, fc.constantFrom('-', '/', '.'), (iso, sep) => {
        const [y, m, d] = iso.split('-');
        expect(calendarDateProblem(iso)).toBeNull();
        expect(toIsoDate(`${d}${sep}${m}${sep}${y}`)).toBe(iso);
        expect(toIsoDate(`${Number(d)}${sep}${Number(m)}${sep}${y}`)).toBe(iso);
        expect(toIsoDate(toTypedDate(iso))).toBe(iso);
      }),
    );
  });

  it('a day past the end of its month never exists, whatever the year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 99 }), (y, m, d) => {
        const problem = calendarDateProblem(`${d}-${m}-${y}`);
        expect(problem === null).toBe(d <= daysInMonth(y, m));
        // The JavaScript calendar agrees on which days exist.
        const js = new Date(Date.UTC(y, m - 1, d));
        expect(problem === null).toBe(js.getUTCDate() === d && js.getUTCMonth() === m - 1);
      }),
    );
  });
});

describe('date of birth and benefit start', () => {
  it('a date of birth lies between 15 and 110 years ago', () => {
    expect(dateOfBirthProblem('1990-03-14', TODAY)).toBeNull();
    expect(dateOfBirthProblem('2027-01-01', TODAY)?.code).toBe('future');
    expect(dateOfBirthProblem('2015-01-01', TODAY)?.code).toBe('range');
    expect(dateOfBirthProblem('31-02-1990', TODAY)?.code).toBe('notExist');
  });

  it('the issue’s case: a benefit in 1980 for someone born in 1990 is refused', () => {
    expect(benefitStartProblem('1980-01-01', '1990-05-01', TODAY)).toEqual({ code: 'beforeBirth', reason: 'De uitkering kan niet beginnen vóór de geboortedatum (1 mei 1990).' });
    expect(benefitStartProblem('2007-01-01', '1990-05-01', TODAY)?.code).toBe('beforeAdult');
    expect(benefitStartProblem('2008-05-01', '1990-05-01', TODAY)).toBeNull();
  });

  it('for any birth and start: accepted exactly when the start is between the 18th birthday and today', () => {
    fc.assert(
      fc.property(realDay, realDay, (birth, start) => {
        const problem = benefitStartProblem(start, birth, TODAY);
        const ok = start >= addYears(birth, MIN_BENEFIT_AGE) && start <= TODAY;
        expect(problem === null).toBe(ok);
        if (start < birth && start <= TODAY) expect(problem?.code).toBe('beforeBirth');
        if (start > TODAY) expect(problem?.code).toBe('future');
      }),
    );
  });

  it('an end date before its start is refused, on or after is fine', () => {
    fc.assert(
      fc.property(realDay, realDay, (a, b) => {
        expect(endBeforeStartProblem(a, b) === null).toBe(b >= a);
      }),
    );
  });
});

describe('planned meetings', () => {
  const NOW = new Date('2026-12-04T09:00:00Z'); // Friday 10:00 in Utrecht
  const codes = (s: string, e: string) => plannedMeetingProblems(new Date(s), new Date(e), NOW).map((p) => `${p.name}:${p.code}`);

  it('the issue’s case: a 3-gesprek on a past Sunday is refused twice over, both said at once', () => {
    expect(codes('2026-11-29T10:00:00+01:00', '2026-11-29T11:00:00+01:00')).toEqual(['startsAt:past', 'startsAt:weekend']);
    expect(plannedMeetingProblems(new Date('2026-11-29T10:00:00+01:00'), new Date('2026-11-29T11:00:00+01:00'), NOW)[1]!.reason).toBe(
      '29 november 2026 is een zondag. Plan gesprekken op een werkdag (maandag tot en met vrijdag).',
    );
  });

  it('Monday within office hours is fine; evenings and overlong days are not', () => {
    expect(codes('2026-12-07T10:00:00+01:00', '2026-12-07T11:00:00+01:00')).toEqual([]);
    expect(codes('2026-12-07T07:30:00+01:00', '2026-12-07T08:30:00+01:00')).toEqual(['startsAt:officeHours']);
    expect(codes('2026-12-07T17:30:00+01:00', '2026-12-07T18:30:00+01:00')).toEqual(['endsAt:officeHours']);
    expect(codes('2026-12-07T11:00:00+01:00', '2026-12-07T10:00:00+01:00')).toEqual(['endsAt:beforeStart']);
  });

  it('for any start and end: refused exactly when past, weekend, outside 08:00–18:00 or not ending after the start', () => {
    const quarter = fc.integer({ min: -24 * 4 * 14, max: 24 * 4 * 60 }).map((q) => new Date(NOW.getTime() + q * 15 * 60_000));
    fc.assert(
      fc.property(quarter, fc.integer({ min: -8, max: 40 }), (start, quarters) => {
        const end = new Date(start.getTime() + quarters * 15 * 60_000);
        const problems = plannedMeetingProblems(start, end, NOW);
        const s = nlClockOf(start);
        const e = nlClockOf(end);
        const ok =
          start.getTime() >= NOW.getTime() - 5 * 60_000 &&
          s.weekday <= 5 &&
          s.time >= '08:00' &&
          s.time < '18:00' &&
          end > start &&
          e.date === s.date &&
          e.time <= '18:00';
        expect(problems.length === 0).toBe(ok);
        // Each problem on its field, never twice the same.
        expect(new Set(problems.map((p) => `${p.name}:${p.code}`)).size).toBe(problems.length);
      }),
    );
  });

  it('reads the clock in the Netherlands, summer time included', () => {
    expect(nlClockOf(new Date('2026-07-01T06:00:00Z'))).toEqual({ weekday: 3, date: '2026-07-01', time: '08:00' });
    expect(nlClockOf(new Date('2026-12-31T23:30:00Z'))).toEqual({ weekday: 5, date: '2027-01-01', time: '00:30' });
  });
});

describe('due dates, closing dates, placements and follow-ups', () => {
  it('for any real day: accepted exactly within each rule’s window, said with the rule’s code', () => {
    fc.assert(
      fc.property(realDay, realDay, (day, start) => {
        expect(dueDateProblem(day, TODAY) === null).toBe(day >= TODAY && day <= addYears(TODAY, 5));
        expect(closingDateProblem(day, TODAY) === null).toBe(day >= TODAY && day <= addYears(TODAY, 2));
        expect(placementStartProblem(day, TODAY) === null).toBe(day <= addYears(TODAY, 1));
        expect(followUpDoneProblem(day, start, TODAY) === null).toBe(day >= start && day <= TODAY);
        expect(agreedOnProblem(day, TODAY) === null).toBe(day <= TODAY);
        if (day < TODAY) expect(dueDateProblem(day, TODAY)?.code).toBe('past');
      }),
    );
    expect(dueDateProblem('31-04-2027', TODAY)?.reason).toBe('31 april 2027 bestaat niet: april 2027 heeft 30 dagen.');
  });
});
