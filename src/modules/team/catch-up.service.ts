import { randomUUID } from 'node:crypto';
import { monthsBetween, todayInNl } from '../../domain/dates.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/transaction.ts';
import { problems, type InvalidParam } from '../../platform/http/problem.ts';
import { displayName } from '../residents/residents.presenter.ts';
import { notifyAfterCommit } from '../worklist/notifications.service.ts';
import { contactNorm } from '../worklist/worklist.rules.ts';
import { coverage, divide, pct, selectCandidates, weeklyCoverage, type CatchUpCriteria } from './catch-up.rules.ts';
import { catchUpStore, type CampaignRow, type CandidateRow } from './catch-up.store.ts';
import { checkHandoverNote, handOver } from './handover.ts';
import type { CatchUpCreateBody, CatchUpPreviewBody } from './team.schema.ts';
import { teamStore } from './team.store.ts';
import { wholeList } from '../../platform/http/list.ts';

// The catch-up campaign (inhaalslag): select residents long on benefit and long without a conversation, divide them
// over werkmatchers of the team (the handover goes through the contact-person history), and follow coverage.
// Only the teamleider of the campaign's team sees it; for anyone else it does not exist (404).

const SAMPLE_SIZE = 10;
const CAMPAIGN = 'Deze inhaalslag';

async function resolveTeam(tx: Tx, ctx: RequestContext, teamId: string | undefined) {
  const teams = await teamStore(tx, ctx.principal).ledTeams();
  const team = teamId ? teams.find((t) => t.id === teamId) : teams.length === 1 ? teams[0] : undefined;
  if (team) return team;
  const reason = teams.length === 0 || teamId ? 'Kies een team waarvan u teamleider bent.' : 'U bent teamleider van meer teams: kies het team.';
  throw problems.invalid([{ name: 'teamId', code: teams.length === 0 || teamId ? 'notLead' : 'required', reason }]);
}

async function select(tx: Tx, ctx: RequestContext, teamId: string, criteria: CatchUpCriteria, now: Date) {
  const today = todayInNl(now);
  const rows = await catchUpStore(tx, ctx.principal).candidates(teamId, criteria, today);
  const candidates = rows.map((r) => ({ ...r, benefitStart: r.benefit_start, lastContactOn: r.last_contact_at ? todayInNl(r.last_contact_at) : null }));
  return selectCandidates(candidates, criteria, today);
}

function presentCandidate(r: CandidateRow, norm: number, now: Date) {
  return {
    id: r.id,
    name: displayName(r),
    area: { id: r.area_id, name: r.area_name },
    monthsOnBenefit: monthsBetween(r.benefit_start, todayInNl(now)),
    daysSinceContact: contactNorm({ lastContactAt: r.last_contact_at, openedOn: null }, norm, now).daysSinceContact,
    contactPerson: r.contact_person_id ? { id: r.contact_person_id, displayName: r.contact_person_name ?? '' } : null,
  };
}

export async function previewCampaign(ctx: RequestContext, body: CatchUpPreviewBody) {
  const now = new Date();
  return ctx.transaction(async (tx, log) => {
    const team = await resolveTeam(tx, ctx, body.teamId);
    const selected = await select(tx, ctx, team.id, body.criteria, now);
    const sample = selected.slice(0, SAMPLE_SIZE).map((r) => presentCandidate(r, ctx.principal.contactNormDays, now));
    log.subjects(sample.map((s) => s.id), { action: 'team.catchUp.preview' });
    return { team, criteria: body.criteria, total: selected.length, sample };
  });
}

function presentCampaign(c: CampaignRow) {
  const total = Number(c.residents);
  const contacted = Number(c.contacted);
  const withPlan = Number(c.with_plan);
  return {
    id: c.id,
    team: { id: c.team_id, name: c.team_name },
    name: c.name,
    criteria: c.criteria,
    status: c.status as 'active' | 'closed',
    createdAt: c.created_at.toISOString(),
    createdBy: { id: c.created_by, displayName: c.created_by_name },
    coverage: { total, contacted, withPlan, contactedPct: pct(contacted, total), withPlanPct: pct(withPlan, total) },
  };
}

