import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInNl } from '../../src/domain/dates.ts';
import { pseudonymise } from '../../src/platform/processing-log/pseudonym.ts';
import { loginAs, type ApiClient } from '../helpers/client.ts';
import { TEST_PSEUDONYM_KEY } from '../helpers/db.ts';
import { ROLE_USERS, createWorld, makeBsn, type World } from '../helpers/fixtures.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { folded, pdfToText } from '../helpers/pdf.ts';

// The one plan over real HTTP: making it together, optimistic concurrency (428, 412 with what changed, racing
// editors), the buurtteam's own actions through consent, the resident's tagged PDF, the processing log, and an
// access matrix of every plan route × every persona × in scope / out of scope / another municipality.

type Persona = keyof typeof ROLE_USERS;
type Key = keyof World['residents'];
let server: TestServer;
let world: World;
const clients = new Map<Persona, ApiClient>();
const c = (p: Persona) => clients.get(p)!;
const P = (key: Key) => `/api/v1/residents/${world.residents[key]}/plan`;
const inDays = (n: number) => new Date(Date.parse(`${todayInNl()}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const etag = async (who: ApiClient, key: Key) => (await who.get(P(key))).headers.get('etag') ?? `"plan-${randomUUID()}-v1"`;
const trace = () => {
  const id = randomBytes(16).toString('hex');
  return { id, headers: { traceparent: `00-${id}-${randomBytes(8).toString('hex')}-01` } };
};
const logged = (traceId: string) =>
  server.ownerDb.selectFrom('processing_log_entries').selectAll().where('trace_id', '=', traceId).execute();

beforeAll(async () => {
  server = await startTestServer({ template: 'empty' });
  world = await createWorld(server.ownerDb);
  for (const p of Object.keys(ROLE_USERS) as Persona[]) clients.set(p, await loginAs(server.baseUrl, ROLE_USERS[p]));
});

afterAll(async () => {
  await server?.close();
});

describe('making the plan together', () => {
  it('without a plan, GET says so; the werkmatcher starts one (ETag v1) and a second one is refused', async () => {
    const none = await c('jobCoach').get(P('ov1'));
    expect(none.status).toBe(404);
    expect(none.body.detail).toContain('Nog geen plan');
    const created = await c('jobCoach').post(P('ov1'), { goals: [{ title: 'Schulden op een rij', lifeDomain: 'finances' }] });
    expect(created.status).toBe(201);
    expect(created.headers.get('etag')).toBe(`"plan-${created.body.id}-v1"`);
    expect(created.body).toMatchObject({ version: 1, status: 'active', view: 'full', agreement: null });
    expect(created.body.permissions).toEqual({ edit: true, addGoal: true, agree: true, editActions: 'all' });
    expect((await c('teamLead').post(P('ov1'), {})).status).toBe(409);
  });

  it('goals, actions with owners and the agreement: each write bumps the version once and adds one history entry', async () => {
    const wm = c('jobCoach');
    let tag = await etag(wm, 'ov1');
    const res = await wm.post(`${P('ov1')}/goals`, { title: 'Werk vinden in de zorg', description: 'Parttime, onder schooltijd' }, { 'if-match': tag });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toMatch(/\/plan\/goals\/[0-9a-f-]{36}$/);
    const [debts, work] = res.body.goals;
    tag = res.headers.get('etag')!;
    const bt = world.users[ROLE_USERS.partnerProfessional]!;
    const actions = [
      { description: 'Post openen en in een map bewaren', owner: { type: 'resident' }, dueDate: inDays(14) },
      { description: 'Budgetcoach regelen', owner: { type: 'partnerProfessional', staffUserId: bt }, dueDate: inDays(21) },
      { description: 'Schuldenoverzicht maken', owner: { type: 'otherPartner', partnerOrganisationId: world.partners.otherUtrecht } },
      { description: 'Vacatures in de zorg zoeken', dueDate: inDays(30) },
    ];
    for (const [i, body] of actions.entries()) {
      const r = await wm.post(`${P('ov1')}/goals/${i < 3 ? debts.id : work.id}/actions`, body, { 'if-match': tag });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      expect(r.body.version).toBe(3 + i);
      tag = r.headers.get('etag')!;
    }
    const agreed = await wm.patch(P('ov1'), { agreement: { agreedOn: todayInNl(), how: 'inPerson' } }, { 'if-match': tag });
    expect(agreed.status).toBe(200);
    expect(agreed.body.version).toBe(7);
    expect(agreed.body.agreement).toMatchObject({ agreedOn: todayInNl(), how: 'inPerson', changedSinceAgreement: false, recordedBy: { id: world.users[ROLE_USERS.jobCoach] } });
    const plan = (await wm.get(P('ov1'))).body;
    const owners = plan.goals.flatMap((g: any) => g.actions.map((a: any) => [a.owner.type, a.owner.name]));
    expect(owners).toEqual([
      ['resident', 'Anna Jansen'],
      ['partnerProfessional', `Test ${ROLE_USERS.partnerProfessional}`],
      ['otherPartner', 'Schuldhulp Utrecht'],
      ['jobCoach', `Test ${ROLE_USERS.jobCoach}`],
    ]);
    const history = (await wm.get(`${P('ov1')}/history`)).body.items;
    expect(history.map((v: any) => v.version)).toEqual([7, 6, 5, 4, 3, 2, 1]);
    expect(history[6].summary).toBe('Plan gemaakt met 1 doel');
    expect(history[0]).toMatchObject({ changedBy: { id: world.users[ROLE_USERS.jobCoach] }, role: 'jobCoach' });
    expect(history[0].changes.map((x: any) => x.field)).toEqual(['agreedOn', 'agreedHow']);
    expect(history[5].changes[0]).toMatchObject({ entity: 'goal', kind: 'added', label: 'Doel ‘Werk vinden in de zorg’ toegevoegd' });
  });

  it('validation answers 400 with a Dutch reason per field, and changes nothing', async () => {
    const wm = c('jobCoach');
    const before = (await wm.get(P('ov1'))).body;
    const tag = `"plan-${before.id}-v${before.version}"`;
    const goalId = before.goals[0].id;
    const cases: Array<[Promise<any>, string]> = [
      [wm.post(`${P('ov1')}/goals`, { title: '  ' }, { 'if-match': tag }), 'title'],
      [wm.post(`${P('ov1')}/goals/${goalId}/actions`, { description: 'Bellen', dueDate: inDays(-3) }, { 'if-match': tag }), 'dueDate'],
      // Years ahead is a goal, not an action (shared date rule).
      [wm.post(`${P('ov1')}/goals/${goalId}/actions`, { description: 'Bellen', dueDate: inDays(6 * 366) }, { 'if-match': tag }), 'dueDate'],
      [wm.post(`${P('ov1')}/goals/${goalId}/actions`, { description: 'Bellen', owner: { type: 'partnerProfessional', staffUserId: world.users[ROLE_USERS.partnerOtherOrg] } }, { 'if-match': tag }), 'owner.staffUserId'],
      [wm.post(`${P('ov1')}/goals/${goalId}/actions`, { description: 'Bellen', owner: { type: 'jobCoach', staffUserId: world.users[ROLE_USERS.policyOfficer] } }, { 'if-match': tag }), 'owner.staffUserId'],
      [wm.patch(P('ov1'), { agreement: { agreedOn: inDays(2), how: 'phone' } }, { 'if-match': tag }), 'agreement.agreedOn'],
    ];
    for (const [call, field] of cases) {
      const res = await call;
      expect(res.status, field).toBe(400);
      expect(res.body.invalidParams.map((p: any) => p.name)).toEqual([field]);
      expect(res.body.invalidParams[0].reason.length).toBeGreaterThan(10);
    }
    expect((await wm.get(P('ov1'))).body.version).toBe(before.version);
  });
});

describe('closing a plan', () => {
  it('ends it (read-only in the answer, gone from GET); then a new plan can start at version 1', async () => {
    const wm = c('jobCoach');
    expect((await wm.post(P('ov3'), {})).status).toBe(201);
    const closed = await wm.patch(P('ov3'), { status: 'closed' }, { 'if-match': await etag(wm, 'ov3') });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', version: 2, permissions: { edit: false, editActions: 'none' } });
    expect((await wm.get(P('ov3'))).status).toBe(404);
    const again = await wm.post(P('ov3'), {});
    expect([again.status, again.body.version]).toEqual([201, 1]);
    expect(again.body.id).not.toBe(closed.body.id);
  });
});

describe('optimistic concurrency', () => {
  it('a write without If-Match gets 428 and changes nothing', async () => {
    const before = (await c('jobCoach').get(P('ov1'))).body;
    const res = await c('jobCoach').patch(`${P('ov1')}/goals/${before.goals[0].id}`, { title: 'Zonder versie' });
    expect(res.status).toBe(428);
    expect((await c('jobCoach').get(P('ov1'))).body.version).toBe(before.version);
  });

  it('a stale write gets 412 with the current plan and what the other person changed; nothing is overwritten', async () => {
    const wm = c('jobCoach');
    const tl = c('teamLead');
    const mine = await wm.get(P('ov1'));
    const goal = mine.body.goals[1];
    const theirs = await tl.patch(`${P('ov1')}/goals/${goal.id}`, { title: 'Werk vinden in de thuiszorg' }, { 'if-match': mine.headers.get('etag')! });
    expect(theirs.status).toBe(200);
    const stale = await wm.patch(`${P('ov1')}/goals/${goal.id}`, { title: 'Werk in een ziekenhuis' }, { 'if-match': mine.headers.get('etag')! });
    expect(stale.status).toBe(412);
    expect(stale.headers.get('content-type')).toContain('application/problem+json');
    expect(stale.headers.get('etag')).toBe(theirs.headers.get('etag'));
    expect(stale.body).toMatchObject({ status: 412, title: 'Inmiddels gewijzigd', current: { version: mine.body.version + 1 } });
    expect(stale.body.changesSince).toHaveLength(1);
    expect(stale.body.changesSince[0]).toMatchObject({
      version: mine.body.version + 1,
      changedBy: { id: world.users[ROLE_USERS.teamLead] },
      changes: [{ entity: 'goal', id: goal.id, field: 'title', before: goal.title, after: 'Werk vinden in de thuiszorg' }],
    });
    expect(stale.body.changesSince[0].summary).toContain('heet nu ‘Werk vinden in de thuiszorg’');
    expect((await wm.get(P('ov1'))).body.goals[1].title).toBe('Werk vinden in de thuiszorg');
  });

  it('two editors racing: 8 concurrent writes with the same If-Match give one 200 and seven 412, one new version', async () => {
    const wm = c('jobCoach');
    const tl = c('teamLead');
    const start = await wm.get(P('ov1'));
    const tag = start.headers.get('etag')!;
    const goalId = start.body.goals[0].id;
    const historyBefore = (await wm.get(`${P('ov1')}/history`)).body.items.length;
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => (i % 2 ? wm : tl).patch(`${P('ov1')}/goals/${goalId}`, { title: `Schulden op een rij ${i}` }, { 'if-match': tag })),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 412)).toHaveLength(7);
    const winner = results.find((r) => r.status === 200)!;
    for (const r of results.filter((x) => x.status === 412)) {
      expect(r.body.current.goals[0].title).toBe(winner.body.goals[0].title);
      expect(r.body.changesSince.map((v: any) => v.version)).toEqual([start.body.version + 1]);
    }
    const now = await wm.get(P('ov1'));
    expect(now.body.version).toBe(start.body.version + 1);
    expect(now.body.goals[0].title).toBe(winner.body.goals[0].title);
    expect((await wm.get(`${P('ov1')}/history`)).body.items.length).toBe(historyBefore + 1);
  });
});

describe('the buurtteam professional, through consent', () => {
  it('sees the shared part, adds an action he owns and marks it done; the rest of the plan is not his', async () => {
    const bt = c('partnerProfessional');
    const seen = await bt.get(P('ov1'));
    expect(seen.status).toBe(200);
    expect(seen.body.view).toBe('shared');
    expect(seen.body.permissions).toEqual({ edit: false, addGoal: false, agree: false, editActions: 'own' });
    expect(seen.body.goals[0]).not.toHaveProperty('barrierId');
    const actions = seen.body.goals.flatMap((g: any) => g.actions);
    const his = actions.find((a: any) => a.owner.type === 'partnerProfessional');
    const coachs = actions.find((a: any) => a.owner.type === 'jobCoach');
    expect(his.permissions.edit).toBe(true);
    expect(coachs.permissions.edit).toBe(false);
    let tag = seen.headers.get('etag')!;
    const goalId = seen.body.goals[0].id;
    const added = await bt.post(`${P('ov1')}/goals/${goalId}/actions`, { description: 'Samen de brieven doornemen', dueDate: inDays(7) }, { 'if-match': tag });
    expect(added.status).toBe(201);
    const mine = added.body.goals[0].actions.find((a: any) => a.description === 'Samen de brieven doornemen');
    expect(mine.owner).toMatchObject({ type: 'partnerProfessional', staffUser: { id: world.users[ROLE_USERS.partnerProfessional] }, partnerOrganisation: { name: 'Buurtteam Overvecht' } });
    tag = added.headers.get('etag')!;
    const done = await bt.patch(`${P('ov1')}/actions/${mine.id}`, { status: 'done' }, { 'if-match': tag });
    expect(done.status).toBe(200);
    const updated = done.body.goals[0].actions.find((a: any) => a.id === mine.id);
    expect(updated.status).toBe('done');
    expect(updated.completedAt).not.toBeNull();
    tag = done.headers.get('etag')!;
    // Not his: the werkmatcher's action, goals, the plan itself. Each looks like it does not exist.
    expect((await bt.patch(`${P('ov1')}/actions/${coachs.id}`, { status: 'done' }, { 'if-match': tag })).status).toBe(404);
    expect((await bt.patch(`${P('ov1')}/goals/${goalId}`, { title: 'Anders' }, { 'if-match': tag })).status).toBe(404);
    expect((await bt.post(`${P('ov1')}/goals`, { title: 'Nieuw doel' }, { 'if-match': tag })).status).toBe(404);
    expect((await bt.patch(P('ov1'), { status: 'closed' }, { 'if-match': tag })).status).toBe(404);
    const owner = await bt.patch(`${P('ov1')}/actions/${mine.id}`, { owner: { type: 'resident' } }, { 'if-match': tag });
    expect([owner.status, owner.body.invalidParams?.[0]?.name]).toEqual([400, 'owner']);
    const forOther = await bt.post(`${P('ov1')}/goals/${goalId}/actions`, { description: 'Bellen', owner: { type: 'resident' } }, { 'if-match': tag });
    expect([forOther.status, forOther.body.invalidParams?.[0]?.name]).toEqual([400, 'owner']);
    const history = (await bt.get(`${P('ov1')}/history`)).body.items;
    expect(history[0]).toMatchObject({ role: 'partnerProfessional', changes: [{ entity: 'action', id: mine.id, field: 'status', before: 'open', after: 'done' }] });
  });
});

describe('the resident’s version as a PDF', () => {
  it('downloads a tagged PDF in plain Dutch', async () => {
    const res = await download(ROLE_USERS.jobCoach, `${P('ov1')}/pdf`);
    expect(res.status).toBe(200);
    expect(res.contentType).toBe('application/pdf');
    expect(res.disposition).toBe('attachment; filename="plan-Anna.pdf"');
    const raw = res.bytes.toString('latin1');
    expect(raw.startsWith('%PDF-')).toBe(true);
    for (const marker of ['/StructTreeRoot', '/MarkInfo', '/Marked true', '/Lang (nl-NL)', '/DisplayDocTitle true', '/S /H1', '/S /H2', '/S /P', '/S /L', '/S /LI']) {
      expect(raw, marker).toContain(marker);
    }
    // The font is embedded (Noto Sans), not one of the standard fonts that only know Latin-1.
    expect(raw).toMatch(/\/FontFile2 \d+ 0 R/);
    expect(raw).toContain('NotoSans');
    const text = folded(await pdfToText(res.bytes));
    for (const words of ['Uw plan', 'Wat gaat u doen?', 'Wat doen anderen?', 'Wie helpt u?', 'Post openen en in een map bewaren']) expect(text).toContain(words);
    const [y, m, d] = inDays(14).split('-').map(Number);
    const month = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'][m! - 1];
    expect(text).toContain(`vóór ${d} ${month} ${y}`);
  });
});

describe('processing log', () => {
  it('every read and write of the plan leaves exactly one PA-009 entry for the right resident', async () => {
    const wm = c('jobCoach');
    const pseudo = (key: Key) => pseudonymise(TEST_PSEUDONYM_KEY, world.utrecht, world.residents[key]);
    const plan = (await wm.get(P('ov1'))).body;
    let tag = `"plan-${plan.id}-v${plan.version}"`;
    const goalId = plan.goals[0].id;
    const actionId = plan.goals.flatMap((g: any) => g.actions).find((a: any) => a.owner.type === 'jobCoach').id;
    const withTag = (h: Record<string, string>) => ({ ...h, 'if-match': tag });
    const ops: Array<[string, Key, Persona, (h: Record<string, string>) => Promise<{ status: number; headers: Headers }>]> = [
      ['plans.read', 'ov1', 'jobCoach', (h) => wm.get(P('ov1'), h)],
      ['plans.read', 'ov1', 'partnerProfessional', (h) => c('partnerProfessional').get(P('ov1'), h)],
      ['plans.history.read', 'ov1', 'jobCoach', (h) => wm.get(`${P('ov1')}/history`, h)],
      ['plans.pdf', 'ov1', 'jobCoach', (h) => wm.get(`${P('ov1')}/pdf`, h)],
      ['plans.create', 'ov2', 'jobCoach', (h) => wm.post(P('ov2'), {}, h)],
      ['plans.update', 'ov1', 'jobCoach', (h) => wm.patch(P('ov1'), { agreement: { agreedOn: todayInNl(), how: 'phone' } }, withTag(h))],
      ['plans.goals.create', 'ov1', 'jobCoach', (h) => wm.post(`${P('ov1')}/goals`, { title: 'Nederlands oefenen', lifeDomain: 'communityParticipation' }, withTag(h))],
      ['plans.goals.update', 'ov1', 'jobCoach', (h) => wm.patch(`${P('ov1')}/goals/${goalId}`, { status: 'achieved' }, withTag(h))],
      ['plans.actions.create', 'ov1', 'jobCoach', (h) => wm.post(`${P('ov1')}/goals/${goalId}/actions`, { description: 'Evalueren' }, withTag(h))],
      ['plans.actions.update', 'ov1', 'jobCoach', (h) => wm.patch(`${P('ov1')}/actions/${actionId}`, { status: 'inProgress' }, withTag(h))],
      ['plans.conflict', 'ov1', 'jobCoach', (h) => wm.patch(`${P('ov1')}/actions/${actionId}`, { status: 'done' }, { ...h, 'if-match': `"plan-${plan.id}-v1"` })],
    ];
    for (const [action, key, persona, op] of ops) {
      const t = trace();
      const res = await op(t.headers);
      expect(res.status, action).toBe(action === 'plans.conflict' ? 412 : action.endsWith('create') ? 201 : 200);
      if (res.status < 300 && key === 'ov1' && res.headers.get('etag')) tag = res.headers.get('etag')!;
      const entries = await logged(t.id);
      expect(entries, action).toHaveLength(1);
      expect(entries[0]).toMatchObject({
        action,
        processing_activity_id: 'PA-009',
        data_subject_id: pseudo(key),
        actor_id: world.users[ROLE_USERS[persona]],
        actor_role: persona,
        status: 'ok',
      });
    }
  });

  it('a refused request logs no processing, only the failed attempt: no If-Match, out of scope, no permission', async () => {
    const plan = (await c('jobCoach').get(P('ov1'))).body;
    const refused = [
      (h: Record<string, string>) => c('jobCoach').patch(P('ov1'), { status: 'closed' }, h),
      (h: Record<string, string>) => c('jobCoachOtherArea').get(P('ov1'), h),
      (h: Record<string, string>) => c('policyOfficer').get(P('ov1'), h),
      (h: Record<string, string>) => c('jobCoachOtherMunicipality').get(`${P('ov1')}/history`, h),
      (h: Record<string, string>) => c('jobCoach').post(`${P('ov1')}/goals`, { title: '' }, { ...h, 'if-match': `"plan-${plan.id}-v${plan.version}"` }),
    ];
    const attempts: number[] = [];
    for (const op of refused) {
      const t = trace();
      expect((await op(t.headers)).status).toBeGreaterThanOrEqual(400);
      const entries = await logged(t.id);
      expect(entries.filter((e: { status: string }) => e.status !== 'error')).toEqual([]);
      attempts.push(entries.length);
    }
    // Refused inside the use case (no If-Match, not in scope): one error entry for the resident of the path. Refused
    // before it started (no permission) or by the input schema: nothing to account for.
    expect(attempts.slice(0, 4)).toEqual([1, 1, 0, 1]);
  });
});

type Target = 'inScope' | 'outOfScope' | 'otherMunicipality';
const targets: Record<Persona, Record<Target, Key>> = {
  jobCoach: { inScope: 'ov4', outOfScope: 'zu1', otherMunicipality: 'ar1' },
  teamLead: { inScope: 'ov4', outOfScope: 'zu1', otherMunicipality: 'ar1' },
  jobCoachOtherArea: { inScope: 'zu1', outOfScope: 'ov4', otherMunicipality: 'ar1' },
  partnerProfessional: { inScope: 'ov1', outOfScope: 'ov2', otherMunicipality: 'ar1' },
  partnerOtherOrg: { inScope: 'ov1', outOfScope: 'ov3', otherMunicipality: 'ar1' },
  employerAdvisor: { inScope: 'ov1', outOfScope: 'zu1', otherMunicipality: 'ar1' },
  policyOfficer: { inScope: 'ov1', outOfScope: 'zu1', otherMunicipality: 'ar1' },
  researcher: { inScope: 'ov1', outOfScope: 'zu1', otherMunicipality: 'ar1' },
  admin: { inScope: 'ov1', outOfScope: 'zu1', otherMunicipality: 'ar1' },
  privacyOfficer: { inScope: 'ov1', outOfScope: 'zu1', otherMunicipality: 'ar1' },
  jobCoachOtherMunicipality: { inScope: 'ar1', outOfScope: 'ov1', otherMunicipality: 'ov4' },
};
const caseWorkers: Persona[] = ['jobCoach', 'teamLead', 'jobCoachOtherArea', 'jobCoachOtherMunicipality'];
const readers: Persona[] = [...caseWorkers, 'partnerProfessional'];
const ids = {} as Record<Key, { goalId: string; actionId: string }>;
let n = 0;

interface RouteCase {
  name: string;
  allowed: Persona[];
  okStatus: number;
  call(who: ApiClient, key: Key): Promise<{ status: number }>;
}

const routes: RouteCase[] = [
  { name: 'GET /plan', allowed: readers, okStatus: 200, call: (w, k) => w.get(P(k)) },
  // The plan exists everywhere, so the area team gets 409 (it reached the resident); everyone else 404.
  { name: 'POST /plan', allowed: caseWorkers, okStatus: 409, call: (w, k) => w.post(P(k), {}) },
  {
    name: 'PATCH /plan',
    allowed: caseWorkers,
    okStatus: 200,
    call: async (w, k) => w.patch(P(k), { agreement: { agreedOn: todayInNl(), how: 'video' } }, { 'if-match': await etag(w, k) }),
  },
  { name: 'POST /plan/goals', allowed: caseWorkers, okStatus: 201, call: async (w, k) => w.post(`${P(k)}/goals`, { title: `Doel ${(n += 1)}` }, { 'if-match': await etag(w, k) }) },
  {
    name: 'PATCH /plan/goals/{goalId}',
    allowed: caseWorkers,
    okStatus: 200,
    call: async (w, k) => w.patch(`${P(k)}/goals/${ids[k].goalId}`, { title: `Doel ${(n += 1)}` }, { 'if-match': await etag(w, k) }),
  },
  {
    name: 'POST /plan/goals/{goalId}/actions',
    allowed: readers,
    okStatus: 201,
    call: async (w, k) => w.post(`${P(k)}/goals/${ids[k].goalId}/actions`, { description: `Actie ${(n += 1)}` }, { 'if-match': await etag(w, k) }),
  },
  {
    name: 'PATCH /plan/actions/{actionId} (the werkmatcher’s action)',
    allowed: caseWorkers,
    okStatus: 200,
    call: async (w, k) => w.patch(`${P(k)}/actions/${ids[k].actionId}`, { dueDate: inDays(30 + (n += 1)) }, { 'if-match': await etag(w, k) }),
  },
  { name: 'GET /plan/history', allowed: readers, okStatus: 200, call: (w, k) => w.get(`${P(k)}/history`) },
  { name: 'GET /plan/pdf', allowed: readers, okStatus: 200, call: (w, k) => w.get(`${P(k)}/pdf`) },
];

describe('access matrix: plan routes × personas × in scope / out of scope / other municipality', () => {
  beforeAll(async () => {
    const coachOf = (k: Key): Persona => (k === 'zu1' ? 'jobCoachOtherArea' : k === 'ar1' ? 'jobCoachOtherMunicipality' : 'jobCoach');
    for (const k of Object.keys(world.residents) as Key[]) {
      const w = c(coachOf(k));
      if ((await w.get(P(k))).status === 404) expect((await w.post(P(k), { goals: [{ title: 'Eerste doel' }] })).status).toBe(201);
      let plan = await w.get(P(k));
      if (plan.body.goals.length === 0) plan = await w.post(`${P(k)}/goals`, { title: 'Eerste doel' }, { 'if-match': plan.headers.get('etag')! });
      let action = plan.body.goals.flatMap((g: any) => g.actions).find((a: any) => a.owner.type === 'jobCoach');
      if (!action) {
        const r = await w.post(`${P(k)}/goals/${plan.body.goals[0].id}/actions`, { description: 'Gesprek plannen' }, { 'if-match': plan.headers.get('etag')! });
        action = r.body.goals[0].actions.find((a: any) => a.owner.type === 'jobCoach');
      }
      ids[k] = { goalId: plan.body.goals[0].id, actionId: action.id };
    }
  });

  for (const route of routes) {
    describe(route.name, () => {
      for (const persona of Object.keys(ROLE_USERS) as Persona[]) {
        const inScope = route.allowed.includes(persona) ? route.okStatus : 404;
        it(`${persona}: in scope → ${inScope}, out of scope → 404, other municipality → 404`, async () => {
          const t = targets[persona];
          const got = {
            inScope: (await route.call(c(persona), t.inScope)).status,
            outOfScope: (await route.call(c(persona), t.outOfScope)).status,
            other: (await route.call(c(persona), t.otherMunicipality)).status,
          };
          expect(got).toEqual({ inScope, outOfScope: 404, other: 404 });
        });
      }
    });
  }
});

describe('consent withdrawn', () => {
  it('the buurtteam professional gets 404 at once on the plan and on his own action; the plan keeps his work', async () => {
    const bt = c('partnerProfessional');
    const seen = await bt.get(P('ov1'));
    expect(seen.status).toBe(200);
    const tag = seen.headers.get('etag')!;
    const his = seen.body.goals.flatMap((g: any) => g.actions).find((a: any) => a.permissions.edit);
    const consents = await c('jobCoach').get(`/api/v1/residents/${world.residents.ov1}/consents`);
    const active = consents.body.items.find((k: any) => k.active && k.partnerOrganisation.id === world.partners.btOvervecht);
    expect((await c('jobCoach').post(`/api/v1/residents/${world.residents.ov1}/consents/${active.id}/withdraw`)).status).toBe(200);
    expect((await bt.get(P('ov1'))).status).toBe(404);
    expect((await bt.get(`${P('ov1')}/history`)).status).toBe(404);
    expect((await bt.get(`${P('ov1')}/pdf`)).status).toBe(404);
    expect((await bt.patch(`${P('ov1')}/actions/${his.id}`, { status: 'inProgress' }, { 'if-match': tag })).status).toBe(404);
    expect((await bt.post(`${P('ov1')}/goals/${his.goalId}/actions`, { description: 'Nog één ding' }, { 'if-match': tag })).status).toBe(404);
    const kept = (await c('jobCoach').get(P('ov1'))).body.goals.flatMap((g: any) => g.actions).find((a: any) => a.id === his.id);
    expect(kept.owner.type).toBe('partnerProfessional');
  });
});

/** A download as bytes (the test client reads text), with a session of its own. */
async function download(username: string, path: string, headers: Record<string, string> = {}) {
  const login = await fetch(`${server.baseUrl}/api/v1/session/demo`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username }),
  });
  const cookie = login.headers.getSetCookie().map((x) => x.split(';')[0]).join('; ');
  const res = await fetch(`${server.baseUrl}${path}`, { headers: { cookie, ...headers } });
  return { status: res.status, contentType: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), bytes: Buffer.from(await res.arrayBuffer()) };
}

/** The text shown on the pages: hex strings of the (deflated) content streams, decoded as WinAnsi. */
describe('names in the PDF as they are written', () => {
  it('Turkish, Polish, Hungarian and other names come out of the PDF exactly as they went in', async () => {
    const wm = c('jobCoach');
    const names: Array<[string, string | null, string]> = [
      ['Fatma', null, 'Yıldırım'],
      ['Łukasz', null, 'Kamiński'],
      ['Ayşe Gül', null, 'Doğan'],
      ['Zsófia', null, 'Kőszegi'],
      ['Małgorzata', null, 'Żurek'],
      // An Arabic name in scholarly Latin transliteration.
      ['Ḫadīǧa', 'al', 'Ḥusaynī'],
    ];
    for (const [i, [given, prefix, family]] of names.entries()) {
      const created = await wm.post('/api/v1/residents', {
        bsn: makeBsn(77_000 + i * 20), givenNames: given, familyNamePrefix: prefix, familyName: family, dateOfBirth: '1988-03-04',
        street: 'Çiçekstraat', houseNumber: String(10 + i), postcode: '3562AB', city: 'Utrecht', householdType: 'single', educationLevel: 'mbo1',
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const id = created.body.id as string;
      expect((await wm.post(`/api/v1/residents/${id}/plan`, { goals: [{ title: `Werk vinden met ${given}` }] })).status).toBe(201);
      const res = await download(ROLE_USERS.jobCoach, `/api/v1/residents/${id}/plan/pdf`);
      expect(res.status).toBe(200);
      const text = folded(await pdfToText(res.bytes));
      const full = [given, prefix, family].filter(Boolean).join(' ');
      expect(text).toContain(`Dit is het plan van ${full}.`);
      expect(text).toContain(`Werk vinden met ${given}`);
    }
  });
});

describe('goals linked to barriers', () => {
  it('a goal may point at a barrier of the same resident, never at another resident’s', async () => {
    const wm = c('jobCoach');
    const resident = await wm.post('/api/v1/residents', {
      bsn: '999990019',
      givenNames: 'Noor',
      familyName: 'Bakker',
      dateOfBirth: '1985-06-01',
      street: 'Zamenhofdreef',
      houseNumber: '5',
      postcode: '3562 JS',
      city: 'Utrecht',
      householdType: 'singleParent',
      educationLevel: 'mbo1',
    });
    expect(resident.status).toBe(201);
    const R = `/api/v1/residents/${resident.body.id}`;
    const own = await wm.post(`${R}/barriers`, { domain: 'finances', description: 'Schulden bij meerdere schuldeisers' });
    const foreign = await wm.post(`/api/v1/residents/${world.residents.ov2}/barriers`, { domain: 'housing', description: 'Dreigende huisuitzetting' });
    expect([own.status, foreign.status]).toEqual([201, 201]);
    const wrong = await wm.post(`${R}/plan`, { goals: [{ title: 'Schulden oplossen', barrierId: foreign.body.id }] });
    expect(wrong.status).toBe(400);
    expect(wrong.body.invalidParams[0]).toMatchObject({ name: 'goals.0.barrierId', code: 'unknown' });
    const made = await wm.post(`${R}/plan`, { goals: [{ title: 'Schulden oplossen', barrierId: own.body.id }] });
    expect(made.status).toBe(201);
    expect(made.body.goals[0].barrierId).toBe(own.body.id);
    const relink = await wm.patch(`${R}/plan/goals/${made.body.goals[0].id}`, { barrierId: foreign.body.id }, { 'if-match': made.headers.get('etag')! });
    expect(relink.status).toBe(400);
    expect(relink.body.invalidParams[0].name).toBe('barrierId');
  });
});
