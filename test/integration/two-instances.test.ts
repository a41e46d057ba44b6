import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/platform/config.ts';
import { createDb, createPool, type Db } from '../../src/platform/db/database.ts';
import type { App } from '../../src/platform/http/app.ts';
import { verifyProcessingLogChain } from '../../src/platform/processing-log/chain-verify.ts';
import { startProcessingLogSealer } from '../../src/platform/processing-log/sealer.ts';
import { createServer } from '../../src/server.ts';
import { ApiClient, loginAs } from '../helpers/client.ts';
import { TEST_PSEUDONYM_KEY, createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { ROLE_USERS, createWorld, type World } from '../helpers/fixtures.ts';

// Two app instances on one database (issue 16): the login rate limit lives in PostgreSQL, so it holds across both;
// both run the sealer, and the database lets one seal at a time: the chain stays gapless and verifies.

let db: TestDatabase;
let ownerDb: Db;
let world: World;
const instances: Array<{ app: App; appDb: Db; url: string }> = [];

async function instance(loginRateLimit: number) {
  const appDb = createDb(createPool(db.appUrl, { max: 4 }));
  const config = { ...loadConfig({}), port: 0, databaseUrl: db.ownerUrl, demoLogin: true, seedDemo: false, pseudonymKey: TEST_PSEUDONYM_KEY, logLevel: 'silent', loginRateLimit };
  const app = await createServer(config, appDb, TEST_PSEUDONYM_KEY);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  instances.push({ app, appDb, url });
  return url;
}

beforeAll(async () => {
  db = await createTestDatabase('empty');
  ownerDb = createDb(createPool(db.ownerUrl, { max: 4 }));
  world = await createWorld(ownerDb);
});

afterAll(async () => {
  for (const i of instances) {
    await i.app.close();
    await i.appDb.destroy();
  }
  await ownerDb?.destroy();
  await db?.drop();
});

describe('two app instances', () => {
  it('the login rate limit counts across both: 6 attempts allowed in all, not 6 per instance', async () => {
    const a = await instance(6);
    const b = await instance(6);
    const statuses: number[] = [];
    for (let i = 0; i < 10; i += 1) statuses.push((await new ApiClient(i % 2 ? b : a).post('/api/v1/session/demo', { username: 'onbekend' })).status);
    expect(statuses.slice(0, 6)).toEqual([400, 400, 400, 400, 400, 400]);
    expect(statuses.slice(6)).toEqual([429, 429, 429, 429]);
    // At the same time from both: still one counter (the upsert is atomic).
    await sql`DELETE FROM login_rate_limits`.execute(ownerDb);
    const burst = await Promise.all(Array.from({ length: 20 }, (_, i) => new ApiClient(i % 2 ? b : a).post('/api/v1/session/demo', { username: 'onbekend' })));
    expect(burst.filter((r) => r.status === 400)).toHaveLength(6);
    expect(burst.filter((r) => r.status === 429)).toHaveLength(14);
    // No client address is stored, only its keyed hash.
    const keys = await sql<{ key: string }>`SELECT key FROM login_rate_limits`.execute(ownerDb);
    expect(keys.rows.length).toBe(1);
    expect(keys.rows[0]!.key).not.toContain('127.0.0.1');
  });

  it('both run the sealer: one seals at a time, every row gets exactly one place in a gapless chain', async () => {
    await sql`DELETE FROM login_rate_limits`.execute(ownerDb);
    const a = await instance(1000);
    const b = await instance(1000);
    const [ia, ib] = instances.slice(-2);
    const stops = [startProcessingLogSealer(ia!.appDb, (e) => { throw e; }, 20), startProcessingLogSealer(ib!.appDb, (e) => { throw e; }, 20)];
    // While one connection holds the sealer's lock, the other's call returns 0 at once.
    await ownerDb.connection().execute(async (conn) => {
      await sql`BEGIN`.execute(conn);
      await sql`SELECT processing_log_seal(1)`.execute(conn);
      const other = await sql<{ n: number }>`SELECT processing_log_seal(1000) AS n`.execute(ib!.appDb);
      expect(other.rows[0]!.n).toBe(0);
      await sql`COMMIT`.execute(conn);
    });
    const ca = await loginAs(a, ROLE_USERS.jobCoach);
    const cb = await loginAs(b, ROLE_USERS.teamLead);
    const ids = [world.residents.ov1, world.residents.ov2, world.residents.ov3];
    for (let round = 0; round < 15; round += 1) {
      await Promise.all(ids.flatMap((id) => [ca.get(`/api/v1/residents/${id}`), cb.get(`/api/v1/residents/${id}`)]));
    }
    for (const stop of stops) await stop();
    const seqs = await sql<{ m: string; n: string; max: string; distinct: string; unsealed: string }>`
      SELECT municipality_id AS m, count(*)::text AS n, max(seq)::text AS max, count(DISTINCT seq)::text AS distinct,
        count(*) FILTER (WHERE seq IS NULL)::text AS unsealed
      FROM processing_log GROUP BY municipality_id`.execute(ownerDb);
    for (const r of seqs.rows) expect({ n: r.n, max: r.max, distinct: r.distinct, unsealed: r.unsealed }).toEqual({ n: r.n, max: r.n, distinct: r.n, unsealed: '0' });
    expect(Number(seqs.rows.find((r) => r.m === world.utrecht)?.n)).toBeGreaterThanOrEqual(90);
    const v = await verifyProcessingLogChain(ownerDb);
    expect(v.breakCount).toBe(0);
    expect(v.alteredFunctions).toEqual([]);
  });
});
