import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../../platform/context.ts';
import { ProblemError, problems } from '../../platform/http/problem.ts';
import { MATCHER_VERSION } from './matcher.features.ts';
import { presentContribution, presentProposal, STATUS_NL, VACANCY_STATUS_NL } from './matching.presenter.ts';
import type { ProposalCreate, ResidentResponse } from './matching.schema.ts';
import { scoreNow } from './matching.service.ts';
import { matchingStore } from './matching.store.ts';
import { proposalsStore, type ProposalRow } from './proposals.store.ts';
import type { Tx } from '../../platform/db/transaction.ts';
import { wholeList } from '../../platform/http/list.ts';

// Proposals, werkmatcher side (PA-013): a person decides to propose a vacancy to a resident. The score, its
// explanation and the matcher version are recomputed and stored at that moment. The resident then agrees or
// declines; any open proposal can be withdrawn. The employer advisor's steps live in the candidates module.

/** Statuses from which a proposal can still be withdrawn (not closed, not placed). */
export const WITHDRAWABLE = ['proposed', 'residentAgreed', 'presented', 'interviewAgreed', 'revealed'] as const;

const notAllowed = (row: ProposalRow, what: string) =>
  new ProblemError(409, 'Niet mogelijk', `${what} kan niet: dit voorstel heeft de status '${STATUS_NL[row.status] ?? row.status}'.`, undefined, {
    currentStatus: row.status,
  });

async function present(tx: Tx, ctx: RequestContext, row: ProposalRow) {
  const summaries = await matchingStore(tx, ctx.principal).vacancySummaries([row.vacancy_id]);
  return presentProposal(row, summaries.get(row.vacancy_id)!);
}

export async function createProposal(ctx: RequestContext, residentId: string, body: ProposalCreate) {
  return ctx.transaction(async (tx, log) => {
    const store = proposalsStore(tx, ctx.principal);
    const now = await scoreNow(matchingStore(tx, ctx.principal), residentId, body.vacancyId);
    if (!now) throw problems.invalid([{ name: 'vacancyId', code: 'unknown', reason: 'Deze vacature bestaat niet.' }]);
    if (now.status !== 'open') {
      throw new ProblemError(409, 'Vacature niet open', `Deze vacature is ${VACANCY_STATUS_NL[now.status] ?? now.status}: u kunt haar niet meer voorstellen.`);
    }
    const open = await store.openFor(residentId, body.vacancyId);
    if (open) throw problems.conflict(`Er is al een open voorstel voor deze vacature (status: ${STATUS_NL[open.status] ?? open.status}).`);
    if (!now.result.passes) {
      const failed = now.result.contributions.filter((c) => !c.passed);
      throw new ProblemError(
        400,
        'Vacature past niet (meer)',
        `De vacature past niet (meer) bij het werkprofiel: ${failed.map((c) => c.explanation).join('; ')}.`,
        failed.map((c) => ({ name: 'vacancyId', code: c.criterion, reason: c.explanation })),
        { contributions: now.result.contributions.map(presentContribution) },
      );
    }
    const id = randomUUID();
    const inserted = await store.insert({
      id,
      residentId,
      vacancyId: body.vacancyId,
      score: now.result.score,
      explanation: now.result.contributions.map(presentContribution),
      matcherVersion: MATCHER_VERSION,
      note: body.note?.trim() || null,
    });
    if (!inserted) throw problems.conflict('Er is al een open voorstel voor deze vacature.');
    log.subjects([residentId], { action: 'proposals.create' });
    return present(tx, ctx, (await store.get(id))!);
  });
}

export async function listProposals(ctx: RequestContext, residentId: string) {
  return ctx.transaction(async (tx, log) => {
    if ((await matchingStore(tx, ctx.principal).ownProfile(residentId)) === undefined) throw problems.notFound('Deze inwoner');
    const rows = await proposalsStore(tx, ctx.principal).listForResident(residentId);
    const summaries = await matchingStore(tx, ctx.principal).vacancySummaries([...new Set(rows.map((r) => r.vacancy_id))]);
    log.subjects([residentId], { action: 'proposals.list' });
    return wholeList(rows.map((r) => presentProposal(r, summaries.get(r.vacancy_id)!)));
  });
}

export async function recordResidentResponse(ctx: RequestContext, id: string, body: ResidentResponse) {
  return ctx.transaction(async (tx, log) => {
    const store = proposalsStore(tx, ctx.principal);
    const row = await store.get(id, true);
    if (!row) throw problems.notFound('Dit voorstel');
    if (row.status !== 'proposed') throw notAllowed(row, 'De reactie van de inwoner vastleggen');
    await store.recordResponse(id, body.agreed, body.how);
    log.subjects([row.resident_id], { action: 'proposals.residentResponse' });
    return present(tx, ctx, (await store.get(id))!);
  });
}

export async function withdrawProposal(ctx: RequestContext, id: string) {
  return ctx.transaction(async (tx, log) => {
    const store = proposalsStore(tx, ctx.principal);
    const row = await store.get(id, true);
    if (!row) throw problems.notFound('Dit voorstel');
    if (!(WITHDRAWABLE as readonly string[]).includes(row.status)) throw notAllowed(row, 'Intrekken');
    await store.withdraw(id);
    log.subjects([row.resident_id], { action: 'proposals.withdraw' });
    return present(tx, ctx, (await store.get(id))!);
  });
}
