import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/transaction.ts';
import { etagOf, versionFromIfMatch } from '../../platform/http/etag.ts';
import { ProblemError, problems, type InvalidParam } from '../../platform/http/problem.ts';
import { listBarriers } from '../assessments/assessments.service.ts';
import { loadState } from '../plans/plan-state.ts';
import { presentPlan } from '../plans/plans.presenter.ts';
import { residentView, type ResidentView } from '../residents/residents.policy.ts';
import { residentsStore, type ResidentDetailRow } from '../residents/residents.store.ts';
import { buildAgenda, type AgendaBarrier } from './agenda.ts';
import {
  HOME_VISIT_LOCATION,
  calendarChanged,
  checkParticipants,
  checkPlace,
  checkTimes,
  isOpen,
  type CalendarFacts,
  type MeetingMode,
  type MeetingStatus,
  type MeetingType,
  type ParticipantFacts,
} from './meeting-rules.ts';
import { mayViewMeeting, timelineFilter } from './meetings.policy.ts';
import { presentMeeting } from './meetings.presenter.ts';
import type { MeetingCreate, MeetingUpdate } from './meetings.schema.ts';
import { meetingsStore, type MeetingRow, type ParticipantRow } from './meetings.store.ts';
import { wholeList } from '../../platform/http/list.ts';

// Use cases of meetings, each in one tenant transaction and logged under PA-010 for the resident(s) concerned.
// Who: the residents scope decides whom the caller can see (loaded through the residents store, never duplicated
// here); meetings.policy.ts decides which of that resident's meetings (the buurtteam: only his own).

const MEETING = 'Dit gesprek';
const RESIDENT = 'Deze inwoner';

export const meetingEtag = (id: string, version: number) => etagOf('meeting', id, version);

export const notOpen = (status: string) =>
  new ProblemError(
    409,
    'Kan niet meer',
    status === 'cancelled'
      ? 'Dit gesprek is geannuleerd. Plan een nieuw gesprek.'
      : 'Van dit gesprek is het verslag al vastgelegd. Het kan niet meer worden verplaatst of opnieuw verslagen.',
  );

export interface VisibleMeeting {
  meeting: MeetingRow;
  resident: ResidentDetailRow;
  view: ResidentView;
  participants: ParticipantRow[];
}

/** The meeting if the caller may see it: its resident through the residents scope, then the meetings policy; else 404. */
export async function loadVisibleMeeting(
  tx: Tx,
  ctx: RequestContext,
  meetingId: string,
  lock = false,
): Promise<VisibleMeeting> {
  const store = meetingsStore(tx, ctx.principal);
  const meeting = await store.findById(meetingId, lock);
  if (!meeting) throw problems.notFound(MEETING);
  const resident = await residentsStore(tx, ctx.principal).findById(meeting.resident_id);
  if (!resident) throw problems.notFound(MEETING);
  const view = residentView(ctx.principal, resident.area_id);
  const participants = await store.participants([meetingId]);
  const staffIds = participants.flatMap((p) => (p.staff_user_id ? [p.staff_user_id] : []));
  if (!mayViewMeeting(ctx.principal, view, { organiserId: meeting.organiser_id, staffIds }))
    throw problems.notFound(MEETING);
  return { meeting, resident, view, participants };
}

export function presentVisible(ctx: RequestContext, v: VisibleMeeting) {
  return {
    meeting: presentMeeting(ctx.principal, v.view, v.meeting, v.participants, v.resident),
    etag: meetingEtag(v.meeting.id, v.meeting.version),
  };
}

export async function listForResident(ctx: RequestContext, residentId: string) {
  return ctx.transaction(async (tx, log) => {
    const resident = await residentsStore(tx, ctx.principal).findById(residentId);
    if (!resident) throw problems.notFound(RESIDENT);
    const view = residentView(ctx.principal, resident.area_id);
    const store = meetingsStore(tx, ctx.principal);
    const rows = await store.forResident(residentId, timelineFilter(ctx.principal, view) ?? undefined);
    const participants = await store.participants(rows.map((r) => r.id));
    log.subjects([residentId], { action: 'meetings.list' });
    return wholeList(rows.map((m) => presentMeeting(ctx.principal, view, m, participants, resident)));
  });
}

