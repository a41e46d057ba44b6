import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, loginAs } from '../helpers/client.ts';
import { ROLE_USERS, createWorld, type World } from '../helpers/fixtures.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

// Every route × every role × a record in scope, out of scope and in another municipality.
// The expected status comes from a declarative table; anything the caller may not see is 404.

type Persona = keyof typeof ROLE_USERS;
type Target = 'inScope' | 'outOfScope' | 'otherMunicipality';

/** Which fixture resident each persona should (inScope) and should not (others) see. */
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
  // The privacy officer inspects the log of any resident of his own municipality, never another's.
  privacyOfficer: { inScope: 'zu1', outOfScope: 'ar1', otherMunicipality: 'ar1' },
  jobCoachOtherMunicipality: { inScope: 'ar1', outOfScope: 'ov1', otherMunicipality: 'ov4' },
};

const caseWorkers: Persona[] = ['jobCoach', 'teamLead', 'jobCoachOtherArea', 'jobCoachOtherMunicipality'];

interface RouteCase {
  name: string;
  /** Personas that get success on an in-scope record (with this status). Everyone else: 404. */
  allowed: Persona[];
  okStatus: number;
  call(c: ApiClient, residentId: string, w: World, persona: Persona): Promise<{ status: number }>;
}

const routes: RouteCase[] = [
  { name: 'GET /residents/{id}', allowed: [...caseWorkers, 'partnerProfessional'], okStatus: 200, call: (c, id) => c.get(`/api/v1/residents/${id}`) },
  {
    name: 'PATCH /residents/{id}',
    allowed: caseWorkers,
    okStatus: 200,
    call: async (c, id) => {
      const cur = await c.get(`/api/v1/residents/${id}`);
      const etag = cur.headers.get('etag') ?? `"resident-${id}-v1"`;
      return c.patch(`/api/v1/residents/${id}`, { phone: '06 87654321' }, { 'if-match': etag });
    },
  },
  { name: 'GET /residents/{id}/bsn', allowed: caseWorkers, okStatus: 200, call: (c, id) => c.get(`/api/v1/residents/${id}/bsn`) },
  {
    name: 'GET /residents/{id}/contact-person-history',
    allowed: caseWorkers,
    okStatus: 200,
    call: (c, id) => c.get(`/api/v1/residents/${id}/contact-person-history`),
  },
  {
    name: 'PUT /residents/{id}/contact-person',
    allowed: caseWorkers,
    okStatus: 200,
    call: async (c, id, w, persona) => {
      // Hand over to a werkmatcher of the caller's own municipality who is not the current contact person.
      const candidates = persona === 'jobCoachOtherMunicipality' ? ['wm.ar', 'wm.ar2'] : [ROLE_USERS.jobCoach, ROLE_USERS.jobCoachOtherArea];
      const current = await c.get(`/api/v1/residents/${id}`);
      const currentId = current.status === 200 ? current.body.contactPerson?.id : null;
      const target = candidates.map((u) => w.users[u]!).find((u) => u !== currentId)!;
      return c.put(`/api/v1/residents/${id}/contact-person`, { staffUserId: target, handoverNote: 'Warme overdracht: zie het plan en de afspraken.' });
    },
  },
  { name: 'GET /residents/{id}/consents', allowed: [...caseWorkers, 'partnerProfessional'], okStatus: 200, call: (c, id) => c.get(`/api/v1/residents/${id}/consents`) },
  {
    name: 'POST /residents/{id}/consents',
    allowed: caseWorkers,
    okStatus: 201,
    call: (c, id, w, persona) =>
      c.post(`/api/v1/residents/${id}/consents`, {
        // An organisation no persona works for, so these consents do not change anyone's scope.
        partnerOrganisationId: persona === 'jobCoachOtherMunicipality' ? w.partners.otherArnhem : w.partners.otherUtrecht,
        purpose: 'Samen één plan maken',
        validFrom: '2026-01-01',
      }),
  },
  {
    name: 'GET /residents/{id}/contact-moments',
    allowed: caseWorkers,
    okStatus: 200,
    call: (c, id) => c.get(`/api/v1/residents/${id}/contact-moments`),
  },
  {
    name: 'POST /residents/{id}/contact-moments',
    allowed: caseWorkers,
    okStatus: 201,
    call: (c, id) => c.post(`/api/v1/residents/${id}/contact-moments`, { occurredAt: '2026-11-01T10:00:00+01:00', channel: 'phone', summary: 'Gebeld' }),
  },
  // Issue 11: the conversation with the resident, for the area team only (the buurtteam never, even with consent).
  { name: 'GET /residents/{id}/messages', allowed: caseWorkers, okStatus: 200, call: (c, id) => c.get(`/api/v1/residents/${id}/messages`) },
  { name: 'POST /residents/{id}/messages', allowed: caseWorkers, okStatus: 201, call: (c, id) => c.post(`/api/v1/residents/${id}/messages`, { body: 'Hoe gaat het met uw cv?' }) },
  {
    name: 'GET /residents/{id}/processing-log',
    allowed: ['privacyOfficer'],
    okStatus: 200,
    call: (c, id) => c.get(`/api/v1/residents/${id}/processing-log`),
  },
  {
    name: 'GET /privacy/residents/{id}/subject-access-export',
    allowed: ['privacyOfficer'],
    okStatus: 200,
    call: (c, id) => c.get(`/api/v1/privacy/residents/${id}/subject-access-export?format=json`),
  },
  // Studies (issue 14): enrolling a resident (a fresh study of the caller's municipality each time), and what a
  // resident's arm changes for his werkmatcher.
  {
    name: 'POST /studies/{id}/participants',
    allowed: caseWorkers,
    okStatus: 201,
    call: async (c, id, w, persona) => {
      const studyId = await freshStudy(w, persona === 'jobCoachOtherMunicipality' ? w.arnhem : w.utrecht);
      return c.post(`/api/v1/studies/${studyId}/participants`, { residentId: id, consentGiven: true, consentGivenOn: '2026-01-05', educationLevel: 'laag' });
    },
  },
  { name: 'GET /residents/{id}/study-rules', allowed: caseWorkers, okStatus: 200, call: (c, id) => c.get(`/api/v1/residents/${id}/study-rules`) },
  // Team Jongeren (issue 13): the search periods of a young person, for the area team (and Team Jongeren) only.
  { name: 'GET /residents/{id}/search-periods', allowed: caseWorkers, okStatus: 200, call: (c, id) => c.get(`/api/v1/residents/${id}/search-periods`) },
  { name: 'GET /residents/{id}/provisions', allowed: caseWorkers, okStatus: 200, call: (c, id) => c.get(`/api/v1/residents/${id}/provisions`) },
  { name: 'GET /residents/{id}/referrals', allowed: caseWorkers, okStatus: 200, call: (c, id) => c.get(`/api/v1/residents/${id}/referrals`) },
  { name: 'GET /residents/{id}/transition-moments', allowed: caseWorkers, okStatus: 200, call: (c, id) => c.get(`/api/v1/residents/${id}/transition-moments`) },
  // Issue 12: outflow and partial work (writes answer 400 in scope: the scope is checked before the date, so nothing is written).
  { name: 'GET /residents/{id}/outflows', allowed: caseWorkers, okStatus: 200, call: (c, id) => c.get(`/api/v1/residents/${id}/outflows`) },
  {
    name: 'POST /residents/{id}/outflows (date before the benefit)',
    allowed: caseWorkers,
    okStatus: 400,
    call: (c, id) => c.post(`/api/v1/residents/${id}/outflows`, { reason: 'workFullTime', outflowOn: '2020-01-01' }),
  },
  {
    name: 'POST /residents/{id}/benefit-returns (still on benefit)',
    allowed: caseWorkers,
    okStatus: 400,
    call: (c, id) => c.post(`/api/v1/residents/${id}/benefit-returns`, { startDate: '2026-01-01' }),
  },
  { name: 'GET /residents/{id}/partial-work', allowed: caseWorkers, okStatus: 200, call: (c, id) => c.get(`/api/v1/residents/${id}/partial-work`) },
  {
    name: 'PUT /residents/{id}/partial-work/{month}',
    allowed: caseWorkers,
    okStatus: 200,
    call: (c, id) => c.put(`/api/v1/residents/${id}/partial-work/2026-01`, { hours: 8, earningsCents: 12_000 }),
  },
];

