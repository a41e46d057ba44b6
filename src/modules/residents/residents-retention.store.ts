import { sql } from 'kysely';
import type { OwnerTx } from '../../platform/retention/retention.store.ts';

// The residents module's retention SQL (issue 16): what expired is found and removed here, on the owner connection
// inside the retention job's transaction. Only counts leave.

/** Consents withdrawn or ended before `cutoff` (PA-004: 5 years after withdrawal or expiry) are deleted. */
export async function deleteEndedConsents(tx: OwnerTx, municipalityId: string, cutoff: Date): Promise<number> {
  const r = await sql`DELETE FROM consents WHERE municipality_id = ${municipalityId}
    AND coalesce(withdrawn_at, (valid_to + 1)::timestamptz AT TIME ZONE 'Europe/Amsterdam') < ${cutoff}`.execute(tx);
  return Number(r.numAffectedRows ?? 0);
}

/**
 * Residents whose every case closed before `cutoff` (PA-001: 10 years after the end of the service) are pseudonymised:
 * name, BSN, address and contact details replaced, the birth date kept as a year, PC4 and area kept (statistics).
 * The BSN becomes 0 followed by an 8-digit sequence number of the municipality's pseudonymised residents.
 */
export async function pseudonymiseClosedFiles(tx: OwnerTx, municipalityId: string, cutoff: Date, now: Date): Promise<number> {
  const r = await sql`
    WITH due AS (
      SELECT r.id, row_number() OVER (ORDER BY r.id) +
        (SELECT count(*) FROM residents p WHERE p.municipality_id = ${municipalityId} AND p.pseudonymised_at IS NOT NULL) AS n
      FROM residents r
      WHERE r.municipality_id = ${municipalityId} AND r.pseudonymised_at IS NULL
        AND EXISTS (SELECT 1 FROM cases c WHERE c.municipality_id = r.municipality_id AND c.resident_id = r.id)
        AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.municipality_id = r.municipality_id AND c.resident_id = r.id
                        AND (c.status = 'active' OR c.closed_on IS NULL OR c.closed_on >= (${cutoff}::timestamptz AT TIME ZONE 'Europe/Amsterdam')::date))
    )
    UPDATE residents r SET given_names = 'X', family_name_prefix = NULL, family_name = 'Gepseudonimiseerd',
      bsn = '0' || lpad(due.n::text, 8, '0'), street = 'Verwijderd', house_number = '-',
      postcode = left(r.postcode, 4) || 'XX', date_of_birth = make_date(extract(year FROM r.date_of_birth)::int, 1, 1),
      phone = NULL, email = NULL, pseudonymised_at = ${now}, updated_at = ${now}, version = r.version + 1
    FROM due WHERE r.municipality_id = ${municipalityId} AND r.id = due.id`.execute(tx);
  return Number(r.numAffectedRows ?? 0);
}
