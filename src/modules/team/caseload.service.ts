import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../../platform/context.ts';
import { problems, type InvalidParam } from '../../platform/http/problem.ts';
import { notifyAfterCommit } from '../worklist/notifications.service.ts';
import { checkHandoverNote, handOver } from './handover.ts';
import type { ReassignmentBody } from './team.schema.ts';
import { teamStore } from './team.store.ts';

// Caseload management for the teamleider: caseload figures per werkmatcher of the teams he leads, and bulk
// reassignment with a handover note (all or nothing, in one transaction).

const figures = (r: { active_residents: string; over_norm: string; without_plan: string }) => ({
  activeResidents: Number(r.active_residents),
  overContactNorm: Number(r.over_norm),
  withoutPlan: Number(r.without_plan),
});

/** Counts only, no resident is shown: logged as one aggregate entry (the counts are computed from their data). */
export async function listCaseloads(ctx: RequestContext) {
  return ctx.transaction(async (tx, log) => {
    const store = teamStore(tx, ctx.principal);
    const teams = await store.ledTeams();
    const rows = teams.length > 0 ? await store.caseloads(teams.map((t) => t.id), ctx.principal.contactNormDays) : [];
    if (teams.length > 0) log.aggregate();
    return {
      contactNormDays: ctx.principal.contactNormDays,
      teams: teams.map((t) => {
        const mine = rows.filter((r) => r.team_id === t.id);
        const unassigned = mine.find((r) => r.staff_user_id === null);
        return {
          team: { id: t.id, name: t.name },
          members: mine
            .filter((r) => r.staff_user_id !== null)
            .map((r) => ({ staffUser: { id: r.staff_user_id!, displayName: r.display_name ?? '' }, ...figures(r) })),
          unassigned: unassigned ? figures(unassigned) : { activeResidents: 0, overContactNorm: 0, withoutPlan: 0 },
        };
      }),
    };
  });
}

const plural = (n: number) => `${n} ${n === 1 ? 'inwoner' : 'inwoners'}`;

/**
 * Hands residents over to one werkmatcher of a team the caller leads. Any resident out of the caller's scope: 404
 * for the whole request. Any resident that cannot be handed over: 400. Either way nothing changes and nothing is
 * enqueued (the transaction rolls back, the outbox row with it). The new contact person is notified after commit.
 */
export async function reassign(ctx: RequestContext, body: ReassignmentBody) {
  const ids = [...new Set(body.residentIds)];
  const errors: InvalidParam[] = [];
  const note = checkHandoverNote(body.handoverNote, 'handoverNote', errors);
  if (errors.length > 0) throw problems.invalid(errors);
  return ctx.transaction(async (tx, log) => {
    const store = teamStore(tx, ctx.principal);
    const current = await store.contactPersonsInScope(ids);
    if (current.size !== ids.length) throw problems.notFound('Een of meer van deze inwoners');
    const teams = await store.ledTeams();
    const coach = (await store.teamCoaches(teams.map((t) => t.id))).find((c) => c.id === body.toStaffUserId);
    if (!coach) {
      throw problems.invalid([{ name: 'toStaffUserId', code: 'notTeamMember', reason: 'Kies een werkmatcher uit een team waarvan u teamleider bent.' }]);
    }
    const items: Array<{ residentId: string; previousContactPersonId: string | null }> = [];
    for (const id of ids) {
      const outcome = await handOver(ctx, id, coach.id, note!);
      if (outcome.ok) items.push({ residentId: id, previousContactPersonId: current.get(id) ?? null });
      else errors.push({ name: `residentIds.${body.residentIds.indexOf(id)}`, ...outcome.error });
    }
    if (errors.length > 0) throw problems.invalid(errors, 'Er is niemand overgedragen: los de genoemde punten op en probeer het opnieuw.');
    log.subjects(ids, { action: 'team.reassign' });
    await notifyAfterCommit(tx, ctx.principal.municipalityId, {
      staffUserId: coach.id,
      kind: 'newInCaseload',
      title: `${plural(ids.length)} nieuw in uw caseload`,
      body: `Overgedragen door ${ctx.principal.displayName}. De overdrachtsnotitie staat bovenaan uw werklijst.`,
      link: '/werklijst',
      dedupeKey: `reassignment:${randomUUID()}`,
    });
    return { toStaffUser: { id: coach.id, displayName: coach.display_name }, reassigned: items.length, items };
  });
}