/** A study in the given municipality, inserted with the owner connection (any creator of that municipality). */
async function freshStudy(w: World, municipalityId: string): Promise<string> {
  const studyId = crypto.randomUUID();
  const creator = municipalityId === w.arnhem ? w.users[ROLE_USERS.jobCoachOtherMunicipality]! : w.users[ROLE_USERS.teamLead]!;
  await server.ownerDb.transaction().execute(async (tx) => {
    await tx.insertInto('studies' as any).values({ municipality_id: municipalityId, id: studyId, name: 'Matrix', eligibility: '', target_size: 10,
      starts_on: '2026-01-01', ends_on: '2026-12-31', primary_outcome: 'workingOver12h', seed: 'matrix', created_by: creator } as any).execute();
    await tx.insertInto('study_arms' as any).values([
      { municipality_id: municipalityId, study_id: studyId, key: 'controle', name: 'Controle', is_control: true },
      { municipality_id: municipalityId, study_id: studyId, key: 'extra', name: 'Extra', is_control: false },
    ] as any).execute();
  });
  return studyId;
}

function expectedInScope(route: RouteCase, persona: Persona): number {
  return route.allowed.includes(persona) ? route.okStatus : 404;
}

let server: TestServer;
let world: World;
const clients = new Map<Persona, ApiClient>();

