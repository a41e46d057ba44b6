import { sql } from 'kysely';
import type { Principal } from '../../platform/access/principal.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Tx } from '../../platform/db/transaction.ts';
import { residentScope } from '../residents/residents.policy.ts';
import { scopeSql } from '../residents/residents.store.ts';

// The worklist's read model (docs/adr/0007-worklist-read-model.md): read-only queries over the tables of residents,
// plans and meetings, because one page needs all three in one round trip. Writes stay with the owning modules.
// The need-to-know scope comes from residents.policy.ts and goes into every WHERE exactly as residents.store.ts
// puts it there (area ids OR an active consent); row-level security stands behind it.

/** The residents store's scope predicate on the alias `r`: one definition, in residents.store.ts. */
export { scopeSql };

export interface ResidentCols {
  resident_id: string;
  given_names: string;
  family_name_prefix: string | null;
  family_name: string;
  area_id: string;
  area_name: string;
}

const residentCols = sql`r.id AS resident_id, r.given_names, r.family_name_prefix, r.family_name, r.area_id, a.name AS area_name`;
const joinArea = sql`JOIN areas a ON a.municipality_id = r.municipality_id AND a.id = r.area_id`;

export interface CaseloadRow extends ResidentCols {
  opened_on: string;
  contact_person_since: Date | null;
  last_contact_at: Date | null;
  has_active_plan: boolean;
}

export interface DueActionRow extends ResidentCols {
  id: string;
  description: string;
  due_date: string;
  status: string;
  owner_type: string;
  goal_title: string;
  total: string;
  overdue: string;
}

export interface NewInCaseloadRow extends ResidentCols {
  assignment_id: string;
  assigned_at: Date;
  handover_note: string | null;
  assigned_by: string | null;
  assigned_by_name: string | null;
  previous_id: string | null;
  previous_name: string | null;
  total: string;
}

export interface MeetingRow extends ResidentCols {
  id: string;
  type: string;
  starts_at: Date;
  ends_at: Date | null;
  total: string;
}

