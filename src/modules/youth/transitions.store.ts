import { sql } from 'kysely';
import type { Principal } from '../../platform/access/principal.ts';
import type { Tx } from '../../platform/db/transaction.ts';
import { residentScope } from '../residents/residents.policy.ts';
import { scopeSql } from '../residents/residents.store.ts';

// The only SQL for transition moments: the young people's dates of birth and their warm handovers.

export interface TransitionResidentRow {
  id: string;
  given_names: string;
  family_name_prefix: string | null;
  family_name: string;
  date_of_birth: string;
}

export function transitionsStore(tx: Tx, principal: Principal) {
  const m = principal.municipalityId;
  const inScope = scopeSql({ areaIds: residentScope(principal).areaIds, consentPartnerOrganisationId: null });
  return {
    async resident(residentId: string) {
      const { rows } = await sql<TransitionResidentRow>`SELECT r.id, r.given_names, r.family_name_prefix, r.family_name, r.date_of_birth::text AS date_of_birth
        FROM residents r WHERE r.municipality_id = ${m} AND r.id = ${residentId}::uuid AND ${inScope}`.execute(tx);
      return rows[0] ?? null;
    },
    /** The caller's own young people (contact person, active case) aged 17 to 27 on `today`. */
    async mine(today: string, limit: number) {
      const { rows } = await sql<TransitionResidentRow>`
        SELECT r.id, r.given_names, r.family_name_prefix, r.family_name, r.date_of_birth::text AS date_of_birth
        FROM cases c JOIN residents r ON r.municipality_id = c.municipality_id AND r.id = c.resident_id
        WHERE c.municipality_id = ${m} AND c.contact_person_id = ${principal.userId}::uuid AND c.status = 'active' AND ${inScope}
          AND r.date_of_birth > (${today}::date - interval '28 years') AND r.date_of_birth <= (${today}::date - interval '17 years')
        ORDER BY r.date_of_birth, r.id LIMIT ${limit}`.execute(tx);
      return rows;
    },
    async referrals(residentIds: string[]) {
      if (residentIds.length === 0) return [];
      const { rows } = await sql<{ resident_id: string; partner_kind: string; received_on: string }>`
        SELECT f.resident_id, f.partner_kind, f.received_on::text AS received_on FROM youth_referrals f
        WHERE f.municipality_id = ${m} AND f.resident_id = ANY(${residentIds}::uuid[])`.execute(tx);
      return rows;
    },
  };
}
