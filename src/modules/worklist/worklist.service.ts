import { todayInNl } from '../../domain/dates.ts';
import type { Principal } from '../../platform/access/principal.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/transaction.ts';
import { isEmptyScope } from '../residents/residents.policy.ts';
import { displayName } from '../residents/residents.presenter.ts';
import { NEW_CASE_DAYS, selectDueActions, selectNewWithoutPlan, selectOverContactNorm } from './worklist.rules.ts';
import { worklistStore, type ResidentCols } from './worklist.store.ts';
import type { MeetingType } from '../meetings/meeting-rules.ts';
import { studyContactNorms } from '../studies/studies.service.ts';
import { searchPeriodCountdowns } from '../youth/search-periods.service.ts';

// "Mijn werklijst": what asks for the werkmatcher's attention today, for the residents he is the contact person of
// and the actions he carries. Every list is bounded (LIST_LIMIT rows, with the full count); every resident shown
// is recorded in the processing log (PA-011) in one entry.

export const LIST_LIMIT = 50;

type Section = 'plan' | 'meetings' | 'contactMoments' | 'history' | 'youth';

function residentOf(r: ResidentCols) {
  return { id: r.resident_id, name: displayName(r), area: { id: r.area_id, name: r.area_name } };
}
const link = (residentId: string, section: Section) => ({ residentId, section });

/** The selection for one person, also used by the daily reminder (same rules, same numbers). */
export async function selectWorklist(tx: Tx, principal: Principal, now: Date) {
  const today = todayInNl(now);
  const store = worklistStore(tx, principal);
  if (isEmptyScope(store.scope)) return null;
  const caseload = (await store.caseload()).map((r) => ({
    ...r,
    id: r.resident_id,
    lastContactAt: r.last_contact_at,
    openedOn: r.opened_on,
    contactPersonSince: r.contact_person_since,
    hasActivePlan: r.has_active_plan,
  }));
  // A study arm's contact norm (e.g. every 14 days) applies to its residents, through the studies module's service.
  const studyNorms = await studyContactNorms(tx, principal, caseload.map((r) => r.id), today);
  const overNorm = selectOverContactNorm(caseload, principal.contactNormDays, now, studyNorms);
  const newWithoutPlan = selectNewWithoutPlan(caseload, today, now);
  const dueRows = await store.dueActions(today, LIST_LIMIT);
  const due = selectDueActions(dueRows.map((a) => ({ ...a, dueDate: a.due_date })), today);
  const dueTotal = Number(dueRows[0]?.total ?? 0);
  const overdueTotal = Number(dueRows[0]?.overdue ?? 0);
  return { today, store, overNorm, newWithoutPlan, due, dueTotal, overdueTotal };
}

export async function getWorklist(ctx: RequestContext) {
  const now = new Date();
  return ctx.transaction(async (tx, log) => {
    const norm = ctx.principal.contactNormDays;
    const sel = await selectWorklist(tx, ctx.principal, now);
    if (!sel) {
      const counts = { searchPeriodsEnding: 0, newInCaseload: 0, dueActions: 0, overdueActions: 0, dueToday: 0, overContactNorm: 0, upcomingMeetings: 0, newWithoutPlan: 0 };
      return { today: todayInNl(now), contactNormDays: norm, searchPeriodsEnding: [], newInCaseload: [], dueActions: [], overContactNorm: [], upcomingMeetings: [], newWithoutPlan: [], counts };
    }
    const fresh = await sel.store.newInCaseload(NEW_CASE_DAYS, LIST_LIMIT);
    const meetings = await sel.store.upcomingMeetings(now, LIST_LIMIT);
    // Team Jongeren's countdowns, through the youth module's service (issue 13).
    const countdowns = await searchPeriodCountdowns(tx, ctx.principal, sel.today, LIST_LIMIT);
    const searchPeriodsEnding = countdowns.items.map((c) => ({ ...c, link: link(c.resident.id, 'youth') }));

    const newInCaseload = fresh.map((h) => ({
      resident: residentOf(h),
      handoverNote: h.handover_note,
      assignedAt: h.assigned_at.toISOString(),
      assignedBy: h.assigned_by ? { id: h.assigned_by, displayName: h.assigned_by_name ?? '' } : null,
      previousContactPerson: h.previous_id ? { id: h.previous_id, displayName: h.previous_name ?? '' } : null,
      link: link(h.resident_id, 'history'),
    }));
    const dueActions = sel.due.map((a) => ({
      id: a.id,
      resident: residentOf(a),
      description: a.description,
      goalTitle: a.goal_title,
      dueDate: a.due_date,
      status: a.status as 'open' | 'inProgress',
      ownerType: a.owner_type as 'jobCoach' | 'resident',
      state: a.state,
      daysOverdue: a.daysOverdue,
      link: link(a.resident_id, 'plan'),
    }));
    const overContactNorm = sel.overNorm.slice(0, LIST_LIMIT).map((r) => ({
      resident: residentOf(r),
      lastContactAt: r.last_contact_at ? r.last_contact_at.toISOString() : null,
      daysSinceContact: r.daysSinceContact,
      daysSinceOpened: r.daysSinceOpened,
      norm: r.norm,
      daysOver: r.daysOver,
      link: link(r.resident_id, 'contactMoments'),
    }));
    const upcomingMeetings = meetings.map((mt) => ({
      id: mt.id,
      resident: residentOf(mt),
      type: mt.type as MeetingType,
      startsAt: mt.starts_at.toISOString(),
      endsAt: mt.ends_at ? mt.ends_at.toISOString() : null,
      link: link(mt.resident_id, 'meetings'),
    }));
    const newWithoutPlan = sel.newWithoutPlan.slice(0, LIST_LIMIT).map((r) => ({
      resident: residentOf(r),
      caseOpenedOn: r.opened_on,
      contactPersonSince: r.contact_person_since ? r.contact_person_since.toISOString() : null,
      link: link(r.resident_id, 'plan'),
    }));
    const counts = {
      searchPeriodsEnding: countdowns.total,
      newInCaseload: Number(fresh[0]?.total ?? 0),
      dueActions: sel.dueTotal,
      overdueActions: sel.overdueTotal,
      dueToday: sel.dueTotal - sel.overdueTotal,
      overContactNorm: sel.overNorm.length,
      upcomingMeetings: Number(meetings[0]?.total ?? 0),
      newWithoutPlan: sel.newWithoutPlan.length,
    };
    const shown = [searchPeriodsEnding, newInCaseload, dueActions, overContactNorm, upcomingMeetings, newWithoutPlan].flatMap((list) => list.map((x) => x.resident.id));
    log.subjects(shown, { action: 'worklist.read' });
    return { today: sel.today, contactNormDays: norm, searchPeriodsEnding, newInCaseload, dueActions, overContactNorm, upcomingMeetings, newWithoutPlan, counts };
  });
}
