import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { preparePooledStatements } from './prepared.ts';
import type { Database } from './schema.ts';

// DATE columns stay 'YYYY-MM-DD' strings: a birth date is not an instant.
pg.types.setTypeParser(1082, (v) => v);

export type Db = Kysely<Database>;

export interface PoolOptions {
  max?: number;
  applicationName?: string;
  /** Send repeated statements as prepared statements with cached, generic plans (default true; ADR 0014). */
  prepared?: boolean;
}

export function createPool(connectionString: string, options: PoolOptions = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? 10,
    application_name: options.applicationName ?? 'samenplan',
    // Prepared statements run with their generic plan from the first execution (ADR 0014): with the need-to-know
    // policies, PostgreSQL's default (five custom plans, then compare) kept re-planning the list queries every time.
    options: `-c timezone=Europe/Amsterdam${options.prepared === false ? '' : ' -c plan_cache_mode=force_generic_plan'}`,
  });
  // An idle client that loses its connection must not crash the process.
  pool.on('error', () => undefined);
  if (options.prepared !== false) preparePooledStatements(pool);
  return pool;
}

export function createDb(pool: pg.Pool): Db {
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/** Replaces the credentials in a postgres:// URL (used to derive the application role's URL). */
export function withCredentials(url: string, user: string, password: string | undefined): string {
  const u = new URL(url);
  u.username = encodeURIComponent(user);
  u.password = password ? encodeURIComponent(password) : '';
  return u.toString();
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
