import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/platform/config.ts';
import { createDb, createPool, type Db } from '../../src/platform/db/database.ts';
import type { App } from '../../src/platform/http/app.ts';
import { verifyProcessingLogChain } from '../../src/platform/processing-log/chain-verify.ts';
import { startProcessingLogSealer } from '../../src/platform/processing-log/sealer.ts';
import { WEBHOOK_QUEUE, webhookJobs } from '../../src/modules/webhooks/webhooks.service.ts';
import { startJobWorker, type JobWorker } from '../../src/platform/jobs/worker.ts';
import { createServer } from '../../src/server.ts';
import { ApiClient, loginAs } from '../helpers/client.ts';
import { TEST_PSEUDONYM_KEY, createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { ROLE_USERS, createWorld, type World } from '../helpers/fixtures.ts';

// Two app instances on one database (issues 15 and 16): the login rate limit lives in PostgreSQL, so it holds across
// both; both run the sealer, and the database lets one seal at a time: the chain stays gapless and verifies; a
// session or an API client's token made on one works on the other; with a job worker next to each, every job (here
// the webhook deliveries of plan changes made on both) runs once.

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

const workers: JobWorker[] = [];
let receiver: Server | undefined;

afterAll(async () => {
  for (const w of workers) await w.stop();
  receiver?.closeAllConnections();
  if (receiver) await new Promise((r) => receiver!.close(r));
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

  it('a session made on A works on B, and a logout on B ends it on A; an API client token from A works on B', async () => {
    const a = await instance(1000);
    const b = await instance(1000);
    const onA = await loginAs(a, ROLE_USERS.jobCoach);
    // The same cookie jar and CSRF token, sent to the other instance.
    const onB = Object.assign(Object.create(Object.getPrototypeOf(onA)) as ApiClient, onA, { baseUrl: b });
    expect((await onB.get('/api/v1/session')).body.user.username).toBe(ROLE_USERS.jobCoach);
    const plan = await onB.post(`/api/v1/residents/${world.residents.ov4}/plan`, { goals: [{ title: 'Rijbewijs halen' }] });
    expect(plan.status).toBe(201);
    expect((await onA.get(`/api/v1/residents/${world.residents.ov4}/plan`)).body.goals[0].title).toBe('Rijbewijs halen');
    const cookie = `samenplan_session=${onA.sessionToken()}`;
    expect((await fetch(`${a}/api/v1/session`, { headers: { cookie } })).status).toBe(200);
    expect((await onB.delete('/api/v1/session')).status).toBe(204);
    expect((await fetch(`${a}/api/v1/session`, { headers: { cookie } })).status).toBe(401);

    const admin = await loginAs(a, ROLE_USERS.admin);
    const made = await admin.post('/api/v1/api-clients', { name: 'Buurtteam-systeem', partnerOrganisationId: world.partners.btOvervecht, scopes: ['plans:read'] });
    const tokenRes = await fetch(`${a}/api/v1/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`${made.body.id}:${made.body.secret}`).toString('base64')}` },
      body: 'grant_type=client_credentials',
    });
    const { access_token } = (await tokenRes.json()) as { access_token: string };
    const viaB = await fetch(`${b}/api/v1/residents/${world.residents.ov1}/plan`, { headers: { authorization: `Bearer ${access_token}` } });
    expect([200, 404]).toContain(viaB.status); // 404: ov1 has no plan yet; the point is that B knows the token (not 401)
    expect((await fetch(`${b}/api/v1/residents/${world.residents.ov1}/plan`, { headers: { authorization: 'Bearer ' + 'x'.repeat(43) } })).status).toBe(401);
  });

  it('with a job worker next to each instance, every job runs once: each webhook delivery reaches the partner once', async () => {
    const a = await instance(1000);
    const b = await instance(1000);
    const [ia, ib] = instances.slice(-2);
    const got: string[] = [];
    receiver = createHttpServer((req, res) => {
      req.resume();
      req.on('end', () => {
        got.push(String(req.headers['webhook-id']));
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => receiver!.listen(0, '127.0.0.1', r));
    const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/events`;
    const jobs = webhookJobs({ maxAttempts: 3, retryDelaySeconds: 1, timeoutMs: 2000, publicUrl: a });
    for (const i of [ia!, ib!]) {
      workers.push(await startJobWorker({ ownerUrl: db.ownerUrl, ownerDb, appDb: i.appDb, jobs, schedule: false, pollingIntervalSeconds: 0.5 }));
    }
    const admin = await loginAs(a, ROLE_USERS.admin);
    expect((await admin.post('/api/v1/webhook-subscriptions', { name: 'Partner', url: receiverUrl, eventTypes: ['nl.samenplan.plan.gewijzigd'] })).status).toBe(201);
    const ca = await loginAs(a, ROLE_USERS.jobCoach);
    const cb = await loginAs(b, ROLE_USERS.teamLead);
    const residents = [world.residents.ov1, world.residents.ov2, world.residents.ov3];
    for (const r of residents) await ca.post(`/api/v1/residents/${r}/plan`, { goals: [{ title: 'Werk vinden' }] });
    // Four goals per plan, added alternately on A and on B: 12 plan changes, 12 events.
    for (let round = 0; round < 4; round += 1) {
      for (const r of residents) {
        const who = round % 2 ? cb : ca;
        const tag = (await who.get(`/api/v1/residents/${r}/plan`)).headers.get('etag')!;
        expect((await who.post(`/api/v1/residents/${r}/plan/goals`, { title: `Doel ${round}` }, { 'if-match': tag })).status).toBe(201);
      }
    }
    await Promise.all(workers.map((w) => w.idle(30_000)));
    expect(got).toHaveLength(12);
    expect(new Set(got).size).toBe(12);
    const states = await sql<{ status: string; attempts: number; n: number }>`
      SELECT status, attempts, count(*)::int AS n FROM webhook_deliveries GROUP BY status, attempts`.execute(ownerDb);
    expect(states.rows).toEqual([{ status: 'delivered', attempts: 1, n: 12 }]);
    const jobsRun = await sql<{ state: string; n: number }>`
      SELECT state, count(*)::int AS n FROM pgboss.job WHERE name = ${WEBHOOK_QUEUE} GROUP BY state`.execute(ownerDb);
    expect(jobsRun.rows).toEqual([{ state: 'completed', n: 12 }]);
  }, 90_000);
});
