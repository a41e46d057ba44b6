import { sql } from 'kysely';
import { OFFICE_HOURS, nlClockOf } from '../../src/domain/date-rules.ts';
import type { Db } from '../../src/platform/db/database.ts';

// Planned meetings fall on working days within office hours and not in the past (src/domain/date-rules.ts). Tests
// that need a meeting choose such a moment; a meeting that "took place" is planned and then moved back in time by the
// owner, as the clock would have done.

/** The n-th working day from today (1 = the next one) at `time` in the Netherlands, as an ISO instant. */
export function workday(n: number, time = '10:00'): string {
  let day = Date.now();
  let left = n;
  while (left > 0) {
    day += 86_400_000;
    if (OFFICE_HOURS.days.includes(nlClockOf(new Date(day)).weekday)) left -= 1;
  }
  const date = nlClockOf(new Date(day)).date;
  for (const offset of ['+01:00', '+02:00']) {
    const at = new Date(`${date}T${time}:00${offset}`);
    if (nlClockOf(at).time === time) return at.toISOString();
  }
  throw new Error(`no ${time} on ${date}`);
}

/** Moves a planned meeting's time to `startsAt`–`endsAt` (in the past: it took place). */
export async function backdateMeeting(ownerDb: Db, meetingId: string, startsAt: string, endsAt: string): Promise<void> {
  await sql`UPDATE meetings SET starts_at = ${startsAt}::timestamptz, ends_at = ${endsAt}::timestamptz WHERE id = ${meetingId}::uuid`.execute(ownerDb);
}
