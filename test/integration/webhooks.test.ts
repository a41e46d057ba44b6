import { createServer as createHttpServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HTTP } from 'cloudevents';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishEvent, webhookJobs, WEBHOOK_QUEUE } from '../../src/modules/webhooks/webhooks.service.ts';
import { verifySignature } from '../../src/modules/webhooks/webhooks.signature.ts';
import { createDb, createPool, type Db } from '../../src/platform/db/database.ts';
import { jobScope, tenantTransaction } from '../../src/platform/db/transaction.ts';
import { startJobWorker, type JobWorker } from '../../src/platform/jobs/worker.ts';
import { pseudonymise } from '../../src/platform/processing-log/pseudonym.ts';
import { jobDefinitions } from '../../src/server.ts';
import { loginAs, type ApiClient } from '../helpers/client.ts';
import { TEST_PSEUDONYM_KEY } from '../helpers/db.ts';
import { ROLE_USERS, createWorld, type World } from '../helpers/fixtures.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

// Events for partner systems (issue 15, ADR 0025) against a real HTTP receiver started here: a plan change reaches
// the partner as a signed CloudEvent once, also after the receiver answered 500 twice; a receiver that hangs is cut
// off, retried and after the last attempt dead-lettered, and can be sent again; a change that rolls back is never
// delivered; every attempt is in the processing log; nothing of the resident is in the event.

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  answered: number;
}

let server: TestServer;
let world: World;
let appDb: Db;
let worker: JobWorker;
let receiver: Server;
let receiverUrl: string;
const received: Received[] = [];
/** Per path: what the next requests get (500, 200, or 'hang'); the last entry repeats. */
const script = new Map<string, Array<number | 'hang'>>();
let admin: ApiClient;
let coach: ApiClient;

beforeAll(async () => {
  receiver = createHttpServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '/';
      const plan = script.get(path) ?? [200];
      const next = plan.length > 1 ? plan.shift()! : plan[0]!;
      received.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), answered: next === 'hang' ? 0 : next });
      if (next === 'hang') return; // never answers: the sender's timeout must cut it off
      res.writeHead(next, { 'content-type': 'text/plain' }).end(next === 200 ? 'ok' : 'kapot');
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;

  server = await startTestServer({ template: 'empty' });
  world = await createWorld(server.ownerDb);
  appDb = createDb(createPool(server.db.appUrl, { max: 4 }));
  const jobs = [...jobDefinitions.filter((j) => j.queue !== WEBHOOK_QUEUE), ...webhookJobs({ maxAttempts: 3, retryDelaySeconds: 1, timeoutMs: 500, publicUrl: server.baseUrl })];
  worker = await startJobWorker({ ownerUrl: server.db.ownerUrl, ownerDb: server.ownerDb, appDb, jobs, schedule: false, pollingIntervalSeconds: 0.5 });
  admin = await loginAs(server.baseUrl, ROLE_USERS.admin);
  coach = await loginAs(server.baseUrl, ROLE_USERS.jobCoach);
}, 60_000);

afterAll(async () => {
  await worker?.stop();
  await appDb?.destroy();
  await server?.close();
  receiver?.closeAllConnections();
  await new Promise((r) => receiver?.close(r));
});

const subscribe = async (path: string, eventTypes: string[]) => {
  const res = await admin.post('/api/v1/webhook-subscriptions', { name: `Partner ${path}`, url: `${receiverUrl}${path}`, eventTypes });
  expect(res.status).toBe(201);
  return res.body as { id: string; secret: string };
};

const planPath = () => `/api/v1/residents/${world.residents.ov1}/plan`;

