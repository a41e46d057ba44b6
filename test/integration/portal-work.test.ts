import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locationOfPostcode } from '../../src/domain/geo.ts';
import { maskOf, type IsoWeekday, type TimeWindow } from '../../src/domain/schedule.ts';
import { pseudonymise } from '../../src/platform/processing-log/pseudonym.ts';
import { ApiClient, loginAs } from '../helpers/client.ts';
import { TEST_PSEUDONYM_KEY } from '../helpers/db.ts';
import { ROLE_USERS, createWorld, type World } from '../helpers/fixtures.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

// Mijn Samenplan (issue 11): "Mijn werkwensen" and "Mijn voorstellen" over real HTTP. The resident fills his own work
// profile through the matching module's service (the same validation: Dutch answers at the field, nothing written on
// a refusal); the werkmatcher proposes a vacancy; the resident answers yes or no himself (channel portal) and the
// werkmatcher sees the answer with her proposals; another resident gets 404 on a proposal that is not his.

let server: TestServer;
let world: World;
let anna: ApiClient;
let bram: ApiClient;
let wm: ApiClient;
const vacancies: string[] = [];
const weekdays = (from: string, to: string, days: IsoWeekday[] = [1, 2, 3, 4, 5]): TimeWindow[] => days.map((day) => ({ day, from, to }));

const wishes = (over: Record<string, unknown> = {}) => ({
  desiredOccupations: [{ escoCode: '5230.1' }],
  skills: ['Kassa', 'Klantvriendelijk'],
  experience: [{ description: 'Vrijwilliger in de buurtwinkel', years: 2 }],
  education: 'Mbo niveau 2 detailhandel',
  hoursMin: 16,
  hoursMax: 24,
  availability: weekdays('09:00', '14:30'),
  maxTravelKm: 15,
  hasDrivingLicence: false,
  preferredContractTypes: ['permanent'],
  preferredSectors: ['Detailhandel'],
  preferencesNote: 'Graag dicht bij huis',
  ...over,
});

async function loginResident(username: string): Promise<ApiClient> {
  const c = new ApiClient(server.baseUrl);
  const res = await c.post('/api/v1/portal/session/demo', { username });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  c.csrfToken = res.body.csrfToken;
  return c;
}

beforeAll(async () => {
  server = await startTestServer({ template: 'empty' });
  world = await createWorld(server.ownerDb);
  await server.ownerDb.updateTable('residents').set({ portal_demo_username: 'inwoner.anna' }).where('id', '=', world.residents.ov1).execute();
  await server.ownerDb.updateTable('residents').set({ portal_demo_username: 'inwoner.bram' }).where('id', '=', world.residents.ov2).execute();
  const u = world.utrecht;
  const advisor = world.users['wga']!;
  const employer = randomUUID();
  await sql`INSERT INTO employers (municipality_id, id, name, sector, created_by) VALUES (${u}, ${employer}, 'Supermarkt De Hoek', 'Detailhandel', ${advisor})`.execute(server.ownerDb);
  for (const title of ['Kassamedewerker onder schooltijd', 'Kassamedewerker in de ochtend']) {
    const id = randomUUID();
    vacancies.push(id);
    const schedule = weekdays('09:00', '13:00');
    const loc = locationOfPostcode('3563AB');
    await sql`INSERT INTO vacancies (municipality_id, id, employer_id, title, esco_code, occupation_label, isco_group, required_skills,
        nice_to_have_skills, hours_per_week, schedule, schedule_mask, postcode, lat, lon, contract_type, driving_licence_required, status, created_by)
      VALUES (${u}, ${id}, ${employer}, ${title}, '5230.1', 'kassamedewerker', '5230', ${['Kassa']}::text[], ${[]}::text[], 20,
        ${JSON.stringify(schedule)}::jsonb, ${maskOf(schedule)}::bit(336), '3563AB', ${loc?.lat ?? null}, ${loc?.lon ?? null}, 'permanent', false, 'open', ${advisor})`.execute(server.ownerDb);
  }
  anna = await loginResident('inwoner.anna');
  bram = await loginResident('inwoner.bram');
  wm = await loginAs(server.baseUrl, ROLE_USERS.jobCoach);
});

