import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { promisify } from 'node:util';
import pg from 'pg';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pseudonymise } from '../../src/platform/processing-log/pseudonym.ts';
import { loginAs, type ApiClient } from '../helpers/client.ts';
import { TEST_PSEUDONYM_KEY } from '../helpers/db.ts';
import { ROLE_USERS, createWorld, type World } from '../helpers/fixtures.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

const run = promisify(execFile);
const logLines: string[] = [];
const logStream = new Writable({
  write(chunk, _enc, cb) {
    logLines.push(String(chunk));
    cb();
  },
});

let server: TestServer;
let world: World;
let wm: ApiClient;
const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';

async function entries(where: { traceId?: string; action?: string }) {
  let q = server.ownerDb.selectFrom('processing_log_entries').selectAll().orderBy('id').orderBy('data_subject_id');
  if (where.traceId) q = q.where('trace_id', '=', where.traceId);
  if (where.action) q = q.where('action', '=', where.action);
  return q.execute();
}

const pseudo = (residentId: string) => pseudonymise(TEST_PSEUDONYM_KEY, world.utrecht, residentId);

beforeAll(async () => {
  server = await startTestServer({ template: 'empty', config: { logLevel: 'info' }, logStream });
  world = await createWorld(server.ownerDb);
  wm = await loginAs(server.baseUrl, ROLE_USERS.jobCoach);
});

afterAll(async () => {
  await server?.close();
});

