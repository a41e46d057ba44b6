import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssessmentTables } from '../../src/modules/assessments/assessments.store.ts';
import { pseudonymise } from '../../src/platform/processing-log/pseudonym.ts';
import { loginAs, type ApiClient } from '../helpers/client.ts';
import { TEST_PSEUDONYM_KEY } from '../helpers/db.ts';
import { ROLE_USERS, createWorld, type World } from '../helpers/fixtures.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

// Integrated assessment (ZRM, participatieladder, barriers) over real HTTP: labels, outdated flags, trend,
// validation messages, If-Match on barriers, the access matrix and one PA-008 log entry per call.

type Persona = keyof typeof ROLE_USERS;
type Target = 'inScope' | 'outOfScope' | 'otherMunicipality';

const DAY = 86_400_000;
let server: TestServer;
let world: World;
const clients = new Map<Persona, ApiClient>();
const as = (p: Persona) => clients.get(p)!;
const path = (residentId: string, rest: string) => `/api/v1/residents/${residentId}/${rest}`;
const db = () => server.ownerDb.withTables<AssessmentTables>();
const pseudo = (municipality: string, residentId: string) => pseudonymise(TEST_PSEUDONYM_KEY, municipality, residentId);

async function logEntries() {
  return server.ownerDb.selectFrom('processing_log_entries').selectAll().orderBy('seq').orderBy('data_subject_id').execute();
}

/** Entries written by fn (seq counts per municipality, so compare entry ids rather than positions). */
async function loggedBy(fn: () => Promise<unknown>) {
  const before = new Set((await logEntries()).map((e) => `${e.entry_id}/${e.data_subject_id}`));
  await fn();
  return (await logEntries()).filter((e) => !before.has(`${e.entry_id}/${e.data_subject_id}`));
}

/** An assessment written straight into the database (as if recorded weeks ago). */
async function insertAssessment(residentId: string, municipality: string, scoredBy: string, scoredAt: Date, scores: Record<string, number>, ladderRung: number | null) {
  const id = randomUUID();
  await db().insertInto('zrm_assessments').values({ municipality_id: municipality, id, resident_id: residentId, scored_by: scoredBy, scored_at: scoredAt, note: 'Eerder gesprek', ladder_rung: ladderRung }).execute();
  const rows = Object.entries(scores).map(([domain, score]) => ({ municipality_id: municipality, assessment_id: id, domain, score }));
  if (rows.length) await db().insertInto('zrm_scores').values(rows).execute();
  return id;
}

async function insertBarrier(residentId: string, municipality: string, by: string) {
  const id = randomUUID();
  await db()
    .insertInto('barriers')
    .values({ municipality_id: municipality, id, resident_id: residentId, domain: 'finances', description: 'Schulden bij de zorgverzekeraar', status: 'open', created_by: by, updated_by: by })
    .execute();
  return id;
}

async function barrierEtag(id: string) {
  const row = await db().selectFrom('barriers').select('version').where('id', '=', id).executeTakeFirstOrThrow();
  return `"barrier-${id}-v${row.version}"`;
}

beforeAll(async () => {
  server = await startTestServer({ template: 'empty' });
  world = await createWorld(server.ownerDb);
  for (const persona of Object.keys(ROLE_USERS) as Persona[]) clients.set(persona, await loginAs(server.baseUrl, ROLE_USERS[persona]));
});

afterAll(async () => {
  await server?.close();
});

