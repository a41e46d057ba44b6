import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInNl } from '../../src/domain/dates.ts';
import { searchOccupations } from '../../src/modules/esco/esco.data.ts';
import { addMonths } from '../../src/modules/placements/placements.rules.ts';
import { pseudonymise } from '../../src/platform/processing-log/pseudonym.ts';
import { loginAs, type ApiClient } from '../helpers/client.ts';
import { TEST_PSEUDONYM_KEY } from '../helpers/db.ts';
import { ROLE_USERS, createWorld, type World } from '../helpers/fixtures.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

// Placements over real HTTP (PA-015): one transaction for the placement, four follow-ups, the case's outflow, the
// proposal → placed and the vacancy → filled; a failure leaves nothing. Who may: the area team for residents in its
// scope, the employer advisor only on a revealed proposal. Follow-ups due, recorded with If-Match.

const API = '/api/v1';
let server: TestServer;
let world: World;
let advisor: ApiClient;
let coach: ApiClient;
let coachOtherArea: ApiClient;
let coachArnhem: ApiClient;
let employerA: string;
let employerB: string;
let agreementA: string;
let agreementB: string;
let vacancy1: string;
let vacancy2: string;
const R = () => world.residents;
const today = todayInNl();
const cleaner = searchOccupations('schoonmaker', 1)[0]!;

const q = async <T>(query: ReturnType<typeof sql<T>>) => (await query.execute(server.ownerDb)).rows;
const caseOf = async (residentId: string) =>
  (await q(sql<{ outflow: string | null; outflow_on: string | null }>`SELECT outflow, outflow_on FROM cases WHERE resident_id = ${residentId}::uuid AND status = 'active'`))[0]!;
const count = async (table: string, residentId: string) => {
  const rows = table === 'placements'
    ? await q(sql<{ n: string }>`SELECT count(*) AS n FROM placements WHERE resident_id = ${residentId}::uuid`)
    : await q(sql<{ n: string }>`SELECT count(*) AS n FROM placement_follow_ups f JOIN placements p ON p.id = f.placement_id WHERE p.resident_id = ${residentId}::uuid`);
  return Number(rows[0]!.n);
};
const vacancyStatus = async (id: string) => (await q(sql<{ status: string }>`SELECT status FROM vacancies WHERE id = ${id}::uuid`))[0]!.status;
const proposalStatus = async (id: string) => (await q(sql<{ status: string }>`SELECT status FROM match_proposals WHERE id = ${id}::uuid`))[0]!.status;

async function proposal(residentId: string, vacancyId: string, status: string): Promise<string> {
  const id = randomUUID();
  const revealed = status === 'revealed';
  await sql`INSERT INTO match_proposals (municipality_id, id, resident_id, vacancy_id, score, explanation, matcher_version, status, proposed_by,
      resident_response_at, resident_response_how, interview_committed_at, revealed_at, revealed_by)
    VALUES (${world.utrecht}, ${id}, ${residentId}, ${vacancyId}, 80, '[]'::jsonb, 'test', ${status}, ${world.users[ROLE_USERS.jobCoach]!},
      now(), 'inPerson', now(), ${revealed ? new Date() : null}, ${revealed ? world.users[ROLE_USERS.employerAdvisor]! : null})`.execute(server.ownerDb);
  return id;
}

const placementBody = (over: Record<string, unknown> = {}) => ({
  residentId: R().ov1,
  employerId: employerA,
  startDate: '2026-01-31',
  contractType: 'temporary',
  hoursPerWeek: 20,
  hourlyWage: 14.5,
  instrument: 'trialPlacement',
  outflow: 'partial',
  ...over,
});

