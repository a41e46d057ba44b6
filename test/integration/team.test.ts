import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInNl } from '../../src/domain/dates.ts';
import { NOTICE_QUEUE } from '../../src/modules/worklist/notifications.service.ts';
import { createDb, createPool, type Db } from '../../src/platform/db/database.ts';
import { noResidents, tenantTransaction } from '../../src/platform/db/transaction.ts';
import { enqueueJob } from '../../src/platform/jobs/jobs.ts';
import { startJobWorker, type JobWorker } from '../../src/platform/jobs/worker.ts';
import { pseudonymise } from '../../src/platform/processing-log/pseudonym.ts';
import { jobDefinitions } from '../../src/server.ts';
import { loginAs, type ApiClient } from '../helpers/client.ts';
import { TEST_PSEUDONYM_KEY } from '../helpers/db.ts';
import { ROLE_USERS, createWorld, makeBsn, type World } from '../helpers/fixtures.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

// The teamleider over real HTTP: caseloads per werkmatcher, bulk reassignment (all or nothing, history intact, the
// handover note first in the new werkmatcher's worklist, notified after commit only), the catch-up campaign
// (preview, division, coverage with exact numbers), the processing log (PA-012) and an access matrix.

type Persona = keyof typeof ROLE_USERS | 'teamLeadOtherTeam' | 'teamLeadOtherMunicipality';
const EXTRA = { teamLeadOtherTeam: 'tl.zu', teamLeadOtherMunicipality: 'tl.ar', coach2: 'wm.ov2', coach3: 'wm.ov3' } as const;
const DAY = 86_400_000;
let server: TestServer;
let world: World;
let appDb: Db;
let worker: JobWorker;
const clients = new Map<string, ApiClient>();
const c = (p: Persona | 'coach2' | 'coach3') => clients.get(p)!;
const user = (username: string) => world.users[username]!;
const R: Record<string, string> = {};
const daysAgo = (n: number) => new Date(Date.now() - n * DAY - 3_600_000);
const yearsAgo = (n: number) => `${Number(todayInNl().slice(0, 4)) - n}${todayInNl().slice(4)}`.replace('-02-29', '-02-28');
const trace = () => {
  const id = randomBytes(16).toString('hex');
  return { id, headers: { traceparent: `00-${id}-${randomBytes(8).toString('hex')}-01` } };
};
const loggedSubjects = async (traceId: string, action: string) =>
  (await server.ownerDb.selectFrom('processing_log_entries').selectAll().where('trace_id', '=', traceId).where('action', '=', action).where('processing_activity_id', '=', 'PA-012').execute())
    .map((r) => r.data_subject_id).sort();
const pseudo = (...ids: string[]) => ids.map((id) => pseudonymise(TEST_PSEUDONYM_KEY, world.utrecht, id)).sort();
const contactPerson = async (id: string) =>
  (await server.ownerDb.selectFrom('cases').select('contact_person_id').where('resident_id', '=', id).executeTakeFirstOrThrow()).contact_person_id;
const count = async (q: ReturnType<typeof sql<{ n: string }>>) => Number((await q.execute(server.ownerDb)).rows[0]!.n);
const notices = (to: string) => count(sql`SELECT count(*) AS n FROM notifications WHERE staff_user_id = ${to}::uuid`);
const noticeJobs = () => count(sql`SELECT count(*) AS n FROM pgboss.job WHERE name = ${NOTICE_QUEUE}`);
const outbox = () => count(sql`SELECT count(*) AS n FROM job_outbox`);
let teamOv: string;
let longTermers: string[];

/** Starts a campaign the way the web does: preview with the werkmatchers, then create with the confirmed fingerprint. */
async function start(who: ApiClient, body: Record<string, any>, headers?: Record<string, string>) {
  const preview = await who.post('/api/v1/catch-up-campaigns/preview', { teamId: body.teamId, criteria: body.criteria, staffUserIds: body.staffUserIds, division: body.division });
  return who.post('/api/v1/catch-up-campaigns', { ...body, previewFingerprint: preview.body.fingerprint ?? 'geen' }, headers);
}

