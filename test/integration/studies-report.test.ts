import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInNl } from '../../src/domain/dates.ts';
import { loginAs, type ApiClient } from '../helpers/client.ts';
import { ROLE_USERS, createWorld, type World } from '../helpers/fixtures.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

// Studies, continued (issue 14), over real HTTP: batch enrolment all or nothing; the study page's CONSORT flow,
// balance and attrition (aggregates, small cells suppressed); the researcher's pseudonymised export (keyed pseudonyms
// per study, no identifying field, small cells merged, logged per participant) and that the researcher sees no
// resident's record.

const API = '/api/v1';
let server: TestServer;
let world: World;
let coach: ApiClient;
let lead: ApiClient;
let policy: ApiClient;
let researcher: ApiClient;
let coachZuid: ApiClient;
let coachArnhem: ApiClient;
const today = todayInNl();
/** 40 extra residents in Overvecht (the teamleider's and the werkmatcher's wijk). */
const extra: string[] = [];

const design = (name: string) => ({
  name,
  eligibility: 'Bijstand',
  targetSize: 40,
  startsOn: '2026-01-01',
  endsOn: '2027-06-30',
  primaryOutcome: 'workingOver12h',
  strata: ['educationLevel'],
  arms: [
    { key: 'controle', name: 'Controle', isControl: true },
    { key: 'extra_hulp', name: 'Met extra hulp in actie', isControl: false, contactEveryDays: 14 },
  ],
});
const line = (residentId: string, educationLevel = 'laag') => ({ residentId, consentGiven: true, consentGivenOn: today, educationLevel });
const count = async (studyId: string) =>
  Number((await sql<{ n: string }>`SELECT count(*) AS n FROM study_participants WHERE study_id = ${studyId}::uuid`.execute(server.ownerDb)).rows[0]!.n);

beforeAll(async () => {
  server = await startTestServer({ template: 'empty' });
  world = await createWorld(server.ownerDb);
  for (let i = 0; i < 40; i++) {
    const id = randomUUID();
    extra.push(id);
    await sql`INSERT INTO residents (municipality_id, id, bsn, given_names, family_name, date_of_birth, street, house_number, postcode, city, area_id, household_type, education_level)
      VALUES (${world.utrecht}, ${id}::uuid, ${String(600000000 + i * 7).padStart(9, '0')}, ${`Proef${i}`}, ${`Deelnemer${i}`}, ${i % 2 ? '1990-03-01' : '1970-08-15'}::date,
        'Onderzoekslaan', ${String(i + 1)}, '3562AB', 'Utrecht', ${world.areas.overvecht}::uuid, ${i % 3 ? 'single' : 'couple'}, 'mbo2to4')`.execute(server.ownerDb);
  }
  const as = (r: keyof typeof ROLE_USERS) => loginAs(server.baseUrl, ROLE_USERS[r]);
  coach = await as('jobCoach');
  lead = await as('teamLead');
  policy = await as('policyOfficer');
  researcher = await as('researcher');
  coachZuid = await as('jobCoachOtherArea');
  coachArnhem = await as('jobCoachOtherMunicipality');
});
afterAll(() => server.close());

