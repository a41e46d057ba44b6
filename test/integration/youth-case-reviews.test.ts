import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInNl } from '../../src/domain/dates.ts';
import { addDaysIso } from '../../src/domain/search-period.ts';
import { pseudonymise } from '../../src/platform/processing-log/pseudonym.ts';
import { loginAs, type ApiClient } from '../helpers/client.ts';
import { TEST_PSEUDONYM_KEY } from '../helpers/db.ts';
import { ROLE_USERS, createWorld, type World } from '../helpers/fixtures.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

// Case reviews of Team Jongeren over real HTTP (ADR 0030): a casuïstiekoverleg with a young person on the agenda,
// partners only with consent, the outcome's actions in the one plan; 404 outside the scope, the log under PA-048.

let server: TestServer;
let world: World;
const clients = new Map<string, ApiClient>();
const c = (name: string) => clients.get(name)!;
const WM = ROLE_USERS.jobCoach;
const OTHER = ROLE_USERS.jobCoachOtherArea;
const today = todayInNl();
const R = (k: keyof World['residents']) => world.residents[k];

async function logged(action: string, residentId: string) {
  const pseudonym = pseudonymise(TEST_PSEUDONYM_KEY, world.utrecht, residentId);
  const { rows } = await sql<{ status: string }>`SELECT status FROM processing_log_entries WHERE processing_activity_id = 'PA-048' AND action = ${action}
    AND data_subject_id = ${pseudonym}`.execute(server.ownerDb);
  return rows.map((r) => r.status);
}

beforeAll(async () => {
  server = await startTestServer({ template: 'empty' });
  world = await createWorld(server.ownerDb);
  for (const name of [WM, OTHER, ROLE_USERS.teamLead, ROLE_USERS.partnerProfessional, ROLE_USERS.policyOfficer, ROLE_USERS.jobCoachOtherMunicipality]) {
    clients.set(name, await loginAs(server.baseUrl, name));
  }
});
afterAll(async () => {
  await server?.close();
});

let reviewId: string;
let itemId: string;
const base = '/api/v1/youth';

