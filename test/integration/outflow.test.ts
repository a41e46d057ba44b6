import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInNl } from '../../src/domain/dates.ts';
import { loginAs, type ApiClient } from '../helpers/client.ts';
import { ROLE_USERS, createWorld, type World } from '../helpers/fixtures.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

// Outflow over real HTTP (issue 12, PA-025): the outflow, the benefit's end and the case's closing in one transaction;
// bad input names the field and writes nothing; only the resident's area team; a return within 12 months undoes it.

const API = '/api/v1';
let server: TestServer;
let world: World;
let coach: ApiClient;
let coachOtherArea: ApiClient;
let partner: ApiClient;
let policy: ApiClient;
let coachArnhem: ApiClient;
const R = () => world.residents;
const today = todayInNl();
const addDaysIso = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

const q = async <T>(query: ReturnType<typeof sql<T>>) => (await query.execute(server.ownerDb)).rows;
const state = async (residentId: string) => ({
  outflows: (await q(sql<{ n: number }>`SELECT count(*)::int AS n FROM outflows WHERE resident_id = ${residentId}::uuid`))[0]!.n,
  openBenefits: (await q(sql<{ n: number }>`SELECT count(*)::int AS n FROM benefits WHERE resident_id = ${residentId}::uuid AND end_date IS NULL`))[0]!.n,
  activeCases: (await q(sql<{ n: number }>`SELECT count(*)::int AS n FROM cases WHERE resident_id = ${residentId}::uuid AND status = 'active'`))[0]!.n,
});
const logEntries = async (action: string) =>
  (await q(sql<{ n: number }>`SELECT count(*)::int AS n FROM processing_log WHERE action = ${action} AND processing_activity_id = 'PA-025' AND status = 'ok'`))[0]!.n;

beforeAll(async () => {
  server = await startTestServer({ template: 'empty' });
  world = await createWorld(server.ownerDb);
  coach = await loginAs(server.baseUrl, ROLE_USERS.jobCoach);
  coachOtherArea = await loginAs(server.baseUrl, ROLE_USERS.jobCoachOtherArea);
  partner = await loginAs(server.baseUrl, ROLE_USERS.partnerProfessional);
  policy = await loginAs(server.baseUrl, ROLE_USERS.policyOfficer);
  coachArnhem = await loginAs(server.baseUrl, ROLE_USERS.jobCoachOtherMunicipality);
});
afterAll(async () => server?.close());

