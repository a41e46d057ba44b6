import { randomUUID } from 'node:crypto';
import { todayInNl } from '../../domain/dates.ts';
import { can } from '../../platform/access/permissions.ts';
import type { Principal } from '../../platform/access/principal.ts';
import type { RequestContext } from '../../platform/context.ts';
import { wholeList } from '../../platform/http/list.ts';
import { problems } from '../../platform/http/problem.ts';
import { displayName } from '../residents/residents.presenter.ts';
import { budgetFigures, euros, fitsBudget, needsSecondPerson } from './budget.ts';
import { PROVISION_KINDS, type ProvisionCreate } from './provisions.schema.ts';
import { provisionsStore, type ProvisionRow } from './provisions.store.ts';

// Custom provisions (maatwerk), PA-031: request with the room in the rules and why it helps; within the municipality's
// threshold the werkmatcher's request is approved at once, above it a second person (teamleider or senior
// werkmatcher, never the requester) approves; then paid out and recorded. A request over the team's available
// budget is refused (400 naming amountCents) and nothing is written.

const PROVISION = 'Deze voorziening';
const RESIDENT = 'Deze inwoner';

function present(p: Principal, r: ProvisionRow, threshold: number) {
  const amount = Number(r.amount_cents);
  return {
    id: r.id,
    residentId: r.resident_id,
    residentName: displayName(r),
    team: { id: r.team_id, name: r.team_name },
    year: r.year,
    kind: r.kind,
    description: r.description,
    amountCents: amount,
    ruleRoom: r.rule_room,
    justification: r.justification,
    status: r.status,
    requestedBy: { id: r.requested_by, displayName: r.requested_by_name },
    requestedAt: r.requested_at.toISOString(),
    approvedBy: r.approved_by ? { id: r.approved_by, displayName: r.approved_by_name ?? '' } : null,
    decisionNote: r.decision_note,
    paidOn: r.paid_on,
    paymentReference: r.payment_reference,
    needsSecondPerson: needsSecondPerson(amount, threshold),
    permissions: {
      approve: r.status === 'requested' && can(p, 'youth:approveProvision') && r.requested_by !== p.userId,
      pay: r.status === 'approved' && can(p, 'youth:write'),
    },
  };
}

export async function requestProvision(ctx: RequestContext, residentId: string, body: ProvisionCreate) {
  const today = todayInNl();
  const year = Number(today.slice(0, 4));
  return ctx.transaction(async (tx, log) => {
    const store = provisionsStore(tx, ctx.principal);
    const resident = await store.residentInScope(residentId);
    if (!resident) throw problems.notFound(RESIDENT);
    const teamId = await store.teamFor(resident.area_id);
    if (!teamId) throw problems.notFound(RESIDENT);
    const budget = await store.lockBudget(teamId, year);
    if (budget === null) {
      throw problems.invalid([{ name: 'amountCents', code: 'noBudget', reason: `Uw team heeft voor ${year} geen budget voor maatwerkvoorzieningen.` }]);
    }
    const figures = budgetFigures(budget, (await store.totals(teamId, year)).map((t) => ({ status: t.status, cents: t.cents })));
    if (!fitsBudget(figures, body.amountCents)) {
      throw problems.invalid(
        [{ name: 'amountCents', code: 'overBudget', reason: `Dit past niet in het budget: er is nog ${euros(Math.max(0, figures.availableCents))} beschikbaar voor ${year}.` }],
        'De aanvraag is niet vastgelegd: het bedrag is hoger dan het beschikbare budget.',
      );
    }
    const threshold = await store.threshold();
    const id = randomUUID();
    await store.insert({ id, residentId, teamId, year, ...body, approved: !needsSecondPerson(body.amountCents, threshold) });
    log.subjects([residentId], { action: 'youth.provisions.request' });
    return present(ctx.principal, (await store.find(id))!, threshold);
  });
}

export async function residentProvisions(ctx: RequestContext, residentId: string) {
  return ctx.transaction(async (tx, log) => {
    const store = provisionsStore(tx, ctx.principal);
    if (!(await store.residentInScope(residentId))) throw problems.notFound(RESIDENT);
    const threshold = await store.threshold();
    const rows = await store.ofResident(residentId);
    log.subjects([residentId], { action: 'youth.provisions.list' });
    return wholeList(rows.map((r) => present(ctx.principal, r, threshold)));
  });
}

