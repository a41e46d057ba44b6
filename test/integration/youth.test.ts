import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInNl } from '../../src/domain/dates.ts';
import { addDaysIso } from '../../src/domain/search-period.ts';
import { createSearchPeriodReminders } from '../../src/modules/youth/youth.jobs.ts';
import { createDb, createPool, type Db } from '../../src/platform/db/database.ts';
import { mailOff } from '../../src/platform/jobs/mail.ts';
import { pseudonymise } from '../../src/platform/processing-log/pseudonym.ts';
import { loginAs, type ApiClient } from '../helpers/client.ts';
import { backdateMeeting } from '../helpers/office-hours.ts';
import { TEST_PSEUDONYM_KEY } from '../helpers/db.ts';
import { ROLE_USERS, createWorld, type World } from '../helpers/fixtures.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

// Team Jongeren over real HTTP (issue 13): the search period (zoektermijn) from a melding, its countdown on the
// werklijst, search activities, handling earlier with a reason, the exemption with the senior's four-eyes check,
// the exemption rate with small cells suppressed, the reminder job; scope (404 outside it) and the processing log.

let server: TestServer;
let world: World;
let appDb: Db;
const clients = new Map<string, ApiClient>();
const c = (name: string) => clients.get(name)!;
const SENIOR = 'senior.t';
const SENIOR2 = 'senior2.t';
const today = todayInNl();
const R = (k: keyof World['residents']) => world.residents[k];
const young = addDaysIso(today, -22 * 365);

async function logged(activity: string, action: string, residentId: string) {
  const pseudonym = pseudonymise(TEST_PSEUDONYM_KEY, world.utrecht, residentId);
  const { rows } = await sql<{ actor_role: string; status: string }>`
    SELECT actor_role, status FROM processing_log_entries WHERE processing_activity_id = ${activity} AND action = ${action}
      AND data_subject_id = ${pseudonym}`.execute(server.ownerDb);
  return rows;
}

beforeAll(async () => {
  server = await startTestServer({ template: 'empty' });
  world = await createWorld(server.ownerDb);
  // Two senior werkmatchers in Team Overvecht (jobCoach + seniorJobCoach).
  const team = (await sql<{ team_id: string }>`SELECT team_id FROM team_members WHERE staff_user_id = ${world.users[ROLE_USERS.jobCoach]!}::uuid`.execute(server.ownerDb)).rows[0]!.team_id;
  for (const username of [SENIOR, SENIOR2]) {
    const id = randomUUID();
    world.users[username] = id;
    await server.ownerDb.insertInto('staff_users').values({ municipality_id: world.utrecht, id, username, display_name: `Test ${username}`, email: null, roles: ['jobCoach', 'seniorJobCoach'], partner_organisation_id: null, oidc_subject: null, demo_persona: true }).execute();
    await server.ownerDb.insertInto('team_members').values({ municipality_id: world.utrecht, team_id: team, staff_user_id: id, is_lead: false }).execute();
  }
  // ov1, ov2 and zu1 are young (22); ov3 stays 46.
  await server.ownerDb.updateTable('residents').set({ date_of_birth: young }).where('id', 'in', [R('ov1'), R('ov2'), R('zu1')]).execute();
  for (const name of [ROLE_USERS.jobCoach, ROLE_USERS.jobCoachOtherArea, ROLE_USERS.partnerProfessional, ROLE_USERS.policyOfficer, ROLE_USERS.jobCoachOtherMunicipality, SENIOR, SENIOR2]) {
    clients.set(name, await loginAs(server.baseUrl, name));
  }
  appDb = createDb(createPool(server.db.appUrl, { max: 2 }));
});
afterAll(async () => {
  await appDb?.destroy();
  await server?.close();
});

const WM = ROLE_USERS.jobCoach;
const periodsOf = (resident: string) => `/api/v1/residents/${resident}/search-periods`;
let periodId: string;