afterAll(async () => {
  await server?.close();
});

describe('Mijn Samenplan: my work wishes', () => {
  it('has none yet (404), and refuses bad input with Dutch answers at the field, writing nothing', async () => {
    expect((await anna.get('/api/v1/portal/work-profile')).status).toBe(404);
    const bad = await anna.put('/api/v1/portal/work-profile', wishes({ hoursMin: 30, hoursMax: 20, desiredOccupations: [{ escoCode: '9999.9' }], availability: [{ day: 1, from: '14:00', to: '09:00' }] }));
    expect(bad.status).toBe(400);
    const byField = Object.fromEntries(bad.body.invalidParams.map((p: { name: string; reason: string }) => [p.name, p.reason]));
    expect(byField['hoursMin']).toBe('Het minimum aantal uren mag niet hoger zijn dan het maximum.');
    expect(byField['desiredOccupations[0].escoCode']).toContain('Onbekend beroep');
    expect(Object.keys(byField).some((k) => k.startsWith('availability[0]'))).toBe(true);
    const none = await anna.put('/api/v1/portal/work-profile', wishes({ availability: [] }));
    expect(none.status).toBe(400);
    expect(none.body.invalidParams[0]).toMatchObject({ name: 'availability' });
    const { rows } = await sql`SELECT 1 FROM work_profiles`.execute(server.ownerDb);
    expect(rows).toHaveLength(0);
  });

  it('fills them in herself: the werkmatcher sees the same profile, marked as filled in by the resident', async () => {
    const res = await anna.put('/api/v1/portal/work-profile', wishes());
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ residentId: world.residents.ov1, hoursMin: 16, hoursMax: 24, fitsSchoolHoursOnly: true, updatedByResident: true });
    expect(res.body.desiredOccupations[0]).toMatchObject({ escoCode: '5230.1' });
    const seen = await wm.get(`/api/v1/residents/${world.residents.ov1}/work-profile`);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ updatedByResident: true, skills: ['Kassa', 'Klantvriendelijk'] });
    // A change needs the current version (If-Match), as on the staff side: without it 428, with an old one 412.
    expect((await anna.put('/api/v1/portal/work-profile', wishes({ hoursMax: 20 }))).status).toBe(428);
    expect((await anna.put('/api/v1/portal/work-profile', wishes({ hoursMax: 20 }), { 'if-match': '"work-profile-x-v9"' })).status).toBe(412);
    const tag = (await anna.get('/api/v1/portal/work-profile')).headers.get('etag')!;
    const changed = await anna.put('/api/v1/portal/work-profile', wishes({ hoursMax: 20 }), { 'if-match': tag });
    expect(changed.status).toBe(200);
    expect(changed.body.hoursMax).toBe(20);
    // Another resident has none of his own, and never sees hers.
    expect((await bram.get('/api/v1/portal/work-profile')).status).toBe(404);
    // The werkmatcher changes it later: then she is named again.
    const t2 = (await wm.get(`/api/v1/residents/${world.residents.ov1}/work-profile`)).headers.get('etag')!;
    const staff = await wm.put(`/api/v1/residents/${world.residents.ov1}/work-profile`, wishes({ hoursMax: 22 }), { 'if-match': t2 });
    expect(staff.status).toBe(200);
    expect(staff.body).toMatchObject({ updatedByResident: false, updatedBy: { displayName: `Test ${ROLE_USERS.jobCoach}` } });
  });
});

