import { sql, type Transaction } from 'kysely';
import type { Db } from './database.ts';
import type { Database } from './schema.ts';

/** A database transaction scoped to one municipality. Services pass it to stores; only stores use it. */
export type Tx = Transaction<Database>;

/**
 * Runs fn in a transaction with the row-level-security setting for the municipality applied (SET LOCAL semantics:
 * the setting ends with the transaction, so a pooled connection never carries another tenant's id).
 */
export async function tenantTransaction<T>(db: Db, municipalityId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (tx) => {
    await sql`SELECT set_config('samenplan.municipality_id', ${municipalityId}, true)`.execute(tx);
    return fn(tx);
  });
}