describe('search period (zoektermijn)', () => {
  it('starts at the melding and ends 28 days later, counting down', async () => {
    const report = addDaysIso(today, -25);
    const res = await c(WM).post(periodsOf(R('ov1')), { reportDate: report });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ reportDate: report, startDate: report, endDate: addDaysIso(report, 28), status: 'running', daysLeft: 3, countdown: 'Zoektermijn eindigt over 3 dagen' });
    periodId = res.body.id;
    expect((await logged('PA-028', 'youth.searchPeriods.create', R('ov1'))).length).toBe(1);
  });

  it('refuses a report date in the future (400 naming the field), a second running one (409) and someone of 27 or older', async () => {
    const future = await c(WM).post(periodsOf(R('ov2')), { reportDate: addDaysIso(today, 1) });
    expect(future.status).toBe(400);
    expect(future.headers.get('content-type')).toContain('application/problem+json');
    expect(future.body.invalidParams[0]).toMatchObject({ name: 'reportDate', code: 'future' });
    const again = await c(WM).post(periodsOf(R('ov1')), { reportDate: today });
    expect(again.status).toBe(409);
    const old = await c(WM).post(periodsOf(R('ov3')), { reportDate: today });
    expect(old.status).toBe(400);
    expect(old.body.invalidParams[0]).toMatchObject({ name: 'reportDate', code: 'age' });
    const count = await sql<{ n: string }>`SELECT count(*) AS n FROM youth_search_periods`.execute(server.ownerDb);
    expect(Number(count.rows[0]!.n)).toBe(1);
  });

  it('is 404 outside the scope (other area, buurtteam, other municipality)', async () => {
    expect((await c(ROLE_USERS.jobCoachOtherArea).get(periodsOf(R('ov1')))).status).toBe(404);
    expect((await c(ROLE_USERS.jobCoachOtherArea).post(periodsOf(R('ov1')), { reportDate: today })).status).toBe(404);
    expect((await c(ROLE_USERS.jobCoachOtherArea).get(`/api/v1/youth/search-periods/${periodId}`)).status).toBe(404);
    expect((await c(ROLE_USERS.jobCoachOtherMunicipality).get(`/api/v1/youth/search-periods/${periodId}`)).status).toBe(404);
    expect([403, 404]).toContain((await c(ROLE_USERS.partnerProfessional).get(periodsOf(R('ov1')))).status);
  });

  it('shows on the werklijst of the contact person with the countdown', async () => {
    const res = await c(WM).get('/api/v1/worklist');
    expect(res.status).toBe(200);
    expect(res.body.searchPeriodsEnding).toEqual([
      expect.objectContaining({ searchPeriodId: periodId, daysLeft: 3, countdown: 'Zoektermijn eindigt over 3 dagen', exemptionPending: false, link: { residentId: R('ov1'), section: 'youth' } }),
    ]);
    expect(res.body.counts.searchPeriodsEnding).toBe(1);
    const mine = await c(WM).get('/api/v1/youth/search-periods');
    expect(mine.body.items.map((p: any) => p.id)).toEqual([periodId]);
  });

  it('records search activities within the period only', async () => {
    const ok = await c(WM).post(`/api/v1/youth/search-periods/${periodId}/activities`, { occurredOn: addDaysIso(today, -20), kind: 'jobApplication', description: 'Gesolliciteerd bij de bakker' });
    expect(ok.status).toBe(200);
    expect(ok.body.activities).toHaveLength(1);
    const before = await c(WM).post(`/api/v1/youth/search-periods/${periodId}/activities`, { occurredOn: addDaysIso(today, -30), kind: 'other', description: 'Te vroeg' });
    expect(before.status).toBe(400);
    expect(before.body.invalidParams[0].name).toBe('occurredOn');
  });

  it('the reminder job notifies the contact person once', async () => {
    const ctx = { appDb, ownerDb: server.ownerDb, mail: mailOff, log: () => {} } as any;
    expect(await createSearchPeriodReminders(ctx, world.utrecht)).toBe(1);
    expect(await createSearchPeriodReminders(ctx, world.utrecht)).toBe(0);
    const outbox = await sql<{ data: any }>`SELECT data FROM job_outbox WHERE queue = 'notification-notice'`.execute(server.ownerDb);
    const notices = outbox.rows.map((r) => r.data).filter((d) => d.kind === 'searchPeriodEnding');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ staffUserId: world.users[WM], title: 'Zoektermijn eindigt over 3 dagen', dedupeKey: `search-period-ending:${periodId}` });
  });
});

