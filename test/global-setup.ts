import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { createDb, createPool, withDatabase } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { PG_ADMIN_URL, adminQuery } from './helpers/db.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    templates: { empty: string; demo: string };
  }
}

/**
 * Builds two template databases for this run (names unique per run, so parallel runs on one machine do not
 * collide): migrated, and migrated + demo data. Each test file copies one into a database of its own.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  try {
    await adminQuery('SELECT 1');
  } catch (err) {
    throw new Error(
      `PostgreSQL is niet bereikbaar op ${PG_ADMIN_URL} (${(err as Error).message}). Start hem met: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`,
      { cause: err },
    );
  }
  const suffix = `${process.pid}_${Date.now().toString(36)}`;
  const empty = `samenplan_tpl_${suffix}`;
  const demo = `samenplan_tpld_${suffix}`;
  await adminQuery(`CREATE DATABASE ${empty}`);
  await migrate(withDatabase(PG_ADMIN_URL, empty));
  await adminQuery(`CREATE DATABASE ${demo} TEMPLATE ${empty}`);
  const db = createDb(createPool(withDatabase(PG_ADMIN_URL, demo), { max: 2 }));
  try {
    if (existsSync(new URL('../src/seed/demo.ts', import.meta.url))) {
      const { seedDemo } = await import('../src/seed/demo.ts');
      await seedDemo(db);
    }
  } finally {
    await db.destroy();
  }
  project.provide('templates', { empty, demo });
  return async () => {
    for (const name of [demo, empty]) await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  };
}
