import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pseudonymise } from '../../src/platform/processing-log/pseudonym.ts';
import { loginAs, type ApiClient } from '../helpers/client.ts';
import { TEST_PSEUDONYM_KEY } from '../helpers/db.ts';
import { ROLE_USERS, createWorld, type World } from '../helpers/fixtures.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

// Erasure requests (AVG art. 17; issue 16): refused with the legal reason while a legal duty to keep applies (an
// active case; a case closed less than 10 years ago, with the date until which), erased (pseudonymised, consents
// deleted) when none applies; the decision is kept under the pseudonym and logged under PA-042 with its reason.

let server: TestServer;
let world: World;
let privacy: ApiClient;
const bsnOf = async (id: string) => (await sql<{ bsn: string }>`SELECT bsn FROM residents WHERE id = ${id}`.execute(server.ownerDb)).rows[0]!.bsn;
const yearsAgo = (n: number) => new Date(Date.now() - n * 365.25 * 86_400_000).toISOString().slice(0, 10);
const request = async (residentId: string) => privacy.post('/api/v1/privacy/erasure-requests', { bsn: await bsnOf(residentId), reason: 'Brief van de inwoner: wil gewist worden' });

beforeAll(async () => {
  server = await startTestServer({ template: 'empty' });
  world = await createWorld(server.ownerDb);
  privacy = await loginAs(server.baseUrl, ROLE_USERS.privacyOfficer);
});

afterAll(async () => {
  await server?.close();
});

