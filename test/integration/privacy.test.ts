import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyProcessingLogChain } from '../../src/platform/processing-log/chain-verify.ts';
import { pseudonymise } from '../../src/platform/processing-log/pseudonym.ts';
import { loginAs, type ApiClient } from '../helpers/client.ts';
import { TEST_PSEUDONYM_KEY } from '../helpers/db.ts';
import { ROLE_USERS, createWorld, type World } from '../helpers/fixtures.ts';
import { folded, pdfToText } from '../helpers/pdf.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

// The privacy officer's pages (issue 10, point 9) over real HTTP: a resident's processing by BSN with a required
// reason (the lookup is logged with it), the log filtered by actor, activity and period (paginated, with the total),
// the register of processing activities, and the subject access export (PDF, CSV, JSON; PA-019). Other roles: 403
// on the collections, 404 on the export; a resident of another municipality: 404.

type Persona = keyof typeof ROLE_USERS;
let server: TestServer;
let world: World;
const clients = new Map<Persona, ApiClient>();
const c = (p: Persona) => clients.get(p)!;
const R = (k: keyof World['residents']) => world.residents[k];
const U = (p: Persona) => world.users[ROLE_USERS[p]]!;
const bsn: Record<string, string> = {};
const REASON = 'Inzageverzoek van de inwoner, ontvangen op 3 december';
const traced = () => {
  const id = randomBytes(16).toString('hex');
  return { id, headers: { traceparent: `00-${id}-${randomBytes(8).toString('hex')}-01` } };
};
const logOf = (traceId: string) => server.ownerDb.selectFrom('processing_log').selectAll().where('trace_id', '=', traceId).execute();

/** A download with the session cookie, as bytes. */
async function download(client: ApiClient, path: string) {
  const res = await fetch(`${server.baseUrl}${path}`, { headers: { cookie: `samenplan_session=${client.sessionToken()}` } });
  return { status: res.status, type: res.headers.get('content-type') ?? '', disposition: res.headers.get('content-disposition') ?? '', bytes: Buffer.from(await res.arrayBuffer()) };
}

beforeAll(async () => {
  server = await startTestServer({ template: 'empty' });
  world = await createWorld(server.ownerDb);
  for (const row of await server.ownerDb.selectFrom('residents').select(['id', 'bsn']).execute()) bsn[row.id] = row.bsn;
  for (const p of Object.keys(ROLE_USERS) as Persona[]) clients.set(p, await loginAs(server.baseUrl, ROLE_USERS[p]));
  // Processing to find back: the Noordwest werkmatcher opens Eva Smit (zu1) twice and shows her BSN once; the
  // buurtteam opens Anna Jansen (ov1) through the consent.
  expect((await c('jobCoachOtherArea').get(`/api/v1/residents/${R('zu1')}`)).status).toBe(200);
  expect((await c('jobCoachOtherArea').get(`/api/v1/residents/${R('zu1')}`)).status).toBe(200);
  expect((await c('jobCoachOtherArea').get(`/api/v1/residents/${R('zu1')}/bsn`)).status).toBe(200);
  expect((await c('partnerProfessional').get(`/api/v1/residents/${R('ov1')}`)).status).toBe(200);
});

afterAll(async () => {
  await server?.close();
});

