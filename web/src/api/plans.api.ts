import { ApiError, api, body, hrefOf } from './client.ts';
import type {
  Plan,
  PlanActionCreate,
  PlanActionUpdate,
  PlanConflict,
  PlanCreate,
  PlanGoalCreate,
  PlanGoalUpdate,
  PlanUpdate,
  PlanVersion,
} from './models.ts';

// The one plan of a resident: goals, actions with owners, the resident's agreement, history and the PDF. Every
// write sends If-Match with the version the user saw and answers the whole new plan; 412 answers the current plan
// and what changed since (PlanConflict).

const byId = (id: string) => ({ params: { path: { id } } });

/** The ETag of a plan version, for If-Match (the same form the server sends: "plan-{id}-v{version}"). */
export function planEtag(plan: Pick<Plan, 'id' | 'version'>): string {
  return `"plan-${plan.id}-v${plan.version}"`;
}

/** The 412 answer of a plan write, or null for any other error. */
export function planConflictOf(error: unknown): PlanConflict | null {
  if (!(error instanceof ApiError) || error.status !== 412) return null;
  const p = error.body as Partial<PlanConflict> | null;
  return p && p.current && Array.isArray(p.changesSince) ? (p as PlanConflict) : null;
}

/** 404 when the resident has no active plan yet ("Nog geen plan…"). */
export function getPlan(residentId: string): Promise<Plan> {
  return body(api.GET('/residents/{id}/plan', byId(residentId)));
}

export function startPlan(residentId: string, plan: PlanCreate = {}): Promise<Plan> {
  return body(api.POST('/residents/{id}/plan', { ...byId(residentId), body: plan }));
}

export async function getPlanHistory(residentId: string): Promise<PlanVersion[]> {
  return (await body(api.GET('/residents/{id}/plan/history', byId(residentId)))).items;
}

/** The resident's plan as a tagged PDF in plain Dutch: a normal link (the session cookie goes along). */
export function planPdfUrl(residentId: string): string {
  return hrefOf('/residents/{id}/plan/pdf', { path: { id: residentId } });
}

/** One change to the plan. The same operation can be sent again on top of a newer version after a 412. */
export type PlanOperation =
  | { kind: 'updatePlan'; body: PlanUpdate }
  | { kind: 'addGoal'; body: PlanGoalCreate }
  | { kind: 'updateGoal'; goalId: string; body: PlanGoalUpdate }
  | { kind: 'addAction'; goalId: string; body: PlanActionCreate }
  | { kind: 'updateAction'; actionId: string; body: PlanActionUpdate };

/** Sends one change with If-Match of the version the user edited. */
export function writePlan(
  residentId: string,
  plan: Pick<Plan, 'id' | 'version'>,
  op: PlanOperation,
): Promise<Plan> {
  const header = { 'if-match': planEtag(plan) };
  const id = residentId;
  switch (op.kind) {
    case 'updatePlan':
      return body(api.PATCH('/residents/{id}/plan', { params: { path: { id }, header }, body: op.body }));
    case 'addGoal':
      return body(
        api.POST('/residents/{id}/plan/goals', { params: { path: { id }, header }, body: op.body }),
      );
    case 'updateGoal':
      return body(
        api.PATCH('/residents/{id}/plan/goals/{goalId}', {
          params: { path: { id, goalId: op.goalId }, header },
          body: op.body,
        }),
      );
    case 'addAction':
      return body(
        api.POST('/residents/{id}/plan/goals/{goalId}/actions', {
          params: { path: { id, goalId: op.goalId }, header },
          body: op.body,
        }),
      );
    case 'updateAction':
      return body(
        api.PATCH('/residents/{id}/plan/actions/{actionId}', {
          params: { path: { id, actionId: op.actionId }, header },
          body: op.body,
        }),
      );
  }
}
