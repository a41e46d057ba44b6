import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

export interface ChainHead {
  municipalityId: string;
  lastSeq: bigint;
  lastHash: Buffer;
}

/** Every municipality's chain head (SECURITY DEFINER function: the application role cannot read the chain table). */
export async function chainHeads(db: Db): Promise<ChainHead[]> {
  const { rows } = await sql<{ municipality_id: string; last_seq: string; last_hash: Buffer }>`
    SELECT municipality_id, last_seq::text AS last_seq, last_hash FROM processing_log_chain_heads()`.execute(db);
  return rows.map((r) => ({ municipalityId: r.municipality_id, lastSeq: BigInt(r.last_seq), lastHash: r.last_hash }));
}

/** The stored hash of one sealed row (owner connection: verification reads across municipalities), or null. */
export async function sealedRowHash(ownerDb: Db, municipalityId: string, seq: bigint): Promise<Buffer | null> {
  const { rows } = await sql<{ hash: Buffer | null }>`
    SELECT hash FROM processing_log WHERE municipality_id = ${municipalityId} AND seq = ${seq.toString()}::bigint`.execute(ownerDb);
  return rows[0]?.hash ?? null;
}

/** The head's sequence number of one municipality (0 when none). */
export async function headSeq(ownerDb: Db, municipalityId: string): Promise<bigint> {
  const { rows } = await sql<{ s: string | null }>`
    SELECT max(seq)::text AS s FROM processing_log WHERE municipality_id = ${municipalityId}`.execute(ownerDb);
  return BigInt(rows[0]?.s ?? '0');
}
