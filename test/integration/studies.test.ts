import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInNl } from '../../src/domain/dates.ts';
import { allocate } from '../../src/domain/stats/randomisation.ts';
import { loginAs, type ApiClient } from '../helpers/client.ts';
import { ROLE_USERS, createWorld, type World } from '../helpers/fixtures.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

// Studies over real HTTP (issue 14): design, enrolment (consent first, scope), allocation concealed until the
// lottery, reproducible from the stored seed, logged per resident; what an arm changes for the werkmatcher; the
// analysis as aggregates.

const API = '/api/v1';
let server: TestServer;
let world: World;
let coach: ApiClient;
let coachZuid: ApiClient;
let lead: ApiClient;
let policy: ApiClient;
let partner: ApiClient;
let researcher: ApiClient;
let coachArnhem: ApiClient;
const today = todayInNl();

const design = {
  name: 'Weten wat werkt (test)',
  registrationId: 'NL-TEST-1',
  eligibility: 'Bijstand, 18–65 jaar',
  targetSize: 12,
  startsOn: '2026-01-01',
  endsOn: '2027-06-30',
  primaryOutcome: 'workingOver12h',
  secondaryOutcomes: ['permanentContract'],
  strata: ['area', 'educationLevel'],
  arms: [
    { key: 'controle', name: 'Controle', isControl: true },
    { key: 'zelf_in_actie', name: 'Zelf in actie', isControl: false, applicationObligationWaived: true },
    { key: 'extra_hulp', name: 'Met extra hulp in actie', isControl: false, contactEveryDays: 14 },
    { key: 'werken_loont', name: 'Werken loont', isControl: false, earningsDisregardVariant: 'werkenLoont' },
  ],
};

beforeAll(async () => {
  server = await startTestServer({ template: 'empty' });
  world = await createWorld(server.ownerDb);
  const as = (r: keyof typeof ROLE_USERS) => loginAs(server.baseUrl, ROLE_USERS[r]);
  coach = await as('jobCoach');
  coachZuid = await as('jobCoachOtherArea');
  lead = await as('teamLead');
  policy = await as('policyOfficer');
  partner = await as('partnerProfessional');
  researcher = await as('researcher');
  coachArnhem = await as('jobCoachOtherMunicipality');
});
afterAll(() => server.close());

const enrolBody = (residentId: string, educationLevel = 'laag') => ({ residentId, consentGiven: true, consentGivenOn: today, educationLevel });