describe('ZRM and participatieladder over time', () => {
  it('records scores and reads them back with Dutch labels, scorer, outdated flags and a trend per domain', async () => {
    const ov4 = world.residents.ov4;
    await insertAssessment(ov4, world.utrecht, world.users[ROLE_USERS.teamLead]!, new Date(Date.now() - 40 * DAY), { finances: 1, socialNetwork: 4 }, 2);
    const created = await as('jobCoach').post(path(ov4, 'assessments'), {
      scores: { housing: 4, finances: 2, socialNetwork: 3 },
      ladderRung: 3,
      note: 'Samen met het buurtteam besproken',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      scoredBy: { id: world.users[ROLE_USERS.jobCoach], displayName: 'Test wm.ov' },
      note: 'Samen met het buurtteam besproken',
      ladderRung: 3,
      ladderLabel: 'Deelname aan georganiseerde activiteiten',
      outdated: false,
    });
    // In the order of the matrix, whatever the order sent.
    expect(created.body.scores).toEqual([
      { domain: 'finances', label: 'Financiën', score: 2, scoreLabel: 'Niet zelfredzaam' },
      { domain: 'housing', label: 'Huisvesting', score: 4, scoreLabel: 'Voldoende zelfredzaam' },
      { domain: 'socialNetwork', label: 'Sociaal netwerk', score: 3, scoreLabel: 'Beperkt zelfredzaam' },
    ]);

    const res = await as('teamLead').get(path(ov4, 'assessments'));
    expect(res.status).toBe(200);
    expect(res.body.outdatedAfterDays).toBe(30);
    expect(res.body.items.map((a: any) => [a.ladderLabel, a.outdated, a.scoredBy.displayName])).toEqual([
      ['Deelname aan georganiseerde activiteiten', false, 'Test wm.ov'],
      ['Sociale contacten buitenshuis', true, 'Test tl.ov'],
    ]);
    const byDomain = Object.fromEntries(res.body.trend.domains.map((d: any) => [d.domain, d]));
    expect(res.body.trend.domains).toHaveLength(13);
    expect(byDomain.finances).toMatchObject({ label: 'Financiën', direction: 'improved', latest: { score: 2, scoreLabel: 'Niet zelfredzaam', outdated: false } });
    expect(byDomain.finances.points.map((p: any) => p.score)).toEqual([1, 2]);
    expect(byDomain.finances.points[0].date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(byDomain.socialNetwork).toMatchObject({ direction: 'worse', latest: { score: 3 } });
    expect(byDomain.housing).toMatchObject({ direction: 'none', latest: { score: 4 } });
    expect(byDomain.justice).toEqual({ domain: 'justice', label: 'Justitie', latest: null, direction: 'none', points: [] });
    expect(res.body.trend.ladder).toMatchObject({ direction: 'improved', latest: { rung: 3, outdated: false } });
    expect(res.body.trend.ladder.points.map((p: any) => p.rung)).toEqual([2, 3]);
  });

  it('a score from more than 30 days ago is outdated; only a ladder rung is enough; scoredAt in the past is kept', async () => {
    const zu1 = world.residents.zu1;
    const scoredAt = new Date(Date.now() - 31 * DAY).toISOString();
    const res = await as('jobCoachOtherArea').post(path(zu1, 'assessments'), { ladderRung: 5, scoredAt });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ scores: [], ladderRung: 5, ladderLabel: 'Betaald werk met ondersteuning', outdated: true, note: null });
    expect(new Date(res.body.scoredAt).toISOString()).toBe(scoredAt);
    const history = await as('jobCoachOtherArea').get(path(zu1, 'assessments'));
    expect(history.body.trend.ladder).toMatchObject({ direction: 'none', latest: { rung: 5, outdated: true } });
  });

  it('explains every wrong field at once, in Dutch, and writes nothing (the attempts are logged as errors)', async () => {
    const ov4 = world.residents.ov4;
    const okEntries = async () => (await logEntries()).filter((e) => e.status === 'ok').length;
    const before = await okEntries();
    const count = async () => (await db().selectFrom('zrm_assessments').select('id').where('resident_id', '=', ov4).execute()).length;
    const n = await count();

    const range = await as('jobCoach').post(path(ov4, 'assessments'), { scores: { finances: 0, housing: 6, justice: 3 }, ladderRung: 7 });
    expect(range.status).toBe(400);
    const reasons = Object.fromEntries(range.body.invalidParams.map((p: any) => [p.name, p.reason]));
    expect(Object.keys(reasons).sort()).toEqual(['ladderRung', 'scores.finances', 'scores.housing']);
    expect(reasons['scores.finances']).toContain('Financiën');
    expect(reasons['scores.housing']).toContain('1 (Acute problematiek) tot en met 5 (Volledig zelfredzaam)');
    expect(reasons.ladderRung).toContain('6 (Betaald werk)');

    const empty = await as('jobCoach').post(path(ov4, 'assessments'), { note: 'Alleen een notitie' });
    expect(empty.status).toBe(400);
    expect(empty.body.invalidParams).toEqual([expect.objectContaining({ name: 'scores', code: 'required' })]);

    const future = await as('jobCoach').post(path(ov4, 'assessments'), { scores: { housing: 3 }, scoredAt: new Date(Date.now() + 2 * DAY).toISOString() });
    expect(future.status).toBe(400);
    expect(future.body.invalidParams[0]).toMatchObject({ name: 'scoredAt', code: 'future' });

    const unknown = await as('jobCoach').post(path(ov4, 'assessments'), { scores: { happiness: 3 } });
    expect(unknown.status).toBe(400);
    expect(unknown.headers.get('content-type')).toContain('application/problem+json');
    expect(unknown.body.invalidParams[0].name).toContain('scores');
    expect((await as('jobCoach').post(path(ov4, 'assessments'), { scores: { housing: 2.5 } })).status).toBe(400);

    expect(await count()).toBe(n);
    expect(await okEntries()).toBe(before);
  });

  it('the scales are reference data for forms (nl and en), for the roles that work with assessments', async () => {
    const res = await as('partnerProfessional').get('/api/v1/assessment-scales');
    expect(res.status).toBe(200);
    expect(res.body.domains).toHaveLength(13);
    expect(res.body.domains[1]).toEqual({ code: 'workAndEducation', label: 'Werk & opleiding', labelEn: 'Work & education' });
    expect(res.body.scores.map((s: any) => s.value)).toEqual([1, 2, 3, 4, 5]);
    expect(res.body.ladderRungs[0]).toMatchObject({ value: 1, label: 'Geïsoleerd' });
    expect(res.body.barrierStatuses.map((s: any) => s.label)).toEqual(['Open', 'Wordt aangepakt', 'Opgelost']);
    expect((await as('researcher').get('/api/v1/assessment-scales')).status).toBe(403);
  });
});

