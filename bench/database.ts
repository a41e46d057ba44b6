import pg from 'pg';
import { createDb, createPool, withCredentials, withDatabase } from '../src/platform/db/database.ts';
import { APP_ROLE, migrate } from '../src/platform/db/migrate.ts';
import { seedSynthetic } from '../src/seed/synthetic.ts';

/** The Utrecht demo organisation that seedSynthetic fills (CBS municipality code). */
export const MUNICIPALITY_CODE = '0344';

export interface BenchDatabase {
  name: string;
  ownerUrl: string;
  /** The non-owner application role, as the server uses it (trust auth on 127.0.0.1: no password). */
  appUrl: string;
  residents: number;
  /** Seconds spent seeding in this run; null when an existing database was reused. */
  seedSeconds: number | null;
}

export async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, application_name: 'samenplan-bench' });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function residentCount(ownerUrl: string): Promise<number | null> {
  try {
    return await withClient(ownerUrl, async (c) =>
      Number((await c.query('SELECT count(*) AS n FROM residents')).rows[0].n),
    );
  } catch {
    return null;
  }
}

/**
 * The benchmark database samenplan_bench_<n> on the machine's PostgreSQL: reused when it already holds exactly
 * n residents (seeding is the slow part), otherwise (re)created, migrated and seeded with synthetic residents.
 */
export async function prepareDatabase(
  adminUrl: string,
  residents: number,
  fresh: boolean,
  log: (msg: string) => void,
): Promise<BenchDatabase> {
  const name = `samenplan_bench_${residents}`;
  const ownerUrl = withDatabase(adminUrl, name);
  const appUrl = withCredentials(ownerUrl, APP_ROLE, undefined);
  const exists = await withClient(
    adminUrl,
    async (c) => (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1,
  );
  if (exists && !fresh) {
    const count = await residentCount(ownerUrl);
    if (count === residents) {
      await migrate(ownerUrl);
      log(`Reusing database ${name} (${residents.toLocaleString('en')} residents; --fresh to re-seed).`);
      return { name, ownerUrl, appUrl, residents, seedSeconds: null };
    }
    log(`Database ${name} has ${count ?? 'no'} residents instead of ${residents}: recreating it.`);
  }
  await withClient(adminUrl, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${name}`);
  });
  await migrate(ownerUrl);
  log(`Seeding ${residents.toLocaleString('en')} synthetic residents into ${name}…`);
  const started = performance.now();
  const ownerDb = createDb(createPool(ownerUrl, { max: 4, applicationName: 'samenplan-bench-seed' }));
  try {
    const summary = await seedSynthetic(ownerDb, {
      residents,
      municipalityCode: MUNICIPALITY_CODE,
      historyYears: 3,
      log,
    });
    log(`Seed summary: ${JSON.stringify({ ...summary, distribution: undefined })}`);
  } finally {
    await ownerDb.destroy();
  }
  await withClient(ownerUrl, (c) => c.query('VACUUM ANALYZE'));
  const seedSeconds = (performance.now() - started) / 1000;
  log(`Seeded in ${seedSeconds.toFixed(1)} s (including VACUUM ANALYZE).`);
  return { name, ownerUrl, appUrl, residents, seedSeconds };
}

export interface DatabaseFacts {
  sizeBytes: number;
  processingLogRows: number;
  processingLogBytes: number;
  caseload: number;
}

/** Size of the database, rows in the processing log, and the active caseload of one staff member. */
export async function databaseFacts(db: BenchDatabase, staffUserId: string): Promise<DatabaseFacts> {
  return withClient(db.ownerUrl, async (c) => {
    const size = await c.query('SELECT pg_database_size(current_database()) AS b');
    const logRows = await c.query(
      "SELECT count(*) AS n, pg_total_relation_size('processing_log') AS b FROM processing_log",
    );
    const caseload = await c.query(
      "SELECT count(*) AS n FROM cases WHERE contact_person_id = $1 AND status = 'active'",
      [staffUserId],
    );
    return {
      sizeBytes: Number(size.rows[0].b),
      processingLogRows: Number(logRows.rows[0].n),
      processingLogBytes: Number(logRows.rows[0].b),
      caseload: Number(caseload.rows[0].n),
    };
  });
}

export interface ExplainFacts {
  /** random_page_cost in effect (the role may set its own; see migrations). */
  randomPageCost: string;
  planningMs: number;
  executionMs: number;
  /** How the plan reaches residents: "Seq Scan", "Index Scan using residents_pkey", … */
  residentsAccess: string;
}

/**
 * Planning and execution time of the list query as the application role (RLS on), best of 5 runs on one
 * connection. `setting` (e.g. "random_page_cost = 1.1") is applied for the session first, to test planner settings.
 */
export async function explainList(
  db: BenchDatabase,
  setConfig: CapturedStatement,
  select: CapturedStatement,
  setting?: string,
): Promise<ExplainFacts> {
  return withClient(db.appUrl, async (c) => {
    if (setting) await c.query(`SET ${setting}`);
    const randomPageCost = (await c.query('SHOW random_page_cost')).rows[0].random_page_cost as string;
    let best: ExplainFacts = {
      randomPageCost,
      planningMs: Infinity,
      executionMs: Infinity,
      residentsAccess: '',
    };
    for (let i = 0; i < 5; i += 1) {
      await c.query('BEGIN');
      try {
        await c.query(setConfig.text, setConfig.values);
        const { rows } = await c.query(`EXPLAIN (ANALYZE, FORMAT TEXT) ${select.text}`, select.values);
        const text = rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
        const planningMs = Number(/Planning Time: ([\d.]+)/.exec(text)?.[1]);
        const executionMs = Number(/Execution Time: ([\d.]+)/.exec(text)?.[1]);
        const access =
          /((?:Seq|Index|Index Only|Bitmap Heap) Scan(?: using \w+)? on residents)/.exec(text)?.[1] ?? '?';
        if (planningMs + executionMs < best.planningMs + best.executionMs)
          best = { randomPageCost, planningMs, executionMs, residentsAccess: access };
      } finally {
        await c.query('ROLLBACK');
      }
    }
    return best;
  });
}

export interface CapturedStatement {
  text: string;
  values: unknown[];
}
