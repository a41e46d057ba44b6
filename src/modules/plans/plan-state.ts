import type { RequestContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/transaction.ts';
import { etagOf } from '../../platform/http/etag.ts';
import { ProblemError, problems } from '../../platform/http/problem.ts';
import { residentView } from '../residents/residents.policy.ts';
import { residentsStore } from '../residents/residents.store.ts';
import { presentPlan, presentVersion, type PlanState } from './plans.presenter.ts';
import type { PlanJson, PlanVersionJson } from './plans.schema.ts';
import { plansStore } from './plans.store.ts';

// Loading a plan the caller may see, and the answer to a stale write. Shared by the read and the write use cases.

export const RESIDENT = 'Deze inwoner';

export const planEtag = (planId: string, version: number) => etagOf('plan', planId, version);

export const noPlanYet = () =>
  new ProblemError(404, 'Niet gevonden', 'Nog geen plan voor deze inwoner. Plan een 3-gesprek om samen een plan te maken.');

/** The resident, seen through the residents module's scope (404 outside it), and how: full or shared. */
export async function visibleResident(tx: Tx, ctx: RequestContext, residentId: string) {
  const resident = await residentsStore(tx, ctx.principal).findById(residentId);
  if (!resident) throw problems.notFound(RESIDENT);
  return { resident, view: residentView(ctx.principal, resident.area_id) };
}

/**
 * The resident's active plan with its goals and actions. With lock, the plan row is locked (SELECT ... FOR UPDATE)
 * until commit: concurrent writers of one plan queue here, so each sees the version the previous one left.
 */
export async function loadState(tx: Tx, ctx: RequestContext, residentId: string, lock = false): Promise<PlanState> {
  const { resident, view } = await visibleResident(tx, ctx, residentId);
  const store = plansStore(tx, ctx.principal);
  const plan = await store.findActive(residentId, lock);
  if (!plan) throw noPlanYet();
  return { resident, view, plan, goals: await store.goals(plan.id), actions: await store.actions(plan.id) };
}

/** The same plan again after a change (also when the change closed it). */
export async function reloadState(tx: Tx, ctx: RequestContext, s: PlanState): Promise<PlanState> {
  const store = plansStore(tx, ctx.principal);
  const plan = await store.findById(s.resident.id, s.plan.id);
  if (!plan) throw noPlanYet();
  return { ...s, plan, goals: await store.goals(plan.id), actions: await store.actions(plan.id) };
}

/** 412 with the newer version and what changed since the client's version, so nothing is overwritten blindly. */
export class PlanConflictError extends ProblemError {
  constructor(
    readonly current: PlanJson,
    readonly changesSince: PlanVersionJson[],
    readonly etag: string,
  ) {
    const p = problems.stale();
    super(p.status, p.title, p.detail);
  }

  body() {
    return {
      type: `https://samenplan.example.org/problemen/${this.status}`,
      title: this.title,
      status: this.status,
      detail: this.detail,
      current: this.current,
      changesSince: this.changesSince,
    };
  }
}

export async function conflictOf(tx: Tx, ctx: RequestContext, s: PlanState, clientVersion: number): Promise<PlanConflictError> {
  const since = await plansStore(tx, ctx.principal).versions(s.plan.id, clientVersion);
  return new PlanConflictError(
    presentPlan(ctx.principal, s),
    since.reverse().map((v) => presentVersion(v, s.view)),
    planEtag(s.plan.id, s.plan.version),
  );
}
