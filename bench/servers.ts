import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import type pg from 'pg';
import { loadConfig, type AppConfig } from '../src/platform/config.ts';
import { createDb, createPool } from '../src/platform/db/database.ts';
import { startProcessingLogSealer } from '../src/platform/processing-log/sealer.ts';
import { createServer } from '../src/server.ts';
import type { CapturedStatement } from './database.ts';

export const PSEUDONYM_KEY = 'bench-pseudonym-key-0123456789abcdef0123456789';
export const DEMO_USER = 'werkmatcher.overvecht';
/** The request under test: the first page (default limit 50) of the werkmatcher's own caseload. */
export const LIST_PATH = '/api/v1/residents?contactPerson=me';
export const SESSION_COOKIE_NAME = 'samenplan_session';

export interface RunningServer {
  /** Base URL (full server) or the route's URL (bare and variant servers). */
  url: string;
  close(): Promise<void>;
}

export function benchConfig(ownerUrl: string): AppConfig {
  return {
    ...loadConfig({}),
    port: 0,
    databaseUrl: ownerUrl,
    demoLogin: true,
    seedDemo: false,
    pseudonymKey: PSEUDONYM_KEY,
    logLevel: 'silent',
    loginRateLimit: 100_000,
  };
}

export async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

/** Records every statement sent on the pool's connections while `on` is set (pg level: BEGIN and COMMIT included). */
export interface StatementSink {
  on: boolean;
  statements: CapturedStatement[];
}

function instrument(pool: pg.Pool, sink: StatementSink): void {
  pool.on('connect', (client) => {
    const target = client as unknown as { query: (...args: unknown[]) => unknown };
    const original = target.query.bind(client);
    target.query = (...args: unknown[]) => {
      if (sink.on && typeof args[0] === 'string')
        sink.statements.push({ text: args[0], values: (args[1] as unknown[] | undefined) ?? [] });
      return original(...args);
    };
  });
}

/**
 * The full Samenplan server (sessions, policies, RLS, processing log, presenters) on a random port, with the
 * processing-log sealer running on the same pool, as `samenplan start` runs it.
 */
export async function startFullServer(
  ownerUrl: string,
  appUrl: string,
  poolSize: number,
  sink?: StatementSink,
): Promise<RunningServer> {
  const pool = createPool(appUrl, { max: poolSize, applicationName: 'samenplan-bench-full' });
  if (sink) instrument(pool, sink);
  const db = createDb(pool);
  const config = benchConfig(ownerUrl);
  const app = await createServer(config, db, PSEUDONYM_KEY);
  const url = await listen(app);
  config.publicUrl = url;
  const stopSealer = startProcessingLogSealer(db, (err) => console.error('[bench] sealer:', err));
  return {
    url,
    close: async () => {
      await app.close();
      await stopSealer();
      await db.destroy();
    },
  };
}

/** Logs in through the demo login and returns the session token (the value of the session cookie). */
export async function demoLogin(baseUrl: string, username: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/session/demo`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username }),
  });
  if (res.status !== 201)
    throw new Error(`Demo login as ${username} answered ${res.status}: ${await res.text()}`);
  for (const c of res.headers.getSetCookie()) {
    const m = new RegExp(`^${SESSION_COOKIE_NAME}=([^;]+)`).exec(c);
    if (m) return decodeURIComponent(m[1]!);
  }
  throw new Error('No session cookie received');
}

export async function getJson(url: string, headers: Record<string, string> = {}): Promise<unknown> {
  const res = await fetch(url, { headers });
  if (res.status !== 200)
    throw new Error(`GET ${url} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  return res.json();
}

/**
 * The bare baseline: plain Fastify, one route, a pg.Pool of the same size connecting as the same application role.
 * It runs the statements the full stack runs for the list (same transaction, same set_config so RLS applies,
 * same SELECT text and parameters), but no session lookup, no policy code, no processing-log insert, no presenter.
 */
export async function startBareServer(
  appUrl: string,
  poolSize: number,
  setConfig: CapturedStatement,
  select: CapturedStatement,
): Promise<RunningServer> {
  const pool = createPool(appUrl, { max: poolSize, applicationName: 'samenplan-bench-bare' });
  const app = Fastify({ logger: false });
  app.get('/residents', async () => {
    const client = await pool.connect();
    try {
      await client.query('begin');
      await client.query(setConfig.text, setConfig.values);
      const { rows } = await client.query(select.text, select.values);
      await client.query('commit');
      return rows;
    } catch (err) {
      await client.query('rollback').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  });
  const url = await listen(app);
  return {
    url: `${url}/residents`,
    close: async () => {
      await app.close();
      await pool.end();
    },
  };
}