beforeAll(async () => {
  server = await startTestServer({ template: 'empty' });
  world = await createWorld(server.ownerDb);
  const db = server.ownerDb;
  const teams = Object.fromEntries((await db.selectFrom('teams').select(['id', 'name']).execute()).map((t) => [t.name, t.id]));
  teamOv = teams['Team Overvecht']!;
  const staff: Array<[string, string, string, string, boolean]> = [
    [EXTRA.coach2, world.utrecht, 'jobCoach', teamOv, false],
    [EXTRA.coach3, world.utrecht, 'jobCoach', teamOv, false],
    [EXTRA.teamLeadOtherTeam, world.utrecht, 'teamLead', teams['Team Noordwest']!, true],
    [EXTRA.teamLeadOtherMunicipality, world.arnhem, 'teamLead', teams['Gebiedsteam Noord']!, true],
  ];
  for (const [username, m, role, team, lead] of staff) {
    const id = randomUUID();
    world.users[username] = id;
    await db.insertInto('staff_users').values({ municipality_id: m, id, username, display_name: `Test ${username}`, email: `${username}@example.org`, roles: [role], partner_organisation_id: null, oidc_subject: null, demo_persona: true }).execute();
    await db.insertInto('team_members').values({ municipality_id: m, team_id: team, staff_user_id: id, is_lead: lead }).execute();
  }
  Object.assign(R, world.residents);
  // Four long-term residents without a contact person: 7 years on benefit, never contacted.
  for (let i = 5; i <= 8; i += 1) {
    const id = randomUUID();
    R[`ov${i}`] = id;
    await db.insertInto('residents').values({ municipality_id: world.utrecht, id, bsn: makeBsn(7000 + i), given_names: `Lang${i}`, family_name_prefix: null, family_name: 'Termijn', date_of_birth: '1970-01-01', street: 'Teststraat', house_number: String(i), postcode: '3563AB', city: 'Utrecht', area_id: world.areas.overvecht, household_type: 'single', education_level: 'none', phone: null, email: null, is_fictitious: true, updated_at: new Date() }).execute();
    await db.insertInto('benefits').values({ municipality_id: world.utrecht, id: randomUUID(), resident_id: id, start_date: yearsAgo(7), end_date: null }).execute();
    await db.insertInto('cases').values({ municipality_id: world.utrecht, id: randomUUID(), resident_id: id, opened_on: yearsAgo(7), contact_person_id: null, contact_person_since: null, last_contact_at: null, closed_on: null }).execute();
  }
  longTermers = ['ov5', 'ov6', 'ov7', 'ov8'].map((k) => R[k]!).sort();
  // ov1: 3 years on benefit, 400 days without contact; ov2: recently contacted; ov3: never; ov4: only 1 year on benefit.
  const setCase = async (k: string, benefitYears: number, lastContact: Date | null) => {
    await db.updateTable('benefits').set({ start_date: yearsAgo(benefitYears) }).where('resident_id', '=', R[k]!).execute();
    await db.updateTable('cases').set({ last_contact_at: lastContact }).where('resident_id', '=', R[k]!).execute();
  };
  await setCase('ov1', 3, daysAgo(400));
  await setCase('ov2', 3, daysAgo(30));
  await setCase('ov3', 3, null);
  await setCase('ov4', 1, daysAgo(500));
  for (const [p, u] of [...Object.entries(ROLE_USERS), ...Object.entries(EXTRA)]) clients.set(p, await loginAs(server.baseUrl, u));
  appDb = createDb(createPool(server.db.appUrl, { max: 3 }));
  worker = await startJobWorker({ ownerUrl: server.db.ownerUrl, ownerDb: db, appDb, jobs: jobDefinitions, schedule: false, pollingIntervalSeconds: 0.5 });
});

afterAll(async () => {
  await worker?.stop();
  await appDb?.destroy();
  await server?.close();
});