beforeAll(async () => {
  server = await startTestServer({ template: 'empty' });
  world = await createWorld(server.ownerDb);
  advisor = await loginAs(server.baseUrl, ROLE_USERS.employerAdvisor);
  coach = await loginAs(server.baseUrl, ROLE_USERS.jobCoach);
  coachOtherArea = await loginAs(server.baseUrl, ROLE_USERS.jobCoachOtherArea);
  coachArnhem = await loginAs(server.baseUrl, ROLE_USERS.jobCoachOtherMunicipality);
  employerA = (await advisor.post(`${API}/employers`, { name: 'Schoon BV', sector: 'Schoonmaak' })).body.id;
  employerB = (await advisor.post(`${API}/employers`, { name: 'Ander BV', sector: 'Zorg' })).body.id;
  const agreement = { kind: 'intention', title: 'Intentie 2026', pledgedPlacements: 3, periodStart: '2026-01-01', periodEnd: '2026-12-31' };
  agreementA = (await advisor.post(`${API}/employers/${employerA}/agreements`, agreement)).body.id;
  agreementB = (await advisor.post(`${API}/employers/${employerB}/agreements`, agreement)).body.id;
  const vacancy = { employerId: employerA, title: 'Schoonmaker', escoCode: cleaner.code, requiredSkills: [], niceToHaveSkills: [], hoursPerWeek: 20, schedule: [{ day: 1, from: '09:00', to: '14:00' }], postcode: '3562AB', contractType: 'temporary', instruments: [], drivingLicenceRequired: false, status: 'open' };
  vacancy1 = (await advisor.post(`${API}/vacancies`, vacancy)).body.id;
  vacancy2 = (await advisor.post(`${API}/vacancies`, { ...vacancy, title: 'Schoonmaker 2' })).body.id;
});

afterAll(async () => {
  await server?.close();
});

let placementId: string;

describe('creating a placement', () => {
  it('a failure leaves nothing: an agreement of another employer → 400, no placement, no follow-ups, case and vacancy unchanged', async () => {
    const res = await coach.post(`${API}/placements`, placementBody({ agreementId: agreementB, vacancyId: vacancy1 }));
    expect(res.status).toBe(400);
    expect(res.body.invalidParams.map((p: { name: string }) => p.name)).toEqual(['agreementId']);
    expect(await count('placements', R().ov1)).toBe(0);
    expect(await count('follow_ups', R().ov1)).toBe(0);
    expect(await caseOf(R().ov1)).toEqual({ outflow: null, outflow_on: null });
    expect(await vacancyStatus(vacancy1)).toBe('open');
  });

  it('rejects a vacancy of another employer and an unknown employer', async () => {
    const res = await coach.post(`${API}/placements`, placementBody({ employerId: employerB, vacancyId: vacancy1 }));
    expect(res.status).toBe(400);
    expect(res.body.invalidParams.map((p: { name: string }) => p.name)).toEqual(['vacancyId']);
    const unknown = await coach.post(`${API}/placements`, placementBody({ employerId: randomUUID() }));
    expect(unknown.body.invalidParams.map((p: { name: string }) => p.name)).toEqual(['employerId']);
    // A start years ahead and an unknown employer: both in one answer.
    const far = await coach.post(`${API}/placements`, placementBody({ employerId: randomUUID(), startDate: `${Number(new Date().getUTCFullYear()) + 3}-01-01` }));
    expect(far.body.invalidParams.map((p: { name: string; code: string }) => `${p.name}:${p.code}`)).toEqual(['startDate:tooFar', 'employerId:unknown']);
    expect(await count('placements', R().ov1)).toBe(0);
  });

  it('the werkmatcher places a resident in scope: follow-ups 1/3/6/12 months (end of month clamped), outflow, vacancy filled, logged', async () => {
    const res = await coach.post(`${API}/placements`, placementBody({ vacancyId: vacancy1, agreementId: agreementA }));
    expect(res.status).toBe(201);
    placementId = res.body.id;
    expect(res.headers.get('etag')).toMatch(new RegExp(`^"placement-${placementId}-v\\d+"$`));
    expect(res.body).toMatchObject({
      residentId: R().ov1,
      residentName: 'Anna Jansen',
      employer: { id: employerA, name: 'Schoon BV' },
      vacancy: { id: vacancy1, title: 'Schoonmaker' },
      agreement: { id: agreementA, title: 'Intentie 2026' },
      startDate: '2026-01-31',
      contractType: 'temporary',
      hoursPerWeek: 20,
      hourlyWage: 14.5,
      instrument: 'trialPlacement',
      outflow: 'partial',
      status: 'active',
    });
    expect(res.body.followUps).toEqual([
      { months: 1, dueOn: '2026-02-28', doneOn: null, stillEmployed: null, note: null },
      { months: 3, dueOn: '2026-04-30', doneOn: null, stillEmployed: null, note: null },
      { months: 6, dueOn: '2026-07-31', doneOn: null, stillEmployed: null, note: null },
      { months: 12, dueOn: '2027-01-31', doneOn: null, stillEmployed: null, note: null },
    ]);
    expect(await caseOf(R().ov1)).toEqual({ outflow: 'partial', outflow_on: '2026-01-31' });
    expect(await vacancyStatus(vacancy1)).toBe('filled');
    const logged = await server.ownerDb.selectFrom('processing_log_entries').select(['data_subject_id', 'actor_role']).where('processing_activity_id', '=', 'PA-015').where('action', '=', 'placements.create').execute();
    expect(logged).toEqual([{ data_subject_id: pseudonymise(TEST_PSEUDONYM_KEY, world.utrecht, R().ov1), actor_role: 'jobCoach' }]);
    // The agreement now counts one realised placement.
    const employer = await advisor.get(`${API}/employers/${employerA}`);
    expect(employer.body.agreements[0].realisedPlacements).toBe(1);
  });

  it('reads the placement and the resident’s placements', async () => {
    const one = await coach.get(`${API}/placements/${placementId}`);
    expect(one.status).toBe(200);
    expect(one.body.residentName).toBe('Anna Jansen');
    const teamLead = await loginAs(server.baseUrl, ROLE_USERS.teamLead);
    expect((await teamLead.get(`${API}/placements/${placementId}`)).status).toBe(200);
    const list = await coach.get(`${API}/residents/${R().ov1}/placements`);
    expect(list.body.items.map((p: { id: string }) => p.id)).toEqual([placementId]);
    expect((await coach.get(`${API}/residents/${R().ov2}/placements`)).body.items).toEqual([]);
  });
});

