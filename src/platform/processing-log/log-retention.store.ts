import { sql } from 'kysely';
import type { Transaction } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';

export interface Checkpoint {
  municipalityId: string;
  /** The first sequence number kept. */
  seq: bigint;
  /** The hash of the entry at seq - 1 (pruned): the chain's new start. */
  prevHash: Buffer;
  cutoff: Date;
  removed: number;
}

/**
 * Prunes one municipality's log from the start up to (not including) the first sealed entry that ended at or after
 * `cutoff` — a prefix, so the rest of the chain is untouched — and never the head entry. Records the checkpoint
 * (first seq kept, hash before it) in the same transaction. Returns the checkpoint, or null when nothing expired.
 */
export async function pruneLogPrefix(tx: Transaction<Database>, municipalityId: string, cutoff: Date, now: Date): Promise<Checkpoint | null> {
  const { rows } = await sql<{ first_kept: string | null; min_seq: string | null }>`
    SELECT least(
        (SELECT min(l.seq) FROM processing_log l WHERE l.municipality_id = ${municipalityId} AND l.seq IS NOT NULL AND l.ended_at >= ${cutoff}),
        (SELECT c.last_seq FROM processing_log_chain c WHERE c.municipality_id = ${municipalityId}))::text AS first_kept,
      (SELECT min(l.seq) FROM processing_log l WHERE l.municipality_id = ${municipalityId})::text AS min_seq`.execute(tx);
  const firstKept = rows[0]?.first_kept ? BigInt(rows[0].first_kept) : null;
  const minSeq = rows[0]?.min_seq ? BigInt(rows[0].min_seq) : null;
  if (firstKept === null || minSeq === null || firstKept <= minSeq) return null;
  const prev = await sql<{ hash: Buffer }>`SELECT hash FROM processing_log WHERE municipality_id = ${municipalityId} AND seq = ${(firstKept - 1n).toString()}::bigint`.execute(tx);
  if (!prev.rows[0]) return null;
  const del = await sql`DELETE FROM processing_log WHERE municipality_id = ${municipalityId} AND seq < ${firstKept.toString()}::bigint`.execute(tx);
  const removed = Number(del.numAffectedRows ?? 0);
  await sql`INSERT INTO processing_log_checkpoints (municipality_id, seq, prev_hash, cutoff, removed, created_at)
    VALUES (${municipalityId}, ${firstKept.toString()}::bigint, ${prev.rows[0].hash}, ${cutoff}, ${removed}, ${now})`.execute(tx);
  return { municipalityId, seq: firstKept, prevHash: prev.rows[0].hash, cutoff, removed };
}

/** Every checkpoint, oldest first (owner connection). */
export async function allCheckpoints(ownerDb: Db): Promise<Checkpoint[]> {
  const { rows } = await sql<{ municipality_id: string; seq: string; prev_hash: Buffer; cutoff: Date; removed: string }>`
    SELECT municipality_id, seq::text AS seq, prev_hash, cutoff, removed::text AS removed
    FROM processing_log_checkpoints ORDER BY municipality_id, seq`.execute(ownerDb);
  return rows.map((r) => ({ municipalityId: r.municipality_id, seq: BigInt(r.seq), prevHash: r.prev_hash, cutoff: r.cutoff, removed: Number(r.removed) }));
}
