import { sql } from 'kysely';
import type { Principal } from '../../platform/access/principal.ts';
import type { Tx } from '../../platform/db/transaction.ts';
import { residentScope } from '../residents/residents.policy.ts';
import { scopeSql } from '../worklist/worklist.store.ts';

// Teams the caller leads, their werkmatchers and caseload figures. Read-only over organisation, residents, cases and
// plans (a read model, docs/adr/0007-worklist-read-model.md); the resident scope of residents.policy.ts is in every
// WHERE that touches residents. Contact-person changes go through the residents service (handover.ts).

export interface CaseloadFigures {
  active_residents: string;
  over_norm: string;
  without_plan: string;
}

/**
 * Over the norm exactly as src/domain/contact-norm.ts counts it: both the last contact (or none) and the opening of
 * the file are longer ago than the norm (whole days since the contact, calendar days since the opening).
 */
const overNormSql = (norm: number) =>
  sql<boolean>`((c.last_contact_at IS NULL OR c.last_contact_at <= now() - make_interval(secs => ${(norm + 1) * 86_400}))
    AND (c.opened_on IS NULL OR c.opened_on < (now() AT TIME ZONE 'Europe/Amsterdam')::date - ${norm}::int))`;
const activePlanSql = sql<boolean>`EXISTS (SELECT 1 FROM plans p WHERE p.municipality_id = r.municipality_id AND p.resident_id = r.id AND p.status = 'active')`;

export function teamStore(tx: Tx, principal: Principal) {
  const scope = residentScope(principal);
  const inScope = scopeSql(scope);
  const m = principal.municipalityId;

  return {
    /** Teams the caller is the lead of (team_members.is_lead). */
    async ledTeams() {
      const { rows } = await sql<{ id: string; name: string }>`
        SELECT t.id, t.name FROM team_members tm JOIN teams t ON t.municipality_id = tm.municipality_id AND t.id = tm.team_id
        WHERE tm.municipality_id = ${m} AND tm.staff_user_id = ${principal.userId} AND tm.is_lead
        ORDER BY t.name, t.id`.execute(tx);
      return rows;
    },

    /** Active werkmatchers of these teams. */
    async teamCoaches(teamIds: string[]) {
      const { rows } = await sql<{ team_id: string; id: string; display_name: string }>`
        SELECT tm.team_id, s.id, s.display_name FROM team_members tm
        JOIN staff_users s ON s.municipality_id = tm.municipality_id AND s.id = tm.staff_user_id
        WHERE tm.municipality_id = ${m} AND tm.team_id = ANY(${teamIds}::uuid[]) AND s.active AND 'jobCoach' = ANY (s.roles)
        ORDER BY s.display_name, s.id`.execute(tx);
      return rows;
    },

    /** The current contact person of each of `ids` the caller may see (need-to-know scope); others are absent. */
    async contactPersonsInScope(ids: string[]) {
      const { rows } = await sql<{ id: string; contact_person_id: string | null }>`
        SELECT r.id, c.contact_person_id FROM residents r
        LEFT JOIN cases c ON c.municipality_id = r.municipality_id AND c.resident_id = r.id AND c.status = 'active'
        WHERE r.municipality_id = ${m} AND r.id = ANY(${ids}::uuid[]) AND ${inScope}`.execute(tx);
      return new Map(rows.map((r) => [r.id, r.contact_person_id]));
    },

    /** Per team and werkmatcher: active residents in the team's areas, over the norm, without an active plan. */
    async caseloads(teamIds: string[], norm: number) {
      const { rows } = await sql<CaseloadFigures & { team_id: string; staff_user_id: string | null; display_name: string | null }>`
        WITH active AS (
          SELECT ta.team_id, c.contact_person_id, ${overNormSql(norm)} AS over_norm, ${activePlanSql} AS has_plan
          FROM team_areas ta
          JOIN residents r ON r.municipality_id = ta.municipality_id AND r.area_id = ta.area_id
          JOIN cases c ON c.municipality_id = r.municipality_id AND c.resident_id = r.id AND c.status = 'active'
          WHERE ta.municipality_id = ${m} AND ta.team_id = ANY(${teamIds}::uuid[]) AND ${inScope}
        ), coaches AS (
          SELECT tm.team_id, s.id, s.display_name FROM team_members tm
          JOIN staff_users s ON s.municipality_id = tm.municipality_id AND s.id = tm.staff_user_id
          WHERE tm.municipality_id = ${m} AND tm.team_id = ANY(${teamIds}::uuid[]) AND s.active AND 'jobCoach' = ANY (s.roles)
        )
        SELECT co.team_id, co.id AS staff_user_id, co.display_name, count(a.team_id) AS active_residents,
          count(a.team_id) FILTER (WHERE a.over_norm) AS over_norm, count(a.team_id) FILTER (WHERE NOT a.has_plan) AS without_plan
        FROM coaches co LEFT JOIN active a ON a.team_id = co.team_id AND a.contact_person_id = co.id
        GROUP BY co.team_id, co.id, co.display_name
        UNION ALL
        SELECT a.team_id, NULL, NULL, count(*), count(*) FILTER (WHERE a.over_norm), count(*) FILTER (WHERE NOT a.has_plan)
        FROM active a WHERE a.contact_person_id IS NULL GROUP BY a.team_id
        ORDER BY 3 NULLS LAST, 2`.execute(tx);
      return rows;
    },

    /** Current caseload size per werkmatcher (active residents in the caller's scope), for a fair division. */
    async caseloadSizes(staffUserIds: string[]) {
      const { rows } = await sql<{ id: string; n: string }>`
        SELECT c.contact_person_id AS id, count(*) AS n FROM cases c
        JOIN residents r ON r.municipality_id = c.municipality_id AND r.id = c.resident_id
        WHERE c.municipality_id = ${m} AND c.status = 'active' AND c.contact_person_id = ANY(${staffUserIds}::uuid[]) AND ${inScope}
        GROUP BY c.contact_person_id`.execute(tx);
      return new Map(rows.map((r) => [r.id, Number(r.n)]));
    },
  };
}
