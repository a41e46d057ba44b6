import { sql } from 'kysely';
import type { OwnerTx } from '../../platform/retention/retention.store.ts';

// The messages module's retention SQL (issue 16, ADR 0027, 0033). A file is expired when the residents module
// pseudonymised it (its cases closed longer ago than the legal term, or erased on request); its rule runs first in
// the same job. Only counts leave.

/** The conversation of an expired file is deleted: every message is free text about the resident. */
export async function deleteExpiredMessages(tx: OwnerTx, municipalityId: string): Promise<number> {
  const r = await sql`DELETE FROM resident_messages t WHERE t.municipality_id = ${municipalityId}
    AND EXISTS (SELECT 1 FROM residents r WHERE r.municipality_id = t.municipality_id AND r.id = t.resident_id AND r.pseudonymised_at IS NOT NULL)`.execute(tx);
  return Number(r.numAffectedRows ?? 0);
}
