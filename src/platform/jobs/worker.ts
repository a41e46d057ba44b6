import PgBoss from 'pg-boss';
import type { Db } from '../db/database.ts';
import type { JobContext, JobDefinition } from './jobs.ts';
import { mailOff, type MailSender } from './mail.ts';
import { dispatchOutbox, listenForOutbox, outboxSize, type OutboxRow, type SqlExecutor } from './outbox.store.ts';

// The job worker: pg-boss 10 (Node 20) in its own schema `pgboss`, reached over the OWNER connection, because
// pg-boss creates and migrates that schema itself and needs CREATE on the database for it. It touches nothing
// else with that connection except moving committed rows out of job_outbox. Handlers get the application
// connection and work in tenant transactions, so row-level security applies to them as to requests.

export const PGBOSS_SCHEMA = 'pgboss';

export interface JobWorkerOptions {
  ownerUrl: string;
  ownerDb: Db;
  appDb: Db;
  jobs: JobDefinition[];
  mail?: MailSender;
  log?: (msg: string) => void;
  /** Register the cron schedules of periodic jobs (default true; tests run them by hand). */
  schedule?: boolean;
  /** How often workers poll and the outbox is swept as a fallback for a missed NOTIFY (default 2 s). */
  pollingIntervalSeconds?: number;
}

export interface JobWorker {
  /** Moves committed outbox rows to the queue now; returns how many. */
  dispatch(): Promise<number>;
  /** Sends a job straight to the queue (periodic jobs by hand, operations). */
  send(queue: string, data?: Record<string, unknown>): Promise<void>;
  /** Resolves when the outbox is empty and no job of ours is waiting or running (tests). */
  idle(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startJobWorker(options: JobWorkerOptions): Promise<JobWorker> {
  const log = options.log ?? (() => undefined);
  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 2;
  const ctx: JobContext = { appDb: options.appDb, ownerDb: options.ownerDb, mail: options.mail ?? mailOff, log };
  const boss = new PgBoss({
    connectionString: options.ownerUrl,
    schema: PGBOSS_SCHEMA,
    application_name: 'samenplan-jobs',
    max: 3,
    schedule: options.schedule ?? true,
    supervise: true,
    // How often pg-boss looks for jobs whose worker died (expired 'active' jobs go back to retry; issue 16).
    maintenanceIntervalSeconds: Number(process.env.SAMENPLAN_JOB_MAINTENANCE_SECONDS ?? 120),
  });
  // Without a listener an 'error' event would end the process. Messages only: job data never reaches the log.
  boss.on('error', (err) => log(`Taakwachtrij: ${err.message}`));
  await boss.start();

  const queues = options.jobs.map((j) => j.queue);
  const workerIds = new Map<string, string>();
  for (const job of options.jobs) {
    // A job whose worker was killed mid-job stays 'active' until it expires, then it is retried (at least once;
    // handlers are idempotent). Default 15 minutes; the crash harness shortens it.
    const expireInSeconds = Number(process.env.SAMENPLAN_JOB_EXPIRE_SECONDS ?? 900);
    const retry = job.retry ?? { limit: 3, delaySeconds: 30, backoff: true };
    await boss.createQueue(job.queue, { name: job.queue, retryLimit: retry.limit, retryDelay: retry.delaySeconds, retryBackoff: retry.backoff, expireInSeconds });
    const id = await boss.work<unknown>(job.queue, { pollingIntervalSeconds, batchSize: 1 }, async (batch) => {
      for (const item of batch) await job.handle(item.data, ctx);
    });
    workerIds.set(job.queue, id);
    if (job.cron && options.schedule !== false) await boss.schedule(job.queue, job.cron, {}, { tz: 'Europe/Amsterdam' });
  }

  const insert = async (rows: OutboxRow[], executor: SqlExecutor) => {
    await boss.insert(
      rows.map((r) => ({ id: r.id, name: r.queue, data: { ...r.data, municipalityId: r.municipality_id } })),
      { db: executor as PgBoss.Db },
    );
  };

  let stopped = false;
  let running: Promise<number> | null = null;
  let again = false;
  const dispatch = async (): Promise<number> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let total = 0;
      do {
        again = false;
        for (;;) {
          const n = await dispatchOutbox(options.ownerDb, queues, 100, insert);
          total += n;
          if (n < 100) break;
        }
      } while (again && !stopped);
      return total;
    })();
    try {
      const n = await running;
      if (n > 0) for (const id of workerIds.values()) boss.notifyWorker(id);
      return n;
    } finally {
      running = null;
    }
  };
  const dispatchQuietly = () => {
    if (!stopped) dispatch().catch((err: Error) => log(`Taken doorzetten mislukt: ${err.message}`));
  };

  const stopListening = await listenForOutbox(options.ownerUrl, dispatchQuietly, (err) => log(`Luisteren naar nieuwe taken: ${err.message}`));
  const sweep = setInterval(dispatchQuietly, pollingIntervalSeconds * 1000);
  sweep.unref();
  dispatchQuietly();

  return {
    dispatch,
    async send(queue, data = {}) {
      await boss.send(queue, data);
    },
    async idle(timeoutMs = 15_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        await dispatch();
        let pending = await outboxSize(options.ownerDb);
        for (const q of queues) pending += await boss.getQueueSize(q, { before: 'completed' });
        if (pending === 0) return;
        if (Date.now() > until) throw new Error(`Taakwachtrij niet leeg na ${timeoutMs} ms (${pending} open)`);
        await sleep(100);
      }
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(sweep);
      await stopListening();
      await running?.catch(() => undefined);
      await boss.stop({ graceful: true, timeout: 5_000, wait: true });
    },
  };
}
