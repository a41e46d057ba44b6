import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInNl } from '../../src/domain/dates.ts';
import { createDb, createPool, type Db } from '../../src/platform/db/database.ts';
import { startJobWorker, type JobWorker } from '../../src/platform/jobs/worker.ts';
import { pseudonymise } from '../../src/platform/processing-log/pseudonym.ts';
import { createDailyReminders, REMINDER_QUEUE } from '../../src/modules/worklist/worklist.jobs.ts';
import { mailOff } from '../../src/platform/jobs/mail.ts';
import { jobDefinitions } from '../../src/server.ts';
import { loginAs, type ApiClient } from '../helpers/client.ts';
import { TEST_PSEUDONYM_KEY } from '../helpers/db.ts';
import { ROLE_USERS, createWorld, makeBsn, type World } from '../helpers/fixtures.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

// "Mijn werklijst" over real HTTP: exactly the due and overdue actions, the residents over the contact norm (never
// contacted first, then by days over), upcoming meetings and new residents without a plan, within the scope; the
// processing log (PA-011); the daily reminder as a pg-boss job (idempotent); notifications, own only.

type Persona = keyof typeof ROLE_USERS;
const DAY = 86_400_000;
let server: TestServer;
let world: World;
let appDb: Db;
let worker: JobWorker;
const clients = new Map<Persona, ApiClient>();
const c = (p: Persona) => clients.get(p)!;
const R = (k: keyof World['residents']) => world.residents[k];
const daysAgo = (n: number) => new Date(Date.now() - n * DAY - 3_600_000);
const inDays = (n: number) => new Date(Date.parse(`${todayInNl()}T12:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const trace = () => {
  const id = randomBytes(16).toString('hex');
  return { id, headers: { traceparent: `00-${id}-${randomBytes(8).toString('hex')}-01` } };
};
const setLastContact = (id: string, at: Date | null) => server.ownerDb.updateTable('cases').set({ last_contact_at: at }).where('resident_id', '=', id).execute();
const ids = (rows: Array<{ resident: { id: string } }>) => rows.map((r) => r.resident.id);
let nw1: string;
const action: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer({ template: 'empty' });
  world = await createWorld(server.ownerDb);
  for (const p of Object.keys(ROLE_USERS) as Persona[]) clients.set(p, await loginAs(server.baseUrl, ROLE_USERS[p]));
  appDb = createDb(createPool(server.db.appUrl, { max: 3 }));
  worker = await startJobWorker({ ownerUrl: server.db.ownerUrl, ownerDb: server.ownerDb, appDb, jobs: jobDefinitions, schedule: false, pollingIntervalSeconds: 0.5 });

  // Contact: ov1 within the norm, ov2 10 days over, ov3 never, ov4 110 days over; zu1 (Noordwest) names wm.ov as
  // contact person but lies outside his scope; ar1 (Arnhem) 5 days over.
  await setLastContact(R('ov1'), daysAgo(10));
  await setLastContact(R('ov2'), daysAgo(100));
  await setLastContact(R('ov3'), null);
  await setLastContact(R('ov4'), daysAgo(200));
  await setLastContact(R('ar1'), daysAgo(95));
  await server.ownerDb.updateTable('cases').set({ contact_person_id: world.users[ROLE_USERS.jobCoach]!, last_contact_at: null }).where('resident_id', '=', R('zu1')).execute();

  // A new resident entered today by wm.ov: new, no plan, never contacted.
  const created = await c('jobCoach').post('/api/v1/residents', {
    bsn: makeBsn(5000), givenNames: 'Nina', familyName: 'Nieuw', dateOfBirth: '1990-02-02', street: 'Teststraat', houseNumber: '9',
    postcode: '3562 AB', city: 'Utrecht', householdType: 'single', educationLevel: 'mbo2to4',
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  nw1 = created.body.id;

  // Plan of ov2 with actions: own (3 days overdue, today, tomorrow, done), the resident's own (1 day overdue), a partner's.
  const wm = c('jobCoach');
  const plan = await wm.post(`/api/v1/residents/${R('ov2')}/plan`, { goals: [{ title: 'Werk vinden' }] });
  expect(plan.status).toBe(201);
  let tag = plan.headers.get('etag')!;
  const goal = plan.body.goals[0].id;
  const defs: Array<[string, number, object | undefined]> = [
    ['overdue3', -3, undefined], ['today', 0, undefined], ['tomorrow', 1, undefined], ['done', -5, undefined],
    ['resident1', -1, { type: 'resident' }], ['partner', -2, { type: 'otherPartner', partnerOrganisationId: world.partners.otherUtrecht }],
  ];
  for (const [key, due, owner] of defs) {
    const res = await wm.post(`/api/v1/residents/${R('ov2')}/plan/goals/${goal}/actions`, { description: `Actie ${key}`, dueDate: inDays(30), ...(owner ? { owner } : {}) }, { 'if-match': tag });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    tag = res.headers.get('etag')!;
    action[key] = res.body.goals[0].actions.find((a: any) => a.description === `Actie ${key}`).id;
    await sql`UPDATE plan_actions SET due_date = ${inDays(due)}::date WHERE id = ${action[key]}::uuid`.execute(server.ownerDb);
  }
  await sql`UPDATE plan_actions SET status = 'done', completed_at = now() WHERE id = ${action.done}::uuid`.execute(server.ownerDb);

  // Meetings of this calendar week (Monday to Sunday in the Netherlands, from the start of today): wm.ov takes part in
  // one early today (shown, its report still to write); not shown: one yesterday, one at 00:30 next Monday (within
  // 7 days, but next week), one in 10 days, a cancelled one, one without him.
  const [bounds] = (await sql<{ today: Date; monday: Date }>`
    SELECT date_trunc('day', now() AT TIME ZONE 'Europe/Amsterdam') AT TIME ZONE 'Europe/Amsterdam' AS today,
      (date_trunc('week', now() AT TIME ZONE 'Europe/Amsterdam') + interval '1 week') AT TIME ZONE 'Europe/Amsterdam' AS monday`.execute(server.ownerDb)).rows;
  const hoursFromNow = (at: Date, plusMinutes: number) => (at.getTime() + plusMinutes * 60_000 - Date.now()) / 3_600_000;
  const meeting = async (residentId: string, inHours: number, status: string, participant: string | null) => {
    const id = randomUUID();
    const starts = new Date(Date.now() + inHours * 3_600_000);
    const organiser = world.users[ROLE_USERS.teamLead]!;
    await sql`INSERT INTO meetings (municipality_id, id, resident_id, type, starts_at, ends_at, mode, status, cancelled_at, organiser_id, updated_by)
      VALUES (${world.utrecht}, ${id}, ${residentId}, 'followUp', ${starts}, ${new Date(starts.getTime() + 3_600_000)}, 'inPerson', ${status},
        ${status === 'cancelled' ? new Date() : null}, ${organiser}, ${organiser})`.execute(server.ownerDb);
    if (participant) {
      await sql`INSERT INTO meeting_participants (municipality_id, meeting_id, id, kind, staff_user_id)
        VALUES (${world.utrecht}, ${id}, ${randomUUID()}, 'staff', ${participant})`.execute(server.ownerDb);
    }
    return id;
  };
  const me = world.users[ROLE_USERS.jobCoach]!;
  action.meeting = await meeting(R('ov4'), hoursFromNow(bounds!.today, 1), 'planned', me);
  await meeting(R('ov1'), hoursFromNow(bounds!.today, -60), 'planned', me);
  await meeting(R('ov1'), hoursFromNow(bounds!.monday, 30), 'planned', me);
  await meeting(R('ov1'), 240, 'planned', me);
  await meeting(R('ov1'), 24, 'cancelled', me);
  await meeting(R('ov1'), 24, 'planned', world.users[ROLE_USERS.jobCoachOtherArea]!);
});

afterAll(async () => {
  await worker?.stop();
  await appDb?.destroy();
  await server?.close();
});

describe('Mijn werklijst', () => {
  it('lists exactly the due actions, residents over the norm, meetings and new residents without a plan', async () => {
    const res = await c('jobCoach').get('/api/v1/worklist');
    expect(res.status).toBe(200);
    const w = res.body;
    expect(Object.keys(w).slice(0, 3)).toEqual(['today', 'contactNormDays', 'newInCaseload']);
    // Team Jongeren's search periods that end soon (issue 13): this werkmatcher has none.
    expect(w.searchPeriodsEnding).toEqual([]);
    expect(w.contactNormDays).toBe(90);
    expect(w.dueActions.map((a: any) => [a.id, a.state, a.daysOverdue, a.ownerType])).toEqual([
      [action.overdue3, 'overdue', 3, 'jobCoach'],
      [action.resident1, 'overdue', 1, 'resident'],
      [action.today, 'dueToday', 0, 'jobCoach'],
    ]);
    expect(w.dueActions[0]).toMatchObject({ resident: { id: R('ov2'), name: 'Bram de Vries' }, goalTitle: 'Werk vinden', link: { residentId: R('ov2'), section: 'plan' } });
    // nw1's file was opened today: not "never contacted", but new, with its first conversation due (not over the norm).
    expect(ids(w.overContactNorm)).toEqual([R('ov3'), R('ov4'), R('ov2')]);
    expect(w.overContactNorm.slice(1).map((r: any) => [r.daysSinceContact, r.norm, r.daysOver])).toEqual([[200, 90, 110], [100, 90, 10]]);
    // Never contacted, and the file is older than the norm: counted from the opening.
    expect(w.overContactNorm[0]).toMatchObject({ daysSinceContact: null, lastContactAt: null, link: { section: 'contactMoments' } });
    expect(w.overContactNorm[0].daysOver).toBe(w.overContactNorm[0].daysSinceOpened - 90);
    expect(ids(w.newWithoutPlan)).toEqual([nw1]);
    expect(w.newInCaseload).toEqual([]);
    if (action.meeting) {
      expect(w.upcomingMeetings.map((m: any) => [m.id, m.resident.id, m.link.section])).toEqual([[action.meeting, R('ov4'), 'meetings']]);
    }
    expect(w.counts).toEqual({
      searchPeriodsEnding: 0, newInCaseload: 0, dueActions: 3, overdueActions: 2, dueToday: 1, overContactNorm: 3,
      upcomingMeetings: action.meeting ? 1 : 0, newWithoutPlan: 1,
    });
  });

  it('records one PA-011 entry naming exactly the residents shown', async () => {
    const t = trace();
    expect((await c('jobCoach').get('/api/v1/worklist', t.headers)).status).toBe(200);
    const rows = await server.ownerDb.selectFrom('processing_log_entries').selectAll().where('trace_id', '=', t.id).execute();
    expect(new Set(rows.map((r) => [r.action, r.processing_activity_id, r.actor_role].join()))).toEqual(new Set(['worklist.read,PA-011,jobCoach']));
    const shown = [nw1, R('ov2'), R('ov3'), R('ov4')].map((id) => pseudonymise(TEST_PSEUDONYM_KEY, world.utrecht, id));
    expect(rows.map((r) => r.data_subject_id).sort()).toEqual(shown.sort());
  });

  it('stays within each caller’s scope and municipality', async () => {
    const zu = (await c('jobCoachOtherArea').get('/api/v1/worklist')).body;
    expect(zu.counts).toMatchObject({ dueActions: 0, overContactNorm: 0, newWithoutPlan: 0 });
    const ar = (await c('jobCoachOtherMunicipality').get('/api/v1/worklist')).body;
    expect(ids(ar.overContactNorm)).toEqual([R('ar1')]);
    expect(ar.overContactNorm[0]).toMatchObject({ daysSinceContact: 95, daysOver: 5 });
    const tl = (await c('teamLead').get('/api/v1/worklist')).body;
    expect(Object.values(tl.counts)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('access: the area team only; other roles 403; no session 401', async () => {
    const expected: Record<Persona, number> = {
      jobCoach: 200, teamLead: 200, jobCoachOtherArea: 200, jobCoachOtherMunicipality: 200, partnerProfessional: 403, partnerOtherOrg: 403,
      employerAdvisor: 403, policyOfficer: 403, researcher: 403, admin: 403, privacyOfficer: 403,
    };
    for (const p of Object.keys(ROLE_USERS) as Persona[]) expect((await c(p).get('/api/v1/worklist')).status, p).toBe(expected[p]);
  });
});

describe('daily reminder (pg-boss) and notifications', () => {
  it('creates exactly one notification per werkmatcher per day, also when the job runs twice', async () => {
    await worker.send(REMINDER_QUEUE);
    await worker.send(REMINDER_QUEUE);
    await worker.idle();
    expect(await createDailyReminders({ appDb, mail: mailOff, log: () => undefined }, world.utrecht)).toBe(0);
    const { rows } = await sql<{ username: string; title: string; kind: string }>`
      SELECT s.username, n.title, n.kind FROM notifications n
      JOIN staff_users s ON s.municipality_id = n.municipality_id AND s.id = n.staff_user_id ORDER BY s.username`.execute(server.ownerDb);
    expect(rows).toEqual([
      { username: 'wm.ar', title: '1 inwoner boven de contactnorm', kind: 'worklistReminder' },
      { username: 'wm.ov', title: '2 acties verlopen, 1 actie voor vandaag, 3 inwoners boven de contactnorm', kind: 'worklistReminder' },
    ]);
  });

  it('each person reads and marks only his own notifications', async () => {
    const mine = await c('jobCoach').get('/api/v1/notifications');
    expect(mine.status).toBe(200);
    expect(mine.body.unreadCount).toBe(1);
    const [n] = mine.body.items;
    expect(n).toMatchObject({ kind: 'worklistReminder', link: '/werklijst', readAt: null });
    expect(JSON.stringify(n)).not.toMatch(/Bram|Carla|Dirk|Nina|Vries|Bakker|Visser/);
    for (const p of ['jobCoachOtherArea', 'teamLead', 'jobCoachOtherMunicipality', 'partnerProfessional', 'policyOfficer'] as Persona[]) {
      expect((await c(p).post(`/api/v1/notifications/${n.id}/read`)).status, p).toBe(404);
    }
    expect((await c('jobCoachOtherArea').get('/api/v1/notifications')).body).toEqual({ items: [], total: 0, next: null, unreadCount: 0 });
    expect((await c('partnerProfessional').get('/api/v1/notifications')).status).toBe(200);
    expect((await c('policyOfficer').get('/api/v1/notifications')).status).toBe(403);
    const read = await c('jobCoach').post(`/api/v1/notifications/${n.id}/read`);
    expect(read.status).toBe(200);
    expect(read.body.readAt).not.toBeNull();
    const again = await c('jobCoach').post(`/api/v1/notifications/${n.id}/read`);
    expect(again.body.readAt).toBe(read.body.readAt);
    expect((await c('jobCoach').get('/api/v1/notifications?unread=true')).body).toEqual({ items: [], total: 0, next: null, unreadCount: 0 });
    expect((await c('jobCoach').post(`/api/v1/notifications/${randomUUID()}/read`)).status).toBe(404);
  });
});
