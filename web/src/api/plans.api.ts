import { API_BASE, ApiError, api, request } from './http.ts';
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
} from './types.ts';

// The one plan of a resident: goals, actions with owners, the resident's agreement, history and the PDF.
// Contract: src/modules/plans/plans.schema.ts and plans.routes.ts. Every write sends If-Match with the version the
// user saw and answers the whole new plan; 412 answers the current plan and what changed since (PlanConflict).

const base = (residentId: string) => `/residents/${encodeURIComponent(residentId)}/plan`;

/** The ETag of a plan version, for If-Match (the same form the server sends: "plan-{id}-v{version}"). */
export function planEtag(plan: Pick<Plan, 'id' | 'version'>): string {
  return `"plan-${plan.id}-v${plan.version}"`;
}

/** The 412 answer of a plan write, or null for any other error. */
export function planConflictOf(error: unknown): PlanConflict | null {
  if (!(error instanceof ApiError) || error.status !== 412) return null;
  const p = error.problem as Partial<PlanConflict>;
  return p.current && Array.isArray(p.changesSince) ? (p as PlanConflict) : null;
}

/** 404 when the resident has no active plan yet ("Nog geen plan…"). */
export function getPlan(residentId: string): Promise<Plan> {
  return api.get<Plan>(base(residentId));
}

export function startPlan(residentId: string, body: PlanCreate = {}): Promise<Plan> {
  return api.post<Plan>(base(residentId), body);
}

export async function getPlanHistory(residentId: string): Promise<PlanVersion[]> {
  return (await api.get<{ items: PlanVersion[] }>(`${base(residentId)}/history`)).items;
}

/** The resident's plan as a tagged PDF in plain Dutch: a normal link (the session cookie goes along). */
export function planPdfUrl(residentId: string): string {
  return `${API_BASE}${base(residentId)}/pdf`;
}

/** One change to the plan. The same operation can be sent again on top of a newer version after a 412. */
export type PlanOperation =
  | { kind: 'updatePlan'; body: PlanUpdate }
  | { kind: 'addGoal'; body: PlanGoalCreate }
  | { kind: 'updateGoal'; goalId: string; body: PlanGoalUpdate }
  | { kind: 'addAction'; goalId: string; body: PlanActionCreate }
  | { kind: 'updateAction'; actionId: string; body: PlanActionUpdate };

/** Sends one change with If-Match of the version the user edited. */
export async function writePlan(residentId: string, plan: Pick<Plan, 'id' | 'version'>, op: PlanOperation): Promise<Plan> {
  const headers = { 'If-Match': planEtag(plan) };
  const path = base(residentId);
  const call = (method: string, url: string, body: unknown) => request<Plan>(method, url, { body, headers });
  switch (op.kind) {
    case 'updatePlan':
      return (await call('PATCH', path, op.body)).data;
    case 'addGoal':
      return (await call('POST', `${path}/goals`, op.body)).data;
    case 'updateGoal':
      return (await call('PATCH', `${path}/goals/${encodeURIComponent(op.goalId)}`, op.body)).data;
    case 'addAction':
      return (await call('POST', `${path}/goals/${encodeURIComponent(op.goalId)}/actions`, op.body)).data;
    case 'updateAction':
      return (await call('PATCH', `${path}/actions/${encodeURIComponent(op.actionId)}`, op.body)).data;
  }
}
