import { todayInNl } from '../../domain/dates.ts';
import type { RequestContext } from '../../platform/context.ts';
import { problems } from '../../platform/http/problem.ts';
import { displayName } from '../residents/residents.presenter.ts';
import type { MeetingType } from '../meetings/meeting-rules.ts';
import { actionState, daysFromTo, meetingWhen } from './partner-worklist.rules.ts';
import { partnerWorklistStore } from './partner-worklist.store.ts';
import type { ResidentCols } from './worklist.store.ts';

// "Mijn werklijst" of the buurtteam professional (issue 10, point 8): his open actions in shared plans, the
// 3-gesprekken he or his organisation joins, and consents for his organisation that end soon. Only residents
// with an active consent for his organisation; every resident shown is recorded in one PA-018 entry.

export const PARTNER_LIST_LIMIT = 50;
export const CONSENT_WINDOW_DAYS = 30;
const MEETING_HORIZON_DAYS = 28;

const residentOf = (r: ResidentCols) => ({ id: r.resident_id, name: displayName(r), area: { id: r.area_id, name: r.area_name } });
const link = (residentId: string, section: 'plan' | 'meetings' | 'consents') => ({ residentId, section });
const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

export async function getPartnerWorklist(ctx: RequestContext) {
  const p = ctx.principal;
  const org = p.partnerOrganisationId;
  if (!org) throw problems.forbidden();
  const now = new Date();
  const today = todayInNl(now);
  return ctx.transaction(async (tx, log) => {
    const store = partnerWorklistStore(tx, p.municipalityId, p.userId, org);
    const [actions, meetings, consents, orgName] = [
      await store.openActions(today, PARTNER_LIST_LIMIT),
      // From the start of today in the Netherlands: a meeting earlier today still belongs on today's list.
      await store.meetings(today, new Date(now.getTime() + MEETING_HORIZON_DAYS * 86_400_000), PARTNER_LIST_LIMIT),
      await store.consentsEnding(today, addDays(today, CONSENT_WINDOW_DAYS), PARTNER_LIST_LIMIT),
      await store.organisationName(),
    ];

    const openActions = actions.map((a) => ({
      id: a.id,
      resident: residentOf(a),
      description: a.description,
      goalTitle: a.goal_title,
      dueDate: a.due_date,
      status: a.status as 'open' | 'inProgress',
      mine: a.owner_staff_user_id === p.userId,
      ownerName: a.owner_staff_user_id === p.userId ? null : a.owner_name,
      ...actionState(a.due_date, today),
      link: link(a.resident_id, 'plan'),
    }));
    const meetingRows = meetings.map((mt) => ({
      id: mt.id,
      resident: residentOf(mt),
      type: mt.type as MeetingType,
      startsAt: mt.starts_at.toISOString(),
      endsAt: mt.ends_at.toISOString(),
      mode: mt.mode as 'inPerson' | 'video' | 'phone',
      location: mt.location,
      invited: mt.me_invited,
      when: meetingWhen(todayInNl(mt.starts_at), today),
      link: link(mt.resident_id, 'meetings'),
    }));
    const consentsEndingSoon = consents.map((k) => ({
      id: k.id,
      resident: residentOf(k),
      purpose: k.purpose,
      validTo: k.valid_to,
      daysLeft: daysFromTo(today, k.valid_to),
      link: link(k.resident_id, 'consents'),
    }));
    const counts = {
      openActions: Number(actions[0]?.total ?? 0),
      overdueActions: Number(actions[0]?.overdue ?? 0),
      meetingsToday: meetingRows.filter((m) => m.when === 'today').length,
      meetingsThisWeek: meetingRows.filter((m) => m.when !== 'later').length,
      meetings: Number(meetings[0]?.total ?? 0),
      consentsEndingSoon: Number(consents[0]?.total ?? 0),
    };
    log.subjects([openActions, meetingRows, consentsEndingSoon].flatMap((l) => l.map((x) => x.resident.id)), { action: 'partnerWorklist.read' });
    return { today, organisation: { id: org, name: orgName }, consentWindowDays: CONSENT_WINDOW_DAYS, openActions, meetings: meetingRows, consentsEndingSoon, counts };
  });
}