describe('exemption with four eyes', () => {
  let exemptionId: string;
  let period2: string;

  it('needs a reason (400 naming the field); "other" needs a text', async () => {
    const created = await c(WM).post(periodsOf(R('ov2')), { reportDate: addDaysIso(today, -2) });
    expect(created.status).toBe(201);
    period2 = created.body.id;
    const none = await c(WM).post(`/api/v1/youth/search-periods/${period2}/exemptions`, { legalBasis: 'art. 41 lid 4 Participatiewet' });
    expect(none.status).toBe(400);
    expect(none.body.invalidParams.map((p: any) => p.name)).toContain('reasonCategory');
    const other = await c(WM).post(`/api/v1/youth/search-periods/${period2}/exemptions`, { legalBasis: 'art. 41 lid 4 Participatiewet', reasonCategory: 'other' });
    expect(other.status).toBe(400);
    expect(other.body.invalidParams[0].name).toBe('reasonText');
  });

  it('a proposal does not count until a senior — not the proposer — confirms it', async () => {
    const proposed = await c(SENIOR).post(`/api/v1/youth/search-periods/${period2}/exemptions`, {
      legalBasis: 'art. 41 lid 4 Participatiewet',
      reasonCategory: 'ongoingCare',
      reasonText: 'Lopende behandeling bij de jeugd-GGZ; zoeken zou die doorkruisen.',
    });
    expect(proposed.status).toBe(201);
    expect(proposed.body).toMatchObject({ status: 'pending', canReview: false });
    exemptionId = proposed.body.id;
    expect((await c(WM).get(`/api/v1/youth/search-periods/${period2}`)).body.status).toBe('running');

    // The proposer herself may not confirm (four eyes); a plain werkmatcher lacks the permission.
    const own = await c(SENIOR).post(`/api/v1/youth/exemptions/${exemptionId}/confirm`, {});
    expect(own.status).toBe(400);
    expect(own.body.invalidParams[0]).toMatchObject({ name: 'exemptionId', code: 'fourEyes' });
    expect([403, 404]).toContain((await c(WM).post(`/api/v1/youth/exemptions/${exemptionId}/confirm`, {})).status);

    const pending = await c(SENIOR2).get('/api/v1/youth/exemptions?status=pending');
    expect(pending.body.items).toEqual([expect.objectContaining({ id: exemptionId, canReview: true })]);
    const confirmed = await c(SENIOR2).post(`/api/v1/youth/exemptions/${exemptionId}/confirm`, { note: 'Akkoord' });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ status: 'confirmed', reviewedBy: { id: world.users[SENIOR2] } });
    expect((await c(WM).get(`/api/v1/youth/search-periods/${period2}`)).body.status).toBe('exempted');
    expect(await logged('PA-029', 'youth.exemptions.confirm', R('ov2'))).toEqual([{ actor_role: 'seniorJobCoach', status: 'ok' }]);
    expect((await c(SENIOR2).post(`/api/v1/youth/exemptions/${exemptionId}/confirm`, {})).status).toBe(409);
  });

  it('the database refuses a review by the proposer too', async () => {
    await expect(
      sql`UPDATE youth_exemptions SET reviewed_by = decided_by WHERE id = ${exemptionId}::uuid`.execute(server.ownerDb),
    ).rejects.toThrow(/check/);
  });

  it('the exemption rate suppresses cells under 10 and logs an aggregate', async () => {
    const res = await c(ROLE_USERS.policyOfficer).get(`/api/v1/youth/figures/exemption-rate?year=${today.slice(0, 4)}`);
    expect(res.status).toBe(200);
    expect(res.body.referenceRange).toEqual({ from: 0.2, to: 0.3 });
    for (const row of res.body.rows) {
      expect(row.suppressed).toBe(true);
      expect(row.searchPeriods).toBeNull();
    }
    const bad = await c(ROLE_USERS.policyOfficer).get('/api/v1/youth/figures/exemption-rate?year=abc');
    expect(bad.status).toBe(400);
    expect(bad.body.invalidParams[0].name).toBe('year');
  });
});

