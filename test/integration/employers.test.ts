import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pseudonymise } from '../../src/platform/processing-log/pseudonym.ts';
import { loginAs, type ApiClient } from '../helpers/client.ts';
import { TEST_PSEUDONYM_KEY } from '../helpers/db.ts';
import { ROLE_USERS, createWorld, type World } from '../helpers/fixtures.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

// Employers over real HTTP: create/read/patch with ETag, locations, business contacts (advisor only, logged under
// PA-017), agreements with realised placements counted within the period, the list with search and cursor, and access.

const API = '/api/v1';
let server: TestServer;
let world: World;
let advisor: ApiClient;
let coach: ApiClient;
let advisorArnhem: ApiClient;
let employerId: string;

const pa017 = async (action: string) =>
  (await server.ownerDb.selectFrom('processing_log_entries').select(['data_subject_id', 'data_subject_type']).where('processing_activity_id', '=', 'PA-017').where('action', '=', action).execute()).map(
    (r) => {
      // Business contacts of employers are logged as such, not as residents.
      expect(r.data_subject_type).toBe('employerContact');
      return r.data_subject_id;
    },
  );

beforeAll(async () => {
  server = await startTestServer({ template: 'empty' });
  world = await createWorld(server.ownerDb);
  const id = randomUUID();
  world.users['wga.ar'] = id;
  await server.ownerDb.insertInto('staff_users').values({ municipality_id: world.arnhem, id, username: 'wga.ar', display_name: 'Test wga.ar', email: null, roles: ['employerAdvisor'], partner_organisation_id: null, oidc_subject: null, demo_persona: true }).execute();
  advisor = await loginAs(server.baseUrl, ROLE_USERS.employerAdvisor);
  coach = await loginAs(server.baseUrl, ROLE_USERS.jobCoach);
  advisorArnhem = await loginAs(server.baseUrl, 'wga.ar');
});

afterAll(async () => {
  await server?.close();
});

