import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskOf, type TimeWindow } from '../../src/domain/schedule.ts';
import { MATCHER_VERSION, PROTECTED_ATTRIBUTES, SCORING_FEATURES } from '../../src/modules/matching/matcher.features.ts';
import { pseudonymise } from '../../src/platform/processing-log/pseudonym.ts';
import { ApiClient, loginAs } from '../helpers/client.ts';
import { TEST_PSEUDONYM_KEY } from '../helpers/db.ts';
import { ROLE_USERS, createWorld, makeBsn, type World } from '../helpers/fixtures.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

// The fairness monitor over real HTTP with exact numbers: groups of ≥ 10 residents show their counts, smaller cells
// are null and their group suppressed, a constructed disparity gives the four-fifths warning with the right ratio,
// period boundaries follow the Dutch calendar day, each policy officer sees only his own municipality, other roles
// get 403. And the Algoritmeregister entry: every scoring feature as data used, no protected attribute.

let server: TestServer;
let world: World;
const clients = new Map<string, ApiClient>();
const c = (u: string) => clients.get(u)!;
const POLICY = ROLE_USERS.policyOfficer;
const POLICY_AR = 'beleid.ar';
const PERIOD = 'from=2026-01-01&to=2026-06-30';
const residentIds: string[] = [];
let bsnSeq = 20_000;
const usedBsns = new Set<string>();
/** makeBsn(n) gives the first valid BSN from n up, so neighbouring n can give the same one: skip those. */
function nextBsn(): string {
  for (;;) {
    bsnSeq += 1;
    const bsn = makeBsn(bsnSeq);
    if (!usedBsns.has(bsn)) {
      usedBsns.add(bsn);
      return bsn;
    }
  }
}

const schedule: TimeWindow[] = [{ day: 2, from: '09:00', to: '13:00' }];

interface Funnel {
  household: string;
  n: number;
  /** How many reach each stage within the period (the first k residents). */
  exposed: number;
  proposed: number;
  interviewed: number;
  placed: number;
  /** Extra events just outside the period for the residents not counted (must not count). */
  outside?: boolean;
  female?: number;
}

async function seedGroup(m: string, area: string, staff: string, employer: string, vacancy: string, f: Funnel) {
  const db = server.ownerDb;
  for (let i = 0; i < f.n; i += 1) {
    const id = randomUUID();
    residentIds.push(id);
    const bsn = nextBsn();
    await db.insertInto('residents').values({ municipality_id: m, id, bsn, given_names: `F${i}`, family_name_prefix: null, family_name: 'Monitor', date_of_birth: '1980-01-01', street: 'Teststraat', house_number: String(i + 1), postcode: m === world.utrecht ? '3562AB' : '6811LM', city: 'Test', area_id: area, household_type: f.household, education_level: 'vmbo', phone: null, email: null, is_fictitious: true, updated_at: new Date() }).execute();
    await sql`INSERT INTO work_profiles (municipality_id, resident_id, hours_min, hours_max, availability, availability_mask, updated_by)
      VALUES (${m}, ${id}, 4, 20, ${JSON.stringify(schedule)}::jsonb, ${maskOf(schedule)}::bit(336), ${staff})`.execute(db);
    if (i < (f.female ?? 0)) {
      await sql`INSERT INTO fairness_group_data (municipality_id, resident_id, gender, migration_background, basis) VALUES (${m}, ${id}, 'female', 'none', 'selfReported')`.execute(db);
    }
    const exposure = (at: string, direction = 'residentsForVacancy') =>
      sql`INSERT INTO match_exposures (municipality_id, id, shown_at, direction, resident_id, vacancy_id, rank, score, matcher_version, shown_to)
        VALUES (${m}, ${randomUUID()}, ${at}::timestamptz, ${direction}, ${id}, ${vacancy}, 1, 80, ${MATCHER_VERSION}, ${staff})`.execute(db);
    // Everyone's own list of vacancies was opened in the period: that is not "in the top 10 of candidates" and must
    // not count (it did: every group showed 100%).
    await exposure('2026-03-01T10:00:00+01:00', 'vacanciesForResident');
    // In a vacancy's top 10 of candidates on the last Dutch day of the period (21:30 UTC on 30 June is 23:30 in Amsterdam): counts.
    if (i < f.exposed) await exposure('2026-06-30T23:30:00+02:00');
    // The Dutch day before the period (22:30 UTC on 31 December is 23:30 in Amsterdam): does not count.
    else if (f.outside) await exposure('2025-12-31T23:30:00+01:00');
    if (i < f.proposed) {
      const proposal = randomUUID();
      await sql`INSERT INTO match_proposals (municipality_id, id, resident_id, vacancy_id, score, explanation, matcher_version, status, proposed_by, proposed_at, resident_response_at, interview_committed_at)
        VALUES (${m}, ${proposal}, ${id}, ${vacancy}, 80, '[]'::jsonb, ${MATCHER_VERSION}, ${i < f.interviewed ? 'interviewAgreed' : 'residentAgreed'}, ${staff},
          '2026-01-01T00:10:00+01:00', '2026-02-01T10:00:00+01:00', ${i < f.interviewed ? sql`'2026-03-01T10:00:00+01:00'::timestamptz` : sql`NULL`})`.execute(db);
    }
    const placement = (start: string) =>
      sql`INSERT INTO placements (municipality_id, id, resident_id, employer_id, start_date, contract_type, hours_per_week, outflow, created_by)
        VALUES (${m}, ${randomUUID()}, ${id}, ${employer}, ${start}, 'temporary', 20, 'partial', ${staff})`.execute(db);
    if (i < f.placed) await placement('2026-06-30');
    else if (f.outside) await placement('2026-07-01');
  }
}

