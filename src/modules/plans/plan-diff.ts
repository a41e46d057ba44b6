/**
 * The field-level difference between two versions of one plan. Pure, no I/O: the service stores the result in
 * plan_versions (history) and a stale write answers with it, so the UI can show what the other person changed.
 *
 * - diff(a, a) is empty;
 * - applyChanges(a, diff(a, b)) equals b (after normalisePlan);
 * - the result does not depend on the order of goals or actions in a snapshot (records are matched by id and
 *   the changes come out sorted: plan, then goals by id, then actions by id, fields in a fixed order).
 */

export interface OwnerSnapshot {
  type: 'resident' | 'jobCoach' | 'partnerProfessional' | 'otherPartner';
  staffUserId: string | null;
  partnerOrganisationId: string | null;
  /** Only for another partner (a name typed in); staff are known by id. */
  name: string | null;
}

export interface GoalSnapshot {
  id: string;
  title: string;
  description: string | null;
  lifeDomain: string | null;
  barrierId: string | null;
  status: string;
  position: number;
}

export interface ActionSnapshot {
  id: string;
  goalId: string;
  description: string;
  owner: OwnerSnapshot;
  dueDate: string | null;
  status: string;
  position: number;
}

export interface PlanSnapshot {
  id: string;
  status: string;
  agreedOn: string | null;
  agreedHow: string | null;
  goals: GoalSnapshot[];
  actions: ActionSnapshot[];
}

export type PlanEntity = 'plan' | 'goal' | 'action';

export interface PlanChange {
  entity: PlanEntity;
  /** Id of the plan, goal or action. */
  id: string;
  /** The changed field; null when the whole goal or action was added or removed. */
  field: string | null;
  kind: 'added' | 'removed' | 'changed';
  before: unknown;
  after: unknown;
}

export const PLAN_FIELDS = ['status', 'agreedOn', 'agreedHow'] as const;
export const GOAL_FIELDS = ['title', 'description', 'lifeDomain', 'barrierId', 'status', 'position'] as const;
export const ACTION_FIELDS = ['goalId', 'description', 'owner', 'dueDate', 'status', 'position'] as const;

/** Deep equality for the JSON values of a snapshot (strings, numbers, null, flat objects). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  if (ka.length !== kb.length || ka.some((k, i) => k !== kb[i])) return false;
  return ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

const byId = (x: { id: string }, y: { id: string }) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);

function diffRecords<T extends { id: string }>(
  entity: PlanEntity,
  before: readonly T[],
  after: readonly T[],
  fields: readonly (keyof T & string)[],
): PlanChange[] {
  const out: PlanChange[] = [];
  const a = new Map(before.map((r) => [r.id, r]));
  const b = new Map(after.map((r) => [r.id, r]));
  const ids = [...new Set([...a.keys(), ...b.keys()])].sort();
  for (const id of ids) {
    const x = a.get(id);
    const y = b.get(id);
    if (!x && y) out.push({ entity, id, field: null, kind: 'added', before: null, after: structuredClone(y) });
    else if (x && !y) out.push({ entity, id, field: null, kind: 'removed', before: structuredClone(x), after: null });
    else if (x && y) {
      for (const f of fields) {
        if (!sameValue(x[f], y[f])) out.push({ entity, id, field: f, kind: 'changed', before: structuredClone(x[f]), after: structuredClone(y[f]) });
      }
    }
  }
  return out;
}

/** What changed from a to b (two versions of the same plan). */
export function diffPlans(a: PlanSnapshot, b: PlanSnapshot): PlanChange[] {
  const plan: PlanChange[] = [];
  for (const f of PLAN_FIELDS) {
    if (!sameValue(a[f], b[f])) plan.push({ entity: 'plan', id: b.id, field: f, kind: 'changed', before: a[f], after: b[f] });
  }
  return [...plan, ...diffRecords('goal', a.goals, b.goals, GOAL_FIELDS), ...diffRecords('action', a.actions, b.actions, ACTION_FIELDS)];
}

/** The changes of a new plan: the plan itself, then its goals and actions, as additions. */
export function creationChanges(b: PlanSnapshot): PlanChange[] {
  const { goals: _g, actions: _a, ...plan } = b;
  return [
    { entity: 'plan', id: b.id, field: null, kind: 'added', before: null, after: plan },
    ...diffRecords('goal', [], b.goals, GOAL_FIELDS),
    ...diffRecords('action', [], b.actions, ACTION_FIELDS),
  ];
}

function applyTo<T extends { id: string }>(records: T[], c: PlanChange): T[] {
  if (c.kind === 'added') return [...records.filter((r) => r.id !== c.id), structuredClone(c.after) as T];
  if (c.kind === 'removed') return records.filter((r) => r.id !== c.id);
  return records.map((r) => (r.id === c.id && c.field ? { ...r, [c.field]: structuredClone(c.after) } : r));
}

/** Replays changes on a snapshot (the inverse of diffPlans). */
export function applyChanges(a: PlanSnapshot, changes: readonly PlanChange[]): PlanSnapshot {
  let out: PlanSnapshot = structuredClone(a);
  for (const c of changes) {
    if (c.entity === 'plan' && c.kind === 'changed' && c.field) out = { ...out, [c.field]: structuredClone(c.after) };
    if (c.entity === 'goal') out = { ...out, goals: applyTo(out.goals, c) };
    if (c.entity === 'action') out = { ...out, actions: applyTo(out.actions, c) };
  }
  return out;
}

/** A canonical order (goals and actions by id), to compare snapshots whatever order they were read in. */
export function normalisePlan(p: PlanSnapshot): PlanSnapshot {
  return { ...p, goals: [...p.goals].sort(byId), actions: [...p.actions].sort(byId) };
}
