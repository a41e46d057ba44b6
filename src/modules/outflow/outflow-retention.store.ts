import { sql } from 'kysely';
import type { OwnerTx } from '../../platform/retention/retention.store.ts';

// The outflow module's retention SQL (issue 16, ADR 0027, 0033). A file is expired when the residents module
// pseudonymised it (its cases closed longer ago than the legal term, or erased on request); its rule runs first in the
// same job. Only counts leave.

const expired = sql`EXISTS (SELECT 1 FROM residents r WHERE r.municipality_id = t.municipality_id AND r.id = t.resident_id
  AND r.pseudonymised_at IS NOT NULL)`;

/** Hours and earnings per month of an expired file are deleted. */
export async function deleteExpiredPartialWork(tx: OwnerTx, municipalityId: string): Promise<number> {
  const r = await sql`DELETE FROM partial_work t WHERE t.municipality_id = ${municipalityId} AND ${expired}`.execute(tx);
  return Number(r.numAffectedRows ?? 0);
}

/** The outflow of an expired file keeps its reason and date (the programmes' counts), loses the free-text note. */
export async function scrubExpiredOutflowNotes(tx: OwnerTx, municipalityId: string): Promise<number> {
  const r = await sql`UPDATE outflows t SET note = NULL WHERE t.municipality_id = ${municipalityId} AND t.note IS NOT NULL AND ${expired}`.execute(tx);
  return Number(r.numAffectedRows ?? 0);
}