beforeAll(async () => {
  server = await startTestServer({ template: 'empty' });
  world = await createWorld(server.ownerDb);
  const db = server.ownerDb;
  const u = world.users;
  const policyAr = randomUUID();
  u[POLICY_AR] = policyAr;
  await db.insertInto('staff_users').values({ municipality_id: world.arnhem, id: policyAr, username: POLICY_AR, display_name: 'Test beleid.ar', email: null, roles: ['policyOfficer'], partner_organisation_id: null, oidc_subject: null, demo_persona: true }).execute();

  const setup = async (m: string, staff: string) => {
    const employer = randomUUID();
    const vacancy = randomUUID();
    await sql`INSERT INTO employers (municipality_id, id, name, sector, created_by) VALUES (${m}, ${employer}, 'Werkgever', 'Zorg', ${staff})`.execute(db);
    await sql`INSERT INTO vacancies (municipality_id, id, employer_id, title, esco_code, occupation_label, isco_group, hours_per_week, schedule, schedule_mask, postcode, contract_type, created_by)
      VALUES (${m}, ${vacancy}, ${employer}, 'Vacature', 'esco-1', 'Beroep', '5321', 4, ${JSON.stringify(schedule)}::jsonb, ${maskOf(schedule)}::bit(336), '3511AB', 'temporary', ${staff})`.execute(db);
    return { employer, vacancy };
  };
  const coach = u[ROLE_USERS.jobCoach]!;
  const ut = await setup(world.utrecht, coach);
  await seedGroup(world.utrecht, world.areas.overvecht, coach, ut.employer, ut.vacancy, { household: 'single', n: 40, exposed: 40, proposed: 30, interviewed: 20, placed: 20, female: 20 });
  await seedGroup(world.utrecht, world.areas.overvecht, coach, ut.employer, ut.vacancy, { household: 'couple', n: 40, exposed: 30, proposed: 30, interviewed: 20, placed: 10, outside: true });
  await seedGroup(world.utrecht, world.areas.overvecht, coach, ut.employer, ut.vacancy, { household: 'singleParent', n: 12, exposed: 12, proposed: 12, interviewed: 10, placed: 5 });
  const arCoach = u[ROLE_USERS.jobCoachOtherMunicipality]!;
  const ar = await setup(world.arnhem, arCoach);
  await seedGroup(world.arnhem, world.areas.noord, arCoach, ar.employer, ar.vacancy, { household: 'single', n: 11, exposed: 11, proposed: 11, interviewed: 11, placed: 11 });

  for (const name of [POLICY, POLICY_AR, ROLE_USERS.jobCoach, ROLE_USERS.teamLead, ROLE_USERS.employerAdvisor, ROLE_USERS.privacyOfficer, ROLE_USERS.researcher]) {
    clients.set(name, await loginAs(server.baseUrl, name));
  }
});

