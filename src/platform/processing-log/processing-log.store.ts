import { sql } from 'kysely';
import type { Tx } from '../db/transaction.ts';
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