describe('POST /privacy/lookups', () => {
  it('finds a resident by BSN and shows what the log says about her, newest first, with who and why', async () => {
    const res = await c('privacyOfficer').post('/api/v1/privacy/lookups', { bsn: bsn[R('zu1')], reason: REASON, limit: 2 });
    expect(res.status).toBe(200);
    expect(res.body.resident).toEqual({ id: R('zu1'), name: 'Eva Smit', dateOfBirth: '1980-05-17', bsnMasked: `******${bsn[R('zu1')]!.slice(-3)}` });
    expect(res.body.entries.total).toBe(3);
    expect(res.body.entries.items).toHaveLength(2);
    expect(res.body.entries.next).not.toBeNull();
    const [newest] = res.body.entries.items;
    expect(newest).toMatchObject({
      activity: { id: 'PA-006' },
      actor: { id: U('jobCoachOtherArea'), displayName: 'Test wm.zu', role: 'jobCoach', organisation: 'Utrecht (test)' },
      status: 'ok',
      subjectType: 'resident',
      subjectCount: 1,
      reason: null,
    });
    // The next page: the oldest entry (the first look at her file).
    const next = await c('privacyOfficer').post('/api/v1/privacy/lookups', { bsn: bsn[R('zu1')], reason: REASON, limit: 2, cursor: res.body.entries.next });
    expect(next.body.entries.items.map((e: { activity: { id: string } }) => e.activity.id)).toEqual(['PA-001']);
    expect(next.body.entries.next).toBeNull();
    expect(next.body.entries.total).toBe(3 + 1); // the first lookup is now in her log too
  });

  it('logs the lookup itself (PA-007) for that resident, with the reason given', async () => {
    const t = traced();
    const res = await c('privacyOfficer').post('/api/v1/privacy/lookups', { bsn: `  ${bsn[R('ov1')]!.replace(/(\d{4})(\d{2})(\d{3})/, '$1.$2.$3')} `, reason: '  Klacht over   inzage  door buurtteam ' }, t.headers);
    expect(res.status).toBe(200);
    expect(res.body.resident.id).toBe(R('ov1'));
    expect(res.body.entries.items[0].actor).toMatchObject({ role: 'partnerProfessional', organisation: 'Buurtteam Overvecht' });
    const rows = await logOf(t.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      processing_activity_id: 'PA-007',
      action: 'privacy.lookup',
      actor_id: U('privacyOfficer'),
      actor_role: 'privacyOfficer',
      reason: 'Klacht over inzage door buurtteam',
      data_subject_ids: [pseudonymise(TEST_PSEUDONYM_KEY, world.utrecht, R('ov1'))],
    });
    // And the privacy officer sees his own lookup, with its reason, the next time.
    const again = await c('privacyOfficer').post('/api/v1/privacy/lookups', { bsn: bsn[R('ov1')], reason: REASON });
    expect(again.body.entries.items[0]).toMatchObject({ activity: { id: 'PA-007' }, reason: 'Klacht over inzage door buurtteam', actor: { role: 'privacyOfficer' } });
  });

  it('the reason is in the hash chain (version 3): changing it afterwards breaks the chain at that row', async () => {
    const t = traced();
    expect((await c('privacyOfficer').post('/api/v1/privacy/lookups', { bsn: bsn[R('zu1')], reason: 'Controle van de hash-keten' }, t.headers)).status).toBe(200);
    const clean = await verifyProcessingLogChain(server.ownerDb);
    expect({ breaks: clean.breakCount, altered: clean.alteredFunctions }).toEqual({ breaks: 0, altered: [] });
    const [row] = await logOf(t.id);
    expect(row).toMatchObject({ chain_version: 3, reason: 'Controle van de hash-keten' });
    await server.ownerDb.updateTable('processing_log').set({ reason: 'Een andere, verzonnen reden' }).where('trace_id', '=', t.id).execute();
    const tampered = await verifyProcessingLogChain(server.ownerDb);
    expect(tampered.breakCount).toBe(1);
    expect(tampered.breaks[0]).toMatchObject({ seq: row!.seq });
    await server.ownerDb.updateTable('processing_log').set({ reason: 'Controle van de hash-keten' }).where('trace_id', '=', t.id).execute();
    expect((await verifyProcessingLogChain(server.ownerDb)).breakCount).toBe(0);
  });

  it('refuses a lookup without a reason, or with a wrong BSN, with a Dutch message per field (400), and logs nothing', async () => {
    const t = traced();
    const res = await c('privacyOfficer').post('/api/v1/privacy/lookups', { bsn: '123456789', reason: ' ' }, t.headers);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.invalidParams).toEqual([
      { name: 'bsn', code: 'elfproef', reason: 'Dit BSN klopt niet: controleer de 9 cijfers.' },
      { name: 'reason', code: 'required', reason: 'Geef een reden: waarom bekijkt u de verwerkingen van deze inwoner?' },
    ]);
    const short = await c('privacyOfficer').post('/api/v1/privacy/lookups', { bsn: '12345', reason: 'even kijk' });
    expect(short.body.invalidParams.map((p: { name: string; code: string }) => `${p.name}:${p.code}`)).toEqual(['bsn:format', 'reason:tooShort']);
    const missing = await c('privacyOfficer').post('/api/v1/privacy/lookups', { bsn: bsn[R('zu1')] });
    expect(missing.status).toBe(400);
    expect(missing.body.invalidParams.map((p: { name: string }) => p.name)).toEqual(['reason']);
    expect(await logOf(t.id)).toEqual([]);
  });

  it('a BSN of another municipality, or of nobody, is 404', async () => {
    expect((await c('privacyOfficer').post('/api/v1/privacy/lookups', { bsn: bsn[R('ar1')], reason: REASON })).status).toBe(404);
    const nobody = await c('privacyOfficer').post('/api/v1/privacy/lookups', { bsn: '111222333', reason: REASON });
    expect(nobody.status).toBe(404);
    expect(nobody.body.detail).toContain('Een inwoner met dit BSN in uw gemeente');
  });

  it('every other role gets 403, and nothing is logged', async () => {
    for (const p of ['jobCoach', 'teamLead', 'jobCoachOtherArea', 'partnerProfessional', 'employerAdvisor', 'policyOfficer', 'researcher', 'admin', 'jobCoachOtherMunicipality'] as const) {
      const t = traced();
      const res = await c(p).post('/api/v1/privacy/lookups', { bsn: bsn[R('zu1')], reason: REASON }, t.headers);
      expect(res.status, p).toBe(403);
      expect(await logOf(t.id)).toEqual([]);
    }
  });
});

