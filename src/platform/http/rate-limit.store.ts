import { createHmac } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

// The rate-limit store of @fastify/rate-limit in PostgreSQL (issue 16): every instance counts in the same row, so the
// login limit holds across instances. Fixed window per key: the first hit opens a window of `timeWindow` ms, later
// hits in it count up, the first hit after it starts a new one. One upsert per hit, atomic under concurrency.

interface Result {
  current: number;
  ttl: number;
}
type Callback = (err: Error | null, result?: Result) => void;

export async function incrementRateLimit(db: Db, key: string, timeWindowMs: number): Promise<Result> {
  const { rows } = await sql<{ hits: number; ttl_ms: string }>`
    INSERT INTO login_rate_limits AS l (key, window_start, hits) VALUES (${key}, clock_timestamp(), 1)
    ON CONFLICT (key) DO UPDATE SET
      hits = CASE WHEN l.window_start + make_interval(secs => ${timeWindowMs} / 1000.0) <= clock_timestamp() THEN 1 ELSE l.hits + 1 END,
      window_start = CASE WHEN l.window_start + make_interval(secs => ${timeWindowMs} / 1000.0) <= clock_timestamp() THEN clock_timestamp() ELSE l.window_start END
    RETURNING l.hits, (extract(epoch FROM l.window_start + make_interval(secs => ${timeWindowMs} / 1000.0) - clock_timestamp()) * 1000)::bigint::text AS ttl_ms`.execute(db);
  const r = rows[0]!;
  return { current: r.hits, ttl: Math.max(0, Number(r.ttl_ms)) };
}

/** Rows whose window ended more than a day ago. */
export async function pruneRateLimits(db: Db): Promise<number> {
  const r = await sql`DELETE FROM login_rate_limits WHERE window_start < now() - interval '1 day'`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}

/**
 * A store class for `@fastify/rate-limit` ({ store }) over this database. Keys are HMAC'd under `secret`, so client
 * addresses are not stored. On a database error the hit is refused (fail closed: the plugin answers 500 → our error
 * handler; a login without a working database cannot succeed anyway).
 */
export function postgresRateLimitStore(db: Db, secret: string) {
  const hash = (key: string) => createHmac('sha256', secret).update(`rate-limit:${key}`).digest('base64url');
  let hits = 0;
  return class PostgresRateLimitStore {
    incr(key: string, cb: Callback, timeWindow?: number): void {
      hits += 1;
      if (hits % 500 === 0) void pruneRateLimits(db).catch(() => undefined);
      incrementRateLimit(db, hash(key), timeWindow ?? 60_000).then(
        (r) => cb(null, r),
        (err: Error) => cb(err),
      );
    }
    child(): PostgresRateLimitStore {
      return new PostgresRateLimitStore();
    }
  };
}
