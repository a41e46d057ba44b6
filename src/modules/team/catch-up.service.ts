import { createHash, randomUUID } from 'node:crypto';
import { monthsBetween, todayInNl } from '../../domain/dates.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/transaction.ts';
import { ProblemError, problems, type InvalidParam } from '../../platform/http/problem.ts';
import { displayName } from '../residents/residents.presenter.ts';
import { notifyAfterCommit } from '../worklist/notifications.service.ts';
import { contactNorm } from '../worklist/worklist.rules.ts';
import { coverage, divide, pct, selectCandidates, summariseMoves, weeklyCoverage, type CatchUpCriteria } from './catch-up.rules.ts';
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

/** Who gets whom: the selection divided over the chosen werkmatchers, with every error at once. */
async function planDivision(tx: Tx, ctx: RequestContext, body: CatchUpPreviewBody & { staffUserIds: string[] }, team: { id: string; name: string }, now: Date) {
  const errors: InvalidParam[] = [];
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
  const assignments = divide(selected.map((r) => r.id), chosen.map((id) => ({ id, caseload: sizes.get(id) ?? 0 })), body.division ?? 'balance');
  const names = new Map<string, string>(coaches.map((c) => [c.id, c.display_name]));
  for (const r of selected) if (r.contact_person_id) names.set(r.contact_person_id, r.contact_person_name ?? '');
  const current = new Map(selected.map((r) => [r.id, r.contact_person_id]));
  const summary = summariseMoves(
    assignments.map((a) => ({ ...a, fromId: current.get(a.residentId) ?? null })),
    (id) => names.get(id) ?? '',
  );
  return { chosen, selected, assignments, summary, fingerprint: previewFingerprint(team.id, body.criteria, summary.total, summary.moving, assignments) };
}

export async function previewCampaign(ctx: RequestContext, body: CatchUpPreviewBody) {
  const now = new Date();
  return ctx.transaction(async (tx, log) => {
    const team = await resolveTeam(tx, ctx, body.teamId);
    const selected = await select(tx, ctx, team.id, body.criteria, now);
    const sample = selected.slice(0, SAMPLE_SIZE).map((r) => presentCandidate(r, ctx.principal.contactNormDays, now));
    // With werkmatchers chosen: what starting would do (who moves from whom to whom), and the fingerprint to confirm.
    const division = body.staffUserIds && body.staffUserIds.length > 0 && selected.length > 0
      ? await planDivision(tx, ctx, { ...body, staffUserIds: body.staffUserIds }, team, now)
      : null;
    log.subjects(sample.map((s) => s.id), { action: 'team.catchUp.preview' });
    return {
      team,
      criteria: body.criteria,
      total: selected.length,
      sample,
      moves: division ? division.summary : null,
      fingerprint: division ? division.fingerprint : null,
    };
  });
}

/**
 * The fingerprint of a division the teamleider saw: "<total>.<moving>.<hash of team, criteria and every
 * resident → werkmatcher>". Starting needs it back; the counts in front let a refusal say what changed.
 */
function previewFingerprint(teamId: string, criteria: CatchUpCriteria, total: number, moving: number, assignments: ReadonlyArray<{ residentId: string; coachId: string }>) {
  const hash = createHash('sha256').update(`${teamId}|${criteria.minMonthsOnBenefit}|${criteria.minMonthsWithoutContact}`);
  for (const a of [...assignments].sort((x, y) => x.residentId.localeCompare(y.residentId))) hash.update(`|${a.residentId}>${a.coachId}`);
  return `${total}.${moving}.${hash.digest('hex').slice(0, 32)}`;
}

/** What changed between the confirmed preview and now, in words (for the 409). */
function whatChanged(confirmed: string, now: { total: number; moving: number }): string {
  const [total, moving] = confirmed.split('.').map(Number);
  const parts: string[] = [];
  if (Number.isInteger(total) && total !== now.total) parts.push(`nu ${now.total} inwoners in de selectie in plaats van ${total}`);
  if (Number.isInteger(moving) && moving !== now.moving) parts.push(`${now.moving} in plaats van ${moving} krijgen een andere werkmatcher`);
  const what = parts.length > 0 ? parts.join('; ') : 'de verdeling over de werkmatchers is anders (bijvoorbeeld door een andere caseload of een overdracht)';
  return `De inhaalslag is niet gestart: de selectie is veranderd sinds u de gevolgen bekeek (${what}). Bekijk de gevolgen opnieuw en bevestig.`;
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
    closedAt: c.closed_at ? c.closed_at.toISOString() : null,
    closedBy: c.closed_by ? { id: c.closed_by, displayName: c.closed_by_name ?? '' } : null,
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

/**
 * Closes a campaign (ADR 0015): its follow-up ends; the residents stay with the werkmatcher the campaign gave them
 * (nothing is handed back) and may be selected by a new campaign. Closing twice is a conflict.
 */
export async function closeCampaign(ctx: RequestContext, id: string) {
  const now = new Date();
  return ctx.transaction(async (tx, log) => {
    const { campaign, residentIds } = await detail(tx, ctx, id, now);
    if (campaign.status !== 'active' || !(await catchUpStore(tx, ctx.principal).closeCampaign(id))) {
      throw new ProblemError(409, 'Al afgesloten', 'Deze inhaalslag is al afgesloten. De inwoners zijn bij hun werkmatcher gebleven.');
    }
    log.subjects(residentIds, { action: 'team.catchUp.close' });
    return (await detail(tx, ctx, id, now)).campaign;
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
    const { chosen, selected, assignments, summary, fingerprint } = await planDivision(tx, ctx, body, team, now);
    // Only what the teamleider saw and confirmed: a changed selection or division is refused, saying what changed.
    if (body.previewFingerprint !== fingerprint) {
      throw new ProblemError(409, 'Selectie veranderd', whatChanged(body.previewFingerprint, summary), undefined, {
        current: { total: summary.total, moving: summary.moving },
      });
    }
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
