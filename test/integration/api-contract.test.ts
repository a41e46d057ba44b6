import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, loginAs } from '../helpers/client.ts';
import { ROLE_USERS, createWorld, type World } from '../helpers/fixtures.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

const run = promisify(execFile);
let server: TestServer;
let world: World;

beforeAll(async () => {
  server = await startTestServer({ template: 'empty', config: { publicUrl: 'https://samenplan.example.org' } });
  world = await createWorld(server.ownerDb);
});

afterAll(async () => {
  await server?.close();
});

describe('HTTP contract', () => {
  it('health answers 200 with the API-Version header', async () => {
    const res = await new ApiClient(server.baseUrl).get('/api/v1/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
    expect(res.headers.get('api-version')).toBe('1.0.0');
  });

  it('unknown API paths answer 404 problem+json in Dutch', async () => {
    const res = await new ApiClient(server.baseUrl).get('/api/v1/bestaat-niet');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body).toMatchObject({ status: 404, title: 'Niet gevonden' });
  });

  it('the OpenAPI 3.1 document passes the NL API Design Rules linter with zero problems', async () => {
    const res = await new ApiClient(server.baseUrl).get('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/residents', '/residents/{id}', '/health', '/session/demo']));
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'oas-')), 'openapi.json');
    writeFileSync(file, JSON.stringify(res.body));
    const ruleset = path.resolve('standards/nl-api-design-rules.spectral.yml');
    const report = path.join(path.dirname(file), 'report.json');
    await run(path.resolve('node_modules/.bin/spectral'), ['lint', '--format', 'json', '--output', report, '--fail-severity', 'warn', '-r', ruleset, file]).catch(() => undefined);
    const problems = JSON.parse(readFileSync(report, 'utf8')) as Array<{ code: string; message: string; path: string[] }>;
    expect(problems.map((p) => `${p.code} ${p.path.join('.')}: ${p.message}`)).toEqual([]);
  }, 60_000);
});

describe('organisation routes', () => {
  const matrix: Array<[keyof typeof ROLE_USERS, Record<string, number>]> = [
    ['jobCoach', { areas: 200, teams: 200, partners: 200, staff: 200 }],
    ['partnerProfessional', { areas: 200, teams: 200, partners: 200, staff: 403 }],
    ['policyOfficer', { areas: 200, teams: 200, partners: 200, staff: 403 }],
    ['researcher', { areas: 403, teams: 403, partners: 403, staff: 403 }],
    ['admin', { areas: 200, teams: 200, partners: 200, staff: 200 }],
  ];
  for (const [persona, expected] of matrix) {
    it(`${persona}: ${JSON.stringify(expected)}`, async () => {
      const c = await loginAs(server.baseUrl, ROLE_USERS[persona]);
      const got = {
        areas: (await c.get('/api/v1/areas')).status,
        teams: (await c.get('/api/v1/teams')).status,
        partners: (await c.get('/api/v1/partner-organisations')).status,
        staff: (await c.get('/api/v1/staff?role=jobCoach')).status,
      };
      expect(got).toEqual(expected);
    });
  }

  it('every list holds only the caller’s own municipality', async () => {
    const utrecht = await loginAs(server.baseUrl, ROLE_USERS.jobCoach);
    const arnhem = await loginAs(server.baseUrl, ROLE_USERS.jobCoachOtherMunicipality);
    expect((await utrecht.get('/api/v1/areas')).body.items.map((a: { id: string }) => a.id).sort()).toEqual(
      [world.areas.overvecht, world.areas.zuilen].sort(),
    );
    expect((await arnhem.get('/api/v1/areas')).body.items.map((a: { id: string }) => a.id)).toEqual([world.areas.noord]);
    const staff = (await arnhem.get('/api/v1/staff?role=jobCoach')).body.items.map((s: { id: string }) => s.id).sort();
    expect(staff).toEqual([world.users['wm.ar'], world.users['wm.ar2']].sort());
  });
});
