import type { Principal } from '../../platform/access/principal.ts';
import type { ResidentView } from '../residents/residents.policy.ts';
import { displayName } from '../residents/residents.presenter.ts';
import {
  MEETING_STATUS_LABELS,
  MEETING_TYPE_LABELS,
  type MeetingStatus,
  type MeetingType,
  type ParticipantKind,
} from './meeting-rules.ts';
import { meetingPermissions } from './meetings.policy.ts';
import type { AgreedActionJson, MeetingJson } from './meetings.schema.ts';
import type { MeetingRow, ParticipantRow } from './meetings.store.ts';

// What leaves the building about a meeting. The buurtteam professional sees the meetings he takes part in whole
// (he was there); the resident appears by name only.

export interface ResidentName {
  id: string;
  given_names: string;
  family_name_prefix: string | null;
  family_name: string;
}

export function presentMeeting(
  p: Principal,
  view: ResidentView,
  m: MeetingRow,
  participants: ParticipantRow[],
  resident: ResidentName,
  now = new Date(),
): MeetingJson {
  const status = m.status as MeetingStatus;
  const type = m.type as MeetingType;
  const residentName = displayName(resident);
  return {
    id: m.id,
    resident: { id: resident.id, name: residentName },
    type,
    typeLabel: MEETING_TYPE_LABELS[type],
    startsAt: m.starts_at.toISOString(),
    endsAt: m.ends_at.toISOString(),
    mode: m.mode as MeetingJson['mode'],
    location: m.location,
    videoUrl: m.video_url,
    agenda: m.agenda,
    status,
    statusLabel: MEETING_STATUS_LABELS[status],
    cancelledAt: m.cancelled_at ? m.cancelled_at.toISOString() : null,
    cancelReason: m.cancel_reason,
    organiser: { id: m.organiser_id, displayName: m.organiser_name },
    participants: participants
      .filter((x) => x.meeting_id === m.id)
      .map((x) => ({
        id: x.id,
        kind: x.kind as ParticipantKind,
        name: x.kind === 'resident' ? residentName : (x.display_name ?? ''),
        staffUser: x.staff_user_id ? { id: x.staff_user_id, displayName: x.display_name ?? '' } : null,
        partnerOrganisation: x.partner_organisation_id
          ? { id: x.partner_organisation_id, name: x.partner_name ?? '' }
          : null,
        organiser: x.staff_user_id === m.organiser_id,
        attended: x.attended,
      })),
    report:
      m.report_recorded_at && m.report_recorded_by
        ? {
            text: m.report,
            recordedBy: { id: m.report_recorded_by, displayName: m.report_recorded_by_name ?? '' },
            recordedAt: m.report_recorded_at.toISOString(),
            agreedActions: (m.agreed_actions ?? []) as AgreedActionJson[],
          }
        : null,
    version: m.version,
    icsSequence: m.ics_sequence,
    createdAt: m.created_at.toISOString(),
    permissions: meetingPermissions(p, view, { status, startsAt: m.starts_at }, now),
  };
}