describe('Mijn Samenplan: occupations for my wishes', () => {
  it('the resident searches ESCO through the portal (the staff route stays closed to him); a staff session gets 404', async () => {
    const res = await anna.get('/api/v1/portal/occupations?q=kok&limit=5');
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    expect(res.body.items.length).toBeLessThanOrEqual(5);
    // The same search as the staff's (names starting with the words first): the first hit is a cook.
    expect(res.body.items[0].label.toLowerCase()).toContain('kok');
    expect((await anna.get('/api/v1/esco/occupations?q=kok')).status).toBe(401);
    expect((await wm.get('/api/v1/portal/occupations?q=kok')).status).toBe(404);
    expect((await anna.get('/api/v1/portal/occupations?q=k')).status).toBe(400);
    // What she finds, she can choose: saved as her wish, with its Dutch label.
    const chosen = res.body.items[0];
    const tag = (await anna.get('/api/v1/portal/work-profile')).headers.get('etag')!;
    const saved = await anna.put('/api/v1/portal/work-profile', wishes({ hoursMax: 22, desiredOccupations: [{ escoCode: chosen.code }] }), { 'if-match': tag });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.desiredOccupations).toEqual([expect.objectContaining({ escoCode: chosen.code, label: chosen.label })]);
  });
});

describe('Mijn Samenplan: my proposals', () => {
  let proposalIds: string[] = [];
  beforeAll(async () => {
    proposalIds = [];
    for (const vacancyId of vacancies) {
      const p = await wm.post(`/api/v1/residents/${world.residents.ov1}/proposals`, { vacancyId, note: 'Past bij uw uren.' });
      expect(p.status, JSON.stringify(p.body)).toBe(201);
      proposalIds.push(p.body.id);
    }
  });

  it('lists the proposals made to her; another resident sees none and gets 404 answering hers', async () => {
    const list = await anna.get('/api/v1/portal/proposals');
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(2);
    expect(list.body.items.map((p: { vacancy: { title: string } }) => p.vacancy.title).sort()).toEqual(['Kassamedewerker in de ochtend', 'Kassamedewerker onder schooltijd']);
    const his = await bram.get('/api/v1/portal/proposals');
    expect(his.status).toBe(200);
    expect(his.body.items).toEqual([]);
    expect((await bram.post(`/api/v1/portal/proposals/${proposalIds[0]}/answer`, { agreed: true })).status).toBe(404);
    expect((await wm.post(`/api/v1/portal/proposals/${proposalIds[0]}/answer`, { agreed: true })).status).toBe(404);
    const bad = await anna.post(`/api/v1/portal/proposals/${proposalIds[0]}/answer`, { agreed: 'ja' });
    expect(bad.status).toBe(400);
    expect(bad.body.invalidParams[0].name).toBe('agreed');
  });

  it('answers yes to one and no to the other; the werkmatcher sees both answers, via the portal', async () => {
    const yes = await anna.post(`/api/v1/portal/proposals/${proposalIds[0]}/answer`, { agreed: true });
    expect(yes.status, JSON.stringify(yes.body)).toBe(200);
    expect(yes.body).toMatchObject({ status: 'residentAgreed', residentResponseHow: 'portal' });
    const no = await anna.post(`/api/v1/portal/proposals/${proposalIds[1]}/answer`, { agreed: false });
    expect(no.body).toMatchObject({ status: 'residentDeclined', residentResponseHow: 'portal' });
    // Once answered, the answer stands (409, with the status in Dutch).
    expect((await anna.post(`/api/v1/portal/proposals/${proposalIds[0]}/answer`, { agreed: false })).status).toBe(409);
    const seen = await wm.get(`/api/v1/residents/${world.residents.ov1}/proposals`);
    const byId = new Map(seen.body.items.map((p: { id: string; status: string; residentResponseHow: string }) => [p.id, [p.status, p.residentResponseHow]]));
    expect(byId.get(proposalIds[0])).toEqual(['residentAgreed', 'portal']);
    expect(byId.get(proposalIds[1])).toEqual(['residentDeclined', 'portal']);
  });

  it('is in the processing log with Anna as actor and subject (PA-044)', async () => {
    const pseudonym = pseudonymise(TEST_PSEUDONYM_KEY, world.utrecht, world.residents.ov1);
    const rows = await server.ownerDb
      .selectFrom('processing_log_entries')
      .select(['action', 'actor_id', 'status'])
      .where('data_subject_id', '=', pseudonym)
      .where('processing_activity_id', '=', 'PA-044')
      .execute();
    const actions = new Set(rows.filter((r) => r.status !== 'error').map((r) => r.action));
    for (const a of ['workProfiles.create', 'workProfiles.update', 'workProfiles.read', 'proposals.list', 'proposals.residentResponse']) expect(actions, a).toContain(a);
    expect(rows.every((r) => r.actor_id === world.residents.ov1)).toBe(true);
  });
});

