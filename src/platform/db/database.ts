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
    // plan_cache_mode stays 'auto' (ADR 0014: forcing generic plans made the team view and the name search 5–10×
    // slower; their good plan depends on the wijken and the search pattern).
    options: '-c timezone=Europe/Amsterdam',
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
