import { sql } from 'kysely';
import type { OwnerTx } from '../../platform/retention/retention.store.ts';

// Mijn Samenplan's replies on a meeting (issue 11) under retention (issue 16, ADR 0033): the resident's own note with
// a request to move an appointment is removed once his file is expired (pseudonymised by the residents module, which
// runs first in the same job). Only counts leave.
export async function scrubExpiredMoveRequests(tx: OwnerTx, municipalityId: string): Promise<number> {
  const r = await sql`UPDATE meeting_participants t SET move_request_note = NULL
    WHERE t.municipality_id = ${municipalityId} AND t.move_request_note IS NOT NULL
      AND EXISTS (SELECT 1 FROM meetings mt JOIN residents r ON r.municipality_id = mt.municipality_id AND r.id = mt.resident_id
                  WHERE mt.municipality_id = t.municipality_id AND mt.id = t.meeting_id AND r.pseudonymised_at IS NOT NULL)`.execute(tx);
  return Number(r.numAffectedRows ?? 0);
}
