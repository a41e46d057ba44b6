/**
 * Outflow (uitstroom uit de bijstand) rules, pure and shared by the API and the web form (issue 12). Dates are ISO
 * "YYYY-MM-DD" or typed (DD-MM-JJJJ); messages are Dutch and say how to fix the input.
 */
import { addYears, calendarDateProblem, dutchDateLong, toIsoDate, type DateProblem } from './date-rules.ts';

export const OUTFLOW_REASONS = ['workFullTime', 'workPartTime', 'education', 'otherIncome', 'moved', 'partner', 'other'] as const;
export type OutflowReason = (typeof OUTFLOW_REASONS)[number];

/** Reasons that are work: the outflow is linked to the resident's placement when there is one. */
export const WORK_REASONS: readonly OutflowReason[] = ['workFullTime', 'workPartTime'];

/** From this many hours a week a job counts as full-time work (the usual full working week in Dutch CAOs). */
export const FULL_TIME_HOURS_PER_WEEK = 36;

/** The outflow reason of a placement that ends the benefit: full-time or part-time work by its hours. */
export function placementOutflowReason(hoursPerWeek: number): OutflowReason {
  return hoursPerWeek >= FULL_TIME_HOURS_PER_WEEK ? 'workFullTime' : 'workPartTime';
}

/** A return to benefit within this many months undoes the outflow (it is counted against it). */
export const RETURN_WINDOW_MONTHS = 12;

/** How far ahead an outflow may be registered (an announced job start). */
export const OUTFLOW_HORIZON_DAYS = 92;

function addDays(iso: string, n: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + n)).toISOString().slice(0, 10);
}

/** `n` calendar months after the day; a day that does not exist becomes the month's last (31 Jan + 1 = 28/29 Feb). */
export function addMonthsIso(iso: string, n: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const total = y! * 12 + (m! - 1) + n;
  const ty = Math.floor(total / 12);
  const tm = (total % 12) + 1;
  const last = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
  return `${String(ty).padStart(4, '0')}-${String(tm).padStart(2, '0')}-${String(Math.min(d!, last)).padStart(2, '0')}`;
}

/** The outflow day: a real day, on or after the benefit's start, at most OUTFLOW_HORIZON_DAYS ahead. */
export function outflowDateProblem(raw: string, benefitStart: string | null | undefined, today: string): DateProblem | null {
  const base = calendarDateProblem(raw);
  if (base) return base.code === 'required' ? { code: 'required', reason: 'Vul de datum van de uitstroom in, bijvoorbeeld 01-03-2026.' } : base;
  const iso = toIsoDate(raw)!;
  const start = benefitStart ? toIsoDate(benefitStart) : null;
  if (start && iso < start) {
    return { code: 'beforeBenefitStart', reason: `De uitstroom kan niet vóór de start van de uitkering liggen (${dutchDateLong(start)}). Kies een latere datum.` };
  }
  if (iso > addDays(today, OUTFLOW_HORIZON_DAYS)) {
    return { code: 'tooFar', reason: `Een uitstroom ligt hoogstens ${OUTFLOW_HORIZON_DAYS} dagen vooruit. Controleer de datum.` };
  }
  if (iso > addYears(today, 1)) return { code: 'tooFar', reason: 'Controleer het jaar.' };
  return null;
}

/** The start of a return to benefit: after the last benefit ended, not in the future. */
export function returnDateProblem(raw: string, lastBenefitEnd: string | null, today: string): DateProblem | null {
  const base = calendarDateProblem(raw);
  if (base) return base;
  const iso = toIsoDate(raw)!;
  if (iso > today) return { code: 'future', reason: 'De nieuwe uitkering kan niet in de toekomst begonnen zijn.' };
  if (lastBenefitEnd && iso <= lastBenefitEnd) {
    return { code: 'beforeEnd', reason: `De nieuwe uitkering begint na het einde van de vorige (${dutchDateLong(lastBenefitEnd)}).` };
  }
  return null;
}

/** Does a benefit starting on `benefitStart` undo an outflow of `outflowOn` (after it, within 12 months)? */
export function undoesOutflow(outflowOn: string, benefitStart: string): boolean {
  return benefitStart > outflowOn && benefitStart <= addMonthsIso(outflowOn, RETURN_WINDOW_MONTHS);
}

/**
 * The outflow a new benefit undoes: the latest outflow before it that it returns within 12 months of and that no
 * earlier return undid. Null when none (a return after more than 12 months counts as new inflow, not against).
 */
export function outflowUndoneBy<T extends { outflowOn: string; returnedOn: string | null }>(outflows: readonly T[], benefitStart: string): T | null {
  const open = outflows.filter((o) => o.returnedOn === null && undoesOutflow(o.outflowOn, benefitStart));
  open.sort((a, b) => b.outflowOn.localeCompare(a.outflowOn));
  return open[0] ?? null;
}

/** A month as the API takes it (YYYY-MM) → its first day; null when it is no month. */
export function monthStart(month: string): string | null {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return null;
  const mo = Number(m[2]);
  if (mo < 1 || mo > 12) return null;
  return `${m[1]}-${m[2]}-01`;
}

/** Partial work is recorded for a month that has begun, while the benefit runs (from its start month). */
export function partialWorkMonthProblem(month: string, benefitStart: string | null, today: string): DateProblem | null {
  const first = monthStart(month);
  if (!first) return { code: 'format', reason: 'Gebruik een maand als JJJJ-MM, bijvoorbeeld 2026-03.' };
  if (first > today) return { code: 'future', reason: 'Werk en inkomsten vult u in voor een maand die al begonnen is.' };
  if (!benefitStart) return { code: 'noBenefit', reason: 'Deze inwoner heeft geen lopende uitkering.' };
  if (first < `${benefitStart.slice(0, 7)}-01`) return { code: 'beforeBenefitStart', reason: 'Deze maand ligt vóór de start van de uitkering.' };
  return null;
}
