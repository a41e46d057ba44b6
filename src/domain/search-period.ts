/**
 * The search period (zoektermijn, Participatiewet art. 41 lid 4): a young person under 27 on the day he reports
 * (melding) first searches for work or education for four weeks before the application for bijstand is handled.
 * Pure, no I/O, no Node-only APIs (the web bundles this file).
 *
 * - start = the report date; end = 28 calendar days later (the day the application can be handled).
 *   Calendar-day arithmetic on ISO dates in UTC: no time zone, no DST shift can move a day.
 * - running while today < end; ended from the end date on, or earlier when the college decided to handle the
 *   application earlier (art. 41 lid 11 since 2026, with a recorded reason);
 * - exempted when a senior confirmed an exemption (four eyes); withdrawn when the melding was withdrawn.
 */

import type { DateProblem } from './date-rules.ts';
import { isValidIsoDate, yearsBetween } from './dates.ts';

export const SEARCH_PERIOD_DAYS = 28;
/** The search period applies to applicants under this age on the report date. */
export const SEARCH_PERIOD_AGE_LIMIT = 27;
/** Bijstand starts at 18: younger people have no application to wait for. */
export const SEARCH_PERIOD_MIN_AGE = 18;
/** The reminder to the contact person: this many days before the end. */
export const REMINDER_DAYS_BEFORE = 3;
/** A melding older than this is not entered as a new search period (it would have ended long ago). */
export const MAX_REPORT_AGE_DAYS = 366;

export const SEARCH_PERIOD_STATUSES = ['running', 'ended', 'exempted', 'withdrawn'] as const;
export type SearchPeriodStatus = (typeof SEARCH_PERIOD_STATUSES)[number];
/** What is stored; 'ended' follows from the date (or the decision to handle earlier). */
export type StoredSearchPeriodStatus = 'running' | 'exempted' | 'withdrawn';

const DAY_MS = 86_400_000;

function utcMs(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y!, m! - 1, d!);
}

function isoOf(ms: number): string {
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  return `${String(y).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

/** The ISO date `days` calendar days after `iso` (negative: before). */
export function addDaysIso(iso: string, days: number): string {
  return isoOf(utcMs(iso) + days * DAY_MS);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetweenIso(from: string, to: string): number {
  return Math.round((utcMs(to) - utcMs(from)) / DAY_MS);
}

export interface SearchPeriodDates {
  startDate: string;
  endDate: string;
}

/** Start and end of the search period for a report date. */
export function searchPeriodDates(reportDate: string): SearchPeriodDates {
  return { startDate: reportDate, endDate: addDaysIso(reportDate, SEARCH_PERIOD_DAYS) };
}

/** Whether the search period applies: 18 or older and under 27 on the report date. */
export function searchPeriodApplies(dateOfBirth: string, reportDate: string): boolean {
  const age = yearsBetween(dateOfBirth, reportDate);
  return age >= SEARCH_PERIOD_MIN_AGE && age < SEARCH_PERIOD_AGE_LIMIT;
}

/** The problem with a report date (not a date, in the future, too long ago), or null. */
export function reportDateProblem(raw: string, today: string): DateProblem | null {
  if (!isValidIsoDate(raw)) return { code: 'format', reason: 'Vul een bestaande datum in (JJJJ-MM-DD).' };
  if (raw > today) return { code: 'future', reason: 'De meldingsdatum ligt in de toekomst. Vul de dag in waarop de jongere zich meldde: vandaag of eerder.' };
  if (daysBetweenIso(raw, today) > MAX_REPORT_AGE_DAYS) {
    return { code: 'tooOld', reason: 'De meldingsdatum is meer dan een jaar geleden. Controleer de datum.' };
  }
  return null;
}

export interface SearchPeriodFacts {
  status: StoredSearchPeriodStatus;
  startDate: string;
  endDate: string;
  /** The college decided to handle the application earlier (art. 41 lid 11). */
  handledEarlyOn: string | null;
}

export interface SearchPeriodState {
  status: SearchPeriodStatus;
  /** Days until the end while running (1 or more), else null. */
  daysLeft: number | null;
  /** Days since the start, from 0 (the report date) up to 28. */
  dayOfPeriod: number;
  /** Due for the reminder to the contact person (running and at most REMINDER_DAYS_BEFORE days left). */
  reminderDue: boolean;
}

/** The state of a search period on a day. */
export function searchPeriodState(p: SearchPeriodFacts, today: string): SearchPeriodState {
  const dayOfPeriod = Math.min(SEARCH_PERIOD_DAYS, Math.max(0, daysBetweenIso(p.startDate, today)));
  if (p.status !== 'running') return { status: p.status, daysLeft: null, dayOfPeriod, reminderDue: false };
  const daysLeft = daysBetweenIso(today, p.endDate);
  if (daysLeft <= 0 || (p.handledEarlyOn !== null && p.handledEarlyOn <= today)) {
    return { status: 'ended', daysLeft: null, dayOfPeriod, reminderDue: false };
  }
  return { status: 'running', daysLeft, dayOfPeriod, reminderDue: daysLeft <= REMINDER_DAYS_BEFORE };
}

/** "Zoektermijn eindigt over 3 dagen" (the countdown on the worklist and the resident page). */
export function countdownText(daysLeft: number): string {
  if (daysLeft <= 1) return 'Zoektermijn eindigt morgen';
  return `Zoektermijn eindigt over ${daysLeft} dagen`;
}