describe('case reviews (casuïstiekoverleg)', () => {
  it('plans a casuïstiekoverleg for the team, with the next one two weeks later; twice on a day is 409', async () => {
    const heldOn = addDaysIso(today, 3);
    const res = await c(WM).post(`${base}/case-reviews`, { kind: 'caseConsultation', heldOn });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'caseConsultation', heldOn, nextOn: addDaysIso(heldOn, 14), plannedCount: 0, discussedCount: 0 });
    reviewId = res.body.id;
    const again = await c(WM).post(`${base}/case-reviews`, { kind: 'caseConsultation', heldOn });
    expect(again.status).toBe(409);
    const alignment = await c(WM).post(`${base}/case-reviews`, { kind: 'alignment', heldOn });
    expect(alignment.body.nextOn).toBe(addDaysIso(heldOn, 21));
    const past = await c(WM).post(`${base}/case-reviews`, { kind: 'caseConsultation', heldOn: addDaysIso(today, -30) });
    expect(past.status).toBe(400);
    expect(past.body.invalidParams[0]).toMatchObject({ name: 'heldOn', code: 'past' });
  });

  it('puts a young person on the agenda with a buurtteam that has her consent; without consent 400 and nothing written', async () => {
    const noConsent = await c(WM).post(`${base}/case-reviews/${reviewId}/items`, {
      residentId: R('ov2'),
      question: 'Hoe combineren we schuldhulp en de zoektermijn?',
      participants: [{ kind: 'buurtteam', name: 'Buurtteam Overvecht', partnerOrganisationId: world.partners.btOvervecht }],
    });
    expect(noConsent.status).toBe(400);
    expect(noConsent.body.invalidParams).toEqual([expect.objectContaining({ name: 'participants.0.partnerOrganisationId', code: 'noConsent' })]);
    const outside = await c(WM).post(`${base}/case-reviews/${reviewId}/items`, {
      residentId: R('ov2'),
      question: 'Vraag',
      participants: [{ kind: 'schoolRmc', name: 'ROC Midden Nederland' }],
    });
    expect(outside.status).toBe(400);
    expect(outside.body.invalidParams[0]).toMatchObject({ name: 'consentGiven', code: 'required' });
    const n = await sql<{ n: string }>`SELECT count(*) AS n FROM youth_case_review_items`.execute(server.ownerDb);
    expect(Number(n.rows[0]!.n)).toBe(0);

    const res = await c(WM).post(`${base}/case-reviews/${reviewId}/items`, {
      residentId: R('ov1'),
      question: 'Zoektermijn nu, of eerst de schulden op orde?',
      participants: [
        { kind: 'buurtteam', name: 'Buurtteam Overvecht', partnerOrganisationId: world.partners.btOvervecht },
        { kind: 'schoolRmc', name: 'RMC Utrecht' },
      ],
      consentGiven: true,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ residentId: R('ov1'), status: 'planned', consentGiven: true, participants: [{ kind: 'buurtteam', partnerOrganisationId: world.partners.btOvervecht }, { kind: 'schoolRmc', partnerOrganisationId: null }] });
    itemId = res.body.id;
    expect(await logged('youth.caseReviews.addItem', R('ov1'))).toEqual(['ok']);
  });

  it('a werkmatcher outside the scope gets 404 on the young person and the item, and sees the count but not who', async () => {
    const add = await c(OTHER).post(`${base}/case-reviews/${reviewId}/items`, { residentId: R('ov1'), question: 'Vraag' });
    // wm.zu is not in the review's team either: the review itself is 404.
    expect(add.status).toBe(404);
    const outcome = await c(OTHER).post(`${base}/case-review-items/${itemId}/outcome`, { discussion: 'x', decision: 'y' });
    expect(outcome.status).toBe(404);
    const read = await c(OTHER).get(`${base}/case-reviews/${reviewId}`);
    expect(read.status).toBe(404);
    const arnhem = await c(ROLE_USERS.jobCoachOtherMunicipality).get(`${base}/case-reviews/${reviewId}`);
    expect(arnhem.status).toBe(404);
    // The teamleider of the team sees the item; the database's own policy hides it from a session of another area.
    const lead = await c(ROLE_USERS.teamLead).get(`${base}/case-reviews/${reviewId}`);
    expect(lead.status).toBe(200);
    expect(lead.body.items.map((i: { id: string }) => i.id)).toEqual([itemId]);
    const list = await c(WM).get(`${base}/case-reviews`);
    expect(list.body.items.find((r: { id: string }) => r.id === reviewId)).toMatchObject({ plannedCount: 1, discussedCount: 0 });
    // A buurtteam professional and a policy officer have no access to the agenda with personal details.
    expect((await c(ROLE_USERS.partnerProfessional).get(`${base}/case-reviews/${reviewId}`)).status).toBe(404);
    expect((await c(ROLE_USERS.policyOfficer).get(`${base}/case-reviews/${reviewId}`)).status).toBe(404);
  });

  it('records the outcome; the agreed actions land in the one plan (started when there was none)', async () => {
    const past = await c(WM).post(`${base}/case-review-items/${itemId}/outcome`, { discussion: 'd', decision: 'b', actions: [{ description: 'Budgetcoach bellen', dueDate: addDaysIso(today, -1) }] });
    expect(past.status).toBe(400);
    expect(past.body.invalidParams[0]).toMatchObject({ name: 'actions.0.dueDate', code: 'past' });
    const res = await c(WM).post(`${base}/case-review-items/${itemId}/outcome`, {
      discussion: 'Schulden lopen op; de zoektermijn zou de schuldhulp verstoren.',
      decision: 'Ontheffing voorstellen; buurtteam start schuldhulp.',
      actions: [{ description: 'Aanmelden bij schuldhulp', dueDate: addDaysIso(today, 7) }, { description: 'Ontheffing voorstellen aan senior' }],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'discussed', decision: 'Ontheffing voorstellen; buurtteam start schuldhulp.' });
    expect(res.body.planActionIds).toHaveLength(2);
    const plan = await c(WM).get(`/api/v1/residents/${R('ov1')}/plan`);
    expect(plan.status).toBe(200);
    const goal = plan.body.goals.find((g: { title: string }) => g.title.startsWith('Afspraken uit het casuïstiekoverleg van'));
    expect(goal.actions.map((a: { id: string; description: string }) => [a.id, a.description])).toEqual([
      [res.body.planActionIds[0], 'Aanmelden bij schuldhulp'],
      [res.body.planActionIds[1], 'Ontheffing voorstellen aan senior'],
    ]);
    const twice = await c(WM).post(`${base}/case-review-items/${itemId}/outcome`, { discussion: 'd', decision: 'b' });
    expect(twice.status).toBe(409);
    expect(await logged('youth.caseReviews.outcome', R('ov1'))).toEqual(['ok']);
    const read = await c(WM).get(`${base}/case-reviews/${reviewId}`);
    expect(read.body).toMatchObject({ plannedCount: 0, discussedCount: 1 });
    expect(await logged('youth.caseReviews.read', R('ov1'))).toContain('ok');
  });

  it('refuses bad input with the field named: no question, an unknown kind', async () => {
    const res = await c(WM).post(`${base}/case-reviews/${reviewId}/items`, { residentId: R('ov2'), question: '' });
    expect(res.status).toBe(400);
    expect(res.body.invalidParams.map((p: { name: string }) => p.name)).toContain('question');
    const kind = await c(WM).post(`${base}/case-reviews`, { kind: 'weekly', heldOn: today });
    expect(kind.status).toBe(400);
    expect(kind.body.invalidParams[0].name).toBe('kind');
  });
});

