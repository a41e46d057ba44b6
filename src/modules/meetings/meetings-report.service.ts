import { todayInNl } from '../../domain/dates.ts';
import type { RequestContext } from '../../platform/context.ts';
import { problems, type InvalidParam } from '../../platform/http/problem.ts';
import { recordContactMoment } from '../residents/residents.service.ts';
import { dutchDate } from './agenda.ts';
import {
  addToPlan,
  checkAgreedActions,
  currentPlan,
  type PlanOutcome,
} from './agreed-actions.service.ts';
import {
  CLOCK_LEEWAY_MS,
  MEETING_TYPE_LABELS,
  contactChannelOf,
  isOpen,
  statusAfterReport,
  type MeetingMode,
  type MeetingStatus,
  type MeetingType,
} from './meeting-rules.ts';
import type { MeetingReportCreate } from './meetings.schema.ts';
import { meetingsStore } from './meetings.store.ts';
import { loadVisibleMeeting, notOpen, presentVisible } from './meetings.service.ts';

// Recording the report (gespreksverslag) of a meeting: attendance, the report text and the actions agreed.
// All of it is one transaction (the residents and plans services join it, see RequestContext.transaction):
// check everything, the agreed actions against the plan included; store the report, the attendance and the
// agreements (PA-010); when the resident came, a contact moment that moves the last contact (PA-001); when actions
// were agreed, add them to the plan, starting it when there is none (PA-009). Anything refused anywhere rolls the
// whole request back: no report without its actions, no actions without their report.


function checkAttendance(
  body: MeetingReportCreate,
  participants: Array<{ id: string; kind: string }>,
  errors: InvalidParam[],
): boolean {
  const known = new Set(participants.map((p) => p.id));
  body.attendance.forEach((a, i) => {
    if (!known.has(a.participantId)) {
      errors.push({
        name: `attendance.${i}.participantId`,
        code: 'unknown',
        reason: 'Deze deelnemer hoort niet bij dit gesprek.',
      });
    }
  });
  const residentId = participants.find((p) => p.kind === 'resident')?.id;
  const entry = body.attendance.find((a) => a.participantId === residentId);
  if (!entry)
    errors.push({
      name: 'attendance',
      code: 'resident',
      reason: 'Geef aan of de inwoner bij het gesprek was.',
    });
  return entry?.attended ?? true;
}

export async function recordReport(ctx: RequestContext, meetingId: string, body: MeetingReportCreate) {
  return ctx.transaction(() => recordReportInTransaction(ctx, meetingId, body));
}

async function recordReportInTransaction(ctx: RequestContext, meetingId: string, body: MeetingReportCreate) {
  const now = new Date();
  const step1 = await ctx.transaction(async (tx, log) => {
    const v = await loadVisibleMeeting(tx, ctx, meetingId, true);
    if (v.view !== 'full') throw problems.notFound('Dit gesprek');
    const m = v.meeting;
    if (!isOpen(m.status as MeetingStatus)) throw notOpen(m.status);
    const errors: InvalidParam[] = [];
    if (m.starts_at.getTime() > now.getTime() + CLOCK_LEEWAY_MS) {
      errors.push({
        name: 'report',
        code: 'notYet',
        reason: 'Dit gesprek is nog niet begonnen. Leg het verslag vast na het gesprek, of verplaats het.',
      });
    }
    const status = statusAfterReport(checkAttendance(body, v.participants, errors));
    if (status === 'held' && !body.report) {
      errors.push({
        name: 'report',
        code: 'required',
        reason: 'Schrijf een kort verslag: wat is besproken en wat is afgesproken?',
      });
    }
    if (status === 'noShow' && body.agreedActions.length > 0) {
      errors.push({
        name: 'agreedActions',
        code: 'noShow',
        reason: 'De inwoner was er niet, dus zijn er geen afspraken met hem gemaakt. Plan een nieuw gesprek.',
      });
    }
    const type = m.type as MeetingType;
    const plan = body.agreedActions.length > 0 ? await currentPlan(tx, ctx, v.resident.id) : null;
    const defaultGoal = `Afspraken uit het ${MEETING_TYPE_LABELS[type].toLocaleLowerCase('nl')} van ${dutchDate(todayInNl(m.starts_at))}`;
    const agreed = await checkAgreedActions(
      tx,
      ctx,
      v.resident,
      plan,
      body.agreedActions,
      defaultGoal,
      errors,
    );
    if (errors.length > 0) throw problems.invalid(errors);
    const store = meetingsStore(tx, ctx.principal);
    if (
      !(await store.recordReport(meetingId, { status, report: body.report || null, agreedActions: agreed }))
    )
      throw notOpen('held');
    for (const a of body.attendance) await store.setAttendance(meetingId, a.participantId, a.attended);
    log.subjects([v.resident.id], { action: 'meetings.report' });
    return {
      ...presentVisible(ctx, await loadVisibleMeeting(tx, ctx, meetingId)),
      residentId: v.resident.id,
      status,
      hadPlan: plan !== null,
      agreed,
      contact: {
        occurredAt: new Date(Math.min(m.starts_at.getTime(), now.getTime())).toISOString(),
        channel: contactChannelOf(type, m.mode as MeetingMode),
        summary: `${MEETING_TYPE_LABELS[type]} gehouden`,
      },
    };
  });

  let contactMomentRecorded = false;
  if (step1.status === 'held') {
    await recordContactMoment(ctx, step1.residentId, step1.contact);
    contactMomentRecorded = true;
  }
  let plan: PlanOutcome | null = null;
  if (body.agreedActions.length > 0) {
    plan = await addToPlan(ctx, step1.residentId, body.agreedActions, step1.agreed, step1.hadPlan);
  }
  return { meeting: step1.meeting, etag: step1.etag, contactMomentRecorded, plan };
}
