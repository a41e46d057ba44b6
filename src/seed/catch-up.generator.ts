import { matchesCriteria, type CatchUpCriteria } from '../modules/team/catch-up.rules.ts';
import { formatDay, instantOn } from './dates.ts';
import { seedUuid } from './ids.ts';
import type { OrgModel } from './model.ts';
import { hashSeed, Rng } from './random.ts';
import type { ResidentRows, StaffRow } from './rows.ts';

/**
 * The demo's catch-up campaign (inhaalslag), which the README promises for teamleider.overvecht: started three weeks
 * ago by the teamleider for his team, with the product's own selection rule (matchesCriteria in
 * modules/team/catch-up.rules.ts: at least 36 months on benefit and at least 6 months without contact, as of the
 * start day). Every selected resident stays with his own werkmatcher (no handover in the demo). Since the start, the
 * werkmatchers have called about half of them: those contact moments are part of the history (and of the case's last
 * contact), so the coverage per week is what the team page computes from them.
 */

export const DEMO_CAMPAIGN_LEAD = 'teamleider.overvecht';
export const DEMO_CAMPAIGN_CRITERIA: CatchUpCriteria = { minMonthsOnBenefit: 36, minMonthsWithoutContact: 6 };
const STARTED_DAYS_AGO = 21;

export interface CampaignRow {
  municipality_id: string;
  id: string;
  team_id: string;
  name: string;
  criteria: string;
  status: 'active';
  created_by: string;
  created_at: Date;
}

export interface CampaignResidentRow {
  municipality_id: string;
  campaign_id: string;
  resident_id: string;
  assigned_to: string;
  assigned_at: Date;
}

export interface CampaignPlan {
  campaign: CampaignRow;
  startDay: number;
  today: number;
  areaIds: ReadonlySet<string>;
  coachIds: ReadonlySet<string>;
  residents: CampaignResidentRow[];
}

/** The campaign of the team led by the demo teamleider, or null when this municipality has none. */
export function planCampaign(org: OrgModel, staff: readonly StaffRow[], today: number): CampaignPlan | null {
  const lead = staff.find((s) => s.username === DEMO_CAMPAIGN_LEAD);
  const team = lead ? org.teams.find((t) => t.leadId === lead.id) : undefined;
  if (!lead || !team) return null;
  const startDay = today - STARTED_DAYS_AGO;
  return {
    campaign: {
      municipality_id: org.municipalityId,
      id: seedUuid('catch-up-campaign', org.code, team.id),
      team_id: team.id,
      name: 'Inhaalslag: lang in de bijstand en lang niet gesproken',
      criteria: JSON.stringify(DEMO_CAMPAIGN_CRITERIA),
      status: 'active',
      created_by: lead.id,
      created_at: instantOn(startDay, 8 * 60),
    },
    startDay,
    today,
    areaIds: new Set(team.areaIds),
    coachIds: new Set(team.coaches.map((c) => c.id)),
    residents: [],
  };
}

/**
 * Adds this round's residents who met the criteria on the start day, and the calls made since (before the rows are
 * inserted: the contact moments and the case's last contact change with them).
 */
export function joinCampaign(plan: CampaignPlan, rows: ResidentRows): void {
  const start = formatDay(plan.startDay);
  const areaOf = new Map(rows.residents.map((r) => [r.id, r.area_id]));
  for (const c of rows.cases) {
    if (c.status !== 'active' || !plan.coachIds.has(c.contact_person_id)) continue;
    const area = areaOf.get(c.resident_id);
    if (!area || !plan.areaIds.has(area)) continue;
    const benefit = rows.benefits.find((b) => b.resident_id === c.resident_id && b.end_date === null);
    const before = rows.moments.filter((m) => m.resident_id === c.resident_id && formatDay(Math.floor(m.occurred_at.getTime() / 86_400_000)) < start);
    const last = before.reduce<Date | null>((x, m) => (x === null || m.occurred_at > x ? m.occurred_at : x), null);
    const candidate = { id: c.resident_id, benefitStart: benefit?.start_date ?? null, lastContactOn: last ? formatDay(Math.floor(last.getTime() / 86_400_000)) : null };
    if (!matchesCriteria(candidate, DEMO_CAMPAIGN_CRITERIA, start)) continue;
    plan.residents.push({
      municipality_id: plan.campaign.municipality_id,
      campaign_id: plan.campaign.id,
      resident_id: c.resident_id,
      assigned_to: c.contact_person_id,
      assigned_at: plan.campaign.created_at,
    });
    const contactedSince = rows.moments.some((m) => m.resident_id === c.resident_id && m.occurred_at >= plan.campaign.created_at);
    const rng = new Rng(hashSeed('catch-up-call', c.resident_id, formatDay(plan.today)));
    if (contactedSince || !rng.chance(0.5)) continue;
    // A call on a weekday since the start, in office hours (07:00–15:00 UTC is 08:00–17:00 in the Netherlands).
    let day = plan.startDay + rng.int(1, plan.today - plan.startDay - 1);
    while (new Date(day * 86_400_000).getUTCDay() % 6 === 0) day -= 1;
    const at = instantOn(day, 7 * 60 + rng.int(0, 16) * 30);
    rows.moments.push({
      municipality_id: c.municipality_id,
      id: seedUuid('catch-up-moment', c.resident_id, plan.campaign.id),
      resident_id: c.resident_id,
      staff_user_id: c.contact_person_id,
      occurred_at: at,
      channel: 'phone',
      summary: 'Inhaalslag: gebeld en bijgepraat; afspraak voor een gesprek over werk gemaakt.',
      created_at: at,
    });
    if (c.last_contact_at === null || c.last_contact_at < at) c.last_contact_at = at;
  }
}