describe('barriers per life domain', () => {
  it('records a barrier and changes its status with If-Match: 428 without, 412 when stale', async () => {
    const ov4 = world.residents.ov4;
    const wm = as('jobCoach');
    const created = await wm.post(path(ov4, 'barriers'), { domain: 'mentalHealth', description: 'Slaapt slecht sinds de verhuizing' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ domain: 'mentalHealth', domainLabel: 'Geestelijke gezondheid', status: 'open', statusLabel: 'Open', version: 1 });
    const etag = created.headers.get('etag')!;
    expect(etag).toBe(`"barrier-${created.body.id}-v1"`);
    const url = path(ov4, `barriers/${created.body.id}`);

    expect((await wm.patch(url, { status: 'inProgress' })).status).toBe(428);
    const moved = await as('teamLead').patch(url, { status: 'inProgress' }, { 'if-match': etag });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ status: 'inProgress', statusLabel: 'Wordt aangepakt', version: 2, updatedBy: { displayName: 'Test tl.ov' } });
    expect(moved.headers.get('etag')).toBe(`"barrier-${created.body.id}-v2"`);

    const stale = await wm.patch(url, { status: 'resolved' }, { 'if-match': etag });
    expect(stale.status).toBe(412);
    expect((await db().selectFrom('barriers').select('status').where('id', '=', created.body.id).executeTakeFirstOrThrow()).status).toBe('inProgress');

    expect((await wm.patch(url, {}, { 'if-match': moved.headers.get('etag')! })).status).toBe(400);
    expect((await wm.patch(url, { status: 'gone' }, { 'if-match': moved.headers.get('etag')! })).status).toBe(400);
    const resolved = await wm.patch(url, { status: 'resolved', description: 'Slaapt weer goed' }, { 'if-match': moved.headers.get('etag')! });
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ status: 'resolved', statusLabel: 'Opgelost', description: 'Slaapt weer goed', version: 3 });

    await wm.post(path(ov4, 'barriers'), { domain: 'finances', description: 'Betalingsachterstand huur' });
    const list = await wm.get(path(ov4, 'barriers'));
    expect(list.status).toBe(200);
    expect(list.body.items.map((b: any) => b.status)).toEqual(['open', 'resolved']);
    expect(list.body.items[0].domainLabel).toBe('Financiën');
  });

  it('a barrier of another resident is 404, and an ETag of another barrier is 412', async () => {
    const wm = as('jobCoach');
    const a = await wm.post(path(world.residents.ov4, 'barriers'), { domain: 'housing', description: 'Woning te klein' });
    const b = await wm.post(path(world.residents.ov2, 'barriers'), { domain: 'housing', description: 'Dreigende huisuitzetting' });
    expect((await wm.patch(path(world.residents.ov2, `barriers/${a.body.id}`), { status: 'resolved' }, { 'if-match': a.headers.get('etag')! })).status).toBe(404);
    expect((await wm.patch(path(world.residents.ov4, `barriers/${a.body.id}`), { status: 'resolved' }, { 'if-match': b.headers.get('etag')! })).status).toBe(412);
    const short = await wm.post(path(world.residents.ov4, 'barriers'), { domain: 'housing', description: 'x' });
    expect(short.status).toBe(400);
    expect(short.body.invalidParams[0]).toMatchObject({ name: 'description' });
  });
});

