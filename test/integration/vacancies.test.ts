import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInNl } from '../../src/domain/dates.ts';
import { searchOccupations } from '../../src/modules/esco/esco.data.ts';
import { loginAs, type ApiClient } from '../helpers/client.ts';
import { ROLE_USERS, createWorld, type World } from '../helpers/fixtures.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

// Vacancies over real HTTP: ESCO label and ISCO group from the code, normalised schedule and mask, the school-hours
// filter in SQL, PC4 location, validation with field paths, PATCH with If-Match, the list with cursor, and access.
// Also the ESCO search routes.

const API = '/api/v1';
let server: TestServer;
let world: World;
let advisor: ApiClient;
let coach: ApiClient;
let advisorArnhem: ApiClient;
let employerId: string;
let otherEmployerId: string;
let locationId: string;
const nurse = searchOccupations('verpleegkundige', 1)[0]!;
const cleaner = searchOccupations('schoonmaker', 1)[0]!;

const body = (over: Record<string, unknown> = {}) => ({
  employerId,
  title: 'Schoonmaker kantoren',
  escoCode: cleaner.code,
  requiredSkills: ['schoonmaken'],
  niceToHaveSkills: [],
  hoursPerWeek: 20,
  schedule: [
    { day: 1, from: '09:00', to: '12:00' },
    { day: 1, from: '11:00', to: '14:00' },
    { day: 3, from: '09:30', to: '14:30' },
  ],
  postcode: '3562 ab',
  contractType: 'temporary',
  instruments: ['trialPlacement'],
  drivingLicenceRequired: false,
  status: 'open',
  ...over,
});
const names = (res: { body: { invalidParams?: Array<{ name: string }> } }) => (res.body.invalidParams ?? []).map((p) => p.name);

beforeAll(async () => {
  server = await startTestServer({ template: 'empty' });
  world = await createWorld(server.ownerDb);
  const id = randomUUID();
  await server.ownerDb.insertInto('staff_users').values({ municipality_id: world.arnhem, id, username: 'wga.ar', display_name: 'Test wga.ar', email: null, roles: ['employerAdvisor'], partner_organisation_id: null, oidc_subject: null, demo_persona: true }).execute();
  advisor = await loginAs(server.baseUrl, ROLE_USERS.employerAdvisor);
  coach = await loginAs(server.baseUrl, ROLE_USERS.jobCoach);
  advisorArnhem = await loginAs(server.baseUrl, 'wga.ar');
  employerId = (await advisor.post(`${API}/employers`, { name: 'Schoon BV', sector: 'Schoonmaak' })).body.id;
  otherEmployerId = (await advisor.post(`${API}/employers`, { name: 'Zorg BV', sector: 'Zorg' })).body.id;
  locationId = (await advisor.post(`${API}/employers/${employerId}/locations`, { name: 'Kantoor', postcode: '3563CD', city: 'Utrecht' })).body.id;
});

afterAll(async () => {
  await server?.close();
});