beforeAll(async () => {
  server = await startTestServer({ template: 'empty' });
  world = await createWorld(server.ownerDb);
  for (const persona of Object.keys(ROLE_USERS) as Persona[]) clients.set(persona, await loginAs(server.baseUrl, ROLE_USERS[persona]));
});

afterAll(async () => {
  await server?.close();
});

describe('access matrix: single-record routes', () => {
  for (const route of routes) {
    describe(route.name, () => {
      for (const persona of Object.keys(ROLE_USERS) as Persona[]) {
        it(`${persona}: in scope → ${expectedInScope(route, persona)}, out of scope → 404, other municipality → 404`, async () => {
          const c = clients.get(persona)!;
          const t = targets[persona];
          const inScope = await route.call(c, world.residents[t.inScope], world, persona);
          const outOfScope = await route.call(c, world.residents[t.outOfScope], world, persona);
          const other = await route.call(c, world.residents[t.otherMunicipality], world, persona);
          expect({ inScope: inScope.status, outOfScope: outOfScope.status, other: other.status }).toEqual({
            inScope: expectedInScope(route, persona),
            outOfScope: 404,
            other: 404,
          });
        });
      }
    });
  }

  it('withdrawing a consent: allowed for the area team, 404 for everyone else and for other residents', async () => {
    const wm = clients.get('jobCoach')!;
    const created = await wm.post(`/api/v1/residents/${world.residents.ov4}/consents`, {
      partnerOrganisationId: world.partners.otherUtrecht,
      purpose: 'Schulden samen aanpakken',
      validFrom: '2026-01-01',
    });
    expect(created.status).toBe(201);
    const path = `/api/v1/residents/${world.residents.ov4}/consents/${created.body.id}/withdraw`;
    for (const persona of ['jobCoachOtherArea', 'partnerProfessional', 'policyOfficer', 'jobCoachOtherMunicipality'] as Persona[]) {
      expect((await clients.get(persona)!.post(path)).status, persona).toBe(404);
    }
    // The consent id does not belong to another resident.
    expect((await wm.post(`/api/v1/residents/${world.residents.ov1}/consents/${created.body.id}/withdraw`)).status).toBe(404);
    const withdrawn = await wm.post(path);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.active).toBe(false);
    expect(withdrawn.body.withdrawnAt).not.toBeNull();
  });
});