describe('access matrix for the assessment routes', () => {
  // As in access-matrix.test.ts. partnerOtherOrg (Buurtteam Zuilen) has no consent for anyone: 404 on ov1 too.
  const targets: Record<Persona, Record<Target, keyof World['residents']>> = {
    jobCoach: { inScope: 'ov4', outOfScope: 'zu1', otherMunicipality: 'ar1' },
    teamLead: { inScope: 'ov4', outOfScope: 'zu1', otherMunicipality: 'ar1' },
    jobCoachOtherArea: { inScope: 'zu1', outOfScope: 'ov4', otherMunicipality: 'ar1' },
    partnerProfessional: { inScope: 'ov1', outOfScope: 'ov2', otherMunicipality: 'ar1' },
    partnerOtherOrg: { inScope: 'ov1', outOfScope: 'ov3', otherMunicipality: 'ar1' },
    employerAdvisor: { inScope: 'ov1', outOfScope: 'zu1', otherMunicipality: 'ar1' },
    policyOfficer: { inScope: 'ov1', outOfScope: 'zu1', otherMunicipality: 'ar1' },
    researcher: { inScope: 'ov1', outOfScope: 'zu1', otherMunicipality: 'ar1' },
    admin: { inScope: 'ov1', outOfScope: 'zu1', otherMunicipality: 'ar1' },
    privacyOfficer: { inScope: 'zu1', outOfScope: 'ar1', otherMunicipality: 'ar1' },
    jobCoachOtherMunicipality: { inScope: 'ar1', outOfScope: 'ov1', otherMunicipality: 'ov4' },
  };
  const allowed: Persona[] = ['jobCoach', 'teamLead', 'jobCoachOtherArea', 'jobCoachOtherMunicipality', 'partnerProfessional'];
  const barrierOf: Record<string, string> = {};

  beforeAll(async () => {
    for (const key of Object.keys(world.residents) as Array<keyof World['residents']>) {
      const municipality = key === 'ar1' ? world.arnhem : world.utrecht;
      const by = key === 'ar1' ? world.users[ROLE_USERS.jobCoachOtherMunicipality]! : world.users[ROLE_USERS.jobCoach]!;
      barrierOf[world.residents[key]] = await insertBarrier(world.residents[key], municipality, by);
    }
  });

  const routes: Array<{ name: string; okStatus: number; call(c: ApiClient, id: string): Promise<{ status: number }> }> = [
    { name: 'GET assessments', okStatus: 200, call: (c, id) => c.get(path(id, 'assessments')) },
    { name: 'POST assessments', okStatus: 201, call: (c, id) => c.post(path(id, 'assessments'), { scores: { timeUse: 3 } }) },
    { name: 'GET barriers', okStatus: 200, call: (c, id) => c.get(path(id, 'barriers')) },
    { name: 'POST barriers', okStatus: 201, call: (c, id) => c.post(path(id, 'barriers'), { domain: 'timeUse', description: 'Geen dagritme' }) },
    {
      name: 'PATCH barriers/{barrierId}',
      okStatus: 200,
      call: async (c, id) => c.patch(path(id, `barriers/${barrierOf[id]}`), { status: 'inProgress' }, { 'if-match': await barrierEtag(barrierOf[id]!) }),
    },
  ];

  for (const route of routes) {
    describe(route.name, () => {
      for (const persona of Object.keys(ROLE_USERS) as Persona[]) {
        const expected = allowed.includes(persona) ? route.okStatus : 404;
        it(`${persona}: in scope → ${expected}, out of scope → 404, other municipality → 404`, async () => {
          const t = targets[persona];
          const c = as(persona);
          const got = {
            inScope: (await route.call(c, world.residents[t.inScope])).status,
            outOfScope: (await route.call(c, world.residents[t.outOfScope])).status,
            other: (await route.call(c, world.residents[t.otherMunicipality])).status,
          };
          expect(got).toEqual({ inScope: expected, outOfScope: 404, other: 404 });
        });
      }
    });
  }

  it('the buurtteam: allowed on ov1 (active consent), 404 on ov2 (withdrawn) and ov3 (expired) for every route', async () => {
    for (const route of routes) {
      expect((await route.call(as('partnerProfessional'), world.residents.ov1)).status, route.name).toBe(route.okStatus);
      expect((await route.call(as('partnerProfessional'), world.residents.ov2)).status, route.name).toBe(404);
      expect((await route.call(as('partnerProfessional'), world.residents.ov3)).status, route.name).toBe(404);
    }
  });

  it('every read and write leaves exactly one PA-008 entry for the right pseudonymised resident; a refusal one with status error', async () => {
    for (const [persona, key, role] of [
      ['jobCoach', 'ov4', 'jobCoach'],
      ['partnerProfessional', 'ov1', 'partnerProfessional'],
      ['jobCoachOtherMunicipality', 'ar1', 'jobCoach'],
    ] as const) {
      const id = world.residents[key];
      const municipality = key === 'ar1' ? world.arnhem : world.utrecht;
      for (const [route, action] of routes.map((r, i) => [r, ['assessments.list', 'assessments.create', 'barriers.list', 'barriers.create', 'barriers.update'][i]] as const)) {
        const added = await loggedBy(async () => expect((await route.call(as(persona), id)).status).toBe(route.okStatus));
        expect(added.map((e) => [e.action, e.processing_activity_id, e.data_subject_id, e.actor_role, e.municipality_id])).toEqual([
          [action, 'PA-008', pseudo(municipality, id), role, municipality],
        ]);
        expect(added[0]!.data_subject_id).not.toBe(id);
      }
    }
    const refused = await loggedBy(async () => {
      for (const route of routes) expect((await route.call(as('jobCoach'), world.residents.zu1)).status).toBe(404);
    });
    // The attempt is accountable (who tried to open whose file), marked as failed; nothing was shown or written.
    expect(refused.map((e) => [e.action, e.status, e.data_subject_id]).sort()).toEqual(
      ['assessments.list', 'assessments.create', 'barriers.list', 'barriers.create', 'barriers.update'].map((a) => [a, 'error', pseudo(world.utrecht, world.residents.zu1)]).sort(),
    );
  });
});