describe('caseloads', () => {
  it('per werkmatcher of the teams the teamleider leads: active, over the norm, without a plan', async () => {
    const res = await c('teamLead').get('/api/v1/team/caseloads');
    expect(res.status).toBe(200);
    const figures = (a: number, o: number, w: number) => ({ activeResidents: a, overContactNorm: o, withoutPlan: w });
    expect(res.body).toEqual({
      contactNormDays: 90,
      teams: [{
        team: { id: teamOv, name: 'Team Overvecht' },
        members: [
          { staffUser: { id: user('wm.ov'), displayName: 'Test wm.ov' }, ...figures(4, 3, 4) },
          { staffUser: { id: user('wm.ov2'), displayName: 'Test wm.ov2' }, ...figures(0, 0, 0) },
          { staffUser: { id: user('wm.ov3'), displayName: 'Test wm.ov3' }, ...figures(0, 0, 0) },
        ],
        unassigned: figures(4, 4, 4),
      }],
    });
    const zu = (await c('teamLeadOtherTeam').get('/api/v1/team/caseloads')).body.teams;
    expect(zu.map((t: any) => [t.team.name, t.members.map((m: any) => [m.staffUser.displayName, m.activeResidents])])).toEqual([['Team Noordwest', [['Test wm.zu', 1]]]]);
    const ar = (await c('teamLeadOtherMunicipality').get('/api/v1/team/caseloads')).body.teams;
    expect(ar.map((t: any) => t.team.name)).toEqual(['Gebiedsteam Noord']);
  });
});

describe('catch-up preview', () => {
  it('counts by both thresholds; the sample lists the never contacted first; logged PA-012 for the sample', async () => {
    const t = trace();
    const res = await c('teamLead').post('/api/v1/catch-up-campaigns/preview', { criteria: { minMonthsOnBenefit: 24, minMonthsWithoutContact: 12 } }, t.headers);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(6);
    expect(res.body.sample.map((s: any) => s.id)).toEqual([...longTermers, R.ov3, R.ov1]);
    expect(res.body.sample[5]).toMatchObject({ name: 'Anna Jansen', monthsOnBenefit: 36, daysSinceContact: 400, contactPerson: { id: user('wm.ov') } });
    expect(await loggedSubjects(t.id, 'team.catchUp.preview')).toEqual(pseudo(...longTermers, R.ov3!, R.ov1!));
    const total = async (minMonthsOnBenefit: number, minMonthsWithoutContact: number) =>
      (await c('teamLead').post('/api/v1/catch-up-campaigns/preview', { criteria: { minMonthsOnBenefit, minMonthsWithoutContact } })).body.total;
    expect([await total(48, 12), await total(24, 0), await total(600, 0)]).toEqual([4, 7, 0]);
    const other = await c('teamLeadOtherTeam').post('/api/v1/catch-up-campaigns/preview', { teamId: teamOv, criteria: { minMonthsOnBenefit: 0, minMonthsWithoutContact: 0 } });
    expect([other.status, other.body.invalidParams[0].name]).toEqual([400, 'teamId']);
  });
});