async function detail(tx: Tx, ctx: RequestContext, id: string, now: Date) {
  const teams = await teamStore(tx, ctx.principal).ledTeams();
  const store = catchUpStore(tx, ctx.principal);
  const campaign = teams.length > 0 ? await store.campaign(teams.map((t) => t.id), id) : undefined;
  if (!campaign) throw problems.notFound(CAMPAIGN);
  const rows = (await store.coverageRows(id)).map((r) => ({ ...r, contactedAt: r.contacted_at, planAt: r.plan_at }));
  const coaches = [...new Map(rows.map((r) => [r.assigned_to, r.assigned_to_name])).entries()];
  return {
    campaign: {
      ...presentCampaign(campaign),
      weeks: weeklyCoverage(rows, campaign.created_at, now),
      perStaffUser: coaches.map(([staffId, name]) => ({
        staffUser: { id: staffId, displayName: name },
        ...coverage(rows.filter((r) => r.assigned_to === staffId)),
      })),
    },
    residentIds: rows.map((r) => r.resident_id),
  };
}

export async function getCampaign(ctx: RequestContext, id: string) {
  return ctx.transaction(async (tx, log) => {
    const { campaign, residentIds } = await detail(tx, ctx, id, new Date());
    log.subjects(residentIds, { action: 'team.catchUp.read' });
    return campaign;
  });
}

/** Campaigns with their coverage counts: one aggregate entry, no resident named. */
export async function listCampaigns(ctx: RequestContext) {
  return ctx.transaction(async (tx, log) => {
    const teams = await teamStore(tx, ctx.principal).ledTeams();
    const rows = teams.length > 0 ? await catchUpStore(tx, ctx.principal).campaigns(teams.map((t) => t.id)) : [];
    if (rows.length > 0) log.aggregate();
    return wholeList(rows.map(presentCampaign));
  });
}

export async function createCampaign(ctx: RequestContext, body: CatchUpCreateBody) {
  const now = new Date();
  const errors: InvalidParam[] = [];
  const note = checkHandoverNote(body.handoverNote ?? `Inhaalslag ‘${body.name}’: neem contact op en maak samen een plan.`, 'handoverNote', errors);
  if (errors.length > 0) throw problems.invalid(errors);
  return ctx.transaction(async (tx, log) => {
    const team = await resolveTeam(tx, ctx, body.teamId);
    const coaches = await teamStore(tx, ctx.principal).teamCoaches([team.id]);
    const chosen = [...new Set(body.staffUserIds)];
    chosen.forEach((id) => {
      if (!coaches.some((c) => c.id === id)) {
        errors.push({ name: `staffUserIds.${body.staffUserIds.indexOf(id)}`, code: 'notTeamMember', reason: `Kies werkmatchers van ${team.name}.` });
      }
    });
    const selected = await select(tx, ctx, team.id, body.criteria, now);
    if (selected.length === 0) {
      errors.push({ name: 'criteria', code: 'empty', reason: 'Met deze criteria is er niemand te benaderen. Verlaag een van de drempels.' });
    }
    if (errors.length > 0) throw problems.invalid(errors);
    const sizes = await teamStore(tx, ctx.principal).caseloadSizes(chosen);
    const assignments = divide(selected.map((r) => r.id), chosen.map((id) => ({ id, caseload: sizes.get(id) ?? 0 })), body.division);
    const campaignId = randomUUID();
    await catchUpStore(tx, ctx.principal).insertCampaign({ id: campaignId, teamId: team.id, name: body.name, criteria: body.criteria });
    await catchUpStore(tx, ctx.principal).insertResidents(campaignId, assignments);
    const current = new Map(selected.map((r) => [r.id, r.contact_person_id]));
    for (const a of assignments) {
      if (current.get(a.residentId) === a.coachId) continue; // stays with his own werkmatcher: no handover
      const outcome = await handOver(ctx, a.residentId, a.coachId, note!);
      if (!outcome.ok) throw problems.invalid([{ name: 'criteria', ...outcome.error }]);
    }
    log.subjects(assignments.map((a) => a.residentId), { action: 'team.catchUp.create' });
    for (const id of chosen) {
      const n = assignments.filter((a) => a.coachId === id).length;
      if (n === 0) continue;
      await notifyAfterCommit(tx, ctx.principal.municipalityId, {
        staffUserId: id,
        kind: 'newInCaseload',
        title: `${n} ${n === 1 ? 'inwoner' : 'inwoners'} voor de inhaalslag ‘${body.name}’`,
        body: 'Neem contact op en maak samen een plan. De overdrachtsnotitie staat bovenaan uw werklijst.',
        link: '/werklijst',
        dedupeKey: `catch-up:${campaignId}:${id}`,
      });
    }
    return (await detail(tx, ctx, campaignId, now)).campaign;
  });
}
