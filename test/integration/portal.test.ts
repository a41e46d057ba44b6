import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInNl } from '../../src/domain/dates.ts';
import { pseudonymise } from '../../src/platform/processing-log/pseudonym.ts';
import { ApiClient, loginAs } from '../helpers/client.ts';
import { TEST_PSEUDONYM_KEY } from '../helpers/db.ts';
import { ROLE_USERS, createWorld, type World } from '../helpers/fixtures.ts';
import { workday } from '../helpers/office-hours.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

// Mijn Samenplan (issue 11) over real HTTP: the resident's demo login, his own scope (another resident answers
// 404, staff routes 401, staff on portal routes 404), the home page, appointments (confirm, ask to move → the
// werkmatcher's notification, .ics), the plan (mark own action done, propose a goal, agree with channel portal, PDF)
// and the processing log with the resident as actor.

let server: TestServer;
let world: World;
let anna: ApiClient;
let bram: ApiClient;
let wm: ApiClient;
const P = (id: string) => `/api/v1/residents/${id}/plan`;

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
  wm = await loginAs(server.baseUrl, ROLE_USERS.jobCoach);
  // The werkmatcher makes a plan with one action for Anna and one for herself, and plans an appointment.
  const plan = await wm.post(P(world.residents.ov1), { goals: [{ title: 'Werk vinden in de zorg' }] });
  expect(plan.status).toBe(201);
  let tag = plan.headers.get('etag')!;
  const goalId = plan.body.goals[0].id;
  for (const body of [
    { description: 'Cv afmaken', owner: { type: 'resident' } },
    { description: 'Vacatures zoeken in de zorg' },
  ]) {
    const r = await wm.post(`${P(world.residents.ov1)}/goals/${goalId}/actions`, body, { 'if-match': tag });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    tag = r.headers.get('etag')!;
  }
  const m = await wm.post(`/api/v1/residents/${world.residents.ov1}/meetings`, {
    type: 'followUp', startsAt: workday(2, '10:00'), endsAt: workday(2, '11:00'), mode: 'inPerson', location: 'Werkwinkel Overvecht', agenda: null,
  });
  expect(m.status, JSON.stringify(m.body)).toBe(201);
  anna = await loginResident('inwoner.anna');
  bram = await loginResident('inwoner.bram');
});

afterAll(async () => {
  await server?.close();
});

