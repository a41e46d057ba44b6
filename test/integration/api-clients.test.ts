import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type ApiClient } from '../helpers/client.ts';
import { ROLE_USERS, createWorld, type World } from '../helpers/fixtures.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

// API clients of partner systems (issue 15, ADR 0032): the functional administrator makes a client for a partner
// organisation with scopes; the partner's system gets a token with client credentials at our token endpoint and
// calls the API with it, within its scopes and its organisation's consents; anything else is 403 (a collection) or
// 404 (a record), like for a person; every call is logged with the client as the actor.

let server: TestServer;
let world: World;
let admin: ApiClient;
let coach: ApiClient;
let client: { id: string; secret: string };

const token = (body: Record<string, string>, headers: Record<string, string> = {}) =>
  fetch(`${server.baseUrl}/api/v1/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', ...headers },
    body: new URLSearchParams(body).toString(),
  }).then(async (r) => ({ status: r.status, headers: r.headers, body: (await r.json()) as Record<string, any> }));
const basic = (id: string, secret: string) => ({ authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}` });
const call = (accessToken: string, method: string, path: string, body?: unknown) =>
  fetch(`${server.baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json', ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  }).then(async (r) => ({ status: r.status, body: (await r.json().catch(() => null)) as any }));

beforeAll(async () => {
  server = await startTestServer({ template: 'empty', config: { apiClientRateLimit: 12 } });
  world = await createWorld(server.ownerDb);
  admin = await loginAs(server.baseUrl, ROLE_USERS.admin);
  coach = await loginAs(server.baseUrl, ROLE_USERS.jobCoach);
  // A plan for ov1 (consent for Buurtteam Overvecht) and for ov2 (consent withdrawn).
  for (const r of [world.residents.ov1, world.residents.ov2]) {
    expect((await coach.post(`/api/v1/residents/${r}/plan`, { goals: [{ title: 'Werk vinden in de zorg' }] })).status).toBe(201);
  }
}, 60_000);

afterAll(async () => {
  await server?.close();
});

describe('API clients', () => {
  it('only the functional administrator makes them; the secret is shown once', async () => {
    expect((await coach.post('/api/v1/api-clients', { name: 'x', partnerOrganisationId: world.partners.btOvervecht, scopes: ['plans:read'] })).status).toBe(403);
    expect((await coach.get('/api/v1/api-clients')).status).toBe(403);
    const bad = await admin.post('/api/v1/api-clients', { name: 'x', partnerOrganisationId: world.partners.btOvervecht, scopes: ['residents:update'] });
    expect(bad.status).toBe(400);
    const made = await admin.post('/api/v1/api-clients', { name: 'Buurtteam-systeem', partnerOrganisationId: world.partners.btOvervecht, scopes: ['plans:read'] });
    expect(made.status).toBe(201);
    client = { id: made.body.id, secret: made.body.secret };
    expect(client.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const list = await admin.get('/api/v1/api-clients');
    expect(list.body.items).toEqual([expect.objectContaining({ id: client.id, scopes: ['plans:read'], active: true })]);
    expect(JSON.stringify(list.body)).not.toContain(client.secret);
    const stored = await sql<{ secret_hash: Buffer }>`SELECT secret_hash FROM api_clients`.execute(server.ownerDb);
    expect(stored.rows[0]!.secret_hash.toString('base64url')).not.toBe(client.secret);
  });

  it('the token endpoint: client credentials by Basic or in the form; wrong secret 401, other grant or scope 400', async () => {
    const ok = await token({ grant_type: 'client_credentials' }, basic(client.id, client.secret));
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: 'plans:read' });
    expect(ok.body.access_token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const post = await token({ grant_type: 'client_credentials', client_id: client.id, client_secret: client.secret, scope: 'plans:read' });
    expect(post.status).toBe(200);
    const wrong = await token({ grant_type: 'client_credentials' }, basic(client.id, `${client.secret}x`));
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toBe('invalid_client');
    expect(wrong.headers.get('content-type')).toContain('application/problem+json');
    expect(wrong.headers.get('www-authenticate')).toContain('Basic');
    expect((await token({ grant_type: 'client_credentials' }, basic('00000000-0000-4000-8000-000000000000', client.secret))).body.error).toBe('invalid_client');
    expect((await token({ grant_type: 'password' }, basic(client.id, client.secret))).body.error).toBe('unsupported_grant_type');
    const scope = await token({ grant_type: 'client_credentials', scope: 'plans:read residents:read' }, basic(client.id, client.secret));
    expect(scope.status).toBe(400);
    expect(scope.body.error).toBe('invalid_scope');
  });

  it('calls within its scope and its organisation’s consents; wrong scope 403/404; every call logged with the client as actor', async () => {
    const t = (await token({ grant_type: 'client_credentials' }, basic(client.id, client.secret))).body.access_token as string;
    const plan = await call(t, 'GET', `/api/v1/residents/${world.residents.ov1}/plan`);
    expect(plan.status).toBe(200);
    expect(plan.body.goals.map((g: { title: string }) => g.title)).toEqual(['Werk vinden in de zorg']);
    // No consent for his organisation: 404, as for his professionals.
    expect((await call(t, 'GET', `/api/v1/residents/${world.residents.ov2}/plan`)).status).toBe(404);
    expect((await call(t, 'GET', `/api/v1/residents/${world.residents.ar1}/plan`)).status).toBe(404);
    // Not in its scopes: a record is 404, a collection 403; a write is not possible (no scope grants one).
    expect((await call(t, 'GET', `/api/v1/residents/${world.residents.ov1}`)).status).toBe(404);
    expect((await call(t, 'GET', '/api/v1/residents')).status).toBe(403);
    expect((await call(t, 'POST', `/api/v1/residents/${world.residents.ov1}/plan/goals`, { title: 'x' })).status).toBe(404);
    expect((await call(t, 'GET', '/api/v1/api-clients')).status).toBe(403);
    // Routes for a person's session only (no permission named) do not take a token.
    expect((await call(t, 'GET', '/api/v1/session')).status).toBe(401);
    // No or an unknown token: 401.
    expect((await call('x'.repeat(43), 'GET', `/api/v1/residents/${world.residents.ov1}/plan`)).status).toBe(401);

    const log = await sql<{ actor_id: string; actor_role: string; action: string; status: string }>`
      SELECT actor_id, actor_role, action, status FROM processing_log WHERE actor_id = ${client.id} ORDER BY started_at`.execute(server.ownerDb);
    expect(log.rows.filter((r) => r.status === 'ok')).toEqual([{ actor_id: client.id, actor_role: 'partnerProfessional', action: 'plans.read', status: 'ok' }]);
    expect(log.rows.every((r) => r.actor_role === 'partnerProfessional')).toBe(true);

    // Switched off: its tokens stop working at once.
    expect((await admin.patch(`/api/v1/api-clients/${client.id}`, { active: false })).body.active).toBe(false);
    expect((await call(t, 'GET', `/api/v1/residents/${world.residents.ov1}/plan`)).status).toBe(401);
    expect((await token({ grant_type: 'client_credentials' }, basic(client.id, client.secret))).status).toBe(401);
  });

  it('a client has its own rate limit: past it 429 as a problem, while another client and people go on', async () => {
    const mk = async (name: string) => (await admin.post('/api/v1/api-clients', { name, partnerOrganisationId: world.partners.btOvervecht, scopes: ['plans:read'] })).body as { id: string; secret: string };
    const [one, two] = [await mk('Systeem een'), await mk('Systeem twee')];
    const t1 = (await token({ grant_type: 'client_credentials' }, basic(one.id, one.secret))).body.access_token as string;
    const t2 = (await token({ grant_type: 'client_credentials' }, basic(two.id, two.secret))).body.access_token as string;
    const path = `/api/v1/residents/${world.residents.ov1}/plan`;
    const statuses: number[] = [];
    for (let i = 0; i < 14; i += 1) statuses.push((await call(t1, 'GET', path)).status);
    expect(statuses.slice(0, 12).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(12)).toEqual([429, 429]);
    const limited = await fetch(`${server.baseUrl}${path}`, { headers: { authorization: `Bearer ${t1}` } });
    expect(limited.headers.get('content-type')).toContain('application/problem+json');
    expect(((await limited.json()) as { title: string }).title).toBe('Te veel verzoeken');
    expect((await call(t2, 'GET', path)).status).toBe(200);
    expect((await coach.get(path)).status).toBe(200);
  });
});
