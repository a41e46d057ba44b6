import { randomUUID } from 'node:crypto';
import type { Db } from '../db/database.ts';
import type { Tx } from '../db/transaction.ts';
import type { MailSender } from './mail.ts';
import { insertOutboxJob } from './outbox.store.ts';

// Jobs: side effects after commit (ARCHITECTURE rule 7). A use case enqueues in its own transaction with
// `enqueueJob`; the worker (worker.ts) runs the job after commit, at least once, so every handler is idempotent.

export interface JobContext {
  /** The application connection (samenplan_app): handlers work in tenant transactions, row-level security applies. */
  appDb: Db;
  /** The owner connection: only for platform maintenance that must reach all data (the retention job, issue 16). */
  ownerDb?: Db;
  mail: MailSender;
  /** Operational log; never personal data. */
  log: (msg: string) => void;
}

export interface JobDefinition {
  /** pg-boss queue name: lower case, digits and hyphens. */
  queue: string;
  /** Periodic jobs: a cron expression in Europe/Amsterdam time. */
  cron?: string;
  /** The queue's retries of a failed job (default 3, 30 s, exponential backoff). */
  retry?: { limit: number; delaySeconds: number; backoff: boolean };
  /** Runs one job. `data` is what was enqueued plus `municipalityId` of the enqueuing transaction. Must be idempotent. */
  handle(data: unknown, ctx: JobContext): Promise<void>;
}

/** Enqueues a job in the current tenant transaction: it exists (and runs) only if this transaction commits. */
export async function enqueueJob(tx: Tx, municipalityId: string, queue: string, data: Record<string, unknown>): Promise<string> {
  const id = randomUUID();
  await insertOutboxJob(tx, { municipalityId, id, queue, data });
  return id;
}