describe('ESCO search', () => {
  it('searches labels and synonyms, prefix first, with the attribution', async () => {
    const res = await coach.get(`${API}/esco/occupations?q=Verpleeg&limit=5`);
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(5);
    expect(res.body.items[0].label.toLowerCase().startsWith('verpleeg')).toBe(true);
    expect(res.body.items[0]).toEqual(expect.objectContaining({ code: expect.any(String), iscoGroup: expect.stringMatching(/^\d{4}$/), iscoLabel: expect.any(String) }));
    expect(res.body.attribution).toContain('ESCO-classificatie van de Europese Commissie');
    expect((await coach.get(`${API}/esco/occupations?q=v`)).status).toBe(400);
    expect((await coach.get(`${API}/esco/occupations?q=verpleeg&limit=51`)).status).toBe(400);
  });

  it('returns one occupation with description and synonyms; 404 for an unknown code', async () => {
    const res = await advisor.get(`${API}/esco/occupations/${encodeURIComponent(nurse.code)}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ code: nurse.code, label: nurse.label, iscoGroup: nurse.iscoGroup });
    expect(Array.isArray(res.body.altLabels)).toBe(true);
    expect((await advisor.get(`${API}/esco/occupations/9999.9`)).status).toBe(404);
  });

  it('roles without vacancies:read or workProfiles:read get 403 on the search, 404 on an occupation', async () => {
    const researcher = await loginAs(server.baseUrl, ROLE_USERS.researcher);
    expect((await researcher.get(`${API}/esco/occupations?q=verpleeg`)).status).toBe(403);
    expect((await researcher.get(`${API}/esco/occupations/${encodeURIComponent(nurse.code)}`)).status).toBe(404);
  });
});

let vacancyId: string;
/** A closing date two months ahead (a new closing date may not have passed). */
const closing = new Date(Date.parse(`${todayInNl()}T12:00:00Z`) + 60 * 86_400_000).toISOString().slice(0, 10);

describe('vacancies', () => {
  it('creates a vacancy: ESCO label and group, normalised schedule, mask, PC4 location, city from the location', async () => {
    const res = await advisor.post(`${API}/vacancies`, body({ locationId, closingDate: closing }));
    expect(res.status).toBe(201);
    vacancyId = res.body.id;
    expect(res.headers.get('etag')).toBe(`"vacancy-${vacancyId}-v1"`);
    expect(res.body).toMatchObject({
      title: 'Schoonmaker kantoren',
      employer: { id: employerId, name: 'Schoon BV' },
      occupation: { code: cleaner.code, label: cleaner.label, iscoGroup: cleaner.iscoGroup },
      hoursPerWeek: 20,
      fitsSchoolHours: true,
      postcode: '3562AB',
      city: 'Utrecht',
      contractType: 'temporary',
      status: 'open',
      closingDate: closing,
      schedule: [
        { day: 1, from: '09:00', to: '14:00' },
        { day: 3, from: '09:30', to: '14:30' },
      ],
      instruments: ['trialPlacement'],
      locationId,
      version: 1,
    });
    const { rows } = await sql<{ mask: string; lat: number | null; isco: string }>`SELECT schedule_mask::text AS mask, lat, isco_group AS isco FROM vacancies WHERE id = ${vacancyId}::uuid`.execute(server.ownerDb);
    const mask = rows[0]!.mask;
    expect(mask).toHaveLength(336);
    expect(mask.slice(18, 28)).toBe('1'.repeat(10)); // Monday 09:00–14:00
    expect(mask[28]).toBe('0');
    expect(mask.slice(96 + 19, 96 + 29)).toBe('1'.repeat(10)); // Wednesday 09:30–14:30
    expect([...mask].filter((b) => b === '1')).toHaveLength(20);
    expect(rows[0]!.lat).not.toBeNull();
    expect(rows[0]!.isco).toBe(cleaner.iscoGroup);
    const detail = await coach.get(`${API}/employers/${employerId}`);
    expect(detail.body.vacancies).toEqual([{ id: vacancyId, title: 'Schoonmaker kantoren', status: 'open', hoursPerWeek: 20, closingDate: closing, fitsSchoolHours: true }]);
  });

  it('without a location the city is null; an unknown PC4 has no lat/lon', async () => {
    const res = await advisor.post(`${API}/vacancies`, body({ postcode: '9999 ZZ', title: 'Elders' }));
    expect(res.status).toBe(201);
    expect(res.body.city).toBeNull();
    const { rows } = await sql<{ lat: number | null }>`SELECT lat FROM vacancies WHERE id = ${res.body.id}::uuid`.execute(server.ownerDb);
    expect(rows[0]!.lat).toBeNull();
  });

  it('validates: unknown ESCO code, windows with their field path, postcode, hours, location of another employer', async () => {
    const esco = await advisor.post(`${API}/vacancies`, body({ escoCode: '9999.99' }));
    expect(esco.status).toBe(400);
    expect(names(esco)).toEqual(['escoCode']);
    const windows = await advisor.post(`${API}/vacancies`, body({ schedule: [{ day: 1, from: '09:00', to: '12:00' }, { day: 2, from: '14:00', to: '13:00' }, { day: 8, from: '09:00', to: '10:00' }, { day: 3, from: '09:10', to: '10:00' }] }));
    expect(windows.status).toBe(400);
    expect(names(windows)).toEqual(['schedule[1].to', 'schedule[2].day', 'schedule[3].from']);
    expect(names(await advisor.post(`${API}/vacancies`, body({ postcode: '1234' })))).toEqual(['postcode']);
    for (const hoursPerWeek of [0, -4, 60.5]) {
      const res = await advisor.post(`${API}/vacancies`, body({ hoursPerWeek }));
      expect(res.status).toBe(400);
      expect(names(res)).toEqual(['hoursPerWeek']);
    }
    expect((await advisor.post(`${API}/vacancies`, body({ hoursPerWeek: 60, title: 'Zestig uur' }))).status).toBe(201);
    expect(names(await advisor.post(`${API}/vacancies`, body({ employerId: otherEmployerId, locationId })))).toEqual(['locationId']);
    expect(names(await advisor.post(`${API}/vacancies`, body({ employerId: randomUUID() })))).toEqual(['employerId']);
  });

  it('closing dates that cannot be: passed, 31 February, years ahead — with the postcode error in the same answer', async () => {
    const reason = async (closingDate: string) => {
      const res = await advisor.post(`${API}/vacancies`, body({ closingDate, postcode: '1234' }));
      expect(res.status).toBe(400);
      expect(names(res).sort()).toEqual(['closingDate', 'postcode']);
      return res.body.invalidParams.find((p: any) => p.name === 'closingDate');
    };
    expect((await reason('2020-01-01')).code).toBe('past');
    expect((await reason('')).code).toBe('required');
    expect((await reason('1-2-2027')).code).toBe('format');
    expect(await reason('2027-02-31')).toMatchObject({ code: expect.any(String), reason: '31 februari 2027 bestaat niet: februari 2027 heeft 28 dagen.' });
    expect((await reason(`${Number(todayInNl().slice(0, 4)) + 3}-01-01`)).code).toBe('tooFar');
  });

  it('filters on school hours in SQL, on status, employer and text; newest first with a cursor', async () => {
    const evening = await advisor.post(`${API}/vacancies`, body({ title: 'Avondschoonmaak', schedule: [{ day: 2, from: '18:00', to: '22:00' }], hoursPerWeek: 4 }));
    const nurseVacancy = await advisor.post(`${API}/vacancies`, body({ employerId: otherEmployerId, title: 'Verpleegkundige nachtdienst', escoCode: nurse.code, status: 'draft', schedule: [] }));
    expect(evening.body.fitsSchoolHours).toBe(false);
    expect(nurseVacancy.body.fitsSchoolHours).toBe(false);
    const school = await coach.get(`${API}/vacancies?schoolHours=true&limit=100`);
    expect(school.status).toBe(200);
    expect(school.body.items.every((v: { fitsSchoolHours: boolean }) => v.fitsSchoolHours)).toBe(true);
    expect(school.body.items.map((v: { id: string }) => v.id)).toContain(vacancyId);
    expect(school.body.items.map((v: { id: string }) => v.id)).not.toContain(evening.body.id);
    const all = await coach.get(`${API}/vacancies?limit=100`);
    expect(all.body.items).toHaveLength(5);
    expect(all.body.items[0].id).toBe(nurseVacancy.body.id);
    expect((await coach.get(`${API}/vacancies?status=draft`)).body.items.map((v: { id: string }) => v.id)).toEqual([nurseVacancy.body.id]);
    expect((await coach.get(`${API}/vacancies?employerId=${otherEmployerId}`)).body.items.map((v: { id: string }) => v.id)).toEqual([nurseVacancy.body.id]);
    expect((await coach.get(`${API}/vacancies?q=AVOND`)).body.items.map((v: { id: string }) => v.id)).toEqual([evening.body.id]);
    // Pages of 2 give every vacancy exactly once, in the same order.
    const seen: string[] = [];
    let next: string | null = '';
    while (next !== null) {
      const page: { body: { items: Array<{ id: string }>; total: number; next: string | null } } = await coach.get(
        `${API}/vacancies?limit=2${next ? `&cursor=${next}` : ''}`,
      );
      expect(page.body.total).toBe(all.body.total);
      seen.push(...page.body.items.map((v) => v.id));
      next = page.body.next;
    }
    expect(seen).toEqual(all.body.items.map((v: { id: string }) => v.id));
  });

  it('PATCH with If-Match: 428, 412, then a change with a new ETag; status filled/closed allowed', async () => {
    expect((await advisor.patch(`${API}/vacancies/${vacancyId}`, { title: 'x' })).status).toBe(428);
    expect((await advisor.patch(`${API}/vacancies/${vacancyId}`, { title: 'x' }, { 'if-match': `"vacancy-${vacancyId}-v9"` })).status).toBe(412);
    const res = await advisor.patch(`${API}/vacancies/${vacancyId}`, { hoursPerWeek: 24, schedule: [{ day: 5, from: '13:00', to: '17:00' }], locationId: null, status: 'closed' }, { 'if-match': `"vacancy-${vacancyId}-v1"` });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ version: 2, hoursPerWeek: 24, fitsSchoolHours: false, city: null, locationId: null, status: 'closed', title: 'Schoonmaker kantoren', occupation: { code: cleaner.code } });
    expect(res.headers.get('etag')).toBe(`"vacancy-${vacancyId}-v2"`);
    const bad = await advisor.patch(`${API}/vacancies/${vacancyId}`, { escoCode: 'nope' }, { 'if-match': `"vacancy-${vacancyId}-v2"` });
    expect(bad.status).toBe(400);
    expect(names(bad)).toEqual(['escoCode']);
    const esco = await advisor.patch(`${API}/vacancies/${vacancyId}`, { escoCode: nurse.code }, { 'if-match': `"vacancy-${vacancyId}-v2"` });
    expect(esco.body.occupation).toEqual({ code: nurse.code, label: nurse.label, iscoGroup: nurse.iscoGroup });
  });
});

describe('vacancy access', () => {
  it('roles without vacancies:write: 403 on the collection, 404 on a vacancy', async () => {
    expect((await coach.post(`${API}/vacancies`, body())).status).toBe(403);
    expect((await coach.patch(`${API}/vacancies/${vacancyId}`, { title: 'x' }, { 'if-match': `"vacancy-${vacancyId}-v3"` })).status).toBe(404);
  });

  it('roles without vacancies:read: 403 on the list, 404 on a vacancy', async () => {
    for (const persona of ['researcher', 'partnerProfessional', 'privacyOfficer'] as const) {
      const c = await loginAs(server.baseUrl, ROLE_USERS[persona]);
      expect((await c.get(`${API}/vacancies`)).status, persona).toBe(403);
      expect((await c.get(`${API}/vacancies/${vacancyId}`)).status, persona).toBe(404);
    }
  });

  it('another municipality: 404 on the vacancy, not in the list, cannot attach one to this employer', async () => {
    expect((await advisorArnhem.get(`${API}/vacancies/${vacancyId}`)).status).toBe(404);
    expect((await advisorArnhem.patch(`${API}/vacancies/${vacancyId}`, { title: 'x' }, { 'if-match': `"vacancy-${vacancyId}-v3"` })).status).toBe(404);
    expect((await advisorArnhem.get(`${API}/vacancies`)).body.items).toEqual([]);
    expect(names(await advisorArnhem.post(`${API}/vacancies`, body()))).toEqual(['employerId']);
  });
});
