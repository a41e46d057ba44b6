// How a meeting reads: "maandag 23 november 2026, 10:00–11:00" and the words for types, modes and statuses.

const pad = (n: number) => String(n).padStart(2, '0');

export function formatMeetingDay(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(iso));
}

export function formatTime(iso: string): string {
  const d = new Date(iso);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** "maandag 23 november 2026, 10:00–11:00" (the end left out when unknown). */
export function formatMeetingWhen(startsAt: string, endsAt: string | null, locale: string): string {
  return `${formatMeetingDay(startsAt, locale)}, ${formatTime(startsAt)}${endsAt ? `–${formatTime(endsAt)}` : ''}`;
}

/** The local date (YYYY-MM-DD) of an instant, for date inputs. */
export function localDateOf(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