describe('handled earlier (art. 41 lid 11) and withdrawal', () => {
  it('records the decision with its reason; the period ends', async () => {
    const none = await c(WM).post(`/api/v1/youth/search-periods/${periodId}/handle-early`, { reason: '' });
    expect(none.status).toBe(400);
    expect(none.body.invalidParams[0].name).toBe('reason');
    const res = await c(WM).post(`/api/v1/youth/search-periods/${periodId}/handle-early`, { reason: 'Dakloos: geen adres, bestaansminimum direct nodig.' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ended', daysLeft: null, handledEarly: { on: today, reason: 'Dakloos: geen adres, bestaansminimum direct nodig.' } });
    expect((await c(WM).get('/api/v1/worklist')).body.searchPeriodsEnding).toEqual([]);
    expect((await c(WM).post(`/api/v1/youth/search-periods/${periodId}/withdraw`, { reason: 'x' })).status).toBe(409);
  });
});

describe('warm handover → intake (PA-030)', () => {
  const referral = (over: Record<string, unknown> = {}) => ({
    partnerKind: 'youthCare',
    organisationName: 'Jeugdzorg Utrecht (test)',
    professionalName: 'Sanne de Boer',
    professionalEmail: 'sanne@example.org',
    contextSummary: 'Verlaat de woongroep; zoekt een opleiding in de zorg. Schulden in beeld bij de schuldhulp.',
    consent: { given: true, on: today },
    urgency: 'soon',
    ...over,
  });

  it('needs the young person\'s consent (400 naming the field, nothing written)', async () => {
    const res = await c(WM).post(`/api/v1/residents/${R('zu1')}/referrals`, referral());
    expect(res.status).toBe(404);
    const none = await c(WM).post(`/api/v1/residents/${R('ov3')}/referrals`, referral({ consent: { given: false, on: today } }));
    expect(none.status).toBe(400);
    expect(none.body.invalidParams[0]).toMatchObject({ name: 'consent.given' });
    const n = await sql<{ n: string }>`SELECT count(*) AS n FROM youth_referrals`.execute(server.ownerDb);
    expect(Number(n.rows[0]!.n)).toBe(0);
  });

  it('plans the intake with the professional invited; the .ics names the meeting and its report can start the plan', async () => {
    const created = await c(WM).post(`/api/v1/residents/${R('ov1')}/referrals`, referral({ professionalStaffUserId: world.users[ROLE_USERS.partnerProfessional] }));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'received', intake: null, partnerKind: 'youthCare', urgency: 'soon' });
    expect((await logged('PA-030', 'youth.referrals.create', R('ov1'))).length).toBe(1);
    // A weekday at 10:00 in the Netherlands, a few days ahead.
    let day = addDaysIso(today, 2);
    while ([0, 6].includes(new Date(`${day}T12:00:00Z`).getUTCDay())) day = addDaysIso(day, 1);
    const offset = new Intl.DateTimeFormat('en', { timeZone: 'Europe/Amsterdam', timeZoneName: 'shortOffset' }).formatToParts(new Date(`${day}T12:00:00Z`)).find((p) => p.type === 'timeZoneName')!.value.replace('GMT', '');
    const tz = offset === '+1' ? '+01:00' : '+02:00';
    const intake = await c(WM).post(`/api/v1/youth/referrals/${created.body.id}/intake`, {
      startsAt: `${day}T10:00:00${tz}`, endsAt: `${day}T11:00:00${tz}`, mode: 'inPerson', location: 'Werkwinkel, spreekkamer 3',
    });
    expect(intake.status).toBe(201);
    expect(intake.body.status).toBe('intakePlanned');
    const meetingId = intake.body.intake.meetingId;
    const meeting = await c(WM).get(`/api/v1/meetings/${meetingId}`);
    expect(meeting.body).toMatchObject({ type: 'youthIntake' });
    expect(meeting.body.agenda).toContain('Begeleider Sanne de Boer komt mee');
    expect(meeting.body.participants.map((p: any) => p.kind).sort()).toEqual(['partnerProfessional', 'resident', 'staff']);
    const ics = await c(WM).request('GET', intake.body.intake.invitationPath);
    expect(ics.status).toBe(200);
    expect(String(ics.body)).toContain('BEGIN:VEVENT');
    expect(String(ics.body)).toContain('Intake jongere');
    expect((await logged('PA-010', 'meetings.create', R('ov1'))).length).toBe(1);
    expect((await c(WM).post(`/api/v1/youth/referrals/${created.body.id}/intake`, { startsAt: `${day}T10:00:00${tz}`, endsAt: `${day}T11:00:00${tz}`, mode: 'phone' })).status).toBe(409);
    expect((await c(ROLE_USERS.jobCoachOtherArea).get(`/api/v1/residents/${R('ov1')}/referrals`)).status).toBe(404);

    // The intake took place: its report puts the agreed goal and action into the one plan, starting it.
    expect((await c(WM).get(`/api/v1/residents/${R('ov1')}/plan`)).status).toBe(404);
    await backdateMeeting(server.ownerDb, meetingId, new Date(Date.now() - 3 * 3_600_000).toISOString(), new Date(Date.now() - 2 * 3_600_000).toISOString());
    const report = await c(WM).post(`/api/v1/meetings/${meetingId}/report`, {
      report: 'Kennisgemaakt met de jongere en Sanne de Boer. Wil de opleiding helpende zorg en welzijn doen.',
      attendance: meeting.body.participants.map((p: any) => ({ participantId: p.id, attended: true })),
      agreedActions: [{ goalTitle: 'Starten met de opleiding helpende zorg', description: 'Aanmelden bij het MBO', owner: { type: 'resident' }, dueDate: addDaysIso(today, 14) }],
    });
    expect(report.status).toBe(201);
    const plan = await c(WM).get(`/api/v1/residents/${R('ov1')}/plan`);
    expect(plan.status).toBe(200);
    expect(plan.body.goals.map((g: any) => g.title)).toContain('Starten met de opleiding helpende zorg');
  });
});