describe('access matrix: lists and searches', () => {
  const expectedVisible: Record<Persona, Array<keyof World['residents']> | 403> = {
    jobCoach: ['ov1', 'ov2', 'ov3', 'ov4'],
    teamLead: ['ov1', 'ov2', 'ov3', 'ov4'],
    jobCoachOtherArea: ['zu1'],
    partnerProfessional: ['ov1'],
    partnerOtherOrg: [],
    employerAdvisor: 403,
    policyOfficer: 403,
    researcher: 403,
    admin: 403,
    privacyOfficer: 403,
    jobCoachOtherMunicipality: ['ar1'],
  };

  for (const persona of Object.keys(ROLE_USERS) as Persona[]) {
    it(`${persona} lists exactly ${JSON.stringify(expectedVisible[persona])}`, async () => {
      const res = await clients.get(persona)!.get('/api/v1/residents?limit=200');
      const expected = expectedVisible[persona];
      if (expected === 403) {
        expect(res.status).toBe(403);
        expect(res.headers.get('content-type')).toContain('application/problem+json');
        return;
      }
      expect(res.status).toBe(200);
      const ids = (res.body.items as Array<{ id: string }>).map((r) => r.id).sort();
      expect(ids).toEqual(expected.map((k) => world.residents[k]).sort());
    });
  }

  it('search by BSN finds nobody outside the scope, even with the exact number', async () => {
    const bsn = (await server.ownerDb.selectFrom('residents').select('bsn').where('id', '=', world.residents.zu1).executeTakeFirstOrThrow()).bsn;
    const wm = clients.get('jobCoach')!;
    expect((await wm.get(`/api/v1/residents?q=${bsn}`)).body.items).toEqual([]);
    const zu = clients.get('jobCoachOtherArea')!;
    expect((await zu.get(`/api/v1/residents?q=${bsn}`)).body.items.map((r: { id: string }) => r.id)).toEqual([world.residents.zu1]);
    expect((await clients.get('jobCoachOtherMunicipality')!.get(`/api/v1/residents?q=${bsn}`)).body.items).toEqual([]);
  });

  it('the buurtteam gets the shared view only: no BSN, benefit or household', async () => {
    const bt = clients.get('partnerProfessional')!;
    const res = await bt.get(`/api/v1/residents/${world.residents.ov1}`);
    expect(res.status).toBe(200);
    expect(res.body.view).toBe('shared');
    expect(res.body).not.toHaveProperty('bsnMasked');
    expect(res.body).not.toHaveProperty('benefit');
    expect(res.body).not.toHaveProperty('householdType');
    expect(res.body.permissions).toEqual({ update: false, readBsn: false, assignContactPerson: false, manageConsents: false, recordContact: false });
    const list = await bt.get('/api/v1/residents');
    expect(Object.keys(list.body.items[0]).sort()).toEqual(['area', 'contactPerson', 'id', 'name']);
  });

  it('withdrawing consent ends the buurtteam’s access at once', async () => {
    const bt = clients.get('partnerProfessional')!;
    const wm = clients.get('jobCoach')!;
    const consents = await wm.get(`/api/v1/residents/${world.residents.ov1}/consents`);
    const active = consents.body.items.find((k: { active: boolean; partnerOrganisation: { id: string } }) => k.active && k.partnerOrganisation.id === world.partners.btOvervecht);
    expect((await bt.get(`/api/v1/residents/${world.residents.ov1}`)).status).toBe(200);
    expect((await wm.post(`/api/v1/residents/${world.residents.ov1}/consents/${active.id}/withdraw`)).status).toBe(200);
    expect((await bt.get(`/api/v1/residents/${world.residents.ov1}`)).status).toBe(404);
    expect((await bt.get('/api/v1/residents')).body.items).toEqual([]);
  });
});