describe('bulk reassignment', () => {
  const note = 'Warme overdracht: schulden lopen via de budgetcoach, volgende afspraak staat.';
  const post = (who: Persona, residentIds: string[], to = user('wm.ov2'), handoverNote = note, headers?: Record<string, string>) =>
    c(who).post('/api/v1/team/reassignments', { residentIds, toStaffUserId: to, handoverNote }, headers);

  it('one resident out of scope or in another municipality: 404 for the whole request, nothing changes', async () => {
    for (const other of [R.zu1!, R.ar1!, randomUUID()]) expect((await post('teamLead', [R.ov2!, other])).status).toBe(404);
    expect((await post('teamLeadOtherTeam', [R.ov2!], user('wm.zu'))).status).toBe(404);
    expect((await post('teamLeadOtherMunicipality', [R.ov2!], user('wm.ar'))).status).toBe(404);
    expect(await contactPerson(R.ov2!)).toBe(user('wm.ov'));
    const bad = await post('teamLead', [R.ov2!], user('wm.zu'));
    expect([bad.status, bad.body.invalidParams[0].name]).toEqual([400, 'toStaffUserId']);
    const short = await post('teamLead', [R.ov2!], user('wm.ov2'), 'kort');
    expect([short.status, short.body.invalidParams[0].name]).toEqual([400, 'handoverNote']);
    expect((await c('teamLead').get(`/api/v1/residents/${R.ov2}/contact-person-history`)).body.items).toHaveLength(1);
  });

  it('hands over all at once with the note, keeps the history, notifies the new werkmatcher after commit', async () => {
    const t = trace();
    const res = await post('teamLead', [R.ov2!, R.ov4!], user('wm.ov2'), note, t.headers);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({
      toStaffUser: { id: user('wm.ov2'), displayName: 'Test wm.ov2' },
      reassigned: 2,
      items: [{ residentId: R.ov2, previousContactPersonId: user('wm.ov') }, { residentId: R.ov4, previousContactPersonId: user('wm.ov') }],
    });
    expect(await loggedSubjects(t.id, 'team.reassign')).toEqual(pseudo(R.ov2!, R.ov4!));
    const perResident = await server.ownerDb.selectFrom('processing_log_entries').select('data_subject_id').where('trace_id', '=', t.id).where('action', '=', 'residents.contactPerson.change').execute();
    expect(perResident.map((r) => r.data_subject_id).sort()).toEqual(pseudo(R.ov2!, R.ov4!));
    const history = (await c('teamLead').get(`/api/v1/residents/${R.ov2}/contact-person-history`)).body.items;
    expect(history.map((h: any) => [h.staffUser.id, h.handoverNote, h.endedAt === null, h.assignedBy?.id ?? null])).toEqual([
      [user('wm.ov2'), note, true, user('tl.ov')],
      [user('wm.ov'), null, false, null],
    ]);
    const w = (await c('coach2').get('/api/v1/worklist')).body;
    expect(w.newInCaseload.map((h: any) => [h.resident.id, h.handoverNote, h.previousContactPerson?.id, h.assignedBy?.id, h.link.section])).toEqual([
      [R.ov4, note, user('wm.ov'), user('tl.ov'), 'history'],
      [R.ov2, note, user('wm.ov'), user('tl.ov'), 'history'],
    ]);
    await worker.idle();
    const n = (await c('coach2').get('/api/v1/notifications')).body.items;
    expect(n.map((x: any) => [x.kind, x.title, x.link])).toEqual([['newInCaseload', '2 inwoners nieuw in uw caseload', '/werklijst']]);
  });

  it('a failure after the first change rolls everything back and enqueues nothing', async () => {
    const jobsBefore = await noticeJobs();
    const res = await post('teamLead', [R.ov1!, R.ov2!]);
    expect([res.status, res.body.invalidParams.map((p: any) => [p.name, p.code])]).toEqual([400, [['residentIds.1', 'same']]]);
    expect(await contactPerson(R.ov1!)).toBe(user('wm.ov'));
    expect(await outbox()).toBe(0);
    await worker.idle();
    expect([await noticeJobs(), await notices(user('wm.ov2'))]).toEqual([jobsBefore, 1]);
    await expect(tenantTransaction(appDb, noResidents(world.utrecht), async (tx) => {
      await enqueueJob(tx, world.utrecht, NOTICE_QUEUE, { staffUserId: user('wm.ov2'), kind: 'newInCaseload', title: 'x', body: null, link: '/werklijst', dedupeKey: 'rolled-back' });
      throw new Error('rollback');
    })).rejects.toThrow('rollback');
    await worker.idle();
    expect([await outbox(), await noticeJobs(), await notices(user('wm.ov2'))]).toEqual([0, jobsBefore, 1]);
  });
});