describe('registering an outflow', () => {
  it('bad input names the field and writes nothing: a date before the benefit start, an unknown reason, no date', async () => {
    const before = await state(R().ov2);
    const early = await coach.post(`${API}/residents/${R().ov2}/outflows`, { reason: 'workFullTime', outflowOn: '2020-01-31' });
    expect(early.status).toBe(400);
    expect(early.headers.get('content-type')).toContain('application/problem+json');
    expect(early.body.invalidParams).toEqual([expect.objectContaining({ name: 'outflowOn', code: 'beforeBenefitStart' })]);
    expect(early.body.invalidParams[0].reason).toContain('1 maart 2021');
    const reason = await coach.post(`${API}/residents/${R().ov2}/outflows`, { reason: 'lottery', outflowOn: '2026-01-31' });
    expect(reason.status).toBe(400);
    expect(reason.body.invalidParams.map((p: { name: string }) => p.name)).toContain('reason');
    const noDate = await coach.post(`${API}/residents/${R().ov2}/outflows`, { reason: 'education' });
    expect(noDate.status).toBe(400);
    expect(noDate.body.invalidParams.map((p: { name: string }) => p.name)).toContain('outflowOn');
    expect(await state(R().ov2)).toEqual(before);
  });

  it('ends the benefit and closes the case in the same transaction, and is logged for the resident', async () => {
    const logged = await logEntries('outflow.register');
    const res = await coach.post(`${API}/residents/${R().ov2}/outflows`, { reason: 'education', outflowOn: '2026-02-01', note: 'Start mbo-opleiding' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ residentId: R().ov2, reason: 'education', outflowOn: '2026-02-01', placement: null, returnedOn: null });
    expect(await state(R().ov2)).toEqual({ outflows: 1, openBenefits: 0, activeCases: 0 });
    const [c] = await q(sql<{ status: string; closed_on: string; outflow: string; outflow_on: string }>`
      SELECT status, closed_on::text, outflow, outflow_on::text FROM cases WHERE resident_id = ${R().ov2}::uuid`);
    expect(c).toEqual({ status: 'closed', closed_on: '2026-02-01', outflow: 'full', outflow_on: '2026-02-01' });
    const [b] = await q(sql<{ end_date: string }>`SELECT end_date::text FROM benefits WHERE resident_id = ${R().ov2}::uuid`);
    expect(b!.end_date).toBe('2026-02-01');
    expect(await logEntries('outflow.register')).toBe(logged + 1);
    // The programme figures are refreshed after commit: a job in the outbox of this transaction.
    const jobs = await q(sql<{ n: number }>`SELECT count(*)::int AS n FROM job_outbox WHERE queue = 'programme-refresh'`);
    expect(jobs[0]!.n).toBeGreaterThanOrEqual(0);
    // A second outflow: there is no benefit left to end.
    const again = await coach.post(`${API}/residents/${R().ov2}/outflows`, { reason: 'education', outflowOn: '2026-02-02' });
    expect(again.status).toBe(400);
    expect(again.body.invalidParams[0]).toMatchObject({ name: 'outflowOn', code: 'noBenefit' });
  });

  it('out of scope is 404 (another area, another municipality, a role without the permission) and nothing is written', async () => {
    const before = await state(R().ov3);
    for (const c of [coachOtherArea, coachArnhem]) {
      const res = await c.post(`${API}/residents/${R().ov3}/outflows`, { reason: 'moved', outflowOn: today });
      expect(res.status).toBe(404);
      expect((await c.get(`${API}/residents/${R().ov3}/outflows`)).status).toBe(404);
    }
    expect((await partner.post(`${API}/residents/${R().ov3}/outflows`, { reason: 'moved', outflowOn: today })).status).toBe(404);
    expect((await policy.get(`${API}/residents/${R().ov3}/outflows`)).status).toBe(404);
    expect(await state(R().ov3)).toEqual(before);
  });

  it('a werkmatcher’s placement that ends the benefit registers the outflow with it: benefit ends, case closes, one transaction', async () => {
    const advisor = await loginAs(server.baseUrl, ROLE_USERS.employerAdvisor);
    const employerId = (await advisor.post(`${API}/employers`, { name: 'Ziekenhuis BV', sector: 'Zorg' })).body.id;
    const logged = await logEntries('outflow.register');
    const placement = await coach.post(`${API}/placements`, { residentId: R().ov4, employerId, startDate: '2026-03-01', contractType: 'permanent', hoursPerWeek: 24, outflow: 'full' });
    expect(placement.status).toBe(201);
    expect(placement.body.outflowRegistration).toEqual({ id: expect.any(String), reason: 'workPartTime', outflowOn: '2026-03-01', returnedOn: null });
    expect(await state(R().ov4)).toEqual({ outflows: 1, openBenefits: 0, activeCases: 0 });
    expect(await logEntries('outflow.register')).toBe(logged + 1);
    const [c] = await q(sql<{ status: string; closed_on: string; outflow: string }>`SELECT status, closed_on::text, outflow FROM cases WHERE resident_id = ${R().ov4}::uuid`);
    expect(c).toEqual({ status: 'closed', closed_on: '2026-03-01', outflow: 'full' });
    // The resident's outflow list names the placement; the placement (page and list) names the outflow.
    const list = await coach.get(`${API}/residents/${R().ov4}/outflows`);
    expect(list.body).toMatchObject({ total: 1, items: [{ id: placement.body.outflowRegistration.id, reason: 'workPartTime', placement: { id: placement.body.id, employerName: 'Ziekenhuis BV', startDate: '2026-03-01' } }] });
    expect((await coach.get(`${API}/placements/${placement.body.id}`)).body.outflowRegistration).toEqual(placement.body.outflowRegistration);
    expect((await coach.get(`${API}/residents/${R().ov4}/placements`)).body.items[0].outflowRegistration).toEqual(placement.body.outflowRegistration);
    // A colleague of another area sees neither the placement nor its outflow.
    expect((await coachOtherArea.get(`${API}/placements/${placement.body.id}`)).status).toBe(404);
    // The benefit has ended: a second outflow by hand has nothing left to end.
    const again = await coach.post(`${API}/residents/${R().ov4}/outflows`, { reason: 'workPartTime', outflowOn: '2026-03-01' });
    expect(again.body.invalidParams[0]).toMatchObject({ name: 'outflowOn', code: 'noBenefit' });
    // A second placement of the same resident (the benefit already ended) registers no second outflow.
    const second = await coach.post(`${API}/placements`, { residentId: R().ov4, employerId, startDate: '2026-04-01', contractType: 'permanent', hoursPerWeek: 38, outflow: 'full' });
    expect(second.status).toBe(201);
    expect(second.body.outflowRegistration).toBeNull();
    expect(await state(R().ov4)).toEqual({ outflows: 1, openBenefits: 0, activeCases: 0 });
  });

  it('a placement starting further ahead than an outflow may be registered leaves it to the werkmatcher, who links it by hand', async () => {
    const advisor = await loginAs(server.baseUrl, ROLE_USERS.employerAdvisor);
    const employerId = (await advisor.post(`${API}/employers`, { name: 'Bouwbedrijf Noord', sector: 'Bouw' })).body.id;
    const start = addDaysIso(today, 120);
    const placement = await coach.post(`${API}/placements`, { residentId: R().ov3, employerId, startDate: start, contractType: 'permanent', hoursPerWeek: 38, outflow: 'full' });
    expect(placement.status).toBe(201);
    expect(placement.body.outflowRegistration).toBeNull();
    expect(await state(R().ov3)).toEqual({ outflows: 0, openBenefits: 1, activeCases: 1 });
    const res = await coach.post(`${API}/residents/${R().ov3}/outflows`, { reason: 'workFullTime', outflowOn: addDaysIso(today, 60), placementId: placement.body.id });
    expect(res.status).toBe(201);
    expect(res.body.placement).toEqual({ id: placement.body.id, employerName: 'Bouwbedrijf Noord', startDate: start });
    expect((await coach.get(`${API}/placements/${placement.body.id}`)).body.outflowRegistration).toMatchObject({ id: res.body.id, reason: 'workFullTime' });
    const wrong = await coach.post(`${API}/residents/${R().ov1}/outflows`, { reason: 'workFullTime', outflowOn: '2026-03-01', placementId: placement.body.id });
    expect(wrong.status).toBe(400);
    expect(wrong.body.invalidParams[0]).toMatchObject({ name: 'placementId' });
  });
});