describe('batch enrolment', () => {
  let studyId: string;
  beforeAll(async () => {
    studyId = (await lead.post(`${API}/studies`, design('Batch'))).body.id;
  });

  it('one resident out of scope: 404 and nobody of the batch enrolled', async () => {
    const res = await coach.post(`${API}/studies/${studyId}/participant-batches`, { participants: [line(extra[0]!), line(world.residents.zu1)] });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(await count(studyId)).toBe(0);
    expect((await coachArnhem.post(`${API}/studies/${studyId}/participant-batches`, { participants: [line(world.residents.ar1)] })).status).toBe(404);
    expect((await policy.post(`${API}/studies/${studyId}/participant-batches`, { participants: [line(extra[0]!)] })).status).toBe(404);
    expect((await researcher.post(`${API}/studies/${studyId}/participant-batches`, { participants: [line(extra[0]!)] })).status).toBe(404);
  });

  it('a line without consent or twice in the batch: 400 naming the line, nothing enrolled', async () => {
    const noConsent = await coach.post(`${API}/studies/${studyId}/participant-batches`, { participants: [line(extra[0]!), { ...line(extra[1]!), consentGiven: false }] });
    expect(noConsent.status).toBe(400);
    expect(JSON.stringify(noConsent.body.invalidParams)).toMatch(/participants/);
    const twice = await coach.post(`${API}/studies/${studyId}/participant-batches`, { participants: [line(extra[0]!), line(extra[0]!)] });
    expect(twice.status).toBe(400);
    expect(twice.body.invalidParams).toEqual([expect.objectContaining({ name: 'participants[1].residentId', code: 'duplicate' })]);
    expect(await count(studyId)).toBe(0);
  });

  it('enrols the whole batch in one request, strata per line, logged per resident; an already enrolled one fails the next batch whole', async () => {
    const batch = extra.slice(0, 30).map((id, i) => line(id, i % 2 ? 'laag' : 'hoog'));
    const res = await coach.post(`${API}/studies/${studyId}/participant-batches`, { participants: batch });
    expect(res.status).toBe(201);
    expect(res.body.enrolled).toBe(30);
    expect(res.body.participants[0]).toEqual({ residentId: extra[0], stratum: 'hoog' });
    expect(await count(studyId)).toBe(30);
    const logged = await sql<{ n: number }>`SELECT cardinality(data_subject_ids) AS n FROM processing_log
      WHERE action = 'studies.enrol' AND processing_activity_id = 'PA-033' ORDER BY seq DESC LIMIT 1`.execute(server.ownerDb);
    expect(logged.rows[0]!.n).toBe(30);
    // Enrolment order is the batch's order (the lottery takes participants in enrolment order).
    const order = (await sql<{ resident_id: string }>`SELECT resident_id FROM study_participants WHERE study_id = ${studyId}::uuid ORDER BY enrolment_seq`.execute(server.ownerDb)).rows;
    expect(order.map((r) => r.resident_id)).toEqual(extra.slice(0, 30));

    const again = await coach.post(`${API}/studies/${studyId}/participant-batches`, { participants: [line(extra[30]!), line(extra[5]!)] });
    expect(again.status).toBe(409);
    expect(again.body.invalidParams).toEqual([expect.objectContaining({ name: 'participants[1].residentId', code: 'enrolled' })]);
    expect(await count(studyId)).toBe(30);
  });
});