describe('webhook subscriptions', () => {
  it('only the functional administrator manages them; the secret is shown once', async () => {
    expect((await coach.get('/api/v1/webhook-subscriptions')).status).toBe(403);
    expect((await coach.post('/api/v1/webhook-subscriptions', { name: 'x', url: `${receiverUrl}/x`, eventTypes: ['nl.samenplan.plan.gewijzigd'] })).status).toBe(403);
    expect((await coach.get('/api/v1/webhook-deliveries')).status).toBe(403);
    const bad = await admin.post('/api/v1/webhook-subscriptions', { name: 'x', url: 'ftp://partner.example/x', eventTypes: ['nl.samenplan.iets'] });
    expect(bad.status).toBe(400);
    expect(bad.body.invalidParams.map((p: { name: string }) => p.name).sort()).toEqual(['eventTypes.0', 'url']);
    const made = await subscribe('/lijst', ['nl.samenplan.uitstroom.geregistreerd']);
    expect(made.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const list = await admin.get('/api/v1/webhook-subscriptions');
    expect(list.body.total).toBe(1);
    expect(list.body.items[0]).toMatchObject({ id: made.id, url: `${receiverUrl}/lijst`, active: true, eventTypes: ['nl.samenplan.uitstroom.geregistreerd'] });
    expect(JSON.stringify(list.body)).not.toContain(made.secret);
    expect((await admin.patch('/api/v1/webhook-subscriptions/00000000-0000-4000-8000-000000000000', { active: false })).status).toBe(404);
    expect((await coach.patch(`/api/v1/webhook-subscriptions/${made.id}`, { active: false })).status).toBe(404);
    expect((await admin.patch(`/api/v1/webhook-subscriptions/${made.id}`, { active: false })).body.active).toBe(false);
  });
});

describe('delivery', () => {
  it('a plan change reaches the partner as a signed CloudEvent, once, after two 500s; each attempt is logged', async () => {
    const sub = await subscribe('/partner', ['nl.samenplan.plan.gewijzigd', 'nl.samenplan.plan.akkoord']);
    script.set('/partner', [500, 500, 200]);
    const created = await coach.post(planPath(), { goals: [{ title: 'Werk vinden in de zorg' }] });
    expect(created.status).toBe(201);
    const planId = created.body.id as string;
    const changed = await coach.patch(planPath(), { agreement: { agreedOn: '2026-11-30', how: 'inPerson' } }, { 'if-match': created.headers.get('etag')! });
    expect(changed.status).toBe(200);
    await worker.idle(30_000);

    const mine = received.filter((r) => r.path === '/partner');
    const byEvent = new Map<string, Received[]>();
    for (const r of mine) byEvent.set(String(r.headers['webhook-id']), [...(byEvent.get(String(r.headers['webhook-id'])) ?? []), r]);
    // Two events (changed and agreed), each retried with the same id until a 200, and accepted exactly once.
    expect(byEvent.size).toBe(2);
    expect(mine.map((r) => r.answered).sort()).toEqual([200, 200, 500, 500]);
    for (const attempts of byEvent.values()) expect(attempts.filter((a) => a.answered === 200)).toHaveLength(1);

    const types: string[] = [];
    for (const r of mine) {
      const h = { id: String(r.headers['webhook-id']), timestamp: String(r.headers['webhook-timestamp']), signature: String(r.headers['webhook-signature']) };
      expect(verifySignature(sub.secret, h, r.body, Math.floor(Date.now() / 1000))).toBe(true);
      expect(verifySignature('whsec_een-andere-sleutel-van-minstens-32-tekens', h, r.body, Math.floor(Date.now() / 1000))).toBe(false);
      expect(r.headers['content-type']).toContain('application/cloudevents+json');
      const ce = HTTP.toEvent({ headers: r.headers as Record<string, string>, body: r.body }) as { [k: string]: unknown };
      expect(ce.id).toBe(h.id);
      expect(ce.specversion).toBe('1.0');
      expect(ce.source).toBe(`urn:nld:samenplan:gemeente:${world.utrecht}`);
      expect(ce.subject).toBe(planId);
      expect(ce.dataref).toBe(`${server.baseUrl}/api/v1/residents/${world.residents.ov1}/plan`);
      expect(ce.data).toMatchObject({ planId, version: 2 });
      types.push(String(ce.type));
      // Low-information: no name, BSN or address of the resident in the event.
      const person = await sql<{ bsn: string; family_name: string; street: string; postcode: string }>`SELECT bsn, family_name, street, postcode FROM residents WHERE id = ${world.residents.ov1}`.execute(server.ownerDb);
      const p = person.rows[0]!;
      for (const v of [p.bsn, p.family_name, p.street, p.postcode]) expect(r.body).not.toContain(v);
    }
    expect([...new Set(types)].sort()).toEqual(['nl.samenplan.plan.akkoord', 'nl.samenplan.plan.gewijzigd']);

    const deliveries = await admin.get('/api/v1/webhook-deliveries?status=delivered');
    expect(deliveries.body.total).toBe(2);
    for (const d of deliveries.body.items) expect(d).toMatchObject({ status: 'delivered', attempts: 2, lastStatus: 200, subject: planId, subscription: { id: sub.id } });
    // Every attempt is a processing for the resident (PA-039): 2 failed and 2 delivered.
    const pseudonym = pseudonymise(TEST_PSEUDONYM_KEY, world.utrecht, world.residents.ov1);
    const log = await sql<{ status: string; n: number }>`
      SELECT status, count(*)::int AS n FROM processing_log
      WHERE processing_activity_id = 'PA-039' AND action = 'webhooks.deliver' AND ${pseudonym} = ANY(data_subject_ids) GROUP BY status ORDER BY status`.execute(server.ownerDb);
    expect(log.rows).toEqual([{ status: 'error', n: 2 }, { status: 'ok', n: 2 }]);
    // Later runs of the job (at least once) send nothing again.
    const before = received.length;
    const { rows } = await sql<{ id: string; municipality_id: string }>`SELECT id, municipality_id FROM webhook_deliveries`.execute(server.ownerDb);
    for (const r of rows) await worker.send(WEBHOOK_QUEUE, { deliveryId: r.id, municipalityId: r.municipality_id });
    await worker.idle(10_000);
    expect(received.length).toBe(before);
  }, 60_000);

  it('a receiver that hangs is cut off and retried; after the last attempt the delivery is dead, and can be sent again', async () => {
    const sub = await subscribe('/hangt', ['nl.samenplan.uitstroom.geregistreerd']);
    script.set('/hangt', ['hang']);
    const res = await coach.post(`/api/v1/residents/${world.residents.ov2}/outflows`, { reason: 'education', outflowOn: '2026-02-01' });
    expect(res.status).toBe(201);
    const t0 = Date.now();
    await worker.idle(30_000);
    expect(received.filter((r) => r.path === '/hangt')).toHaveLength(3);
    expect(received.filter((r) => r.path === '/lijst')).toHaveLength(0); // switched off in the first test
    const dead = await admin.get('/api/v1/webhook-deliveries?status=dead');
    expect(dead.body.total).toBe(1);
    const d = dead.body.items[0];
    expect(d).toMatchObject({ status: 'dead', attempts: 3, lastStatus: null, lastError: 'Geen antwoord binnen 500 ms', eventType: 'nl.samenplan.uitstroom.geregistreerd', subscription: { id: sub.id } });
    expect(Date.now() - t0).toBeLessThan(30_000);
    // Meanwhile others were served (nothing waited for the receiver).
    expect((await coach.get(`/api/v1/residents/${world.residents.ov1}`)).status).toBe(200);

    script.set('/hangt', [200]);
    expect((await coach.post(`/api/v1/webhook-deliveries/${d.id}/redeliveries`)).status).toBe(404);
    const again = await admin.post(`/api/v1/webhook-deliveries/${d.id}/redeliveries`);
    expect(again.status).toBe(202);
    expect(again.body).toMatchObject({ status: 'pending', attempts: 0 });
    expect((await admin.post(`/api/v1/webhook-deliveries/${d.id}/redeliveries`)).status).toBe(409);
    await worker.idle(30_000);
    const hung = received.filter((r) => r.path === '/hangt');
    expect(hung.map((r) => r.answered)).toEqual([0, 0, 0, 200]);
    expect(new Set(hung.map((r) => r.headers['webhook-id'])).size).toBe(1);
    const ce = HTTP.toEvent({ headers: hung[3]!.headers as Record<string, string>, body: hung[3]!.body }) as { [k: string]: unknown };
    expect(ce.type).toBe('nl.samenplan.uitstroom.geregistreerd');
    expect(ce.data).toEqual({ outflowId: res.body.id, placementId: null });
  }, 60_000);

  it('an event of a change that rolls back is never delivered', async () => {
    await subscribe('/terugdraai', ['nl.samenplan.plan.gewijzigd']);
    const before = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM webhook_deliveries`.execute(server.ownerDb)).rows[0]!.n;
    const principal = { municipalityId: world.utrecht } as Parameters<typeof publishEvent>[1]['principal'];
    let published = 0;
    await expect(
      tenantTransaction(appDb, jobScope(world.utrecht), async (tx) => {
        published = await publishEvent(tx, { principal, pseudonymKey: TEST_PSEUDONYM_KEY }, {
          type: 'nl.samenplan.plan.gewijzigd',
          residentId: world.residents.ov3,
          subject: world.residents.ov3,
          dataref: '/api/v1/residents/x/plan',
          data: {},
        });
        throw new Error('de wijziging mislukt na het publiceren');
      }),
    ).rejects.toThrow('mislukt');
    expect(published).toBe(2); // /partner and /terugdraai
    await worker.idle(10_000);
    expect((await sql<{ n: number }>`SELECT count(*)::int AS n FROM webhook_deliveries`.execute(server.ownerDb)).rows[0]!.n).toBe(before);
    expect((await sql<{ n: number }>`SELECT count(*)::int AS n FROM job_outbox`.execute(server.ownerDb)).rows[0]!.n).toBe(0);
    expect(received.filter((r) => r.path === '/terugdraai')).toHaveLength(0);
  }, 30_000);
});
