import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, loginAs } from '../helpers/client.ts';
import { TEST_PSEUDONYM_KEY } from '../helpers/db.ts';
import { ROLE_USERS, createWorld, type World } from '../helpers/fixtures.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

// ASVS level 2 evidence (issue 16, docs/security/asvs.md): security headers, cookie flags (over https), session
// fixation, CSRF, and that secrets never reach the application log.

const logLines: string[] = [];
const logStream = new Writable({
  write(chunk, _enc, cb) {
    logLines.push(String(chunk));
    cb();
  },
});
let server: TestServer;
let secure: TestServer;
let world: World;

beforeAll(async () => {
  server = await startTestServer({ template: 'empty', config: { logLevel: 'trace' }, logStream });
  world = await createWorld(server.ownerDb);
  secure = await startTestServer({ template: 'empty', config: { publicUrl: 'https://samenplan.gemeente.example' } });
  await createWorld(secure.ownerDb);
});

afterAll(async () => {
  await server?.close();
  await secure?.close();
});

describe('ASVS evidence', () => {
  it('V3.4 / V13: security headers on API and web responses (CSP, frame-ancestors, nosniff, referrer policy, HSTS on https)', async () => {
    const res = await fetch(`${server.baseUrl}/api/v1/health`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-powered-by')).toBeNull();
    expect(res.headers.get('cache-control')).toBe('no-store');
    const https = await fetch(`${secure.baseUrl}/api/v1/health`);
    expect(https.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
  });

  it('V3.3: the session cookie is HttpOnly, SameSite=Lax, Path=/ and, behind https, Secure', async () => {
    const login = async (base: string) => {
      const res = await fetch(`${base}/api/v1/session/demo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: ROLE_USERS.jobCoach }) });
      expect(res.status).toBe(201);
      return res.headers.getSetCookie().find((c) => c.startsWith('samenplan_session='))!;
    };
    const plain = await login(server.baseUrl);
    expect(plain).toMatch(/HttpOnly/i);
    expect(plain).toMatch(/SameSite=Lax/i);
    expect(plain).toMatch(/Path=\//);
    const overHttps = await login(secure.baseUrl);
    expect(overHttps).toMatch(/;\s*Secure/i);
  });

  it('V3.2 session fixation: a session id planted before login is never adopted; login issues a fresh token', async () => {
    const planted = 'planted-by-an-attacker-0123456789abcdef';
    const res = await fetch(`${server.baseUrl}/api/v1/session/demo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `samenplan_session=${planted}` },
      body: JSON.stringify({ username: ROLE_USERS.jobCoach }),
    });
    const token = res.headers.getSetCookie().find((c) => c.startsWith('samenplan_session='))!.split(';')[0]!.split('=')[1];
    expect(token).toBeTruthy();
    expect(token).not.toBe(planted);
    const withPlanted = await fetch(`${server.baseUrl}/api/v1/session`, { headers: { cookie: `samenplan_session=${planted}` } });
    expect(withPlanted.status).toBe(401);
    // Two logins of the same person: two different tokens.
    const a = await loginAs(server.baseUrl, ROLE_USERS.jobCoach);
    const b = await loginAs(server.baseUrl, ROLE_USERS.jobCoach);
    expect(a.sessionToken()).not.toBe(b.sessionToken());
  });

  it('V3.5 CSRF: a write with a wrong or missing X-CSRF-Token is refused (403) and changes nothing', async () => {
    const wm = await loginAs(server.baseUrl, ROLE_USERS.jobCoach);
    const path = `/api/v1/residents/${world.residents.ov1}/plan`;
    const wrong = await wm.post(path, {}, { 'x-csrf-token': 'not-the-token' });
    expect(wrong.status).toBe(403);
    const missing = await new ApiClient(server.baseUrl).post(path, {});
    expect([401, 403]).toContain(missing.status);
    expect((await wm.get(path)).status).toBe(404);
  });

  it('V7/V16: secrets never reach the application log: no session token, CSRF token, pseudonym key, BSN or name', async () => {
    logLines.length = 0;
    const wm = await loginAs(server.baseUrl, ROLE_USERS.jobCoach);
    await wm.get(`/api/v1/residents?q=${encodeURIComponent('Jansen')}`);
    await wm.get(`/api/v1/residents/${world.residents.ov1}`);
    await wm.post(`/api/v1/residents/${world.residents.ov1}/plan`, { nonsense: true }, { 'x-csrf-token': 'wrong' });
    await new Promise((r) => setTimeout(r, 100));
    const text = logLines.join('');
    expect(text.length).toBeGreaterThan(0);
    for (const secret of [wm.sessionToken()!, wm.csrfToken!, TEST_PSEUDONYM_KEY, 'Jansen']) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/\b9\d{8}\b/);
    expect(text).not.toMatch(/samenplan_session=/);
  });
});
