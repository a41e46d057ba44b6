// Pure rules of the buurtteam's werklijst: how urgent an action is, when a meeting is, how long a consent lasts.

const dayMs = 86_400_000;
const toUtc = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

/** Whole days from `from` to `to` (ISO dates; negative when `to` is earlier). */
export function daysFromTo(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / dayMs);
}

export type ActionState = 'overdue' | 'dueToday' | 'later' | 'noDueDate';

export function actionState(dueDate: string | null, today: string): { state: ActionState; daysOverdue: number } {
  if (dueDate === null) return { state: 'noDueDate', daysOverdue: 0 };
  const d = daysFromTo(dueDate, today);
  if (d > 0) return { state: 'overdue', daysOverdue: d };
  return { state: d === 0 ? 'dueToday' : 'later', daysOverdue: 0 };
}

export type MeetingWhen = 'today' | 'thisWeek' | 'later';

/** today: the meeting's day (in the Netherlands) is today; thisWeek: within the next 7 days; later: after that. */
export function meetingWhen(meetingDay: string, today: string): MeetingWhen {
  const d = daysFromTo(today, meetingDay);
  if (d <= 0) return 'today';
  return d <= 7 ? 'thisWeek' : 'later';
}
