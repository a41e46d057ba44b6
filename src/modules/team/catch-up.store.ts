import { sql, type ColumnType, type Generated } from 'kysely';
import type { Principal } from '../../platform/access/principal.ts';
import type { Tx } from '../../platform/db/transaction.ts';
import { residentScope } from '../residents/residents.policy.ts';
import { scopeSql } from '../worklist/worklist.store.ts';
import type { CatchUpCriteria } from './catch-up.rules.ts';

// The only SQL for catch-up campaigns (inhaalslag). Candidates are read from residents, cases and benefits within the
// caller's scope and the team's areas (read model, ADR 0007); coverage is derived from contact moments and plans
// (contacts between the start and, once closed, the close: ADR 0015).

interface CatchUpCampaignsTable {
  municipality_id: string;
  id: string;
  team_id: string;
  name: string;
  criteria: ColumnType<CatchUpCriteria, string, string>;
  status: Generated<string>;
  created_by: string;
  created_at: Generated<Date>;
  closed_at: Date | null;
  closed_by: string | null;
}

interface CatchUpCampaignResidentsTable {
  municipality_id: string;
  campaign_id: string;
  resident_id: string;
  assigned_to: string;
  assigned_at: Generated<Date>;
}

/** Table types of this module (kept here until they join src/platform/db/schema.ts). */
export type CatchUpTables = { catch_up_campaigns: CatchUpCampaignsTable; catch_up_campaign_residents: CatchUpCampaignResidentsTable };

export interface CandidateRow {
  id: string;
  given_names: string;
  family_name_prefix: string | null;
  family_name: string;
  area_id: string;
  area_name: string;
  contact_person_id: string | null;
  contact_person_name: string | null;
  last_contact_at: Date | null;
  benefit_start: string;
}

export interface CampaignRow {
  id: string;
  team_id: string;
  team_name: string;
  name: string;
  criteria: CatchUpCriteria;
  status: string;
  created_at: Date;
  created_by: string;
  created_by_name: string;
  closed_at: Date | null;
  closed_by: string | null;
  closed_by_name: string | null;
  residents: string;
  contacted: string;
  with_plan: string;
}

const contactedSql = sql`(SELECT min(cm.occurred_at) FROM contact_moments cm
  WHERE cm.municipality_id = cr.municipality_id AND cm.resident_id = cr.resident_id AND cm.occurred_at >= cc.created_at
    AND (cc.closed_at IS NULL OR cm.occurred_at <= cc.closed_at))`;
const planSql = sql`(SELECT p.created_at FROM plans p
  WHERE p.municipality_id = cr.municipality_id AND p.resident_id = cr.resident_id AND p.status = 'active' LIMIT 1)`;

