import { ApiError, api, body, hrefOf } from './client.ts';
import type {
  Meeting,
  MeetingCreate,
  MeetingReportCreate,
  MeetingReportResult,
  MeetingUpdate,
} from './models.ts';

// Meetings of a resident (Gesprekken, 3-gesprek). Changes send If-Match with the version the user saw; 412 means
// someone else changed it.

export function meetingEtag(meeting: Pick<Meeting, 'id' | 'version'>): string {
  return `"meeting-${meeting.id}-v${meeting.version}"`;
}

export function isConflict(error: unknown): boolean {
  return error instanceof ApiError && error.status === 412;
}

export async function listMeetings(residentId: string): Promise<Meeting[]> {
  return (await body(api.GET('/residents/{id}/meetings', { params: { path: { id: residentId } } }))).items;
}

export function createMeeting(residentId: string, meeting: MeetingCreate): Promise<Meeting> {
  return body(api.POST('/residents/{id}/meetings', { params: { path: { id: residentId } }, body: meeting }));
}

export function updateMeeting(
  meeting: Pick<Meeting, 'id' | 'version'>,
  change: MeetingUpdate,
): Promise<Meeting> {
  return body(
    api.PATCH('/meetings/{meetingId}', {
      params: { path: { meetingId: meeting.id }, header: { 'if-match': meetingEtag(meeting) } },
      body: change,
    }),
  );
}

export function recordMeetingReport(
  meetingId: string,
  report: MeetingReportCreate,
): Promise<MeetingReportResult> {
  return body(api.POST('/meetings/{meetingId}/report', { params: { path: { meetingId } }, body: report }));
}

/** The calendar invitation, as a plain link (the browser downloads it with the session cookie). */
export function invitationUrl(meetingId: string): string {
  return hrefOf('/meetings/{meetingId}/invitation.ics', { path: { meetingId } });
}
