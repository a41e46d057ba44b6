import { todayInNl } from '../../domain/dates.ts';
import type { Principal } from '../../platform/access/principal.ts';
import type { ResidentView } from '../residents/residents.policy.ts';
import { displayName } from '../residents/residents.presenter.ts';
import type { ResidentDetailRow } from '../residents/residents.store.ts';
import type { OwnerSnapshot, PlanChange, PlanSnapshot } from './plan-diff.ts';
import { changeLabel, summarise, type LabelContext } from './plan-text.ts';
import { mayEditAction, planPermissions, visibleChange } from './plans.policy.ts';
import type { PlanJson, PlanVersionJson } from './plans.schema.ts';
import type { ActionRow, GoalRow, PlanRow, VersionRow } from './plans.store.ts';
import type { Role } from '../../platform/access/principal.ts';

// Presenters decide what leaves the building: the full plan for the area team, the shared part for the buurtteam
// (no link to barriers), and history entries filtered to what the viewer may see.

/** Everything about one plan that a use case works on, read in one transaction. */
export interface PlanState {
  resident: ResidentDetailRow;
  view: ResidentView;
  plan: PlanRow;
  goals: GoalRow[];
  actions: ActionRow[];
}

export type LabelledChange = PlanChange & { label: string };

const person = (id: string | null, name: string | null | undefined) => (id ? { id, displayName: name ?? '' } : null);

export function ownerOf(a: ActionRow): OwnerSnapshot {
  return {
    type: a.owner_type as OwnerSnapshot['type'],
    staffUserId: a.owner_staff_user_id,
    partnerOrganisationId: a.owner_partner_organisation_id,
    name: a.owner_name,
  };
}

/** The plan as plain data: what is versioned and compared. */
export function snapshotOf(s: Pick<PlanState, 'plan' | 'goals' | 'actions'>): PlanSnapshot {
  return {
    id: s.plan.id,
    status: s.plan.status,
    agreedOn: s.plan.agreed_on,
    agreedHow: s.plan.agreed_how,
    goals: s.goals.map((g) => ({
      id: g.id,
      title: g.title,
      description: g.description,
      lifeDomain: g.life_domain,
      barrierId: g.barrier_id,
      status: g.status,
      position: g.position,
    })),
    actions: s.actions.map((a) => ({
      id: a.id,
      goalId: a.goal_id,
      description: a.description,
      owner: ownerOf(a),
      dueDate: a.due_date,
      status: a.status,
      position: a.position,
    })),
  };
}

function ownerName(a: ActionRow, residentName: string): string {
  if (a.owner_type === 'resident') return residentName;
  if (a.owner_type === 'otherPartner') return a.owner_name ?? a.owner_partner_name ?? 'Andere partner';
  return a.owner_staff_name ?? '';
}

/** Names for history labels, from the states before and after a change. */
export function labelContext(states: readonly PlanState[]): LabelContext {
  const goals = new Map<string, string>();
  const actions = new Map<string, string>();
  const staff = new Map<string, string>();
  const orgs = new Map<string, string>();
  for (const s of [...states].reverse()) {
    for (const g of s.goals) goals.set(g.id, g.title);
    for (const a of s.actions) {
      actions.set(a.id, a.description);
      if (a.owner_staff_user_id && a.owner_staff_name) staff.set(a.owner_staff_user_id, a.owner_staff_name);
      if (a.owner_partner_organisation_id && a.owner_partner_name) orgs.set(a.owner_partner_organisation_id, a.owner_partner_name);
    }
  }
  const residentName = states[0] ? displayName(states[0].resident) : 'de inwoner';
  return {
    goalTitle: (id) => goals.get(id),
    actionDescription: (id) => actions.get(id),
    ownerName: (o) => {
      if (o.type === 'resident') return `${residentName} (inwoner)`;
      if (o.type === 'otherPartner') return o.name ?? (o.partnerOrganisationId ? orgs.get(o.partnerOrganisationId) : undefined) ?? 'andere partner';
      return (o.staffUserId ? staff.get(o.staffUserId) : undefined) ?? (o.type === 'jobCoach' ? 'werkmatcher' : 'buurtteam');
    },
  };
}

export function labelChanges(changes: readonly PlanChange[], ctx: LabelContext): LabelledChange[] {
  return changes.map((c) => ({ ...c, label: changeLabel(c, ctx) }));
}

export function presentPlan(p: Principal, s: PlanState, now = new Date()): PlanJson {
  const today = todayInNl(now);
  const permissions = planPermissions(p, s.view, s.plan.status);
  const residentName = displayName(s.resident);
  const full = s.view === 'full';
  const plan = s.plan;
  return {
    id: plan.id,
    residentId: plan.resident_id,
    status: plan.status as 'active',
    version: plan.version,
    agreement:
      plan.agreed_on && plan.agreed_how
        ? {
            agreedOn: plan.agreed_on,
            how: plan.agreed_how as 'inPerson',
            recordedBy: person(plan.agreement_recorded_by, plan.agreement_recorded_by_name),
            changedSinceAgreement: plan.version > (plan.agreed_at_version ?? plan.version),
          }
        : null,
    goals: s.goals.map((g) => ({
      id: g.id,
      title: g.title,
      description: g.description,
      lifeDomain: g.life_domain as 'finances' | null,
      ...(full ? { barrierId: g.barrier_id } : {}),
      status: g.status as 'open',
      position: g.position,
      proposedByResident: g.proposed_by_resident,
      actions: s.actions
        .filter((a) => a.goal_id === g.id)
        .map((a) => ({
          id: a.id,
          goalId: a.goal_id,
          description: a.description,
          owner: {
            type: a.owner_type as 'resident',
            staffUser: person(a.owner_staff_user_id, a.owner_staff_name),
            partnerOrganisation: a.owner_partner_organisation_id ? { id: a.owner_partner_organisation_id, name: a.owner_partner_name ?? '' } : null,
            name: ownerName(a, residentName),
          },
          dueDate: a.due_date,
          status: a.status as 'open',
          completedAt: a.completed_at ? a.completed_at.toISOString() : null,
          overdue: a.due_date !== null && a.due_date < today && (a.status === 'open' || a.status === 'inProgress'),
          permissions: { edit: mayEditAction(permissions, p, { ownerType: a.owner_type as 'resident', ownerStaffUserId: a.owner_staff_user_id }) },
        })),
    })),
    createdAt: plan.created_at.toISOString(),
    createdBy: person(plan.created_by, plan.created_by_name),
    updatedAt: plan.updated_at.toISOString(),
    updatedBy: person(plan.updated_by, plan.updated_by_name),
    updatedByResident: plan.updated_by_resident,
    view: s.view,
    permissions,
  };
}

/** One history entry as the viewer may see it: the shared view gets only changes within the shared part. */
export function presentVersion(v: VersionRow, view: ResidentView): PlanVersionJson {
  const all = (v.changes as LabelledChange[]) ?? [];
  const visible = all.map((c) => visibleChange(view, c)).filter((c): c is LabelledChange => c !== null);
  return {
    version: v.version,
    changedBy: person(v.changed_by, v.changed_by_name),
    changedAt: v.changed_at.toISOString(),
    role: v.role as Role,
    summary: view === 'full' || visible.length === all.length ? v.summary : summarise(visible),
    changes: visible.map((c) => ({ ...c, field: c.field ?? null })),
  };
}
