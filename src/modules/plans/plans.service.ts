import { randomUUID } from 'node:crypto';
import { todayInNl } from '../../domain/dates.ts';
import type { RequestContext } from '../../platform/context.ts';
import { problems, type InvalidParam } from '../../platform/http/problem.ts';
import { displayName } from '../residents/residents.presenter.ts';
import { creationChanges } from './plan-diff.ts';
import { pdfFileName, pdfModelOf, renderPlanPdf } from './plan-pdf.ts';
import { RESIDENT, loadState, planEtag, visibleResident } from './plan-state.ts';
import { summarise } from './plan-text.ts';
import { labelChanges, labelContext, presentPlan, presentVersion, snapshotOf } from './plans.presenter.ts';
import type { PlanCreate } from './plans.schema.ts';
import { isOneActivePlanViolation, plansStore } from './plans.store.ts';
import { checkTitle } from './plans.validation.ts';
import { checkBarrier } from './plans-edit.service.ts';
import { wholeList } from '../../platform/http/list.ts';

// Reading the plan (as JSON, as history, as the resident's PDF) and starting one. Every use case records one
// processing-log entry (PA-009) for the resident in the same transaction. Changes: plans-edit.service.ts.

export async function getPlan(ctx: RequestContext, residentId: string) {
  return ctx.transaction(async (tx, log) => {
    const s = await loadState(tx, ctx, residentId);
    log.subjects([residentId], { action: 'plans.read' });
    return { plan: presentPlan(ctx.principal, s), etag: planEtag(s.plan.id, s.plan.version) };
  });
}

const alreadyHasPlan = () => problems.conflict('Deze inwoner heeft al een actief plan. Open dat plan en pas het samen aan.');

export async function createPlan(ctx: RequestContext, residentId: string, body: PlanCreate) {
  const errors: InvalidParam[] = [];
  (body.goals ?? []).forEach((g, i) => checkTitle(g.title, errors, `goals.${i}.title`));
  try {
    return await ctx.transaction(async (tx, log) => {
      const { view } = await visibleResident(tx, ctx, residentId);
      // Only the area team starts a plan (a route without plans:write never gets here: 404 in the preHandler).
      if (view !== 'full' || !ctx.can('plans:write')) throw problems.notFound(RESIDENT);
      const store = plansStore(tx, ctx.principal);
      if (await store.findActive(residentId)) throw alreadyHasPlan();
      for (const [i, g] of (body.goals ?? []).entries()) {
        if (g.barrierId) await checkBarrier(tx, ctx, residentId, g.barrierId, `goals.${i}.barrierId`, errors);
      }
      if (errors.length > 0) throw problems.invalid(errors);
      const planId = randomUUID();
      await store.insertPlan({ id: planId, residentId });
      for (const g of body.goals ?? []) {
        await store.insertGoal({ id: randomUUID(), planId, title: g.title, description: g.description || null, lifeDomain: g.lifeDomain ?? null, barrierId: g.barrierId ?? null });
      }
      const s = await loadState(tx, ctx, residentId);
      const changes = labelChanges(creationChanges(snapshotOf(s)), labelContext([s]));
      const role = ctx.roleFor('plans:write');
      await store.insertVersion({ planId, version: 1, role, summary: summarise(changes), changes, snapshot: snapshotOf(s) });
      log.subjects([residentId], { action: 'plans.create' });
      return { plan: presentPlan(ctx.principal, s), etag: planEtag(planId, s.plan.version) };
    });
  } catch (err) {
    if (isOneActivePlanViolation(err)) throw alreadyHasPlan();
    throw err;
  }
}

export async function planHistory(ctx: RequestContext, residentId: string) {
  return ctx.transaction(async (tx, log) => {
    const s = await loadState(tx, ctx, residentId);
    const rows = await plansStore(tx, ctx.principal).versions(s.plan.id);
    log.subjects([residentId], { action: 'plans.history.read' });
    return wholeList(rows.map((v) => presentVersion(v, s.view)));
  });
}

/** The resident's version of the plan as a tagged PDF, in plain Dutch. Downloading it is a read of the plan. */
export async function planPdf(ctx: RequestContext, residentId: string) {
  const { plan, resident } = await ctx.transaction(async (tx, log) => {
    const s = await loadState(tx, ctx, residentId);
    log.subjects([residentId], { action: 'plans.pdf' });
    return { plan: presentPlan(ctx.principal, s), resident: s.resident };
  });
  const firstName = resident.given_names.split(/\s+/)[0] ?? resident.given_names;
  const model = pdfModelOf(plan, { name: displayName(resident), firstName, contactPerson: resident.contact_person_name ?? null }, todayInNl());
  return { pdf: await renderPlanPdf(model), fileName: pdfFileName(firstName) };
}
