import { describe, expect, it } from 'vitest';
import { actionState, daysFromTo, meetingWhen } from './partner-worklist.rules.ts';

describe('partner worklist rules', () => {
  it('counts whole days across a month and a DST change', () => {
    expect(daysFromTo('2026-10-24', '2026-10-26')).toBe(2);
    expect(daysFromTo('2026-12-31', '2027-01-30')).toBe(30);
    expect(daysFromTo('2026-12-04', '2026-12-01')).toBe(-3);
  });

  it('orders an action as overdue, today, later or without a date', () => {
    expect(actionState('2026-12-01', '2026-12-04')).toEqual({ state: 'overdue', daysOverdue: 3 });
    expect(actionState('2026-12-04', '2026-12-04')).toEqual({ state: 'dueToday', daysOverdue: 0 });
    expect(actionState('2026-12-05', '2026-12-04')).toEqual({ state: 'later', daysOverdue: 0 });
    expect(actionState(null, '2026-12-04')).toEqual({ state: 'noDueDate', daysOverdue: 0 });
  });

  it('puts a meeting today, this week (7 days) or later', () => {
    expect(meetingWhen('2026-12-04', '2026-12-04')).toBe('today');
    expect(meetingWhen('2026-12-11', '2026-12-04')).toBe('thisWeek');
    expect(meetingWhen('2026-12-12', '2026-12-04')).toBe('later');
  });
});
