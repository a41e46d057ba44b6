import { todayInNl } from '../../domain/dates.ts';
import { WorkPaysParameterError, workPays } from '../../domain/work-pays.ts';
import { isResident } from '../../platform/access/principal.ts';
import type { RequestContext } from '../../platform/context.ts';
import { ProblemError, problems } from '../../platform/http/problem.ts';
import { invitation } from '../meetings/meetings-calendar.service.ts';
import { replyToAppointment, residentAppointments } from '../meetings/meetings-resident.service.ts';
import { getPlan, planPdf } from '../plans/plans.service.ts';
import { addGoal, agreeAsResident, updateAction } from '../plans/plans-edit.service.ts';
import { residentsStore } from '../residents/residents.store.ts';
import { contactPersonReach, hidesStaffNames } from './portal.store.ts';
import { ownProcessingLog } from '../privacy/privacy-own.service.ts';
import { ownUnreadCount } from '../messages/messages.service.ts';
import type { WorkProfileBody } from '../matching/matching.schema.ts';
import { listProposals, recordResidentResponse } from '../matching/proposals.service.ts';
import { getWorkProfile, putWorkProfile } from '../matching/work-profiles.service.ts';

// Mijn Samenplan (issue 11): the resident's own use cases. Every one runs as the resident principal: the database
// scopes every row to his own (samenplan.scope_resident, ADR 0016), and the owning modules' services do the work
// (meetings, plans), so their rules, versions and history hold for the resident too.

/** The resident of the session; a staff principal never gets here (the route guard answers 404). */
export function ownResident(ctx: RequestContext): string {
  if (!isResident(ctx.principal)) throw problems.notFound();
  return ctx.principal.residentId;
}

const noPlan = (err: unknown) => err instanceof ProblemError && err.status === 404;

/** "Uw plan" and "Wie helpt u?": the contact person, the next appointments and the plan in short. */
export async function home(ctx: RequestContext) {
  const residentId = ownResident(ctx);
  return ctx.transaction(async (tx, log) => {
    const resident = await residentsStore(tx, ctx.principal).findById(residentId);
    if (!resident) throw problems.notFound();
    const staff = resident.contact_person_id ? await contactPersonReach(tx, ctx.principal.municipalityId, resident.contact_person_id) : null;
    const appointments = await residentAppointments(ctx);
    let plan: { myOpenActions: number; agreed: boolean; version: number } | null = null;
    try {
      const { plan: p } = await getPlan(ctx, residentId);
      const mine = p.goals.flatMap((g) => g.actions).filter((a) => a.owner.type === 'resident' && (a.status === 'open' || a.status === 'inProgress'));
      plan = { myOpenActions: mine.length, agreed: Boolean(p.agreement && !p.agreement.changedSinceAgreement), version: p.version };
    } catch (err) {
      if (!noPlan(err)) throw err;
    }
    const unreadMessages = await ownUnreadCount(ctx);
    log.subjects([residentId], { action: 'portal.home' });
    return {
      firstName: resident.given_names.split(/\s+/)[0] ?? resident.given_names,
      contactPerson: staff
        ? { name: staff.display_name, email: staff.email, since: resident.contact_person_since?.toISOString() ?? null, organisation: ctx.principal.municipalityName }
        : null,
      appointments,
      plan,
      unreadMessages,
    };
  });
}

export async function appointmentCalendar(ctx: RequestContext, meetingId: string) {
  ownResident(ctx);
  return invitation(ctx, meetingId);
}

export async function answerAppointment(ctx: RequestContext, meetingId: string, body: { confirm: true } | { moveNote: string }) {
  ownResident(ctx);
  return replyToAppointment(ctx, meetingId, body);
}

export async function myPlan(ctx: RequestContext) {
  return getPlan(ctx, ownResident(ctx));
}

export async function markAction(ctx: RequestContext, actionId: string, ifMatch: string | undefined, status: 'open' | 'done') {
  return updateAction(ctx, ownResident(ctx), actionId, ifMatch, { status });
}

export async function proposeGoal(ctx: RequestContext, ifMatch: string | undefined, body: { title: string; description?: string }) {
  return addGoal(ctx, ownResident(ctx), ifMatch, { title: body.title, description: body.description || undefined });
}

export async function agree(ctx: RequestContext, ifMatch: string | undefined) {
  return agreeAsResident(ctx, ownResident(ctx), ifMatch);
}

export async function myPlanPdf(ctx: RequestContext) {
  return planPdf(ctx, ownResident(ctx));
}

/** "Wie bekeek mijn dossier?": the processing log about the resident, in plain words (PA-024). */
export async function accessLog(ctx: RequestContext) {
  ownResident(ctx);
  return ctx.transaction(async (tx) => ownProcessingLog(ctx, await hidesStaffNames(tx, ctx.principal.municipalityId)));
}

/**
 * "Werkt het loont?" — an estimate from what the resident fills in; nothing is stored. The study arm ('werkenLoont')
 * is chosen by its key: the studies module will pass the resident's arm here (docs/adr/0017).
 */
export function calculateWorkPays(body: {
  hoursPerWeek: number;
  hourlyWage: number;
  household: 'single' | 'singleParent' | 'couple';
  age27OrOlder: boolean;
  youngestChildUnder12?: boolean;
  monthsUsed?: number;
  date?: string;
  variant?: 'werkenLoont';
}) {
  const monthsUsed = body.monthsUsed ?? 0;
  try {
    return workPays({
      date: body.date ?? todayInNl(),
      household: body.household,
      age: body.age27OrOlder ? 27 : 26,
      hoursPerWeek: body.hoursPerWeek,
      hourlyWageCents: Math.round(body.hourlyWage * 100),
      youngestChildAge: body.household === 'singleParent' && body.youngestChildUnder12 ? 0 : null,
      // One count of months with a disregard: first onder n (6 months), then onder r.
      monthsUsedN: monthsUsed,
      monthsUsedR: Math.max(0, monthsUsed - 6),
      variant: body.variant ?? null,
    });
  } catch (err) {
    if (err instanceof WorkPaysParameterError) {
      throw problems.invalid([{ name: 'date', code: 'noParameters', reason: 'Voor deze datum kunnen we nog niet rekenen. Kies een datum vanaf 1 juli 2025.' }]);
    }
    throw err;
  }
}

/** "Mijn werkwensen": his work profile, read through the matching module (the same ETag and versions). */
export async function myWorkProfile(ctx: RequestContext) {
  return getWorkProfile(ctx, ownResident(ctx));
}

/** He fills in or changes his own work profile: the matching module's validation and rules, unchanged. */
export async function saveMyWorkProfile(ctx: RequestContext, ifMatch: string | undefined, body: WorkProfileBody) {
  return putWorkProfile(ctx, ownResident(ctx), ifMatch, body);
}

/** The vacancies his werkmatcher proposed to him. */
export async function myProposals(ctx: RequestContext) {
  return listProposals(ctx, ownResident(ctx));
}

/** He says yes or no himself (recorded with channel portal; the werkmatcher sees it with her proposals). */
export async function answerProposal(ctx: RequestContext, proposalId: string, agreed: boolean) {
  ownResident(ctx);
  return recordResidentResponse(ctx, proposalId, { agreed, how: 'portal' });
}