describe('access matrix: the werklijst of the buurtteam and the privacy officer\'s pages', () => {
  const collections: Array<{ name: string; allowed: Persona[]; call: (c: ApiClient, w: World) => Promise<{ status: number }> }> = [
    { name: 'GET /partner-worklist', allowed: ['partnerProfessional', 'partnerOtherOrg'], call: (c) => c.get('/api/v1/partner-worklist') },
    {
      name: 'POST /privacy/lookups',
      allowed: ['privacyOfficer'],
      call: async (c, w) => {
        const { bsn } = await server.ownerDb.selectFrom('residents').select('bsn').where('id', '=', w.residents.zu1).executeTakeFirstOrThrow();
        return c.post('/api/v1/privacy/lookups', { bsn, reason: 'Controle van de toegang tot dit dossier' });
      },
    },
    { name: 'GET /privacy/processing-log', allowed: ['privacyOfficer'], call: (c) => c.get('/api/v1/privacy/processing-log') },
    { name: 'GET /privacy/actors', allowed: ['privacyOfficer'], call: (c) => c.get('/api/v1/privacy/actors') },
    { name: 'GET /privacy/processing-activities', allowed: ['privacyOfficer'], call: (c) => c.get('/api/v1/privacy/processing-activities') },
    // Issue 16: the erasure page's list of decisions and the check of what the law says (changes nothing).
    { name: 'GET /privacy/erasure-requests', allowed: ['privacyOfficer'], call: (c) => c.get('/api/v1/privacy/erasure-requests') },
    {
      name: 'POST /privacy/erasure-assessments',
      allowed: ['privacyOfficer'],
      call: async (c, w) => {
        const { bsn } = await server.ownerDb.selectFrom('residents').select('bsn').where('id', '=', w.residents.zu1).executeTakeFirstOrThrow();
        return c.post('/api/v1/privacy/erasure-assessments', { bsn, reason: 'Brief van de inwoner: wil gewist worden' });
      },
    },
  ];
  for (const route of collections) {
    it(`${route.name}: 200 for ${route.allowed.join(', ')}, 403 problem+json for every other role`, async () => {
      const got: Record<string, number> = {};
      const want: Record<string, number> = {};
      for (const persona of Object.keys(ROLE_USERS) as Persona[]) {
        got[persona] = (await route.call(clients.get(persona)!, world)).status;
        want[persona] = route.allowed.includes(persona) ? 200 : 403;
      }
      expect(got).toEqual(want);
    });
  }

  it('the privacy officer finds no resident of another municipality by BSN (404)', async () => {
    const { bsn } = await server.ownerDb.selectFrom('residents').select('bsn').where('id', '=', world.residents.ar1).executeTakeFirstOrThrow();
    const res = await clients.get('privacyOfficer')!.post('/api/v1/privacy/lookups', { bsn, reason: 'Controle van de toegang tot dit dossier' });
    expect(res.status).toBe(404);
  });

  // Issue 16: the erasure request by BSN: 201 (a decision) for the privacy officer, 403 for every other role, and no
  // resident of another municipality (404).
  it('POST /privacy/erasure-requests: 201 for privacyOfficer, 403 for every other role, 404 for another municipality', async () => {
    const bsnOf = async (id: string) => (await server.ownerDb.selectFrom('residents').select('bsn').where('id', '=', id).executeTakeFirstOrThrow()).bsn;
    const body = async (id: string) => ({ bsn: await bsnOf(id), reason: 'Brief van de inwoner: wil gewist worden' });
    const got: Record<string, number> = {};
    const want: Record<string, number> = {};
    for (const persona of Object.keys(ROLE_USERS) as Persona[]) {
      got[persona] = (await clients.get(persona)!.post('/api/v1/privacy/erasure-requests', await body(world.residents.zu1))).status;
      want[persona] = persona === 'privacyOfficer' ? 201 : 403;
    }
    expect(got).toEqual(want);
    expect((await clients.get('privacyOfficer')!.post('/api/v1/privacy/erasure-requests', await body(world.residents.ar1))).status).toBe(404);
  });
});