describe('the employer advisor', () => {
  it('cannot place without a revealed proposal: 404', async () => {
    expect((await advisor.post(`${API}/placements`, placementBody({ residentId: R().ov2 }))).status).toBe(404);
    const agreed = await proposal(R().ov2, vacancy2, 'interviewAgreed');
    expect((await advisor.post(`${API}/placements`, placementBody({ residentId: R().ov2, proposalId: agreed }))).status).toBe(404);
    // A revealed proposal of another resident does not count.
    const otherResident = await proposal(R().ov3, vacancy2, 'revealed');
    expect((await advisor.post(`${API}/placements`, placementBody({ residentId: R().ov2, proposalId: otherResident }))).status).toBe(404);
    expect(await count('placements', R().ov2)).toBe(0);
    expect(await proposalStatus(agreed)).toBe('interviewAgreed');
  });

  it('places on a revealed proposal: proposal → placed, vacancy → filled, and sees the name', async () => {
    const revealed = await proposal(R().ov4, vacancy2, 'revealed');
    const res = await advisor.post(`${API}/placements`, placementBody({ residentId: R().ov4, proposalId: revealed, outflow: 'full', startDate: today, agreementId: agreementA }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ residentId: R().ov4, residentName: 'Dirk Visser', vacancy: { id: vacancy2 }, outflow: 'full' });
    expect(await proposalStatus(revealed)).toBe('placed');
    expect(await vacancyStatus(vacancy2)).toBe('filled');
    expect(await caseOf(R().ov4)).toEqual({ outflow: 'full', outflow_on: today });
    expect((await advisor.get(`${API}/placements/${res.body.id}`)).body.residentName).toBe('Dirk Visser');
    expect((await advisor.get(`${API}/residents/${R().ov4}/placements`)).body.items.map((p: { id: string }) => p.id)).toEqual([res.body.id]);
    // A placed proposal cannot be used again.
    expect((await advisor.post(`${API}/placements`, placementBody({ residentId: R().ov4, proposalId: revealed }))).status).toBe(404);
  });

  it('does not see a placement made without a revealed proposal: 404', async () => {
    expect((await advisor.get(`${API}/placements/${placementId}`)).status).toBe(404);
    expect((await advisor.get(`${API}/residents/${R().ov1}/placements`)).status).toBe(404);
    expect((await advisor.get(`${API}/placements`)).body.items.map((p: { residentId: string }) => p.residentId)).toEqual([R().ov4]);
  });
});