describe('processing log (Logboek Dataverwerkingen)', () => {
  it('a list view writes one logical entry per resident shown, in one stored row, under the caller’s trace', async () => {
    const res = await wm.get('/api/v1/residents', { traceparent: `00-${TRACE}-00f067aa0ba902b7-01` });
    expect(res.status).toBe(200);
    expect(res.headers.get('traceparent')).toMatch(new RegExp(`^00-${TRACE}-[0-9a-f]{16}-01$`));
    // The server continues the trace with its own span; each log entry is a child span of it.
    const serverSpan = res.headers.get('traceparent')!.split('-')[2];
    const shown = (res.body.items as Array<{ id: string }>).map((r) => r.id);
    expect(shown).toHaveLength(4);
    const logged = await entries({ traceId: TRACE });
    expect(logged.map((e) => e.data_subject_id).sort()).toEqual(shown.map(pseudo).sort());
    expect(new Set(logged.map((e) => e.id)).size).toBe(1);
    for (const e of logged) {
      expect(e).toMatchObject({
        action: 'residents.list',
        status: 'ok',
        processing_activity_id: 'PA-002',
        processing_activity_version: 1,
        actor_id: world.users[ROLE_USERS.jobCoach],
        actor_role: 'jobCoach',
        parent_span_id: serverSpan,
        data_subject_type: 'resident',
      });
      expect(e.span_id).toMatch(/^[0-9a-f]{16}$/);
      expect(e.ended_at.getTime()).toBeGreaterThanOrEqual(e.started_at.getTime());
      // Pseudonymised: the resident id itself never appears.
      expect(shown).not.toContain(e.data_subject_id);
    }
  });

  it('reads, BSN reveals and writes each log their own activity; a refused one is logged as a failed attempt', async () => {
    const id = world.residents.ov4;
    const before = (await entries({})).length;
    await wm.get(`/api/v1/residents/${id}`);
    await wm.get(`/api/v1/residents/${id}/bsn`);
    await wm.post(`/api/v1/residents/${id}/contact-moments`, { occurredAt: '2026-11-02T09:30:00+01:00', channel: 'inPerson' });
    const after = await entries({});
    const added = after.slice(before).map((e) => [e.action, e.processing_activity_id, e.data_subject_id]);
    expect(added).toEqual([
      ['residents.read', 'PA-001', pseudo(id)],
      ['residents.bsn.reveal', 'PA-006', pseudo(id)],
      ['residents.contactMoments.create', 'PA-001', pseudo(id)],
    ]);
    const count = (await entries({})).length;
    expect((await wm.get(`/api/v1/residents/${world.residents.zu1}`)).status).toBe(404);
    expect((await wm.get(`/api/v1/residents/${world.residents.ar1}/bsn`)).status).toBe(404);
    // Nothing was shown, but the attempt is accountable: status error, the resident of the path (pseudonymised).
    expect((await entries({})).slice(count).map((e) => [e.action, e.status, e.data_subject_id])).toEqual([
      ['residents.read', 'error', pseudo(world.residents.zu1)],
      ['residents.bsn.reveal', 'error', pseudo(world.residents.ar1)],
    ]);
    // A request the access rule refuses before the use case starts (no permission) logs nothing.
    const privacy = await loginAs(server.baseUrl, ROLE_USERS.privacyOfficer);
    const before2 = (await entries({})).length;
    expect((await privacy.get(`/api/v1/residents/${world.residents.ov4}`)).status).toBe(404);
    expect((await entries({})).length).toBe(before2);
  });

  it('a write that fails validation leaves neither data nor log behind', async () => {
    const count = (await entries({})).length;
    const residents = await server.ownerDb.selectFrom('residents').select('id').execute();
    const res = await wm.post('/api/v1/residents', {
      bsn: '123456789',
      givenNames: 'Test',
      familyName: 'Persoon',
      dateOfBirth: '1990-01-01',
      street: 'Straat',
      houseNumber: '1',
      postcode: '3562AB',
      city: 'Utrecht',
      householdType: 'single',
      educationLevel: 'mbo2to4',
    });
    expect(res.status).toBe(400);
    expect((await server.ownerDb.selectFrom('residents').select('id').execute()).length).toBe(residents.length);
    expect((await entries({})).length).toBe(count);
  });

  it('the privacy officer sees who processed a resident’s data, and that inspection is logged too', async () => {
    const privacy = await loginAs(server.baseUrl, ROLE_USERS.privacyOfficer);
    const res = await privacy.get(`/api/v1/residents/${world.residents.ov4}/processing-log`);
    expect(res.status).toBe(200);
    const actions = (res.body.items as Array<{ action: string; actor: { displayName: string } }>).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['residents.read', 'residents.bsn.reveal', 'residents.list']));
    expect(res.body.items[0].actor.displayName).toBe('Test wm.ov');
    expect(res.body.items[0].activity.legalBasis).toMatch(/AVG|Participatiewet/);
    const inspections = await entries({ action: 'processingLog.inspect' });
    expect(inspections.map((e) => e.data_subject_id)).toEqual([pseudo(world.residents.ov4)]);
  });

  it('the application role cannot change or delete log rows', async () => {
    const client = new pg.Client({ connectionString: server.db.appUrl });
    await client.connect();
    try {
      await client.query("SELECT set_config('samenplan.municipality_id', $1, false)", [world.utrecht]);
      expect((await client.query('SELECT count(*)::int AS n FROM processing_log')).rows[0].n).toBeGreaterThan(0);
      await expect(client.query("UPDATE processing_log SET action = 'x'")).rejects.toMatchObject({ code: '42501' });
      await expect(client.query('DELETE FROM processing_log')).rejects.toMatchObject({ code: '42501' });
      await expect(client.query('TRUNCATE processing_log')).rejects.toMatchObject({ code: '42501' });
      await expect(client.query('UPDATE processing_log_chain SET last_seq = 0')).rejects.toMatchObject({ code: '42501' });
    } finally {
      await client.end();
    }
  });

  it('the application role can ask for sealing: every row gets the next seq of its municipality and a hash', async () => {
    const client = new pg.Client({ connectionString: server.db.appUrl });
    await client.connect();
    try {
      const waiting = Number((await sql<{ n: string }>`SELECT count(*) AS n FROM processing_log WHERE seq IS NULL`.execute(server.ownerDb)).rows[0]!.n);
      expect(waiting).toBeGreaterThan(0);
      const sealed = (await client.query('SELECT processing_log_seal(100000) AS n')).rows[0].n;
      expect(sealed).toBe(waiting);
    } finally {
      await client.end();
    }
    const rows = await sql<{ municipality_id: string; seq: string; hash: Buffer | null }>`
      SELECT municipality_id, seq::text AS seq, hash FROM processing_log ORDER BY municipality_id, seq`.execute(server.ownerDb);
    const perMunicipality = new Map<string, number[]>();
    for (const r of rows.rows) {
      expect(r.hash).not.toBeNull();
      perMunicipality.set(r.municipality_id, [...(perMunicipality.get(r.municipality_id) ?? []), Number(r.seq)]);
    }
    for (const seqs of perMunicipality.values()) expect(seqs).toEqual(seqs.map((_s, i) => i + 1));
  });

  it('no personal data reaches the application log', async () => {
    await wm.get('/api/v1/residents?q=Visser');
    const bsn = (await server.ownerDb.selectFrom('residents').select('bsn').where('id', '=', world.residents.ov4).executeTakeFirstOrThrow()).bsn;
    await wm.get(`/api/v1/residents?q=${bsn}`);
    const text = logLines.join('');
    expect(text).toContain('"route":"/api/v1/residents"');
    expect(text).not.toContain('Visser');
    expect(text).not.toContain(bsn);
    expect(text).not.toContain('samenplan_session');
  });
});

