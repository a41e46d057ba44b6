import { randomUUID } from 'node:crypto';
import { todayInNl } from '../../domain/dates.ts';
import { monthStart, outflowDateProblem, partialWorkMonthProblem, placementOutflowReason, returnDateProblem, WORK_REASONS, type OutflowReason } from '../../domain/outflow-rules.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/transaction.ts';
import { problems, type InvalidParam } from '../../platform/http/problem.ts';
import { wholeList } from '../../platform/http/list.ts';
import { enqueueJob } from '../../platform/jobs/jobs.ts';
import { placementForOutflow } from '../placements/placements.service.ts';
import * as residents from '../residents/residents.service.ts';
import { PROGRAMME_REFRESH_QUEUE } from '../programmes/programmes.queues.ts';
import type { OutflowCreate, PartialWorkBody } from './outflow.schema.ts';
import { outflowStore, type OutflowRow } from './outflow.store.ts';
import { publishEvent } from '../webhooks/webhooks.service.ts';

// Outflow (uitstroom), partial work and the return to benefit (issue 12, PA-025). Registering an outflow is one
// transaction: the outflow with its reason (and the placement it came from), the benefit ends, the case closes, and
// the programme figures are refreshed after commit (a job). Werkmatchers and teamleiders of the resident's area only;
// anyone else gets 404. Bad input: 400 naming the field, nothing written.

const RESIDENT = 'Deze inwoner';

function present(row: OutflowRow, placement: { id: string; employerName: string; startDate: string } | null) {
  return {
    id: row.id,
    residentId: row.resident_id,
    reason: row.reason as OutflowReason,
    outflowOn: row.outflow_on,
    placement,
    note: row.note,
    returnedOn: row.returned_on,
    registeredAt: new Date(row.registered_at).toISOString(),
  };
}

async function placementsOf(tx: Tx, ctx: RequestContext, residentId: string, rows: OutflowRow[]) {
  const out = [];
  for (const r of rows) {
    const p = r.placement_id ? await placementForOutflow(tx, ctx, residentId, r.placement_id, r.outflow_on) : null;
    out.push(present(r, p ? { id: p.id, employerName: p.employerName, startDate: p.startDate } : null));
  }
  return out;
}

async function inScope(tx: Tx, ctx: RequestContext, residentId: string) {
  const found = await residents.openBenefitAndCase(tx, ctx, residentId);
  if (!found) throw problems.notFound(RESIDENT);
  return found;
}

export async function registerOutflow(ctx: RequestContext, residentId: string, body: OutflowCreate) {
  return ctx.transaction(async (tx, log) => {
    const current = await inScope(tx, ctx, residentId);
    const errors: InvalidParam[] = [];
    if (!current.benefitId || !current.caseId) {
      errors.push({ name: 'outflowOn', code: 'noBenefit', reason: 'Deze inwoner heeft geen lopende uitkering of zaak: er is niets om te beëindigen.' });
    } else {
      const problem = outflowDateProblem(body.outflowOn, current.benefitStart, todayInNl());
      if (problem) errors.push({ name: 'outflowOn', ...problem });
    }
    let placement = null;
    if (body.placementId) {
      placement = await placementForOutflow(tx, ctx, residentId, body.placementId, body.outflowOn);
      if (!placement) errors.push({ name: 'placementId', code: 'unknown', reason: 'Deze plaatsing hoort niet bij deze inwoner.' });
    } else if (WORK_REASONS.includes(body.reason) && errors.length === 0) {
      placement = await placementForOutflow(tx, ctx, residentId, undefined, body.outflowOn);
    }
    if (errors.length > 0) throw problems.invalid(errors);

    const id = randomUUID();
    await outflowStore(tx, ctx.principal).insert({
      id,
      residentId,
      caseId: current.caseId!,
      benefitId: current.benefitId!,
      reason: body.reason,
      outflowOn: body.outflowOn,
      placementId: placement?.id ?? null,
      note: body.note || null,
    });
    await residents.endBenefitAndCloseCase(tx, ctx, current.benefitId!, current.caseId!, body.outflowOn);
    await enqueueJob(tx, ctx.principal.municipalityId, PROGRAMME_REFRESH_QUEUE, { reason: 'outflow' });
    await publishEvent(tx, ctx, {
      type: 'nl.samenplan.uitstroom.geregistreerd',
      residentId,
      subject: id,
      dataref: `/api/v1/residents/${residentId}/outflows`,
      data: { outflowId: id, placementId: placement?.id ?? null },
    });
    log.subjects([residentId], { action: 'outflow.register' });
    const row = (await outflowStore(tx, ctx.principal).ofResident(residentId)).find((r) => r.id === id)!;
    return present(row, placement ? { id: placement.id, employerName: placement.employerName, startDate: placement.startDate } : null);
  });
}

/** What a placement shows of the outflow registered with it. */
export interface PlacementOutflow {
  id: string;
  reason: OutflowReason;
  outflowOn: string;
  returnedOn: string | null;
}

