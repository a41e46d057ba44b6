/** Pure rules of placements and follow-up (nazorg). Dates are ISO "YYYY-MM-DD" calendar days. No I/O. */

export const FOLLOW_UP_MONTHS = [1, 3, 6, 12] as const;
export type FollowUpMonths = (typeof FOLLOW_UP_MONTHS)[number];

/** A follow-up is due (for the worklist) from this many days before its date, and stays due until done. */
export const FOLLOW_UP_WINDOW_DAYS = 14;

function parts(iso: string): [number, number, number] {
  const [y, m, d] = iso.split('-').map(Number);
  return [y!, m!, d!];
}
const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** `n` calendar months after the date; a day that does not exist in the target month becomes its last day (31 Jan + 1 = 28/29 Feb). */
export function addMonths(iso: string, n: number): string {
  const [y, m, d] = parts(iso);
  const total = y * 12 + (m - 1) + n;
  const ty = Math.floor(total / 12);
  const tm = (total % 12) + 1;
  return `${pad(ty, 4)}-${pad(tm)}-${pad(Math.min(d, daysInMonth(ty, tm)))}`;
}

export function addDays(iso: string, n: number): string {
  const [y, m, d] = parts(iso);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** The follow-ups of a placement starting on `startDate`: after 1, 3, 6 and 12 months. */
export function followUpSchedule(startDate: string): Array<{ months: FollowUpMonths; dueOn: string }> {
  return FOLLOW_UP_MONTHS.map((months) => ({ months, dueOn: addMonths(startDate, months) }));
}

/** Not done, and due within the window or overdue. */
export function isFollowUpDue(f: { dueOn: string; doneOn: string | null }, today: string, windowDays = FOLLOW_UP_WINDOW_DAYS): boolean {
  return f.doneOn === null && f.dueOn <= addDays(today, windowDays);
}

/**
 * A version number of a placement's changeable state (status and follow-ups), for its ETag: the table has no version
 * column, so the version is a 31-bit FNV-1a hash of the state. Any change of a follow-up changes it.
 */
export function stateVersion(state: unknown): number {
  const text = JSON.stringify(state);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return (h & 0x7fffffff) || 1;
}
