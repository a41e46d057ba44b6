import { todayInNl } from '../../domain/dates.ts';
import type { RequestContext } from '../../platform/context.ts';
import { problems } from '../../platform/http/problem.ts';
import { residentView } from '../residents/residents.policy.ts';
import { residentsStore, type ResidentDetailRow } from '../residents/residents.store.ts';
import { buildCalendar, methodOf, type CalendarEvent } from './ics.ts';
import { calendarSummary, type MeetingType } from './meeting-rules.ts';
import { mayViewMeeting } from './meetings.policy.ts';
import { presentMeeting } from './meetings.presenter.ts';
import type { MyMeetingsQuery } from './meetings.schema.ts';
import { meetingsStore } from './meetings.store.ts';
import { loadVisibleMeeting, type VisibleMeeting } from './meetings.service.ts';
import { wholeList } from '../../platform/http/list.ts';

// The calendar side of meetings: the .ics invitation of one meeting, and "my meetings" in a time window for the
// worklist and the buurtteam's landing page. Logged under PA-010 for every resident concerned.

const DAY = 86_400_000;
export const DEFAULT_WINDOW_DAYS = 7;
export const MAX_WINDOW_DAYS = 92;

/** The invitation as an iCalendar event. No personal data of the resident: the title names the kind of meeting only. */
export function calendarEventOf(v: VisibleMeeting, stamp = new Date()): CalendarEvent {
  const m = v.meeting;
  const place = m.mode === 'video' ? 'Videogesprek' : m.mode === 'phone' ? 'Telefonisch' : m.location;
  const description = [
    m.agenda ? `Agenda:\n${m.agenda}` : null,
    m.video_url ? `Videogesprek: ${m.video_url}` : null,
  ]
    .filter(Boolean)
    .join('\n\n');
  return {
    uid: `${m.id}@samenplan`,
    stamp,
    start: m.starts_at,
    end: m.ends_at,
    sequence: m.ics_sequence,
    cancelled: m.status === 'cancelled',
    summary: calendarSummary(m.type as MeetingType),
    location: place,
    url: m.video_url,
    description: description || null,
    organiser: { name: m.organiser_name, email: m.organiser_email },
    attendees: v.participants
      .filter((p) => p.staff_user_id && p.staff_user_id !== m.organiser_id)
      .map((p) => ({ name: p.display_name ?? '', email: p.email })),
  };
}

export async function invitation(ctx: RequestContext, meetingId: string) {
  return ctx.transaction(async (tx, log) => {
    const v = await loadVisibleMeeting(tx, ctx, meetingId);
    log.subjects([v.resident.id], { action: 'meetings.invitation' });
    const event = calendarEventOf(v);
    return {
      text: buildCalendar(event),
      contentType: `text/calendar; charset=utf-8; method=${methodOf(event)}`,
      fileName: `gesprek-${todayInNl(v.meeting.starts_at)}.ics`,
    };
  });
}

/** The caller's meetings (organiser or participant) starting in the window, oldest first; only residents in his scope. */
export async function myMeetings(ctx: RequestContext, query: MyMeetingsQuery) {
  const from = query.from ? new Date(query.from) : new Date();
  const to = query.to ? new Date(query.to) : new Date(from.getTime() + DEFAULT_WINDOW_DAYS * DAY);
  if (to.getTime() <= from.getTime()) {
    throw problems.invalid([
      { name: 'to', code: 'beforeFrom', reason: 'Het einde van de periode moet na het begin liggen.' },
    ]);
  }
  if (to.getTime() - from.getTime() > MAX_WINDOW_DAYS * DAY) {
    throw problems.invalid([
      { name: 'to', code: 'tooLong', reason: `Kies een periode van hoogstens ${MAX_WINDOW_DAYS} dagen.` },
    ]);
  }
  return ctx.transaction(async (tx, log) => {
    const store = meetingsStore(tx, ctx.principal);
    const rows = await store.forStaff(ctx.principal.userId, from, to, query.status);
    // Each resident through the residents scope: a withdrawn consent or a move to another wijk hides his meetings.
    const residents = new Map<string, ResidentDetailRow | undefined>();
    const scope = residentsStore(tx, ctx.principal);
    for (const id of new Set(rows.map((r) => r.resident_id))) residents.set(id, await scope.findById(id));
    const participants = await store.participants(rows.map((r) => r.id));
    const items = rows.flatMap((m) => {
      const resident = residents.get(m.resident_id);
      if (!resident) return [];
      const view = residentView(ctx.principal, resident.area_id);
      const staffIds = participants
        .filter((p) => p.meeting_id === m.id && p.staff_user_id)
        .map((p) => p.staff_user_id!);
      if (!mayViewMeeting(ctx.principal, view, { organiserId: m.organiser_id, staffIds })) return [];
      return [presentMeeting(ctx.principal, view, m, participants, resident)];
    });
    log.subjects(items.map((i) => i.resident.id), { action: 'meetings.mine' });
    return { ...wholeList(items), from: from.toISOString(), to: to.toISOString() };
  });
}