describe('study page and researchers export', () => {
  let studyId: string;
  let otherId: string;
  beforeAll(async () => {
    studyId = (await lead.post(`${API}/studies`, design('Rapport'))).body.id;
    const ids = [...extra, world.residents.ov1, world.residents.ov2];
    const res = await lead.post(`${API}/studies/${studyId}/participant-batches`, { participants: ids.map((id, i) => line(id, i < 36 ? 'laag' : 'midden')) });
    expect(res.status).toBe(201);
    // A second study with some of the same residents: pseudonyms must differ between studies.
    otherId = (await lead.post(`${API}/studies`, design('Rapport 2'))).body.id;
    expect((await lead.post(`${API}/studies/${otherId}/participant-batches`, { participants: extra.slice(0, 10).map((id) => line(id)) })).status).toBe(201);
    expect((await lead.post(`${API}/studies/${otherId}/allocation`, {})).status).toBe(200);
  });

  it('before the lottery the page shows the enrolment only', async () => {
    const res = await coach.get(`${API}/studies/${studyId}/overview`);
    expect(res.status).toBe(200);
    expect(res.body.consort).toEqual({ enrolled: 42, allocated: 0, arms: [] });
    expect(res.body.balance).toEqual([]);
    expect((await researcher.get(`${API}/studies/${studyId}/pseudonymised-dataset`)).status).toBe(400);
  });

  it('after the lottery: CONSORT per arm with follow-up, balance with small cells suppressed', async () => {
    expect((await lead.post(`${API}/studies/${studyId}/allocation`, {})).status).toBe(200);
    // One participant moved out of the municipality after the lottery (an outflow for reason 'moved').
    const moved = extra[3]!;
    const ownerRows = await sql<{ arm_key: string }>`SELECT arm_key FROM study_participants WHERE study_id = ${studyId}::uuid AND resident_id = ${moved}::uuid`.execute(server.ownerDb);
    const movedArm = ownerRows.rows[0]!.arm_key;
    await insertMovedOutflow(moved);

    const res = await policy.get(`${API}/studies/${studyId}/overview`);
    expect(res.status).toBe(200);
    const c = res.body.consort;
    expect(c.enrolled).toBe(42);
    expect(c.allocated).toBe(42);
    expect(c.arms.map((a: any) => a.key)).toEqual(['controle', 'extra_hulp']);
    expect(c.arms.reduce((n: number, a: any) => n + a.allocated, 0)).toBe(42);
    for (const a of c.arms) {
      expect(a.analysed).toBe(a.allocated);
      expect(a.followedUp).toBe(a.allocated - a.lostToFollowUp);
      expect(a.lostToFollowUp).toBe(a.key === movedArm ? 1 : 0);
    }
    const edu = res.body.balance.find((b: any) => b.variable === 'educationLevel');
    const laag = edu.levels.find((l: any) => l.level === 'laag');
    expect(laag.total).toBe(36);
    expect(laag.arms.reduce((n: number, a: any) => n + (a.n ?? 0), 0)).toBe(36);
    const midden = edu.levels.find((l: any) => l.level === 'midden');
    // Six in "midden", three per arm: under 10, suppressed, and no share either.
    expect(midden.total).toBeNull();
    expect(midden.arms.every((a: any) => a.n === null && a.share === null)).toBe(true);
    expect(res.body.balance.map((b: any) => b.variable)).toEqual(['educationLevel', 'area', 'ageGroup', 'householdType']);
    expect(JSON.stringify(res.body)).not.toMatch(/Deelnemer|Proef\d|6000000/);
    expect((await researcher.get(`${API}/studies/${studyId}/overview`)).status).toBe(200);
    expect((await coachArnhem.get(`${API}/studies/${studyId}/overview`)).status).toBe(404);
  });

  it('the researcher exports the pseudonymised set: keyed pseudonyms per study, no identifying field, small cells merged, logged', async () => {
    const res = await researcher.get(`${API}/studies/${studyId}/pseudonymised-dataset`);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(42);
    const rows = res.body.items as any[];
    expect(Object.keys(rows[0]).sort()).toEqual(
      ['ageGroup', 'allocatedMonth', 'area', 'arm', 'educationLevel', 'enrolledMonth', 'householdType', 'hoursPerWeek', 'movedAway', 'outflow', 'permanentContract', 'pseudonym', 'workingOver12h'].sort(),
    );
    const text = JSON.stringify(res.body);
    // No resident id, BSN, name, street, postcode or date of birth anywhere in it.
    for (const id of [...extra, world.residents.ov1, world.residents.ov2]) expect(text).not.toContain(id);
    expect(text).not.toMatch(/Deelnemer\d|Proef\d|Onderzoekslaan|3562AB|600000|1990-03-01|1970-08-15|bsn|givenNames|familyName|street|postcode|dateOfBirth/i);
    expect(new Set(rows.map((r) => r.pseudonym)).size).toBe(42);
    for (const r of rows) {
      expect(r.pseudonym).toMatch(/^P[0-9a-f]{16}$/);
      expect(r.enrolledMonth).toMatch(/^\d{4}-\d{2}$/);
    }
    // Six "midden" (under 10): merged into "overig", which stays under 10 and is suppressed (null); the 36 "laag" stay.
    const edu = rows.reduce((m: Record<string, number>, r) => ({ ...m, [String(r.educationLevel)]: (m[String(r.educationLevel)] ?? 0) + 1 }), {});
    expect(edu).toEqual({ laag: 36, null: 6 });
    // Every level of every categorical variable occurs at least 10 times, or there is one level.
    for (const v of ['educationLevel', 'area', 'ageGroup', 'householdType']) {
      const counts = new Map<string, number>();
      for (const r of rows) if (r[v] !== null) counts.set(r[v], (counts.get(r[v]) ?? 0) + 1);
      for (const n of counts.values()) expect(n).toBeGreaterThanOrEqual(10);
    }
    // The codebook describes every column, and only those.
    expect(res.body.codebook.map((c: any) => c.name).sort()).toEqual(Object.keys(rows[0]).sort());
    expect(res.body.codebook.find((c: any) => c.name === 'educationLevel').levels).toEqual(['laag']);

    // Stable within the study, different in another study.
    const again = await researcher.get(`${API}/studies/${studyId}/pseudonymised-dataset`);
    expect(new Set(again.body.items.map((r: any) => r.pseudonym))).toEqual(new Set(rows.map((r) => r.pseudonym)));
    const other = await researcher.get(`${API}/studies/${otherId}/pseudonymised-dataset`);
    expect(other.status).toBe(200);
    const mine = new Set(rows.map((r) => r.pseudonym));
    expect(other.body.items.some((r: any) => mine.has(r.pseudonym))).toBe(false);

    // Logged: one PA-035 entry per export naming every participant, the researcher's role.
    const log = await sql<{ n: number; actor_role: string }>`SELECT cardinality(data_subject_ids) AS n, actor_role FROM processing_log
      WHERE action = 'studies.export' AND processing_activity_id = 'PA-035' ORDER BY seq`.execute(server.ownerDb);
    expect(log.rows.map((r) => r.n)).toEqual([42, 42, 10]);
    expect(new Set(log.rows.map((r) => r.actor_role))).toEqual(new Set(['researcher']));
  });

  it('only the researcher gets the export; the researcher gets 404 on every resident route', async () => {
    for (const c of [coach, lead, policy, coachZuid]) expect((await c.get(`${API}/studies/${studyId}/pseudonymised-dataset`)).status).toBe(404);
    for (const path of [
      `/residents/${world.residents.ov1}`,
      `/residents/${world.residents.ov1}/bsn`,
      `/residents/${world.residents.ov1}/study-rules`,
      `/residents/${extra[0]}/study-rules`,
      `/residents/${extra[0]}/plan`,
    ]) {
      expect((await researcher.get(`${API}${path}`)).status, path).toBe(404);
    }
    // Collections answer 403 to a role without the permission (the platform's rule: no record to hide).
    for (const path of ['/residents', '/worklist']) expect((await researcher.get(`${API}${path}`)).status, path).toBe(403);
    expect((await researcher.post(`${API}/studies/${studyId}/participants`, line(extra[39]!))).status).toBe(404);
  });
});