describe('transition moments (overgangsmomenten)', () => {
  const yearsBefore = (iso: string, n: number) => `${Number(iso.slice(0, 4)) - n}${iso.slice(4)}`;
  it('turning 18 after youth care and turning 27 show on the young person and in her werkmatcher\'s list; 404 outside the scope', async () => {
    const eighteenOn = addDaysIso(today, 20);
    const twentySevenOn = addDaysIso(today, 10);
    await server.ownerDb.updateTable('residents').set({ date_of_birth: yearsBefore(eighteenOn, 18) }).where('id', '=', R('ov3')).execute();
    await server.ownerDb.updateTable('residents').set({ date_of_birth: yearsBefore(twentySevenOn, 27) }).where('id', '=', R('ov4')).execute();
    // Before a handover from youth care, turning 18 is no flag.
    const before = await c(WM).get(`/api/v1/residents/${R('ov3')}/transition-moments`);
    expect(before.status).toBe(200);
    expect(before.body.items).toEqual([]);
    const ref = await c(WM).post(`/api/v1/residents/${R('ov3')}/referrals`, {
      partnerKind: 'youthCare', organisationName: 'Jeugdzorg Utrecht', professionalName: 'Sanne de Boer', contextSummary: 'Verlaat de woongroep bij 18.',
      consent: { given: true, on: today }, urgency: 'soon',
    });
    expect(ref.status).toBe(201);
    const after = await c(WM).get(`/api/v1/residents/${R('ov3')}/transition-moments`);
    expect(after.body.items).toEqual([{ residentId: R('ov3'), residentName: expect.any(String), kind: 'turning18AfterYouthCare', on: eighteenOn, daysUntil: 20, partner: 'youthCare' }]);
    const mine = await c(WM).get('/api/v1/youth/transition-moments');
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((i: { residentId: string; kind: string; daysUntil: number }) => [i.residentId, i.kind, i.daysUntil])).toEqual([
      [R('ov4'), 'turning27', 10],
      [R('ov3'), 'turning18AfterYouthCare', 20],
    ]);
    expect(mine.body.total).toBe(2);
    expect((await c(OTHER).get(`/api/v1/residents/${R('ov3')}/transition-moments`)).status).toBe(404);
    expect((await c(ROLE_USERS.jobCoachOtherMunicipality).get(`/api/v1/residents/${R('ov3')}/transition-moments`)).status).toBe(404);
    // Another area's werkmatcher has none of these young people.
    expect((await c(OTHER).get('/api/v1/youth/transition-moments')).body.items).toEqual([]);
    const pseudonym = pseudonymise(TEST_PSEUDONYM_KEY, world.utrecht, R('ov3'));
    const { rows } = await sql<{ action: string }>`SELECT action FROM processing_log_entries WHERE processing_activity_id = 'PA-049' AND data_subject_id = ${pseudonym} AND status = 'ok' ORDER BY action`.execute(server.ownerDb);
    expect([...new Set(rows.map((r) => r.action))]).toEqual(['youth.transitions.list', 'youth.transitions.read']);
  });
});