describe('Mijn Samenplan: login and scope', () => {
  it('the demo login lists the demo residents and starts a resident session (CSRF token, shorter idle timeout)', async () => {
    const opts = await new ApiClient(server.baseUrl).get('/api/v1/portal/session/options');
    expect(opts.status).toBe(200);
    expect(opts.body.demoResidents.map((r: { username: string }) => r.username)).toEqual(expect.arrayContaining(['inwoner.anna', 'inwoner.bram']));
    const s = await anna.get('/api/v1/portal/session');
    expect(s.status).toBe(200);
    expect(s.body.resident).toMatchObject({ id: world.residents.ov1, displayName: 'Anna Jansen' });
    expect(s.body.idleMinutes).toBe(15);
    const unknown = await new ApiClient(server.baseUrl).post('/api/v1/portal/session/demo', { username: 'wm.ov' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.invalidParams[0].name).toBe('username');
  });

  it('a resident session gets 401 on staff routes, a staff session 404 on portal routes', async () => {
    for (const path of ['/api/v1/session', '/api/v1/residents', `/api/v1/residents/${world.residents.ov1}`, `/api/v1/residents/${world.residents.ov1}/plan`, '/api/v1/worklist']) {
      expect((await anna.get(path)).status, path).toBe(401);
    }
    for (const path of ['/api/v1/portal/home', '/api/v1/portal/plan', '/api/v1/portal/session']) {
      expect((await wm.get(path)).status, path).toBe(404);
    }
    // A write without the CSRF token is refused for residents too.
    const noCsrf = await anna.post('/api/v1/portal/plan/goals', { title: 'x' }, { 'x-csrf-token': 'fout' });
    expect(noCsrf.status).toBe(403);
  });

  it('the database scopes to the own resident: another resident sees no plan, and no appointment of Anna', async () => {
    expect((await bram.get('/api/v1/portal/plan')).status).toBe(404);
    const home = await bram.get('/api/v1/portal/home');
    expect(home.status).toBe(200);
    expect(home.body.appointments).toEqual([]);
    const annaHome = await anna.get('/api/v1/portal/home');
    const meetingId = annaHome.body.appointments[0].id;
    expect((await bram.post(`/api/v1/portal/appointments/${meetingId}/reply`, { confirm: true })).status).toBe(404);
    expect((await bram.get(`/api/v1/portal/appointments/${meetingId}/calendar.ics`)).status).toBe(404);
  });
});

describe('Mijn Samenplan: home and appointments', () => {
  it('shows the contact person (no photo), the next appointment and the plan in short', async () => {
    const res = await anna.get('/api/v1/portal/home');
    expect(res.status).toBe(200);
    expect(res.body.firstName).toBe('Anna');
    expect(res.body.contactPerson).toMatchObject({ name: `Test ${ROLE_USERS.jobCoach}` });
    expect(res.body.contactPerson).not.toHaveProperty('photo');
    expect(res.body.appointments).toHaveLength(1);
    expect(res.body.appointments[0]).toMatchObject({ type: 'followUp', location: 'Werkwinkel Overvecht', confirmedAt: null });
    expect(res.body.plan).toMatchObject({ myOpenActions: 1, agreed: false });
  });

  it('confirm, ask to move (a notification for the werkmatcher), and the .ics', async () => {
    const home = await anna.get('/api/v1/portal/home');
    const id = home.body.appointments[0].id;
    const confirmed = await anna.post(`/api/v1/portal/appointments/${id}/reply`, { confirm: true });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.confirmedAt).not.toBeNull();
    const empty = await anna.post(`/api/v1/portal/appointments/${id}/reply`, { moveNote: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.body.invalidParams[0].reason).toContain('Schrijf kort');
    const moved = await anna.post(`/api/v1/portal/appointments/${id}/reply`, { moveNote: 'Dan moet ik naar school met mijn zoon. Donderdag kan ik wel.' });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ confirmedAt: null, moveRequestNote: 'Dan moet ik naar school met mijn zoon. Donderdag kan ik wel.' });
    const ics = await anna.get(`/api/v1/portal/appointments/${id}/calendar.ics`);
    expect(ics.status).toBe(200);
    expect(String(ics.body)).toContain('BEGIN:VCALENDAR');
    const { rows: jobs } = await sql`SELECT * FROM job_outbox`.execute(server.ownerDb);
    expect(JSON.stringify(jobs)).toContain('residentRequest');
    expect(JSON.stringify(jobs)).not.toContain('Donderdag');
  });
});

