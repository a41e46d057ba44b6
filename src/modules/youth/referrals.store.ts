import { sql, type RawBuilder } from 'kysely';
import type { Principal } from '../../platform/access/principal.ts';
import type { Tx } from '../../platform/db/transaction.ts';
import { residentScope } from '../residents/residents.policy.ts';
import { scopeSql } from '../residents/residents.store.ts';

// The only SQL for warm handovers (youth_referrals). Scope: the team areas (residents.policy.ts), with RLS behind it.
// The intake meeting itself is written by the meetings module's service; this store reads only its start.

export interface ReferralRow {
  id: string;
  resident_id: string;
  given_names: string;
  family_name_prefix: string | null;
  family_name: string;
  partner_kind: 'youthCare' | 'schoolRmc' | 'buurtteam' | 'healthCare' | 'housing' | 'youthProbation';
  organisation_name: string;
  professional_name: string;
  professional_email: string | null;
  professional_staff_user_id: string | null;
  context_summary: string;
  consent_on: string;
  urgency: 'normal' | 'soon' | 'urgent';
  status: 'received' | 'intakePlanned' | 'closed';
  received_on: string;
  intake_meeting_id: string | null;
  intake_starts_at: Date | null;
  created_by: string;
  created_by_name: string;
}

export function referralsStore(tx: Tx, principal: Principal) {
  const m = principal.municipalityId;
  const inScope = scopeSql({ areaIds: residentScope(principal).areaIds, consentPartnerOrganisationId: null });

  async function referrals(where: RawBuilder<unknown>, limit = 500) {
    const { rows } = await sql<ReferralRow>`
      SELECT f.id, f.resident_id, r.given_names, r.family_name_prefix, r.family_name, f.partner_kind, f.organisation_name,
        f.professional_name, f.professional_email, f.professional_staff_user_id, f.context_summary, f.consent_on, f.urgency, f.status,
        f.received_on, f.intake_meeting_id, mt.starts_at AS intake_starts_at, f.created_by, s.display_name AS created_by_name
      FROM youth_referrals f
      JOIN residents r ON r.municipality_id = f.municipality_id AND r.id = f.resident_id
      JOIN staff_users s ON s.municipality_id = f.municipality_id AND s.id = f.created_by
      LEFT JOIN meetings mt ON mt.municipality_id = f.municipality_id AND mt.id = f.intake_meeting_id
      WHERE f.municipality_id = ${m} AND ${inScope} AND ${where}
      ORDER BY CASE f.urgency WHEN 'urgent' THEN 0 WHEN 'soon' THEN 1 ELSE 2 END, f.received_on, f.id
      LIMIT ${limit}`.execute(tx);
    return rows;
  }

  return {
    async residentInScope(residentId: string) {
      const { rows } = await sql<{ id: string }>`SELECT r.id FROM residents r WHERE r.municipality_id = ${m} AND r.id = ${residentId}::uuid AND ${inScope}`.execute(tx);
      return rows[0] ?? null;
    },
    async partnerOrganisationExists(id: string) {
      const { rows } = await sql`SELECT 1 FROM partner_organisations WHERE municipality_id = ${m} AND id = ${id}::uuid`.execute(tx);
      return rows.length > 0;
    },
    async partnerProfessional(id: string) {
      const { rows } = await sql<{ id: string; partner_organisation_id: string | null }>`
        SELECT id, partner_organisation_id FROM staff_users WHERE municipality_id = ${m} AND id = ${id}::uuid AND active
          AND 'partnerProfessional' = ANY (roles)`.execute(tx);
      return rows[0] ?? null;
    },
    async insert(v: {
      id: string; residentId: string; partnerKind: string; partnerOrganisationId: string | null; organisationName: string; professionalName: string;
      professionalEmail: string | null; professionalStaffUserId: string | null; contextSummary: string; consentOn: string; urgency: string; receivedOn: string;
    }) {
      await sql`INSERT INTO youth_referrals (municipality_id, id, resident_id, partner_kind, partner_organisation_id, organisation_name, professional_name,
          professional_email, professional_staff_user_id, context_summary, consent_on, urgency, received_on, created_by)
        VALUES (${m}, ${v.id}, ${v.residentId}, ${v.partnerKind}, ${v.partnerOrganisationId}, ${v.organisationName}, ${v.professionalName},
          ${v.professionalEmail}, ${v.professionalStaffUserId}, ${v.contextSummary}, ${v.consentOn}::date, ${v.urgency}, ${v.receivedOn}::date,
          ${principal.userId})`.execute(tx);
    },
    async find(id: string, lock = false) {
      const rows = await referrals(sql`f.id = ${id}::uuid`);
      if (lock && rows[0]) await sql`SELECT 1 FROM youth_referrals WHERE municipality_id = ${m} AND id = ${id}::uuid FOR UPDATE`.execute(tx);
      return rows[0] ?? null;
    },
    ofResident: (residentId: string) => referrals(sql`f.resident_id = ${residentId}::uuid`),
    list: (open: boolean) => referrals(open ? sql`f.status <> 'closed'` : sql`true`),
    async setIntake(id: string, meetingId: string) {
      await sql`UPDATE youth_referrals SET status = 'intakePlanned', intake_meeting_id = ${meetingId}::uuid
        WHERE municipality_id = ${m} AND id = ${id}::uuid`.execute(tx);
    },
  };
}