/**
 * A placement that ends the benefit (outflow 'full') registers the outflow in the placement's own transaction (the
 * placements service calls this inside it): reason work full-time or part-time by the hours, on the start date,
 * linked to the placement; the benefit ends and the case closes. Null, and nothing written, when it cannot be done
 * now: the resident has no running benefit, or the start lies further ahead than an outflow may be registered (the
 * werkmatcher registers it later on the resident's page, where this placement is offered). Logged under PA-025.
 */
export async function registerPlacementOutflow(
  ctx: RequestContext,
  residentId: string,
  placement: { id: string; startDate: string; hoursPerWeek: number },
): Promise<PlacementOutflow | null> {
  return ctx.transaction(async (tx, log) => {
    const current = await residents.openBenefitAndCase(tx, ctx, residentId);
    if (!current?.benefitId || !current.caseId) return null;
    if (outflowDateProblem(placement.startDate, current.benefitStart, todayInNl())) return null;
    const id = randomUUID();
    const reason = placementOutflowReason(placement.hoursPerWeek);
    await outflowStore(tx, ctx.principal).insert({
      id,
      residentId,
      caseId: current.caseId,
      benefitId: current.benefitId,
      reason,
      outflowOn: placement.startDate,
      placementId: placement.id,
      note: null,
    });
    await residents.endBenefitAndCloseCase(tx, ctx, current.benefitId, current.caseId, placement.startDate);
    await enqueueJob(tx, ctx.principal.municipalityId, PROGRAMME_REFRESH_QUEUE, { reason: 'outflow' });
    log.subjects([residentId], { activity: 'PA-025', action: 'outflow.register', permission: 'outflow:write' });
    return { id, reason, outflowOn: placement.startDate, returnedOn: null };
  });
}

/** The outflows registered with these placements (those the caller may see), by placement id. No log entry. */
export async function outflowsOfPlacements(tx: Tx, ctx: RequestContext, placementIds: string[]): Promise<Map<string, PlacementOutflow>> {
  const rows = placementIds.length === 0 ? [] : await outflowStore(tx, ctx.principal).ofPlacements(placementIds);
  return new Map(rows.map((r) => [r.placement_id!, { id: r.id, reason: r.reason as OutflowReason, outflowOn: r.outflow_on, returnedOn: r.returned_on }]));
}

export async function listOutflows(ctx: RequestContext, residentId: string) {
  return ctx.transaction(async (tx, log) => {
    await inScope(tx, ctx, residentId);
    const rows = await outflowStore(tx, ctx.principal).ofResident(residentId);
    log.subjects([residentId], { action: 'outflow.list' });
    return wholeList(await placementsOf(tx, ctx, residentId, rows));
  });
}

export async function returnToBenefit(ctx: RequestContext, residentId: string, startDate: string) {
  return ctx.transaction(async (tx, log) => {
    const current = await inScope(tx, ctx, residentId);
    const errors: InvalidParam[] = [];
    if (current.benefitId || current.caseId) {
      errors.push({ name: 'startDate', code: 'stillOnBenefit', reason: 'Deze inwoner heeft nog een lopende uitkering of zaak. Registreer eerst de uitstroom.' });
    } else {
      const problem = returnDateProblem(startDate, await residents.latestBenefitEnd(tx, ctx, residentId), todayInNl());
      if (problem) errors.push({ name: 'startDate', ...problem });
    }
    if (errors.length > 0) throw problems.invalid(errors);
    // The database links the new benefit to the outflow it undoes (trigger benefits_detect_return).
    await residents.restartBenefit(tx, ctx, residentId, startDate);
    await enqueueJob(tx, ctx.principal.municipalityId, PROGRAMME_REFRESH_QUEUE, { reason: 'return' });
    log.subjects([residentId], { action: 'outflow.return' });
    const undone = await outflowStore(tx, ctx.principal).byReturnBenefitStart(residentId, startDate);
    return { residentId, startDate, undoneOutflow: undone ? (await placementsOf(tx, ctx, residentId, [undone]))[0]! : null };
  });
}

export async function listPartialWork(ctx: RequestContext, residentId: string) {
  return ctx.transaction(async (tx, log) => {
    await inScope(tx, ctx, residentId);
    const items = await outflowStore(tx, ctx.principal).partialWork(residentId);
    log.subjects([residentId], { action: 'partialWork.list' });
    return wholeList(items);
  });
}

export async function recordPartialWork(ctx: RequestContext, residentId: string, month: string, body: PartialWorkBody) {
  return ctx.transaction(async (tx, log) => {
    const current = await inScope(tx, ctx, residentId);
    const problem = partialWorkMonthProblem(month, current.benefitStart, todayInNl());
    if (problem) throw problems.invalid([{ name: 'month', ...problem }]);
    const store = outflowStore(tx, ctx.principal);
    await store.upsertPartialWork(residentId, monthStart(month)!, body.hours, body.earningsCents);
    log.subjects([residentId], { action: 'partialWork.record' });
    return (await store.partialWork(residentId)).find((p) => p.month === month)!;
  });
}