describe('Mijn Samenplan: my plan', () => {
  it('marks her own action done, but not the werkmatcher’s (404)', async () => {
    const plan = await anna.get('/api/v1/portal/plan');
    expect(plan.status).toBe(200);
    expect(plan.body.permissions).toEqual({ edit: false, addGoal: true, agree: true, editActions: 'own' });
    const actions = plan.body.goals[0].actions;
    const mine = actions.find((a: { owner: { type: string } }) => a.owner.type === 'resident');
    const theirs = actions.find((a: { owner: { type: string } }) => a.owner.type !== 'resident');
    expect(mine.permissions.edit).toBe(true);
    expect(theirs.permissions.edit).toBe(false);
    const tag = plan.headers.get('etag')!;
    expect((await anna.patch(`/api/v1/portal/plan/actions/${theirs.id}`, { status: 'done' }, { 'if-match': tag })).status).toBe(404);
    const done = await anna.patch(`/api/v1/portal/plan/actions/${mine.id}`, { status: 'done' }, { 'if-match': tag });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.goals[0].actions.find((a: { id: string }) => a.id === mine.id).status).toBe('done');
    expect(done.body.updatedByResident).toBe(true);
    // A stale version answers 412 with the current plan.
    expect((await anna.patch(`/api/v1/portal/plan/actions/${mine.id}`, { status: 'open' }, { 'if-match': tag })).status).toBe(412);
  });

  it('proposes her own goal (the werkmatcher sees it as proposed by the resident); 5,000 characters get a Dutch answer', async () => {
    const tag = (await anna.get('/api/v1/portal/plan')).headers.get('etag')!;
    const long = await anna.post('/api/v1/portal/plan/goals', { title: 'x'.repeat(5000) }, { 'if-match': tag });
    expect(long.status).toBe(400);
    expect(long.body.invalidParams[0]).toMatchObject({ name: 'title' });
    expect(long.body.invalidParams[0].reason).toContain('Maak uw doel korter');
    const res = await anna.post('/api/v1/portal/plan/goals', { title: 'Mijn rijbewijs halen' }, { 'if-match': tag });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const seen = await wm.get(P(world.residents.ov1));
    const goal = seen.body.goals.find((g: { title: string }) => g.title === 'Mijn rijbewijs halen');
    expect(goal.proposedByResident).toBe(true);
    expect(seen.body.goals.find((g: { title: string }) => g.title === 'Werk vinden in de zorg').proposedByResident).toBe(false);
  });

  it('agrees to the plan: recorded with channel portal, today', async () => {
    const tag = (await anna.get('/api/v1/portal/plan')).headers.get('etag')!;
    const res = await anna.post('/api/v1/portal/plan/agreement', {}, { 'if-match': tag });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.agreement).toMatchObject({ how: 'portal', agreedOn: todayInNl(), recordedBy: null, changedSinceAgreement: false });
    const seen = await wm.get(P(world.residents.ov1));
    expect(seen.body.agreement.how).toBe('portal');
    const history = await wm.get(`${P(world.residents.ov1)}/history`);
    expect(history.body.items[0].role).toBe('resident');
  });

  it('downloads the accessible PDF', async () => {
    const res = await fetch(`${server.baseUrl}/api/v1/portal/plan/pdf`, { headers: { cookie: `samenplan_session=${anna.sessionToken()}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/pdf');
    expect(Buffer.from(await res.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('every read and write is in the processing log with the resident as actor', async () => {
    const pseudonym = pseudonymise(TEST_PSEUDONYM_KEY, world.utrecht, world.residents.ov1);
    const rows = await server.ownerDb
      .selectFrom('processing_log_entries')
      .select(['action', 'processing_activity_id', 'actor_id', 'actor_role'])
      .where('data_subject_id', '=', pseudonym)
      .where('actor_role', '=', 'resident')
      .execute();
    const actions = new Set(rows.map((r) => `${r.processing_activity_id} ${r.action}`));
    for (const a of ['PA-020 portal.home', 'PA-020 meetings.list', 'PA-020 plans.read', 'PA-021 meetings.confirm', 'PA-021 meetings.moveRequest', 'PA-020 meetings.invitation', 'PA-021 plans.actions.update', 'PA-021 plans.goals.create', 'PA-021 plans.agree', 'PA-020 plans.pdf']) {
      expect(actions, a).toContain(a);
    }
    expect(rows.every((r) => r.actor_id === world.residents.ov1)).toBe(true);
  });
});

describe('Mijn Samenplan: my consents', () => {
  it('lists who may look along; gives one; withdrawing ends the buurtteam’s access at once (its next request: 404)', async () => {
    const bt = await loginAs(server.baseUrl, ROLE_USERS.partnerProfessional);
    expect((await bt.get(`/api/v1/residents/${world.residents.ov1}`)).status).toBe(200);
    const list = await anna.get('/api/v1/portal/consents');
    expect(list.status).toBe(200);
    const buurtteam = list.body.items.find((k: { active: boolean; partnerOrganisation: { id: string } }) => k.active && k.partnerOrganisation.id === world.partners.btOvervecht);
    expect(buurtteam).toBeDefined();
    expect(list.body.organisations.map((o: { id: string }) => o.id)).toContain(world.partners.otherUtrecht);

    const given = await anna.post('/api/v1/portal/consents', { partnerOrganisationId: world.partners.otherUtrecht });
    expect(given.status, JSON.stringify(given.body)).toBe(201);
    expect(given.body).toMatchObject({ active: true, givenByYou: true, validFrom: todayInNl() });
    expect((await anna.post('/api/v1/portal/consents', { partnerOrganisationId: world.partners.otherUtrecht })).status).toBe(409);
    const bad = await anna.post('/api/v1/portal/consents', { partnerOrganisationId: 'geen-id' });
    expect(bad.status).toBe(400);
    expect(bad.body.invalidParams[0]).toMatchObject({ name: 'partnerOrganisationId' });

    const withdrawn = await anna.post(`/api/v1/portal/consents/${buurtteam.id}/withdraw`);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.active).toBe(false);
    expect((await bt.get(`/api/v1/residents/${world.residents.ov1}`)).status).toBe(404);
    expect((await bt.get(`/api/v1/residents/${world.residents.ov1}/plan`)).status).toBe(404);
    // Another resident cannot withdraw Anna's consent: 404.
    expect((await bram.post(`/api/v1/portal/consents/${given.body.id}/withdraw`)).status).toBe(404);
  });
});

describe('Mijn Samenplan: who looked at my file', () => {
  it('lists organisation, role, purpose and date from the log, not her own use; names only when the municipality allows', async () => {
    const res = await anna.get('/api/v1/portal/access-log');
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    const wmEntry = res.body.items.find((e: { role: string }) => e.role === 'werkmatcher');
    expect(wmEntry).toMatchObject({ organisation: 'Utrecht (test)', staffName: `Test ${ROLE_USERS.jobCoach}` });
    expect(typeof wmEntry.activity).toBe('string');
    expect(res.body.items.some((e: { role: string }) => e.role === 'inwoner zelf')).toBe(false);
    await server.ownerDb.updateTable('municipalities').set({ portal_hides_staff_names: true }).where('id', '=', world.utrecht).execute();
    const hidden = await anna.get('/api/v1/portal/access-log');
    expect(hidden.body.namesHidden).toBe(true);
    expect(hidden.body.items.every((e: { staffName: string | null }) => e.staffName === null)).toBe(true);
    await server.ownerDb.updateTable('municipalities').set({ portal_hides_staff_names: false }).where('id', '=', world.utrecht).execute();
  });
});

describe('Mijn Samenplan: "Werkt het loont?"', () => {
  it('16 hours at EUR 14: an estimate with the rule in words; −3 hours gets a Dutch answer next to the field', async () => {
    const res = await anna.post('/api/v1/portal/work-pays', { hoursPerWeek: 16, hourlyWage: 14, household: 'single', age27OrOlder: true, date: '2026-02-01' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ estimate: true, earningsCents: 97067, rule: 'n', normCents: 140150 });
    expect(res.body.totalCents).toBeGreaterThan(res.body.normCents);
    expect(res.body.explanation).toContain('25%');
    const bad = await anna.post('/api/v1/portal/work-pays', { hoursPerWeek: -3, hourlyWage: 14, household: 'single', age27OrOlder: true });
    expect(bad.status).toBe(400);
    expect(bad.body.invalidParams).toEqual([expect.objectContaining({ name: 'hoursPerWeek', reason: expect.stringContaining('niet minder dan 0') })]);
    const early = await anna.post('/api/v1/portal/work-pays', { hoursPerWeek: 16, hourlyWage: 14, household: 'single', age27OrOlder: true, date: '2024-01-01' });
    expect(early.status).toBe(400);
    expect((await wm.post('/api/v1/portal/work-pays', { hoursPerWeek: 16, hourlyWage: 14, household: 'single', age27OrOlder: true })).status).toBe(404);
  });
});

describe('Mijn Samenplan: download all my data (AVG art. 15)', () => {
  it('JSON with person, case, plan and versions, meetings, consents and the log; a tagged PDF; the request logged', async () => {
    const res = await anna.get('/api/v1/portal/my-data?format=json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/mijn-gegevens-.*\.json/);
    expect(res.body.person).toMatchObject({ name: 'Anna Jansen' });
    expect(res.body.plan.goals.length).toBeGreaterThan(0);
    expect(res.body.planVersions.length).toBeGreaterThan(0);
    expect(res.body.meetings.length).toBe(1);
    expect(res.body.consents.length).toBeGreaterThan(0);
    expect(res.body.processingLog.some((e: { role: string }) => e.role === 'inwoner zelf')).toBe(true);
    // Everything is in it (issue 11); the parts she has none of are empty, not absent.
    expect(res.body.notIncluded).toEqual([]);
    for (const k of ['assessments', 'barriers', 'proposals', 'placements', 'messages']) expect(res.body[k], k).toEqual([]);
    expect(res.body.workProfile).toBeNull();
    const pdf = await fetch(`${server.baseUrl}/api/v1/portal/my-data?format=pdf`, { headers: { cookie: `samenplan_session=${anna.sessionToken()}` } });
    expect(pdf.status).toBe(200);
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    const pseudonym = pseudonymise(TEST_PSEUDONYM_KEY, world.utrecht, world.residents.ov1);
    const logged = await server.ownerDb.selectFrom('processing_log_entries').select('action').where('data_subject_id', '=', pseudonym).where('action', '=', 'portal.export').execute();
    expect(logged.length).toBe(2);
    expect((await bram.get('/api/v1/portal/my-data?format=xml')).status).toBe(400);
  });
});