afterAll(async () => {
  await server?.close();
});

const suppressedGroup = (group: string, label: string) => ({ group, label, population: null, exposure: null, proposals: null, interviews: null, placements: null, rates: null, suppressed: true });

describe('fairness monitor', () => {
  it('shows exact counts for groups of at least 10, suppresses smaller cells, and warns by the four-fifths rule', async () => {
    const res = await c(POLICY).get(`/api/v1/fairness/monitor?${PERIOD}&dimension=householdType`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      dimension: 'householdType',
      from: '2026-01-01',
      to: '2026-06-30',
      matcherVersion: MATCHER_VERSION,
      minimumCellSize: 10,
      stages: ['exposure', 'proposal', 'interview', 'placement'],
      groups: [
        { group: 'single', label: 'Alleenstaand', population: 40, exposure: 40, proposals: 30, interviews: 20, placements: 20, rates: { exposure: 1, proposal: 0.75, interview: 0.5, placement: 0.5 }, suppressed: false },
        { group: 'singleParent', label: 'Alleenstaande ouder', population: 12, exposure: 12, proposals: 12, interviews: 10, placements: null, rates: null, suppressed: true },
        // Exposures on 31 December (Dutch time) and placements from 1 July are outside the period.
        { group: 'couple', label: 'Samenwonend, zonder kinderen', population: 40, exposure: 30, proposals: 30, interviews: 20, placements: 10, rates: { exposure: 0.75, proposal: 0.75, interview: 0.5, placement: 0.25 }, suppressed: false },
        suppressedGroup('coupleWithChildren', 'Samenwonend, met kinderen'),
        suppressedGroup('other', 'Ander huishouden'),
      ],
      warnings: [
        { stage: 'exposure', group: 'couple', label: 'Samenwonend, zonder kinderen', ratio: 0.75, referenceGroup: 'single' },
        { stage: 'placement', group: 'couple', label: 'Samenwonend, zonder kinderen', ratio: 0.5, referenceGroup: 'single' },
      ],
    });
    for (const g of res.body.groups) {
      for (const k of ['population', 'exposure', 'proposals', 'interviews', 'placements']) if (g[k] !== null) expect(g[k]).toBeGreaterThanOrEqual(10);
    }
  });

  it('the period changes what counts: from 1 July nothing was reached, so every group is suppressed', async () => {
    const res = await c(POLICY).get('/api/v1/fairness/monitor?from=2026-07-01&to=2026-12-31&dimension=householdType');
    expect(res.status).toBe(200);
    expect(res.body.groups.every((g: { suppressed: boolean }) => g.suppressed)).toBe(true);
    // Population is not period-bound: it still shows where it is large enough.
    expect(res.body.groups[0]).toMatchObject({ group: 'single', population: 40, exposure: null, placements: null });
    expect(res.body.warnings).toEqual([]);
  });

  it('gender and migration background come only from voluntary group data; residents without it are "unknown"', async () => {
    const gender = await c(POLICY).get(`/api/v1/fairness/monitor?${PERIOD}&dimension=gender`);
    expect(gender.status).toBe(200);
    expect(gender.body.groups.map((g: { group: string; population: number | null }) => [g.group, g.population])).toEqual([
      ['female', 20],
      ['male', null],
      ['other', null],
      ['unknown', 72],
    ]);
    const origin = await c(POLICY).get(`/api/v1/fairness/monitor?${PERIOD}&dimension=migrationBackground`);
    expect(origin.body.groups.map((g: { group: string; population: number | null }) => [g.group, g.population])).toEqual([
      ['none', 20],
      ['western', null],
      ['nonWestern', null],
      ['unknown', 72],
    ]);
    const age = await c(POLICY).get(`/api/v1/fairness/monitor?${PERIOD}&dimension=ageBand`);
    expect(age.body.groups.map((g: { group: string; population: number | null }) => [g.group, g.population])).toEqual([
      ['<27', null],
      ['27-44', null],
      ['45+', 92],
    ]);
  });

  it('a policy officer of another municipality sees only his own municipality’s counts', async () => {
    const res = await c(POLICY_AR).get(`/api/v1/fairness/monitor?${PERIOD}&dimension=householdType`);
    expect(res.status).toBe(200);
    expect(res.body.groups[0]).toEqual({ group: 'single', label: 'Alleenstaand', population: 11, exposure: 11, proposals: 11, interviews: 11, placements: 11, rates: { exposure: 1, proposal: 1, interview: 1, placement: 1 }, suppressed: false });
    expect(res.body.groups.slice(1).every((g: { suppressed: boolean; population: number | null }) => g.suppressed && g.population === null)).toBe(true);
  });

  it('is logged under PA-016 as one aggregate entry that names no resident', async () => {
    const traceId = randomBytes(16).toString('hex');
    const res = await c(POLICY).get(`/api/v1/fairness/monitor?${PERIOD}&dimension=gender`, { traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01` });
    expect(res.status).toBe(200);
    const entries = await server.ownerDb.selectFrom('processing_log_entries').select(['data_subject_id', 'data_subject_type', 'processing_activity_id', 'action']).where('trace_id', '=', traceId).execute();
    expect(entries).toEqual([{ data_subject_id: 'aggregate', data_subject_type: 'aggregate', processing_activity_id: 'PA-016', action: 'fairness.monitor' }]);
    const subjects = entries.map((r) => r.data_subject_id);
    const pseudonyms = new Set(residentIds.flatMap((id) => [pseudonymise(TEST_PSEUDONYM_KEY, world.utrecht, id), pseudonymise(TEST_PSEUDONYM_KEY, world.arnhem, id)]));
    expect(subjects.filter((s) => pseudonyms.has(s))).toEqual([]);
  });

  it('rejects a period that ends before it starts, and an unknown dimension', async () => {
    const res = await c(POLICY).get('/api/v1/fairness/monitor?from=2026-06-30&to=2026-01-01');
    expect(res.status).toBe(400);
    expect(res.body.invalidParams[0].name).toBe('from');
    expect((await c(POLICY).get('/api/v1/fairness/monitor?dimension=postcode')).status).toBe(400);
  });

  it('other roles get 403', async () => {
    for (const who of [ROLE_USERS.jobCoach, ROLE_USERS.teamLead, ROLE_USERS.employerAdvisor, ROLE_USERS.privacyOfficer, ROLE_USERS.researcher]) {
      expect((await c(who).get(`/api/v1/fairness/monitor?${PERIOD}`)).status, who).toBe(403);
    }
  });
});

describe('Algoritmeregister entry', () => {
  it('lists every scoring feature as data used and no protected attribute; organisation and version filled in', async () => {
    const res = await c(POLICY).get('/api/v1/algorithm-register/matcher');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBeNull();
    const entry = res.body;
    expect(entry).toMatchObject({ organisation: 'Gemeente Utrecht (test)', status: 'in gebruik', version: MATCHER_VERSION, language: 'nl' });
    expect(entry.data.map((d: { key: string }) => d.key)).toEqual(SCORING_FEATURES.map((f) => f.key));
    for (const d of entry.data) expect(PROTECTED_ATTRIBUTES as readonly string[]).not.toContain(d.key);
    expect(entry.excludedAttributes.map((a: { attribute: string }) => a.attribute).sort()).toEqual([...PROTECTED_ATTRIBUTES].sort());
    expect(entry.humanIntervention).toContain('Een werkmatcher beslist; de inwoner stemt in; de werkgever ziet pas na toestemming wie het is');
    expect(entry.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((await c(POLICY_AR).get('/api/v1/algorithm-register/matcher')).body.organisation).toBe('Gemeente Arnhem (test)');
  });

  it('downloads as a file, for the privacy officer too', async () => {
    const res = await c(ROLE_USERS.privacyOfficer).get('/api/v1/algorithm-register/matcher?download=true');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="algoritmeregister-matcher-${MATCHER_VERSION.replace('/', '-')}.json"`);
    expect(res.body.version).toBe(MATCHER_VERSION);
  });

  it('is not public, and not for case work roles', async () => {
    expect((await new ApiClient(server.baseUrl).get('/api/v1/algorithm-register/matcher')).status).toBe(401);
    for (const who of [ROLE_USERS.jobCoach, ROLE_USERS.employerAdvisor, ROLE_USERS.researcher]) {
      expect((await c(who).get('/api/v1/algorithm-register/matcher')).status, who).toBe(403);
    }
  });
});
