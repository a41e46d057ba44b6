import { CompiledQuery, sql, type ColumnType, type Kysely, type Transaction } from 'kysely';
import pg from 'pg';
import type { Db } from '../db/database.ts';
import type { Tx } from '../db/transaction.ts';

// The job outbox: the only SQL of the job machinery. The application inserts into job_outbox inside the transaction
// of the change that causes the job (so a rollback leaves nothing); after commit the dispatcher moves rows into
// pg-boss in one owner transaction, the outbox row's id becoming the job id.

interface JobOutboxTable {
  municipality_id: string;
  id: string;
  queue: string;
  data: ColumnType<Record<string, unknown>, string, string>;
  created_at: ColumnType<Date, never, never>;
}
type OutboxTables = { job_outbox: JobOutboxTable };

export const OUTBOX_CHANNEL = 'samenplan_job_outbox';

/** Enqueues a job in the caller's tenant transaction; the NOTIFY is delivered by PostgreSQL only on commit. */
export async function insertOutboxJob(outer: Tx, row: { municipalityId: string; id: string; queue: string; data: Record<string, unknown> }) {
  const tx = outer.withTables<OutboxTables>();
  await tx
    .insertInto('job_outbox')
    .values({ municipality_id: row.municipalityId, id: row.id, queue: row.queue, data: JSON.stringify(row.data) })
    .execute();
  await sql`SELECT pg_notify(${OUTBOX_CHANNEL}, '')`.execute(tx);
}

export interface OutboxRow {
  municipality_id: string;
  id: string;
  queue: string;
  data: Record<string, unknown>;
}

/** What pg-boss needs to run its SQL inside our transaction (its `db` option). */
export interface SqlExecutor {
  executeSql(text: string, values: unknown[]): Promise<{ rows: unknown[] }>;
}

function executorOf(trx: Transaction<unknown>): SqlExecutor {
  return {
    executeSql: async (text, values) => ({ rows: (await trx.executeQuery(CompiledQuery.raw(text, values ?? []))).rows }),
  };
}

/**
 * Moves up to `limit` committed outbox rows of the known queues to the queue, all in one owner transaction:
 * deleted here and inserted by `insert` (pg-boss) commit together, so a row becomes exactly one job. SKIP LOCKED
 * lets several instances dispatch at once.
 */
export async function dispatchOutbox(
  ownerDb: Db,
  queues: readonly string[],
  limit: number,
  insert: (rows: OutboxRow[], executor: SqlExecutor) => Promise<void>,
): Promise<number> {
  if (queues.length === 0) return 0;
  const db = (ownerDb as unknown as Kysely<OutboxTables>);
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<OutboxRow>`
      DELETE FROM job_outbox WHERE (municipality_id, id) IN (
        SELECT municipality_id, id FROM job_outbox WHERE queue = ANY(${[...queues]}::text[])
        ORDER BY created_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
      RETURNING municipality_id, id, queue, data`.execute(trx);
    if (rows.length > 0) await insert(rows, executorOf(trx as Transaction<unknown>));
    return rows.length;
  });
}

/** Outbox rows not yet dispatched (for waiting until the queue is idle). */
export async function outboxSize(ownerDb: Db): Promise<number> {
  const { rows } = await sql<{ n: string }>`SELECT count(*) AS n FROM job_outbox`.execute(ownerDb);
  return Number(rows[0]?.n ?? 0);
}

/** Calls onCommit whenever a transaction that enqueued a job commits. Returns a function that stops listening. */
export async function listenForOutbox(connectionString: string, onCommit: () => void, onError: (err: Error) => void): Promise<() => Promise<void>> {
  const client = new pg.Client({ connectionString, application_name: 'samenplan-jobs-listen' });
  client.on('error', onError);
  client.on('notification', () => onCommit());
  await client.connect();
  await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
  return async () => {
    await client.end().catch(() => undefined);
  };
}
