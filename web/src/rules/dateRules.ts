// The server's date rules, shared (not copied): the same pure module the API's services call. A form checks every
// field with them before sending, so all messages show at once, next to their fields; the API holds the same rules.
import { toIsoDate } from '../../../src/domain/date-rules.ts';

export * from '../../../src/domain/date-rules.ts';

/** Today in the Netherlands (YYYY-MM-DD), as the server counts it. */
export function todayNl(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
}

/** A typed date in the API's form (YYYY-MM-DD); what is no date is sent as typed, so the server names the field. */
export function apiDate(typed: string): string {
  return toIsoDate(typed) ?? typed.trim();
}