describe('Mijn Samenplan: download all my data, complete', () => {
  it('holds assessments, barriers, work profile, proposals, placements and messages, and names nothing as left out', async () => {
    const r = world.residents.ov1;
    const a = await wm.post(`/api/v1/residents/${r}/assessments`, { scores: { finances: 2 }, ladderRung: 3, note: 'Eerste meting' });
    expect(a.status, JSON.stringify(a.body)).toBe(201);
    expect((await wm.post(`/api/v1/residents/${r}/barriers`, { domain: 'finances', description: 'Kinderopvang nog niet geregeld' })).status).toBeLessThan(300);
    expect((await anna.post('/api/v1/portal/messages', { body: 'Ik wil graag bij de supermarkt werken.' })).status).toBe(201);
    const employer = (await sql<{ id: string }>`SELECT id FROM employers WHERE municipality_id = ${world.utrecht} LIMIT 1`.execute(server.ownerDb)).rows[0]!.id;
    await sql`INSERT INTO placements (municipality_id, id, resident_id, employer_id, vacancy_id, start_date, contract_type, hours_per_week, outflow, created_by)
      VALUES (${world.utrecht}, ${randomUUID()}, ${r}, ${employer}, ${vacancies[0]}, current_date, 'permanent', 20, 'partial', ${world.users['wga']})`.execute(server.ownerDb);
    const res = await anna.get('/api/v1/portal/my-data?format=json');
    expect(res.status).toBe(200);
    const d = res.body;
    expect(d.notIncluded).toEqual([]);
    expect(d.assessments).toHaveLength(1);
    expect(d.assessments[0]).toMatchObject({ ladderRung: 3, note: 'Eerste meting' });
    expect(d.barriers.map((b: { description: string }) => b.description)).toEqual(['Kinderopvang nog niet geregeld']);
    expect(d.workProfile).toMatchObject({ residentId: r, hoursMax: 22, skills: ['Kassa', 'Klantvriendelijk'] });
    expect(d.proposals.map((p: { status: string }) => p.status).sort()).toEqual(['residentAgreed', 'residentDeclined']);
    expect(d.placements).toHaveLength(1);
    expect(d.placements[0]).toMatchObject({ employer: { name: 'Supermarkt De Hoek' }, vacancy: { title: 'Kassamedewerker onder schooltijd' } });
    expect(d.messages.map((m: { body: string }) => m.body)).toEqual(['Ik wil graag bij de supermarkt werken.']);
    // Another resident's download holds none of it.
    const his = (await bram.get('/api/v1/portal/my-data?format=json')).body;
    expect([his.assessments, his.proposals, his.placements, his.messages]).toEqual([[], [], [], []]);
    expect(his.workProfile).toBeNull();
    // The PDF says it in words too.
    const pdf = await fetch(`${server.baseUrl}/api/v1/portal/my-data?format=pdf`, { headers: { cookie: `samenplan_session=${anna.sessionToken()}` } });
    expect(pdf.status).toBe(200);
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
