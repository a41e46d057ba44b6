import { sql } from 'kysely';
import type { OwnerTx } from '../../platform/retention/retention.store.ts';

// The imports module's retention SQL (issue 16, ADR 0033). An import run holds no resident's values (migration
// 202612051501: lines, columns and codes only) but is the account of how files came in; it is kept as long as the
// files it created can be (PA-037, 10 years), counted from the run itself.
export async function deleteOldImportRuns(tx: OwnerTx, municipalityId: string, cutoff: Date): Promise<number> {
  const r = await sql`DELETE FROM import_runs WHERE municipality_id = ${municipalityId} AND finished_at < ${cutoff}`.execute(tx);
  return Number(r.numAffectedRows ?? 0);
}