export function worklistStore(tx: Tx, principal: Principal) {
  const scope = residentScope(principal);
  const m = principal.municipalityId;
  const me = principal.userId;
  const inScope = scopeSql(scope);

  return {
    scope,

    /** The caller's active caseload (he is the contact person), with what the rules need. Bounded. */
    async caseload(limit = 5000) {
      const { rows } = await sql<CaseloadRow>`
        SELECT ${residentCols}, c.opened_on, c.contact_person_since, c.last_contact_at,
          EXISTS (SELECT 1 FROM plans p WHERE p.municipality_id = r.municipality_id AND p.resident_id = r.id
                    AND p.status = 'active') AS has_active_plan
        FROM cases c
        JOIN residents r ON r.municipality_id = c.municipality_id AND r.id = c.resident_id
        ${joinArea}
        WHERE c.municipality_id = ${m} AND c.contact_person_id = ${me} AND c.status = 'active' AND ${inScope}
        ORDER BY r.id
        LIMIT ${limit}`.execute(tx);
      return rows;
    },

    /**
     * Open actions due today or earlier in active plans: the caller's own, and those the resident himself carries
     * when the caller is his contact person. Oldest first, with the totals of the whole selection.
     *
     * Two disjoint branches (UNION ALL), each starting from a small index range instead of every open action of the
     * municipality: (a) the caller's own actions (plan_actions_open_owner_idx); (b) the caller's active cases
     * (cases_contact_person_idx) → their active plan (plans_one_active_per_resident) → actions the resident carries
     * (plan_actions_plan_idx). A resident-owned action has no staff owner (CHECK on plan_actions), so no action is
     * in both branches. One active case per resident (cases_one_active_per_resident): no duplicates in (b).
     */
    async dueActions(today: string, limit: number) {
      const { rows } = await sql<DueActionRow>`
        SELECT d.id, d.description, d.due_date, d.status, d.owner_type, g.title AS goal_title, ${residentCols},
          count(*) OVER () AS total, count(*) FILTER (WHERE d.due_date < ${today}::date) OVER () AS overdue
        FROM (
          SELECT pa.id, pa.description, pa.due_date, pa.status, pa.owner_type, pa.goal_id, p.resident_id
          FROM plan_actions pa
          JOIN plans p ON p.municipality_id = pa.municipality_id AND p.id = pa.plan_id AND p.status = 'active'
          WHERE pa.municipality_id = ${m} AND pa.owner_staff_user_id = ${me}
            AND pa.status IN ('open', 'inProgress') AND pa.due_date <= ${today}::date
          UNION ALL
          SELECT pa.id, pa.description, pa.due_date, pa.status, pa.owner_type, pa.goal_id, p.resident_id
          FROM cases c
          JOIN plans p ON p.municipality_id = c.municipality_id AND p.resident_id = c.resident_id AND p.status = 'active'
          JOIN plan_actions pa ON pa.municipality_id = p.municipality_id AND pa.plan_id = p.id
          WHERE c.municipality_id = ${m} AND c.contact_person_id = ${me} AND c.status = 'active'
            AND pa.owner_type = 'resident' AND pa.status IN ('open', 'inProgress') AND pa.due_date <= ${today}::date
        ) d
        JOIN plan_goals g ON g.municipality_id = ${m} AND g.id = d.goal_id
        JOIN residents r ON r.municipality_id = ${m} AND r.id = d.resident_id
        ${joinArea}
        WHERE ${inScope}
        ORDER BY d.due_date, d.id
        LIMIT ${limit}`.execute(tx);
      return rows;
    },

    /** Residents handed over to the caller by someone else in the last `days` days, newest first, with the note. */
    async newInCaseload(days: number, limit: number) {
      const { rows } = await sql<NewInCaseloadRow>`
        SELECT h.id AS assignment_id, h.assigned_at, h.handover_note, h.assigned_by, ab.display_name AS assigned_by_name,
          prev.staff_user_id AS previous_id, ps.display_name AS previous_name, ${residentCols}, count(*) OVER () AS total
        FROM contact_person_assignments h
        JOIN cases c ON c.municipality_id = h.municipality_id AND c.id = h.case_id AND c.status = 'active'
        JOIN residents r ON r.municipality_id = h.municipality_id AND r.id = h.resident_id
        ${joinArea}
        LEFT JOIN staff_users ab ON ab.municipality_id = h.municipality_id AND ab.id = h.assigned_by
        LEFT JOIN LATERAL (
          SELECT x.staff_user_id FROM contact_person_assignments x
          WHERE x.municipality_id = h.municipality_id AND x.case_id = h.case_id AND x.id <> h.id
            AND x.ended_at IS NOT NULL AND x.ended_at <= h.assigned_at
          ORDER BY x.ended_at DESC, x.assigned_at DESC LIMIT 1) prev ON true
        LEFT JOIN staff_users ps ON ps.municipality_id = h.municipality_id AND ps.id = prev.staff_user_id
        WHERE h.municipality_id = ${m} AND h.staff_user_id = ${me} AND h.ended_at IS NULL
          AND h.assigned_at >= now() - make_interval(days => ${days}) AND h.assigned_by IS DISTINCT FROM ${me}::uuid
          AND ${inScope}
        ORDER BY h.assigned_at DESC, h.id
        LIMIT ${limit}`.execute(tx);
      return rows;
    },

    /** Meetings the caller takes part in, from now until `until`. */
    /**
     * The caller's planned meetings of this calendar week (Monday to Sunday in the Netherlands), from the start of
     * today: not "the next 7 days", which on a Friday would show next Thursday as "deze week".
     */
    async upcomingMeetings(now: Date, limit: number) {
      const { rows } = await sql<MeetingRow>`
        SELECT mt.id, mt.type, mt.starts_at, mt.ends_at, ${residentCols}, count(*) OVER () AS total
        FROM meetings mt
        JOIN residents r ON r.municipality_id = mt.municipality_id AND r.id = mt.resident_id
        ${joinArea}
        WHERE mt.municipality_id = ${m}
          AND mt.starts_at >= (date_trunc('day', ${now}::timestamptz AT TIME ZONE 'Europe/Amsterdam') AT TIME ZONE 'Europe/Amsterdam')
          AND mt.starts_at < ((date_trunc('week', ${now}::timestamptz AT TIME ZONE 'Europe/Amsterdam') + interval '1 week') AT TIME ZONE 'Europe/Amsterdam')
          AND mt.status = 'planned'
          AND EXISTS (SELECT 1 FROM meeting_participants mp WHERE mp.municipality_id = mt.municipality_id
                        AND mp.meeting_id = mt.id AND mp.staff_user_id = ${me})
          AND ${inScope}
        ORDER BY mt.starts_at, mt.id
        LIMIT ${limit}`.execute(tx);
      return rows;
    },
  };
}

/** Active werkmatchers of the municipality with the areas of their teams: whom the daily reminder is for. */
export async function jobCoachesForReminders(tx: Tx, municipalityId: string) {
  const { rows } = await sql<{ id: string; username: string; display_name: string; area_ids: string[]; team_ids: string[]; contact_norm_days: number }>`
    SELECT s.id, s.username, s.display_name,
      coalesce((SELECT array_agg(DISTINCT ta.area_id) FROM team_members tm
                 JOIN team_areas ta ON ta.municipality_id = tm.municipality_id AND ta.team_id = tm.team_id
                 WHERE tm.municipality_id = s.municipality_id AND tm.staff_user_id = s.id), '{}'::uuid[]) AS area_ids,
      coalesce((SELECT array_agg(tm.team_id) FROM team_members tm
                 WHERE tm.municipality_id = s.municipality_id AND tm.staff_user_id = s.id), '{}'::uuid[]) AS team_ids,
      mu.contact_norm_days
    FROM staff_users s JOIN municipalities mu ON mu.id = s.municipality_id
    WHERE s.municipality_id = ${municipalityId} AND s.active AND 'jobCoach' = ANY (s.roles)
    ORDER BY s.id`.execute(tx);
  return rows;
}

/** Every municipality id (SECURITY DEFINER function: ids only, before any tenant is set). */
export async function municipalityIds(db: Db): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`SELECT jobs_municipality_ids() AS id`.execute(db);
  return rows.map((r) => r.id);
}