describe('custom provisions within the team budget (PA-031)', () => {
  const year = Number(today.slice(0, 4));
  const laptop = (amountCents: unknown) => ({
    kind: 'laptop', description: 'Laptop voor de opleiding ICT-support', amountCents,
    ruleRoom: 'Art. 35 Participatiewet, beleidsregel maatwerk jongeren', justification: 'Zonder laptop kan hij de opleiding niet volgen.',
  });
  const count = async () => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM youth_provisions`.execute(server.ownerDb)).rows[0]!.n);

  it('refuses −1, 10^12 and fractions of cents, and a request over the budget (400 naming amountCents, nothing written)', async () => {
    const team = (await sql<{ team_id: string }>`SELECT team_id FROM team_members WHERE staff_user_id = ${world.users[WM]!}::uuid`.execute(server.ownerDb)).rows[0]!.team_id;
    await sql`INSERT INTO youth_provision_settings (municipality_id, approval_threshold_cents) VALUES (${world.utrecht}, 50000)`.execute(server.ownerDb);
    await sql`INSERT INTO youth_provision_budgets (municipality_id, team_id, year, budget_cents) VALUES (${world.utrecht}, ${team}, ${year}, 100000)`.execute(server.ownerDb);
    for (const bad of [-1, 0, 1e12, 12.5, '100']) {
      const res = await c(WM).post(`/api/v1/residents/${R('ov1')}/provisions`, laptop(bad));
      expect(res.status, String(bad)).toBe(400);
      expect(res.body.invalidParams[0].name).toBe('amountCents');
    }
    const over = await c(WM).post(`/api/v1/residents/${R('ov1')}/provisions`, laptop(100_001));
    expect(over.status).toBe(400);
    expect(over.body.invalidParams[0]).toMatchObject({ name: 'amountCents', code: 'overBudget' });
    expect(over.body.invalidParams[0].reason).toContain('€ 1.000,00');
    expect(await count()).toBe(0);
    expect((await c(ROLE_USERS.jobCoachOtherArea).post(`/api/v1/residents/${R('ov1')}/provisions`, laptop(100))).status).toBe(404);
  });

  it('within the threshold approved at once; above it a second person approves; paid; the budget adds up', async () => {
    const small = await c(WM).post(`/api/v1/residents/${R('ov1')}/provisions`, laptop(45_000));
    expect(small.status).toBe(201);
    expect(small.body).toMatchObject({ status: 'approved', amountCents: 45_000, needsSecondPerson: false });
    const rest = await c(WM).post(`/api/v1/residents/${R('ov1')}/provisions`, laptop(55_001));
    expect(rest.status).toBe(400);
    const big = await c(WM).post(`/api/v1/residents/${R('ov1')}/provisions`, { ...laptop(52_000), kind: 'books', description: 'Boeken en een rekenmachine' });
    expect(big.status).toBe(201);
    expect(big.body).toMatchObject({ status: 'requested', needsSecondPerson: true });
    expect([403, 404]).toContain((await c(WM).post(`/api/v1/youth/provisions/${big.body.id}/approve`, {})).status);
    const approved = await c(SENIOR).post(`/api/v1/youth/provisions/${big.body.id}/approve`, {});
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', approvedBy: { id: world.users[SENIOR] } });
    const paid = await c(WM).post(`/api/v1/youth/provisions/${small.body.id}/pay`, { paidOn: today, reference: 'MW-1' });
    expect(paid.status).toBe(200);
    expect(paid.body.status).toBe('paid');
    expect((await c(WM).post(`/api/v1/youth/provisions/${small.body.id}/pay`, { paidOn: today, reference: 'MW-1' })).status).toBe(409);
    const budget = await c(WM).get(`/api/v1/youth/provision-budgets?year=${year}`);
    expect(budget.status).toBe(200);
    expect(budget.body.items[0]).toMatchObject({ budgetCents: 100_000, committedCents: 52_000, paidCents: 45_000, availableCents: 3_000, approvalThresholdCents: 50_000 });
    expect(await logged('PA-031', 'youth.provisions.approve', R('ov1'))).toEqual([{ actor_role: 'seniorJobCoach', status: 'ok' }]);
  });
});
