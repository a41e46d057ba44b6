import { existsSync } from 'node:fs';
import pg from 'pg';
import { createDb, createPool, withDatabase } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { PG_ADMIN_URL, TEMPLATE_DEMO, TEMPLATE_EMPTY, adminQuery } from './helpers/db.ts';

/** Builds two template databases once per run: migrated, and migrated + demo data. Test files copy them. */
export default async function setup(): Promise<void> {
  try {
    await adminQuery('SELECT 1');
  } catch (err) {
    throw new Error(
      `PostgreSQL is niet bereikbaar op ${PG_ADMIN_URL} (${(err as Error).message}). Start hem met: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`,
    );
  }
  for (const name of [TEMPLATE_DEMO, TEMPLATE_EMPTY]) {
    await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
  await adminQuery(`CREATE DATABASE ${TEMPLATE_EMPTY}`);
  await migrate(withDatabase(PG_ADMIN_URL, TEMPLATE_EMPTY));
  await adminQuery(`CREATE DATABASE ${TEMPLATE_DEMO} TEMPLATE ${TEMPLATE_EMPTY}`);
  const pool = createPool(withDatabase(PG_ADMIN_URL, TEMPLATE_DEMO), { max: 2 });
  const db = createDb(pool);
  try {
    if (existsSync(new URL('../src/seed/demo.ts', import.meta.url))) {
      const { seedDemo } = await import('../src/seed/demo.ts');
      await seedDemo(db);
    }
  } finally {
    await db.destroy();
  }
  // Make sure no connection lingers on the templates.
  await adminQuery(
    `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ANY($1) AND pid <> pg_backend_pid()`,
    [[TEMPLATE_EMPTY, TEMPLATE_DEMO]],
  );
  void pg;
}
