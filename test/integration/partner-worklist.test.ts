import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInNl } from '../../src/domain/dates.ts';
import { pseudonymise } from '../../src/platform/processing-log/pseudonym.ts';
import { loginAs, type ApiClient } from '../helpers/client.ts';
import { TEST_PSEUDONYM_KEY } from '../helpers/db.ts';
import { ROLE_USERS, createWorld, type World } from '../helpers/fixtures.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

// The buurtteam professional's werklijst (issue 10, point 8) over real HTTP: his own and his organisation's open
// actions in shared plans, the meetings he or his organisation joins (today first), consents ending within 30 days;
// only residents whose consent to his organisation is active (withdrawn, expired, no consent, another organisation:
// absent); PA-018 in the processing log; 403 for every other role.

const DAY = 86_400_000;
let server: TestServer;
let world: World;
const clients = new Map<string, ApiClient>();
const c = (p: keyof typeof ROLE_USERS) => clients.get(p)!;
const R = (k: keyof World['residents']) => world.residents[k];
const U = (p: keyof typeof ROLE_USERS) => world.users[ROLE_USERS[p]]!;
const inDays = (n: number) => new Date(Date.parse(`${todayInNl()}T12:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const ids: Record<string, string> = {};

async function planWithActions(resident: string, actions: Array<{ key: string; owner: 'bt' | 'btColleague' | 'jobCoach' | 'btZuilen'; due: string | null; status?: string }>) {
  const db = server.ownerDb;
  const m = world.utrecht;
  const planId = randomUUID();
  const goalId = randomUUID();
  const wm = U('jobCoach');
  await sql`INSERT INTO plans (municipality_id, id, resident_id, created_by, updated_by) VALUES (${m}, ${planId}, ${resident}, ${wm}, ${wm})`.execute(db);
  await sql`INSERT INTO plan_goals (municipality_id, id, plan_id, title, position, created_by)
    VALUES (${m}, ${goalId}, ${planId}, 'Schulden op een rij', 1, ${wm})`.execute(db);
  let position = 0;
  for (const a of actions) {
    position += 1;
    const id = randomUUID();
    ids[a.key] = id;
    const owner =
      a.owner === 'jobCoach'
        ? (['jobCoach', wm, null] as const)
        : a.owner === 'bt'
          ? (['partnerProfessional', U('partnerProfessional'), world.partners.btOvervecht] as const)
          : a.owner === 'btZuilen'
            ? (['partnerProfessional', U('partnerOtherOrg'), world.partners.btZuilen] as const)
            : (['otherPartner', null, world.partners.btOvervecht] as const);
    await sql`INSERT INTO plan_actions (municipality_id, id, plan_id, goal_id, description, owner_type, owner_staff_user_id,
        owner_partner_organisation_id, due_date, status, completed_at, position, created_by)
      VALUES (${m}, ${id}, ${planId}, ${goalId}, ${`Actie ${a.key}`}, ${owner[0]}, ${owner[1]}, ${owner[2]}, ${a.due}::date,
        ${a.status ?? 'open'}, ${a.status === 'done' ? new Date() : null}, ${position}, ${wm})`.execute(db);
  }
}

async function meeting(key: string, resident: string, startsAt: Date, who: 'bt' | 'org' | 'none', status = 'planned') {
  const db = server.ownerDb;
  const m = world.utrecht;
  const id = randomUUID();
  ids[key] = id;
  const wm = U('jobCoach');
  await sql`INSERT INTO meetings (municipality_id, id, resident_id, type, starts_at, ends_at, mode, location, status, cancelled_at,
      cancel_reason, organiser_id, updated_by)
    VALUES (${m}, ${id}, ${resident}, 'threeWay', ${startsAt}, ${new Date(startsAt.getTime() + 3_600_000)}, 'inPerson', 'Buurtcentrum',
      ${status}, ${status === 'cancelled' ? new Date() : null}, ${status === 'cancelled' ? 'Ziek' : null}, ${wm}, ${wm})`.execute(db);
  await sql`INSERT INTO meeting_participants (municipality_id, meeting_id, id, kind, staff_user_id)
    VALUES (${m}, ${id}, ${randomUUID()}, 'staff', ${wm})`.execute(db);
  if (who !== 'none') {
    // "org": a colleague of the same organisation is invited (here: the organisation without a named person is not
    // possible, so a second professional of Buurtteam Overvecht).
    const staff = who === 'bt' ? U('partnerProfessional') : ids.colleague!;
    await sql`INSERT INTO meeting_participants (municipality_id, meeting_id, id, kind, staff_user_id, partner_organisation_id)
      VALUES (${m}, ${id}, ${randomUUID()}, 'partnerProfessional', ${staff}, ${world.partners.btOvervecht})`.execute(db);
  }
}

beforeAll(async () => {
  server = await startTestServer({ template: 'empty' });
  world = await createWorld(server.ownerDb);
  const db = server.ownerDb;
  // A colleague at Buurtteam Overvecht (his actions and meetings are the organisation's).
  ids.colleague = randomUUID();
  await db.insertInto('staff_users').values({
    municipality_id: world.utrecht, id: ids.colleague, username: 'bt.ov2', display_name: 'Test collega buurtteam', email: null,
    roles: ['partnerProfessional'], partner_organisation_id: world.partners.btOvervecht, oidc_subject: null, demo_persona: true,
  }).execute();
  // ov1: active consent (fixtures) that ends in 12 days; ov4: a new active consent without end; ov2 withdrawn,
  // ov3 expired (fixtures); zu1: consent for Buurtteam Zuilen only.
  await db.updateTable('consents').set({ valid_to: inDays(12) }).where('resident_id', '=', R('ov1')).execute();
  const consent = (resident: string, partner: string, validTo: string | null) => ({
    municipality_id: world.utrecht, id: randomUUID(), resident_id: resident, partner_organisation_id: partner, purpose: 'Samen één plan',
    valid_from: '2025-01-01', valid_to: validTo, withdrawn_at: null, recorded_by: U('jobCoach'), recorded_at: new Date(),
  });
  await db.insertInto('consents').values([
    consent(R('ov4'), world.partners.btOvervecht, inDays(45)),
    consent(R('zu1'), world.partners.btZuilen, inDays(5)),
  ]).execute();

  await planWithActions(R('ov1'), [
    { key: 'mineOverdue', owner: 'bt', due: inDays(-3) },
    { key: 'mineNoDate', owner: 'bt', due: null },
    { key: 'orgLater', owner: 'btColleague', due: inDays(4) },
    { key: 'coach', owner: 'jobCoach', due: inDays(-1) },
    { key: 'done', owner: 'bt', due: inDays(-5), status: 'done' },
  ]);
  await planWithActions(R('ov2'), [{ key: 'withdrawn', owner: 'bt', due: inDays(-2) }]);
  await planWithActions(R('ov3'), [{ key: 'expired', owner: 'bt', due: inDays(-2) }]);
  await planWithActions(R('ov4'), [{ key: 'ov4Today', owner: 'bt', due: inDays(0) }]);
  await planWithActions(R('zu1'), [{ key: 'zuilen', owner: 'btZuilen', due: inDays(1) }]);

  const now = Date.now();
  await meeting('inTwoHours', R('ov1'), new Date(now + 2 * 3_600_000), 'bt');
  await meeting('inThreeDays', R('ov4'), new Date(now + 3 * DAY), 'org');
  await meeting('inTwoWeeks', R('ov1'), new Date(now + 14 * DAY), 'bt');
  await meeting('withoutBt', R('ov1'), new Date(now + DAY), 'none');
  await meeting('cancelled', R('ov1'), new Date(now + DAY), 'bt', 'cancelled');
  await meeting('withdrawnMeeting', R('ov2'), new Date(now + DAY), 'bt');
  await meeting('past', R('ov1'), new Date(now - 2 * DAY), 'bt');

  for (const p of Object.keys(ROLE_USERS) as Array<keyof typeof ROLE_USERS>) clients.set(p, await loginAs(server.baseUrl, ROLE_USERS[p]));
});

afterAll(async () => {
  await server?.close();
});

describe('GET /partner-worklist', () => {
  it('shows the buurtteam professional his and his organisation’s open actions, overdue first, only with consent', async () => {
    const res = await c('partnerProfessional').get('/api/v1/partner-worklist');
    expect(res.status).toBe(200);
    expect(res.body.organisation).toEqual({ id: world.partners.btOvervecht, name: 'Buurtteam Overvecht' });
    expect(res.body.openActions.map((a: { id: string }) => a.id)).toEqual([ids.mineOverdue, ids.ov4Today, ids.orgLater, ids.mineNoDate]);
    const [overdue, today, later, noDate] = res.body.openActions;
    expect(overdue).toMatchObject({ state: 'overdue', daysOverdue: 3, mine: true, ownerName: null, goalTitle: 'Schulden op een rij' });
    expect(overdue.resident).toEqual({ id: R('ov1'), name: 'Anna Jansen', area: { id: world.areas.overvecht, name: 'Overvecht' } });
    expect(overdue.link).toEqual({ residentId: R('ov1'), section: 'plan' });
    expect(today).toMatchObject({ state: 'dueToday', mine: true });
    // An action of the organisation (no named owner here): not his own.
    expect(later).toMatchObject({ state: 'later', mine: false });
    expect(noDate).toMatchObject({ state: 'noDueDate', dueDate: null });
    expect(res.body.counts).toMatchObject({ openActions: 4, overdueActions: 1 });
  });

  it('lists the meetings he or his organisation joins from today on, today first, not cancelled or without the buurtteam', async () => {
    const res = await c('partnerProfessional').get('/api/v1/partner-worklist');
    const meetings = res.body.meetings as Array<{ id: string; when: string; invited: boolean }>;
    // A meeting in two hours may be tomorrow shortly before midnight: then it is "thisWeek".
    const twoHoursDay = todayInNl(new Date(Date.now() + 2 * 3_600_000));
    expect(meetings.map((m) => m.id)).toEqual([ids.inTwoHours, ids.inThreeDays, ids.inTwoWeeks]);
    expect(meetings.map((m) => m.when)).toEqual([twoHoursDay === todayInNl() ? 'today' : 'thisWeek', 'thisWeek', 'later']);
    expect(meetings.map((m) => m.invited)).toEqual([true, false, true]);
    expect(res.body.counts.meetings).toBe(3);
    expect(res.body.counts.meetingsThisWeek).toBe(2);
  });

  it('lists consents for his organisation that end within 30 days, with the days left', async () => {
    const res = await c('partnerProfessional').get('/api/v1/partner-worklist');
    expect(res.body.consentWindowDays).toBe(30);
    expect(res.body.consentsEndingSoon).toHaveLength(1);
    expect(res.body.consentsEndingSoon[0]).toMatchObject({ resident: { id: R('ov1') }, validTo: inDays(12), daysLeft: 12, link: { section: 'consents' } });
    expect(res.body.counts.consentsEndingSoon).toBe(1);
  });

  it('logs one PA-018 entry naming exactly the residents shown', async () => {
    const traceId = randomBytes(16).toString('hex');
    const res = await c('partnerProfessional').get('/api/v1/partner-worklist', { traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01` });
    expect(res.status).toBe(200);
    const rows = await server.ownerDb.selectFrom('processing_log').selectAll().where('trace_id', '=', traceId).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ processing_activity_id: 'PA-018', action: 'partnerWorklist.read', actor_role: 'partnerProfessional', status: 'ok', reason: null });
    const p = (id: string) => pseudonymise(TEST_PSEUDONYM_KEY, world.utrecht, id);
    expect([...rows[0]!.data_subject_ids].sort()).toEqual([p(R('ov1')), p(R('ov4'))].sort());
  });

  it('a buurtteam professional of another organisation sees only his own organisation’s residents', async () => {
    const res = await c('partnerOtherOrg').get('/api/v1/partner-worklist');
    expect(res.status).toBe(200);
    expect(res.body.organisation.name).toBe('Buurtteam Zuilen');
    expect(res.body.openActions.map((a: { id: string }) => a.id)).toEqual([ids.zuilen]);
    expect(res.body.meetings).toEqual([]);
    expect(res.body.consentsEndingSoon.map((k: { resident: { id: string } }) => k.resident.id)).toEqual([R('zu1')]);
  });

  it('withdrawing the consent takes the resident off the werklijst at once', async () => {
    await server.ownerDb.updateTable('consents').set({ withdrawn_at: new Date() }).where('resident_id', '=', R('ov4')).execute();
    const res = await c('partnerProfessional').get('/api/v1/partner-worklist');
    const residents = new Set([...res.body.openActions, ...res.body.meetings, ...res.body.consentsEndingSoon].map((x: { resident: { id: string } }) => x.resident.id));
    expect([...residents]).toEqual([R('ov1')]);
    await server.ownerDb.updateTable('consents').set({ withdrawn_at: null }).where('resident_id', '=', R('ov4')).execute();
  });

  it('every other role gets 403 problem+json', async () => {
    for (const p of ['jobCoach', 'teamLead', 'jobCoachOtherArea', 'employerAdvisor', 'policyOfficer', 'researcher', 'admin', 'privacyOfficer', 'jobCoachOtherMunicipality'] as const) {
      const res = await c(p).get('/api/v1/partner-worklist');
      expect(res.status, p).toBe(403);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
  });
});
