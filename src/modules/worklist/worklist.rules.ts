import { daysSince } from '../../domain/dates.ts';

// Pure selection rules of the worklist ("Mijn werklijst") and the contact guarantee. No I/O: the store fetches
// candidates, these rules decide what is due, who is over the norm and who is new without a plan.

/** A case opened, or a contact person assigned, this many days ago or less counts as new (as in the caseload). */
export const NEW_CASE_DAYS = 30;

export type DueState = 'overdue' | 'dueToday';

const CLOSED_ACTION = new Set(['done', 'cancelled']);

/** Whole calendar days from one ISO date to another (negative when `to` is earlier). */
export function daysBetweenDates(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Due: due today or earlier and not done or cancelled; overdue when the date is before today. */
export function dueState(action: { dueDate: string | null; status: string }, today: string): DueState | null {
  if (action.dueDate === null || CLOSED_ACTION.has(action.status)) return null;
  if (action.dueDate < today) return 'overdue';
  return action.dueDate === today ? 'dueToday' : null;
}

export interface DueFacts {
  state: DueState;
  daysOverdue: number;
}

/** The due actions, oldest due date first (then by id, so the order is stable). */
export function selectDueActions<T extends { id: string; dueDate: string | null; status: string }>(actions: readonly T[], today: string): Array<T & DueFacts> {
  const out: Array<T & DueFacts> = [];
  for (const a of actions) {
    const state = dueState(a, today);
    if (state) out.push({ ...a, state, daysOverdue: daysBetweenDates(a.dueDate!, today) });
  }
  return out.sort((a, b) => (a.dueDate! < b.dueDate! ? -1 : a.dueDate! > b.dueDate! ? 1 : a.id.localeCompare(b.id)));
}

import { contactNorm, type ContactNormFacts } from '../../domain/contact-norm.ts';

export { contactNorm, type ContactNormFacts };

/** Residents over the norm (counted from the later of last contact and opening): most days over first (then by id). */
export function selectOverContactNorm<T extends { id: string; lastContactAt: Date | null; openedOn: string | null }>(
  rows: readonly T[],
  norm: number,
  now: Date,
  /** A resident's own norm where a rule sets one (a study arm's contact frequency, issue 14); else `norm`. */
  normOf: ReadonlyMap<string, number> = new Map(),
): Array<T & ContactNormFacts> {
  const over = rows.map((r) => ({ ...r, ...contactNorm(r, normOf.get(r.id) ?? norm, now) })).filter((r) => r.over);
  const rank = (r: ContactNormFacts) => (r.daysOver === null ? Number.POSITIVE_INFINITY : r.daysOver);
  return over.sort((a, b) => rank(b) - rank(a) || a.id.localeCompare(b.id));
}

/** New: the case opened, or the contact person was assigned, at most NEW_CASE_DAYS ago. */
export function isNewCase(r: { openedOn: string | null; contactPersonSince: Date | null }, today: string, now: Date): boolean {
  const opened = r.openedOn !== null && daysBetweenDates(r.openedOn, today) <= NEW_CASE_DAYS;
  const assigned = r.contactPersonSince !== null && daysSince(r.contactPersonSince, now) <= NEW_CASE_DAYS;
  return opened || assigned;
}

/** New residents without an active plan, most recently arrived first (then by id). */
export function selectNewWithoutPlan<T extends { id: string; openedOn: string | null; contactPersonSince: Date | null; hasActivePlan: boolean }>(
  rows: readonly T[],
  today: string,
  now: Date,
): T[] {
  const arrived = (r: T) => Math.max(r.openedOn ? Date.parse(`${r.openedOn}T00:00:00Z`) : 0, r.contactPersonSince?.getTime() ?? 0);
  return rows.filter((r) => !r.hasActivePlan && isNewCase(r, today, now)).sort((a, b) => arrived(b) - arrived(a) || a.id.localeCompare(b.id));
}

export interface ReminderCounts {
  overdueActions: number;
  dueToday: number;
  overContactNorm: number;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const nlMoment = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' });

/**
 * The daily reminder in plain Dutch, counts only ("3 acties verlopen, 5 inwoners boven de contactnorm"), saying when
 * it was counted: by the time it is read the werklijst may show other numbers. Null when nothing is due.
 */
export function reminderText(c: ReminderCounts, countedAt: Date): { title: string; body: string } | null {
  const parts: string[] = [];
  if (c.overdueActions > 0) parts.push(`${plural(c.overdueActions, 'actie', 'acties')} verlopen`);
  if (c.dueToday > 0) parts.push(`${plural(c.dueToday, 'actie', 'acties')} voor vandaag`);
  if (c.overContactNorm > 0) parts.push(`${plural(c.overContactNorm, 'inwoner', 'inwoners')} boven de contactnorm`);
  if (parts.length === 0) return null;
  return {
    title: parts.join(', '),
    body: `Geteld op ${nlMoment.format(countedAt)}. Uw werklijst toont de stand van nu, met per inwoner wat er moet gebeuren.`,
  };
}