describe('catch-up campaign: show first, start only what was confirmed', () => {
  const criteria = { minMonthsOnBenefit: 24, minMonthsWithoutContact: 12 };
  const staffUserIds = () => [user('wm.ov2'), user('wm.ov3')];

  it('the preview with werkmatchers says who moves from whom to whom, and gives the fingerprint to confirm', async () => {
    const res = await c('teamLead').post('/api/v1/catch-up-campaigns/preview', { criteria, staffUserIds: staffUserIds(), division: 'roundRobin' });
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(6);
    expect(res.body.fingerprint).toMatch(/^6\.6\.[0-9a-f]{32}$/);
    expect(res.body.moves).toMatchObject({ total: 6, moving: 6, staying: 0 });
    expect(res.body.moves.perStaffUser.map((p: any) => [p.staffUser.id, p.receives, p.newToThem])).toEqual([[user('wm.ov2'), 3, 3], [user('wm.ov3'), 3, 3]]);
    // ov1 and ov3 leave wm.ov; the four long-termers had no contact person.
    expect(res.body.moves.handingOver.map((h: any) => [h.staffUser?.id ?? null, h.count])).toEqual([[null, 4], [user('wm.ov'), 2]]);
    expect(res.body.moves.transfers.reduce((n: number, t: any) => n + t.count, 0)).toBe(6);
    // Without werkmatchers: only the count and the sample, nothing to confirm.
    const bare = await c('teamLead').post('/api/v1/catch-up-campaigns/preview', { criteria });
    expect([bare.body.moves, bare.body.fingerprint]).toEqual([null, null]);
  });

  it('starting needs the confirmed preview: none is 400, another is 409 saying what changed; nothing changes', async () => {
    const before = await Promise.all([R.ov1!, R.ov3!, ...longTermers].map(contactPerson));
    const campaigns = () => count(sql`SELECT count(*) AS n FROM catch_up_campaigns`);
    const n = await campaigns();
    const body = { name: 'Zonder bevestiging', criteria, staffUserIds: staffUserIds(), division: 'roundRobin' };
    const none = await c('teamLead').post('/api/v1/catch-up-campaigns', body);
    expect([none.status, none.body.invalidParams?.[0]?.name]).toEqual([400, 'previewFingerprint']);
    // A preview with one werkmatcher, then starting with two: the division is not what was confirmed.
    const one = await c('teamLead').post('/api/v1/catch-up-campaigns/preview', { criteria, staffUserIds: [user('wm.ov2')] });
    const other = await c('teamLead').post('/api/v1/catch-up-campaigns', { ...body, previewFingerprint: one.body.fingerprint });
    expect(other.status).toBe(409);
    expect(other.body.title).toBe('Selectie veranderd');
    expect(other.body.detail).toContain('Bekijk de gevolgen opnieuw en bevestig');
    // A preview of 6 while the selection grew by one: the refusal names both numbers.
    const seen = await c('teamLead').post('/api/v1/catch-up-campaigns/preview', { criteria, staffUserIds: staffUserIds(), division: 'roundRobin' });
    await server.ownerDb.updateTable('benefits').set({ start_date: yearsAgo(3) }).where('resident_id', '=', R.ov4!).execute();
    try {
      const stale = await c('teamLead').post('/api/v1/catch-up-campaigns', { ...body, previewFingerprint: seen.body.fingerprint });
      expect(stale.status).toBe(409);
      expect(stale.body.detail).toContain('nu 7 inwoners in de selectie in plaats van 6');
      expect(stale.body.current).toEqual({ total: 7, moving: 7 });
    } finally {
      await server.ownerDb.updateTable('benefits').set({ start_date: yearsAgo(1) }).where('resident_id', '=', R.ov4!).execute();
    }
    expect(await campaigns()).toBe(n);
    expect(await Promise.all([R.ov1!, R.ov3!, ...longTermers].map(contactPerson))).toEqual(before);
  });
});