export async function getMeeting(ctx: RequestContext, meetingId: string) {
  return ctx.transaction(async (tx, log) => {
    const v = await loadVisibleMeeting(tx, ctx, meetingId);
    log.subjects([v.resident.id], { action: 'meetings.read' });
    return presentVisible(ctx, v);
  });
}

/** The open barriers for a prefilled agenda, read through the assessments module (in the caller's transaction, PA-008). */
async function openBarriers(ctx: RequestContext, residentId: string): Promise<AgendaBarrier[]> {
  const { items } = await listBarriers(ctx, residentId);
  return items
    .filter((b) => b.status !== 'resolved')
    .map((b) => ({ domainLabel: b.domainLabel, description: b.description }));
}

/** The open actions of the resident's plan (none without a plan), read in the caller's transaction. */
async function openPlanActions(tx: Tx, ctx: RequestContext, residentId: string) {
  try {
    const plan = presentPlan(ctx.principal, await loadState(tx, ctx, residentId));
    return plan.goals
      .filter((g) => g.status === 'open')
      .flatMap((g) => g.actions)
      .filter((a) => a.status === 'open' || a.status === 'inProgress')
      .map((a) => ({ description: a.description, ownerName: a.owner.name, dueDate: a.dueDate }));
  } catch (err) {
    if (err instanceof ProblemError && err.status === 404) return [];
    throw err;
  }
}

const INVITABLE = ['jobCoach', 'teamLead', 'partnerProfessional'];

/** Checks the invited staff and returns the participant rows (resident and organiser included) and the rules' facts. */
async function resolveParticipants(
  tx: Tx,
  ctx: RequestContext,
  residentId: string,
  requested: Array<{ staffUserId: string }>,
  errors: InvalidParam[],
) {
  const store = meetingsStore(tx, ctx.principal);
  const staff = new Map((await store.staff(requested.map((r) => r.staffUserId))).map((s) => [s.id, s]));
  const consents = await residentsStore(tx, ctx.principal).consents(residentId);
  const facts: ParticipantFacts[] = [];
  const rows = new Map<
    string,
    { id: string; kind: string; staffUserId: string | null; partnerOrganisationId: string | null }
  >();
  requested.forEach((r, i) => {
    const s = staff.get(r.staffUserId);
    if (!s || !s.active || !s.roles.some((role) => INVITABLE.includes(role))) {
      errors.push({
        name: `participants.${i}.staffUserId`,
        code: 'notStaff',
        reason: 'Kies een werkmatcher, teamleider of buurtteamprofessional van uw gemeente.',
      });
      facts.push({ kind: 'staff', consent: false });
      return;
    }
    const municipal = s.roles.includes('jobCoach') || s.roles.includes('teamLead');
    const org = municipal ? null : s.partner_organisation_id;
    const consent = org !== null && consents.some((k) => k.active && k.partner_organisation_id === org);
    facts.push({ kind: municipal ? 'staff' : 'partnerProfessional', consent });
    if (s.id !== ctx.principal.userId)
      rows.set(s.id, {
        id: randomUUID(),
        kind: municipal ? 'staff' : 'partnerProfessional',
        staffUserId: s.id,
        partnerOrganisationId: org,
      });
  });
  facts.push({ kind: 'resident', consent: false }, { kind: 'staff', consent: false });
  const participants = [
    { id: randomUUID(), kind: 'resident', staffUserId: null, partnerOrganisationId: null },
    { id: randomUUID(), kind: 'staff', staffUserId: ctx.principal.userId, partnerOrganisationId: null },
    ...rows.values(),
  ];
  return { facts, participants };
}

