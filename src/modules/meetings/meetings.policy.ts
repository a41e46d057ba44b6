import { can } from '../../platform/access/permissions.ts';
import { isResident, type Principal } from '../../platform/access/principal.ts';
import type { ResidentView } from '../residents/residents.policy.ts';
import { CLOCK_LEEWAY_MS, isOpen, type MeetingStatus } from './meeting-rules.ts';

/**
 * Who sees which meetings of a resident he can see (the resident's scope is residents.policy.ts):
 * - the area team (full view): every meeting of the resident, and with meetings:write it plans, moves, cancels and
 *   reports them, also those a colleague organised (the team shares the caseload);
 * - a buurtteam professional (shared view, through an active consent for his organisation): only the meetings he
 *   takes part in; he reads them and downloads the invitation, he changes nothing. A withdrawn or expired consent
 *   ends this at once, because the resident is then out of his scope.
 * Anything he may not see answers 404, like a meeting that does not exist.
 */
export function mayViewMeeting(
  p: Pick<Principal, 'roles' | 'userId' | 'residentId'>,
  view: ResidentView,
  m: { organiserId: string; staffIds: readonly string[] },
): boolean {
  // Mijn Samenplan: the resident sees every meeting of his own file (his own scope found the file).
  if (isResident(p)) return true;
  if (!can(p, 'meetings:read')) return false;
  return view === 'full' || m.organiserId === p.userId || m.staffIds.includes(p.userId);
}

/** The participant filter for a resident's timeline: null is all meetings (the area team), else only his own. */
export function timelineFilter(p: Pick<Principal, 'userId' | 'roles' | 'residentId'>, view: ResidentView): string | null {
  return view === 'full' || isResident(p) ? null : p.userId;
}

export interface MeetingPermissions {
  edit: boolean;
  recordReport: boolean;
}

/** What the caller may do with a meeting he can see. The web app shows exactly this; it never re-derives rules. */
export function meetingPermissions(
  p: Pick<Principal, 'roles'>,
  view: ResidentView,
  m: { status: MeetingStatus; startsAt: Date },
  now = new Date(),
): MeetingPermissions {
  const write = view === 'full' && can(p, 'meetings:write') && isOpen(m.status);
  return { edit: write, recordReport: write && m.startsAt.getTime() <= now.getTime() + CLOCK_LEEWAY_MS };
}