describe('GET /privacy/processing-log', () => {
  it('filters by actor and activity, paginated with the total', async () => {
    const q = `actor=${U('jobCoachOtherArea')}&activity=PA-001&limit=1`;
    const first = await c('privacyOfficer').get(`/api/v1/privacy/processing-log?${q}`);
    expect(first.status).toBe(200);
    expect(first.body.total).toBe(2);
    expect(first.body.items).toHaveLength(1);
    expect(first.body.items[0]).toMatchObject({ action: 'residents.read', activity: { id: 'PA-001' }, actor: { id: U('jobCoachOtherArea') } });
    const second = await c('privacyOfficer').get(`/api/v1/privacy/processing-log?${q}&cursor=${first.body.next}`);
    expect(second.body.items).toHaveLength(1);
    expect(Number(second.body.items[0].id)).toBeLessThan(Number(first.body.items[0].id));
    expect(second.body.next).toBeNull();
  });

  it('filters by period (days in the Netherlands, both inclusive)', async () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
    const inToday = await c('privacyOfficer').get(`/api/v1/privacy/processing-log?from=${today}&to=${today}&actor=${U('partnerProfessional')}`);
    expect(inToday.body.total).toBe(1);
    const before = await c('privacyOfficer').get(`/api/v1/privacy/processing-log?to=2020-01-01`);
    expect(before.body).toEqual({ items: [], total: 0, next: null });
  });

  it('refuses a period that ends before it starts, an unknown activity code and a foreign cursor (400)', async () => {
    const bad = await c('privacyOfficer').get('/api/v1/privacy/processing-log?from=2026-12-04&to=2026-12-01');
    expect(bad.status).toBe(400);
    expect(bad.body.invalidParams[0]).toMatchObject({ name: 'to', code: 'beforeFrom' });
    const code = await c('privacyOfficer').get('/api/v1/privacy/processing-log?activity=residents');
    expect(code.status).toBe(400);
    expect(code.body.invalidParams[0].name).toBe('activity');
    const cursor = await c('privacyOfficer').get('/api/v1/privacy/processing-log?cursor=abc');
    expect(cursor.status).toBe(400);
  });

  it('logs the search as an aggregate entry (it names no resident)', async () => {
    const t = traced();
    await c('privacyOfficer').get('/api/v1/privacy/processing-log', t.headers);
    const rows = await logOf(t.id);
    expect(rows.map((r) => [r.processing_activity_id, r.action, r.data_subject_type, r.data_subject_ids])).toEqual([['PA-007', 'privacy.searchLog', 'aggregate', ['aggregate']]]);
  });

  it('never shows another municipality’s log', async () => {
    const t = traced();
    expect((await c('jobCoachOtherMunicipality').get(`/api/v1/residents/${R('ar1')}`, t.headers)).status).toBe(200);
    const res = await c('privacyOfficer').get(`/api/v1/privacy/processing-log?actor=${U('jobCoachOtherMunicipality')}`);
    expect(res.body.total).toBe(0);
  });

  it('lists the actors in the log with their organisation, and the register of processing activities', async () => {
    const actors = await c('privacyOfficer').get('/api/v1/privacy/actors');
    expect(actors.status).toBe(200);
    expect(actors.body.items).toContainEqual({ id: U('partnerProfessional'), displayName: 'Test bt.ov', roles: ['partnerProfessional'], organisation: 'Buurtteam Overvecht' });
    expect(actors.body.items.map((a: { id: string }) => a.id)).not.toContain(U('jobCoachOtherMunicipality'));
    const register = await c('privacyOfficer').get('/api/v1/privacy/processing-activities');
    expect(register.status).toBe(200);
    const byId = new Map(register.body.items.map((a: { id: string }) => [a.id, a]));
    expect(byId.get('PA-018')).toMatchObject({ nameNl: 'Werklijst van de buurtteamprofessional', legalBasis: 'Art. 6 lid 1 sub a AVG (toestemming van de inwoner)' });
    expect(byId.get('PA-019')).toMatchObject({ id: 'PA-019' });
    expect(register.body.total).toBe(register.body.items.length);
  });

  it('every other role gets 403 on the log, the actors and the register', async () => {
    for (const p of ['jobCoach', 'partnerProfessional', 'policyOfficer', 'admin'] as const) {
      for (const path of ['/api/v1/privacy/processing-log', '/api/v1/privacy/actors', '/api/v1/privacy/processing-activities']) {
        expect((await c(p).get(path)).status, `${p} ${path}`).toBe(403);
      }
    }
  });
});

