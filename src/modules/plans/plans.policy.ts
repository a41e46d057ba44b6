import { can } from '../../platform/access/permissions.ts';
import { isResident, type Principal } from '../../platform/access/principal.ts';
import type { ResidentView } from '../residents/residents.policy.ts';
import type { OwnerSnapshot, PlanChange } from './plan-diff.ts';

/**
 * Who may do what with the one plan of a resident he can see (the resident's scope is residents.policy.ts).
 * - area team (full view) with plans:write: everything while the plan is active;
 * - buurtteam professional (shared view, through an active consent) with plans:updateOwnActions: reads the shared
 *   part, adds actions he carries out himself and updates status, due date and description of those actions only;
 * - a closed plan is read-only for everyone.
 * The web app receives these answers with the plan and never re-derives them.
 */
export type EditActions = 'all' | 'own' | 'none';

export interface PlanPermissions {
  edit: boolean;
  addGoal: boolean;
  agree: boolean;
  editActions: EditActions;
}

export function planPermissions(p: Pick<Principal, 'roles' | 'residentId'>, view: ResidentView, planStatus: string): PlanPermissions {
  const open = planStatus === 'active';
  // Mijn Samenplan (issue 11): the resident marks his own actions, proposes a goal and agrees; he edits nothing else.
  if (isResident(p)) return { edit: false, addGoal: open, agree: open, editActions: open ? 'own' : 'none' };
  const write = open && view === 'full' && can(p, 'plans:write');
  const own = open && can(p, 'plans:updateOwnActions');
  return { edit: write, addGoal: write, agree: write, editActions: write ? 'all' : own ? 'own' : 'none' };
}

export interface ActionOwnerRef {
  ownerType: OwnerSnapshot['type'];
  ownerStaffUserId: string | null;
}

/** The own-actions rule: an action is his when he carries it out as the buurtteam professional. */
export function ownsAction(p: Pick<Principal, 'userId'> & Partial<Pick<Principal, 'roles' | 'residentId'>>, a: ActionOwnerRef): boolean {
  if (p.roles && isResident({ roles: p.roles, residentId: p.residentId })) return a.ownerType === 'resident';
  return a.ownerType === 'partnerProfessional' && a.ownerStaffUserId === p.userId;
}

export function mayEditAction(perms: PlanPermissions, p: Pick<Principal, 'userId'>, a: ActionOwnerRef): boolean {
  return perms.editActions === 'all' || (perms.editActions === 'own' && ownsAction(p, a));
}

/** The fields of his own action a buurtteam professional may change; the rest belongs to the area team. */
export const OWN_ACTION_FIELDS = ['description', 'dueDate', 'status'] as const;
export type ActionField = 'description' | 'dueDate' | 'status' | 'owner';

/** The fields in a request the caller may not change on this action (empty: allowed). */
export function forbiddenActionFields(perms: PlanPermissions, requested: readonly ActionField[]): ActionField[] {
  if (perms.editActions === 'all') return [];
  return requested.filter((f) => !(OWN_ACTION_FIELDS as readonly string[]).includes(f));
}

/** With 'own', a new action must be carried out by the caller himself. */
export function mayAddActionFor(perms: PlanPermissions, p: Pick<Principal, 'userId'>, owner: Pick<OwnerSnapshot, 'type' | 'staffUserId'>): boolean {
  if (perms.editActions === 'all') return true;
  return perms.editActions === 'own' && ownsAction(p, { ownerType: owner.type, ownerStaffUserId: owner.staffUserId });
}

/**
 * The shared part of the plan. A goal's link to a barrier (belemmering) stays with the area team: barriers are part of
 * the assessment, a separate processing with its own consent. Everything else in the plan is made together.
 */
export const HIDDEN_IN_SHARED_VIEW = { goal: ['barrierId'] } as const;

/** A history change as the viewer may see it, or null when it lies wholly outside his part of the plan. */
export function visibleChange<C extends PlanChange>(view: ResidentView, c: C): C | null {
  if (view === 'full' || c.entity !== 'goal') return c;
  const hidden: readonly string[] = HIDDEN_IN_SHARED_VIEW.goal;
  if (c.field !== null) return hidden.includes(c.field) ? null : c;
  const strip = (v: unknown) => (v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).filter(([k]) => !hidden.includes(k))) : v);
  return { ...c, before: strip(c.before), after: strip(c.after) };
}
