/** Calendar helpers on ISO dates (YYYY-MM-DD) in the Netherlands' time zone. Pure, no I/O. */

// Creating an Intl.DateTimeFormat is expensive (it showed in the caseload benchmark): make it once.
const nlDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

// A list presents every row with the same `now`: the day is formatted once per instant, not once per row and field.
let lastInstant = Number.NaN;
let lastDay = '';

export function todayInNl(now: Date = new Date()): string {
  const t = now.getTime();
  if (t !== lastInstant) {
    lastDay = nlDay.format(now);
    lastInstant = t;
  }
  return lastDay;
}

function parts(iso: string): [number, number, number] {
  const [y, m, d] = iso.split('-').map(Number);
  return [y!, m!, d!];
}

/** Whole years between two ISO dates (age on `on`). */
export function yearsBetween(from: string, on: string): number {
  const [fy, fm, fd] = parts(from);
  const [ty, tm, td] = parts(on);
  return ty - fy - (tm < fm || (tm === fm && td < fd) ? 1 : 0);
}

/** Whole months between two ISO dates (0 when `on` is before `from`). */
export function monthsBetween(from: string, on: string): number {
  const [fy, fm, fd] = parts(from);
  const [ty, tm, td] = parts(on);
  const months = (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
  return Math.max(0, months);
}

export function daysSince(instant: Date, now: Date = new Date()): number {
  return Math.max(0, Math.floor((now.getTime() - instant.getTime()) / 86_400_000));
}

export type AgeBand = '<27' | '27-44' | '45+';

/** CBS bands used for bijstand statistics: under 27, 27 to 45, 45 and over. */
export function ageBand(age: number): AgeBand {
  if (age < 27) return '<27';
  if (age < 45) return '27-44';
  return '45+';
}

export function isValidIsoDate(iso: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return false;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}