describe('samenplan audit verify', () => {
  const cli = (env: Record<string, string>) =>
    run('node', [path.resolve('bin/samenplan.mjs'), 'audit', 'verify'], {
      env: { ...process.env, ...env, DATABASE_URL: server.db.ownerUrl, SAMENPLAN_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'sp-')), LOG_LEVEL: 'silent' },
    });

  it('passes on the untouched log and fails after a row is altered, naming the row', async () => {
    const ok = await cli({});
    expect(ok.stderr).toMatch(/intact: \d+ regels/);
    const victim = await server.ownerDb.selectFrom('processing_log').select(['municipality_id', sql<string>`seq::text`.as('seq')]).orderBy('seq').limit(1).offset(1).executeTakeFirstOrThrow();
    await sql`UPDATE processing_log SET action = 'residents.nothingToSeeHere' WHERE municipality_id = ${victim.municipality_id} AND seq = ${victim.seq}::bigint`.execute(server.ownerDb);
    const failed = await cli({}).then(
      () => null,
      (err: { code: number; stderr: string }) => err,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toContain('LOGBOEK GEMANIPULEERD');
    expect(failed?.stderr).toContain(`regel ${victim.seq}: hash`);
  });

  it('detects a deleted row even when the rest is untouched', async () => {
    // Fresh server so the previous tampering does not mask this one.
    const s2 = await startTestServer({ template: 'empty' });
    try {
      const w2 = await createWorld(s2.ownerDb);
      const c = await loginAs(s2.baseUrl, ROLE_USERS.jobCoach);
      for (const id of [w2.residents.ov1, w2.residents.ov2, w2.residents.ov3]) await c.get(`/api/v1/residents/${id}`);
      const env = { DATABASE_URL: s2.db.ownerUrl, SAMENPLAN_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'sp-')) };
      const run2 = () => run('node', [path.resolve('bin/samenplan.mjs'), 'audit', 'verify'], { env: { ...process.env, ...env } });
      await expect(run2()).resolves.toBeTruthy();
      await sql`DELETE FROM processing_log WHERE seq = 2`.execute(s2.ownerDb);
      const err = await run2().then(
        () => null,
        (e: { code: number; stderr: string }) => e,
      );
      expect(err?.code).toBe(1);
      expect(err?.stderr).toMatch(/regel 3: (gap|link)/);
    } finally {
      await s2.close();
    }
  });

  it('passes after hundreds of ordinary API calls (two-digit and three-digit sequence numbers), in one line off a terminal', async () => {
    const s3 = await startTestServer({ template: 'empty' });
    try {
      const w3 = await createWorld(s3.ownerDb);
      const c = await loginAs(s3.baseUrl, ROLE_USERS.jobCoach);
      const ids = [w3.residents.ov1, w3.residents.ov2, w3.residents.ov3, w3.residents.ov4];
      for (let i = 0; i < 60; i += 1) {
        await Promise.all([...ids.map((id) => c.get(`/api/v1/residents/${id}`)), c.get('/api/v1/residents')]);
      }
      const env = { ...process.env, DATABASE_URL: s3.db.ownerUrl, SAMENPLAN_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'sp-')) };
      const ok = await run('node', [path.resolve('bin/samenplan.mjs'), 'audit', 'verify'], { env });
      const line = ok.stderr.split('\n').filter((l) => l.startsWith('Logboek'));
      expect(line).toHaveLength(1);
      const checked = Number(/intact: (\d+) regels/.exec(line[0]!)?.[1]);
      expect(checked).toBeGreaterThanOrEqual(300);
      expect(line[0]).toMatch(/regels\/s/);
    } finally {
      await s3.close();
    }
  });

  it('reports rows left unsealed longer than the threshold as a finding (exit 3), then seals them', async () => {
    const s4 = await startTestServer({ template: 'empty' });
    try {
      const w4 = await createWorld(s4.ownerDb);
      await sql`INSERT INTO processing_log (municipality_id, entry_id, trace_id, span_id, action, status, started_at, ended_at,
          processing_activity_id, processing_activity_version, data_subject_ids, actor_id, actor_role)
        VALUES (${w4.utrecht}, gen_random_uuid(), ${'a'.repeat(32)}, ${'b'.repeat(16)}, 'residents.read', 'ok',
          now() - interval '10 minutes', now() - interval '10 minutes', 'PA-001', 1, ARRAY['x'], gen_random_uuid(), 'jobCoach')`.execute(s4.ownerDb);
      const env = { ...process.env, DATABASE_URL: s4.db.ownerUrl, SAMENPLAN_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'sp-')) };
      const verify = (args: string[] = []) =>
        run('node', [path.resolve('bin/samenplan.mjs'), 'audit', 'verify', ...args], { env }).then(
          (r) => ({ code: 0, stderr: r.stderr }),
          (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
        );
      // Ten minutes is under a threshold of an hour: no finding.
      expect((await verify(['--unsealed-after', '3600'])).code).toBe(0);
      await sql`INSERT INTO processing_log (municipality_id, entry_id, trace_id, span_id, action, status, started_at, ended_at,
          processing_activity_id, processing_activity_version, data_subject_ids, actor_id, actor_role)
        VALUES (${w4.utrecht}, gen_random_uuid(), ${'c'.repeat(32)}, ${'d'.repeat(16)}, 'residents.read', 'ok',
          now() - interval '5 minutes', now() - interval '5 minutes', 'PA-001', 1, ARRAY['y'], gen_random_uuid(), 'jobCoach')`.execute(s4.ownerDb);
      const finding = await verify();
      expect(finding.code).toBe(3);
      expect(finding.stderr).toMatch(/BEVINDING: 1 regel\(s\) waren langer dan 60 s onverzegeld/);
      expect(finding.stderr).not.toContain('GEMANIPULEERD');
      // The first run sealed it: the next run is clean.
      expect((await verify()).code).toBe(0);
      expect((await verify(['--unsealed-after', 'soms'])).code).toBe(2);
    } finally {
      await s4.close();
    }
  });
});
