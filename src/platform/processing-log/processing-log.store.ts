import { sql } from 'kysely';
import type { Tx } from '../db/transaction.ts';
import type { Db } from '../db/database.ts';
import type { ProcessingLogRow } from './processing-log.ts';

export async function insertProcessingLogRows(tx: Tx, rows: ProcessingLogRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.insertInto('processing_log').values(rows).execute();
}

export interface ProcessingLogEntryRow {
  seq: string;
  trace_id: string;
  span_id: string;
  action: string;
  status: string;
  started_at: Date;
  ended_at: Date;
  processing_activity_id: string;
  processing_activity_version: number;
  name_nl: string;
  purpose: string;
  legal_basis: string;
  actor_id: string;
  actor_role: string;
  actor_name: string | null;
}

/** Entries about one data subject (by pseudonym), newest first, with the activity and the actor's name. */
export async function entriesForSubject(
  tx: Tx,
  municipalityId: string,
  pseudonym: string,
  limit: number,
  beforeSeq: string | null,
): Promise<ProcessingLogEntryRow[]> {
  let q = tx
    .selectFrom('processing_log as l')
    .innerJoin('processing_activities as pa', (j) =>
      j.onRef('pa.id', '=', 'l.processing_activity_id').onRef('pa.version', '=', 'l.processing_activity_version'),
    )
    .leftJoin('staff_users as s', (j) => j.onRef('s.municipality_id', '=', 'l.municipality_id').onRef('s.id', '=', 'l.actor_id'))
    .select([
      sql<string>`l.id::text`.as('seq'),
      'l.trace_id',
      'l.span_id',
      'l.action',
      'l.status',
      'l.started_at',
      'l.ended_at',
      'l.processing_activity_id',
      'l.processing_activity_version',
      'pa.name_nl',
      'pa.purpose',
      'pa.legal_basis',
      'l.actor_id',
      'l.actor_role',
      's.display_name as actor_name',
    ])
    .where('l.municipality_id', '=', municipalityId)
    .where(sql<boolean>`l.data_subject_ids @> ARRAY[${pseudonym}]::text[]`)
    .orderBy('l.id', 'desc')
    .limit(limit);
  if (beforeSeq) q = q.where(sql<boolean>`l.id < ${beforeSeq}::bigint`);
  return q.execute();
}

export interface ChainBreak {
  municipalityId: string;
  seq: string;
  problem: 'hash' | 'link' | 'gap' | 'head';
}

export interface VerifyResult {
  rowsChecked: number;
  municipalities: number;
  breaks: ChainBreak[];
  /** Rows sealed by this verification run (written since the last sealing). */
  sealedNow: number;
  /** Rows still unsealed at the end (another sealer held the lock): not covered by this check. */
  unsealed: number;
}

/** Seals up to `limit` unsealed log rows (hash chain); 0 when none are waiting or another sealer is busy. */
export async function sealProcessingLog(db: Db, limit = 5000): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT processing_log_seal(${limit}) AS n`.execute(db);
  return rows[0]?.n ?? 0;
}

async function unsealedCount(db: Db): Promise<number> {
  const { rows } = await sql<{ n: string }>`SELECT count(*) AS n FROM processing_log WHERE seq IS NULL`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/**
 * Recomputes the hash chain of the whole processing log (as owner: no row-level security) in batches.
 * Detects altered rows (hash), removed or reordered rows (link, gap) and a truncated tail (head).
 */
export async function verifyProcessingLogChain(ownerDb: Db, batchSize = 5000): Promise<VerifyResult> {
  const breaks: ChainBreak[] = [];
  let rowsChecked = 0;
  // Seal what is waiting first, so the check covers every row written so far.
  let sealedNow = 0;
  for (let attempt = 0; attempt < 50 && (await unsealedCount(ownerDb)) > 0; attempt += 1) {
    const n = await sealProcessingLog(ownerDb, batchSize);
    sealedNow += n;
    if (n === 0) await new Promise((r) => setTimeout(r, 100));
  }
  const heads = await sql<{ municipality_id: string; last_seq: string; last_hash: Buffer }>`
    SELECT municipality_id, last_seq::text AS last_seq, last_hash FROM processing_log_chain`.execute(ownerDb);
  const municipalities = await sql<{ municipality_id: string }>`
    SELECT DISTINCT municipality_id FROM processing_log UNION SELECT municipality_id FROM processing_log_chain`.execute(ownerDb);
  for (const { municipality_id: m } of municipalities.rows) {
    let prevHash: Buffer = Buffer.alloc(32);
    let expectedSeq = 1n;
    let after = 0n;
    for (;;) {
      const { rows } = await sql<{ seq: string; prev_hash: Buffer; hash: Buffer; recomputed: Buffer }>`
        SELECT seq::text AS seq, prev_hash, hash,
          processing_log_digest(prev_hash, municipality_id, seq, entry_id, trace_id, span_id, parent_span_id, action,
            status, started_at, ended_at, processing_activity_id, processing_activity_version, data_subject_type,
            data_subject_ids, actor_id, actor_role) AS recomputed
        FROM processing_log WHERE municipality_id = ${m} AND seq > ${after.toString()}::bigint
        ORDER BY seq LIMIT ${batchSize}`.execute(ownerDb);
      if (rows.length === 0) break;
      for (const r of rows) {
        const seq = BigInt(r.seq);
        if (seq !== expectedSeq) breaks.push({ municipalityId: m, seq: r.seq, problem: 'gap' });
        if (!r.prev_hash.equals(prevHash)) breaks.push({ municipalityId: m, seq: r.seq, problem: 'link' });
        if (!r.hash.equals(r.recomputed)) breaks.push({ municipalityId: m, seq: r.seq, problem: 'hash' });
        prevHash = r.hash;
        expectedSeq = seq + 1n;
        after = seq;
        rowsChecked += 1;
      }
    }
    const head = heads.rows.find((h) => h.municipality_id === m);
    if (!head || BigInt(head.last_seq) !== expectedSeq - 1n || !head.last_hash.equals(prevHash)) {
      breaks.push({ municipalityId: m, seq: (expectedSeq - 1n).toString(), problem: 'head' });
    }
  }
  return { rowsChecked, municipalities: municipalities.rows.length, breaks, sealedNow, unsealed: await unsealedCount(ownerDb) };
}
