import { isResident } from '../../platform/access/principal.ts';
import type { RequestContext } from '../../platform/context.ts';
import { ProblemError, problems } from '../../platform/http/problem.ts';
import { notifyAfterCommit } from '../worklist/notifications.service.ts';
import { residentsStore } from '../residents/residents.store.ts';
import { MEETING_TYPE_LABELS, type MeetingType } from './meeting-rules.ts';
import { loadVisibleMeeting } from './meetings.service.ts';
import { meetingsStore } from './meetings.store.ts';

// Mijn Samenplan (issue 11): the resident's own appointments, and his answer to one: "I come" (confirm) or "please
// move it" (a request that reaches the werkmatcher on her werklijst as a notification, through the worklist
// module). The meeting itself changes only when the werkmatcher moves it.

const MEETING = 'Deze afspraak';
const HOUR = 3_600_000;

function residentOf(ctx: RequestContext): string {
  if (!isResident(ctx.principal)) throw problems.notFound(MEETING);
  return ctx.principal.residentId;
}

export async function residentAppointments(ctx: RequestContext, now = new Date()) {
  const residentId = residentOf(ctx);
  return ctx.transaction(async (tx, log) => {
    const store = meetingsStore(tx, ctx.principal);
    const rows = (await store.forResident(residentId))
      .filter((m) => m.status === 'planned' && m.ends_at.getTime() > now.getTime() - HOUR)
      .sort((a, b) => a.starts_at.getTime() - b.starts_at.getTime());
    const ids = rows.map((r) => r.id);
    const participants = await store.participants(ids);
    const replies = new Map((await store.residentReplies(ids)).map((r) => [r.meeting_id, r]));
    log.subjects([residentId], { action: 'meetings.list' });
    return rows.map((m) => {
      const reply = replies.get(m.id);
      return {
        id: m.id,
        type: m.type as MeetingType,
        typeLabel: MEETING_TYPE_LABELS[m.type as MeetingType],
        startsAt: m.starts_at.toISOString(),
        endsAt: m.ends_at.toISOString(),
        mode: m.mode as 'inPerson' | 'video' | 'phone',
        location: m.location,
        videoUrl: m.video_url,
        withWhom: participants.filter((p) => p.meeting_id === m.id && p.kind !== 'resident').map((p) => p.display_name ?? p.partner_name ?? ''),
        confirmedAt: reply?.confirmed_at ? reply.confirmed_at.toISOString() : null,
        moveRequestedAt: reply?.move_requested_at ? reply.move_requested_at.toISOString() : null,
        moveRequestNote: reply?.move_request_note ?? null,
      };
    });
  });
}

export type ResidentAppointment = Awaited<ReturnType<typeof residentAppointments>>[number];

/** The resident confirms the appointment or asks to move it (then his contact person is told on her werklijst). */
export async function replyToAppointment(ctx: RequestContext, meetingId: string, reply: { confirm: true } | { moveNote: string }) {
  const residentId = residentOf(ctx);
  return ctx.transaction(async (tx, log) => {
    const v = await loadVisibleMeeting(tx, ctx, meetingId, true);
    if (v.resident.id !== residentId) throw problems.notFound(MEETING);
    if (v.meeting.status !== 'planned' || v.meeting.starts_at.getTime() < Date.now()) {
      throw new ProblemError(409, 'Afspraak is al voorbij', 'Deze afspraak is al geweest of gaat niet door. Bel of stuur een bericht aan uw contactpersoon.');
    }
    const row = await meetingsStore(tx, ctx.principal).setResidentReply(meetingId, reply);
    if (!row) throw problems.notFound(MEETING);
    if ('moveNote' in reply) {
      const resident = await residentsStore(tx, ctx.principal).findById(residentId);
      const to = resident?.contact_person_id ?? v.meeting.organiser_id;
      const day = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' }).format(v.meeting.starts_at);
      await notifyAfterCommit(tx, ctx.principal.municipalityId, {
        staffUserId: to,
        kind: 'residentRequest',
        // A count and a link only, never the resident's name or words (notifications.service.ts).
        title: 'Een inwoner vraagt een afspraak te verzetten',
        body: `De afspraak van ${day}. Open het dossier om de vraag te lezen en de afspraak te verzetten.`,
        link: `/inwoners/${residentId}`,
        dedupeKey: `move-request:${meetingId}:${row.move_requested_at?.toISOString() ?? ''}`,
      });
    }
    log.subjects([residentId], { action: 'confirm' in reply ? 'meetings.confirm' : 'meetings.moveRequest' });
    return {
      confirmedAt: row.confirmed_at ? row.confirmed_at.toISOString() : null,
      moveRequestedAt: row.move_requested_at ? row.move_requested_at.toISOString() : null,
      moveRequestNote: row.move_request_note,
    };
  });
}
