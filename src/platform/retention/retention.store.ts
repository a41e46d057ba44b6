import { randomUUID } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';

/** A transaction on the owner connection (retention reaches all of a municipality's data). */
export type OwnerTx = Transaction<Database>;

export async function retentionMunicipalities(db: Db): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`SELECT id FROM municipalities ORDER BY id`.execute(db);
  return rows.map((r) => r.id);
}

export async function insertRetentionRun(
  tx: OwnerTx,
  r: { municipalityId: string; rule: string; activityId: string; cutoff: Date; removed: number; pseudonymised: number; ranAt: Date },
): Promise<void> {
  await sql`INSERT INTO retention_runs (municipality_id, id, rule, processing_activity_id, cutoff, removed, pseudonymised, ran_at)
    VALUES (${r.municipalityId}, ${randomUUID()}, ${r.rule}, ${r.activityId}, ${r.cutoff}, ${r.removed}, ${r.pseudonymised}, ${r.ranAt})`.execute(tx);
}