describe('studies', () => {
  let studyId: string;

  it('a teamleider designs a study; arms carry their rules; the seed never leaves', async () => {
    const res = await lead.post(`${API}/studies`, design);
    expect(res.status).toBe(201);
    studyId = res.body.id;
    expect(res.body.status).toBe('enrolling');
    expect(res.body.arms.map((a: any) => a.key)).toEqual(['controle', 'extra_hulp', 'werken_loont', 'zelf_in_actie']);
    expect(res.body.arms.find((a: any) => a.key === 'werken_loont').earningsDisregardVariant).toBe('werkenLoont');
    expect(JSON.stringify(res.body)).not.toMatch(/seed/i);
    expect([403, 404]).toContain((await coach.post(`${API}/studies`, design)).status);
  });

  it('refuses a design without exactly one control group, or with rules on the control group (400, invalidParams)', async () => {
    const none = await lead.post(`${API}/studies`, { ...design, arms: design.arms.map((a) => ({ ...a, isControl: false })) });
    expect(none.status).toBe(400);
    expect(none.body.invalidParams[0].name).toBe('arms');
    const rules = await lead.post(`${API}/studies`, { ...design, arms: [{ ...design.arms[0], contactEveryDays: 7 }, design.arms[1]] });
    expect(rules.status).toBe(400);
  });

  it('enrols only with consent, only residents in scope, once', async () => {
    const noConsent = await coach.post(`${API}/studies/${studyId}/participants`, { ...enrolBody(world.residents.ov1), consentGiven: false });
    expect(noConsent.status).toBe(400);
    const out = await coach.post(`${API}/studies/${studyId}/participants`, enrolBody(world.residents.zu1));
    expect(out.status).toBe(404);
    expect((await coachArnhem.post(`${API}/studies/${studyId}/participants`, enrolBody(world.residents.ar1))).status).toBe(404);
    const ok = await coach.post(`${API}/studies/${studyId}/participants`, enrolBody(world.residents.ov1));
    expect(ok.status).toBe(201);
    expect(ok.body).not.toHaveProperty('arm');
    expect(ok.body.stratum).toMatch(/ × laag$/);
    expect((await coach.post(`${API}/studies/${studyId}/participants`, enrolBody(world.residents.ov1))).status).toBe(409);
  });

  it('conceals the allocation until the lottery, then allocates everyone reproducibly from the seed, logged per resident', async () => {
    for (const [c, id, edu] of [
      [coach, world.residents.ov2, 'laag'], [coach, world.residents.ov3, 'hoog'], [coach, world.residents.ov4, 'midden'], [coachZuid, world.residents.zu1, 'laag'],
    ] as const) {
      expect((await c.post(`${API}/studies/${studyId}/participants`, enrolBody(id, edu))).status).toBe(201);
    }
    const before = await coach.get(`${API}/studies/${studyId}`);
    expect(before.body.enrolled).toBe(5);
    expect(before.body.arms.every((a: any) => a.participants === null)).toBe(true);
    expect((await coach.post(`${API}/studies/${studyId}/allocation`, {})).status).toBe(404); // no permission: 404, as everywhere
    const res = await lead.post(`${API}/studies/${studyId}/allocation`, {});
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('allocated');
    expect(res.body.arms.reduce((n: number, a: any) => n + a.participants, 0)).toBe(5);
    // Re-derive from the stored seed: the same allocation.
    const seed = (await sql<{ seed: string }>`SELECT seed FROM studies WHERE id = ${studyId}::uuid`.execute(server.ownerDb)).rows[0]!.seed;
    const ps = (await sql<{ resident_id: string; stratum: string; arm_key: string }>`
      SELECT resident_id, stratum, arm_key FROM study_participants WHERE study_id = ${studyId}::uuid ORDER BY enrolment_seq`.execute(server.ownerDb)).rows;
    // Arms in the stored order: the control group first, then by key (studies.store.ts).
    const armOrder = ['controle', 'extra_hulp', 'werken_loont', 'zelf_in_actie'].map((key) => ({ key, ratio: 1 }));
    const again = allocate(ps.map((p) => ({ id: p.resident_id, stratum: p.stratum })), armOrder, seed);
    for (const p of ps) expect(again.get(p.resident_id)).toBe(p.arm_key);
    const logged = await sql<{ n: string }>`SELECT sum(cardinality(data_subject_ids)) AS n FROM processing_log WHERE action = 'studies.allocate' AND processing_activity_id = 'PA-033'`.execute(server.ownerDb);
    expect(Number(logged.rows[0]!.n)).toBe(5);
    expect((await coach.post(`${API}/studies/${studyId}/participants`, enrolBody(world.residents.ov1))).status).toBe(400);
    expect((await lead.post(`${API}/studies/${studyId}/allocation`, {})).status).toBe(400);
  });

  it("shows the werkmatcher a resident's arm only where it changes what he must do", async () => {
    const arms = (await sql<{ resident_id: string; arm_key: string }>`SELECT resident_id, arm_key FROM study_participants WHERE study_id = ${studyId}::uuid`.execute(server.ownerDb)).rows;
    for (const a of arms.filter((x) => x.resident_id !== world.residents.zu1)) {
      const res = await coach.get(`${API}/residents/${a.resident_id}/study-rules`);
      expect(res.status).toBe(200);
      expect(res.body.items).toHaveLength(a.arm_key === 'controle' ? 0 : 1);
      expect(JSON.stringify(res.body)).not.toMatch(/controle|zelf_in_actie|extra_hulp|werken_loont/);
    }
    expect((await coach.get(`${API}/residents/${world.residents.zu1}/study-rules`)).status).toBe(404);
    expect((await partner.get(`${API}/residents/${world.residents.ov1}/study-rules`)).status).toBe(404);
  });

  it('gives the analysis as aggregates to the teamleider and beleid, and the researcher, not to the werkmatcher', async () => {
    const res = await policy.get(`${API}/studies/${studyId}/analysis?se=HC3`);
    // Five participants over four arms: not estimable — the table of arms with the reason, no effects.
    expect(res.status).toBe(200);
    expect(res.body.arms.reduce((n: number, a: any) => n + a.n, 0)).toBe(5);
    expect(res.body.unadjusted).toEqual([]);
    // The lottery's seed is random per study: with five people the control arm can also stay empty.
    expect(res.body.problem).toMatch(/één persoon|Te weinig|spreiding|controlewaarde "controle" komt niet/);
    expect((await coach.get(`${API}/studies/${studyId}/analysis`)).status).toBe(404);
    expect((await researcher.get(`${API}/studies/${studyId}/analysis`)).status).toBe(200); // aggregates: the researcher may (issue 14)
  });

  it('calculates the size per arm (power.prop.test)', async () => {
    const res = await lead.post(`${API}/studies/power-calculations`, { kind: 'proportions', p1: 0.2, p2: 0.3, alpha: 0.05, power: 0.8, arms: 4 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ perArm: 294, total: 1176 });
  });
});