export function catchUpStore(outer: Tx, principal: Principal) {
  const tx = outer.withTables<CatchUpTables>();
  const inScope = scopeSql(residentScope(principal));
  const m = principal.municipalityId;

  function campaignQuery(teamIds: string[], id?: string) {
    return sql<CampaignRow>`
      SELECT cc.id, cc.team_id, t.name AS team_name, cc.name, cc.criteria, cc.status, cc.created_at, cc.created_by,
        s.display_name AS created_by_name, cc.closed_at, cc.closed_by, cs.display_name AS closed_by_name, count(cr.resident_id) AS residents,
        count(cr.resident_id) FILTER (WHERE ${contactedSql} IS NOT NULL) AS contacted,
        count(cr.resident_id) FILTER (WHERE ${planSql} IS NOT NULL) AS with_plan
      FROM catch_up_campaigns cc
      JOIN teams t ON t.municipality_id = cc.municipality_id AND t.id = cc.team_id
      JOIN staff_users s ON s.municipality_id = cc.municipality_id AND s.id = cc.created_by
      LEFT JOIN staff_users cs ON cs.municipality_id = cc.municipality_id AND cs.id = cc.closed_by
      LEFT JOIN catch_up_campaign_residents cr ON cr.municipality_id = cc.municipality_id AND cr.campaign_id = cc.id
      WHERE cc.municipality_id = ${m} AND cc.team_id = ANY(${teamIds}::uuid[]) ${id ? sql`AND cc.id = ${id}::uuid` : sql``}
      GROUP BY cc.municipality_id, cc.id, t.name, s.display_name, cs.display_name
      ORDER BY cc.created_at DESC, cc.id
      LIMIT 100`;
  }

  return {
    /**
     * Residents of the team's areas in the caller's scope with an active case and a current benefit, not already in
     * an active campaign of this team. The thresholds are applied loosely here (a few days' slack) and exactly by
     * catch-up.rules.ts, which decides.
     */
    async candidates(teamId: string, criteria: CatchUpCriteria, today: string) {
      const { rows } = await sql<CandidateRow>`
        SELECT r.id, r.given_names, r.family_name_prefix, r.family_name, r.area_id, a.name AS area_name,
          c.contact_person_id, cp.display_name AS contact_person_name, c.last_contact_at, b.start_date AS benefit_start
        FROM residents r
        JOIN areas a ON a.municipality_id = r.municipality_id AND a.id = r.area_id
        JOIN cases c ON c.municipality_id = r.municipality_id AND c.resident_id = r.id AND c.status = 'active'
        LEFT JOIN staff_users cp ON cp.municipality_id = c.municipality_id AND cp.id = c.contact_person_id
        JOIN LATERAL (SELECT bb.start_date FROM benefits bb
          WHERE bb.municipality_id = r.municipality_id AND bb.resident_id = r.id AND bb.end_date IS NULL
          ORDER BY bb.start_date DESC LIMIT 1) b ON true
        WHERE r.municipality_id = ${m} AND ${inScope}
          AND r.area_id IN (SELECT ta.area_id FROM team_areas ta WHERE ta.municipality_id = ${m} AND ta.team_id = ${teamId}::uuid)
          AND b.start_date <= (${today}::date - make_interval(months => ${criteria.minMonthsOnBenefit}))::date + 3
          AND (c.last_contact_at IS NULL
            OR c.last_contact_at < (${today}::date - make_interval(months => ${criteria.minMonthsWithoutContact}))::date + 3)
          AND NOT EXISTS (SELECT 1 FROM catch_up_campaign_residents cr
            JOIN catch_up_campaigns cc ON cc.municipality_id = cr.municipality_id AND cc.id = cr.campaign_id
            WHERE cr.municipality_id = r.municipality_id AND cr.resident_id = r.id AND cc.team_id = ${teamId}::uuid AND cc.status = 'active')
        LIMIT 20000`.execute(tx);
      return rows;
    },

    async insertCampaign(row: { id: string; teamId: string; name: string; criteria: CatchUpCriteria }) {
      await tx
        .insertInto('catch_up_campaigns')
        .values({ municipality_id: m, id: row.id, team_id: row.teamId, name: row.name, criteria: JSON.stringify(row.criteria), created_by: principal.userId })
        .execute();
    },

    async insertResidents(campaignId: string, assignments: Array<{ residentId: string; coachId: string }>) {
      for (let i = 0; i < assignments.length; i += 1000) {
        const chunk = assignments.slice(i, i + 1000);
        await tx
          .insertInto('catch_up_campaign_residents')
          .values(chunk.map((a) => ({ municipality_id: m, campaign_id: campaignId, resident_id: a.residentId, assigned_to: a.coachId })))
          .execute();
      }
    },

    /** Closes an active campaign; false when it was not active (any more). */
    async closeCampaign(id: string) {
      const res = await tx
        .updateTable('catch_up_campaigns')
        .set({ status: 'closed', closed_at: new Date(), closed_by: principal.userId })
        .where('municipality_id', '=', m)
        .where('id', '=', id)
        .where('status', '=', 'active')
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },

    async campaigns(teamIds: string[]) {
      return (await campaignQuery(teamIds).execute(tx)).rows;
    },

    async campaign(teamIds: string[], id: string) {
      return (await campaignQuery(teamIds, id).execute(tx)).rows[0];
    },

    /** Per resident of the campaign: to whom, first contact since the start, since when an active plan. */
    async coverageRows(campaignId: string) {
      const { rows } = await sql<{ resident_id: string; assigned_to: string; assigned_to_name: string; contacted_at: Date | null; plan_at: Date | null }>`
        SELECT cr.resident_id, cr.assigned_to, s.display_name AS assigned_to_name, ${contactedSql} AS contacted_at, ${planSql} AS plan_at
        FROM catch_up_campaign_residents cr
        JOIN catch_up_campaigns cc ON cc.municipality_id = cr.municipality_id AND cc.id = cr.campaign_id
        JOIN staff_users s ON s.municipality_id = cr.municipality_id AND s.id = cr.assigned_to
        WHERE cr.municipality_id = ${m} AND cr.campaign_id = ${campaignId}::uuid
        ORDER BY s.display_name, cr.assigned_to, cr.resident_id`.execute(tx);
      return rows;
    },
  };
}
