import { sql, type ColumnType, type Generated } from 'kysely';
import { isResident, type Principal } from '../../platform/access/principal.ts';
import type { Tx } from '../../platform/db/transaction.ts';

// The only gateway to the plan tables. Every query names the municipality and the resident, whose visibility the
// service has already established through the residents store (need-to-know scope in SQL, residents.store.ts);
// row-level security stands behind it.

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string, string>;

interface PlansTable {
  municipality_id: string;
  id: string;
  resident_id: string;
  status: Generated<string>;
  version: Generated<number>;
  agreed_on: string | null;
  agreed_how: string | null;
  agreed_at_version: number | null;
  agreement_recorded_by: string | null;
  closed_at: Date | null;
  created_by: string;
  created_at: Generated<Date>;
  updated_by: string | null;
  /** The resident changed it himself, in Mijn Samenplan (migration 202612051100). */
  updated_by_resident: Generated<boolean>;
  updated_at: Timestamp;
}

interface PlanGoalsTable {
  municipality_id: string;
  id: string;
  plan_id: string;
  title: string;
  description: string | null;
  life_domain: string | null;
  barrier_id: string | null;
  status: Generated<string>;
  position: number;
  created_by: string | null;
  /** Proposed by the resident himself, in Mijn Samenplan (migration 202612051100). */
  proposed_by_resident: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

interface PlanActionsTable {
  municipality_id: string;
  id: string;
  plan_id: string;
  goal_id: string;
  description: string;
  owner_type: string;
  owner_staff_user_id: string | null;
  owner_partner_organisation_id: string | null;
  owner_name: string | null;
  due_date: string | null;
  status: Generated<string>;
  completed_at: Date | null;
  position: number;
  created_by: string;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

interface PlanVersionsTable {
  municipality_id: string;
  plan_id: string;
  version: number;
  changed_by: string | null;
  changed_at: Generated<Date>;
  role: string;
  summary: string;
  changes: Json;
  snapshot: Json;
}

/** Table types of this module (kept here until they join src/platform/db/schema.ts). */
export type PlanTables = {
  plans: PlansTable;
  plan_goals: PlanGoalsTable;
  plan_actions: PlanActionsTable;
  plan_versions: PlanVersionsTable;
};

export interface PlanPatch {
  status?: string;
  agreed_on?: string | null;
  agreed_how?: string | null;
  agreed_at_version?: number | null;
  agreement_recorded_by?: string | null;
  closed_at?: Date | null;
}
export interface GoalPatch {
  title?: string;
  description?: string | null;
  life_domain?: string | null;
  barrier_id?: string | null;
  status?: string;
}
export interface OwnerColumns {
  owner_type: string;
  owner_staff_user_id: string | null;
  owner_partner_organisation_id: string | null;
  owner_name: string | null;
}
export interface ActionPatch extends Partial<OwnerColumns> {
  description?: string;
  due_date?: string | null;
  status?: string;
  completed_at?: Date | null;
}

export function plansStore(outer: Tx, principal: Principal) {
  const tx = outer.withTables<PlanTables>();
  const m = principal.municipalityId;
  // Mijn Samenplan (issue 11): the resident's own change names no staff member.
  const byResident = isResident(principal);

  function planQuery() {
    return tx
      .selectFrom('plans as p')
      .leftJoin('staff_users as cb', (j) => j.onRef('cb.municipality_id', '=', 'p.municipality_id').onRef('cb.id', '=', 'p.created_by'))
      .leftJoin('staff_users as ub', (j) => j.onRef('ub.municipality_id', '=', 'p.municipality_id').onRef('ub.id', '=', 'p.updated_by'))
      .leftJoin('staff_users as ab', (j) => j.onRef('ab.municipality_id', '=', 'p.municipality_id').onRef('ab.id', '=', 'p.agreement_recorded_by'))
      .selectAll('p')
      .select(['cb.display_name as created_by_name', 'ub.display_name as updated_by_name', 'ab.display_name as agreement_recorded_by_name'])
      .where('p.municipality_id', '=', m);
  }

  return {
    /** The resident's active plan; with lock, the row stays locked until commit (writers queue here). */
    async findActive(residentId: string, lock = false) {
      let q = planQuery().where('p.resident_id', '=', residentId).where('p.status', '=', 'active');
      if (lock) q = q.forUpdate('p');
      return q.executeTakeFirst();
    },

    /** One plan of the resident by id, whatever its status (a plan just closed). */
    async findById(residentId: string, planId: string) {
      return planQuery().where('p.resident_id', '=', residentId).where('p.id', '=', planId).executeTakeFirst();
    },

    async goals(planId: string) {
      return tx
        .selectFrom('plan_goals')
        .selectAll()
        .where('municipality_id', '=', m)
        .where('plan_id', '=', planId)
        .orderBy('position')
        .orderBy('id')
        .execute();
    },

    async actions(planId: string) {
      return tx
        .selectFrom('plan_actions as a')
        .leftJoin('staff_users as s', (j) => j.onRef('s.municipality_id', '=', 'a.municipality_id').onRef('s.id', '=', 'a.owner_staff_user_id'))
        .leftJoin('partner_organisations as o', (j) =>
          j.onRef('o.municipality_id', '=', 'a.municipality_id').onRef('o.id', '=', 'a.owner_partner_organisation_id'),
        )
        .selectAll('a')
        .select(['s.display_name as owner_staff_name', 'o.name as owner_partner_name'])
        .where('a.municipality_id', '=', m)
        .where('a.plan_id', '=', planId)
        .orderBy('a.position')
        .orderBy('a.id')
        .execute();
    },

    async insertPlan(row: { id: string; residentId: string }) {
      await tx
        .insertInto('plans')
        .values({ municipality_id: m, id: row.id, resident_id: row.residentId, agreed_on: null, agreed_how: null, agreed_at_version: null, agreement_recorded_by: null, closed_at: null, created_by: principal.userId, updated_by: principal.userId, updated_at: new Date() })
        .execute();
    },

    async updatePlan(planId: string, patch: PlanPatch) {
      if (Object.keys(patch).length === 0) return;
      await tx.updateTable('plans').set(patch).where('municipality_id', '=', m).where('id', '=', planId).execute();
    },

    /** The one version bump of a write. Null when the version moved (cannot happen under the row lock). */
    async bumpVersion(planId: string, expectedVersion: number) {
      const row = await tx
        .updateTable('plans')
        .set({ version: sql`version + 1`, updated_by: byResident ? null : principal.userId, updated_by_resident: byResident, updated_at: new Date() })
        .where('municipality_id', '=', m)
        .where('id', '=', planId)
        .where('version', '=', expectedVersion)
        .returning(['version', 'updated_at'])
        .executeTakeFirst();
      return row ?? null;
    },

    async insertGoal(row: { id: string; planId: string; title: string; description: string | null; lifeDomain: string | null; barrierId: string | null }) {
      await tx
        .insertInto('plan_goals')
        .values((eb) => ({
          municipality_id: m,
          id: row.id,
          plan_id: row.planId,
          title: row.title,
          description: row.description,
          life_domain: row.lifeDomain,
          barrier_id: row.barrierId,
          position: eb
            .selectFrom('plan_goals')
            .select(sql<number>`coalesce(max(position), 0) + 1`.as('p'))
            .where('municipality_id', '=', m)
            .where('plan_id', '=', row.planId),
          created_by: byResident ? null : principal.userId,
          proposed_by_resident: byResident,
          updated_at: new Date(),
        }))
        .execute();
    },

    async updateGoal(goalId: string, patch: GoalPatch) {
      if (Object.keys(patch).length === 0) return;
      await tx.updateTable('plan_goals').set({ ...patch, updated_at: new Date() }).where('municipality_id', '=', m).where('id', '=', goalId).execute();
    },

    async insertAction(row: OwnerColumns & { id: string; planId: string; goalId: string; description: string; due_date: string | null }) {
      const { id, planId, goalId, ...rest } = row;
      await tx
        .insertInto('plan_actions')
        .values((eb) => ({
          ...rest,
          municipality_id: m,
          id,
          plan_id: planId,
          goal_id: goalId,
          completed_at: null,
          position: eb
            .selectFrom('plan_actions')
            .select(sql<number>`coalesce(max(position), 0) + 1`.as('p'))
            .where('municipality_id', '=', m)
            .where('goal_id', '=', goalId),
          created_by: principal.userId,
          updated_at: new Date(),
        }))
        .execute();
    },

    /** Returns the time written as updated_at (null when there was nothing to change). */
    async updateAction(actionId: string, patch: ActionPatch): Promise<Date | null> {
      if (Object.keys(patch).length === 0) return null;
      const updatedAt = new Date();
      await tx.updateTable('plan_actions').set({ ...patch, updated_at: updatedAt }).where('municipality_id', '=', m).where('id', '=', actionId).execute();
      return updatedAt;
    },

    async insertVersion(row: { planId: string; version: number; role: string; summary: string; changes: unknown; snapshot: unknown }) {
      await tx
        .insertInto('plan_versions')
        .values({
          municipality_id: m,
          plan_id: row.planId,
          version: row.version,
          changed_by: byResident ? null : principal.userId,
          role: row.role,
          summary: row.summary,
          changes: JSON.stringify(row.changes),
          snapshot: JSON.stringify(row.snapshot),
        })
        .execute();
    },

    /** Versions after `afterVersion`, newest first, without the snapshots. */
    async versions(planId: string, afterVersion = 0, limit = 500) {
      return tx
        .selectFrom('plan_versions as v')
        .leftJoin('staff_users as s', (j) => j.onRef('s.municipality_id', '=', 'v.municipality_id').onRef('s.id', '=', 'v.changed_by'))
        .select(['v.version', 'v.changed_by', 's.display_name as changed_by_name', 'v.changed_at', 'v.role', 'v.summary', 'v.changes'])
        .where('v.municipality_id', '=', m)
        .where('v.plan_id', '=', planId)
        .where('v.version', '>', afterVersion)
        .orderBy('v.version', 'desc')
        .limit(limit)
        .execute();
    },

    /** A staff member who could own an action, with his partner organisation. */
    async ownerCandidate(staffUserId: string) {
      return tx
        .selectFrom('staff_users as s')
        .leftJoin('partner_organisations as o', (j) => j.onRef('o.municipality_id', '=', 's.municipality_id').onRef('o.id', '=', 's.partner_organisation_id'))
        .select(['s.id', 's.display_name', 's.roles', 's.active', 's.partner_organisation_id', 'o.name as partner_name'])
        .where('s.municipality_id', '=', m)
        .where('s.id', '=', staffUserId)
        .executeTakeFirst();
    },
  };
}

export type PlansStore = ReturnType<typeof plansStore>;
export type PlanRow = NonNullable<Awaited<ReturnType<PlansStore['findActive']>>>;
export type GoalRow = Awaited<ReturnType<PlansStore['goals']>>[number];
export type ActionRow = Awaited<ReturnType<PlansStore['actions']>>[number];
export type VersionRow = Awaited<ReturnType<PlansStore['versions']>>[number];

/** A second active plan for the resident (two creations racing): the unique index answers. */
export function isOneActivePlanViolation(err: unknown): boolean {
  const e = err as { code?: string; constraint?: string };
  return e.code === '23505' && e.constraint === 'plans_one_active_per_resident';
}
