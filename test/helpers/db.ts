import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { withCredentials, withDatabase } from '../../src/platform/db/database.ts';
import { APP_ROLE } from '../../src/platform/db/migrate.ts';

/** The machine's PostgreSQL (trust auth). Tests create their own databases on it. */
export const PG_ADMIN_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_PSEUDONYM_KEY = 'test-pseudonym-key-0123456789abcdef0123456789';

export interface TestDatabase {
  name: string;
  ownerUrl: string;
  appUrl: string;
  drop(): Promise<void>;
}

export async function adminQuery(sql: string, params: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    return await client.query(sql, params);
  } finally {
    await client.end();
  }
}

/** A fresh database copied from a migrated template (and, for 'demo', the seeded demo). */
export async function createTestDatabase(template: 'empty' | 'demo' = 'empty'): Promise<TestDatabase> {
  const name = `samenplan_t_${randomBytes(6).toString('hex')}`;
  const templates = inject('templates');
  const source = template === 'demo' ? templates.demo : templates.empty;
  for (let attempt = 0; ; attempt += 1) {
    try {
      await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${source}`);
      break;
    } catch (err) {
      // Two files copying the same template at the same moment: try again shortly.
      if (attempt > 20 || !String((err as Error).message).includes('being accessed')) throw err;
      await new Promise((r) => setTimeout(r, 250 + Math.random() * 500));
    }
  }
  const ownerUrl = withDatabase(PG_ADMIN_URL, name);
  return {
    name,
    ownerUrl,
    appUrl: withCredentials(ownerUrl, APP_ROLE, undefined),
    drop: async () => {
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
