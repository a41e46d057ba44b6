import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, followUpSchedule, isFollowUpDue, stateVersion } from './placements.rules.ts';

const iso = (d: Date) => d.toISOString().slice(0, 10);
const day = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map(iso);

describe('follow-up due dates', () => {
  it('falls 1, 3, 6 and 12 months after the start', () => {
    expect(followUpSchedule('2026-03-15')).toEqual([
      { months: 1, dueOn: '2026-04-15' },
      { months: 3, dueOn: '2026-06-15' },
      { months: 6, dueOn: '2026-09-15' },
      { months: 12, dueOn: '2027-03-15' },
    ]);
  });

  it('clamps to the end of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-08-31', 1)).toBe('2026-09-30');
    expect(addMonths('2026-12-31', 3)).toBe('2027-03-31');
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
    expect(followUpSchedule('2025-10-31').map((f) => f.dueOn)).toEqual(['2025-11-30', '2026-01-31', '2026-04-30', '2026-10-31']);
  });

  it('lands in the right month, on the same day or the last day of that month, and later than the start (property)', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 24 }), (start, n) => {
        const due = addMonths(start, n);
        const [sy, sm, sd] = start.split('-').map(Number) as [number, number, number];
        const [dy, dm, dd] = due.split('-').map(Number) as [number, number, number];
        expect(dy * 12 + dm - (sy * 12 + sm)).toBe(n);
        const last = new Date(Date.UTC(dy, dm, 0)).getUTCDate();
        expect(dd).toBe(Math.min(sd, last));
        expect(due > start).toBe(true);
        expect(iso(new Date(`${due}T00:00:00Z`))).toBe(due);
      }),
    );
  });

  it('due dates are strictly increasing (property)', () => {
    fc.assert(
      fc.property(day, (start) => {
        const dues = followUpSchedule(start).map((f) => f.dueOn);
        expect([...dues].sort()).toEqual(dues);
        expect(new Set(dues).size).toBe(4);
      }),
    );
  });
});

describe('follow-up due in the worklist', () => {
  it('is due from 14 days before the date, stays due when overdue, and never once done', () => {
    expect(isFollowUpDue({ dueOn: '2026-05-15', doneOn: null }, '2026-05-01')).toBe(true);
    expect(isFollowUpDue({ dueOn: '2026-05-16', doneOn: null }, '2026-05-01')).toBe(false);
    expect(isFollowUpDue({ dueOn: '2026-01-01', doneOn: null }, '2026-05-01')).toBe(true);
    expect(isFollowUpDue({ dueOn: '2026-01-01', doneOn: '2026-01-02' }, '2026-05-01')).toBe(false);
  });

  it('addDays agrees with Date arithmetic (property)', () => {
    fc.assert(fc.property(day, fc.integer({ min: -400, max: 400 }), (d, n) => {
      expect(addDays(d, n)).toBe(iso(new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000)));
    }));
  });
});

describe('state version for the ETag', () => {
  it('is a positive integer that changes with the state', () => {
    const a = stateVersion({ status: 'active', followUps: [{ months: 1, doneOn: null }] });
    const b = stateVersion({ status: 'active', followUps: [{ months: 1, doneOn: '2026-02-01' }] });
    expect(a).toBeGreaterThan(0);
    expect(Number.isInteger(a)).toBe(true);
    expect(a).not.toBe(b);
    expect(stateVersion({ status: 'active', followUps: [{ months: 1, doneOn: null }] })).toBe(a);
  });
});