describe('follow-up', () => {
  it('lists placements with follow-up due within 14 days or overdue, in the caller’s scope', async () => {
    // ov2: started a month ago (1-month follow-up due today); ov3: starts today (first follow-up in a month).
    const due = await coach.post(`${API}/placements`, placementBody({ residentId: R().ov2, startDate: addMonths(today, -1) }));
    const later = await coach.post(`${API}/placements`, placementBody({ residentId: R().ov3, startDate: today }));
    expect(due.status).toBe(201);
    expect(later.status).toBe(201);
    const list = await coach.get(`${API}/placements?followUpDue=true`);
    expect(list.status).toBe(200);
    const ids = list.body.items.map((p: { id: string }) => p.id);
    expect(ids).toContain(due.body.id);
    expect(ids).not.toContain(later.body.id);
    const all = (await coach.get(`${API}/placements`)).body.items.map((p: { id: string }) => p.id);
    expect(all).toEqual(expect.arrayContaining([due.body.id, later.body.id, placementId]));
    // The werkmatcher of another area sees none of these.
    expect((await coachOtherArea.get(`${API}/placements?followUpDue=true`)).body.items).toEqual([]);
  });

  it('records a follow-up with If-Match: 428, 412, then 200; not employed any more ends the placement', async () => {
    const url = `${API}/placements/${placementId}/follow-ups/1`;
    expect((await coach.put(url, { doneOn: '2026-02-27', stillEmployed: true })).status).toBe(428);
    expect((await coach.put(url, { doneOn: '2026-02-27', stillEmployed: true }, { 'if-match': `"placement-${placementId}-v1"` })).status).toBe(412);
    const etag = (await coach.get(`${API}/placements/${placementId}`)).headers.get('etag')!;
    expect((await coach.put(url, { doneOn: '2026-01-30', stillEmployed: true }, { 'if-match': etag })).status).toBe(400);
    const ok = await coach.put(url, { doneOn: '2026-01-31', stillEmployed: true, note: 'Gaat goed' }, { 'if-match': etag });
    expect(ok.status).toBe(200);
    expect(ok.body.followUps[0]).toEqual({ months: 1, dueOn: '2026-02-28', doneOn: '2026-01-31', stillEmployed: true, note: 'Gaat goed' });
    expect(ok.body.status).toBe('active');
    expect(ok.headers.get('etag')).not.toBe(etag);
    expect((await coach.put(url, { doneOn: '2026-01-31', stillEmployed: true }, { 'if-match': etag })).status).toBe(412);
    const ended = await coach.put(`${API}/placements/${placementId}/follow-ups/3`, { doneOn: '2026-02-01', stillEmployed: false }, { 'if-match': ok.headers.get('etag')! });
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({ status: 'ended', endDate: '2026-02-01' });
    expect((await coach.put(`${API}/placements/${placementId}/follow-ups/2`, { doneOn: '2026-02-01', stillEmployed: true }, { 'if-match': ended.headers.get('etag')! })).status).toBe(400);
  });
});