export async function listProvisions(ctx: RequestContext, query: { status: string }) {
  return ctx.transaction(async (tx, log) => {
    const store = provisionsStore(tx, ctx.principal);
    const threshold = await store.threshold();
    const rows = await store.list(query.status === 'open' ? ['requested', 'approved'] : [query.status]);
    log.subjects(rows.map((r) => r.resident_id), { action: 'youth.provisions.list' });
    return wholeList(rows.map((r) => present(ctx.principal, r, threshold)));
  });
}

async function decide(ctx: RequestContext, id: string, status: 'approved' | 'rejected', note: string | null) {
  return ctx.transaction(async (tx, log) => {
    const store = provisionsStore(tx, ctx.principal);
    const row = await store.find(id, true);
    if (!row) throw problems.notFound(PROVISION);
    if (row.status !== 'requested') throw problems.conflict('Over deze aanvraag is al besloten.', [{ name: 'provisionId', code: row.status, reason: 'Al besloten.' }]);
    if (row.requested_by === ctx.principal.userId) {
      throw problems.invalid([{ name: 'provisionId', code: 'fourEyes', reason: 'U vroeg deze voorziening zelf aan. Een tweede persoon beslist erover.' }]);
    }
    await store.decide(id, status, note);
    log.subjects([row.resident_id], { action: status === 'approved' ? 'youth.provisions.approve' : 'youth.provisions.reject' });
    return present(ctx.principal, (await store.find(id))!, await store.threshold());
  });
}

export const approveProvision = (ctx: RequestContext, id: string, body: { note?: string }) => decide(ctx, id, 'approved', body.note || null);
export const rejectProvision = (ctx: RequestContext, id: string, body: { note: string }) => decide(ctx, id, 'rejected', body.note);

export async function payProvision(ctx: RequestContext, id: string, body: { paidOn: string; reference: string }) {
  const today = todayInNl();
  return ctx.transaction(async (tx, log) => {
    const store = provisionsStore(tx, ctx.principal);
    const row = await store.find(id, true);
    if (!row) throw problems.notFound(PROVISION);
    if (row.status !== 'approved') {
      throw problems.conflict('Alleen een goedgekeurde voorziening kan worden betaald.', [{ name: 'provisionId', code: row.status, reason: 'Niet goedgekeurd, of al betaald.' }]);
    }
    if (body.paidOn > today) throw problems.invalid([{ name: 'paidOn', code: 'future', reason: 'De betaaldatum ligt in de toekomst. Leg de betaling vast als zij gedaan is.' }]);
    await store.pay(id, body.paidOn, body.reference);
    log.subjects([row.resident_id], { action: 'youth.provisions.pay' });
    return present(ctx.principal, (await store.find(id))!, await store.threshold());
  });
}

export async function provisionBudgets(ctx: RequestContext, year: number) {
  return ctx.transaction(async (tx, log) => {
    const store = provisionsStore(tx, ctx.principal);
    const threshold = await store.threshold();
    const items = [];
    for (const team of await store.budgetTeams(year)) {
      const totals = await store.totals(team.id, year);
      const f = budgetFigures((await store.budget(team.id, year)) ?? 0, totals.map((t) => ({ status: t.status, cents: t.cents })));
      const byKind = PROVISION_KINDS.map((kind) => {
        const of = totals.filter((t) => t.kind === kind);
        return {
          kind,
          count: of.filter((t) => t.status !== 'rejected').reduce((n, t) => n + t.n, 0),
          committedCents: of.filter((t) => t.status === 'requested' || t.status === 'approved').reduce((n, t) => n + t.cents, 0),
          paidCents: of.filter((t) => t.status === 'paid').reduce((n, t) => n + t.cents, 0),
        };
      }).filter((k) => k.count > 0);
      items.push({ team, year, ...f, approvalThresholdCents: threshold, byKind });
    }
    log.aggregate({ action: 'youth.provisions.budget' });
    return wholeList(items);
  });
}