describe('consent ends the buurtteam’s access at once', () => {
  it('after withdrawal every assessment route answers 404 for the buurtteam, the area team keeps access', async () => {
    const ov1 = world.residents.ov1;
    const bt = as('partnerProfessional');
    const created = await bt.post(path(ov1, 'barriers'), { domain: 'socialNetwork', description: 'Weinig contact met familie' });
    expect(created.status).toBe(201);
    const consents = await as('jobCoach').get(path(ov1, 'consents'));
    const active = consents.body.items.find((k: any) => k.active && k.partnerOrganisation.id === world.partners.btOvervecht);
    expect((await as('jobCoach').post(path(ov1, `consents/${active.id}/withdraw`))).status).toBe(200);
    expect((await bt.get(path(ov1, 'assessments'))).status).toBe(404);
    expect((await bt.post(path(ov1, 'assessments'), { scores: { timeUse: 3 } })).status).toBe(404);
    expect((await bt.get(path(ov1, 'barriers'))).status).toBe(404);
    expect((await bt.patch(path(ov1, `barriers/${created.body.id}`), { status: 'resolved' }, { 'if-match': created.headers.get('etag')! })).status).toBe(404);
    const list = await as('jobCoach').get(path(ov1, 'barriers'));
    expect(list.body.items.map((b: any) => b.id)).toContain(created.body.id);
  });
});