describe('return to benefit', () => {
  it('within 12 months undoes the outflow; it is counted against it', async () => {
    const tooEarly = await coach.post(`${API}/residents/${R().ov2}/benefit-returns`, { startDate: '2026-01-15' });
    expect(tooEarly.status).toBe(400);
    expect(tooEarly.body.invalidParams[0]).toMatchObject({ name: 'startDate', code: 'beforeEnd' });
    const res = await coach.post(`${API}/residents/${R().ov2}/benefit-returns`, { startDate: '2026-06-01' });
    expect(res.status).toBe(201);
    expect(res.body.undoneOutflow).toMatchObject({ reason: 'education', outflowOn: '2026-02-01', returnedOn: '2026-06-01' });
    expect(await state(R().ov2)).toEqual({ outflows: 1, openBenefits: 1, activeCases: 1 });
    const list = await coach.get(`${API}/residents/${R().ov2}/outflows`);
    expect(list.body).toMatchObject({ total: 1, next: null, items: [{ returnedOn: '2026-06-01' }] });
    // Still on benefit: no second return.
    expect((await coach.post(`${API}/residents/${R().ov2}/benefit-returns`, { startDate: '2026-07-01' })).body.invalidParams[0].code).toBe('stillOnBenefit');
  });

  it('after more than 12 months does not undo it (new inflow)', async () => {
    const id = randomUUID();
    const [b] = await q(sql<{ id: string }>`SELECT id FROM benefits WHERE resident_id = ${R().ov2}::uuid AND end_date IS NULL`);
    const [c] = await q(sql<{ id: string }>`SELECT id FROM cases WHERE resident_id = ${R().ov2}::uuid AND status = 'active'`);
    await sql`INSERT INTO outflows (municipality_id, id, resident_id, case_id, benefit_id, reason, outflow_on, registered_by)
      VALUES (${world.utrecht}, ${id}, ${R().ov2}, ${c!.id}, ${b!.id}, 'moved', '2024-01-01', ${world.users[ROLE_USERS.jobCoach]!})`.execute(server.ownerDb);
    await sql`INSERT INTO benefits (municipality_id, id, resident_id, start_date, end_date) VALUES (${world.utrecht}, ${randomUUID()}, ${R().ov2}, '2025-02-01', '2025-03-01')`.execute(server.ownerDb);
    const [o] = await q(sql<{ returned_on: string | null }>`SELECT returned_on::text FROM outflows WHERE id = ${id}::uuid`);
    expect(o!.returned_on).toBeNull();
  });
});

describe('partial work while on benefit', () => {
  it('records hours and earnings in cents per month, and corrects a month', async () => {
    expect((await coach.put(`${API}/residents/${R().ov1}/partial-work/2026-01`, { hours: 32, earningsCents: 48_000 })).body).toEqual({ month: '2026-01', hours: 32, earningsCents: 48_000 });
    expect((await coach.put(`${API}/residents/${R().ov1}/partial-work/2026-01`, { hours: 30.5, earningsCents: 45_750 })).status).toBe(200);
    const list = await coach.get(`${API}/residents/${R().ov1}/partial-work`);
    expect(list.body).toEqual({ items: [{ month: '2026-01', hours: 30.5, earningsCents: 45_750 }], total: 1, next: null });
  });

  it('refuses negative earnings, a month before the benefit, a future month; 404 out of scope', async () => {
    const neg = await coach.put(`${API}/residents/${R().ov1}/partial-work/2026-02`, { hours: 10, earningsCents: -1 });
    expect(neg.status).toBe(400);
    expect(neg.body.invalidParams[0].name).toBe('earningsCents');
    expect((await coach.put(`${API}/residents/${R().ov1}/partial-work/2020-02`, { hours: 10, earningsCents: 100 })).body.invalidParams[0]).toMatchObject({ name: 'month', code: 'beforeBenefitStart' });
    expect((await coach.put(`${API}/residents/${R().ov1}/partial-work/2999-02`, { hours: 10, earningsCents: 100 })).body.invalidParams[0]).toMatchObject({ name: 'month', code: 'future' });
    expect((await coachOtherArea.put(`${API}/residents/${R().ov1}/partial-work/2026-02`, { hours: 10, earningsCents: 100 })).status).toBe(404);
    const rows = await q(sql<{ n: number }>`SELECT count(*)::int AS n FROM partial_work WHERE resident_id = ${R().ov1}::uuid`);
    expect(rows[0]!.n).toBe(1);
  });
});