describe('authentication and CSRF', () => {
  it('without a session every resident route answers 401 problem+json', async () => {
    const anon = new ApiClient(server.baseUrl);
    for (const path of ['/api/v1/residents', `/api/v1/residents/${world.residents.ov1}`, '/api/v1/session', '/api/v1/areas']) {
      const res = await anon.get(path);
      expect(res.status, path).toBe(401);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.title).toBe('Niet ingelogd');
    }
  });

  it('a write without the CSRF token is refused and changes nothing', async () => {
    const wm = clients.get('jobCoach')!;
    const before = await wm.get(`/api/v1/residents/${world.residents.ov4}/contact-moments`);
    const res = await wm.post(
      `/api/v1/residents/${world.residents.ov4}/contact-moments`,
      { occurredAt: '2026-11-01T10:00:00+01:00', channel: 'phone' },
      { 'x-csrf-token': 'wrong' },
    );
    expect(res.status).toBe(403);
    expect(res.body.title).toBe('Verzoek geweigerd');
    const after = await wm.get(`/api/v1/residents/${world.residents.ov4}/contact-moments`);
    expect(after.body.items.length).toBe(before.body.items.length);
  });
});

// Mijn Samenplan (issue 11, ADR 0016): the resident persona. A resident's session reaches only the portal's routes
// (every staff route: 401, whatever the record); a staff session never acts as a resident (every portal route: 404).
describe('access matrix: the resident persona', () => {
  let resident: ApiClient;
  const portalRoutes: Array<{ name: string; call: (c: ApiClient) => Promise<{ status: number }>; okStatus: number }> = [
    { name: 'GET /portal/session', okStatus: 200, call: (c) => c.get('/api/v1/portal/session') },
    { name: 'GET /portal/home', okStatus: 200, call: (c) => c.get('/api/v1/portal/home') },
    // The fixture resident has no plan: 404 for herself too (the empty state), and 404 for staff.
    { name: 'GET /portal/plan', okStatus: 404, call: (c) => c.get('/api/v1/portal/plan') },
    { name: 'POST /portal/plan/goals', okStatus: 428, call: (c) => c.post('/api/v1/portal/plan/goals', { title: 'Een eigen doel' }) },
    // The fixture resident has no work profile yet (404 for herself too), and no proposals.
    { name: 'GET /portal/work-profile', okStatus: 404, call: (c) => c.get('/api/v1/portal/work-profile') },
    { name: 'GET /portal/proposals', okStatus: 200, call: (c) => c.get('/api/v1/portal/proposals') },
    { name: 'GET /portal/occupations', okStatus: 200, call: (c) => c.get('/api/v1/portal/occupations?q=kok') },
    { name: 'GET /portal/messages', okStatus: 200, call: (c) => c.get('/api/v1/portal/messages') },
    { name: 'POST /portal/messages', okStatus: 201, call: (c) => c.post('/api/v1/portal/messages', { body: 'Ik kan donderdag niet.' }) },
  ];

  beforeAll(async () => {
    await server.ownerDb.updateTable('residents').set({ portal_demo_username: 'inwoner.dirk' }).where('id', '=', world.residents.ov4).execute();
    resident = new ApiClient(server.baseUrl);
    const res = await resident.post('/api/v1/portal/session/demo', { username: 'inwoner.dirk' });
    expect(res.status).toBe(201);
    resident.csrfToken = res.body.csrfToken;
  });

  for (const route of routes) {
    it(`${route.name}: a resident's session → 401 for his own record, another's and another municipality's`, async () => {
      const got = await Promise.all(['ov4', 'ov1', 'ar1'].map(async (k) => (await route.call(resident, world.residents[k as 'ov4'], world, 'jobCoach')).status));
      expect(got).toEqual([401, 401, 401]);
    });
  }

  it('every staff collection and the staff session answer 401 to a resident', async () => {
    for (const path of ['/api/v1/residents', '/api/v1/session', '/api/v1/worklist', '/api/v1/partner-worklist', '/api/v1/privacy/processing-log', '/api/v1/areas']) {
      expect((await resident.get(path)).status, path).toBe(401);
    }
  });

  for (const route of portalRoutes) {
    it(`${route.name}: the resident → ${route.okStatus}, every staff persona → 404`, async () => {
      expect((await route.call(resident)).status).toBe(route.okStatus);
      const got: Record<string, number> = {};
      const want: Record<string, number> = {};
      for (const persona of Object.keys(ROLE_USERS) as Persona[]) {
        got[persona] = (await route.call(clients.get(persona)!)).status;
        want[persona] = 404;
      }
      expect(got).toEqual(want);
    });
  }
});
