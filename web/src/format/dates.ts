// Dates the Dutch way: "20 november 2026" (long) and "20-11-2026" (short). Dates without time ("2026-11-20")
// are read as calendar dates, never shifted by time zones.

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

function toDate(value: string | Date): Date {
  if (value instanceof Date) return value;
  const m = DATE_ONLY.exec(value);
  if (m) return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(value);
}

export function formatDate(value: string | Date, locale: string): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric' }).format(toDate(value));
}

/** 1-3-2027 (nl) or 01/03/2027 (en). */
export function formatShortDate(value: string | Date, locale: string): string {
  const d = toDate(value);
  if (locale.startsWith('nl')) return `${d.getDate()}-${d.getMonth() + 1}-${d.getFullYear()}`;
  return new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric' }).format(d);
}

export function formatDateTime(value: string | Date, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(toDate(value));
}

/** Whole days between a moment and now (0 = today). */
export function daysAgo(value: string | Date, now: Date = new Date()): number {
  const d = toDate(value);
  const start = new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  const today = new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime();
  return Math.round((today - start) / 86_400_000);
}

/** Today as YYYY-MM-DD in local time (for date inputs). */
export function todayIso(now: Date = new Date()): string {
  return localIsoDate(now);
}

export function localIsoDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Current local time as HH:MM (for time inputs). */
export function nowTime(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(now.getHours())}:${pad(now.getMinutes())}`;
}

/** A local date and time from form inputs as ISO 8601 with the local offset: 2026-11-20T10:00:00+01:00. */
export function localDateTimeWithOffset(date: string, time: string): string {
  const [y, mo, d] = date.split('-').map(Number);
  const [h, mi] = time.split(':').map(Number);
  const local = new Date(y ?? 0, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0, 0);
  const offsetMinutes = -local.getTimezoneOffset();
  const sign = offsetMinutes >= 0 ? '+' : '-';
  const abs = Math.abs(offsetMinutes);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date}T${pad(h ?? 0)}:${pad(mi ?? 0)}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** Months split into whole years and the remaining months. */
export function yearsAndMonths(months: number): { years: number; months: number } {
  return { years: Math.floor(months / 12), months: months % 12 };
}