describe('employers', () => {
  it('the advisor creates an employer; it answers with an ETag and empty parts', async () => {
    const res = await advisor.post(`${API}/employers`, { name: 'Bakkerij De Korrel', sector: 'Voedingsindustrie', kvkNumber: '12345678', website: 'https://korrel.example' });
    expect(res.status).toBe(201);
    expect(res.headers.get('etag')).toBe(`"employer-${res.body.id}-v1"`);
    expect(res.body).toMatchObject({ name: 'Bakkerij De Korrel', sector: 'Voedingsindustrie', kvkNumber: '12345678', notes: null, version: 1, locations: [], contacts: [], agreements: [], vacancies: [] });
    employerId = res.body.id;
  });

  it('rejects an invalid KvK number with invalidParams', async () => {
    const res = await advisor.post(`${API}/employers`, { name: 'X', sector: 'Y', kvkNumber: '123' });
    expect(res.status).toBe(400);
    expect(res.body.invalidParams.map((p: { name: string }) => p.name)).toContain('kvkNumber');
  });

  it('PATCH needs If-Match: 428 without, 412 when stale, 200 with the new version', async () => {
    expect((await advisor.patch(`${API}/employers/${employerId}`, { notes: 'x' })).status).toBe(428);
    expect((await advisor.patch(`${API}/employers/${employerId}`, { notes: 'x' }, { 'if-match': `"employer-${employerId}-v7"` })).status).toBe(412);
    const ok = await advisor.patch(`${API}/employers/${employerId}`, { notes: 'Goede ervaring met proefplaatsingen', website: null }, { 'if-match': `"employer-${employerId}-v1"` });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ version: 2, notes: 'Goede ervaring met proefplaatsingen', website: null, name: 'Bakkerij De Korrel', kvkNumber: '12345678' });
    expect(ok.headers.get('etag')).toBe(`"employer-${employerId}-v2"`);
    expect((await advisor.patch(`${API}/employers/${employerId}`, { notes: 'y' }, { 'if-match': `"employer-${employerId}-v1"` })).status).toBe(412);
  });

  it('adds a location with a normalised postcode and its approximate PC4 location', async () => {
    expect((await advisor.post(`${API}/employers/${employerId}/locations`, { name: 'Hoofdvestiging', postcode: '0123 AB', city: 'Utrecht' })).status).toBe(400);
    const res = await advisor.post(`${API}/employers/${employerId}/locations`, { name: 'Hoofdvestiging', street: 'Vleutenseweg', houseNumber: '10', postcode: '3532 ab', city: 'Utrecht' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: 'Hoofdvestiging', street: 'Vleutenseweg', houseNumber: '10', postcode: '3532AB', city: 'Utrecht' });
    const row = await server.ownerDb.selectFrom('employer_locations' as never).select(['lat' as never, 'lon' as never]).where('id' as never, '=', res.body.id as never).executeTakeFirstOrThrow() as { lat: number; lon: number };
    expect(row.lat).toBeCloseTo(52.093, 1);
    expect(row.lon).toBeCloseTo(5.095, 1);
  });

  it('contacts: only the advisor sees them; creating and reading them is logged under PA-017 with the contact as subject', async () => {
    const res = await advisor.post(`${API}/employers/${employerId}/contacts`, { name: 'Petra de Bakker', jobTitle: 'HR-adviseur', email: 'petra@korrel.example', phone: '030 123 4567' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: 'Petra de Bakker', jobTitle: 'HR-adviseur', email: 'petra@korrel.example', phone: '030 123 4567' });
    const contactId = res.body.id;
    const subject = pseudonymise(TEST_PSEUDONYM_KEY, world.utrecht, contactId);
    expect(await pa017('employers.contacts.create')).toEqual([subject]);

    const asAdvisor = await advisor.get(`${API}/employers/${employerId}`);
    expect(asAdvisor.body.contacts).toEqual([{ id: contactId, name: 'Petra de Bakker', jobTitle: 'HR-adviseur', email: 'petra@korrel.example', phone: '030 123 4567' }]);
    expect(await pa017('employers.contacts.read')).toEqual([subject]);

    const asCoach = await coach.get(`${API}/employers/${employerId}`);
    expect(asCoach.status).toBe(200);
    expect(asCoach.body.contacts).toEqual([]);
    expect(asCoach.body.locations).toHaveLength(1);
    // The coach's read returned no contacts: nothing more logged.
    expect(await pa017('employers.contacts.read')).toEqual([subject]);
  });

  it('agreements: pledged placements required for an intention; realised placements counted within the period only', async () => {
    const missing = await advisor.post(`${API}/employers/${employerId}/agreements`, { kind: 'intention', title: 'Intentieverklaring 2026', periodStart: '2026-01-01', periodEnd: '2026-12-31' });
    expect(missing.status).toBe(400);
    expect(missing.body.invalidParams.map((p: { name: string }) => p.name)).toEqual(['pledgedPlacements']);
    const backwards = await advisor.post(`${API}/employers/${employerId}/agreements`, { kind: 'antiDiscrimination', title: 'Akkoord', periodStart: '2026-02-01', periodEnd: '2026-01-01' });
    expect(backwards.status).toBe(400);
    expect(backwards.body.invalidParams.map((p: { name: string }) => p.name)).toEqual(['periodEnd']);

    const res = await advisor.post(`${API}/employers/${employerId}/agreements`, {
      kind: 'intention', title: 'Intentieverklaring 2026', targetGroup: 'Statushouders en mensen lang in de bijstand', pledgedPlacements: 5,
      periodStart: '2026-01-01', periodEnd: '2026-12-31', signedOn: '2025-12-15',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'intention', pledgedPlacements: 5, realisedPlacements: 0, periodStart: '2026-01-01', periodEnd: '2026-12-31', signedOn: '2025-12-15', notes: null });
    const agreementId = res.body.id;
    const anti = await advisor.post(`${API}/employers/${employerId}/agreements`, { kind: 'antiDiscrimination', title: 'Akkoord eerlijke werving', periodStart: '2026-01-01', periodEnd: '2027-12-31' });
    expect(anti.status).toBe(201);
    expect(anti.body.pledgedPlacements).toBeNull();

    // Placements on the agreement: the day before, the first day, mid-year, the last day and the day after the period.
    const starts = ['2025-12-31', '2026-01-01', '2026-06-15', '2026-12-31', '2027-01-01'];
    for (const [i, start] of starts.entries()) {
      const residentId = Object.values(world.residents)[i]!;
      if (residentId === world.residents.ar1) continue;
      await sql`INSERT INTO placements (municipality_id, id, resident_id, employer_id, agreement_id, start_date, contract_type, hours_per_week, outflow, created_by)
        VALUES (${world.utrecht}, ${randomUUID()}, ${residentId}, ${employerId}, ${agreementId}, ${start}::date, 'temporary', 24, 'partial', ${world.users[ROLE_USERS.employerAdvisor]!})`.execute(server.ownerDb);
    }
    const employer = await advisor.get(`${API}/employers/${employerId}`);
    const agreements = Object.fromEntries(employer.body.agreements.map((a: { id: string; realisedPlacements: number }) => [a.id, a.realisedPlacements]));
    expect(agreements).toEqual({ [agreementId]: 3, [anti.body.id]: 0 });
  });

  it('lists with search, open vacancies, agreement summaries and a cursor', async () => {
    for (const name of ['Zorggroep Overvecht', 'Zuivelfabriek Noord']) expect((await advisor.post(`${API}/employers`, { name, sector: 'Zorg' })).status).toBe(201);
    const first = await coach.get(`${API}/employers?limit=2`);
    expect(first.status).toBe(200);
    expect(first.body.items.map((e: { name: string }) => e.name)).toEqual(['Bakkerij De Korrel', 'Zorggroep Overvecht']);
    expect(first.body.items[0]).toMatchObject({ sector: 'Voedingsindustrie', openVacancies: 0 });
    expect(first.body.items[0].agreements.find((a: { kind: string }) => a.kind === 'intention')).toMatchObject({ pledgedPlacements: 5, realisedPlacements: 3 });
    expect(first.body.total).toBe(3);
    expect(first.body.next).toEqual(expect.any(String));
    const second = await coach.get(`${API}/employers?limit=2&cursor=${first.body.next}`);
    expect(second.body.items.map((e: { name: string }) => e.name)).toEqual(['Zuivelfabriek Noord']);
    expect(second.body.next).toBeNull();
    expect(second.body.total).toBe(3);
    const found = await coach.get(`${API}/employers?q=${encodeURIComponent('KORREL')}`);
    expect(found.body.items.map((e: { name: string }) => e.name)).toEqual(['Bakkerij De Korrel']);
    expect((await coach.get(`${API}/employers?cursor=nonsense`)).status).toBe(400);
  });

  it('the policy officer reads employers; no contacts for him either', async () => {
    const policy = await loginAs(server.baseUrl, ROLE_USERS.policyOfficer);
    expect((await policy.get(`${API}/employers`)).status).toBe(200);
    const one = await policy.get(`${API}/employers/${employerId}`);
    expect(one.status).toBe(200);
    expect(one.body.contacts).toEqual([]);
  });
});