describe('GET /privacy/residents/{id}/subject-access-export', () => {
  it('answers a subject access request as a tagged PDF: who, when, which activity, why; logged as PA-019', async () => {
    const t = traced();
    const res = await fetch(`${server.baseUrl}/api/v1/privacy/residents/${R('ov1')}/subject-access-export?format=pdf`, {
      headers: { cookie: `samenplan_session=${c('privacyOfficer').sessionToken()}`, ...t.headers },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="inzage-anna-jansen-\d{4}-\d{2}-\d{2}\.pdf"$/);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.toString('latin1')).toContain('/StructTreeRoot');
    const text = folded(await pdfToText(bytes));
    expect(text).toContain('Wie heeft uw gegevens verwerkt?');
    expect(text).toContain(`Anna Jansen, geboren op 17 mei 1980, BSN ${bsn[R('ov1')]}`);
    // Table cells are read column by column: check the parts of each row, and the reasons section.
    for (const part of ['Test bt.ov,', 'buurtteamprofessional,', 'Buurtteam Overvecht', 'PA-005: Samenwerken met', 'Klacht over inzage door buurtteam']) expect(text).toContain(part);
    expect(text).toContain('Waarom: doel en grond van elke verwerking');
    expect(text).toContain('PA-005: Samenwerken met het buurtteam aan één plan Doel: Buurtteamprofessionals zien de gedeelde delen');
    expect(text).toContain('Aantal verwerkingen: 3.');
    const rows = await logOf(t.id);
    expect(rows.map((r) => [r.processing_activity_id, r.action, r.data_subject_ids])).toEqual([
      ['PA-019', 'privacy.subjectAccessExport', [pseudonymise(TEST_PSEUDONYM_KEY, world.utrecht, R('ov1'))]],
    ]);
  });

  it('as CSV and JSON with every entry', async () => {
    const csv = await download(c('privacyOfficer'), `/api/v1/privacy/residents/${R('zu1')}/subject-access-export?format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.type).toContain('text/csv');
    const lines = csv.bytes.toString('utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('Wanneer;Organisatie;Rol;Naam;Verwerkingsactiviteit;Naam activiteit;Doel;Grondslag;Handeling;Status;Reden');
    expect(lines.some((l) => l.includes(';Utrecht (test);werkmatcher;Test wm.zu;PA-006;'))).toBe(true);
    const json = await download(c('privacyOfficer'), `/api/v1/privacy/residents/${R('zu1')}/subject-access-export?format=json`);
    const report = JSON.parse(json.bytes.toString('utf8'));
    expect(report.resident.name).toBe('Eva Smit');
    // Every entry about her: the CSV's rows minus the header, plus the CSV export itself (logged before the JSON ran).
    expect(report.entries.length).toBe(lines.length - 1 + 1);
    expect(report.entries[0].activity.id).toBe('PA-019');
  });

  it('another municipality’s resident or an unknown id is 404; every other role gets 404', async () => {
    expect((await download(c('privacyOfficer'), `/api/v1/privacy/residents/${R('ar1')}/subject-access-export`)).status).toBe(404);
    expect((await download(c('privacyOfficer'), '/api/v1/privacy/residents/00000000-0000-4000-8000-000000000999/subject-access-export')).status).toBe(404);
    for (const p of ['jobCoach', 'jobCoachOtherArea', 'partnerProfessional', 'policyOfficer', 'admin', 'jobCoachOtherMunicipality'] as const) {
      expect((await download(c(p), `/api/v1/privacy/residents/${R('ov1')}/subject-access-export`)).status, p).toBe(404);
    }
  });
});
