import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, loginAs } from '../helpers/client.ts';
import { ROLE_USERS, createWorld } from '../helpers/fixtures.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ template: 'empty', config: { loginRateLimit: 3, demoLogin: true } });
  await createWorld(server.ownerDb);
});

afterAll(async () => {
  await server?.close();
});

describe('session security', () => {
  it('rate-limits login attempts with a 429 problem in Dutch', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await new ApiClient(server.baseUrl).post('/api/v1/session/demo', { username: 'onbekend' })).status);
    expect(statuses.slice(0, 3)).toEqual([400, 400, 400]);
    const limited = await new ApiClient(server.baseUrl).post('/api/v1/session/demo', { username: ROLE_USERS.jobCoach });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toContain('application/problem+json');
    expect(limited.body.title).toBe('Te veel verzoeken');
  });

  it("the session carries the municipality's own words: Utrecht wijk and buurtteam, Arnhem gebied and gebiedsteam", async () => {
    const s2 = await startTestServer({ template: 'empty' });
    try {
      await createWorld(s2.ownerDb);
      const utrecht = await (await loginAs(s2.baseUrl, ROLE_USERS.jobCoach)).get('/api/v1/session');
      const arnhem = await (await loginAs(s2.baseUrl, ROLE_USERS.jobCoachOtherMunicipality)).get('/api/v1/session');
      expect(utrecht.body.user.municipality.terms).toEqual({ area: 'wijk', partnerTeam: 'buurtteam' });
      expect(arnhem.body.user.municipality.terms).toEqual({ area: 'gebied', partnerTeam: 'gebiedsteam' });
      // Only these words: the database refuses others.
      await expect(sql`UPDATE municipalities SET partner_team_term = 'sociaal team'`.execute(s2.ownerDb)).rejects.toThrow(/check/i);
    } finally {
      await s2.close();
    }
  });

  it('a session idle for longer than the idle timeout, or past its expiry, no longer works', async () => {
    const s2 = await startTestServer({ template: 'empty' });
    try {
      await createWorld(s2.ownerDb);
      const idle = await loginAs(s2.baseUrl, ROLE_USERS.jobCoach);
      const expired = await loginAs(s2.baseUrl, ROLE_USERS.teamLead);
      expect((await idle.get('/api/v1/residents')).status).toBe(200);
      await sql`UPDATE sessions SET last_seen_at = now() - interval '31 minutes'
        WHERE staff_user_id = (SELECT id FROM staff_users WHERE username = ${ROLE_USERS.jobCoach})`.execute(s2.ownerDb);
      await sql`UPDATE sessions SET expires_at = now() - interval '1 second'
        WHERE staff_user_id = (SELECT id FROM staff_users WHERE username = ${ROLE_USERS.teamLead})`.execute(s2.ownerDb);
      expect((await idle.get('/api/v1/residents')).status).toBe(401);
      expect((await expired.get('/api/v1/session')).status).toBe(401);
    } finally {
      await s2.close();
    }
  });

  it('the demo login is off unless configured, and then answers 404', async () => {
    const s3 = await startTestServer({ template: 'empty', config: { demoLogin: false } });
    try {
      await createWorld(s3.ownerDb);
      const res = await new ApiClient(s3.baseUrl).post('/api/v1/session/demo', { username: ROLE_USERS.jobCoach });
      expect(res.status).toBe(404);
      const options = await new ApiClient(s3.baseUrl).get('/api/v1/session/options');
      expect(options.body).toEqual({ demoLogin: false, oidc: false, demoUsers: [] });
    } finally {
      await s3.close();
    }
  });

  it('the session cookie of a deactivated user stops working at once', async () => {
    const s4 = await startTestServer({ template: 'empty' });
    try {
      await createWorld(s4.ownerDb);
      const c = await loginAs(s4.baseUrl, ROLE_USERS.jobCoachOtherArea);
      expect((await c.get('/api/v1/session')).status).toBe(200);
      await s4.ownerDb.updateTable('staff_users').set({ active: false }).where('username', '=', ROLE_USERS.jobCoachOtherArea).execute();
      expect((await c.get('/api/v1/session')).status).toBe(401);
    } finally {
      await s4.close();
    }
  });
});