describe('erasure requests', () => {
  it('refused while the case is active (legal duty), and while it closed less than 10 years ago, with the date', async () => {
    const r = world.residents.ov1;
    const active = await request(r);
    expect(active.status).toBe(201);
    expect(active.body).toMatchObject({ decision: 'refused', refusalReason: 'activeCase', retainUntil: null });
    expect(active.body.explanation).toContain('Participatiewet');
    await sql`UPDATE cases SET status = 'closed', closed_on = ${yearsAgo(2)}::date WHERE resident_id = ${r}`.execute(server.ownerDb);
    const recent = await request(r);
    expect(recent.body).toMatchObject({ decision: 'refused', refusalReason: 'legalRetention' });
    expect(recent.body.retainUntil > new Date().toISOString().slice(0, 10)).toBe(true);
    expect((await sql`SELECT 1 FROM residents WHERE id = ${r} AND pseudonymised_at IS NULL`.execute(server.ownerDb)).rows).toHaveLength(1);
  });

  it('erased when no duty applies: identity replaced, consents deleted, decision under the pseudonym, logged PA-042', async () => {
    const r = world.residents.ov2;
    await sql`UPDATE cases SET status = 'closed', closed_on = ${yearsAgo(11)}::date WHERE resident_id = ${r}`.execute(server.ownerDb);
    const bsn = await bsnOf(r);
    const res = await request(r);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ decision: 'erased', refusalReason: null });
    const row = (await sql<{ family_name: string; bsn: string; phone: string | null }>`SELECT family_name, bsn, phone FROM residents WHERE id = ${r}`.execute(server.ownerDb)).rows[0]!;
    expect(row.family_name).toBe('Gepseudonimiseerd');
    expect(row.bsn).not.toBe(bsn);
    expect((await sql`SELECT 1 FROM consents WHERE resident_id = ${r}`.execute(server.ownerDb)).rows).toHaveLength(0);
    const pseudonym = pseudonymise(TEST_PSEUDONYM_KEY, world.utrecht, r);
    const kept = await sql<{ decision: string; subject_pseudonym: string }>`SELECT decision, subject_pseudonym FROM erasure_requests WHERE id = ${res.body.id}`.execute(server.ownerDb);
    expect(kept.rows).toEqual([{ decision: 'erased', subject_pseudonym: pseudonym }]);
    const logged = await sql<{ processing_activity_id: string }>`SELECT processing_activity_id FROM processing_log_entries WHERE data_subject_id = ${pseudonym} AND action = 'privacy.erasure'`.execute(server.ownerDb);
    expect(logged.rows.map((x) => x.processing_activity_id)).toEqual(['PA-042']);
    // The old BSN finds nobody any more.
    const again = await privacy.post('/api/v1/privacy/erasure-requests', { bsn, reason: 'Brief van de inwoner: wil gewist worden' });
    expect(again.status).toBe(404);
  });

  it('only the privacy officer; another municipality’s resident is not found; invalid input is 400 naming the field', async () => {
    const wm = await loginAs(server.baseUrl, ROLE_USERS.jobCoach);
    const denied = await wm.post('/api/v1/privacy/erasure-requests', { bsn: await bsnOf(world.residents.ov3), reason: 'Brief van de inwoner: wil gewist worden' });
    expect([403, 404]).toContain(denied.status);
    expect((await request(world.residents.ar1)).status).toBe(404);
    const bad = await privacy.post('/api/v1/privacy/erasure-requests', { bsn: '123', reason: 'kort' });
    expect(bad.status).toBe(400);
    expect(bad.body.invalidParams.map((p: { name: string }) => p.name).sort()).toEqual(['bsn', 'reason']);
  });

  it('the check first says what the law says and changes nothing; the list shows every decision, without names', async () => {
    const r = world.residents.ov4;
    await sql`UPDATE cases SET status = 'closed', closed_on = ${yearsAgo(3)}::date WHERE resident_id = ${r}`.execute(server.ownerDb);
    const bsn = await bsnOf(r);
    const before = (await sql<{ v: number }>`SELECT version AS v FROM residents WHERE id = ${r}`.execute(server.ownerDb)).rows[0]!.v;
    const decisions = (await privacy.get('/api/v1/privacy/erasure-requests')).body.total as number;
    const check = await privacy.post('/api/v1/privacy/erasure-assessments', { bsn, reason: 'Brief van de inwoner: wil gewist worden' });
    expect(check.status).toBe(200);
    const until = (await sql<{ d: string }>`SELECT (closed_on + interval '10 years')::date::text AS d FROM cases WHERE resident_id = ${r}`.execute(server.ownerDb)).rows[0]!.d;
    expect(check.body).toMatchObject({ decision: 'refused', refusalReason: 'legalRetention', retainUntil: until, resident: { bsnMasked: expect.stringMatching(/\*/) } });
    // Nothing changed, nothing decided; the check itself is in the log (PA-042, with the request's description).
    expect((await sql<{ v: number }>`SELECT version AS v FROM residents WHERE id = ${r}`.execute(server.ownerDb)).rows[0]!.v).toBe(before);
    expect((await privacy.get('/api/v1/privacy/erasure-requests')).body.total).toBe(decisions);
    const pseudonym = pseudonymise(TEST_PSEUDONYM_KEY, world.utrecht, r);
    const logged = await sql<{ a: string }>`SELECT processing_activity_id AS a FROM processing_log_entries WHERE data_subject_id = ${pseudonym} AND action = 'privacy.erasureAssessment'`.execute(server.ownerDb);
    expect(logged.rows.map((x) => x.a)).toEqual(['PA-042']);
    // The officer records the refusal: the list shows it first, with reason and date, and no resident's name or id.
    const decided = await privacy.post('/api/v1/privacy/erasure-requests', { bsn, reason: 'Brief van de inwoner: wil gewist worden' });
    expect(decided.status).toBe(201);
    const list = await privacy.get('/api/v1/privacy/erasure-requests?limit=1');
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ total: decisions + 1, items: [{ id: decided.body.id, decision: 'refused', refusalReason: 'legalRetention', retainUntil: until, decidedBy: expect.any(String) }] });
    expect(JSON.stringify(list.body)).not.toContain(r);
    if (decisions + 1 > 1) expect(list.body.next).toBe('1');
    // Another role gets nothing; another municipality's resident is not found.
    const wm = await loginAs(server.baseUrl, ROLE_USERS.jobCoach);
    expect([403, 404]).toContain((await wm.get('/api/v1/privacy/erasure-requests')).status);
    expect([403, 404]).toContain((await wm.post('/api/v1/privacy/erasure-assessments', { bsn, reason: 'Brief van de inwoner: wil gewist worden' })).status);
    expect((await privacy.post('/api/v1/privacy/erasure-assessments', { bsn: await bsnOf(world.residents.ar1), reason: 'Brief van de inwoner: wil gewist worden' })).status).toBe(404);
  });
});