describe('employer access', () => {
  it('roles without employers:write get 403 on collections and 404 on single records', async () => {
    expect((await coach.post(`${API}/employers`, { name: 'X', sector: 'Y' })).status).toBe(403);
    expect((await coach.patch(`${API}/employers/${employerId}`, { notes: 'x' }, { 'if-match': `"employer-${employerId}-v2"` })).status).toBe(404);
    expect((await coach.post(`${API}/employers/${employerId}/contacts`, { name: 'X' })).status).toBe(404);
    expect((await coach.post(`${API}/employers/${employerId}/locations`, { name: 'X', postcode: '3511AB', city: 'Utrecht' })).status).toBe(404);
    expect((await coach.post(`${API}/employers/${employerId}/agreements`, { kind: 'antiDiscrimination', title: 'X', periodStart: '2026-01-01', periodEnd: '2026-02-01' })).status).toBe(404);
  });

  it('roles without employers:read get 403 on the list and 404 on an employer', async () => {
    for (const persona of ['researcher', 'partnerProfessional', 'privacyOfficer', 'admin'] as const) {
      const c = await loginAs(server.baseUrl, ROLE_USERS[persona]);
      expect((await c.get(`${API}/employers`)).status, persona).toBe(403);
      expect((await c.get(`${API}/employers/${employerId}`)).status, persona).toBe(404);
    }
  });

  it('another municipality sees nothing of this employer: 404 and not in the list', async () => {
    expect((await advisorArnhem.get(`${API}/employers/${employerId}`)).status).toBe(404);
    expect((await advisorArnhem.patch(`${API}/employers/${employerId}`, { notes: 'x' }, { 'if-match': `"employer-${employerId}-v2"` })).status).toBe(404);
    expect((await advisorArnhem.post(`${API}/employers/${employerId}/contacts`, { name: 'X' })).status).toBe(404);
    expect((await advisorArnhem.get(`${API}/employers`)).body.items).toEqual([]);
    const arnhemCoach = await loginAs(server.baseUrl, ROLE_USERS.jobCoachOtherMunicipality);
    expect((await arnhemCoach.get(`${API}/employers/${employerId}`)).status).toBe(404);
  });

  it('an unknown employer is 404', async () => {
    expect((await advisor.get(`${API}/employers/${randomUUID()}`)).status).toBe(404);
  });
});