describe('placement access', () => {
  it('a werkmatcher of another team gets 404 for a resident outside his scope', async () => {
    expect((await coachOtherArea.get(`${API}/placements/${placementId}`)).status).toBe(404);
    expect((await coachOtherArea.get(`${API}/residents/${R().ov1}/placements`)).status).toBe(404);
    expect((await coachOtherArea.post(`${API}/placements`, placementBody({ residentId: R().ov1 }))).status).toBe(404);
    const etag = (await coach.get(`${API}/placements/${placementId}`)).headers.get('etag')!;
    expect((await coachOtherArea.put(`${API}/placements/${placementId}/follow-ups/6`, { doneOn: today, stillEmployed: true }, { 'if-match': etag })).status).toBe(404);
  });

  it('another municipality gets 404', async () => {
    expect((await coachArnhem.get(`${API}/placements/${placementId}`)).status).toBe(404);
    expect((await coachArnhem.get(`${API}/residents/${R().ov1}/placements`)).status).toBe(404);
    expect((await coachArnhem.post(`${API}/placements`, placementBody())).status).toBe(404);
    expect((await coachArnhem.get(`${API}/placements`)).body.items).toEqual([]);
  });

  it('roles without placements permissions: 403 on collections, 404 on single records', async () => {
    for (const persona of ['policyOfficer', 'partnerProfessional', 'researcher', 'privacyOfficer'] as const) {
      const c = await loginAs(server.baseUrl, ROLE_USERS[persona]);
      expect((await c.get(`${API}/placements`)).status, persona).toBe(403);
      expect((await c.post(`${API}/placements`, placementBody())).status, persona).toBe(403);
      expect((await c.get(`${API}/placements/${placementId}`)).status, persona).toBe(404);
      expect((await c.get(`${API}/residents/${R().ov1}/placements`)).status, persona).toBe(404);
    }
  });
});

describe('the agreement a placement counts towards', () => {
  // An employer with two intention agreements that overlap in June, and an anti-discrimination accord (no pledge:
  // never a default). Without agreementId the running one is taken, several running is a question, none is null.
  let employerC: string;
  let spring: string;
  let autumn: string;
  beforeAll(async () => {
    employerC = (await advisor.post(`${API}/employers`, { name: 'Ziekenhuis C', sector: 'Zorg' })).body.id;
    spring = (await advisor.post(`${API}/employers/${employerC}/agreements`, { kind: 'intention', title: 'Intentie voorjaar', pledgedPlacements: 10, periodStart: '2026-01-01', periodEnd: '2026-06-30' })).body.id;
    autumn = (await advisor.post(`${API}/employers/${employerC}/agreements`, { kind: 'intention', title: 'Intentie najaar', pledgedPlacements: 10, periodStart: '2026-06-01', periodEnd: '2026-12-31' })).body.id;
    expect((await advisor.post(`${API}/employers/${employerC}/agreements`, { kind: 'antiDiscrimination', title: 'Akkoord', periodStart: '2025-01-01', periodEnd: '2027-12-31' })).status).toBe(201);
  });
  const body = (over: Record<string, unknown>) => placementBody({ residentId: R().ov3, employerId: employerC, instrument: undefined, ...over });

  it('without agreementId: the intention agreement that runs on the start date', async () => {
    const res = await coach.post(`${API}/placements`, body({ startDate: '2026-03-02' }));
    expect(res.status).toBe(201);
    expect(res.body.agreement).toEqual({ id: spring, title: 'Intentie voorjaar' });
  });

  it('two agreements run on the start date: 400 naming both, nothing written; choosing one works', async () => {
    const before = await count('placements', R().ov3);
    const res = await coach.post(`${API}/placements`, body({ startDate: '2026-06-15' }));
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.invalidParams).toEqual([
      { name: 'agreementId', code: 'ambiguous', reason: expect.stringContaining('Intentie voorjaar; Intentie najaar') },
    ]);
    expect(await count('placements', R().ov3)).toBe(before);
    const chosen = await coach.post(`${API}/placements`, body({ startDate: '2026-06-15', agreementId: autumn }));
    expect(chosen.status).toBe(201);
    expect(chosen.body.agreement).toEqual({ id: autumn, title: 'Intentie najaar' });
  });

  it('no agreement runs on the start date, or explicitly none: agreement null (it counts for no agreement)', async () => {
    const none = await coach.post(`${API}/placements`, body({ startDate: '2025-06-02' }));
    expect(none.status).toBe(201);
    expect(none.body.agreement).toBeNull();
    const explicit = await coach.post(`${API}/placements`, body({ startDate: '2026-03-02', agreementId: null }));
    expect(explicit.status).toBe(201);
    expect(explicit.body.agreement).toBeNull();
  });
});