/** The resident's case closes and his benefit ends today because he moved away (as the outflow route records it). */
describe("the worklist applies the arm's contact norm", () => {
  it('a resident in the arm with contact every 14 days is over the norm after 20 days; the control group keeps the 90 days', async () => {
    // The earlier studies of these residents have ended: their arms' norms no longer apply.
    await sql`UPDATE studies SET ends_on = '2026-06-30' WHERE name IN ('Rapport', 'Rapport 2')`.execute(server.ownerDb);
    const studyId = (await lead.post(`${API}/studies`, design('Contactnorm'))).body.id;
    const ids = extra.slice(20, 40);
    expect((await lead.post(`${API}/studies/${studyId}/participant-batches`, { participants: ids.map((id) => line(id)) })).status).toBe(201);
    // Before the lottery nothing changes: last contact 20 days ago, the municipality's norm of 90 days.
    for (const id of ids) {
      await sql`INSERT INTO cases (municipality_id, id, resident_id, opened_on, contact_person_id, contact_person_since, last_contact_at)
        VALUES (${world.utrecht}, ${randomUUID()}::uuid, ${id}::uuid, current_date - 400, ${world.users[ROLE_USERS.jobCoach]}::uuid, now() - interval '400 days', now() - interval '20 days')`.execute(server.ownerDb);
    }
    const overNorm = async () => new Map(((await coach.get(`${API}/worklist`)).body.overContactNorm as any[]).map((r) => [r.resident.id, r.norm]));
    const before = await overNorm();
    for (const id of ids) expect(before.has(id)).toBe(false);
    expect((await lead.post(`${API}/studies/${studyId}/allocation`, {})).status).toBe(200);
    const arms = new Map((await sql<{ resident_id: string; arm_key: string }>`SELECT resident_id, arm_key FROM study_participants WHERE study_id = ${studyId}::uuid`.execute(server.ownerDb)).rows.map((r) => [r.resident_id, r.arm_key]));
    const after = await overNorm();
    for (const id of ids) {
      if (arms.get(id) === 'extra_hulp') expect(after.get(id), id).toBe(14);
      else expect(after.has(id), id).toBe(false);
    }
    expect([...arms.values()].filter((a) => a === 'extra_hulp').length).toBe(10);
  });
});

async function insertMovedOutflow(residentId: string) {
  const caseId = randomUUID();
  const benefitId = randomUUID();
  const m = world.utrecht;
  await sql`INSERT INTO cases (municipality_id, id, resident_id, status, opened_on, closed_on) VALUES (${m}, ${caseId}::uuid, ${residentId}::uuid, 'closed', current_date - 400, current_date)`.execute(server.ownerDb);
  await sql`INSERT INTO benefits (municipality_id, id, resident_id, start_date, end_date) VALUES (${m}, ${benefitId}::uuid, ${residentId}::uuid, current_date - 400, current_date)`.execute(server.ownerDb);
  await sql`INSERT INTO outflows (municipality_id, id, resident_id, case_id, benefit_id, reason, outflow_on, registered_by)
    VALUES (${m}, ${randomUUID()}::uuid, ${residentId}::uuid, ${caseId}::uuid, ${benefitId}::uuid, 'moved', ${today}::date, ${world.users[ROLE_USERS.jobCoach]}::uuid)`.execute(server.ownerDb);
}