describe('catch-up campaign', () => {
  const name = 'Lang niet gesproken';
  const criteria = { minMonthsOnBenefit: 24, minMonthsWithoutContact: 12 };
  let id: string;

  it('creates and divides over the chosen werkmatchers, with handover through the contact-person history', async () => {
    const t = trace();
    const res = await start(c('teamLead'), { name, criteria, staffUserIds: [user('wm.ov2'), user('wm.ov3')], division: 'roundRobin' }, t.headers);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    id = res.body.id;
    expect(res.headers.get('location')).toBe(`/api/v1/catch-up-campaigns/${id}`);
    expect(res.body).toMatchObject({ name, criteria, status: 'active', team: { id: teamOv }, createdBy: { id: user('tl.ov') } });
    expect(res.body.coverage).toEqual({ total: 6, contacted: 0, withPlan: 0, contactedPct: 0, withPlanPct: 0 });
    expect(res.body.perStaffUser.map((p: any) => [p.staffUser.id, p.total])).toEqual([[user('wm.ov2'), 3], [user('wm.ov3'), 3]]);
    expect(await loggedSubjects(t.id, 'team.catchUp.create')).toEqual(pseudo(...longTermers, R.ov3!, R.ov1!));
    // Round robin in selection order: the long-termers, then ov3 (to wm.ov2), then ov1 (to wm.ov3).
    expect([await contactPerson(longTermers[0]!), await contactPerson(longTermers[1]!), await contactPerson(R.ov3!), await contactPerson(R.ov1!)]).toEqual([
      user('wm.ov2'), user('wm.ov3'), user('wm.ov2'), user('wm.ov3'),
    ]);
    const history = (await c('teamLead').get(`/api/v1/residents/${R.ov1}/contact-person-history`)).body.items;
    expect(history.map((h: any) => [h.staffUser.id, h.handoverNote, h.endedAt === null])).toEqual([
      [user('wm.ov3'), `Inhaalslag ‘${name}’: neem contact op en maak samen een plan.`, true],
      [user('wm.ov'), null, false],
    ]);
    await worker.idle();
    const titles = async (who: 'coach2' | 'coach3') => (await c(who).get('/api/v1/notifications')).body.items.map((n: any) => n.title);
    expect(await titles('coach3')).toEqual([`3 inwoners voor de inhaalslag ‘${name}’`]);
    expect(await titles('coach2')).toHaveLength(2);
  });

  it('follows coverage: contacted after the start and with an active plan, per week and per werkmatcher', async () => {
    for (const r of [longTermers[0]!, R.ov3!]) {
      expect((await c('coach2').post(`/api/v1/residents/${r}/contact-moments`, { occurredAt: new Date().toISOString(), channel: 'phone' })).status).toBe(201);
    }
    expect((await c('coach3').post(`/api/v1/residents/${R.ov1}/plan`, {})).status).toBe(201);
    const t = trace();
    const res = await c('teamLead').get(`/api/v1/catch-up-campaigns/${id}`, t.headers);
    expect(res.status).toBe(200);
    const cov = { total: 6, contacted: 2, withPlan: 1, contactedPct: 33.3, withPlanPct: 16.7 };
    expect(res.body.coverage).toEqual(cov);
    expect(res.body.weeks.at(-1)).toMatchObject({ ...cov, weekEnd: expect.any(String) });
    expect(res.body.perStaffUser).toEqual([
      { staffUser: { id: user('wm.ov2'), displayName: 'Test wm.ov2' }, total: 3, contacted: 2, withPlan: 0, contactedPct: 66.7, withPlanPct: 0 },
      { staffUser: { id: user('wm.ov3'), displayName: 'Test wm.ov3' }, total: 3, contacted: 0, withPlan: 1, contactedPct: 0, withPlanPct: 33.3 },
    ]);
    expect(await loggedSubjects(t.id, 'team.catchUp.read')).toEqual(pseudo(...longTermers, R.ov3!, R.ov1!));
    const list = (await c('teamLead').get('/api/v1/catch-up-campaigns')).body.items;
    expect(list.map((x: any) => [x.id, x.coverage])).toEqual([[id, cov]]);
  });

  it('is the campaign team’s teamleider’s only: 404 for everyone else; residents join one active campaign at a time', async () => {
    for (const p of ['teamLeadOtherTeam', 'teamLeadOtherMunicipality', 'jobCoach', 'policyOfficer', 'partnerProfessional'] as Persona[]) {
      expect((await c(p).get(`/api/v1/catch-up-campaigns/${id}`)).status, p).toBe(404);
    }
    expect((await c('teamLeadOtherTeam').get('/api/v1/catch-up-campaigns')).body.items).toEqual([]);
    expect((await c('teamLead').get(`/api/v1/catch-up-campaigns/${randomUUID()}`)).status).toBe(404);
    const again = await start(c('teamLead'), { name: 'Nog eens', criteria, staffUserIds: [user('wm.ov2')] });
    expect([again.status, again.body.invalidParams[0].name]).toEqual([400, 'criteria']);
    const foreign = await start(c('teamLead'), { name: 'Buiten het team', criteria: { minMonthsOnBenefit: 0, minMonthsWithoutContact: 0 }, staffUserIds: [user('wm.zu')] });
    expect([foreign.status, foreign.body.invalidParams[0].name]).toEqual([400, 'staffUserIds.0']);
  });

  it('closing: only the campaign team’s teamleider (404 for others, nothing changes); assignments stay; twice is 409', async () => {
    for (const p of ['teamLeadOtherTeam', 'teamLeadOtherMunicipality'] as Persona[]) {
      expect((await c(p).post(`/api/v1/catch-up-campaigns/${id}/close`)).status, p).toBe(404);
    }
    expect((await c('teamLead').get(`/api/v1/catch-up-campaigns/${id}`)).body.status).toBe('active');
    const assigned = await Promise.all([R.ov1!, R.ov3!, ...longTermers].map(contactPerson));
    const t = trace();
    const res = await c('teamLead').post(`/api/v1/catch-up-campaigns/${id}/close`, {}, t.headers);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ id, status: 'closed', closedBy: { id: user('tl.ov') } });
    expect(Date.now() - Date.parse(res.body.closedAt)).toBeLessThan(60_000);
    expect(res.body.coverage.total).toBe(6);
    expect(await loggedSubjects(t.id, 'team.catchUp.close')).toEqual(pseudo(...longTermers, R.ov3!, R.ov1!));
    // The residents stay with the werkmatcher the campaign gave them.
    expect(await Promise.all([R.ov1!, R.ov3!, ...longTermers].map(contactPerson))).toEqual(assigned);
    // A conversation after the close no longer counts for the campaign.
    expect((await c('coach3').post(`/api/v1/residents/${longTermers[1]}/contact-moments`, { occurredAt: new Date().toISOString(), channel: 'phone' })).status).toBe(201);
    expect((await c('teamLead').get(`/api/v1/catch-up-campaigns/${id}`)).body.coverage.contacted).toBe(res.body.coverage.contacted);
    const again = await c('teamLead').post(`/api/v1/catch-up-campaigns/${id}/close`);
    expect([again.status, again.body.title]).toEqual([409, 'Al afgesloten']);
    // Closed, they may join a new campaign: the 3 not contacted since (two were in the test above, one just now).
    const preview = await c('teamLead').post('/api/v1/catch-up-campaigns/preview', { criteria });
    expect(preview.body.total).toBe(3);
  });
});

