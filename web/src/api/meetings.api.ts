import { API_BASE, ApiError, api, request } from './http.ts';
import type {
  ItemList,
  Meeting,
  MeetingCreate,
  MeetingReportCreate,
  MeetingReportResult,
  MeetingUpdate,
} from './types.ts';

// Meetings of a resident (Gesprekken, 3-gesprek). Contract: src/modules/meetings/meetings.schema.ts and
// meetings.routes.ts. Changes send If-Match with the version the user saw; 412 means someone else changed it.

export function meetingEtag(meeting: Pick<Meeting, 'id' | 'version'>): string {
  return `"meeting-${meeting.id}-v${meeting.version}"`;
}

export function isConflict(error: unknown): boolean {
  return error instanceof ApiError && error.status === 412;
}

export async function listMeetings(residentId: string): Promise<Meeting[]> {
  return (await api.get<ItemList<Meeting>>(`/residents/${encodeURIComponent(residentId)}/meetings`)).items;
}

export function createMeeting(residentId: string, body: MeetingCreate): Promise<Meeting> {
  return api.post<Meeting>(`/residents/${encodeURIComponent(residentId)}/meetings`, body);
}

export async function updateMeeting(
  meeting: Pick<Meeting, 'id' | 'version'>,
  body: MeetingUpdate,
): Promise<Meeting> {
  return (
    await request<Meeting>('PATCH', `/meetings/${encodeURIComponent(meeting.id)}`, {
      body,
      headers: { 'If-Match': meetingEtag(meeting) },
    })
  ).data;
}

export function recordMeetingReport(
  meetingId: string,
  body: MeetingReportCreate,
): Promise<MeetingReportResult> {
  return api.post<MeetingReportResult>(`/meetings/${encodeURIComponent(meetingId)}/report`, body);
}

/** The calendar invitation, as a plain link (the browser downloads it with the session cookie). */
export function invitationUrl(meetingId: string): string {
  return `${API_BASE}/meetings/${encodeURIComponent(meetingId)}/invitation.ics`;
}
