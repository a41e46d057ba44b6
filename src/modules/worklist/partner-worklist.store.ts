import { sql } from 'kysely';
import type { Tx } from '../../platform/db/transaction.ts';
import { scopeSql } from '../residents/residents.store.ts';
import type { ResidentCols } from './worklist.store.ts';

// The buurtteam professional's werklijst (issue 10, point 8): a read model over plans, meetings and consents, like
// the werkmatcher's (ADR 0007). Every query is limited to residents with an active consent for the caller's own
// organisation (the consent branch of the residents store's scope); row-level security stands behind it
// (samenplan.scope_partner, ADR 0011), so a withdrawn or expired consent removes the resident from every list.

const residentCols = sql`r.id AS resident_id, r.given_names, r.family_name_prefix, r.family_name, r.area_id, a.name AS area_name`;
const joinArea = sql`JOIN areas a ON a.municipality_id = r.municipality_id AND a.id = r.area_id`;

export interface PartnerActionRow extends ResidentCols {
  id: string;
  description: string;
  due_date: string | null;
  status: string;
  owner_staff_user_id: string | null;
  owner_name: string | null;
  goal_title: string;
  total: string;
  overdue: string;
}

export interface PartnerMeetingRow extends ResidentCols {
  id: string;
  type: string;
  starts_at: Date;
  ends_at: Date;
  mode: string;
  location: string | null;
  me_invited: boolean;
  total: string;
}

export interface EndingConsentRow extends ResidentCols {
  id: string;
  purpose: string;
  valid_to: string;
  total: string;
}

export function partnerWorklistStore(tx: Tx, m: string, me: string, org: string) {
  const consented = scopeSql({ areaIds: [], consentPartnerOrganisationId: org });

  return {
    /**
     * Open actions in active plans carried by the caller or by his organisation, due first (no due date last), with
     * the totals of the whole selection.
     */
    async openActions(today: string, limit: number) {
      const { rows } = await sql<PartnerActionRow>`
        SELECT pa.id, pa.description, to_char(pa.due_date, 'YYYY-MM-DD') AS due_date, pa.status, pa.owner_staff_user_id,
          s.display_name AS owner_name, g.title AS goal_title, ${residentCols},
          count(*) OVER () AS total, count(*) FILTER (WHERE pa.due_date < ${today}::date) OVER () AS overdue
        FROM plan_actions pa
        JOIN plans p ON p.municipality_id = pa.municipality_id AND p.id = pa.plan_id AND p.status = 'active'
        JOIN plan_goals g ON g.municipality_id = pa.municipality_id AND g.id = pa.goal_id
        JOIN residents r ON r.municipality_id = p.municipality_id AND r.id = p.resident_id
        ${joinArea}
        LEFT JOIN staff_users s ON s.municipality_id = pa.municipality_id AND s.id = pa.owner_staff_user_id
        WHERE pa.municipality_id = ${m} AND pa.status IN ('open', 'inProgress')
          AND (pa.owner_staff_user_id = ${me}::uuid OR pa.owner_partner_organisation_id = ${org}::uuid)
          AND ${consented}
        ORDER BY pa.due_date NULLS LAST, pa.id
        LIMIT ${limit}`.execute(tx);
      return rows;
    },

    /** Planned meetings from the start of today until `until` in which the caller or his organisation takes part. */
    async meetings(today: string, until: Date, limit: number) {
      const { rows } = await sql<PartnerMeetingRow>`
        SELECT mt.id, mt.type, mt.starts_at, mt.ends_at, mt.mode, mt.location, ${residentCols},
          EXISTS (SELECT 1 FROM meeting_participants mp WHERE mp.municipality_id = mt.municipality_id
                    AND mp.meeting_id = mt.id AND mp.staff_user_id = ${me}::uuid) AS me_invited,
          count(*) OVER () AS total
        FROM meetings mt
        JOIN residents r ON r.municipality_id = mt.municipality_id AND r.id = mt.resident_id
        ${joinArea}
        WHERE mt.municipality_id = ${m} AND mt.status = 'planned' AND mt.starts_at >= (${today}::date::timestamp AT TIME ZONE 'Europe/Amsterdam') AND mt.starts_at < ${until}
          AND EXISTS (SELECT 1 FROM meeting_participants mp WHERE mp.municipality_id = mt.municipality_id AND mp.meeting_id = mt.id
                        AND (mp.staff_user_id = ${me}::uuid OR mp.partner_organisation_id = ${org}::uuid))
          AND ${consented}
        ORDER BY mt.starts_at, mt.id
        LIMIT ${limit}`.execute(tx);
      return rows;
    },

    async organisationName() {
      const { rows } = await sql<{ name: string }>`
        SELECT name FROM partner_organisations WHERE municipality_id = ${m} AND id = ${org}::uuid`.execute(tx);
      return rows[0]?.name ?? '';
    },

    /** Active consents for the organisation that end between today and `until` (inclusive), soonest first. */
    async consentsEnding(today: string, until: string, limit: number) {
      const { rows } = await sql<EndingConsentRow>`
        SELECT k.id, k.purpose, to_char(k.valid_to, 'YYYY-MM-DD') AS valid_to, ${residentCols}, count(*) OVER () AS total
        FROM consents k
        JOIN residents r ON r.municipality_id = k.municipality_id AND r.id = k.resident_id
        ${joinArea}
        WHERE k.municipality_id = ${m} AND k.partner_organisation_id = ${org}::uuid AND k.withdrawn_at IS NULL
          AND k.valid_from <= ${today}::date AND k.valid_to BETWEEN ${today}::date AND ${until}::date
          AND ${consented}
        ORDER BY k.valid_to, r.sort_name, k.id
        LIMIT ${limit}`.execute(tx);
      return rows;
    },
  };
}