describe('access matrix: every team route × every persona without team:manage', () => {
  const body = { residentIds: [randomUUID()], toStaffUserId: randomUUID(), handoverNote: 'Een overdrachtsnotitie' };
  const criteria = { minMonthsOnBenefit: 0, minMonthsWithoutContact: 0 };
  for (const p of Object.keys(ROLE_USERS).filter((k) => k !== 'teamLead') as Persona[]) {
    it(`${p}: collections 403, a campaign 404, nothing changes`, async () => {
      const cl = c(p);
      const before = await contactPerson(R.ov2!);
      const statuses = [
        (await cl.get('/api/v1/team/caseloads')).status,
        (await cl.post('/api/v1/team/reassignments', { ...body, residentIds: [R.ov2!] })).status,
        (await cl.post('/api/v1/catch-up-campaigns/preview', { criteria })).status,
        (await cl.post('/api/v1/catch-up-campaigns', { name: 'X', criteria, staffUserIds: [user('wm.ov')], previewFingerprint: '1.1.x' })).status,
        (await cl.get('/api/v1/catch-up-campaigns')).status,
        (await cl.get(`/api/v1/catch-up-campaigns/${randomUUID()}`)).status,
        (await cl.post(`/api/v1/catch-up-campaigns/${randomUUID()}/close`)).status,
      ];
      expect(statuses).toEqual([403, 403, 403, 403, 403, 404, 404]);
      expect(await contactPerson(R.ov2!)).toBe(before);
    });
  }
});