export async function scheduleMeeting(ctx: RequestContext, residentId: string, body: MeetingCreate) {
  const type = body.type as MeetingType;
  const startsAt = new Date(body.startsAt);
  const endsAt = new Date(body.endsAt);
  const location =
    body.location || (type === 'homeVisit' && body.mode === 'inPerson' ? HOME_VISIT_LOCATION : null);
  const errors: InvalidParam[] = [];
  checkTimes(startsAt, endsAt, errors);
  checkPlace({ type, mode: body.mode, location, videoUrl: body.videoUrl ?? null }, errors);
  return ctx.transaction(async (tx, log) => {
    // Scope first: an out-of-scope resident is 404 even when the input is also wrong.
    const resident = await residentsStore(tx, ctx.principal).findById(residentId);
    if (!resident || residentView(ctx.principal, resident.area_id) !== 'full')
      throw problems.notFound(RESIDENT);
    const { facts, participants } = await resolveParticipants(tx, ctx, residentId, body.participants, errors);
    checkParticipants(type, facts, errors);
    if (errors.length > 0) throw problems.invalid(errors);
    // Barriers belong to the assessments module; its service joins this transaction, so a meeting that is refused
    // leaves no logged read of them behind (a failed request writes nothing, not even to the processing log).
    const agenda =
      body.agenda === undefined
        ? buildAgenda(await openBarriers(ctx, residentId), await openPlanActions(tx, ctx, residentId))
        : body.agenda || null;
    const store = meetingsStore(tx, ctx.principal);
    const id = randomUUID();
    await store.insertMeeting({
      id,
      residentId,
      type,
      startsAt,
      endsAt,
      mode: body.mode,
      location,
      videoUrl: body.videoUrl ?? null,
      agenda,
    });
    await store.insertParticipants(id, participants);
    log.subjects([residentId], { action: 'meetings.create' });
    return presentVisible(ctx, await loadVisibleMeeting(tx, ctx, id));
  });
}

const facts = (m: MeetingRow): CalendarFacts => ({
  startsAt: m.starts_at,
  endsAt: m.ends_at,
  mode: m.mode as MeetingMode,
  location: m.location,
  videoUrl: m.video_url,
  status: m.status as MeetingStatus,
});

export async function updateMeeting(
  ctx: RequestContext,
  meetingId: string,
  ifMatch: string | undefined,
  body: MeetingUpdate,
) {
  return ctx.transaction(async (tx, log) => {
    // Scope and existence before the version: a stranger learns nothing from 428/412.
    const v = await loadVisibleMeeting(tx, ctx, meetingId, true);
    if (v.view !== 'full') throw problems.notFound(MEETING);
    const expected = versionFromIfMatch(ifMatch, 'meeting', meetingId);
    const current = v.meeting;
    if (current.version !== expected) throw problems.stale();
    if (!isOpen(current.status as MeetingStatus)) throw notOpen(current.status);
    const before = facts(current);
    const after: CalendarFacts = {
      startsAt: body.startsAt ? new Date(body.startsAt) : before.startsAt,
      endsAt: body.endsAt ? new Date(body.endsAt) : before.endsAt,
      mode: body.mode ?? before.mode,
      location: body.location !== undefined ? body.location || null : before.location,
      videoUrl: body.videoUrl !== undefined ? body.videoUrl || null : before.videoUrl,
      status: body.status ?? before.status,
    };
    const type = current.type as MeetingType;
    if (type === 'homeVisit' && after.mode === 'inPerson' && !after.location)
      after.location = HOME_VISIT_LOCATION;
    if (after.mode === 'phone' && body.location === undefined)
      after.location = before.mode === 'phone' ? before.location : null;
    const errors: InvalidParam[] = [];
    if (
      after.startsAt.getTime() !== before.startsAt.getTime() ||
      after.endsAt.getTime() !== before.endsAt.getTime()
    ) {
      checkTimes(after.startsAt, after.endsAt, errors);
    }
    checkPlace({ type, mode: after.mode, location: after.location, videoUrl: after.videoUrl }, errors);
    if (errors.length > 0) throw problems.invalid(errors);
    const cancel = body.status === 'cancelled';
    const patch = {
      starts_at: after.startsAt,
      ends_at: after.endsAt,
      mode: after.mode,
      location: after.location,
      video_url: after.videoUrl,
      ...(body.agenda !== undefined ? { agenda: body.agenda || null } : {}),
      ...(cancel
        ? { status: 'cancelled', cancelled_at: new Date(), cancel_reason: body.cancelReason || null }
        : {}),
    };
    const ok = await meetingsStore(tx, ctx.principal).update(
      meetingId,
      expected,
      patch,
      calendarChanged(before, after),
    );
    if (!ok) throw problems.stale();
    log.subjects([
      v.resident.id,
    ], { action: cancel ? 'meetings.cancel' : 'meetings.update' });
    return presentVisible(ctx, await loadVisibleMeeting(tx, ctx, meetingId));
  });
}
